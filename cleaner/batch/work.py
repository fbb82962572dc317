"""What a worker does with a chunk: parse each document, `clean` it, serialise the outputs.

Everything here is pure (bytes in, bytes out), so the local pool, the serial path and Dask
workers run the very same function and give byte-identical results.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from dataclasses import dataclass, field

from ..config import Config
from ..engine import Pipeline, clean
from ..io import InputError, decode, log_record
from ..model import Result
from .reader import Chunk

JSON_TYPES = {dict: "an object", list: "an array", int: "a number", float: "a number",
              bool: "a boolean", type(None): "null"}
_PIPELINES: dict[str, Pipeline] = {}


@dataclass(frozen=True)
class Settings:
    """How documents are read and written; the same for every chunk of a run."""

    config: Config = field(default_factory=Config)
    text_field: str = "text"
    title_field: str = "title"
    id_field: str = "id"
    fix_title: bool = False
    compression: str = ""  # "", "gz" or "zst": how the JSONL output part is compressed


@dataclass
class ChunkResult:
    """A cleaned chunk: the output part (JSONL bytes, or files), log and error lines, and counts."""

    index: int
    output: bytes = b""
    files: list[tuple[str, bytes]] = field(default_factory=list)
    log: bytes = b""
    errors: bytes = b""
    stats: dict = field(default_factory=dict)


class DocumentError(Exception):
    """A document that cannot be cleaned; the message is the reason written to the errors file."""


def pipeline_for(config: Config) -> Pipeline:
    """One pipeline per worker process and config, built on first use and then reused."""
    key = repr(config)
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline.from_config(config)
    return _PIPELINES[key]


def dump_line(record: dict) -> bytes:
    """One JSON line, UTF-8; a text with lone surrogates falls back to \\u escapes.

    >>> dump_line({"text": "café"})
    b'{"text": "caf\\xc3\\xa9"}\\n'
    """
    try:
        return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(record) + "\n").encode("ascii")


def parse_line(raw: bytes, settings: Settings) -> dict:
    """The JSON object on one line, checked for a string text field and an optional string title."""
    try:
        line = raw.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as error:
        raise DocumentError(f"invalid UTF-8 at byte {error.start}") from None
    if not line.strip():
        raise DocumentError("empty line")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise DocumentError(f"invalid JSON: {error.msg} (column {error.colno})") from None
    if not isinstance(record, dict):
        raise DocumentError(f"not a JSON object but {JSON_TYPES.get(type(record), 'a string')}")
    if settings.text_field not in record:
        raise DocumentError(f"missing field '{settings.text_field}'")
    for name in (settings.text_field, settings.title_field):
        value = record.get(name)
        if name in record and not isinstance(value, str) and not (name == settings.title_field and value is None):
            raise DocumentError(f"field '{name}' is {JSON_TYPES.get(type(value), 'not a string')}, not a string")
    return record


def run_clean(text: str, pipeline: Pipeline, title: str | None = None) -> Result:
    """`clean`, with any failure inside a rule turned into a DocumentError."""
    try:
        return clean(text, pipeline=pipeline, title=title)
    except Exception as error:  # a rule error must not stop the run; it is reported per document
        raise DocumentError(f"rule error: {type(error).__name__}: {error}") from None


def clean_record(record: dict, settings: Settings, pipeline: Pipeline,
                 name: object) -> tuple[dict, dict, list[Result]]:
    """The record with its text (and, with fix_title, its title) cleaned; its log record; the results."""
    title = record.get(settings.title_field)
    result = run_clean(record[settings.text_field], pipeline, title)
    cleaned = record
    if result.changed:
        cleaned = {**record, settings.text_field: result.text}
    log = log_record(name, result, key="id")
    results = [result]
    if settings.fix_title and title:
        title_result = run_clean(title, pipeline)
        results.append(title_result)
        log["title_changes"] = [change.to_dict() for change in title_result.changes]
        if title_result.changed:
            cleaned = {**cleaned, settings.title_field: title_result.text}
    return cleaned, log, results


def _count(stats: dict, results: list[Result], size: int) -> None:
    stats["documents"] += 1
    stats["bytes"] += size
    stats["changed"] += any(r.changed for r in results)
    for result in results:
        for change in result.changes:
            stats["fixes" if change.action == "fix" else "suggestions"][change.rule] += 1


def new_stats() -> dict:
    return {"documents": 0, "changed": 0, "errors": 0, "bytes": 0, "fixes": Counter(), "suggestions": Counter()}


def clean_chunk(chunk: Chunk, settings: Settings) -> ChunkResult:
    """Clean every document of a chunk; bad ones go to the error lines, the others to the output."""
    pipeline = pipeline_for(settings.config)
    stats = new_stats()
    out: list[bytes] = []
    files: list[tuple[str, bytes]] = []
    logs: list[bytes] = []
    errors: list[bytes] = []
    for key, raw in chunk.items:
        try:
            if chunk.kind == "jsonl":
                record = parse_line(raw, settings)
                name = record.get(settings.id_field, key)
                cleaned, log, results = clean_record(record, settings, pipeline, name)
                out.append(raw.rstrip(b"\r\n") + b"\n" if cleaned is record else dump_line(cleaned))
            else:
                name = f"{chunk.source.rstrip('/')}/{key}"
                try:
                    text = decode(raw, name)
                except InputError as error:
                    raise DocumentError(str(error).removeprefix(f"{name}: ").removesuffix(", skipped")) from None
                result = run_clean(text, pipeline)
                log, results = log_record(name, result), [result]
                files.append((str(key), raw if not result.changed else result.text.encode("utf-8")))
        except DocumentError as error:
            stats["errors"] += 1
            stats["bytes"] += len(raw)
            errors.append(dump_line(error_record(chunk, key, raw, settings, str(error))))
            continue
        _count(stats, results, len(raw))
        logs.append(dump_line(log))
    return ChunkResult(chunk.index, compress(b"".join(out), settings.compression), files,
                       b"".join(logs), b"".join(errors), stats)


def error_record(chunk: Chunk, key: int | str, raw: bytes, settings: Settings, reason: str) -> dict:
    """Where a failed document is (input and line, or its path) and why it failed."""
    if chunk.kind != "jsonl":
        return {"input": chunk.source, "path": f"{chunk.source.rstrip('/')}/{key}", "reason": reason}
    record = {"input": chunk.source, "line": key, "reason": reason}
    try:
        identifier = json.loads(raw).get(settings.id_field)
    except (ValueError, AttributeError):
        identifier = None
    if identifier is not None:
        record["id"] = identifier
    return record


def compress(data: bytes, compression: str) -> bytes:
    """A self-contained gzip member or zstd frame; concatenated parts stay one valid stream."""
    if not data or not compression:
        return data
    if compression == "gz":
        return gzip.compress(data, compresslevel=6, mtime=0)
    import zstandard

    return zstandard.ZstdCompressor(level=3).compress(data)
