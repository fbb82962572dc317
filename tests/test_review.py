"""Stable change ids, `mtclean apply` and `mtclean revert` over every fixture."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from cleaner import clean
from cleaner.cli import main
from cleaner.model import Change
from cleaner.review import DECISIONS_SCHEMA, ReviewError, apply_decisions, check_no_overlap
from tests.conftest import SEED, fixture_dirs, read

FIXTURES = fixture_dirs()


def splice(original: str, changes) -> str:
    """The expected text, worked out apart from the code under test: replace from the end."""
    text = original
    for change in sorted(changes, key=lambda c: c.start, reverse=True):
        text = text[: change.start] + change.after + text[change.end :]
    return text


def log_of(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_change_ids_are_stable_and_unique_per_document():
    for folder in FIXTURES:
        first = clean(read(folder / "input.txt"))
        second = clean(read(folder / "input.txt"))
        ids = [c.id for c in first.changes]
        assert ids == [c.id for c in second.changes]
        assert len(set(ids)) == len(ids), folder.name
        assert all(i.startswith(c.rule + "-") and len(i) == len(c.rule) + 13 for i, c in zip(ids, first.changes))


def test_the_id_depends_on_what_changes_not_on_the_message():
    change = Change("PU01", "p.d", "fix", 4, 7, 1, 5, ". .", ".", "m")
    assert change.id == Change("PU01", "p.d", "fix", 4, 7, 9, 9, ". .", ".", "another").id
    assert change.id != Change("PU01", "p.d", "fix", 5, 8, 1, 6, ". .", ".", "m").id
    assert change.id != Change("PU01", "p.d", "fix", 4, 7, 1, 5, ". .", ",", "m").id


def test_the_log_records_carry_the_ids(tmp_path, capsys):
    log = tmp_path / "log.jsonl"
    assert main(["check", str(SEED), "--log", str(log)]) == 1
    (record,) = log_of(log)
    assert record["schema"] == "mtclean.changelog/2"
    assert [c["id"] for c in record["changes"]] == [c.id for c in clean(read(SEED)).changes]


@pytest.mark.parametrize("folder", FIXTURES, ids=[d.name for d in FIXTURES])
def test_apply_all_fixes_equals_fix_and_revert_rebuilds_the_original(folder, tmp_path, capsys):
    original_bytes = (folder / "input.txt").read_bytes()
    source = tmp_path / "input.txt"
    source.write_bytes(original_bytes)
    log = tmp_path / "log.jsonl"
    main(["check", str(source), "--log", str(log)])
    applied = tmp_path / "applied.txt"
    assert main(["apply", str(source), "--log", str(log), "-o", str(applied)]) == 0
    fixed = tmp_path / "fixed.txt"
    shutil.copyfile(source, fixed)
    assert main(["fix", str(fixed)]) == 0
    assert applied.read_bytes() == fixed.read_bytes() == (folder / "expected.txt").read_bytes()
    # the log names input.txt: revert the fixed copy through -o, and apply in place
    reverted = tmp_path / "reverted.txt"
    assert main(["revert", str(fixed), "--log", str(log), "-o", str(reverted)]) == 0
    assert reverted.read_bytes() == original_bytes
    assert main(["apply", str(source), "--log", str(log)]) == 0
    assert source.read_bytes() == fixed.read_bytes()
    assert main(["revert", str(source), "--log", str(log)]) == 0
    assert source.read_bytes() == original_bytes


def seed_setup(tmp_path):
    source = tmp_path / "seed.txt"
    shutil.copyfile(SEED, source)
    log = tmp_path / "log.jsonl"
    main(["check", str(source), "--log", str(log)])
    return source, log, clean(read(SEED))


def test_apply_takes_exactly_the_accepted_changes(tmp_path, capsys):
    source, log, result = seed_setup(tmp_path)
    dropped = result.fixes[1]
    taken = next(c for c in result.suggestions if c.rule == "ST02")
    accepted = [c for c in result.fixes if c != dropped] + [taken]
    decisions = tmp_path / "decisions.json"
    decisions.write_text(json.dumps({"schema": DECISIONS_SCHEMA, "accepted": {str(source): [c.id for c in accepted]},
                                     "rejected": {str(source): [dropped.id]}}))
    out = tmp_path / "out.txt"
    assert main(["apply", str(source), "--log", str(log), "--decisions", str(decisions), "-o", str(out)]) == 0
    expected = splice(result.original, accepted)
    assert read(out) == expected
    assert expected.count(dropped.before) == result.original.count(dropped.before) and "Huang Lu" in expected
    back = tmp_path / "back.txt"
    assert main(["revert", str(out), "--log", str(log), "--decisions", str(decisions), "-o", str(back)]) == 0
    assert back.read_bytes() == SEED.read_bytes()
    # a flat list applies to every document; accepting nothing leaves the text as it was
    decisions.write_text(json.dumps({"schema": DECISIONS_SCHEMA, "accepted": []}))
    capsys.readouterr()
    assert main(["apply", str(source), "--log", str(log), "--decisions", str(decisions), "-o", "-"]) == 0
    assert capsys.readouterr().out == result.original


def test_apply_refuses_a_text_that_is_not_the_logged_original(tmp_path, capsys):
    source, log, result = seed_setup(tmp_path)
    change = result.fixes[2]
    edited = result.original[: change.start] + "X" + result.original[change.start + 1 :]
    source.write_text(edited, encoding="utf-8")
    assert main(["apply", str(source), "--log", str(log)]) == 2
    error = capsys.readouterr().err
    assert f"{change.line}:{change.column}: does not match the log" in error and change.id in error
    assert read(source) == edited  # untouched


def test_nothing_is_written_when_one_of_several_documents_fails(tmp_path, capsys):
    good, log, _ = seed_setup(tmp_path)
    other = tmp_path / "other.txt"
    other.write_text("They met. . Then left.", encoding="utf-8")
    main(["check", str(good), str(other), "--log", str(log)])
    other.write_text("They met; then left.", encoding="utf-8")
    assert main(["apply", str(good), str(other), "--log", str(log)]) == 2
    assert good.read_bytes() == SEED.read_bytes()


def test_revert_refuses_an_edited_cleaned_text(tmp_path, capsys):
    source, log, result = seed_setup(tmp_path)
    assert main(["fix", str(source)]) == 0
    text = read(source)
    source.write_text(text.replace("Photo by", "Photos by"), encoding="utf-8")
    assert main(["revert", str(source), "--log", str(log)]) == 2
    assert "does not match the log" in capsys.readouterr().err


def test_bad_decisions_and_logs_are_named(tmp_path, capsys):
    source, log, result = seed_setup(tmp_path)
    decisions = tmp_path / "d.json"
    for content, message in (
        ({"schema": DECISIONS_SCHEMA, "accepted": ["PU01-000000000000"]}, "which the log does not have"),
        ({"schema": "other"}, "not a decisions file"),
        ({"schema": DECISIONS_SCHEMA, "accepted": [result.fixes[0].id], "rejected": [result.fixes[0].id]},
         "both accepted and rejected"),
        ({"schema": DECISIONS_SCHEMA, "accepted": {"elsewhere/seed.txt": [result.fixes[0].id]}},
         "has no entry for this document"),
    ):
        decisions.write_text(json.dumps(content))
        assert main(["apply", str(source), "--log", str(log), "--decisions", str(decisions)]) == 2
        assert message in capsys.readouterr().err
    record = log_of(log)[0]
    record["changes"][0]["after"] = "tampered"
    log.write_text(json.dumps(record) + "\n")
    assert main(["apply", str(source), "--log", str(log)]) == 2
    assert "does not match its own fields" in capsys.readouterr().err
    assert main(["apply", str(source), str(source), "--log", str(log), "-o", "x"]) == 2
    assert main(["apply", str(source), "--log", str(tmp_path / "missing.jsonl")]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert read(source) == result.original


def test_a_version_1_log_without_ids_still_applies(tmp_path, capsys):
    source, log, result = seed_setup(tmp_path)
    record = log_of(log)[0]
    record["schema"] = "mtclean.changelog/1"
    for change in record["changes"]:
        del change["id"]
    log.write_text(json.dumps(record) + "\n")
    assert main(["apply", str(source), "--log", str(log)]) == 0
    assert read(source) == result.text


def test_overlapping_accepted_changes_are_refused():
    one = Change("ST01", "s.a", "suggest", 0, 5, 1, 1, "Hello", "hello", "m")
    two = Change("LA02", "l.b", "suggest", 3, 8, 1, 4, "lo wo", "", "m")
    with pytest.raises(ReviewError, match="overlap"):
        check_no_overlap([one, two])
    with pytest.raises(ReviewError, match="overlap"):
        apply_decisions("a", "Hello world", [one, two], frozenset({one.id, two.id}))
    assert apply_decisions("a", "Hello world", [one, two], frozenset({one.id})) == "hello world"


def test_apply_and_revert_through_stdin_and_stdout(tmp_path):
    log = tmp_path / "log.jsonl"
    original = SEED.read_bytes()

    def run(*args, data):
        return subprocess.run([sys.executable, "-m", "cleaner", *args], input=data, capture_output=True, check=False)

    assert run("check", "-", "--log", str(log), data=original).returncode == 1
    applied = run("apply", "-", "--log", str(log), data=original)
    assert applied.returncode == 0 and applied.stdout == (SEED.parent / "expected.txt").read_bytes()
    reverted = run("revert", "-", "--log", str(log), data=applied.stdout)
    assert reverted.returncode == 0 and reverted.stdout == original
    refused = run("revert", "-", "--log", str(log), data=original)
    assert refused.returncode == 2 and b"does not match the log" in refused.stderr
