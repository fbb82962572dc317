"""HTML regions no rule may touch: tags, attributes, comments, entities, `<head>`, script, style and code."""

from __future__ import annotations

import html
from typing import Iterator

import regex

# Each alternative is one kind of markup; the leftmost match wins, as in a browser's tokenizer.
HTML_PARTS = r"""
    (?P<comment><!--.*?(?:-->|\Z))
  | (?P<raw><(?P<rawname>script|style|pre|textarea|head|svg|math|code|kbd|samp|var)\b[^>]*>.*?(?:</(?P=rawname)\s*>|\Z))
  | (?P<declaration><![A-Za-z][^>]*>|<!\[CDATA\[.*?(?:\]\]>|\Z)|<\?.*?(?:\?>|\Z))
  | (?P<tag></?(?P<tagname>[A-Za-z][\w:.-]*)(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*/?>)
  | (?P<entity>&(?:\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)
"""
HTML_RE = regex.compile(HTML_PARTS, regex.IGNORECASE | regex.DOTALL | regex.VERBOSE)
TITLE_RE = regex.compile(r"<title\b[^>]*>(.*?)</title\s*>", regex.IGNORECASE | regex.DOTALL)
# Inline code-like elements stay inside their sentence; the others hold no prose at all.
INLINE_RAW = frozenset({"code", "kbd", "samp", "var"})
# Tags that end a paragraph: the prose on either side is not one sentence.
BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd details div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p section summary table tbody td tfoot th "
    "thead title tr ul".split()
)


KINDS = ("comment", "raw", "declaration", "tag", "entity")


def kind_of(match: regex.Match) -> str:
    """Which alternative of HTML_PARTS matched."""
    return next(kind for kind in KINDS if match.group(kind) is not None)


def breaks(match: regex.Match) -> bool | None:
    """Whether a markup match ends a paragraph: True, False, or None when only standing alone on its lines."""
    if match.group("raw"):
        return match.group("rawname").lower() not in INLINE_RAW
    if match.group("tag"):
        return match.group("tagname").lower() in BLOCK_TAGS
    if match.group("comment") or match.group("declaration"):
        return None
    return False


def html_regions(text: str) -> Iterator[tuple[int, int, bool | None, str]]:
    """(start, end, breaks, kind) for every markup region of an HTML document.

    >>> text = '<p class="x">Hi &amp; <code>x</code></p>'
    >>> [(text[a:b], brk) for a, b, brk, _ in html_regions(text)]
    [('<p class="x">', True), ('&amp;', False), ('<code>x</code>', False), ('</p>', True)]
    """
    for match in HTML_RE.finditer(text):
        yield match.start(), match.end(), breaks(match), kind_of(match)


def html_title(text: str) -> str | None:
    """The document title from `<title>`, entities decoded.

    >>> html_title("<head><title>Tea &amp; Trade</title></head>")
    'Tea & Trade'
    """
    match = TITLE_RE.search(text)
    if not match:
        return None
    title = " ".join(html.unescape(match.group(1)).split())
    return title or None
