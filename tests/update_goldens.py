"""Regenerate `expected_changes.jsonl` for every fixture, showing what changed.

`expected.txt` is written by hand and is the truth: this script never rewrites it unless
`--accept-output NAME` is given for one fixture, after its diff has been read.

    python tests/update_goldens.py            # refresh change logs, list fixtures whose output differs
    python tests/update_goldens.py --accept-output 012_high_speed_rail_station
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cleaner import clean  # noqa: E402
from tests.conftest import FIXTURES, read  # noqa: E402


def changes_jsonl(changes) -> str:
    return "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in changes)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accept-output", action="append", default=[], metavar="NAME")
    args = parser.parse_args(argv)
    differing = 0
    for folder in sorted(p for p in FIXTURES.iterdir() if (p / "input.txt").is_file()):
        result = clean(read(folder / "input.txt"))
        expected_path = folder / "expected.txt"
        if folder.name in args.accept_output or not expected_path.exists():
            expected_path.write_bytes(result.text.encode("utf-8"))
        expected = read(expected_path)
        if result.text != expected:
            differing += 1
            print(f"== {folder.name}: output differs from expected.txt")
            sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True), result.text.splitlines(True),
                                                       "expected.txt", "output", n=0))
            continue
        log_path = folder / "expected_changes.jsonl"
        new_log = changes_jsonl(result.changes)
        old_log = read(log_path) if log_path.exists() else ""
        if new_log != old_log or not log_path.exists():
            print(f"== {folder.name}: change log updated")
            sys.stdout.writelines(difflib.unified_diff(old_log.splitlines(True), new_log.splitlines(True),
                                                       "old", "new", n=0))
            log_path.write_bytes(new_log.encode("utf-8"))
    print(f"{differing} fixture(s) whose output differs from expected.txt")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
