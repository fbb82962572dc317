"""The progress line (stderr, only on a terminal) and the end-of-run summary of a batch."""

from __future__ import annotations

import time
from collections import Counter
from typing import IO

MB = 1_000_000
REDRAW_SECONDS = 0.2


def add_stats(total: dict, stats: dict) -> None:
    """Add one chunk's counts to the run's totals."""
    for key in ("documents", "changed", "errors", "bytes"):
        total[key] = total.get(key, 0) + stats[key]
    for key in ("fixes", "suggestions"):
        total.setdefault(key, Counter()).update(stats[key])


def format_duration(seconds: float) -> str:
    """H:MM:SS.

    >>> format_duration(3725.2)
    '1:02:05'
    """
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def progress_line(documents: int, done_bytes: int, seconds: float, disk_done: int, disk_total: int) -> str:
    """Documents, throughput and, when the input size is known, the estimated time left.

    >>> progress_line(1200, 50 * MB, 10.0, 50, 100)
    '1,200 documents  5.0 MB/s  50%  ETA 0:00:10'
    """
    rate = done_bytes / MB / seconds if seconds > 0 else 0.0
    line = f"{documents:,} documents  {rate:.1f} MB/s"
    if disk_total and disk_done:
        fraction = min(disk_done / disk_total, 1.0)
        line += f"  {fraction:.0%}  ETA {format_duration(seconds * (1 - fraction) / fraction)}"
    return line


class Progress:
    """Redraws one status line on a terminal at most every REDRAW_SECONDS; silent otherwise."""

    def __init__(self, stream: IO[str], disk_total: int, enabled: bool) -> None:
        self.stream, self.disk_total, self.enabled = stream, disk_total, enabled
        self.started = time.monotonic()
        self.drawn = 0.0
        self.documents = self.bytes = self.disk_done = 0

    def update(self, stats: dict, disk_done: int) -> None:
        self.documents += stats["documents"] + stats["errors"]
        self.bytes += stats["bytes"]
        self.disk_done = disk_done
        now = time.monotonic()
        if self.enabled and now - self.drawn >= REDRAW_SECONDS:
            self.drawn = now
            line = progress_line(self.documents, self.bytes, now - self.started, disk_done, self.disk_total)
            self.stream.write("\r" + line + "\x1b[K")
            self.stream.flush()

    def finish(self) -> None:
        if self.enabled and self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def summary(total: dict, seconds: float) -> str:
    """What the run did: documents, changed, errors, throughput, then fixes and suggestions per rule.

    >>> print(summary({"documents": 3, "changed": 1, "errors": 1, "bytes": 2 * MB,
    ...                "fixes": Counter({"PU01": 2}), "suggestions": Counter()}, 2.0))
    mtclean: 3 documents cleaned, 1 changed, 1 failed; 2.0 MB in 2.0 s (1.0 MB/s, 2 documents/s)
      fixes: PU01 2
      suggestions: none
    """
    seconds = max(seconds, 1e-9)
    documents = total.get("documents", 0)
    lines = [
        f"mtclean: {documents:,} documents cleaned, {total.get('changed', 0):,} changed, "
        f"{total.get('errors', 0):,} failed; {total.get('bytes', 0) / MB:.1f} MB in {seconds:.1f} s "
        f"({total.get('bytes', 0) / MB / seconds:.1f} MB/s, "
        f"{(documents + total.get('errors', 0)) / seconds:.0f} documents/s)"
    ]
    for key in ("fixes", "suggestions"):
        counts = total.get(key) or Counter()
        listed = ", ".join(f"{rule} {count:,}" for rule, count in sorted(counts.items())) or "none"
        lines.append(f"  {key}: {listed}")
    return "\n".join(lines)
