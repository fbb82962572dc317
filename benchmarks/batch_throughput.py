"""Throughput of `mtclean batch` against its floors, printed in one run (figures, never a timed test).

    python benchmarks/batch_throughput.py                 # 20 MB and 200 MB corpora
    python benchmarks/batch_throughput.py --quick         # 2 MB and 20 MB
    python benchmarks/batch_throughput.py --size-mb 5 50  # any two sizes

On the smaller corpus it measures the I/O floor (read, parse and write every record, no
cleaning), `ftfy.fix_text` alone on every document's text, and the full default pipeline through
the real command at --jobs 1 and at all cores; on both corpora it measures the peak RSS of a run
at all cores (the largest process of the run, from wait4). Corpora are generated once with
benchmarks/generate_corpus.py and cached in --cache-dir.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.generate_corpus import MIB, generate_articles, write_jsonl  # noqa: E402

MB = 1_000_000


def corpus_path(cache: Path, size_mb: float) -> Path:
    """The cached corpus of about `size_mb` MiB, generated on first use."""
    path = cache / f"corpus-{size_mb:g}mb-seed1.jsonl"
    if not path.exists():
        temp = path.with_suffix(".tmp")
        write_jsonl(generate_articles(1, int(size_mb * MIB)), str(temp))
        os.replace(temp, path)
    return path


def io_floor(corpus: Path, out: Path) -> float:
    """Seconds to read, parse and re-serialise every record (the batch reader and writer, no cleaning)."""
    from cleaner.batch.reader import classify, iter_chunks
    from cleaner.batch.work import Settings, dump_line, parse_line

    settings = Settings()
    started = time.perf_counter()
    with open(out, "wb") as handle:
        for chunk in iter_chunks([classify(str(corpus))]):
            handle.write(b"".join(dump_line(parse_line(raw, settings)) for _, raw in chunk.items))
    return time.perf_counter() - started


def ftfy_alone(corpus: Path) -> float:
    """Seconds `ftfy.fix_text` takes over every document's text (parsing not counted)."""
    import ftfy

    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
    started = time.perf_counter()
    for text in texts:
        ftfy.fix_text(text)
    return time.perf_counter() - started


def run_batch(corpus: Path, out: Path, jobs: int) -> tuple[float, int]:
    """Wall seconds and peak RSS (bytes, largest process) of the real command at `jobs`."""
    command = [sys.executable, "-m", "cleaner", "batch", str(corpus), "-o", str(out), "--jobs", str(jobs), "-q"]
    started = time.perf_counter()
    process = subprocess.Popen(command)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"batch_throughput: {' '.join(command)} exited {process.returncode}")
    return seconds, usage.ru_maxrss * 1024


def rate(size: int, seconds: float) -> str:
    return f"{size / MB / seconds:8.2f} MB/s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--size-mb", type=float, nargs=2, default=[20.0, 200.0], metavar=("SMALL", "LARGE"))
    parser.add_argument("--quick", action="store_true", help="2 MB and 20 MB corpora")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="all cores (default)")
    parser.add_argument("--cache-dir", default=os.path.join(tempfile.gettempdir(), "mtclean-bench"))
    args = parser.parse_args(argv)
    small_mb, large_mb = (2.0, 20.0) if args.quick else args.size_mb
    cache = Path(args.cache_dir)
    cache.mkdir(parents=True, exist_ok=True)
    small, large = corpus_path(cache, small_mb), corpus_path(cache, large_mb)
    size = small.stat().st_size
    documents = sum(1 for _ in small.open("rb"))
    print(f"corpus {small.name}: {size / MB:.1f} MB, {documents} documents; cores {os.cpu_count()}")

    with tempfile.TemporaryDirectory() as work:
        out = Path(work, "out.jsonl")
        floor = io_floor(small, out)
        fixer = ftfy_alone(small)
        one, _ = run_batch(small, out, 1)
        many, rss_small = run_batch(small, out, args.jobs)
        _, rss_large = run_batch(large, out, args.jobs)
    print(f"I/O floor (read, parse, write)   {rate(size, floor)}  {floor:7.2f} s")
    print(f"ftfy.fix_text alone              {rate(size, fixer)}  {fixer:7.2f} s")
    print(f"pipeline --jobs 1                {rate(size, one)}  {one:7.2f} s")
    print(f"pipeline --jobs {args.jobs:<2}               {rate(size, many)}  {many:7.2f} s")
    print(f"ratio pipeline(jobs 1) / ftfy    {fixer / one:8.2f}x  (throughput)")
    print(f"ratio jobs {args.jobs} / jobs 1            {one / many:8.2f}x")
    print(f"peak RSS, {small_mb:g} MB corpus, jobs {args.jobs}   {rss_small / MB:8.1f} MB")
    print(f"peak RSS, {large_mb:g} MB corpus, jobs {args.jobs}  {rss_large / MB:8.1f} MB")
    print(f"ratio peak RSS large / small     {rss_large / rss_small:8.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
