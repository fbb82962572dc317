"""Writing batch results: numbered part files with completion markers, merged in order at the end.

Layout of an unfinished run (`OUTPUT.parts/` next to a JSONL output, `OUTPUT/.mtclean-parts/`
inside a folder output)::

    manifest.json        the inputs and settings of the run; --resume refuses a different run
    000000.out           the chunk's JSONL output (already compressed for .gz/.zst outputs)
    000000.log / .err    its change-log and error lines
    000000.done          written last, with the chunk's counts: the chunk is complete

Each file is written to a temporary name and renamed, so a killed run leaves whole parts or
none. When every chunk is done the parts are concatenated, in chunk order, into OUTPUT, the log
and the errors file (each through a temporary file and a rename), and the parts folder is removed.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections import Counter
from pathlib import Path
from typing import IO

from .reader import BatchInputError
from .work import ChunkResult

PARTS_DIR_SUFFIX = ".parts"
FOLDER_PARTS_DIR = ".mtclean-parts"


def parts_dir(output: str, to_folder: bool) -> Path:
    """Where the parts of a run writing OUTPUT live."""
    return Path(output, FOLDER_PARTS_DIR) if to_folder else Path(output + PARTS_DIR_SUFFIX)


def _write_atomic(path: Path, data: bytes) -> None:
    temp = path.with_name(path.name + ".tmp")
    with open(temp, "wb") as handle:
        handle.write(data)
    os.replace(temp, path)


def stats_to_json(stats: dict) -> dict:
    return {**stats, "fixes": dict(stats["fixes"]), "suggestions": dict(stats["suggestions"])}


def stats_from_json(data: dict) -> dict:
    return {**data, "fixes": Counter(data["fixes"]), "suggestions": Counter(data["suggestions"])}


class PartStore:
    """The parts folder of one run: which chunks are done, writing new ones, merging them all."""

    def __init__(self, directory: Path, manifest: dict, resume: bool) -> None:
        self.directory = directory
        manifest_path = directory / "manifest.json"
        if resume and manifest_path.exists():
            found = json.loads(manifest_path.read_text(encoding="utf-8"))
            if found != manifest:
                raise BatchInputError(f"{directory}: the interrupted run had other inputs or settings; "
                                 "run without --resume to start over")
        else:
            if directory.exists():
                shutil.rmtree(directory)
            directory.mkdir(parents=True)
            _write_atomic(manifest_path, json.dumps(manifest, indent=1).encode("utf-8"))

    def _part(self, index: int, suffix: str) -> Path:
        return self.directory / f"{index:06d}{suffix}"

    def done_stats(self, index: int) -> dict | None:
        """The counts of a completed chunk, or None when it has to be (re)done."""
        marker = self._part(index, ".done")
        if not marker.exists() or not all(self._part(index, s).exists() for s in (".out", ".log", ".err")):
            return None
        return stats_from_json(json.loads(marker.read_text(encoding="utf-8")))

    def write(self, result: ChunkResult, output_folder: str | None) -> None:
        """Store one chunk's results; the completion marker goes last."""
        for relative, data in result.files:
            target = Path(output_folder, relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            _write_atomic(target, data)
        for suffix, data in ((".out", result.output), (".log", result.log), (".err", result.errors)):
            _write_atomic(self._part(result.index, suffix), data)
        _write_atomic(self._part(result.index, ".done"), json.dumps(stats_to_json(result.stats)).encode("utf-8"))

    def merge(self, count: int, targets: dict[str, str | None]) -> None:
        """Concatenate parts 0..count-1 of each kind (`.out`, `.log`, `.err`) into its target file."""
        for suffix, target in targets.items():
            if target is None:
                continue
            temp = Path(target + ".mtclean-tmp")
            with open(temp, "wb") as handle:
                for index in range(count):
                    with open(self._part(index, suffix), "rb") as part:
                        shutil.copyfileobj(part, handle, 1024 * 1024)
            os.replace(temp, target)
        # the manifest goes first: a run killed while the parts are deleted then starts over
        (self.directory / "manifest.json").unlink()
        shutil.rmtree(self.directory)


class StreamSink:
    """Results written straight through (output on stdout): no parts, so no resume."""

    def __init__(self, log: str | None, errors: str | None) -> None:
        self.out: IO[bytes] = sys.stdout.buffer
        self.log = open(log, "wb") if log else None
        self.errors = open(errors, "wb") if errors else None

    def write(self, result: ChunkResult) -> None:
        self.out.write(result.output)
        for handle, data in ((self.log, result.log), (self.errors, result.errors)):
            if handle:
                handle.write(data)

    def close(self) -> None:
        self.out.flush()
        for handle in (self.log, self.errors):
            if handle:
                handle.close()
