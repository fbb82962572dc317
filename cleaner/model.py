"""The plain records that pass between rules, the engine and the reports."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Literal

Action = Literal["fix", "suggest"]


@dataclass(frozen=True)
class Example:
    """One example a rule carries.

    `text` must become `expected`; or, for a flag-only rule, `flagged` must be reported;
    a keep example has neither and must produce no finding at all.
    """

    text: str
    expected: str | None = None
    flagged: str | None = None


@dataclass(frozen=True)
class Rule:
    """A rule as loaded from `rules/*.toml`: identity, kind, settings and its own examples."""

    code: str
    name: str
    kind: str
    action: Action
    message: str
    params: dict = field(default_factory=dict, hash=False, compare=False)
    changes: tuple[Example, ...] = ()
    keeps: tuple[Example, ...] = ()
    aliases: tuple[str, ...] = ()
    description: str = ""

    @property
    def family(self) -> str:
        """The family is the first part of the dotted name (`punctuation`)."""
        return self.name.split(".", 1)[0]


@dataclass(frozen=True)
class Edit:
    """What a stage proposes, in the coordinates of the text the stage was given."""

    start: int
    end: int
    replacement: str
    rule: Rule
    message: str = ""
    action: Action | None = None  # None: the rule's own action


@dataclass(frozen=True)
class Change:
    """One logged change, in code-point offsets of the original input.

    `before` is `original[start:end]`; a fix replaces it with `after`.
    """

    rule: str
    name: str
    action: Action
    start: int
    end: int
    line: int
    column: int
    before: str
    after: str
    message: str

    @property
    def family(self) -> str:
        return self.name.split(".", 1)[0]

    @property
    def id(self) -> str:
        """A stable id: same rule, region and texts give the same id on every run.

        Decisions made on one report therefore apply to the next run over the same input.

        >>> Change("PU01", "p.d", "fix", 4, 7, 1, 5, ". .", ".", "m").id
        'PU01-d595b1952f0e'
        """
        key = json.dumps([self.rule, self.start, self.end, self.before, self.after], ensure_ascii=False)
        return f"{self.rule}-{hashlib.blake2b(key.encode('utf-8'), digest_size=6).hexdigest()}"

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "name": self.name,
            "action": self.action,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "before": self.before,
            "after": self.after,
            "message": self.message,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Change":
        return cls(**{key: data[key] for key in cls.__dataclass_fields__})


@dataclass(frozen=True)
class Problem:
    """Something that stopped a rule or a document from being cleaned (timeout, broken invariant).

    A `warning` (a rule timed out and was skipped) leaves the rest of the cleaning in place; an
    `error` (a safety check failed, cleaning did not settle) means the document was left as it was.
    """

    rule: str
    message: str
    severity: Literal["warning", "error"] = "warning"


@dataclass(frozen=True)
class Result:
    """The outcome of cleaning one document."""

    original: str
    text: str
    changes: tuple[Change, ...]
    problems: tuple[Problem, ...] = ()

    @property
    def fixes(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.action == "fix")

    @property
    def suggestions(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.action == "suggest")

    @property
    def changed(self) -> bool:
        return self.text != self.original
