"""Time `clean` on hostile documents of growing size and print seconds per MB: it should stay flat.

    python benchmarks/hostile_input.py                      # 1, 5, 10 and 50 MB, every case
    python benchmarks/hostile_input.py --max-mb 10 --case single-line --case dot-pairs

Cases: patterns built to make regular expressions backtrack (in runs of fixed length, and in
tokens that grow with the document), one 50 MB line, a million `. .`
pairs, deeply nested quotes and brackets, and 10,000 (per MB) near-identical paragraphs, with
captions repeating their neighbours among them and without. Each size runs in a child process with a hard time limit, so a case that
goes quadratic is reported as such instead of hanging the run; the last column says when the
time per MB grew by more than half from the smallest size (superlinear).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

MB = 1_000_000
SIZES = (1, 5, 10, 50)
SUPERLINEAR = 1.5  # time per MB this many times the smallest size's

SENTENCE = ("On November 2, the county held a meeting on flood control and drought relief, and the "
            "working groups went to key areas to guide the work. ")


def repeat_to(size: int, chunk: str) -> str:
    """`chunk` repeated until the text is `size` characters long."""
    return (chunk * (size // len(chunk) + 1))[:size]


def backtracking_bait(size: int) -> str:
    """Runs that make naive patterns backtrack: repeated words, `x and x` chains, long dotted and
    digit runs, a word run with no sentence end, `@` and `www.` followed by long tokens."""
    kinds = [
        "the " * 1000,
        "growth and " * 400,
        "a." * 2000 + "@",
        "1." * 2000 + "x",
        "www." + "a" * 4000 + " ",
        "Governance " * 200 + "governance " * 200,
        "cultivate cultivate and cultivate " * 120,
        " " * 4000 + ".",
        "“" + "quoted words " * 300,
        "&" + "#" * 2000 + ";",
    ]
    return repeat_to(size, "\n".join(kinds) + "\n")


def long_token_bait(size: int) -> str:
    """The same bait as one token per kind whose length grows with the document (a hundredth of
    it): a pattern quadratic in a token's length shows here, where fixed-length runs hide it."""
    length = max(size // 100, 10)
    kinds = ["a." * (length // 2) + "@", "1." * (length // 2) + "x", "www." + "a" * length + " ",
             "the " * (length // 4), "x and " * (length // 6) + "x"]
    return repeat_to(size, SENTENCE + "\n" + "\n".join(kinds) + "\n")


def single_line(size: int) -> str:
    """Ordinary sentences with artifacts, and not one line break."""
    return repeat_to(size, SENTENCE + "Prices rose. . Exports fell . , and the the county met. ")


def dot_pairs(size: int) -> str:
    """`. .` pairs (a million at about 4 MB), a hundred to a line, every line different."""
    lines, total, number = [], 0, 0
    while total < size:
        number += 1
        line = f"Line {number}: " + "Rose. . " * 100
        lines.append(line)
        total += len(line) + 1
    return "\n".join(lines)[:size]


def nested_quotes(size: int) -> str:
    """Quotes and brackets nested thousands deep, then closed."""
    depth = 5000
    chunk = "“‘(【[" * depth + "title" + "]】)’”" * depth + "\n"
    return repeat_to(size, chunk)


def near_identical_paragraphs(size: int) -> str:
    """Paragraphs that differ in one number, with a caption paragraph repeating a sentence every tenth."""
    paragraphs = []
    total = 0
    number = 0
    while total < size:
        number += 1
        if number % 10 == 0:
            text = f"The county held meeting number {number - 1} on flood control.Photo by Zhang Wei"
        else:
            text = f"The county held meeting number {number} on flood control. The working groups went out."
        paragraphs.append(text)
        total += len(text) + 1
    return "\n".join(paragraphs)[:size]


def near_identical_plain(size: int) -> str:
    """Paragraphs that differ in one number and nothing else (no captions among them)."""
    return near_identical_paragraphs(size).replace(".Photo by Zhang Wei", ". The working groups went out.")


CASES: dict[str, Callable[[int], str]] = {
    "backtracking-bait": backtracking_bait,
    "long-token-bait": long_token_bait,
    "single-line": single_line,
    "dot-pairs": dot_pairs,
    "nested-quotes": nested_quotes,
    "near-identical-paragraphs": near_identical_paragraphs,
    "near-identical-plain": near_identical_plain,
}


def measure(case: str, megabytes: float) -> dict:
    """Build one document and clean it; the time covers `clean` only."""
    from cleaner import clean

    text = CASES[case](int(megabytes * MB))
    start = time.perf_counter()
    result = clean(text)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "fixes": len(result.fixes),
            "problems": sorted({f"{p.rule}: {p.message[:60]}" for p in result.problems})}


def run_child(case: str, megabytes: float, limit: float) -> dict | None:
    """Measure in a child process; None when it ran past `limit` seconds."""
    command = [sys.executable, __file__, "--child", case, str(megabytes)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=limit, check=True)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(done.stdout)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-mb", type=float, default=50, help="largest size to run (default 50)")
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="only these cases")
    parser.add_argument("--limit", type=float, default=600, help="seconds one size may take (default 600)")
    parser.add_argument("--child", nargs=2, metavar=("CASE", "MB"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child[0], float(args.child[1]))))
        return 0
    sizes = [s for s in SIZES if s <= args.max_mb] or [args.max_mb]
    print(f"{'case':<27} {'MB':>4} {'seconds':>8} {'s/MB':>6} {'fixes':>8}  notes")
    flagged = []
    for case in args.case or CASES:
        first = None
        for size in sizes:
            outcome = run_child(case, size, args.limit)
            if outcome is None:
                print(f"{case:<27} {size:>4} {'>' + str(int(args.limit)):>8} {'':>6} {'':>8}  "
                      f"did not finish: superlinear or too slow")
                flagged.append(case)
                break
            per_mb = outcome["seconds"] / size
            first = first or per_mb
            growth = per_mb / first
            note = f"x{growth:.1f} per MB vs {sizes[0]} MB" + ("  SUPERLINEAR" if growth > SUPERLINEAR else "")
            if growth > SUPERLINEAR:
                flagged.append(case)
            if outcome["problems"]:
                note += "; " + "; ".join(outcome["problems"])
            print(f"{case:<27} {size:>4} {outcome['seconds']:>8.2f} {per_mb:>6.2f} {outcome['fixes']:>8}  {note}",
                  flush=True)
    if flagged:
        print("superlinear or unfinished: " + ", ".join(sorted(set(flagged))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
