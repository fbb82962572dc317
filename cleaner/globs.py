"""Gitignore-style globs for configuration (`include`, `exclude`, per-file ignores) and `.gitignore`.

One matcher for both, pathspec's implementation of git's wildmatch, so a pattern means in
`mtclean.toml` what it means in `.gitignore`: `*.md` at any depth, `drafts/` a folder and all
below it, `docs/**/*.html` anything under `docs`.
"""

from __future__ import annotations

from typing import Iterable

import pathspec
import regex

# A bracket expression that never closes: git reads it literally, which is never what was meant.
UNCLOSED_BRACKET_RE = regex.compile(r"(?<!\\)\[(?![^\]]*\])")


class GlobError(ValueError):
    """A glob that cannot be read; the message names it."""


def compile_globs(globs: Iterable[str]) -> pathspec.GitIgnoreSpec:
    """One matcher for a list of globs; a bad glob raises GlobError naming it.

    >>> compile_globs(["*.md", "!keep.md"]).match_file("a/b.md")
    True
    >>> compile_globs(["docs/[ab"])
    Traceback (most recent call last):
    cleaner.globs.GlobError: bad glob 'docs/[ab': '[' is never closed
    """
    globs = list(globs)
    for glob in globs:
        check_glob(glob)
    return pathspec.GitIgnoreSpec.from_lines(globs)


def check_glob(glob: str) -> None:
    """Raise GlobError when a glob is empty, has an unclosed `[`, or pathspec refuses it."""
    if not glob.strip():
        raise GlobError("bad glob '': empty")
    if UNCLOSED_BRACKET_RE.search(glob):
        raise GlobError(f"bad glob '{glob}': '[' is never closed")
    try:
        pathspec.GitIgnoreSpec.from_lines([glob])
    except Exception as error:  # pathspec raises its own error types, which differ between versions
        raise GlobError(f"bad glob '{glob}': {error}") from None


def read_gitignore(lines: Iterable[str]) -> pathspec.GitIgnoreSpec:
    """A `.gitignore` file's patterns; lines git would refuse are skipped, as git skips them."""
    good = []
    for line in lines:
        try:
            pathspec.GitIgnoreSpec.from_lines([line])
        except Exception:
            continue
        good.append(line)
    return pathspec.GitIgnoreSpec.from_lines(good)
