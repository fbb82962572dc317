"""`mtclean batch`: its arguments and the thin command that hands them to `run_batch`."""

from __future__ import annotations

import argparse
import os
import sys

from .reader import CHUNK_DOCS, BatchInputError
from .run import BatchOptions, run_batch
from .work import Settings

EXIT_OK, EXIT_FAILED_DOCUMENTS, EXIT_ERROR = 0, 1, 2


def add_batch_parser(commands) -> None:
    """The `batch` subcommand's arguments."""
    batch = commands.add_parser(
        "batch", help="clean a corpus: JSONL (.gz, .zst, - for stdin) or folders of .txt/.md",
        description="Clean a corpus in parallel. Exit 0 when every document was cleaned, 1 when "
                    "some failed (see --errors), 2 on a usage, config or input error.")
    batch.add_argument("paths", nargs="+", metavar="INPUT", help="JSONL files, folders, or - for JSONL on stdin")
    batch.add_argument("-o", "--output", required=True,
                       help="JSONL file (.gz/.zst compress) or - for stdout; a folder for folder inputs")
    batch.add_argument("--select", action="append", help="rule codes, names or family prefixes to run")
    batch.add_argument("--ignore", action="append", help="rule codes, names or family prefixes to skip")
    batch.add_argument("--config", help="a mtclean.toml or pyproject.toml to use")
    batch.add_argument("--log", help="write one change-log record per document (JSON Lines) here")
    batch.add_argument("--errors", help="write one record per failed document (JSON Lines) here")
    batch.add_argument("--text-field", default="text", help="JSONL field to clean (default: text)")
    batch.add_argument("--title-field", default="title", help="JSONL field with the headline (default: title)")
    batch.add_argument("--id-field", default="id", help="JSONL field naming documents in the log "
                                                        "(default: id, else the line number)")
    batch.add_argument("--fix-title", action="store_true", help="clean the title field too")
    batch.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1,
                       help="worker processes (default: all cores)")
    batch.add_argument("--engine", choices=("local", "dask"), default="local",
                       help="local process pool, or a Dask cluster")
    batch.add_argument("--scheduler", help="address of a running Dask scheduler (default: start a local cluster)")
    batch.add_argument("--resume", action="store_true", help="continue an interrupted run into the same output")
    batch.add_argument("--chunk-size", type=int, default=CHUNK_DOCS,
                       help=f"documents per chunk (default {CHUNK_DOCS}; a chunk also ends at 4 MiB)")
    batch.add_argument("-q", "--quiet", action="store_true", help="no progress line and no summary")


def command_batch(args: argparse.Namespace, config) -> int:
    """Run the batch; the exit code says whether any document failed."""
    if args.jobs < 1 or args.chunk_size < 1:
        print("mtclean: error: --jobs and --chunk-size must be at least 1", file=sys.stderr)
        return EXIT_ERROR
    if args.scheduler and args.engine != "dask":
        print("mtclean: error: --scheduler needs --engine dask", file=sys.stderr)
        return EXIT_ERROR
    settings = Settings(config, args.text_field, args.title_field, args.id_field, args.fix_title)
    options = BatchOptions(tuple(args.paths), args.output, settings, args.log, args.errors, args.jobs,
                           args.engine, args.scheduler, args.resume, args.chunk_size, args.quiet)
    try:
        totals = run_batch(options)
    except (BatchInputError, OSError) as error:
        print(f"mtclean: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_FAILED_DOCUMENTS if totals["errors"] else EXIT_OK
