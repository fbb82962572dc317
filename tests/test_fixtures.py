"""Every fixture article comes out exactly as its expected files say, and its log replays."""

from __future__ import annotations

import json

import pytest

from cleaner import apply_changes, clean, revert_changes
from tests.conftest import CORPORA, fixture_dirs, read

FIXTURES = fixture_dirs()


def test_there_are_enough_fixtures():
    assert len(FIXTURES) >= 16
    assert sum(1 for d in FIXTURES if "clean" in d.name) >= 3


@pytest.mark.parametrize("folder", FIXTURES, ids=[d.name for d in FIXTURES])
def test_fixture_output_and_log(folder):
    original = read(folder / "input.txt")
    result = clean(original)
    assert result.text == read(folder / "expected.txt")
    log_path = folder / "expected_changes.jsonl"
    expected_log = [json.loads(line) for line in read(log_path).splitlines()] if log_path.exists() else None
    assert expected_log is not None, f"{folder.name}: run tests/update_goldens.py"
    assert [c.to_dict() for c in result.changes] == expected_log
    assert apply_changes(original, result.changes) == result.text
    assert revert_changes(result.text, result.changes) == original
    again = clean(result.text)
    assert again.text == result.text and not again.fixes
    assert clean(original) == result  # deterministic
    if "clean" in folder.name:
        assert not result.fixes


def test_seed_article_gets_exactly_the_expected_fixes():
    folder = next(d for d in FIXTURES if d.name == "000_seed")
    result = clean(read(folder / "input.txt"))
    fixes = [(c.rule, c.before, c.after) for c in result.fixes]
    assert ("PU01", ". .", ".") in fixes
    assert fixes.count(("PU02", ". ,", ",")) == 3
    assert ("RE02", " and cultivate", "") in fixes
    assert ("CO01", "Essays", "Theory") in fixes
    assert len(fixes) == 7
    caption_line = result.text.splitlines()[1]
    assert caption_line == "Photo by Zou Naishuo and Zhang Ye"
    suggested = {c.before for c in result.suggestions}
    assert {"Governance", "Yellow Lu"} <= suggested


def test_clean_corpus_gets_zero_fixes():
    files = sorted(CORPORA.glob("*/*.txt"))
    if not files:
        pytest.skip("the shared clean corpus is not next to this checkout")
    for path in files:
        result = clean(read(path))
        assert not result.fixes, f"{path.name}: {[(c.rule, c.line, c.before) for c in result.fixes]}"
