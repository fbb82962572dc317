"""Inline suppression comments in Markdown and HTML, and --warn-unused-suppressions."""

from __future__ import annotations

from cleaner.cli import main
from cleaner.markup import clean_document


def fixed(text: str, kind: str = "markdown") -> str:
    return clean_document(text, kind).result.text


def test_disable_codes_until_enable():
    text = ("Before. . one\n\n<!-- mtclean: disable PU01 -->\nInside. . the the two\n"
            "<!-- mtclean: enable -->\n\nAfter. . three\n")
    assert fixed(text) == ("Before. one\n\n<!-- mtclean: disable PU01 -->\nInside. . the two\n"
                           "<!-- mtclean: enable -->\n\nAfter. three\n")


def test_disable_without_codes_silences_every_rule_to_the_end():
    text = "One. . a\n\n<!-- mtclean: disable -->\n\nTwo. . the the\n\nThree. . b\n"
    assert fixed(text) == "One. a\n\n<!-- mtclean: disable -->\n\nTwo. . the the\n\nThree. . b\n"


def test_disable_next_line_takes_names_and_family_prefixes():
    text = ("<!-- mtclean: disable-next-line punctuation.doubled-period, repetition -->\n"
            "Kept. . the the\nFixed. . the the\n")
    assert fixed(text) == ("<!-- mtclean: disable-next-line punctuation.doubled-period, repetition -->\n"
                           "Kept. . the the\nFixed. the\n")
    bare = "<!-- mtclean: disable-next-line -->\nKept. . x\nFixed. . y\n"
    assert fixed(bare) == "<!-- mtclean: disable-next-line -->\nKept. . x\nFixed. y\n"


def test_html_suppression():
    text = "<p>A. . b</p>\n<!-- mtclean: disable-next-line PU -->\n<p>C. . d</p>\n"
    assert fixed(text, "html") == "<p>A. b</p>\n<!-- mtclean: disable-next-line PU -->\n<p>C. . d</p>\n"


def test_directives_inside_code_are_not_directives():
    text = "```\n<!-- mtclean: disable -->\n```\n\nStill. . fixed\n"
    assert fixed(text) == "```\n<!-- mtclean: disable -->\n```\n\nStill. fixed\n"


def test_unused_suppressions_are_reported():
    text = "<!-- mtclean: disable-next-line RE01 -->\nA. . b\n<!-- mtclean: disable PU01 -->\nC. . d\n"
    unused = clean_document(text, "markdown").unused
    assert [(d.line, d.column, d.selectors) for d in unused] == [(1, 1, ("RE01",))]


def test_unknown_rule_in_a_directive_is_a_warning():
    text = "<!-- mtclean: disable XX99 -->\nA. . b\n"
    problems = clean_document(text, "markdown").result.problems
    assert [p.message for p in problems] == ["line 1: unknown rule 'XX99' in a suppression comment"]


def test_cli_warns_about_unused_suppressions(tmp_path, capsys):
    article = tmp_path / "a.md"
    article.write_text("Intro\n\n<!-- mtclean: disable-next-line RE01 -->\nA. . b\n", encoding="utf-8")
    assert main(["check", "--warn-unused-suppressions", str(article)]) == 1
    captured = capsys.readouterr()
    assert f"{article}:3:1: warning: unused suppression" in captured.err
    assert f"{article}:4:2: PU01" in captured.out
    assert main(["check", str(article)]) == 1
    assert "unused suppression" not in capsys.readouterr().err


def test_a_change_reaching_into_a_disabled_region_is_silenced():
    from cleaner.markup import layout
    from cleaner.markup.suppress import directives, suppress
    from cleaner.model import Change, Result

    text = "Intro\n<!-- mtclean: disable -->\nKept\n"
    inside = text.index("Kept")
    reaching = Change("CA02", "captions.duplicate-paragraph", "fix", 0, inside + 2, 1, 1, text[:inside + 2], "", "m")
    before = Change("PU01", "punctuation.doubled-period", "fix", 0, 2, 1, 1, text[:2], "", "m")
    result = Result(text, text, (before, reaching))
    kept, unused, problems = suppress(result, directives(text, layout(text, "markdown").regions))
    assert kept.changes == (before,) and unused == () and problems == ()
