"""Markdown and HTML awareness: rules see prose only, findings keep the original line and column."""

from __future__ import annotations

import pytest

from cleaner import apply_changes, revert_changes
from cleaner.markup import clean_document, document_type, layout

MARKDOWN = """\
---
title: "Rules on Rural Road Upkeep"
tags: [roads. . repair, the the]
---

# Roads . .

The county opened the the new road. . Officials said it will cultivate and cultivate trade.

```python
road = "a. . b"  # the the
```

    indented. . code the the

Run `make. . all` and read [the plan](https://example.org/a..b "Plan. . title").
See ![map](img/road..png) too.

<!-- note. . the the -->

| Town. . name | length |
|:--|--:|
| Xianning | 12 . . |

[plan]: https://example.org/ref..x "Ref. . title"

<div class="x. . y">Work began. . today</div>

<script>var s = "x. . y";</script>
"""

MARKDOWN_CLEANED = MARKDOWN.replace("# Roads . .", "# Roads.").replace(
    "The county opened the the new road. . Officials said it will cultivate and cultivate trade.",
    "The county opened the new road. Officials said it will cultivate trade.",
).replace("| Town. . name |", "| Town. name |").replace("| 12 . . |", "| 12. |").replace(
    "Work began. . today", "Work began. today")

HTML = """\
<!DOCTYPE html>
<html><head><title>Rules on Rural Road Upkeep</title>
<meta name="description" content="a. . b the the">
<style>p::after { content: ". ."; }</style></head>
<body>
<h1>Roads . .</h1>
<p class="lead. . x">The county opened the the new road. . Officials agreed.Work starts soon.</p>
<p>See <a href="https://example.org/a. .b" title="t. . t">the plan. . here</a> and <img src="a..png" alt="x. . y"> now.</p>
<!-- note. . the the -->
<pre>
pre. . the the
</pre>
<p>Run <code>make. . all</code> &amp; wait. . please</p>
<script>var s = "x. . y";</script>
</body></html>
"""

HTML_CLEANED = HTML.replace("<h1>Roads . .</h1>", "<h1>Roads.</h1>").replace(
    "The county opened the the new road. . Officials agreed.Work starts soon.",
    "The county opened the new road. Officials agreed. Work starts soon.",
).replace("the plan. . here", "the plan. here").replace("wait. . please", "wait. please")


def test_markdown_only_the_prose_changes():
    result = clean_document(MARKDOWN, "markdown").result
    assert result.text == MARKDOWN_CLEANED
    assert apply_changes(MARKDOWN, result.changes) == result.text
    assert revert_changes(result.text, result.changes) == MARKDOWN


def test_html_only_the_prose_changes():
    result = clean_document(HTML, "html").result
    assert result.text == HTML_CLEANED
    assert revert_changes(result.text, result.changes) == HTML


def test_findings_carry_the_original_line_and_column():
    result = clean_document(MARKDOWN, "markdown").result
    lines = MARKDOWN.splitlines()
    for change in result.changes:
        line = lines[change.line - 1]
        assert line[change.column - 1:].startswith(change.before.split("\n")[0])
    doubled = [c for c in result.changes if c.rule == "PU01"][1]
    assert (doubled.line, doubled.column) == (8, 35)  # "The county opened the the new road. ."


def test_cleaning_twice_changes_nothing_more():
    for text, kind in ((MARKDOWN, "markdown"), (HTML, "html")):
        once = clean_document(text, kind).result.text
        assert clean_document(once, kind).result.text == once


def test_code_inside_list_items_and_quotes_is_protected():
    text = "- item. . one\n\n  ```\n  code. . x\n  ```\n\n      list code. . y\n\n> quote. . z\n"
    expected = "- item. one\n\n  ```\n  code. . x\n  ```\n\n      list code. . y\n\n> quote. z\n"
    assert clean_document(text, "markdown").result.text == expected


def test_a_fix_reaching_into_code_is_dropped():
    text = "They said the `the` plan works. . Fine.\n"
    assert clean_document(text, "markdown").result.text == "They said the `the` plan works. Fine.\n"


def test_a_code_block_is_not_a_duplicate_paragraph():
    para = "The county government said the new road would open to traffic before the end of the year."
    text = f"{para}\n\n```\n{para}\n```\n\n    {para}\n"
    assert clean_document(text, "markdown").result.changes == ()
    repeated = f"{para}\n\n```\nx = 1\n```\n\n{para}\n"
    changes = clean_document(repeated, "markdown").result.changes
    # the later prose copy is found (a suggestion in so short a text), across the code block
    assert [(c.rule, c.line, c.before) for c in changes] == [("CA02", 7, para + "\n")]


def test_front_matter_title_is_the_document_title():
    text = "---\ntitle: Tea Trade\n---\n\nBody.\n"
    assert layout(text, "markdown").title == "Tea Trade"
    assert layout("+++\ntitle = \"Tea\"\n+++\nBody\n", "markdown").title == "Tea"
    assert layout(HTML, "html").title == "Rules on Rural Road Upkeep"


def test_plain_text_is_cleaned_whole():
    text = "Run `make. . all` now. . Then\n"
    assert clean_document(text, "text").result.text == "Run `make. all` now. Then\n"


@pytest.mark.parametrize("name, kind", [
    ("a.md", "markdown"), ("a.markdown", "markdown"), ("a.HTML", "html"), ("a.htm", "html"),
    ("a.txt", "text"), ("README", "text"),
])
def test_type_by_extension(name, kind):
    assert document_type(name) == kind


def test_front_matter_title_takes_part_in_title_consistency():
    body = 'The "Implementation Rules on Rural Road Maintenance" and "Implementation Rules on Rural Road Maintenances".\n'
    text = '---\ntitle: "Implementation Rules on Rural Road Maintenance"\nslug: a. . b\n---\n\n' + body
    result = clean_document(text, "markdown").result
    assert result.text == text.replace("Maintenances", "Maintenance")
    wrong = '---\ntitle: "Implementation Rules on Rural Road Maintenances"\n---\n\n' + body.replace("Maintenances", "Maintenance")
    assert clean_document(wrong, "markdown").result.text == wrong.replace("Maintenances", "Maintenance")


def test_only_title_consistency_may_change_the_title_value():
    text = '---\ntitle: "Tea Expo. . 2024"\n---\n\nTea. . Expo\n'
    assert clean_document(text, "markdown").result.text == '---\ntitle: "Tea Expo. . 2024"\n---\n\nTea. Expo\n'


def test_type_flag_overrides_the_extension(tmp_path, capsys):
    from cleaner.cli import main

    notes = tmp_path / "notes.txt"
    notes.write_text("Run `make. . all` now.\n", encoding="utf-8")
    assert main(["check", str(notes)]) == 1
    assert main(["check", "--type", "markdown", str(notes)]) == 0
    page = tmp_path / "page.md"
    page.write_text("Run `make. . all` now.\n", encoding="utf-8")
    assert main(["check", str(page)]) == 0
    assert main(["check", "--type", "text", str(page)]) == 1
    assert capsys.readouterr().out.count("PU01") == 2


@pytest.mark.parametrize("kind", ["markdown", "html"])
def test_clean_corpus_read_as_markup_gets_zero_fixes(kind):
    from .conftest import CORPORA, FIXTURES, read

    files = sorted(CORPORA.glob("*/*.txt")) + sorted(FIXTURES.glob("*_clean_*/input.txt"))
    assert files
    for path in files:
        result = clean_document(read(path), kind).result
        assert not result.fixes, f"{path.name}: {[(c.rule, c.line, c.before) for c in result.fixes]}"
