"""Small generated corpora and readers shared by the batch tests."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.generate_corpus import MIB, generate_articles, write_jsonl  # noqa: E402

import cleaner  # noqa: E402
from cleaner.io import log_record  # noqa: E402


def make_corpus(path: Path, size_mb: float, seed: int = 5) -> list[dict]:
    """Write a generated JSONL corpus and return its records."""
    articles = list(generate_articles(seed, int(size_mb * MIB)))
    write_jsonl(iter(articles), str(path))
    return articles


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_bytes().decode("utf-8").splitlines()]


def expected_for(record: dict, pipeline: cleaner.Pipeline, name: object) -> tuple[dict, dict]:
    """What the batch must produce for one good record: the cleaned record and its log record."""
    result = cleaner.clean(record["text"], pipeline=pipeline, title=record.get("title"))
    return {**record, "text": result.text}, log_record(name, result, key="id")
