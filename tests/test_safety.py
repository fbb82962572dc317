"""The safety check on every run: a rule that breaks an invariant leaves the document unchanged and is named."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from cleaner import Config, Pipeline, clean, default_rules, engine
from cleaner.cli import main
from cleaner.model import Change, Edit, Result, Rule
from cleaner.safety import failed, verify
from cleaner.stages import KINDS

TEXT = "Prices rose. . See www.jilin.gov.cn for the report.\n"


def broken_rule(monkeypatch, code, find):
    """A real rule of a kind registered for this test only, whose stage misbehaves as `find` does."""
    kind = f"test-{code.lower()}"
    monkeypatch.setitem(KINDS, kind, SimpleNamespace(find=find))
    return Rule(code, f"punctuation.test-{code.lower()}", kind, "fix", "a deliberately broken rule")


def past_the_end(text, rule, context):
    return [Edit(len(text) - 2, len(text) + 40, "!", rule)] if text.endswith("\n") else []


def from_the_end(text, rule, context):
    # a negative offset slices from the end in Python: the replay would garble the document
    return [Edit(-1, 3, "X", rule)] if "X" not in text else []


def never_settles(text, rule, context):
    return [Edit(len(text), len(text), "!", rule)]


def run(rules):
    return clean(TEXT, pipeline=Pipeline.from_config(Config(), rules=rules))


@pytest.mark.parametrize("find, others", [(past_the_end, default_rules()), (from_the_end, ())],
                         ids=["past-the-end", "negative-offsets"])
def test_a_rule_that_breaks_the_log_leaves_the_document_unchanged(monkeypatch, find, others):
    rule = broken_rule(monkeypatch, "XX01", find)
    result = run(others + (rule,))
    assert result.text == TEXT and not result.changed
    assert result.changes == ()
    assert failed(result)
    (problem,) = [p for p in result.problems if p.severity == "error"]
    assert problem.rule == "XX01" and "safety check failed" in problem.message


def test_without_the_broken_rule_the_same_document_is_cleaned():
    result = run(default_rules())
    assert result.text == "Prices rose. See www.jilin.gov.cn for the report.\n"
    assert not failed(result)


def test_a_rule_that_never_settles_leaves_the_document_unchanged(monkeypatch):
    rule = broken_rule(monkeypatch, "XX02", never_settles)
    result = run(default_rules() + (rule,))
    assert result.text == TEXT and result.changes == ()
    assert failed(result)
    assert "did not settle" in result.problems[-1].message


def test_verify_names_the_rule_that_changed_protected_text():
    original = "See www.jilin.gov.cn now."
    start = original.index("jilin")
    fix = Change("XX03", "x.y", "fix", start, start + 5, 1, start + 1, "jilin", "hubei", "m")
    tampered = Result(original, original.replace("jilin", "hubei"), (fix,))
    checked = verify(tampered, [(4, 20)])
    assert checked.text == original and checked.changes == ()
    assert checked.problems[-1].rule == "XX03" and "protected" in checked.problems[-1].message
    # the same fix outside any protected span passes
    assert verify(tampered, []) is tampered


def test_verify_names_the_rule_whose_log_does_not_replay():
    original = "They met. . Then left."
    fix = Change("XX04", "x.y", "fix", 9, 11, 1, 10, " .", "", "m")
    wrong_text = Result(original, "They met. Then left!", (fix,))
    checked = verify(wrong_text, [])
    assert checked.text == original
    assert checked.problems[-1].rule == "XX04" and "does not replay" in checked.problems[-1].message
    overlapping = Result(original, original, (fix, Change("XX05", "x.y", "fix", 10, 11, 1, 11, ".", "", "m")))
    assert verify(overlapping, []).problems[-1].rule == "XX05"


def test_an_insertion_at_the_edge_of_a_protected_span_is_allowed():
    original = "Visit www.jilin.gov.cn"
    fix = Change("XX06", "x.y", "fix", 22, 22, 1, 23, "", ".", "m")
    result = Result(original, original + ".", (fix,))
    assert verify(result, [(6, 22)]) is result


def test_the_cli_counts_a_failed_check_as_an_error_and_writes_nothing(monkeypatch, tmp_path, capsys):
    rule = broken_rule(monkeypatch, "XX07", past_the_end)
    monkeypatch.setattr(engine, "default_rules", lambda: default_rules() + (rule,))
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main(["fix", str(path)]) == 2
    assert path.read_text(encoding="utf-8") == TEXT
    err = capsys.readouterr().err
    assert "mtclean: error:" in err and "XX07" in err and "document left unchanged" in err
    assert main(["check", str(path)]) == 2
