"""`mtclean batch` on JSONL and folders: exact output and log, order, fields, jobs, compression."""

from __future__ import annotations

import gzip
import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import zstandard

from tests.batch_helpers import expected_for, make_corpus, read_jsonl

import cleaner
from cleaner.cli import main


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, list[dict]]:
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    return path, make_corpus(path, 0.25)


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> tuple[Path, Path]:
    """The corpus cleaned by --jobs 1 with a log: the output every other run must equal."""
    folder = tmp_path_factory.mktemp("reference")
    out, log = folder / "out.jsonl", folder / "log.jsonl"
    assert main(["batch", str(corpus[0]), "-o", str(out), "--log", str(log), "--jobs", "1", "-q"]) == 0
    return out, log


def test_every_document_is_cleaned_as_clean_would(corpus, reference) -> None:
    path, records = corpus
    out, log = reference
    pipeline = cleaner.Pipeline.from_config()
    cleaned, logs = read_jsonl(out), read_jsonl(log)
    assert len(cleaned) == len(logs) == len(records)
    for record, got, got_log in zip(records, cleaned, logs):
        want, want_log = expected_for(record, pipeline, record["id"])
        assert got == want
        assert list(got) == list(record)  # other fields pass through, in their order
        assert got["title"] == record["title"]  # the title is not rewritten without --fix-title
        assert got_log == want_log
    assert any(r["text"] != c["text"] for r, c in zip(records, cleaned))


def test_unchanged_documents_keep_their_bytes(tmp_path) -> None:
    line = '{"id": 7, "text": "Caf\\u00e9 prices rose.", "score": 1.50, "meta": {"b": 1, "a": [2]}}\n'
    source = tmp_path / "in.jsonl"
    source.write_text(line, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(source), "-o", str(out), "-q"]) == 0
    assert out.read_text(encoding="utf-8") == line


def test_jobs_two_gives_the_same_bytes_as_jobs_one(corpus, reference, tmp_path) -> None:
    out, log = tmp_path / "out.jsonl", tmp_path / "log.jsonl"
    args = ["batch", str(corpus[0]), "-o", str(out), "--log", str(log), "--jobs", "2", "--chunk-size", "7", "-q"]
    assert main(args) == 0
    assert out.read_bytes() == reference[0].read_bytes()
    assert log.read_bytes() == reference[1].read_bytes()


@pytest.mark.parametrize("suffix", [".gz", ".zst"])
def test_compressed_input_and_output(corpus, reference, tmp_path, suffix) -> None:
    plain = corpus[0].read_bytes()
    source = tmp_path / f"in.jsonl{suffix}"
    if suffix == ".gz":
        source.write_bytes(gzip.compress(plain))
    else:
        source.write_bytes(zstandard.ZstdCompressor().compress(plain))
    out = tmp_path / f"out.jsonl{suffix}"
    assert main(["batch", str(source), "-o", str(out), "--jobs", "2", "--chunk-size", "9", "-q"]) == 0
    if suffix == ".gz":
        data = gzip.decompress(out.read_bytes())
    else:
        with zstandard.ZstdDecompressor().stream_reader(out.read_bytes(), read_across_frames=True) as reader:
            data = reader.read()
    assert data == reference[0].read_bytes()


def test_several_inputs_are_concatenated_in_order(corpus, reference, tmp_path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(corpus[0]), str(corpus[0]), "-o", str(out), "--jobs", "2", "-q"]) == 0
    assert out.read_bytes() == reference[0].read_bytes() * 2


def test_fields_ids_and_fix_title(tmp_path) -> None:
    lines = [
        {"body": "Prices rose. . We agree.", "headline": "Prices  rose", "n": 1},
        {"uid": "a-1", "body": "Clean text.", "headline": None},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    out, log = tmp_path / "out.jsonl", tmp_path / "log.jsonl"
    common = ["batch", str(source), "--text-field", "body", "--title-field", "headline", "--id-field", "uid", "-q"]
    assert main([*common, "-o", str(out), "--log", str(log)]) == 0
    assert read_jsonl(out) == [{**lines[0], "body": "Prices rose. We agree."}, lines[1]]
    assert [record["id"] for record in read_jsonl(log)] == [1, "a-1"]  # no uid: the line number
    assert main([*common, "-o", str(out), "--log", str(log), "--fix-title"]) == 0
    assert read_jsonl(out)[0]["headline"] == "Prices rose"
    assert read_jsonl(log)[0]["title_changes"][0]["rule"] == "WS01"


def test_folders_are_mirrored(tmp_path) -> None:
    source = tmp_path / "articles"
    (source / "sub").mkdir(parents=True)
    (source / "a.txt").write_text("Prices rose. . We agree.\n", encoding="utf-8")
    (source / "sub" / "b.md").write_text("# Title\n\nAll clean here.\n", encoding="utf-8")
    (source / "notes.csv").write_text("not a document. . really\n", encoding="utf-8")
    (source / "sub" / "bad.txt").write_bytes(b"caf\xe9. . x\n")
    out, log, errors = tmp_path / "out", tmp_path / "log.jsonl", tmp_path / "errors.jsonl"
    code = main(["batch", str(source), "-o", str(out), "--log", str(log), "--errors", str(errors), "-q"])
    assert code == 1
    assert (out / "a.txt").read_text(encoding="utf-8") == "Prices rose. We agree.\n"
    assert (out / "sub" / "b.md").read_text(encoding="utf-8") == "# Title\n\nAll clean here.\n"
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == ["a.txt", "sub/b.md"]
    assert [r["path"] for r in read_jsonl(log)] == [f"{source}/a.txt", f"{source}/sub/b.md"]
    assert read_jsonl(errors) == [{"input": str(source), "path": f"{source}/sub/bad.txt",
                                   "reason": "invalid UTF-8 at byte 3"}]


def test_stdin_to_stdout_with_the_installed_command(corpus, reference) -> None:
    command = shutil.which("mtclean", path=os.path.dirname(sys.executable)) or "mtclean"
    done = subprocess.run([command, "batch", "-", "-o", "-", "--jobs", "2"], input=corpus[0].read_bytes(),
                          capture_output=True, check=True)
    assert done.stdout == reference[0].read_bytes()
    assert done.stderr.decode().startswith(f"mtclean: {len(corpus[1])} documents cleaned")
    assert "\r" not in done.stderr.decode()  # no progress line when stderr is not a terminal


def test_progress_line_on_a_terminal_and_quiet(corpus, tmp_path) -> None:
    command = [sys.executable, "-m", "cleaner", "batch", str(corpus[0]), "-o", str(tmp_path / "o.jsonl"),
               "--jobs", "1", "--chunk-size", "5"]
    leader, follower = pty.openpty()
    done = subprocess.run(command, stderr=follower, stdout=subprocess.DEVNULL, check=True)
    os.close(follower)
    shown = b""
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        shown += data
    os.close(leader)
    assert done.returncode == 0
    text = shown.decode()
    assert "documents" in text and "MB/s" in text and "ETA" in text and "\r" in text
    quiet = subprocess.run([*command, "--quiet"], capture_output=True, check=True)
    assert quiet.stderr == b""


def test_usage_errors_exit_2(tmp_path, corpus) -> None:
    assert main(["batch", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "o.jsonl")]) == 2
    assert main(["batch", str(corpus[0]), str(tmp_path), "-o", str(tmp_path / "o")]) == 2
    assert main(["batch", "-", "-o", str(tmp_path / "o.jsonl"), "--resume"]) == 2
    assert main(["batch", str(corpus[0]), "-o", "-", "--scheduler", "tcp://x:1"]) == 2
