"""The engine's invariants: offsets in the original, exact replay and revert, merged overlaps."""

from __future__ import annotations

from cleaner import Config, apply_changes, clean, revert_changes
from cleaner.model import Edit, Rule
from cleaner.spans import Span, apply_spans, compose, line_column, line_starts

RULE_A = Rule("PU98", "punctuation.a", "substitute", "fix", "a")
RULE_B = Rule("PU99", "punctuation.b", "substitute", "fix", "b")


def test_compose_maps_later_edits_to_original_offsets():
    original = "aa bb cc"
    first = compose(original, [], original, [Edit(0, 2, "A", RULE_A)])
    current = apply_spans(original, first)
    assert current == "A bb cc"
    second = compose(original, first, current, [Edit(5, 7, "C", RULE_B)])
    assert [(s.start, s.end, s.after) for s in second] == [(0, 2, "A"), (6, 8, "C")]


def test_overlapping_edits_merge_into_one_change_named_by_the_later_rule():
    original = "x. . y"
    first = compose(original, [], original, [Edit(1, 4, ".", RULE_A)])  # "x. y"
    current = apply_spans(original, first)
    merged = compose(original, first, current, [Edit(1, 3, ";", RULE_B)])  # "x;y"
    assert len(merged) == 1
    span = merged[0]
    assert (span.start, span.end, span.after, span.rule.code) == (1, 5, ";", "PU99")
    assert "merged with PU98" in span.message


def test_an_edit_that_undoes_an_earlier_fix_leaves_no_change():
    original = "ab"
    first = compose(original, [], original, [Edit(0, 1, "X", RULE_A)])
    undone = compose(original, first, "Xb", [Edit(0, 1, "a", RULE_B)])
    assert undone == []


def test_protected_regions_are_never_changed():
    original = "see www.a..b.cn now.. ok"
    spans = compose(original, [], original, [Edit(9, 11, ".", RULE_A), Edit(19, 21, ".", RULE_A)],
                    protected=[(4, 15)])
    assert [(s.start, s.end) for s in spans] == [(19, 21)]


def test_insertions_and_deletions_next_to_each_other_stay_separate():
    original = "ab"
    first = compose(original, [], original, [Edit(1, 2, "", RULE_A)])
    second = compose(original, first, "a", [Edit(1, 1, "c", RULE_B)])
    assert apply_spans(original, second) == "ac"
    assert all(isinstance(s, Span) for s in second)


def test_line_and_column_count_every_kind_of_line_break():
    starts = line_starts("a\r\nb\rc\nd")
    assert [line_column(starts, i) for i in (0, 3, 5, 7)] == [(1, 1), (2, 1), (3, 1), (4, 1)]


def test_changes_carry_original_offsets_lines_and_columns():
    text = "Title\nprices rose. . Then\u3000fell ,,too"
    result = clean(text)
    for change in result.changes:
        assert text[change.start:change.end] == change.before
        assert text.splitlines()[change.line - 1][change.column - 1:].startswith(change.before[:1] or "")
    assert apply_changes(text, result.changes) == result.text
    assert revert_changes(result.text, result.changes) == text


def test_same_input_same_output_and_log():
    text = "Der Ausschuss hat gestern beschlossen, die Regeln zu ändern und zu veröffentlichen.\nThe the county met. . Then\n"
    first, second = clean(text), clean(text)
    assert first == second


def test_cleaning_cleaned_text_changes_nothing():
    text = "roads，and bridges。The county  met the the farmers. . Then, , cultivate and cultivate them."
    once = clean(text)
    twice = clean(once.text)
    assert twice.text == once.text and not twice.fixes


def test_suggestions_are_logged_but_never_applied():
    text = "We met the farmers and Combined the plans. (Yellow Lu)"
    result = clean(text)
    assert result.text == text
    assert {c.rule for c in result.suggestions} == {"ST01", "ST02"}


def test_action_overrides_turn_a_suggestion_into_a_fix_and_back():
    text = "We met the farmers and Combined the plans."
    assert clean(text, Config(fix=("ST01",))).text == "We met the farmers and combined the plans."
    assert clean("them. . We", Config(suggest=("PU01",))).text == "them. . We"


def test_select_and_ignore_take_codes_names_and_families():
    text = "them. . We met  the the farmers"
    assert clean(text, Config(select=("whitespace",))).text == "them. . We met the the farmers"
    assert clean(text, Config(ignore=("PU", "repetition.doubled-word"))).text == "them. . We met the the farmers"
    assert clean(text, Config(select=("PU01",))).text == "them. We met  the the farmers"


def test_empty_text_is_clean():
    result = clean("")
    assert result.text == "" and result.changes == ()


def test_later_passes_near_the_fixes_find_what_full_passes_find():
    """Line-local rules rerun only around the first pass's fixes; the result must not differ."""
    from benchmarks.generate_corpus import generate_articles
    from cleaner.engine import Pipeline
    from tests.conftest import fixture_dirs, read

    pipeline = Pipeline.from_config()
    documents = [(a["text"], a["title"]) for a in generate_articles(7, 400_000)]
    documents += [(read(d / "input.txt"), None) for d in fixture_dirs()]
    assert len(documents) > 100
    for text, title in documents:
        localised = clean(text, pipeline=pipeline, title=title)
        full = clean(text, pipeline=pipeline, title=title, localised=False)
        assert localised == full, text[:80]
