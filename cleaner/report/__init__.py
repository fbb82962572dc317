"""Output formats, one module each, registered by name: `render(findings) -> str`.

`findings` is a list of `Finding(name, result)`; a format renders only what the engine recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..model import Result


@dataclass(frozen=True)
class Finding:
    """A document's name and its cleaning result, as every format receives them."""

    name: str
    result: Result


from . import github as _github  # noqa: E402
from . import json_records as _json  # noqa: E402
from . import jsonl as _jsonl  # noqa: E402
from . import sarif as _sarif  # noqa: E402
from . import text as _text  # noqa: E402

FORMATS: dict[str, Callable[[list[Finding]], str]] = {
    "text": _text.render,
    "json": _json.render,
    "jsonl": _jsonl.render,
    "github": _github.render,
    "sarif": _sarif.render,
}
