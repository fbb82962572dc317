"""Hostile input: a pattern that backtracks forever is stopped by the timeout, reported, and the rest applies."""

from __future__ import annotations

from cleaner import Config, Pipeline, clean, default_rules
from cleaner.model import Rule

BACKTRACKING = Rule("XX10", "punctuation.test-backtracking", "substitute", "fix", "backtracks",
                    params={"pattern": r"(?:a|aa)+$", "replacement": ""})


def test_a_rule_that_times_out_is_skipped_for_the_document_and_the_rest_applies():
    text = "They met. . Then " + "a" * 200 + "b left.\n"
    pipeline = Pipeline.from_config(Config(timeout=0.2), rules=default_rules() + (BACKTRACKING,))
    result = clean(text, pipeline=pipeline)
    assert result.text == "They met. Then " + "a" * 200 + "b left.\n"
    # reported once per pass the engine ran
    assert {(p.rule, p.severity) for p in result.problems} == {("XX10", "warning")}
    assert all("timed out" in p.message for p in result.problems)
    assert [c.rule for c in result.fixes] == ["PU01"]
