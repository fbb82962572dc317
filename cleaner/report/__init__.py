"""Output formats, one module each, registered by name: `render(findings) -> str`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..model import Result


@dataclass(frozen=True)
class Finding:
    """A document's name and its cleaning result, as every format receives them."""

    name: str
    result: Result


from . import text as _text  # noqa: E402

FORMATS: dict[str, Callable[[list[Finding]], str]] = {
    "text": _text.render,
}
