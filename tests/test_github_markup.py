"""`mtclean check --format github` on a Markdown and HTML repository: annotations point at the
original line and column, past front matter, code blocks and markup."""

from __future__ import annotations

import ast
import shutil

import regex

from cleaner.cli import main

from .conftest import FIXTURES

ANNOTATION_RE = regex.compile(
    r"::(?P<level>warning|notice) file=(?P<file>[^,]+),line=(?P<line>\d+),col=(?P<col>\d+),"
    r"endLine=(?P<end_line>\d+),endColumn=(?P<end_col>\d+),title=(?P<code>\w+) [^:]+::(?P<message>.*)")


def test_github_annotations_carry_original_lines_and_columns(tmp_path, capsys, monkeypatch):
    (tmp_path / "docs").mkdir()
    for name in ("county_roads.md", "flood_control.html"):
        shutil.copy(FIXTURES / "markup" / name, tmp_path / "docs" / name)
    (tmp_path / "docs" / "clean.md").write_text("---\ntitle: x. . y\n---\n\n```\na. . b\n```\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "github", "."]) == 1
    lines = capsys.readouterr().out.splitlines()
    annotations = [ANNOTATION_RE.fullmatch(line) for line in lines]
    assert all(annotations), lines
    assert {a["file"] for a in annotations} == {"docs/county_roads.md", "docs/flood_control.html"}

    # each annotation's line and column find, in the file as it is on disk, the text it names
    for found in annotations:
        text = (tmp_path / found["file"]).read_text(encoding="utf-8")
        source = text.splitlines(keepends=True)
        line, col, end_line, end_col = (int(found[k]) for k in ("line", "col", "end_line", "end_col"))
        start = sum(len(s) for s in source[:line - 1]) + col - 1
        end = sum(len(s) for s in source[:end_line - 1]) + end_col - 1
        shown = ast.literal_eval(found["message"].rsplit(" (", 1)[1].split(" -> ")[0])
        if shown.endswith("…"):  # long texts are shortened in the message
            assert text[start:end].startswith(shown[:-1]), found.group()
        else:
            assert text[start:end] == shown, found.group()

    positions = [(a["file"], int(a["line"]), int(a["col"]), a["code"]) for a in annotations]
    assert ("docs/county_roads.md", 10, 88, "PU01") in positions       # after 5 lines of front matter
    assert ("docs/county_roads.md", 34, 9, "PU04") in positions        # a table cell
    assert ("docs/county_roads.md", 39, 46, "PU01") in positions       # under a suppression comment
    assert ("docs/flood_control.html", 15, 89, "PU01") in positions    # inside <p class=...>
    assert not any(line in range(1, 6) or line in range(20, 30) for f, line, _, _ in positions
                   if f == "docs/county_roads.md")                     # front matter, code blocks
