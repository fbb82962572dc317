"""Unified diff between each original and its cleaned text."""

from __future__ import annotations

import difflib
import re

# lines end at \r\n, \r or \n only, as `check` counts them (str.splitlines also splits at
# U+2028, form feeds and more, which would put the hunks on other line numbers)
LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def lines(text: str) -> list[str]:
    r"""The text's lines with their line breaks.

    >>> lines("a\u2028b\r\nc")
    ['a\u2028b\r\n', 'c']
    """
    return LINE_RE.findall(text)


def render(findings) -> str:
    """A unified diff per changed document (`a/` original, `b/` cleaned)."""
    out = []
    for finding in findings:
        result = finding.result
        if not result.changed:
            continue
        for line in difflib.unified_diff(
            lines(result.original),
            lines(result.text),
            fromfile=f"a/{finding.name}",
            tofile=f"b/{finding.name}",
        ):
            out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)
