"""Properties of `clean` over generated text: Unicode edge cases, line endings, BOM and MT artifact fragments."""

from __future__ import annotations

import regex
from hypothesis import given

from cleaner import apply_changes, clean, revert_changes
from tests.strategies import PROFILE, any_text, documents

BREAK_RE = regex.compile(r"\r\n|\r|\n")
FINAL_BREAK_RE = regex.compile(r"(?:\r\n|\r|\n)\Z")


def line_breaks(text: str) -> set[str]:
    return set(BREAK_RE.findall(text))


def final_break(text: str) -> str:
    match = FINAL_BREAK_RE.search(text)
    return match.group() if match else ""


def assert_exact_log(text: str, result) -> None:
    assert result.original == text
    assert apply_changes(text, result.changes) == result.text
    assert revert_changes(result.text, result.changes) == text
    for change in result.changes:
        assert text[change.start:change.end] == change.before


@PROFILE
@given(any_text)
def test_clean_never_raises_and_its_log_replays_and_reverts(text):
    result = clean(text)
    assert_exact_log(text, result)
    assert not any(p.severity == "error" for p in result.problems), result.problems


@PROFILE
@given(documents())
def test_clean_is_deterministic_and_idempotent(text):
    first = clean(text)
    assert clean(text) == first
    again = clean(first.text)
    assert again.text == first.text, [(c.rule, c.before, c.after) for c in again.fixes]
    assert not again.fixes


@PROFILE
@given(documents())
def test_line_endings_bom_and_final_newline_are_kept(text):
    cleaned = clean(text).text
    assert line_breaks(cleaned) <= line_breaks(text)
    assert cleaned.startswith("\ufeff") == text.startswith("\ufeff")
    assert final_break(cleaned) == final_break(text)


@PROFILE
@given(documents())
def test_every_fix_is_local_to_the_text_it_names(text):
    result = clean(text)
    for change in result.fixes:
        assert 0 <= change.start <= change.end <= len(text)
        assert change.line >= 1 and change.column >= 1


def test_lone_surrogates_in_a_python_string_do_not_break_cleaning():
    text = "Prices rose. . Then \ud83d fell\udc4d. The the end.\r\n"
    result = clean(text)
    assert_exact_log(text, result)
    assert "\ud83d" in result.text and "\udc4d" in result.text
