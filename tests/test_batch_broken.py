"""A corpus with broken lines completes: good documents cleaned, every bad one reported, none lost."""

from __future__ import annotations

import json
from pathlib import Path

import cleaner
from cleaner.cli import main
from tests.batch_helpers import MIB, expected_for, generate_articles, read_jsonl

# WS01 made to fail (a replacement naming a group its pattern lacks) on documents saying BOOM only
RULE_ERROR_CONFIG = """\
[rules.WS01]
requires = ["BOOM"]
pattern = "BOOM"
replacement = '\\9'
"""


def broken_corpus() -> tuple[list[bytes], dict[int, str], dict[int, dict]]:
    """Lines of a JSONL corpus, the reason expected for each bad line, and the good records by line."""
    # 5 MB of distinct generated paragraphs with one artifact up front (thousands of artifacts
    # in one document would test the engine's speed, not the batch's robustness)
    big = "Flood crews worked. . All night.\n" + "\n".join(
        a["text"] for a in generate_articles(9, 5 * MIB, inject=False))
    lines: list[bytes] = []
    bad: dict[int, str] = {}
    good: dict[int, dict] = {}

    def add_good(record: dict) -> None:
        lines.append(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
        good[len(lines)] = record

    def add_bad(raw: bytes, reason: str) -> None:
        lines.append(raw + b"\n")
        bad[len(lines)] = reason

    add_good({"id": "g1", "title": "Flood control", "text": "Rains came. . Crews worked,, all night."})
    add_bad(b'{"id": "b1", "text": "unterminated', "invalid JSON: Unterminated string starting at (column 22)")
    add_good({"id": "g2", "text": "A clean sentence stays as it is."})
    add_bad(b'{"id": "b2", "body": "no text field"}', "missing field 'text'")
    add_bad(b'{"id": "b3", "text": 42}', "field 'text' is a number, not a string")
    add_bad(b'{"id": "b4", "text": "caf\xe9 au lait"}', "invalid UTF-8 at byte 25")
    add_good({"id": "big", "title": "Flood control meeting", "text": big})
    add_bad(b'{"id": "b5", "text": "It went BOOM. . Then quiet."}',
            "rule error: IndexError: no such group")
    add_bad(b'["a", "list"]', "not a JSON object but an array")
    add_bad(b'{"id": "b6", "text": "x", "title": ["not", "a", "string"]}', "field 'title' is an array, not a string")
    add_bad(b"", "empty line")
    add_good({"id": "g3", "title": None, "text": "Last one. . Done."})
    return lines, bad, good


def test_broken_lines_are_reported_and_the_rest_is_cleaned(tmp_path: Path) -> None:
    lines, bad, good = broken_corpus()
    source, config = tmp_path / "broken.jsonl", tmp_path / "mtclean.toml"
    source.write_bytes(b"".join(lines))
    config.write_text(RULE_ERROR_CONFIG, encoding="utf-8")
    out, log, errors = tmp_path / "out.jsonl", tmp_path / "log.jsonl", tmp_path / "errors.jsonl"
    code = main(["batch", str(source), "-o", str(out), "--log", str(log), "--errors", str(errors),
                 "--config", str(config), "--jobs", "2", "--chunk-size", "3", "-q"])
    assert code == 1  # some documents failed

    reported = read_jsonl(errors)
    assert {r["line"]: r["reason"] for r in reported} == bad
    assert all(r["input"] == str(source) for r in reported)
    assert [r.get("id") for r in reported] == [None, "b2", "b3", None, "b5", None, "b6", None]

    cleaned, logs = read_jsonl(out), read_jsonl(log)
    assert len(cleaned) + len(reported) == len(lines)  # nothing silently dropped
    assert len(logs) == len(cleaned)
    pipeline = cleaner.Pipeline.from_config(cleaner.load_config(config))
    for (number, record), got, got_log in zip(sorted(good.items()), cleaned, logs):
        want, want_log = expected_for(record, pipeline, record["id"])
        assert got == want and got_log == want_log
    assert cleaned[0]["text"] == "Rains came. Crews worked, all night."
    assert cleaned[2]["text"].startswith("Flood crews worked. All night.")
    assert len(good[7]["text"].encode("utf-8")) > 5_000_000
