"""Offset bookkeeping: compose stage edits into changes on the original text, replay and revert."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Iterable, Sequence

import regex

from .model import Change, Edit, Rule

LINE_BREAK_RE = regex.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Span:
    """A fix in original coordinates: `original[start:end]` becomes `after`."""

    start: int
    end: int
    after: str
    rule: Rule
    message: str


def _overlaps(x0: int, x1: int, y0: int, y1: int) -> bool:
    """Strict overlap of two half-open regions; an empty one counts when strictly inside the other.

    >>> _overlaps(0, 2, 2, 4), _overlaps(0, 3, 2, 4), _overlaps(1, 1, 0, 2), _overlaps(2, 2, 2, 4)
    (False, True, True, False)
    """
    if max(x0, y0) < min(x1, y1):
        return True
    if x0 == x1 and y0 < x0 < y1:
        return True
    return y0 == y1 and x0 < y0 < x1


def _hits_protected(start: int, end: int, protected: Sequence[tuple[int, int]], starts: Sequence[int]) -> bool:
    """True when the original region touches the inside of a protected span."""
    i = bisect.bisect_right(starts, end) - 1
    while i >= 0:
        p0, p1 = protected[i]
        if _overlaps(start, end, p0, p1) or (start == end and p0 < start < p1):
            return True
        if p1 <= start:
            # protected spans are sorted and disjoint: nothing earlier can reach us
            return False
        i -= 1
    return False


def compose(
    original: str,
    spans: list[Span],
    current: str,
    edits: Iterable[Edit],
    protected: Sequence[tuple[int, int]] = (),
) -> list[Span]:
    """Fold edits made on `current` (= `original` with `spans` applied) into new original-coordinate spans.

    Edits that overlap an earlier fix are merged with it into one span, attributed to the later rule.
    Edits that would change a protected original region are dropped.
    """
    edits = sorted(edits, key=lambda e: (e.start, e.end))
    if not edits:
        return spans
    protected_starts = [p[0] for p in protected]
    # every item with its region in current coordinates; old spans sort first at ties
    items: list[tuple[int, int, int, object]] = []
    delta = 0
    for span in spans:
        p = span.start + delta
        items.append((p, p + len(span.after), 0, span))
        delta += len(span.after) - (span.end - span.start)
    last_end = -1
    for edit in edits:
        if edit.start < last_end or edit.start > edit.end:
            continue  # a stage proposed overlapping edits: keep the first
        items.append((edit.start, edit.end, 1, edit))
        last_end = edit.end
    items.sort(key=lambda item: (item[0], item[1], item[2]))

    result: list[Span] = []
    delta = 0  # current minus original, for positions after the spans already passed
    index = 0
    while index < len(items):
        group = [items[index]]
        u0, u1 = items[index][0], items[index][1]
        index += 1
        while index < len(items) and _overlaps(u0, u1, items[index][0], items[index][1]):
            group.append(items[index])
            u1 = max(u1, items[index][1])
            index += 1
        old = [item[3] for item in group if item[2] == 0]
        new = [item for item in group if item[2] == 1]
        group_delta = sum(len(s.after) - (s.end - s.start) for s in old)
        if not new:
            result.extend(old)
            delta += group_delta
            continue
        first_old = next((item for item in group if item[2] == 0), None)
        last_old = next((item for item in reversed(group) if item[2] == 0), None)
        o0 = first_old[3].start if first_old and first_old[0] == u0 else u0 - delta
        o1 = last_old[3].end if last_old and last_old[1] == u1 else u1 - (delta + group_delta)
        pieces = []
        cursor = u0
        for start, end, _, edit in new:
            pieces.append(current[cursor:start])
            pieces.append(edit.replacement)
            cursor = end
        pieces.append(current[cursor:u1])
        after = "".join(pieces)
        last_edit = new[-1][3]
        delta += group_delta
        if protected and _hits_protected(o0, o1, protected, protected_starts):
            result.extend(old)
            continue
        if original[o0:o1] == after:
            continue  # the edits undid earlier fixes
        message = last_edit.message or last_edit.rule.message
        if old:
            earlier = ", ".join(sorted({s.rule.code for s in old} - {last_edit.rule.code}))
            if earlier:
                message = f"{message} (merged with {earlier})"
        result.append(Span(o0, o1, after, last_edit.rule, message))
    return result


def map_to_original(spans: Sequence[Span], start: int, end: int) -> tuple[int, int] | None:
    """Map a current-text region to the original, or None when it touches text a fix produced."""
    delta = 0
    for span in spans:
        p = span.start + delta
        q = p + len(span.after)
        if _overlaps(start, end, p, q):
            return None
        if q > start:
            break
        delta += len(span.after) - (span.end - span.start)
    return start - delta, end - delta


def apply_spans(original: str, spans: Sequence[Span]) -> str:
    """The original with every span applied."""
    pieces = []
    cursor = 0
    for span in spans:
        pieces.append(original[cursor : span.start])
        pieces.append(span.after)
        cursor = span.end
    pieces.append(original[cursor:])
    return "".join(pieces)


def line_starts(text: str) -> list[int]:
    """Offsets where each line begins (`\\n`, `\\r\\n` and a lone `\\r` end a line)."""
    return [0] + [m.end() for m in LINE_BREAK_RE.finditer(text)]


def line_column(starts: Sequence[int], offset: int) -> tuple[int, int]:
    """1-based line and column of a code-point offset.

    >>> line_column(line_starts("ab\\ncd"), 4)
    (2, 2)
    """
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def apply_changes(original: str, changes: Iterable[Change], actions: tuple[str, ...] = ("fix",)) -> str:
    """Replay logged changes of the given actions on the original text.

    >>> c = Change("PU01", "p.d", "fix", 4, 6, 1, 5, ". ", "", "m")
    >>> apply_changes("them. . We", [c])
    'them. We'
    """
    chosen = sorted((c for c in changes if c.action in actions), key=lambda c: (c.start, c.end))
    pieces = []
    cursor = 0
    for change in chosen:
        if change.start < cursor:
            raise ValueError(f"overlapping changes at offset {change.start}")
        if original[change.start : change.end] != change.before:
            raise ValueError(f"change at offset {change.start} does not match the text")
        pieces.append(original[cursor : change.start])
        pieces.append(change.after)
        cursor = change.end
    pieces.append(original[cursor:])
    return "".join(pieces)


def revert_changes(cleaned: str, changes: Iterable[Change]) -> str:
    """Rebuild the original from the cleaned text and its logged fixes.

    >>> c = Change("PU01", "p.d", "fix", 4, 6, 1, 5, ". ", "", "m")
    >>> revert_changes("them. We", [c])
    'them. . We'
    """
    fixes = sorted((c for c in changes if c.action == "fix"), key=lambda c: (c.start, c.end))
    pieces = []
    cursor = 0
    delta = 0
    for change in fixes:
        at = change.start + delta
        if cleaned[at : at + len(change.after)] != change.after:
            raise ValueError(f"change at offset {change.start} does not match the cleaned text")
        pieces.append(cleaned[cursor:at])
        pieces.append(change.before)
        cursor = at + len(change.after)
        delta += len(change.after) - (change.end - change.start)
    pieces.append(cleaned[cursor:])
    return "".join(pieces)
