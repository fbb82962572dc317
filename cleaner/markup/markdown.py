"""Markdown regions no rule may touch: front matter, code, link targets, markers, tables, raw HTML.

Front matter is found by its fences; markdown-it-py's block parse then gives the lines of code
blocks, rules, setext underlines, table alignment rows and reference definitions, and the prose
lines whose leading markers are structure; an inline pass over the rest finds code spans, link
targets, autolinks, HTML and entities (markdown-it-py keeps no offsets for inline tokens).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex
from markdown_it import MarkdownIt

from .html import HTML_PARTS, breaks, kind_of

LINE_RE = regex.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
BLANK_RE = regex.compile(r"[ \t]*$")
PIPE_RE = regex.compile(r"[ \t]*(?<!\\)\|[ \t]*")
# indentation, blockquote markers, a list marker and a task box: structure, not prose
LEAD_RE = regex.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)(?:\[[ xX]\][ \t]+)?|#{1,6}(?:[ \t]+|$))?")
ATX_CLOSE_RE = regex.compile(r"[ \t]+#+[ \t]*$")
HARD_BREAK_RE = regex.compile(r"(?: {2,}|\\)$")
YAML_TITLE_RE = regex.compile(r"^title[ \t]*:[ \t]*(.*?)[ \t]*$", regex.MULTILINE)
TOML_TITLE_RE = regex.compile(r"^title[ \t]*=[ \t]*(.*?)[ \t]*$", regex.MULTILINE)
INLINE_RE = regex.compile(
    r"""
    (?P<code>(?<!`)(?P<ticks>`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)(?P=ticks)(?!`))
  | (?P<autolink><(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>)
  | (?P<target>\]\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*\))
  | (?P<reference>\]\[[^\]\n]*\]|\[\^[^\]\s]+\])
  | (?P<escape>\\[!-/:-@\[-`{-~])
  | """ + HTML_PARTS,
    regex.IGNORECASE | regex.DOTALL | regex.VERBOSE,
)


@dataclass(frozen=True)
class Line:
    start: int
    end: int  # before the line break
    text: str


def split_lines(text: str) -> list[Line]:
    lines = []
    for match in LINE_RE.finditer(text):
        if match.start() == match.end():
            break
        body = match.group().rstrip("\r\n")
        lines.append(Line(match.start(), match.start() + len(body), body))
    return lines


def markdown_regions(text: str) -> tuple[list[tuple[int, int, bool | None, str]], str | None]:
    """Every protected region as (start, end, breaks, kind), and the front matter's title.

    >>> text = "Run `a  b` , see [docs](http://x.org/a_b).\\n"
    >>> [text[a:b] for a, b, _, _ in markdown_regions(text)[0]]
    ['`a  b`', '](http://x.org/a_b)']
    """
    lines = split_lines(text)
    regions, title, index = _front_matter(text, lines)
    blocks, line_marks = _blocks(lines, index)
    regions += blocks
    prose_start = 0
    for start, end, _, _ in sorted(regions) + [(len(text), len(text), True, "end")]:
        regions += _inline(text, prose_start, start)
        prose_start = max(prose_start, end)
    regions += line_marks
    return sorted(regions), title


def _front_matter(text: str, lines: list[Line]) -> tuple[list, str | None, int]:
    """YAML (`---`) or TOML (`+++`) front matter at the very start, all but its `title` value;
    that value, unquoted; the first line after it."""
    if not lines or lines[0].text.rstrip() not in ("---", "+++"):
        return [], None, 0
    opener = lines[0].text.rstrip()
    closers = ("---", "...") if opener == "---" else ("+++",)
    for index in range(1, len(lines)):
        if lines[index].text.rstrip() in closers:
            body = text[lines[0].end: lines[index].start]
            pattern = YAML_TITLE_RE if opener == "---" else TOML_TITLE_RE
            match = pattern.search(body)
            if not match or not match.group(1):
                return [(0, lines[index].end, True, "front-matter")], None, index + 1
            # the title's value stays in view, so title consistency counts and can fix it
            start, end = lines[0].end + match.start(1), lines[0].end + match.end(1)
            regions = [(0, start, True, "front-matter"), (end, lines[index].end, True, "front-matter")]
            return regions, _unquote(match.group(1)) or None, index + 1
    return [], None, 0


def _unquote(value: str) -> str:
    """A front-matter scalar without its quotes.

    >>> _unquote('"Tea and Trade"'), _unquote("'It''s'"), _unquote("Plain")
    ('Tea and Trade', "It's", 'Plain')
    """
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('\\"', '"')
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value


MARKDOWN = MarkdownIt("commonmark").enable("table")
LEAF_BLOCKS = frozenset({"paragraph_open", "heading_open", "fence", "code_block", "html_block", "hr", "table_open"})


def _blocks(lines: list[Line], first: int) -> tuple[list, list]:
    """Whole-line blocks (code, rules, setext underlines, table alignment rows, reference
    definitions) and the markers at the start and end of prose lines.

    markdown-it-py, a CommonMark parser, says which lines each block holds, so code inside list
    items, lazy continuations and the other corner cases follow the specification rather than a
    guess. The lines before `first` (front matter) are blanked for it, keeping line numbers.
    """
    source = "\n" * first + "\n".join(line.text for line in lines[first:])
    blocks: list = []
    marks: list = []
    covered: set[int] = set(range(first))
    for token in MARKDOWN.parse(source):
        if token.type not in LEAF_BLOCKS or not token.map:
            continue
        top, bottom = token.map[0], min(token.map[1], len(lines))
        if bottom <= top:
            continue
        covered.update(range(top, bottom))
        if token.type in ("fence", "code_block"):
            blocks.append((lines[top].start, lines[bottom - 1].end, True, "code"))
        elif token.type == "hr":
            blocks.append((lines[top].start, lines[bottom - 1].end, True, "structure"))
        elif token.type == "table_open":
            blocks.append((lines[top + 1].start, lines[top + 1].end, True, "table"))
            for index in range(top, bottom):
                if index != top + 1:
                    marks += _pipes(lines[index])
                    marks += _line_marks(lines[index])
        else:
            prose = range(top, bottom)
            if token.type == "heading_open" and token.markup in ("=", "-"):
                blocks.append((lines[bottom - 2].end, lines[bottom - 1].end, True, "structure"))
                prose = range(top, bottom - 1)
            for index in prose:
                marks += _line_marks(lines[index])
    for index in range(first, len(lines)):
        # a line no block holds and not blank: a reference definition or a bare quote marker
        if index not in covered and not BLANK_RE.match(lines[index].text):
            blocks.append((lines[index].start, lines[index].end, True, "structure"))
    return blocks, marks


def _pipes(line: Line) -> Iterator[tuple[int, int, bool, str]]:
    for match in PIPE_RE.finditer(line.text):
        yield line.start + match.start(), line.start + match.end(), False, "table"


def _line_marks(line: Line) -> list[tuple[int, int, bool, str]]:
    """Indentation and list, quote and heading markers; a closing `#` run; a hard line break."""
    marks = []
    lead = LEAD_RE.match(line.text)
    if lead.end():
        marks.append((line.start, line.start + lead.end(), False, "marker"))
    for pattern in (ATX_CLOSE_RE, HARD_BREAK_RE):
        match = pattern.search(line.text)
        if match and (pattern is HARD_BREAK_RE or line.text.lstrip().startswith("#")):
            marks.append((line.start + match.start(), line.start + match.end(), False, "marker"))
    return marks


def _inline(text: str, start: int, end: int) -> Iterator[tuple[int, int, bool | None, str]]:
    """Code spans, link targets, autolinks, escapes and raw HTML between two blocks."""
    for match in INLINE_RE.finditer(text, start, end):
        if match.group("code") or match.group("autolink") or match.group("target") \
                or match.group("reference") or match.group("escape"):
            kind = "link" if match.group("target") or match.group("reference") or match.group("autolink") else "code"
            yield match.start(), match.end(), False, kind
        else:
            yield match.start(), match.end(), breaks(match), kind_of(match)
