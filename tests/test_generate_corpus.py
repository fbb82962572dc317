"""Tests for the synthetic benchmark corpus generator (benchmarks/generate_corpus.py)."""

from __future__ import annotations

import doctest
import gzip
import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import generate_corpus  # noqa: E402
from benchmarks.generate_corpus import MIB, generate_articles, main  # noqa: E402

SCRIPT = ROOT / "benchmarks" / "generate_corpus.py"
RECORD_KEYS = {"id", "title", "text", "url", "date"}
# Shapes that only the injectors produce; the clean articles must contain none of them.
INJECTED_SHAPES_RE = re.compile(
    r"\. \.|\. ,|(?<=[a-z]{3})(?<!etc)\.,(?= [A-Z])|,,|etc\.\.|[a-z][.;,][A-Z]|  | [,.](?= )|[ ]$"
    r"|[，。；：（）、【】\u3000\u00a0]|â€|¡|&amp;|[\u4e00-\u9fff]",
    re.M,
)
TRAPS = ("U.S.", "No. ", " percent", " billion yuan", "Co., Ltd.", "a.m.", "e.g.", ".gov.cn",
         "more and more")


@pytest.fixture(scope="module")
def two_mib() -> tuple[list[dict], dict]:
    """About 2 MiB of articles with their injection statistics."""
    stats: dict = {}
    return list(generate_articles(11, 2 * MIB, stats)), stats


def test_same_seed_gives_same_bytes(tmp_path: Path) -> None:
    first, second, other = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "c.jsonl"
    assert main(["--size-mb", "1", "--seed", "3", "-o", str(first), "-q"]) == 0
    assert main(["--size-mb", "1", "--seed", "3", "-o", str(second), "-q"]) == 0
    assert main(["--size-mb", "1", "--seed", "4", "-o", str(other), "-q"]) == 0
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() != other.read_bytes()
    assert 0.9 * MIB < first.stat().st_size < 1.2 * MIB


def test_records_have_exactly_the_public_fields(two_mib) -> None:
    articles, _ = two_mib
    for number, article in enumerate(articles, 1):
        assert set(article) == RECORD_KEYS
        assert article["id"] == f"doc-{number:06d}"
        assert re.fullmatch(r"20\d\d-\d\d-\d\d", article["date"])
        assert article["url"].startswith("https://")
        assert article["title"] and "\n" not in article["title"]


def test_article_sizes_are_between_2_and_8_kib(two_mib) -> None:
    articles, _ = two_mib
    sizes = [len(article["text"].encode("utf-8")) for article in articles]
    assert min(sizes) >= 2048
    assert max(sizes) <= 8192
    assert max(sizes) - min(sizes) > 3000  # spread over the range, not one fixed length
    assert all(article["text"].count("\n") >= 2 for article in articles)  # several paragraphs


def test_artifact_density_is_about_one_per_500_words(two_mib) -> None:
    _, stats = two_mib
    words_per_artifact = stats["words"] / stats["injected"]
    assert 300 <= words_per_artifact <= 800
    assert sum(stats["kinds"].values()) == stats["injected"]
    assert len(stats["kinds"]) >= 14  # nearly every artifact shape shows up in 2 MiB


def test_clean_mode_gives_the_same_articles_without_artifacts() -> None:
    stats: dict = {}
    clean = list(generate_articles(11, MIB // 2, stats, inject=False))
    dirty = list(generate_articles(11, MIB // 2))
    count = min(len(clean), len(dirty))
    assert [a["title"] for a in clean[:count]] == [a["title"] for a in dirty[:count]]
    assert stats["injected"] == 0
    for article in clean:
        assert not INJECTED_SHAPES_RE.search(article["text"]), article["id"]
    assert sum(bool(INJECTED_SHAPES_RE.search(a["text"])) for a in dirty) > len(dirty) // 2


def test_traps_occur_naturally(two_mib) -> None:
    articles, _ = two_mib
    text = "\n".join(article["text"] for article in articles)
    for trap in TRAPS:
        assert trap in text, trap
    assert re.search(r"\b(Yang Yang|Li Li|Lin Lin|Dong Dong|Fang Fang|Ting Ting)\b", text)


def test_text_is_varied(two_mib) -> None:
    articles, _ = two_mib
    sentences = [s for a in articles for s in re.split(r"(?<=[.!?”]) (?=[A-Z“])|\n", a["text"])
                 if len(s) > 40]
    assert len(set(sentences)) / len(sentences) > 0.75


def test_jsonl_output_parses(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    assert main(["--size-mb", "0.2", "-o", str(path), "-q"]) == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert records and all(set(record) == RECORD_KEYS for record in records)
    assert records == list(generate_articles(1, int(0.2 * MIB)))


def test_gzip_output_matches_plain_and_is_reproducible(tmp_path: Path) -> None:
    plain, packed, again = tmp_path / "c.jsonl", tmp_path / "c.jsonl.gz", tmp_path / "d.jsonl.gz"
    for path in (plain, packed, again):
        assert main(["--size-mb", "0.3", "--seed", "2", "-o", str(path), "-q"]) == 0
    assert gzip.decompress(packed.read_bytes()) == plain.read_bytes()
    assert packed.read_bytes() == again.read_bytes()  # no name or time in the gzip header


@pytest.mark.parametrize("how", ["trailing-slash", "existing-dir", "format-flag"])
def test_directory_output(tmp_path: Path, how: str) -> None:
    target = tmp_path / "articles"
    if how == "trailing-slash":
        argv = ["-o", str(target) + "/"]
    elif how == "existing-dir":
        target.mkdir()
        argv = ["-o", str(target)]
    else:
        argv = ["-o", str(target), "--format", "dir"]
    assert main(["--size-mb", "0.1", "-q", *argv]) == 0
    files = sorted(target.iterdir())
    expected = list(generate_articles(1, int(0.1 * MIB)))
    assert [f.name for f in files] == [f"{n:06d}.txt" for n in range(1, len(expected) + 1)]
    first = files[0].read_text(encoding="utf-8")
    assert first == expected[0]["title"] + "\n" + expected[0]["text"] + "\n"


def test_stdout_output(capsysbinary) -> None:
    assert main(["--size-mb", "0.05", "-q"]) == 0
    lines = capsysbinary.readouterr().out.decode("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == list(generate_articles(1, int(0.05 * MIB)))


@pytest.mark.parametrize("argv", [["--size-mb", "0"], ["--format", "dir"], ["--size-mb", "x"]])
def test_usage_errors_exit_2(argv: list[str], capsys) -> None:
    try:
        code = main(argv)
    except SystemExit as exit_:  # argparse rejects a malformed number itself
        code = exit_.code
    assert code == 2


def test_script_runs_standalone(tmp_path: Path) -> None:
    out = tmp_path / "s.jsonl"
    result = subprocess.run([sys.executable, str(SCRIPT), "--size-mb", "0.05", "-o", str(out)],
                            capture_output=True, text=True, check=True)
    assert "artifacts" in result.stderr
    assert out.read_bytes().count(b"\n") >= 5


def test_every_template_slot_is_defined() -> None:
    context = generate_corpus.make_context(random.Random(0))
    templates = [t for alternatives in generate_corpus.GRAMMAR.values() for t in alternatives]
    templates += [t for topic in generate_corpus.TOPICS.values() for pool in topic.values() for t in pool]
    templates += list(generate_corpus.DOC_SENTENCES)
    for template in templates:
        for slot in generate_corpus.SLOT_RE.findall(template):
            assert slot in generate_corpus.GRAMMAR or slot in generate_corpus.SLOT_FUNCTIONS \
                or slot in context, (slot, template)


def test_injectors_leave_traps_alone() -> None:
    text = ("Exports to the U.S. rose. The No. 1 Middle School opened at 9:30 a.m. Today. "
            "Hongda Co., Ltd. grew 3.5 percent, e.g. in tea. See www.xianning.gov.cn. More and more.")
    for seed in range(200):
        paragraphs = [text]
        generate_corpus.edit_sentence_gap(random.Random(seed), paragraphs, ".")
        for trap in ("U.S. rose", "No. 1", "Co., Ltd. grew", "3.5 percent", "e.g. in", "gov.cn"):
            assert trap in paragraphs[0], (seed, paragraphs[0])


def test_doctests() -> None:
    assert doctest.testmod(generate_corpus).failed == 0
