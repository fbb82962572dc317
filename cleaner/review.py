"""Review decisions: apply exactly the accepted changes of a change log, and revert them.

A decisions file (schema `mtclean.decisions/1`, what the HTML report exports) lists accepted
change ids, per document path or as one list for every document::

    {"schema": "mtclean.decisions/1",
     "accepted": {"news/a.txt": ["PU01-d595b1952f0e"]},
     "rejected": {"news/a.txt": ["ST01-0b6c1f2e9a41"]}}

Without one, every fix is accepted and no suggestion. An accepted suggestion is applied like a fix.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Mapping, Sequence

from .io import LOG_SCHEMAS
from .model import Change
from .spans import apply_changes, revert_changes

DECISIONS_SCHEMA = "mtclean.decisions/1"


class ReviewError(ValueError):
    """A log, decisions file or text that does not fit; the message says which and where."""


@dataclass(frozen=True)
class Decisions:
    """Accepted change ids: `shared` for every document, `by_document` for one path."""

    shared: frozenset[str] = frozenset()
    by_document: Mapping[str, frozenset[str]] | None = None
    flat: bool = False  # `accepted` was one list: it speaks for every document

    def accepted(self, name: str) -> frozenset[str]:
        """The ids accepted for one document.

        >>> Decisions(frozenset({"a"}), {"x.txt": frozenset({"b"})}).accepted("x.txt") == {"a", "b"}
        True
        """
        return self.shared | (self.by_document or {}).get(name, frozenset())

    def accepted_for(self, name: str, changes: Sequence[Change]) -> frozenset[str]:
        """The ids accepted for a document the decisions must speak for: a changed document they
        do not name (a report made from other paths) is an error, not a silent "reject all"."""
        if changes and not self.flat and name not in (self.by_document or {}):
            known = ", ".join(sorted(self.by_document or {})[:3]) or "none"
            raise ReviewError(f"{name}: the decisions file has no entry for this document (it names {known}); "
                              f"make the report and the log from the same paths")
        return self.accepted(name)


def _id_list(value: object, where: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ReviewError(f"decisions: '{where}' must be a list of change ids")
    return frozenset(value)


def _id_sets(value: object, key: str) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    if value is None:
        return frozenset(), {}
    if isinstance(value, list):
        return _id_list(value, key), {}
    if isinstance(value, dict):
        return frozenset(), {name: _id_list(ids, f"{key}.{name}") for name, ids in value.items()}
    raise ReviewError(f"decisions: '{key}' must be a list of ids or an object of path -> ids")


def parse_decisions(data: object) -> Decisions:
    """Decisions from the JSON a report exported; an id both accepted and rejected is an error.

    >>> parse_decisions({"schema": "mtclean.decisions/1", "accepted": ["PU01-1"]}).accepted("a")
    frozenset({'PU01-1'})
    """
    if not isinstance(data, dict) or data.get("schema") != DECISIONS_SCHEMA:
        raise ReviewError(f"decisions: not a decisions file (schema '{DECISIONS_SCHEMA}' expected)")
    unknown = set(data) - {"schema", "accepted", "rejected", "source"}
    if unknown:
        raise ReviewError(f"decisions: unknown key '{sorted(unknown)[0]}'")
    shared, by_document = _id_sets(data.get("accepted"), "accepted")
    flat = isinstance(data.get("accepted"), list)
    rejected_shared, rejected_by = _id_sets(data.get("rejected"), "rejected")
    for name in set(by_document) | set(rejected_by) | {""}:
        both = (shared | by_document.get(name, frozenset())) & (rejected_shared | rejected_by.get(name, frozenset()))
        if both:
            raise ReviewError(f"decisions: change {sorted(both)[0]} is both accepted and rejected")
    return Decisions(shared, by_document, flat)


def changes_from_record(record: object) -> list[Change]:
    """The changes of one change-log record, each checked against its logged id."""
    if not isinstance(record, dict) or record.get("schema") not in LOG_SCHEMAS:
        raise ReviewError("log: a record is not a mtclean change-log record")
    changes = []
    for item in record.get("changes", []):
        try:
            change = Change.from_dict(item)
        except (KeyError, TypeError):
            raise ReviewError(f"log: a change of {record_name(record)} lacks a field") from None
        if "id" in item and item["id"] != change.id:
            raise ReviewError(f"log: change {item['id']} of {record_name(record)} does not match its own "
                              f"fields (edited log?)")
        changes.append(change)
    return changes


def record_name(record: dict) -> str:
    return str(record.get("path", record.get("id", "?")))


def record_for(name: str, records: Sequence[dict], single: bool) -> dict:
    """The log record of a document: the one with its path, or the only one for a lone document."""
    for record in records:
        if record.get("path") == name:
            return record
    if single and len(records) == 1:
        return records[0]
    raise ReviewError(f"{name}: the log has no record for this path")


def chosen_changes(changes: Iterable[Change], accepted: frozenset[str] | None) -> list[Change]:
    """The changes to apply: every fix when there are no decisions, else exactly the accepted ones.

    >>> fix = Change("PU01", "p.d", "fix", 0, 1, 1, 1, "a", "b", "m")
    >>> idea = Change("ST01", "s.m", "suggest", 2, 3, 1, 3, "c", "d", "m")
    >>> [c.rule for c in chosen_changes([fix, idea], None)], [c.rule for c in chosen_changes([fix, idea], {idea.id})]
    (['PU01'], ['ST01'])
    """
    changes = list(changes)
    if accepted is None:
        return [c for c in changes if c.action == "fix"]
    return [c for c in changes if c.id in accepted]


def unknown_ids(changes: Sequence[Change], accepted: frozenset[str]) -> list[str]:
    """Accepted ids the log does not have for this document (decisions made on another text)."""
    return sorted(accepted - {c.id for c in changes})


def check_original(name: str, original: str, changes: Iterable[Change]) -> None:
    """Refuse a text whose slices are not the log's `before` texts: it is not the logged original."""
    for change in changes:
        found = original[change.start:change.end]
        if found != change.before:
            raise ReviewError(f"{name}:{change.line}:{change.column}: does not match the log: change {change.id} "
                              f"expects {change.before!r} but the file has {found!r}; "
                              f"is this the original the log was made from?")


def check_no_overlap(chosen: Sequence[Change]) -> None:
    """Two accepted changes over the same text cannot both apply."""
    ordered = sorted(chosen, key=lambda c: (c.start, c.end))
    for first, second in zip(ordered, ordered[1:]):
        if second.start < first.end:
            raise ReviewError(f"changes {first.id} and {second.id} overlap: accept only one of them")


def _as_fixes(chosen: Iterable[Change]) -> list[Change]:
    return [c if c.action == "fix" else replace(c, action="fix") for c in chosen]


def apply_decisions(name: str, original: str, changes: Sequence[Change], accepted: frozenset[str] | None) -> str:
    """The original with exactly the accepted changes applied (every fix without decisions).

    >>> c = Change("PU01", "p.d", "fix", 4, 7, 1, 5, ". .", ".", "m")
    >>> apply_decisions("a", "them. . We", [c], None), apply_decisions("a", "them. . We", [c], frozenset())
    ('them. We', 'them. . We')
    """
    check_original(name, original, changes)
    if accepted is not None:
        missing = unknown_ids(changes, accepted)
        if missing:
            raise ReviewError(f"{name}: the decisions accept {missing[0]}, which the log does not have for this "
                              f"document")
    chosen = chosen_changes(changes, accepted)
    check_no_overlap(chosen)
    return apply_changes(original, _as_fixes(chosen))


def revert_decisions(name: str, cleaned: str, changes: Sequence[Change], accepted: frozenset[str] | None) -> str:
    """The original rebuilt from a text that `apply_decisions` (or `fix`) produced.

    >>> c = Change("PU01", "p.d", "fix", 4, 7, 1, 5, ". .", ".", "m")
    >>> revert_decisions("a", "them. We", [c], None)
    'them. . We'
    """
    chosen = chosen_changes(changes, accepted)
    check_no_overlap(chosen)
    try:
        original = revert_changes(cleaned, _as_fixes(chosen))
    except ValueError:
        raise ReviewError(f"{name}: does not match the log: the changed text is not where the log puts it; "
                          f"was it edited after cleaning, or cleaned with other decisions?") from None
    if apply_changes(original, _as_fixes(chosen)) != cleaned:
        raise ReviewError(f"{name}: does not match the log")
    check_original(name, original, changes)
    return original
