"""`--format github`: GitHub Actions workflow commands that annotate the changed lines.

A pending fix is a `warning` (the file is not clean yet), a suggestion a `notice` (a reviewer
decides). Nothing is an `error`: mtclean's exit code already fails a check run when needed.
"""

from __future__ import annotations

from ..spans import line_column, line_starts

LEVELS = {"fix": "warning", "suggest": "notice"}


def escape_data(text: str) -> str:
    """Escape a message the way the runner decodes it.

    >>> escape_data("50% done\\nnext")
    '50%25 done%0Anext'
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value, where `:` and `,` also separate fields.

    >>> escape_property("a,b:c")
    'a%2Cb%3Ac'
    """
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def shorten(text: str, limit: int = 40) -> str:
    """Long before/after texts (a removed caption) cut to `limit` characters.

    >>> shorten("abcdef", 4)
    'abc…'
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def annotation(name: str, change, starts) -> str:
    """One `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message` line."""
    end_line, end_column = line_column(starts, change.end)
    fields = {
        "file": name,
        "line": change.line,
        "col": change.column,
        "endLine": end_line,
        "endColumn": end_column,
        "title": f"{change.rule} {change.name}",
    }
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in fields.items())
    message = change.message
    if change.after != change.before:
        message += f" ({shorten(change.before)!r} -> {shorten(change.after)!r})"
    return f"::{LEVELS[change.action]} {props}::{escape_data(message)}"


def render(findings) -> str:
    """One annotation per change, fixes as warnings and suggestions as notices.

    >>> from cleaner import clean
    >>> from cleaner.report import Finding
    >>> print(render([Finding("a.txt", clean("Done. . Next."))]), end="")
    ::warning file=a.txt,line=1,col=5,endLine=1,endColumn=8,title=PU01 punctuation.doubled-period::Doubled period ('. .') reduced to one ('. .' -> '.')
    """
    lines = []
    for finding in findings:
        starts = line_starts(finding.result.original)
        lines.extend(annotation(finding.name, change, starts) for change in finding.result.changes)
    return "".join(line + "\n" for line in lines)
