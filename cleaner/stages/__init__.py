"""Rule kinds: each module finds edits in a text for one kind of rule. Registered by name in KINDS."""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from ..config import Config


@dataclass(frozen=True)
class Context:
    """What a stage may know besides the text: the run's config and the document's title."""

    config: Config
    title: str | None = None

    @property
    def timeout(self) -> float:
        return self.config.timeout


from . import captions, consistency, encoding, fullwidth, language, pattern, repetition, style  # noqa: E402

KINDS: dict[str, ModuleType] = {
    "substitute": pattern,
    "flag": pattern,
    "encoding": encoding,
    "fullwidth": fullwidth,
    "repetition": repetition,
    "captions": captions,
    "duplicate-paragraph": captions,
    "consistency": consistency,
    "language": language,
    "style": style,
}

# Kinds whose findings on a line depend only on that line and the line breaks around it.
LOCAL_KINDS = frozenset({"substitute", "flag", "encoding", "fullwidth", "repetition"})
