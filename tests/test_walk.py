"""`mtclean check DIR`: a sorted walk honouring include/exclude, `.gitignore`, binary files and links."""

from __future__ import annotations

import os
import subprocess

from cleaner.cli import main

DIRTY = "Prices rose. . Then fell.\n"


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def checked(capsys) -> list[str]:
    return sorted({line.split(":")[0] for line in capsys.readouterr().out.splitlines()})


def make_repo(root):
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    write(root / ".gitignore", "build/\n*.draft.md\n!keep.draft.md\n")
    write(root / "docs" / ".gitignore", "private.md\n")
    for name in ("a.md", "b.markdown", "c.txt", "d.html", "e.htm", "f.py", "g.rst", "x.draft.md",
                 "keep.draft.md", "docs/h.md", "docs/private.md", "build/out.md", "vendor/v.md"):
        write(root / name, DIRTY)
    write(root / "docs" / "photo.txt", b"\x89PNG\r\n\x00\x00 binary")


def test_walk_reads_known_types_sorted_and_skips_what_git_ignores(tmp_path, capsys, monkeypatch):
    make_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "."]) == 1
    captured = capsys.readouterr()
    files = [line.split(":")[0] for line in captured.out.splitlines()]
    assert files == ["a.md", "b.markdown", "c.txt", "d.html", "docs/h.md", "e.htm", "keep.draft.md", "vendor/v.md"]
    assert captured.err == "mtclean: notice: docs/photo.txt: binary file (NUL byte found), skipped\n"


def test_include_and_exclude_globs(tmp_path, capsys, monkeypatch):
    make_repo(tmp_path)
    write(tmp_path / "mtclean.toml", 'include = ["*.md", "*.rst"]\nexclude = ["vendor/", "docs/*.md"]\n')
    monkeypatch.chdir(tmp_path)
    assert main(["check", "."]) == 1
    assert checked(capsys) == ["a.md", "g.rst", "keep.draft.md"]


def test_exclude_applies_to_named_files_and_nested_configs(tmp_path, capsys, monkeypatch):
    make_repo(tmp_path)
    write(tmp_path / "mtclean.toml", 'exclude = ["vendor/"]\n')
    write(tmp_path / "docs" / "mtclean.toml", 'exclude = ["h.md"]\n')
    monkeypatch.chdir(tmp_path)
    assert main(["check", "vendor/v.md", "docs/h.md", "a.md"]) == 1
    assert checked(capsys) == ["a.md"]


def test_walking_a_subfolder_still_reads_the_gitignore_above(tmp_path, capsys, monkeypatch):
    make_repo(tmp_path)
    write(tmp_path / "docs" / "z.draft.md", DIRTY)
    monkeypatch.chdir(tmp_path / "docs")
    assert main(["check", "."]) == 1
    assert checked(capsys) == ["h.md"]


def test_symbolic_links_are_not_followed(tmp_path, capsys):
    outside = write(tmp_path / "outside" / "secret.md", DIRTY)
    tree = tmp_path / "tree"
    write(tree / "a.md", DIRTY)
    os.symlink(outside, tree / "out.md")
    os.symlink(tmp_path / "outside", tree / "outdir")
    os.symlink(tree / "a.md", tree / "again.md")
    assert main(["check", str(tree)]) == 1
    assert checked(capsys) == [str(tree / "a.md")]


def test_fix_walks_and_rewrites_only_prose(tmp_path, capsys):
    article = write(tmp_path / "site" / "post.md", "Prices rose. . Then `a. . b` fell.\n")
    assert main(["fix", str(tmp_path / "site")]) == 0
    assert article.read_text() == "Prices rose. Then `a. . b` fell.\n"
    assert main(["check", str(tmp_path / "site")]) == 0
