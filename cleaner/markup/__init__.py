"""Markup awareness: which parts of a Markdown or HTML document are prose, and cleaning only those.

The stages read a *view* of the document as long as the original, in which every protected
region is masked: inline markup (a code span, a link target, a tag inside a sentence) becomes
private-use characters no rule acts on, and block markup (a code block, front matter, `<p>`)
becomes a line break and spaces, so paragraph-level stages see the prose paragraphs apart.
Offsets are the same in the view and the original, so the change log needs no mapping; every
region is also passed to the engine as protected, so no fix can touch it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import Sequence

from ..config import Config
from ..engine import Pipeline, clean
from ..model import Result
from ..protect import merge_spans, protected_spans
from ..spans import apply_changes, line_column, line_starts
from .html import html_regions, html_title
from .markdown import markdown_regions
from .suppress import Directive, directives, suppress

MASK = "\ue000"
TYPES = ("text", "markdown", "html")
EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".html": "html", ".htm": "html"}
HORIZONTAL_SPACE = " \t"


@dataclass(frozen=True)
class Region:
    """A stretch of markup: `breaks` when it separates paragraphs, `kind` what it is (code, tag, comment...)."""

    start: int
    end: int
    breaks: bool
    kind: str


@dataclass(frozen=True)
class Layout:
    """The markup regions of a document and its title (front matter `title:` or `<title>`)."""

    regions: tuple[Region, ...] = ()
    title: str | None = None

    def title_span(self, text: str) -> tuple[int, int] | None:
        """Where the front matter's title value is: the gap between its two front-matter regions."""
        matter = [r for r in self.regions if r.kind == "front-matter"]
        if len(matter) != 2:
            return None
        return matter[0].end, matter[1].start

    @property
    def protected(self) -> list[tuple[int, int]]:
        return merge_spans([(r.start, r.end) for r in self.regions if r.end > r.start])


@dataclass(frozen=True)
class Cleaned:
    """A cleaned document and the suppression comments in it that suppressed nothing."""

    result: Result
    unused: tuple[Directive, ...] = ()


def document_type(name: str, override: str | None = None) -> str:
    """The type a document is read as: `--type` when given, else by extension, else text.

    >>> document_type("a/b.MD"), document_type("x.htm"), document_type("notes"), document_type("a.md", "text")
    ('markdown', 'html', 'text', 'text')
    """
    if override:
        return override
    return EXTENSIONS.get(PurePath(name).suffix.lower(), "text")


def layout(text: str, kind: str) -> Layout:
    """Where the markup is in a document of the given type (plain text has none)."""
    if kind == "markdown":
        raw, title = markdown_regions(text)
    elif kind == "html":
        raw, title = list(html_regions(text)), html_title(text)
    else:
        return Layout()
    regions = []
    for start, end, breaks, kind_name in raw:
        if breaks is None:
            breaks = _alone_on_lines(text, start, end)
        if breaks:
            while start > 0 and text[start - 1] in HORIZONTAL_SPACE:
                start -= 1
            while end < len(text) and text[end] in HORIZONTAL_SPACE:
                end += 1
        regions.append(Region(start, end, breaks, kind_name))
    return Layout(tuple(sorted(regions, key=lambda r: (r.start, r.end))), title)


def _alone_on_lines(text: str, start: int, end: int) -> bool:
    """Whether only spaces stand between the region and the line breaks around it."""
    before = text[:start].rsplit("\n", 1)[-1].rsplit("\r", 1)[-1]
    after = text[end:].split("\n", 1)[0].split("\r", 1)[0]
    return not before.strip(HORIZONTAL_SPACE) and not after.strip(HORIZONTAL_SPACE)


def masked(text: str, regions: Sequence[Region]) -> str:
    """The view the stages read: as long as `text`, markup masked, line breaks kept.

    >>> masked("a <p>b</p>", [Region(1, 5, True, "tag"), Region(6, 10, True, "tag")])
    'a\\n   b\\n   '
    >>> masked("x `y` z", [Region(2, 5, False, "code")]) == "x " + MASK * 3 + " z"
    True
    """
    chars = list(text)
    for region in regions:
        fill = " " if region.breaks else MASK
        for index in range(region.start, region.end):
            if chars[index] not in "\r\n":
                chars[index] = fill
    for region in regions:
        if region.breaks and region.end > region.start and text[region.start] not in "\r\n":
            chars[region.start] = "\n"
    return "".join(chars)


def clean_document(text: str, kind: str = "text", config: Config | None = None, *,
                   pipeline: Pipeline | None = None) -> Cleaned:
    """Clean the prose of a document of the given type; plain text is cleaned exactly as `clean` does.

    >>> clean_document("Run `a. . b` now. . Then\\n", "markdown").result.text
    'Run `a. . b` now. Then\\n'
    """
    pipeline = pipeline or Pipeline.from_config(config)
    if kind == "text":
        return Cleaned(clean(text, pipeline=pipeline))
    found = layout(text, kind)
    view = masked(text, found.regions)
    protected = merge_spans(found.protected + protected_spans(view))
    result = _on_original(text, clean(view, pipeline=pipeline, title=found.title, protected=protected))
    result = _title_consistency_only(result, found.title_span(text), pipeline)
    result, unused, problems = suppress(result, directives(text, found.regions))
    result = replace(result, text=apply_changes(text, result.changes), problems=result.problems + problems)
    return Cleaned(result, unused)


def _title_consistency_only(result: Result, span: tuple[int, int] | None, pipeline: Pipeline) -> Result:
    """Of the changes in the front matter's title value, only title consistency's are kept:
    the value is YAML or TOML, which a punctuation fix could break."""
    if span is None:
        return result
    kinds = {rule.code: rule.kind for rule in pipeline.rules}
    kept = tuple(c for c in result.changes
                 if kinds.get(c.rule) == "consistency" or c.end < span[0] or c.start > span[1])
    return replace(result, changes=kept)


def _on_original(original: str, result: Result) -> Result:
    """The view's result restated on the original: same offsets, its own slices, lines and text.

    A change whose replacement carries a mask (built from markup elsewhere) is dropped; changes
    never overlap, so the others still replay.
    """
    starts = line_starts(original)
    changes = []
    for change in result.changes:
        if MASK in change.after:
            continue
        line, column = line_column(starts, change.start)
        changes.append(replace(change, before=original[change.start:change.end], line=line, column=column))
    changes = tuple(changes)
    return Result(original, apply_changes(original, changes), changes, result.problems)


__all__ = ["Cleaned", "EXTENSIONS", "Layout", "MASK", "Region", "TYPES", "clean_document", "document_type",
           "layout", "masked"]
