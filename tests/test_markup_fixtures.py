"""Markdown and HTML fixture articles: only the prose changes, exactly as the expected files say.

`fixtures/markup/NAME.EXT` is an article with artifacts in its prose and artifact-like text in
its code, links, front matter, attributes and comments; `NAME.expected.EXT` is the result.
"""

from __future__ import annotations

import pytest

from cleaner import apply_changes, revert_changes
from cleaner.cli import main
from cleaner.markup import clean_document, document_type, layout

from .conftest import FIXTURES, read

MARKUP = FIXTURES / "markup"
ARTICLES = sorted(p for p in MARKUP.iterdir() if ".expected." not in p.name and p.suffix in (".md", ".html", ".htm"))


def expected_path(article):
    return article.with_name(f"{article.stem}.expected{article.suffix}")


def test_there_are_markdown_and_html_articles():
    assert {a.suffix for a in ARTICLES} >= {".md", ".html"} and len(ARTICLES) >= 3


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name)
def test_only_the_prose_changes_exactly_as_expected(article):
    text, expected = read(article), read(expected_path(article))
    kind = document_type(article.name)
    result = clean_document(text, kind).result
    assert result.text == expected
    assert apply_changes(text, result.changes) == expected and revert_changes(expected, result.changes) == text
    # every piece of markup (code, front matter, links, tags, comments...) is byte-identical
    kept = [text[r.start:r.end] for r in layout(text, kind).regions]
    assert [expected[r.start:r.end] for r in layout(expected, kind).regions] == kept
    assert clean_document(expected, kind).result.fixes == ()


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name)
def test_fix_through_the_command_line(article, tmp_path):
    copy = tmp_path / article.name
    copy.write_bytes(article.read_bytes())
    assert main(["fix", str(tmp_path)]) == 0
    assert copy.read_bytes() == expected_path(article).read_bytes()
