"""Load and validate the rule definitions in `rules/*.toml`."""

from __future__ import annotations

import functools
import hashlib
import json
import tomllib
from pathlib import Path
from typing import Iterable, Sequence

import regex

from .model import Example, Rule

CODE_RE = regex.compile(r"^[A-Z]{2}[0-9]{2}$")
NAME_RE = regex.compile(r"^[a-z]+(\.[a-z0-9]+(-[a-z0-9]+)*)+$")
RULE_KEYS = {"code", "name", "kind", "action", "message", "change", "keep", "aliases", "description"}


class RuleError(ValueError):
    """A rule definition that cannot be used, with the file and rule named."""


def rules_dir() -> Path:
    """Where the rule files are: shipped inside the wheel, or at the top of a checkout."""
    packaged = Path(__file__).parent / "_rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "rules"


def _examples(raw: object, where: str, keep: bool) -> tuple[Example, ...]:
    if not isinstance(raw, list) or not raw:
        kind = "keep" if keep else "change"
        raise RuleError(f"{where}: needs at least one '{kind}' example")
    examples = []
    for item in raw:
        if keep:
            if not isinstance(item, str):
                raise RuleError(f"{where}: 'keep' examples are strings")
            examples.append(Example(item))
        else:
            if not isinstance(item, dict) or set(item) not in ({"text", "expected"}, {"text", "flagged"}):
                raise RuleError(f"{where}: 'change' examples are {{text, expected}} or {{text, flagged}}")
            if "flagged" in item:
                if not item["flagged"] or item["flagged"] not in item["text"]:
                    raise RuleError(f"{where}: 'flagged' must be a part of the example text")
                examples.append(Example(item["text"], flagged=item["flagged"]))
                continue
            if item["text"] == item["expected"]:
                raise RuleError(f"{where}: a 'change' example equals its expectation: {item['text']!r}")
            examples.append(Example(item["text"], item["expected"]))
    return tuple(examples)


def parse_rule(raw: dict, where: str) -> Rule:
    """One rule table into a Rule; everything outside the identity keys is a parameter."""
    for key in ("code", "name", "kind", "action", "message"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise RuleError(f"{where}: missing '{key}'")
    where = f"{where} {raw['code']}"
    if not CODE_RE.match(raw["code"]):
        raise RuleError(f"{where}: code must look like PU01")
    if not NAME_RE.match(raw["name"]):
        raise RuleError(f"{where}: name must be dotted lower case, e.g. punctuation.doubled-period")
    if raw["action"] not in ("fix", "suggest"):
        raise RuleError(f"{where}: action must be 'fix' or 'suggest'")
    params = {k: v for k, v in raw.items() if k not in RULE_KEYS}
    return Rule(
        code=raw["code"],
        name=raw["name"],
        kind=raw["kind"],
        action=raw["action"],
        message=raw["message"],
        params=params,
        changes=_examples(raw.get("change"), where, keep=False),
        keeps=_examples(raw.get("keep"), where, keep=True),
        aliases=tuple(raw.get("aliases", ())),
        description=raw.get("description", ""),
    )


def parse_rule_files(paths: Iterable[Path]) -> tuple[Rule, ...]:
    """Rules from TOML files, ordered by each file's `stage` number, then as written."""
    loaded = []
    for path in paths:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as error:
            raise RuleError(f"{path.name}: {error}") from error
        stage = data.get("stage")
        if not isinstance(stage, int):
            raise RuleError(f"{path.name}: needs an integer 'stage' giving its place in the pipeline")
        rules = [parse_rule(raw, path.name) for raw in data.get("rules", [])]
        loaded.append((stage, path.name, rules))
    loaded.sort(key=lambda item: (item[0], item[1]))
    rules = tuple(rule for _, _, group in loaded for rule in group)
    _check_unique(rules)
    from .stages import KINDS  # late import: stages import the model, not the loader

    for rule in rules:
        if rule.kind not in KINDS:
            raise RuleError(f"{rule.code}: unknown kind '{rule.kind}'")
        KINDS[rule.kind].validate(rule)
    return rules


def _check_unique(rules: Sequence[Rule]) -> None:
    seen: dict[str, str] = {}
    for rule in rules:
        for key in (rule.code, rule.name, *rule.aliases):
            if key in seen:
                raise RuleError(f"{rule.code}: '{key}' is already used by {seen[key]}")
            seen[key] = rule.code


@functools.cache
def default_rules() -> tuple[Rule, ...]:
    """The shipped rule set, loaded once per process."""
    return parse_rule_files(sorted(rules_dir().glob("*.toml")))


@functools.cache
def ruleset_hash(rules: tuple[Rule, ...] | None = None) -> str:
    """A short hash of the rule definitions, so a log names the rule set that produced it."""
    rules = default_rules() if rules is None else rules
    digest = hashlib.sha256()
    for rule in rules:
        record = [rule.code, rule.name, rule.kind, rule.action, rule.message, rule.params]
        digest.update(json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()[:16]


def matches(rule: Rule, selector: str) -> bool:
    """Whether a selector (code, name, alias, code prefix or family) names the rule.

    >>> r = Rule("PU01", "punctuation.doubled-period", "substitute", "fix", "m")
    >>> [matches(r, s) for s in ("PU01", "PU", "punctuation", "punctuation.doubled-period", "WS")]
    [True, True, True, True, False]
    """
    if selector in (rule.code, rule.name) or selector in rule.aliases:
        return True
    if rule.code.startswith(selector) and selector.isupper():
        return True
    return rule.name.startswith(selector + ".")


def select_rules(rules: Sequence[Rule], select: Sequence[str] = (), ignore: Sequence[str] = ()) -> tuple[Rule, ...]:
    """The rules chosen by select (all when empty) minus those named by ignore."""
    chosen = [r for r in rules if not select or any(matches(r, s) for s in select)]
    return tuple(r for r in chosen if not any(matches(r, s) for s in ignore))


def unknown_selectors(rules: Sequence[Rule], selectors: Iterable[str]) -> list[str]:
    """Selectors that name no rule at all (a typo in --select or the config)."""
    return [s for s in selectors if not any(matches(r, s) for r in rules)]
