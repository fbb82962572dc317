"""Files: a killed `mtclean fix` leaves each file original or fully cleaned; symlinks; files changed mid-run."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from types import SimpleNamespace

from cleaner import clean, default_rules, engine
from cleaner.cli import main
from cleaner.io import FileChangedError, atomic_write
from cleaner.model import Rule
from cleaner.stages import KINDS
from tests.conftest import ROOT, fixture_dirs, read

ROUNDS = 8
FILES = 40


def articles() -> list[str]:
    """Inputs with artifacts, several fixtures to a file so each takes a while to clean."""
    inputs = [read(d / "input.txt") for d in fixture_dirs() if "clean" not in d.name]
    return ["\n".join(inputs[(i * 3 + k) % len(inputs)] for k in range(4)) for i in range(FILES)]


def start_fix(folder, originals):
    paths = [folder / f"article{i:02}.txt" for i in range(FILES)]
    for path, text in zip(paths, originals):
        path.write_bytes(text.encode("utf-8"))
        path.chmod(0o640)
    process = subprocess.Popen([sys.executable, "-m", "cleaner", "fix", *map(str, paths)], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return paths, process


def wait_for_writes(folder, process, names, count) -> float:
    """Wait until `fix` has begun writing `count` files (a temp file or a replaced one); the time it took."""
    began = time.monotonic()
    inodes = {entry.name: entry.inode() for entry in os.scandir(folder)}
    while process.poll() is None:
        touched = sum(1 for entry in os.scandir(folder) if entry.name not in names or entry.inode() != inodes[entry.name])
        if touched >= count:
            break
        time.sleep(0.001)
    return time.monotonic() - began


def test_a_fix_killed_at_any_moment_leaves_every_file_original_or_fully_cleaned(tmp_path):
    originals = articles()
    cleaned = [clean(text).text for text in originals]
    assert all(a != b for a, b in zip(originals, cleaned))
    chance = random.Random(6)
    # round 0 runs to the end and times the run; then kills at a random moment of the whole run,
    # alternating with kills at a random moment of the write phase (all files are cleaned first)
    timing = {}
    outcomes = []
    for round_number in range(ROUNDS + 1):
        folder = tmp_path / f"round{round_number}"
        folder.mkdir()
        paths, process = start_fix(folder, originals)
        started = time.monotonic()
        names = {p.name for p in paths}
        if round_number == 0:
            timing["first"] = wait_for_writes(folder, process, names, 1)
            timing["last"] = wait_for_writes(folder, process, names, FILES) + timing["first"]
            process.wait(timeout=300)
            timing["total"] = time.monotonic() - started
        else:
            if round_number % 2:
                time.sleep(chance.uniform(0, timing["total"]))
            else:
                wait_for_writes(folder, process, names, 1)
                time.sleep(chance.uniform(0, timing["last"] - timing["first"]))
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=300)
        done = 0
        for path, before, after in zip(paths, originals, cleaned):
            now = path.read_bytes().decode("utf-8")
            assert now in (before, after), f"round {round_number}: {path.name} is half-written"
            assert (path.stat().st_mode & 0o777) == 0o640
            done += now == after
        strays = {p.name for p in folder.iterdir()} - {p.name for p in paths}
        assert all(name.startswith(".article") and name.endswith(".mtclean-tmp") for name in strays), strays
        outcomes.append((done, len(strays)))
        if round_number == 0:
            assert process.returncode == 0 and done == FILES and not strays
    print("files cleaned and stray temp files, per round:", outcomes, timing)


def test_a_symlink_leading_out_of_the_tree_is_refused_unless_asked(tmp_path, monkeypatch, capsys):
    outside = tmp_path / "outside"
    tree = tmp_path / "tree"
    outside.mkdir()
    tree.mkdir()
    target = outside / "article.txt"
    target.write_text("They met. . Then left.\n", encoding="utf-8")
    (tree / "link.txt").symlink_to(target)
    monkeypatch.chdir(tree)
    assert main(["fix", "link.txt"]) == 2
    assert "outside the current directory's tree" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "They met. . Then left.\n"
    assert main(["check", "link.txt"]) == 2
    assert main(["fix", "--follow-symlinks", "link.txt"]) == 0
    assert target.read_text(encoding="utf-8") == "They met. Then left.\n"
    assert (tree / "link.txt").is_symlink()


def test_a_path_named_outside_the_tree_is_read_as_given(tmp_path, monkeypatch):
    (tmp_path / "tree").mkdir()
    (tmp_path / "shared").mkdir()
    target = tmp_path / "shared" / "article.txt"
    target.write_text("They met. . Then left.\n", encoding="utf-8")
    (tmp_path / "elsewhere").symlink_to(tmp_path / "shared")
    monkeypatch.chdir(tmp_path / "tree")
    assert main(["check", "../shared/article.txt"]) == 1
    assert main(["check", "../elsewhere/article.txt"]) == 1  # the link is outside the tree too


def test_a_symlink_inside_the_tree_is_fixed_through_and_stays_a_link(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    target = tmp_path / "data" / "article.txt"
    target.write_text("They met. . Then left.\n", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(target)
    monkeypatch.chdir(tmp_path)
    assert main(["fix", "link.txt"]) == 0
    assert (tmp_path / "link.txt").is_symlink()
    assert target.read_text(encoding="utf-8") == "They met. Then left.\n"


def test_atomic_write_leaves_a_file_that_changed_since_it_was_read(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("They met. . Then left.\n", encoding="utf-8")
    read_text = path.read_text(encoding="utf-8")
    path.write_text("Someone else wrote this.\n", encoding="utf-8")
    try:
        atomic_write(path, "They met. Then left.\n", expected=read_text)
    except FileChangedError as error:
        assert "changed on disk" in str(error)
    else:
        raise AssertionError("a changed file was overwritten")
    assert path.read_text(encoding="utf-8") == "Someone else wrote this.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["article.txt"]


def test_fix_leaves_a_file_another_writer_changes_while_it_is_cleaned(tmp_path, monkeypatch, capsys):
    path = tmp_path / "article.txt"
    path.write_text("They met. . Then left.\n", encoding="utf-8")

    def other_writer(text, rule, context):
        # a real stage run by the engine, standing in for another program saving the file mid-run
        path.write_text("Edited meanwhile. . Keep me.\n", encoding="utf-8")
        return []

    monkeypatch.setitem(KINDS, "test-writer", SimpleNamespace(find=other_writer))
    writer = Rule("XX09", "punctuation.test-writer", "test-writer", "fix", "writes the file")
    monkeypatch.setattr(engine, "default_rules", lambda: default_rules() + (writer,))
    assert main(["fix", str(path)]) == 2
    assert path.read_text(encoding="utf-8") == "Edited meanwhile. . Keep me.\n"
    assert "changed on disk while it was being cleaned" in capsys.readouterr().err
