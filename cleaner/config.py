"""Configuration: one frozen dataclass with documented defaults, read from TOML and CLI flags."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Mapping


class ConfigError(ValueError):
    """A configuration problem, with a message that names the key or value at fault."""


@dataclass(frozen=True)
class Config:
    """What a run may change. Every field has a default that suits machine-translated news.

    - select / ignore: rule codes, dotted names or family prefixes (`PU`, `punctuation`); empty select = all.
    - target_language: ISO 639-1 code of the language the text should be in.
    - glossary: canonical titles; a quoted title within two words of one is rewritten to it.
    - fix / suggest: rules whose action is turned into a fix, or into a suggestion.
    - rules: per-rule parameter overrides, keyed by code or name.
    - per_file_ignores: glob -> selectors ignored for matching files.
    - include / exclude: globs for directory walks.
    - timeout: seconds one rule may spend on one document before it is skipped for it.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    target_language: str = "en"
    glossary: tuple[str, ...] = ()
    fix: tuple[str, ...] = ()
    suggest: tuple[str, ...] = ()
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    timeout: float = 5.0

    def with_overrides(self, **changes: Any) -> "Config":
        """A copy with some fields replaced (None values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def with_flags(self, select: tuple[str, ...] | None = None, ignore: tuple[str, ...] | None = None) -> "Config":
        """The command line on top of a file's settings, as ruff does it: `--select` replaces the
        file's `select`, `--ignore` adds to its `ignore`."""
        return self.with_overrides(select=select, ignore=self.ignore + ignore if ignore else None)


KEY_ALIASES = {"per-file-ignores": "per_file_ignores", "target-language": "target_language"}
TUPLE_KEYS = {"select", "ignore", "glossary", "fix", "suggest", "include", "exclude"}


def config_from_mapping(data: Mapping[str, Any], source: str = "config") -> Config:
    """Build a Config from a `[tool.mtclean]`-shaped mapping; an unknown key is an error naming it.

    >>> config_from_mapping({"select": ["PU"]}).select
    ('PU',)
    """
    known = {f.name for f in fields(Config)}
    values: dict[str, Any] = {}
    for raw_key, value in data.items():
        key = KEY_ALIASES.get(raw_key, raw_key.replace("-", "_"))
        if key not in known:
            raise ConfigError(f"{source}: unknown key '{raw_key}'")
        if key in TUPLE_KEYS:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{source}: '{raw_key}' must be a list of strings")
            value = tuple(value)
        elif key == "per_file_ignores":
            if not isinstance(value, dict) or not all(isinstance(sel, (str, list)) for sel in value.values()):
                raise ConfigError(f"{source}: '{raw_key}' must be a table of glob = [selectors]")
            value = {glob: tuple([sel] if isinstance(sel, str) else sel) for glob, sel in value.items()}
            if not all(isinstance(sel, str) for sels in value.values() for sel in sels):
                raise ConfigError(f"{source}: '{raw_key}' must be a table of glob = [selectors]")
        elif key == "rules":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise ConfigError(f"{source}: 'rules' must be a table of rule = {{param = value}}")
        elif key == "target_language" and not isinstance(value, str):
            raise ConfigError(f"{source}: 'target-language' must be a string")
        elif key == "timeout" and not isinstance(value, (int, float)):
            raise ConfigError(f"{source}: 'timeout' must be a number")
        values[key] = value
    _check_names(values, source)
    return Config(**values)


def _check_names(values: Mapping[str, Any], source: str) -> None:
    """Every rule selector must name a rule and every glob must read: an error names the first that does not."""
    from .globs import GlobError, check_glob
    from .ruleset import default_rules, unknown_selectors

    rules = default_rules()
    for key in ("select", "ignore", "fix", "suggest"):
        for selector in unknown_selectors(rules, values.get(key, ())):
            raise ConfigError(f"{source}: unknown rule code '{selector}' in '{key}'")
    by_name = {rule.code: rule for rule in rules} | {rule.name: rule for rule in rules}
    for name, params in values.get("rules", {}).items():
        if name not in by_name:
            raise ConfigError(f"{source}: unknown rule code '{name}' in 'rules' (a code or a dotted name)")
        _check_params(by_name[name], params, f"{source}: rules.{name}")
    globs = list(values.get("include", ())) + list(values.get("exclude", ()))
    for glob, selectors in values.get("per_file_ignores", {}).items():
        globs.append(glob)
        for selector in unknown_selectors(rules, selectors):
            raise ConfigError(f"{source}: unknown rule code '{selector}' in 'per-file-ignores' for '{glob}'")
    for glob in globs:
        try:
            check_glob(glob)
        except GlobError as error:
            raise ConfigError(f"{source}: {error}") from None


def _check_params(rule, params: Mapping[str, Any], where: str) -> None:
    """A parameter override must name one of the rule's parameters, keep its type and still load."""
    from dataclasses import replace as replace_rule

    from .stages import KINDS

    for key, value in params.items():
        if key not in rule.params:
            known = ", ".join(sorted(rule.params)) or "none"
            raise ConfigError(f"{where}: unknown parameter '{key}' (its parameters: {known})")
        default = rule.params[key]
        same = isinstance(value, type(default)) or isinstance(default, float) and isinstance(value, int)
        if not same or isinstance(value, bool) != isinstance(default, bool):
            raise ConfigError(f"{where}.{key}: must be {type(default).__name__}, like its default {default!r}")
    try:
        KINDS[rule.kind].validate(replace_rule(rule, params={**rule.params, **params}))
    except ValueError as error:
        raise ConfigError(f"{where}: {error}") from None


def load_config(path: str | Path | None = None, **overrides: Any) -> Config:
    """Read a configuration file (`mtclean.toml`, or `pyproject.toml` with `[tool.mtclean]`).

    With no path, the defaults. Keyword overrides replace single fields.
    """
    config = Config()
    if path is not None:
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise ConfigError(f"{path}: cannot read configuration: {error}") from error
        if path.name == "pyproject.toml":
            data = data.get("tool", {}).get("mtclean", {})
        config = config_from_mapping(data, source=str(path))
    return config.with_overrides(**overrides)
