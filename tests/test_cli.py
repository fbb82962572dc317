"""The command line, called in-process through `main([...])`, plus one run of the real command."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

import cleaner
from cleaner.cli import main
from cleaner.io import LOG_SCHEMA
from cleaner.ruleset import default_rules, ruleset_hash

from tests.conftest import ROOT, SEED

DIRTY = "Prices rose. . We agree.\n"
CLEAN = "Prices rose. We agree.\n"
# One finding from each of three families: PU01, RE01, PU03, WS01.
MIXED = "Prices rose. . We agree agree,, on the plan  today.\n"
RULES = {rule.code: rule for rule in default_rules()}


def write(path, text: str):
    path.write_bytes(text.encode("utf-8"))
    return path


def snapshot(path) -> tuple[bytes, int]:
    """A file's bytes and mtime_ns, to show a command did not write it."""
    return path.read_bytes(), path.stat().st_mtime_ns


def codes(out: str) -> list[str]:
    """The rule codes of `path:line:col: CODE message` lines."""
    return [line.split(": ", 1)[1].split()[0] for line in out.splitlines()]


def test_check_prints_position_of_finding_and_never_writes(tmp_path, capsys):
    """The line and column point at the `. .` itself (1-based), and check only reads."""
    path = write(tmp_path / "a.txt", DIRTY)
    before = snapshot(path)
    assert main(["check", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == f"{path}:1:12: PU01 {RULES['PU01'].message}\n"
    assert err == ""
    assert snapshot(path) == before


def test_check_counts_lines_from_one(tmp_path, capsys):
    """A finding on the third line (CRLF endings) is reported there, not at an offset."""
    path = write(tmp_path / "a.txt", "Title\r\n\r\n" + DIRTY)
    assert main(["check", str(path)]) == 1
    assert capsys.readouterr().out.startswith(f"{path}:3:12: PU01 ")


@pytest.mark.parametrize("text", [CLEAN, ""], ids=["clean", "empty"])
def test_check_clean_or_empty_file_is_silent(tmp_path, capsys, text):
    path = write(tmp_path / "a.txt", text)
    before = snapshot(path)
    assert main(["check", str(path)]) == 0
    assert capsys.readouterr() == ("", "")
    assert snapshot(path) == before


def test_diff_prints_unified_diff_and_never_writes(tmp_path, capsys):
    path = write(tmp_path / "a.txt", DIRTY)
    before = snapshot(path)
    assert main(["diff", str(path)]) == 1
    expected = f"--- a/{path}\n+++ b/{path}\n@@ -1 +1 @@\n-{DIRTY}+{CLEAN}"
    assert capsys.readouterr().out == expected
    assert snapshot(path) == before


def test_diff_of_clean_file_is_empty(tmp_path, capsys):
    path = write(tmp_path / "a.txt", CLEAN)
    assert main(["diff", str(path)]) == 0
    assert capsys.readouterr() == ("", "")


def test_fix_rewrites_in_place_keeping_mode_and_leaving_no_temp_file(tmp_path, capsys):
    """The file gets exactly what `cleaner.clean` returns; the atomic write leaves nothing behind."""
    path = write(tmp_path / "a.txt", MIXED)
    os.chmod(path, 0o640)
    assert main(["fix", str(path)]) == 0
    assert path.read_bytes().decode("utf-8") == cleaner.clean(MIXED).text
    assert path.stat().st_mode & 0o777 == 0o640
    assert sorted(os.listdir(tmp_path)) == ["a.txt"]
    assert capsys.readouterr() == ("", "")


def test_fix_stdin_to_stdout(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(MIXED.encode("utf-8")), encoding="utf-8"))
    assert main(["fix", "-"]) == 0
    assert capsys.readouterr() == (cleaner.clean(MIXED).text, "")


def test_log_records_every_documented_field(tmp_path, capsys):
    """One JSON Lines record per document, with the fields the README documents."""
    path = write(tmp_path / "a.txt", DIRTY)
    other = write(tmp_path / "b.txt", CLEAN)
    log = tmp_path / "log.jsonl"
    assert main(["fix", str(path), str(other), "--log", str(log)]) == 0
    records = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert [r["path"] for r in records] == [str(path), str(other)]
    first = records[0]
    assert first["schema"] == LOG_SCHEMA
    assert first["mtclean"] == cleaner.__version__
    assert first["ruleset"] == ruleset_hash()
    (change,) = first["changes"]
    assert change.pop("id").startswith("PU01-")
    assert change == {
        "rule": "PU01", "name": "punctuation.doubled-period", "action": "fix",
        "start": 11, "end": 14, "line": 1, "column": 12,
        "before": ". .", "after": ".", "message": RULES["PU01"].message,
    }
    assert records[1]["changes"] == []


BAD_INPUTS = {
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    "invalid-utf8": b"caf\xe9 . . ok",
    "missing": None,
}


def bad_and_good(tmp_path, kind: str):
    """A bad input of this kind (left absent for `missing`) and a dirty good file after it."""
    bad = tmp_path / f"bad-{kind}"
    if BAD_INPUTS[kind] is not None:
        bad.write_bytes(BAD_INPUTS[kind])
    return bad, write(tmp_path / "good.txt", DIRTY)


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_check_names_unreadable_input_and_goes_on(tmp_path, capsys, kind):
    """One stderr line names the bad path; the good file after it is still checked."""
    bad, good = bad_and_good(tmp_path, kind)
    assert main(["check", str(bad), str(good)]) == 2
    out, err = capsys.readouterr()
    assert codes(out) == ["PU01"] and out.startswith(f"{good}:1:12: ")
    assert len(err.splitlines()) == 1 and str(bad) in err


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_fix_skips_unreadable_input_and_fixes_the_rest(tmp_path, capsys, kind):
    bad, good = bad_and_good(tmp_path, kind)
    assert main(["fix", str(bad), str(good)]) == 2
    assert good.read_bytes() == CLEAN.encode("utf-8")
    if BAD_INPUTS[kind] is not None:
        assert bad.read_bytes() == BAD_INPUTS[kind]
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and str(bad) in err


@pytest.mark.parametrize("selector", ["punctuation", "PU", "PU01,PU03", "punctuation.doubled-period"])
def test_select_by_family_code_or_name(tmp_path, capsys, selector):
    path = write(tmp_path / "a.txt", MIXED)
    assert main(["check", "--select", selector, str(path)]) == 1
    found = codes(capsys.readouterr().out)
    assert found and all(code.startswith("PU") for code in found)
    assert ("PU03" in found) == (selector != "punctuation.doubled-period")


@pytest.mark.parametrize("selector", ["punctuation", "PU", "PU01,PU03"])
def test_ignore_by_family_or_code(tmp_path, capsys, selector):
    path = write(tmp_path / "a.txt", MIXED)
    assert main(["check", "--ignore", selector, str(path)]) == 1
    assert codes(capsys.readouterr().out) == ["RE01", "WS01"]


def test_ignore_flag_adds_to_the_config_files_ignore(tmp_path, capsys):
    """As in ruff: `--ignore` on the command line extends the file's list instead of replacing it."""
    (tmp_path / "mtclean.toml").write_text('ignore = ["PU01"]\n', encoding="utf-8")
    path = write(tmp_path / "a.txt", MIXED)
    assert main(["check", "--ignore", "WS01", str(path)]) == 1
    assert codes(capsys.readouterr().out) == ["RE01", "PU03"]


def test_diff_counts_lines_as_check_does(tmp_path, capsys):
    """A U+2028 inside a line is not a line break: the hunk is on the line `check` names."""
    path = write(tmp_path / "a.txt", "One\u2028two.\nThree. . Four.\n")
    assert main(["diff", str(path)]) == 1
    out = capsys.readouterr().out
    assert "@@ -1,2 +1,2 @@\n One\u2028two.\n-Three. . Four.\n+Three. Four.\n" in out
    assert "No newline" not in out


def test_unwritable_log_is_an_error_naming_it(tmp_path, capsys):
    path = write(tmp_path / "a.txt", DIRTY)
    assert main(["check", "--log", str(tmp_path), str(path)]) == 2
    assert str(tmp_path) in capsys.readouterr().err


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_selector_is_usage_error_naming_it(tmp_path, capsys, option):
    path = write(tmp_path / "a.txt", DIRTY)
    before = snapshot(path)
    assert main(["fix", option, "PU01,NOPE99", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "NOPE99" in err
    assert snapshot(path) == before


def test_rules_lists_every_code(capsys):
    assert main(["rules"]) == 0
    listed = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert listed == list(RULES)


def test_rules_shows_one_rule_with_its_examples(capsys):
    assert main(["rules", "PU01"]) == 0
    out = capsys.readouterr().out
    rule = RULES["PU01"]
    assert out.startswith(f"PU01 {rule.name} ")
    for example in rule.changes + rule.keeps:
        assert repr(example.text) in out
    assert all(repr(example.expected) in out for example in rule.changes)


def test_rules_unknown_code_exits_2(capsys):
    assert main(["rules", "XX99"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "XX99" in err


def test_fix_is_idempotent_through_the_cli(tmp_path, capsys):
    """On the seed article a second fix writes nothing, and check then has no pending fix."""
    path = tmp_path / "seed.txt"
    path.write_bytes(SEED.read_bytes())
    assert main(["fix", str(path)]) == 0
    once = snapshot(path)
    assert once[0] != SEED.read_bytes()
    assert main(["fix", str(path)]) == 0
    assert snapshot(path) == once
    capsys.readouterr()
    assert main(["check", str(path)]) == 0
    assert all("[suggestion]" in line for line in capsys.readouterr().out.splitlines())


def test_real_process_fixes_stdin_and_writes_log(tmp_path):
    """`python -m cleaner` as a real process (source tree first on PYTHONPATH, so a stale install
    cannot stand in for it): stdin to stdout, the log on disk, exit 0."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run(
        [sys.executable, "-m", "cleaner", "fix", "-", "--log", "log.jsonl"],
        input=MIXED.encode("utf-8"), capture_output=True, cwd=tmp_path, env=env, check=False,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout.decode("utf-8") == cleaner.clean(MIXED).text
    (record,) = [json.loads(line) for line in (tmp_path / "log.jsonl").read_text(encoding="utf-8").splitlines()]
    assert record["path"] == "-"
    assert [c["rule"] for c in record["changes"]] == ["PU01", "RE01", "PU03", "WS01"]
