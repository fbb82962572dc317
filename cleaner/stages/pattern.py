"""The `substitute` and `flag` kinds: a regular expression and a replacement template."""

from __future__ import annotations

import functools
import json
from typing import Iterator

import regex

from ..model import Edit, Rule

PLACEHOLDER_RE = regex.compile(r"<<(\w+)>>")


def compile_pattern(rule: Rule) -> regex.Pattern:
    """The rule's pattern with `<<list>>` placeholders expanded from its `lists` table."""
    return _compile(rule.params["pattern"], json.dumps(rule.params.get("lists", {}), sort_keys=True),
                    bool(rule.params.get("ignore_case")))


@functools.lru_cache(maxsize=512)
def _compile(source: str, lists_json: str, ignore_case: bool) -> regex.Pattern:
    lists = json.loads(lists_json)

    def expand(match: regex.Match) -> str:
        words = sorted(lists[match.group(1)], key=len, reverse=True)
        return "(?:" + "|".join(regex.escape(w) for w in words) + ")"

    flags = regex.VERSION1 | regex.VERBOSE | (regex.IGNORECASE if ignore_case else 0)
    return regex.compile(PLACEHOLDER_RE.sub(expand, source), flags)


def validate(rule: Rule) -> None:
    """A rule of this kind needs a pattern that compiles; a substitute needs a replacement."""
    if "pattern" not in rule.params:
        raise ValueError(f"{rule.code}: needs a 'pattern'")
    for name in PLACEHOLDER_RE.findall(rule.params["pattern"]):
        if name not in rule.params.get("lists", {}):
            raise ValueError(f"{rule.code}: pattern uses <<{name}>> but 'lists' has no '{name}'")
    try:
        compile_pattern(rule)
    except regex.error as error:
        raise ValueError(f"{rule.code}: pattern does not compile: {error}") from error
    if rule.kind == "substitute" and "replacement" not in rule.params and "table" not in rule.params:
        raise ValueError(f"{rule.code}: a substitute rule needs a 'replacement' or a 'table'")


def find(text: str, rule: Rule, context) -> Iterator[Edit]:
    """Every match becomes an edit; cheap `requires` substrings skip texts that cannot match."""
    required = rule.params.get("requires")
    if required and not any(s in text for s in required):
        return
    template = rule.params.get("replacement")
    table = rule.params.get("table")
    for match in compile_pattern(rule).finditer(text, timeout=context.timeout):
        if table is not None:
            replacement = table.get(match.group(), match.group())
        elif template is not None:
            replacement = match.expand(template)
        else:
            replacement = match.group()
        if replacement == match.group() and rule.kind == "substitute":
            continue
        yield Edit(match.start(), match.end(), replacement, rule)
