"""The `style` kind (suggestions): capitalised common words mid-sentence, literal bylines."""

from __future__ import annotations

import functools
from collections import Counter
from typing import Iterator

import regex

from ..model import Edit, Rule

MID_CAPITAL_RE = regex.compile(r"(?<=(?:(?<![\p{L}’'])[a-z]+,?|;)[ ])([A-Z][a-z]{2,})(?=[ ][a-z])")
BYLINE_RE = regex.compile(r"\((?P<name>[A-Z][a-z]+(?:[ ][A-Z][a-z]+){1,3})\)[ \t]*\s*$")
PINYIN_RE = regex.compile(
    r"^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|an|ao|ei|en|er|ia|ie|in|iu|ou|ua|ue|ui|un|uo|a|e|i|o|u|v)){1,2}$"
)
MODES = ("mid-sentence-capital", "literal-byline")
# lower-case words that join the parts of a proper name
NAME_LINKS = frozenset({"of", "and", "for", "de", "du", "la", "von", "van", "on", "upon"})


def validate(rule: Rule) -> None:
    if rule.params.get("mode") not in MODES:
        raise ValueError(f"{rule.code}: mode must be one of {', '.join(MODES)}")
    if rule.params["mode"] == "literal-byline" and not isinstance(rule.params.get("surnames"), dict):
        raise ValueError(f"{rule.code}: needs a 'surnames' table of English word = pinyin")


def find(text: str, rule: Rule, context) -> Iterator[Edit]:
    if rule.params["mode"] == "literal-byline":
        yield from _byline(text, rule)
    else:
        yield from _mid_capitals(text, rule, context)


def _mid_capitals(text: str, rule: Rule, context) -> Iterator[Edit]:
    """A capitalised word between lower-case words, when the word is common or used lower-case here."""
    common = _lower_set(tuple(rule.params.get("common_words", ())))
    candidates = list(MID_CAPITAL_RE.finditer(text, timeout=context.timeout))
    if not candidates:
        return
    capital_counts = Counter(m.group() for m in candidates)
    for match in candidates:
        word = match.group()
        lower = word.lower()
        if lower in common:
            yield Edit(match.start(), match.end(), lower, rule, f"{rule.message}: '{word}'")
            continue
        following = text[match.end() + 1: match.end() + 5].split(" ", 1)[0]
        if following in NAME_LINKS or capital_counts[word] > 1:
            continue  # `Museum of Flight`; a capital used again and again is a house style
        if len(_word_re(lower).findall(text)) >= 2:
            yield Edit(match.start(), match.end(), lower, rule,
                       f"{rule.message}: '{word}' is written '{lower}' elsewhere in the text")


@functools.lru_cache(maxsize=64)
def _lower_set(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


@functools.lru_cache(maxsize=1024)
def _word_re(word: str) -> regex.Pattern:
    return regex.compile(rf"\b{regex.escape(word)}\b")


def _byline(text: str, rule: Rule) -> Iterator[Edit]:
    """A closing `(Yellow Lu)`: a surname translated word by word, the rest left as pinyin."""
    match = BYLINE_RE.search(text[-120:])
    if not match:
        return
    offset = len(text) - len(text[-120:])
    surnames = rule.params["surnames"]
    words = match.group("name").split()
    english = set(rule.params.get("english_words", ()))
    if words[0] not in surnames or not all(
        (PINYIN_RE.match(w.lower()) and w not in english) or w in surnames for w in words[1:]
    ):
        return
    fixed = " ".join([surnames[words[0]], *words[1:]])
    yield Edit(offset + match.start("name"), offset + match.end("name"), fixed, rule,
               f"{rule.message}: '{words[0]}' reads as the surname {surnames[words[0]]}")
