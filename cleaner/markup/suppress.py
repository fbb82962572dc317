"""Inline suppression comments in Markdown and HTML.

    <!-- mtclean: disable PU01,RE -->  ...  <!-- mtclean: enable -->
    <!-- mtclean: disable-next-line -->

`disable` without codes silences every rule until `enable` (or the end of the document);
`disable-next-line` silences the line after the comment. Codes may be rule codes, names or
family prefixes, as `--select` takes them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Sequence

import regex

from ..model import Problem, Result
from ..ruleset import default_rules, matches, unknown_selectors
from ..spans import line_column, line_starts

DIRECTIVE_RE = regex.compile(r"^<!--\s*mtclean\s*:\s*(?P<verb>[\w-]+)(?P<codes>.*?)\s*(?:-->)?$", regex.DOTALL)
VERBS = ("disable", "disable-next-line", "enable")
SPLIT_RE = regex.compile(r"[\s,]+")


@dataclass(frozen=True)
class Directive:
    """One suppression: the comment's place, what it silences (None: every rule) and where."""

    start: int  # of the comment
    line: int
    column: int
    text: str
    selectors: tuple[str, ...] | None
    region: tuple[int, int]  # the offsets whose changes it silences


def directives(text: str, regions: Sequence) -> tuple[list[Directive], list[Problem]]:
    """The suppression directives among the document's comments, and problems with malformed ones.

    >>> from cleaner.markup import layout
    >>> text = "<!-- mtclean: disable-next-line PU01 -->\\nA. . B\\nC. . D\\n"
    >>> found, problems = directives(text, layout(text, "markdown").regions)
    >>> [(d.selectors, text[slice(*d.region)]) for d in found], problems
    ([(('PU01',), 'A. . B\\n')], [])
    """
    starts = line_starts(text)
    found: list[Directive] = []
    problems: list[Problem] = []
    open_: list[tuple[int, int, str, tuple[str, ...] | None]] = []
    for region in regions:
        if region.kind != "comment":
            continue
        comment = text[region.start:region.end].strip()
        match = DIRECTIVE_RE.match(comment)
        if not match:
            continue
        comment_start = region.start + text[region.start:region.end].index("<!--")
        line, column = line_column(starts, comment_start)
        verb, codes = match.group("verb"), tuple(c for c in SPLIT_RE.split(match.group("codes")) if c)
        where = f"line {line}"
        if verb not in VERBS:
            problems.append(Problem("suppression", f"{where}: unknown mtclean directive '{verb}'"))
            continue
        unknown = unknown_selectors(default_rules(), codes)
        if unknown:
            problems.append(Problem("suppression", f"{where}: unknown rule '{unknown[0]}' in a suppression comment"))
        selectors = codes or None
        if verb == "enable":
            if codes:
                problems.append(Problem("suppression", f"{where}: 'enable' takes no rule codes; it ends every disable"))
            for start, line0, comment0, sel in open_:
                found.append(_directive(starts, start, line0, comment0, sel, region.start))
            open_ = []
        elif verb == "disable":
            open_.append((comment_start, region.end, comment, selectors))
        else:
            following = line + 1
            if following <= len(starts):
                begin = starts[following - 1]
                end = starts[following] if following < len(starts) else len(text)
                found.append(Directive(comment_start, line, column, comment, selectors,
                                       (begin, end)))
    for start, end, comment, sel in open_:
        found.append(_directive(starts, start, end, comment, sel, len(text)))
    return sorted(found, key=lambda d: d.start), problems


def _directive(starts, comment_start: int, comment_end: int, comment: str, selectors, until: int) -> Directive:
    line, column = line_column(starts, comment_start)
    return Directive(comment_start, line, column, comment, selectors, (comment_end, until))


def suppress(result: Result, found: tuple[list[Directive], list[Problem]]) -> tuple[Result, tuple[Directive, ...], tuple[Problem, ...]]:
    """The result without the changes the directives silence, the directives that silenced nothing,
    and problems with malformed directives. The text is left for the caller to rebuild."""
    directives_, problems = found
    if not directives_:
        return result, (), tuple(problems)
    rules = {rule.code: rule for rule in default_rules()}
    used: set[int] = set()
    kept = []
    for change in result.changes:
        silenced = False
        for index, directive in enumerate(directives_):
            start, end = directive.region
            if not (start <= change.start < end or change.start < start < change.end):
                continue
            rule = rules.get(change.rule)
            if directive.selectors is None or rule and any(matches(rule, s) for s in directive.selectors):
                used.add(index)
                silenced = True
        if not silenced:
            kept.append(change)
    unused = tuple(d for i, d in enumerate(directives_) if i not in used)
    return replace(result, changes=tuple(kept)), unused, tuple(problems)
