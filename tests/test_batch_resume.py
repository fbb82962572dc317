"""A batch run killed with SIGKILL and resumed gives the same bytes as an uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.batch_helpers import make_corpus

from cleaner.batch.writer import parts_dir
from cleaner.cli import main

CHUNK = "8"


def batch_command(corpus: Path, out: Path, log: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "cleaner", "batch", str(corpus), "-o", str(out), "--log", str(log),
            "--jobs", "2", "--chunk-size", CHUNK, "-q", *extra]


def test_killed_run_resumes_to_the_same_output(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    records = make_corpus(corpus, 1.5, seed=8)
    chunks = -(-len(records) // int(CHUNK))

    whole_out, whole_log = tmp_path / "whole.jsonl.gz", tmp_path / "whole-log.jsonl"
    assert main(["batch", str(corpus), "-o", str(whole_out), "--log", str(whole_log),
                 "--jobs", "1", "--chunk-size", CHUNK, "-q"]) == 0

    out, log = tmp_path / "out.jsonl.gz", tmp_path / "log.jsonl"
    parts = parts_dir(str(out), to_folder=False)
    run = subprocess.Popen(batch_command(corpus, out, log), start_new_session=True)
    deadline = time.monotonic() + 300
    while len(list(parts.glob("*.done"))) < 3:
        assert run.poll() is None, "the run ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.killpg(run.pid, signal.SIGKILL)  # the run and its worker processes, at once
    run.wait()
    finished = len(list(parts.glob("*.done")))
    assert 3 <= finished < chunks  # killed midway: some chunks done, some not
    assert not out.exists() and not log.exists()

    resumed = subprocess.run(batch_command(corpus, out, log, "--resume"), capture_output=True)
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert out.read_bytes() == whole_out.read_bytes()
    assert log.read_bytes() == whole_log.read_bytes()
    assert not parts.exists()


def test_resume_refuses_another_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    make_corpus(corpus, 0.05, seed=3)
    out = tmp_path / "out.jsonl"
    parts = parts_dir(str(out), to_folder=False)
    parts.mkdir()
    (parts / "manifest.json").write_text('{"inputs": []}', encoding="utf-8")
    assert main(["batch", str(corpus), "-o", str(out), "--resume", "-q"]) == 2
    assert main(["batch", str(corpus), "-o", str(out), "-q"]) == 0  # without --resume: a fresh start
    assert out.exists() and not parts.exists()
