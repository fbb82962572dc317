"""Fuzz the engine and the CLI entry point with random data for a bounded time (hypothesis-driven).

    python benchmarks/fuzz.py --seconds 60            # both targets, half the time each
    python benchmarks/fuzz.py --seconds 20 --target cli

Runs the targets in `tests/fuzz_targets.py` in batches of fresh random examples until the time is
up. On a failure it prints the shrunk input and exits 1: add that input to the REGRESSIONS lists
in `tests/test_fuzz.py`. Prints how many examples each target ran, and the documents the engine
refused (left unchanged with an error: safe, but a rule or pass-limit problem to look at).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("MTCLEAN_HYPOTHESIS_PROFILE", "fuzz")

from hypothesis import HealthCheck, given, settings  # noqa: E402

from tests.fuzz_targets import check_cli, check_engine, cli_inputs, engine_inputs  # noqa: E402

BATCH = 100
TARGETS = {
    "engine": (engine_inputs, check_engine),
    "cli": (cli_inputs, lambda case: check_cli(*case)),
}


def fuzz(name: str, seconds: float) -> tuple[int, bool]:
    """Run one target for about `seconds`; the number of examples run and whether all passed."""
    strategy, target = TARGETS[name]
    count = 0
    refused: list = []

    @settings(max_examples=BATCH, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def batch(example):
        nonlocal count
        count += 1
        if target(example):
            refused.append(example)

    stop = time.monotonic() + seconds
    passed = True
    while time.monotonic() < stop and passed:
        try:
            batch()
        except Exception:
            print(f"== {name}: failure (the input is the 'Falsifying example' below)")
            traceback.print_exc()
            passed = False
    if refused:
        print(f"{name}: {len(refused)} inputs refused (left unchanged with an error, not a crash); "
              f"the shortest: {min(refused, key=lambda e: len(repr(e)))!r}")
    return count, passed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="total time budget (default 60)")
    parser.add_argument("--target", choices=sorted(TARGETS) + ["all"], default="all")
    args = parser.parse_args(argv)
    names = sorted(TARGETS) if args.target == "all" else [args.target]
    ok = True
    for name in names:
        count, passed = fuzz(name, args.seconds / len(names))
        print(f"{name}: {count} examples, {'no failure' if passed else 'FAILED'}")
        ok = ok and passed
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
