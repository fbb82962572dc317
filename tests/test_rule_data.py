"""Rule data is code: its hygiene is tested like code."""

from __future__ import annotations

import tomllib

import pytest

from cleaner.ruleset import RuleError, default_rules, parse_rule, rules_dir


def test_codes_and_names_are_unique_and_well_formed():
    rules = default_rules()
    codes = [r.code for r in rules]
    names = [r.name for r in rules]
    assert len(codes) == len(set(codes))
    assert len(names) == len(set(names))
    for rule in rules:
        assert rule.message and not rule.message.endswith(".")
        assert rule.code[:2] == {
            "encoding": "EN", "captions": "CA", "punctuation": "PU", "whitespace": "WS",
            "repetition": "RE", "consistency": "CO", "language": "LA", "style": "ST",
        }[rule.family]


def test_every_rule_has_both_kinds_of_example():
    for rule in default_rules():
        assert rule.changes and rule.keeps, rule.code


def test_every_family_from_the_guide_is_present():
    families = {r.family for r in default_rules()}
    assert families == {"encoding", "captions", "punctuation", "whitespace", "repetition",
                        "consistency", "language", "style"}


def test_rule_files_declare_a_stage():
    for path in rules_dir().glob("*.toml"):
        assert isinstance(tomllib.loads(path.read_text(encoding="utf-8"))["stage"], int), path.name


BASE = {"code": "PU99", "name": "punctuation.test", "kind": "substitute", "action": "fix", "message": "m",
        "pattern": "x", "replacement": "y"}


@pytest.mark.parametrize(
    "broken, complaint",
    [
        ({}, "needs at least one 'change' example"),
        ({"change": [{"text": "x", "expected": "y"}]}, "needs at least one 'keep' example"),
        ({"change": [{"text": "x", "expected": "x"}], "keep": ["z"]}, "equals its expectation"),
        ({"change": [{"text": "x", "flagged": "q"}], "keep": ["z"]}, "must be a part"),
        ({"code": "P1", "change": [{"text": "x", "expected": "y"}], "keep": ["z"]}, "code must look like"),
        ({"action": "maybe", "change": [{"text": "x", "expected": "y"}], "keep": ["z"]}, "action must be"),
    ],
)
def test_a_rule_without_proper_examples_is_rejected(broken, complaint):
    with pytest.raises(RuleError, match=complaint):
        parse_rule({**BASE, **broken}, "test.toml")
