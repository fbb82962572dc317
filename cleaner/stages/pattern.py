"""The `substitute` and `flag` kinds: a regular expression and a replacement template."""

from __future__ import annotations

import functools
import json
from typing import Iterator

import regex

from ..model import Edit, Rule
from .gates import GATES, line_regions

PLACEHOLDER_RE = regex.compile(r"<<(\w+)>>")


def compile_pattern(rule: Rule) -> regex.Pattern:
    """The rule's pattern with `<<list>>` placeholders expanded from its `lists` table."""
    cached = _COMPILED.get(id(rule.params))
    if cached is None or cached[0] is not rule.params:
        pattern = _compile(rule.params["pattern"], json.dumps(rule.params.get("lists", {}), sort_keys=True),
                           bool(rule.params.get("ignore_case")))
        cached = _COMPILED[id(rule.params)] = (rule.params, pattern)
    return cached[1]


# by the identity of a rule's parameters, which are kept so that identity is not reused
_COMPILED: dict[int, tuple[dict, regex.Pattern]] = {}


@functools.lru_cache(maxsize=512)
def compile_trigger(source: str) -> regex.Pattern:
    return regex.compile(source, regex.VERSION1)


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
    if "trigger" in rule.params:
        try:
            compile_trigger(rule.params["trigger"])
        except regex.error as error:
            raise ValueError(f"{rule.code}: trigger does not compile: {error}") from error
    if rule.params.get("gate", next(iter(GATES))) not in GATES:
        raise ValueError(f"{rule.code}: unknown gate '{rule.params['gate']}' (one of {', '.join(GATES)})")
    if rule.kind == "substitute" and "replacement" not in rule.params and "table" not in rule.params:
        raise ValueError(f"{rule.code}: a substitute rule needs a 'replacement' or a 'table'")


def could_match(text: str, rule: Rule, context) -> bool:
    """The rule's cheap pre-checks, each a necessary condition for a match of its pattern.

    `requires`: one of these substrings occurs (or the text ends with one of `requires_end`,
    for a pattern that can match at the very end); `trigger`: a fast pattern (no look-behind first,
    no back-reference) finds something.
    """
    required = rule.params.get("requires")
    if required and not any(s in text for s in required):
        if not text.endswith(tuple(rule.params.get("requires_end", ()))):
            return False
    trigger = rule.params.get("trigger")
    return not trigger or compile_trigger(trigger).search(text, timeout=context.timeout) is not None


def _matches(text: str, rule: Rule, context) -> Iterator[regex.Match]:
    """The pattern's matches, looked for only on the lines its `gate` or `requires` names."""
    pattern = compile_pattern(rule)
    gate = rule.params.get("gate")
    if gate:
        regions = line_regions(text, GATES[gate](text))
    elif "requires" in rule.params:
        regions = literal_lines(text, rule.params["requires"], tuple(rule.params.get("requires_end", ())))
    else:
        regions = None
    if regions is None:
        yield from pattern.finditer(text, timeout=context.timeout)
        return
    for start, end in regions:
        yield from pattern.finditer(text, start, end, timeout=context.timeout)


MAX_LITERAL_LINES = 32  # beyond this many, one scan of the whole text is cheaper


def literal_lines(text: str, literals: list[str], ends: tuple[str, ...] = ()) -> list[tuple[int, int]] | None:
    """The lines (each with its line break) that hold one of the literals, merged and in order;
    the last line too when the text ends with one of `ends`. None when there are too many.

    >>> literal_lines("a b\\nc ,d\\ne", [" ,"])
    [(4, 9)]
    """
    regions = []
    for literal in literals:
        at = text.find(literal)
        while at >= 0:
            if len(regions) == MAX_LITERAL_LINES:
                return None
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at + max(len(literal) - 1, 0))
            end = len(text) if end < 0 else end + 1
            regions.append((start, end))
            at = text.find(literal, end)
    if ends and text.endswith(ends):
        regions.append((text.rfind("\n") + 1, len(text)))
    regions.sort()
    merged: list[tuple[int, int]] = []
    for start, end in regions:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def find(text: str, rule: Rule, context) -> Iterator[Edit]:
    """Every match becomes an edit; texts that fail the cheap pre-checks are skipped."""
    if not could_match(text, rule, context):
        return
    template = rule.params.get("replacement")
    table = rule.params.get("table")
    for match in _matches(text, rule, context):
        if table is not None:
            replacement = table.get(match.group(), match.group())
        elif template is not None:
            replacement = match.expand(template)
        else:
            replacement = match.group()
        if replacement == match.group() and rule.kind == "substitute":
            continue
        yield Edit(match.start(), match.end(), replacement, rule)
