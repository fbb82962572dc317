"""One generated test per rule example: `pytest -k PU01` runs one rule's examples."""

from __future__ import annotations

import pytest

from cleaner import Config, apply_changes, clean, revert_changes
from cleaner.ruleset import default_rules


def _cases():
    for rule in default_rules():
        for index, example in enumerate(rule.changes):
            yield pytest.param(rule, example, "change", id=f"{rule.code}-change-{index}")
        for index, example in enumerate(rule.keeps):
            yield pytest.param(rule, example, "keep", id=f"{rule.code}-keep-{index}")


@pytest.mark.parametrize("rule, example, kind", list(_cases()))
def test_rule_example(rule, example, kind):
    config = Config(select=(rule.code,))
    result = clean(example.text, config)
    mine = [c for c in result.changes if c.rule == rule.code]
    if kind == "keep":
        # a fix rule may still suggest on a keep example (a pull quote); a suggest rule must be silent
        findings = [c for c in mine if c.action == "fix"] if rule.action == "fix" else mine
        assert findings == [], f"{rule.code} should leave {example.text!r} alone"
        assert result.text == example.text
        return
    if example.flagged is not None:
        assert any(c.before == example.flagged for c in mine), [c.before for c in mine]
        assert result.text == example.text
    elif rule.action == "fix":
        assert result.text == example.expected
    else:
        assert result.text == example.text, "a suggestion must not be applied"
        assert apply_changes(example.text, mine, actions=("suggest",)) == example.expected
    # the log replays and reverts, and a second run changes nothing
    assert apply_changes(example.text, result.changes) == result.text
    assert revert_changes(result.text, result.changes) == example.text
    again = clean(result.text, config)
    assert again.text == result.text and not again.fixes
