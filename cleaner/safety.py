"""The check every cleaned document passes before it is returned: the log is exact and protected text is intact.

In the spirit of black's safe mode: `verify` re-derives the cleaned text from the change log
alone, reverts it, and looks at every protected span. A result that fails is replaced by the
original, unchanged, with an error Problem naming the rule at fault.

That a second pass would change nothing is already settled by the engine: its passes repeat
until one finds no new fix, so the last pass it ran *is* the second-pass check, and a document
that does not settle within the pass limit is left as it was with an error Problem. Running one
more full pass here would only repeat that work.
"""

from __future__ import annotations

from typing import Sequence

from .model import Change, Problem, Result
from .spans import revert_changes

ENGINE = "engine"


def verify(result: Result, protected: Sequence[tuple[int, int]]) -> Result:
    """`result` itself when the log replays, reverts and spares protected text; else the original, with an error.

    >>> from cleaner import clean
    >>> verify(clean("Done. . Next."), []).text
    'Done. Next.'
    """
    violation = find_violation(result, protected)
    if violation is None:
        return result
    rule, message = violation
    problem = Problem(rule, f"safety check failed: {message}; document left unchanged", severity="error")
    return Result(result.original, result.original, (), result.problems + (problem,))


def find_violation(result: Result, protected: Sequence[tuple[int, int]]) -> tuple[str, str] | None:
    """The first broken invariant as (rule code, what broke), or None."""
    return (_log_violation(result.original, result.changes)
            or _replay_violation(result)
            or _protected_violation(result, protected))


def _log_violation(original: str, changes: Sequence[Change]) -> tuple[str, str] | None:
    """Every change inside the original and quoting it exactly; fixes in order and disjoint."""
    cursor = 0
    for change in changes:
        if not 0 <= change.start <= change.end <= len(original):
            return change.rule, f"{change.rule} logged offsets {change.start}-{change.end} outside the text"
        if original[change.start:change.end] != change.before:
            return change.rule, f"{change.rule} logged a 'before' that is not the text at {change.start}"
        if change.action != "fix":
            continue
        if change.start < cursor:
            return change.rule, f"{change.rule} logged a fix at {change.start} overlapping the previous one"
        cursor = change.end
    return None


def _replay_violation(result: Result) -> tuple[str, str] | None:
    """Replaying the fixes gives the cleaned text, and reverting them gives the original."""
    pieces, cursor, length, replay_at = [], 0, 0, []
    for change in result.fixes:
        pieces.append(result.original[cursor:change.start])
        length += change.start - cursor
        replay_at.append((length, change))
        pieces.append(change.after)
        length += len(change.after)
        cursor = change.end
    pieces.append(result.original[cursor:])
    replayed = "".join(pieces)
    if replayed != result.text:
        first = next((i for i, (a, b) in enumerate(zip(replayed, result.text)) if a != b),
                     min(len(replayed), len(result.text)))
        culprit = next((c for at, c in reversed(replay_at) if at <= first), None)
        rule = culprit.rule if culprit else ENGINE
        return rule, f"the change log does not replay to the cleaned text (first difference at {first}, after {rule})"
    try:
        reverted = revert_changes(result.text, result.changes)
    except ValueError as error:
        return ENGINE, f"the change log does not revert: {error}"
    if reverted != result.original:
        return ENGINE, "reverting the change log does not give the original"
    return None


def _protected_violation(result: Result, protected: Sequence[tuple[int, int]]) -> tuple[str, str] | None:
    """No fix reaches inside a protected span, and each span's text is where the log says it is."""
    fixes = result.fixes
    index, delta = 0, 0
    for p0, p1 in protected:
        while index < len(fixes) and fixes[index].end <= p0 and not _inside(fixes[index], p0, p1):
            delta += len(fixes[index].after) - (fixes[index].end - fixes[index].start)
            index += 1
        for change in fixes[index:]:
            if change.start >= p1:
                break
            if _inside(change, p0, p1):
                return change.rule, f"{change.rule} changed protected text {result.original[p0:p1]!r}"
        if result.text[p0 + delta:p1 + delta] != result.original[p0:p1]:
            return ENGINE, f"protected text {result.original[p0:p1]!r} is not intact in the cleaned text"
    return None


def _inside(change: Change, p0: int, p1: int) -> bool:
    """The fix overlaps the span, or inserts strictly inside it (an insertion at an edge is fine)."""
    if change.start == change.end:
        return p0 < change.start < p1
    return max(change.start, p0) < min(change.end, p1)


def failed(result: Result) -> bool:
    """True when the document was left unchanged because a check failed (the CLI counts it as an error)."""
    return any(problem.severity == "error" for problem in result.problems)
