"""Single-core throughput of the full default pipeline against `ftfy.fix_text` alone, in one run.

    python benchmarks/throughput.py              # 20 MiB generated corpus
    python benchmarks/throughput.py --size-mb 5  # quicker, less steady

Both are timed over the same documents, one document at a time, in this process, so the
ratio holds however fast the machine is. Figures, not a test: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import ftfy  # noqa: E402

from benchmarks.generate_corpus import MIB, generate_articles  # noqa: E402
from cleaner.engine import Pipeline, clean  # noqa: E402


def timed(documents: list[dict], work: Callable[[dict], object]) -> float:
    """CPU seconds this process spends running `work` on every document.

    On one core CPU time is the wall time of an idle machine, and it stays steady when other
    work shares the machine.
    """
    start = time.process_time()
    for document in documents:
        work(document)
    return time.process_time() - start or 1e-9


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=20.0, help="corpus size in MiB (default 20)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    documents = list(generate_articles(args.seed, int(args.size_mb * MIB)))
    megabytes = sum(len(d["text"].encode("utf-8")) for d in documents) / 1e6
    pipeline = Pipeline.from_config()
    changes = []

    def run_pipeline(document: dict) -> None:
        changes.append(len(clean(document["text"], pipeline=pipeline, title=document.get("title")).changes))

    ftfy_seconds = timed(documents, lambda d: ftfy.fix_text(d["text"]))
    pipeline_seconds = timed(documents, run_pipeline)
    ftfy_rate, pipeline_rate = megabytes / ftfy_seconds, megabytes / pipeline_seconds
    print(f"corpus            {len(documents):>8} documents  {megabytes:8.1f} MB  {sum(changes)} changes logged")
    print(f"ftfy.fix_text     {ftfy_rate:8.2f} MB/s")
    print(f"mtclean pipeline  {pipeline_rate:8.2f} MB/s  (all {len(pipeline.rules)} rules, one core)")
    print(f"ratio             {pipeline_rate / ftfy_rate:8.2f} x ftfy.fix_text")


if __name__ == "__main__":
    main()
