"""Reading batch inputs: JSONL (plain, gzip, zstd, stdin) and folders of .txt/.md, cut into chunks.

Chunks are cut the same way on every run of the same inputs (a fixed number of documents or a
byte budget, whichever comes first, and never across two inputs), so a resumed run finds its
finished chunks again by their numbers.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator, Sequence

TEXT_SUFFIXES = (".txt", ".md")
CHUNK_DOCS = 100
CHUNK_BYTES = 4 * 1024 * 1024


class BatchInputError(Exception):
    """An input that cannot be used at all (missing, unreadable, wrong kind)."""


@dataclass(frozen=True)
class Source:
    """One input as given on the command line: a JSONL stream or a folder of text files."""

    path: str
    kind: str  # "jsonl" or "folder"
    size: int  # bytes on disk, 0 for stdin
    mtime_ns: int = 0


@dataclass(frozen=True)
class Chunk:
    """Consecutive documents of one source: (line number or relative path, raw bytes) pairs.

    `disk_end` is how many on-disk bytes of all inputs had been read once the chunk was cut,
    which is what a progress bar can compare with the total size.
    """

    index: int
    source: str
    kind: str
    items: tuple[tuple[int | str, bytes], ...]
    disk_end: int

    @property
    def size(self) -> int:
        return sum(len(raw) for _, raw in self.items)


def classify(path: str) -> Source:
    """What an input path is: `-` and files are JSONL, folders hold .txt/.md documents."""
    if path == "-":
        return Source("-", "jsonl", 0)
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise BatchInputError(f"{path}: no such file or folder") from None
    except OSError as error:
        raise BatchInputError(f"{path}: cannot read: {error.strerror}") from None
    if os.path.isdir(path):
        size = sum(os.path.getsize(os.path.join(path, name)) for name in folder_files(path))
        return Source(path, "folder", size, status.st_mtime_ns)
    return Source(path, "jsonl", status.st_size, status.st_mtime_ns)


def open_jsonl(path: str) -> tuple[BinaryIO, BinaryIO]:
    """(lines stream, raw on-disk stream) for a JSONL input, decompressing `.gz` and `.zst`."""
    if path == "-":
        return sys.stdin.buffer, sys.stdin.buffer
    raw = open(path, "rb")
    if path.endswith(".gz"):
        return gzip.GzipFile(fileobj=raw, mode="rb"), raw
    if path.endswith(".zst"):
        import zstandard

        reader = zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True)
        return io.BufferedReader(reader, 1024 * 1024), raw
    return raw, raw


def folder_files(root: str) -> list[str]:
    """The .txt and .md files under a folder, as sorted relative paths (`/` separated)."""
    found = []
    for folder, subfolders, names in os.walk(root):
        subfolders.sort()
        for name in names:
            if name.endswith(TEXT_SUFFIXES):
                found.append(Path(folder, name).relative_to(root).as_posix())
    return sorted(found)


def _tell(raw: BinaryIO) -> int:
    try:
        return raw.tell()
    except (OSError, ValueError):
        return 0


def iter_items(source: Source) -> Iterator[tuple[int | str, bytes, int]]:
    """(key, raw bytes, on-disk bytes read so far) for every document of one source."""
    if source.kind == "folder":
        done = 0
        for relative in folder_files(source.path):
            data = Path(source.path, relative).read_bytes()
            done += len(data)
            yield relative, data, done
        return
    stream, raw = open_jsonl(source.path)
    try:
        for number, line in enumerate(stream, 1):
            yield number, line, _tell(raw)
    finally:
        if source.path != "-":
            stream.close()
            raw.close()


def iter_chunks(sources: Sequence[Source], chunk_docs: int = CHUNK_DOCS,
                chunk_bytes: int = CHUNK_BYTES) -> Iterator[Chunk]:
    """Cut every source, in order, into chunks of at most `chunk_docs` documents or about `chunk_bytes`."""
    index = 0
    before = 0
    for source in sources:
        items: list[tuple[int | str, bytes]] = []
        size = 0
        position = 0
        for key, raw, position in iter_items(source):
            items.append((key, raw))
            size += len(raw)
            if len(items) >= chunk_docs or size >= chunk_bytes:
                yield Chunk(index, source.path, source.kind, tuple(items), before + position)
                index += 1
                items, size = [], 0
        if items:
            yield Chunk(index, source.path, source.kind, tuple(items), before + position)
            index += 1
        before += source.size
