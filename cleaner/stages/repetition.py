"""The `repetition` kind: doubled words, `X and X`, and immediately repeated phrases."""

from __future__ import annotations

from typing import Iterator

import regex

from ..model import Edit, Rule
from . import gates

DOUBLED_WORD_RE = regex.compile(r"(?<![\w'’-])([A-Za-z]+)([ \t]+)(\1)(?![\w-])", regex.IGNORECASE)
X_AND_X_RE = regex.compile(r"(?<![\w'’-])([A-Za-z]+(?:[ ][A-Za-z]+){0,3})([ ]and[ ])(\1)(?![\w'’-])")
DOUBLED_PHRASE_RE = regex.compile(
    r"(?<![\w'’-])([A-Za-z]+(?:[ ][A-Za-z]+){1,4})([ ]|,[ ])((?i:\1))(?![\w'’-])"
)
CONJUNCTIONS = frozenset({"and", "or", "but", "nor"})
MODES = ("doubled-word", "x-and-x", "doubled-phrase")


def validate(rule: Rule) -> None:
    if rule.params.get("mode") not in MODES:
        raise ValueError(f"{rule.code}: mode must be one of {', '.join(MODES)}")


def _capitalised(words: str) -> bool:
    """True when every word starts with a capital: a name or a title, never a stutter."""
    return all(w[:1].isupper() for w in words.split())


def find(text: str, rule: Rule, context) -> Iterator[Edit]:
    """Each mode's pattern runs only on the lines its gate names (see `gates`)."""
    mode = rule.params["mode"]
    keep = {w.lower() for w in rule.params.get("keep_words", ())}
    if mode == "doubled-word":
        yield from _doubled_words(text, rule, keep, context)
    elif mode == "x-and-x":
        if " and " in text:
            yield from _x_and_x(text, rule, keep, context)
    else:
        yield from _doubled_phrases(text, rule, keep, context)


def _matches(pattern: regex.Pattern, text: str, lines: set[int], context) -> Iterator[regex.Match]:
    for start, end in gates.line_regions(text, lines):
        yield from pattern.finditer(text, start, end, timeout=context.timeout)


def _doubled_words(text: str, rule: Rule, keep: set[str], context) -> Iterator[Edit]:
    """`the the` loses its second word; short or emphatic words are only suggested."""
    sure = {w.lower() for w in rule.params.get("fix_words", ())}
    min_length = rule.params.get("fix_min_length", 4)
    for match in _matches(DOUBLED_WORD_RE, text, gates.repeated_word(text), context):
        first, second = match.group(1), match.group(3)
        word = first.lower()
        if word in keep or (_capitalised(first) and _capitalised(second)):
            continue
        if second[:1].isupper():
            continue  # `that That`: the second starts a new sentence or a name
        confident = word in sure or (len(word) >= min_length and first.islower())
        yield Edit(match.end(1), match.end(3), "", rule, f"{rule.message}: '{first} {second}'",
                   action=None if confident else "suggest")


def _x_and_x(text: str, rule: Rule, keep: set[str], context) -> Iterator[Edit]:
    """`cultivate and cultivate` keeps one; idioms (`more and more`) and comparatives stay."""
    for match in _matches(X_AND_X_RE, text, gates.x_and_x(text, frozenset(keep)), context):
        phrase = match.group(1)
        last = phrase.split()[-1].lower()
        if phrase.lower() in keep or last in keep or _capitalised(phrase):
            continue
        if " " not in phrase and last.endswith("er") and len(last) > 4:
            continue  # comparatives: `bigger and bigger`
        yield Edit(match.end(1), match.end(3), "", rule, f"{rule.message}: '{match.group()}'")


def _doubled_phrases(text: str, rule: Rule, keep: set[str], context) -> Iterator[Edit]:
    """`in the in the` keeps one copy; capitalised phrases (titles, names) stay."""
    for match in _matches(DOUBLED_PHRASE_RE, text, gates.repeated_phrase(text), context):
        phrase = match.group(1)
        words = phrase.split()
        if phrase.lower() in keep or _capitalised(phrase) or words[0].lower() in CONJUNCTIONS:
            continue  # `and more and more` is the idiom `more and more`
        if match.group(2) != " " and (len(words) < 3 or match.group(3)[1:] != phrase[1:]):
            continue  # across a comma only a longer phrase, repeated exactly, is a stutter
        yield Edit(match.end(1), match.end(3), "", rule, f"{rule.message}: '{phrase}'")
