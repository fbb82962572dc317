"""Shared locations for the tests."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"
SEED = FIXTURES / "000_seed" / "input.txt"


def fixture_dirs() -> list[Path]:
    """Every fixture folder with an input and an expected output."""
    return sorted(d for d in FIXTURES.iterdir() if (d / "input.txt").is_file() and (d / "expected.txt").is_file())


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")
