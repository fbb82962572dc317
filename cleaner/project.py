"""A content repository: which configuration governs each file, and which files a folder walk reads.

A file's configuration is the nearest `mtclean.toml`, or `pyproject.toml` with a `[tool.mtclean]`
table, found by walking up from its folder (`--config` names one for every file instead). Globs
in it (`include`, `exclude`, `per-file-ignores`) are relative to the folder that holds it.
"""

from __future__ import annotations

import functools
import json
import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterator, Mapping

import pathspec

from .config import Config, ConfigError, load_config
from .engine import Pipeline
from .globs import compile_globs, read_gitignore
from .markup import EXTENSIONS

CONFIG_FILES = ("mtclean.toml", "pyproject.toml")


@dataclass(frozen=True)
class Project:
    """A configuration and the folder its globs are relative to (`source` None: the defaults)."""

    config: Config
    root: Path
    source: Path | None = None
    specs: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    def _spec(self, key: str, globs) -> pathspec.GitIgnoreSpec:
        if key not in self.specs:
            self.specs[key] = compile_globs(globs)
        return self.specs[key]

    def relative(self, path: Path) -> str | None:
        """The path relative to the root, `/`-separated; None outside it."""
        try:
            return Path(os.path.abspath(path)).relative_to(self.root).as_posix()
        except ValueError:
            return None

    def excluded(self, path: Path, is_dir: bool = False) -> bool:
        relative = self.relative(path)
        if relative is None or not self.config.exclude or relative == ".":
            return False
        return self._spec("exclude", self.config.exclude).match_file(relative + ("/" if is_dir else ""))

    def included(self, path: Path, walked: bool) -> bool:
        """Named files are read unless `include` leaves them out; walked ones also need a known extension."""
        if not self.config.include:
            return not walked or path.suffix.lower() in EXTENSIONS
        relative = self.relative(path)
        return relative is not None and self._spec("include", self.config.include).match_file(relative)

    def ignored_rules(self, path: Path) -> tuple[str, ...]:
        """The selectors `per-file-ignores` turns off for this file."""
        relative = self.relative(path)
        if relative is None:
            return ()
        found: list[str] = []
        for glob, selectors in self.config.per_file_ignores.items():
            if self._spec(f"pfi:{glob}", [glob]).match_file(relative):
                found.extend(s for s in selectors if s not in found)
        return tuple(found)

    def config_for(self, path: Path) -> Config:
        """The configuration one file is cleaned with: per-file ignores added to `ignore`."""
        extra = self.ignored_rules(path)
        if not extra:
            return self.config
        return replace(self.config, ignore=self.config.ignore + tuple(s for s in extra if s not in self.config.ignore))


@functools.lru_cache(maxsize=256)
def has_mtclean_table(path: Path) -> bool:
    """Whether a `pyproject.toml` has a `[tool.mtclean]` table (a broken one is an error naming it)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read configuration: {error}") from None
    return isinstance(data.get("tool", {}).get("mtclean"), dict)


def find_config(folder: Path) -> Path | None:
    """The nearest configuration file at or above a folder; `mtclean.toml` wins in the same folder."""
    for candidate in (folder, *folder.parents):
        if (candidate / "mtclean.toml").is_file():
            return candidate / "mtclean.toml"
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and has_mtclean_table(pyproject):
            return pyproject
    return None


class Projects:
    """Configuration lookups for a run, cached per folder, with the command line's overrides on top."""

    def __init__(self, explicit: str | None = None, overrides: Mapping[str, Any] | None = None):
        self.overrides = dict(overrides or {})
        self.by_folder: dict[Path, Project] = {}
        self.by_source: dict[Path | None, Project] = {}
        self.pipelines: dict[tuple, Pipeline] = {}
        self.explicit = self._load(Path(explicit)) if explicit else None

    def _load(self, source: Path | None) -> Project:
        if source not in self.by_source:
            if source is None:
                config, root = Config(), Path(os.getcwd())
            else:
                config, root = load_config(source), Path(os.path.abspath(source)).parent
            self.by_source[source] = Project(config.with_flags(**self.overrides), root, source)
        return self.by_source[source]

    def project_for(self, path: Path) -> Project:
        """The project governing a file or folder (for `-`, the current folder)."""
        if self.explicit is not None:
            return self.explicit
        folder = Path(os.path.abspath(path)).parent
        if folder not in self.by_folder:
            self.by_folder[folder] = self._load(find_config(folder))
        return self.by_folder[folder]

    def pipeline_for(self, path: Path) -> Pipeline:
        """The pipeline for one file, shared by every file with the same configuration and ignores."""
        project = self.project_for(path)
        key = (project.source, project.ignored_rules(path))
        if key not in self.pipelines:
            self.pipelines[key] = Pipeline.from_config(project.config_for(path))
        return self.pipelines[key]

    def inputs(self, paths: list[str]) -> Iterator[tuple[str, bool]]:
        """Each input as (name, found by a walk): folders walked, files named kept unless excluded."""
        for name in paths:
            path = Path(name)
            if name != "-" and path.is_dir():
                for found in walk(path, self):
                    yield str(found), True
            elif name == "-":
                yield name, False
            else:
                project = self.project_for(path)
                if not project.excluded(path) and project.included(path, walked=False):
                    yield name, False


def gitignores_above(top: Path) -> list[tuple[Path, pathspec.GitIgnoreSpec]]:
    """The `.gitignore` files of the folders above `top`, up to its repository's root, outermost first."""
    found = []
    top = Path(os.path.abspath(top))
    for folder in top.parents:
        ignore = folder / ".gitignore"
        if ignore.is_file():
            found.append((folder, read_gitignore(ignore.read_text(encoding="utf-8", errors="replace").splitlines())))
        if (folder / ".git").exists():
            break
    else:
        return []  # not inside a repository: git would read none of them
    return found[::-1]


def is_gitignored(path: Path, is_dir: bool, ignores: list[tuple[Path, pathspec.GitIgnoreSpec]]) -> bool:
    """Git's answer: the deepest `.gitignore` with a matching pattern decides (negations included)."""
    for base, spec in reversed(ignores):
        relative = Path(os.path.abspath(path)).relative_to(base).as_posix() + ("/" if is_dir else "")
        verdict = spec.check_file(relative).include
        if verdict is not None:
            return verdict
    return False


def walk(top: Path, projects: Projects) -> Iterator[Path]:
    """The files under a folder to read, in sorted order.

    Skipped: `.git`, what `.gitignore` files ignore, what the governing configuration excludes or
    does not include, and symbolic links. A link is never followed: one that leaves the tree
    would check files outside it, one inside it names a file the walk reads anyway (and `fix`
    would replace the link with a copy).
    """
    yield from _visit(top, gitignores_above(top), projects)


def _visit(folder: Path, ignores: list, projects: Projects) -> Iterator[Path]:
    ignore_file = folder / ".gitignore"
    if ignore_file.is_file():
        lines = ignore_file.read_text(encoding="utf-8", errors="replace").splitlines()
        ignores = ignores + [(Path(os.path.abspath(folder)), read_gitignore(lines))]
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        path = folder / entry.name
        if entry.name == ".git":
            continue
        if entry.is_symlink():
            continue
        is_dir = entry.is_dir(follow_symlinks=False)
        if is_gitignored(path, is_dir, ignores):
            continue
        project = projects.project_for(path)
        if project.excluded(path, is_dir):
            continue
        if is_dir:
            yield from _visit(path, ignores, projects)
        elif project.included(path, walked=True):
            yield path


def describe(projects: Projects, path: Path) -> str:
    """The configuration that governs a file or folder, as TOML a `mtclean.toml` could hold.

    For a file, `ignore` includes what `per-file-ignores` adds for it.
    """
    probe = path / "-" if path.is_dir() else path
    project = projects.project_for(probe)
    config = project.config if path.is_dir() else project.config_for(path)
    lines = [f"# configuration for {path}",
             f"# from {project.source}" if project.source else "# no configuration file found: the defaults"]
    if not path.is_dir():
        lines.append(f"# read as {document_type_name(path)}")
    tables = []
    for name in ("select", "ignore", "fix", "suggest", "target_language", "glossary", "include", "exclude",
                 "timeout", "per_file_ignores", "rules"):
        key, value = name.replace("_", "-"), getattr(config, name)
        if name == "per_file_ignores":
            tables += [f"\n[{key}]"] if value else []
            tables += [f"{toml_value(glob)} = {toml_value(list(sel))}" for glob, sel in value.items()]
        elif name == "rules":
            for rule, params in value.items():
                tables.append(f"\n[rules.{toml_value(rule)}]")
                tables += [f"{param} = {toml_value(setting)}" for param, setting in params.items()]
        else:
            lines.append(f"{key} = {toml_value(value)}")
    return "\n".join(lines + tables) + "\n"


def document_type_name(path: Path) -> str:
    return EXTENSIONS.get(path.suffix.lower(), "text")


def toml_value(value: Any) -> str:
    """A TOML literal for the values a Config holds.

    >>> toml_value(["PU", 'say "hi"']), toml_value(2.5), toml_value(True)
    ('["PU", "say \\\\"hi\\\\""]', '2.5', 'true')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{toml_value(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no TOML form for {value!r}")
