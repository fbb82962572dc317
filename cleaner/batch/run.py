"""Run a batch: cut the inputs into chunks, clean them on an engine, store the parts in order."""

from __future__ import annotations

import json
import os
import sys
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterator, Sequence

from .. import __version__
from .progress import Progress, add_stats, summary
from .reader import CHUNK_BYTES, CHUNK_DOCS, BatchInputError, Chunk, Source, classify, iter_chunks
from .work import ChunkResult, Settings, clean_chunk, new_stats
from .writer import PartStore, StreamSink, parts_dir

Submit = Callable[[Chunk, Settings], "Future[ChunkResult]"]


@dataclass(frozen=True)
class BatchOptions:
    """Everything `mtclean batch` was asked to do."""

    inputs: tuple[str, ...]
    output: str
    settings: Settings = Settings()
    log: str | None = None
    errors: str | None = None
    jobs: int = 1
    engine: str = "local"
    scheduler: str | None = None
    resume: bool = False
    chunk_docs: int = CHUNK_DOCS
    quiet: bool = False


def compression_of(output: str) -> str:
    """The compression an output file name asks for: `.gz`, `.zst` or none."""
    return "gz" if output.endswith(".gz") else "zst" if output.endswith(".zst") else ""


def check_sources(sources: Sequence[Source], output: str) -> bool:
    """Whether the run writes a folder; mixed or impossible combinations are input errors."""
    kinds = {source.kind for source in sources}
    if len(kinds) > 1:
        raise BatchInputError("inputs mix JSONL files and folders; run them separately")
    if sum(source.path == "-" for source in sources) > 1:
        raise BatchInputError("stdin (-) can be read only once")
    to_folder = kinds == {"folder"}
    if to_folder and output == "-":
        raise BatchInputError("folder inputs need a folder as -o, not stdout")
    if to_folder and os.path.isfile(output):
        raise BatchInputError(f"{output}: is a file; folder inputs need a folder as -o")
    return to_folder


def folder_targets(sources: Sequence[Source], output: str) -> dict[str, str]:
    """Where each input folder is mirrored: OUTPUT itself for one, OUTPUT/<name> for several."""
    if len(sources) == 1:
        return {sources[0].path: output}
    targets: dict[str, str] = {}
    for source in sources:
        name = Path(source.path).resolve().name
        if os.path.join(output, name) in targets.values():
            raise BatchInputError(f"two input folders are named '{name}'")
        targets[source.path] = os.path.join(output, name)
    return targets


def manifest_of(options: BatchOptions, sources: Sequence[Source]) -> dict:
    """What identifies a run, so --resume continues only the same run."""
    return {
        "mtclean": __version__,
        "inputs": [[s.path, s.kind, s.size, s.mtime_ns] for s in sources],
        "output": options.output, "log": options.log, "errors": options.errors,
        "settings": repr(options.settings), "chunk_docs": options.chunk_docs, "chunk_bytes": CHUNK_BYTES,
    }


class SerialFuture:
    """A finished result in the shape of a Future, for --jobs 1."""

    def __init__(self, value: ChunkResult) -> None:
        self.value = value

    def result(self) -> ChunkResult:
        return self.value


def ordered_results(chunks: Iterator[Chunk], submit: Submit, settings: Settings,
                    window: int) -> Iterator[tuple[Chunk, ChunkResult]]:
    """Submit chunks with at most `window` in flight and yield their results in input order."""
    pending: deque = deque()
    for chunk in chunks:
        pending.append((chunk, submit(chunk, settings)))
        if len(pending) >= window:
            done_chunk, future = pending.popleft()
            yield done_chunk, future.result()
    while pending:
        done_chunk, future = pending.popleft()
        yield done_chunk, future.result()


def local_submitter(jobs: int, stack: ExitStack) -> Submit:
    """--jobs 1 cleans in this process; more use a process pool, one pipeline per worker."""
    if jobs <= 1:
        return lambda chunk, settings: SerialFuture(clean_chunk(chunk, settings))
    pool = stack.enter_context(ProcessPoolExecutor(max_workers=jobs))
    return lambda chunk, settings: pool.submit(clean_chunk, chunk, settings)


def run_batch(options: BatchOptions, stderr=None) -> dict:
    """Clean every input into the output; return the totals (documents, changed, errors, ...)."""
    stderr = stderr or sys.stderr
    sources = [classify(path) for path in options.inputs]
    to_folder = check_sources(sources, options.output)
    streaming = options.output == "-"
    if options.resume and (streaming or any(s.path == "-" for s in sources)):
        raise BatchInputError("--resume needs files: neither the input nor -o may be -")
    settings = options.settings
    if not to_folder:
        settings = replace(settings, compression=compression_of(options.output))
    targets = folder_targets(sources, options.output) if to_folder else {}
    started = time.monotonic()
    totals = new_stats()
    progress = Progress(stderr, sum(s.size for s in sources), stderr.isatty() and not options.quiet)
    with ExitStack() as stack:
        if streaming:
            sink, store = StreamSink(options.log, options.errors), None
            stack.callback(sink.close)
        else:
            if to_folder:
                Path(options.output).mkdir(parents=True, exist_ok=True)
            store = PartStore(parts_dir(options.output, to_folder), manifest_of(options, sources), options.resume)
        if options.engine == "dask":
            from ..dask import dask_submitter

            submit = dask_submitter(options.scheduler, options.jobs, stack)
        else:
            submit = local_submitter(options.jobs, stack)
        count = 0

        def todo() -> Iterator[Chunk]:
            nonlocal count
            for chunk in iter_chunks(sources, options.chunk_docs):
                count = chunk.index + 1
                stats = store.done_stats(chunk.index) if store else None
                if stats is None:
                    yield chunk
                else:
                    add_stats(totals, stats)
                    progress.update(stats, chunk.disk_end)

        for chunk, result in ordered_results(todo(), submit, settings, 2 * max(options.jobs, 1)):
            if store:
                store.write(result, targets.get(chunk.source))
            else:
                sink.write(result)
            if result.errors and not options.errors:
                report_errors(result.errors, stderr)
            add_stats(totals, result.stats)
            progress.update(result.stats, chunk.disk_end)
        if store:
            store.merge(count, {".out": None if to_folder else options.output,
                                ".log": options.log, ".err": options.errors})
    progress.finish()
    if not options.quiet:
        print(summary(totals, time.monotonic() - started), file=stderr)
    return totals


def report_errors(lines: bytes, stderr) -> None:
    """Failed documents named on stderr when there is no --errors file."""
    for line in lines.decode("utf-8").splitlines():
        record = json.loads(line)
        where = record.get("path") or f"{record['input']}:{record['line']}"
        print(f"mtclean: error: {where}: {record['reason']}", file=stderr)
