"""Cheap whole-text tests that tell a slow pattern on which lines it could match at all.

Repetition patterns need back-references, which cost a regex engine a try at every word.
A word repeated at a distance is found far faster from the list of words: a gate is a
necessary condition on that list (words split at spaces and the common marks), never a
decision, and it answers with the lines to look at.
Rules name their gate in TOML (`gate = ...`); a gated pattern must not match across a line break.
"""

from __future__ import annotations

import functools
import operator
from bisect import bisect_right
from itertools import accumulate, chain, compress, count, repeat
from typing import Callable, Iterator

# marks that may sit between a word and its repeat (`flood control, flood control`)
# (or hide its edges: `[cultivate`); splitting at more marks only ever finds more candidates
SEPARATOR_MARKS = (",", ".", ";", ":", "!", "?", '"', "“", "”", "‘", "’", "'", "(", ")", "[", "]", "{", "}",
                   "-", "/", "«", "»", "—", "–", "…", "·", "、")
MAX_PHRASE = 5  # words in the longest phrase a repetition pattern repeats
MAX_X_AND_X = 4


class Words:
    """The lower-case words of a text without the marks around them, and the line each is on."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: dict[tuple, set[int]] = {}  # what each gate found, for the rules that share one
        self._line_offsets: list[int] | None = None
        lowered = text.lower()
        for mark in SEPARATOR_MARKS:
            if mark in lowered:
                lowered = lowered.replace(mark, " ")
        per_line = list(map(str.split, lowered.split("\n")))
        self.words: list[str] = list(chain.from_iterable(per_line))
        self._line_ends = list(accumulate(map(len, per_line)))
        self._equal: dict[int, bytes] = {}

    def line(self, index: int) -> int:
        """The 0-based line (as split at `\\n`) of the word at `index`."""
        return bisect_right(self._line_ends, index)

    def equal(self, distance: int) -> bytes:
        """Byte j is 1 when word j equals word j + distance: one C-speed pass over the list."""
        found = self._equal.get(distance)
        if found is None:
            found = self._equal[distance] = bytes(map(operator.eq, self.words, self.words[distance:]))
        return found

    def line_offsets(self) -> list[int]:
        """Offset after the end (and the `\\n`) of each line of the original text."""
        if self._line_offsets is None:
            self._line_offsets = list(accumulate(len(line) + 1 for line in self.text.split("\n")))
        return self._line_offsets

    def positions(self, word: str) -> list[int]:
        return list(compress(count(), map(operator.eq, self.words, repeat(word))))


@functools.lru_cache(maxsize=4)
def words_of(text: str) -> Words:
    return Words(text)


def _shared(gate: Callable[..., set[int]]) -> Callable[..., set[int]]:
    """Keep a gate's answer with the text's words: several rules ask the same question."""
    @functools.wraps(gate)
    def cached(text: str, *args) -> set[int]:
        found = words_of(text).found
        key = (gate.__name__, *args)
        if key not in found:
            found[key] = gate(text, *args)
        return found[key]
    return cached


@_shared
def repeated_word(text: str) -> set[int]:
    """Lines where some word is followed by itself (`the the`, `flood, flood`).

    >>> repeated_word("a plan\\nthe the plan"), repeated_word("the plan")
    ({1}, set())
    """
    words = words_of(text)
    return {words.line(j) for j in compress(count(), words.equal(1))}


@_shared
def repeated_phrase(text: str) -> set[int]:
    """Lines where some run of two to five words is said twice in a row (`in the in the`).

    >>> repeated_phrase("in the in the city"), repeated_phrase("of the city of the")
    ({0}, set())
    """
    words = words_of(text)
    lines = set()
    for distance in range(2, MAX_PHRASE + 1):
        lines.update(map(words.line, _runs(words.equal(distance), distance)))
    return lines


@_shared
def x_and_x(text: str, keep: frozenset[str] = frozenset()) -> set[int]:
    """Lines with one to four words, then `and`, then the same words (`cultivate and cultivate`).

    Where the word before `and` is one of `keep` (`more and more`), or a lone comparative
    (`bigger and bigger`), the rule keeps the text anyway, so the line need not be looked at.

    >>> x_and_x("cultivate and cultivate talent"), x_and_x("rice and wheat and rice")
    ({0}, set())
    >>> x_and_x("more and more", frozenset({"more"}))
    set()
    """
    words = words_of(text)
    listed = words.words
    lines = set()
    for at in words.positions("and"):
        last = listed[at - 1] if at else ""
        if last in keep:
            continue
        for size in range(1, min(MAX_X_AND_X, at) + 1):
            if listed[at - size:at] == listed[at + 1:at + 1 + size]:
                if size == 1 and len(last) > 4 and last.endswith("er"):
                    continue
                lines.add(words.line(at))
                break
    return lines


@_shared
def x_of_the_x(text: str) -> set[int]:
    """Lines with `X of the X`: a word recurring three words on with `of` after it."""
    words = words_of(text)
    listed = words.words
    return {words.line(at) for at in words.positions("of")
            if 0 < at < len(listed) - 2 and listed[at - 1] == listed[at + 2]}


def repeated_item(text: str) -> set[int]:
    """Lines where a word or a pair of words follows itself (`flood control, flood control`)."""
    words = words_of(text)
    return repeated_word(text) | {words.line(at) for at in _runs(words.equal(2), 2)}


def _runs(equal: bytes, length: int) -> Iterator[int]:
    """Where `length` ones in a row start in a byte string of zeros and ones."""
    run = b"\x01" * length
    at = equal.find(run)
    while at >= 0:
        yield at
        at = equal.find(run, at + 1)


GATES: dict[str, Callable[[str], set[int]]] = {
    "repeated-word": repeated_word,
    "repeated-phrase": repeated_phrase,
    "x-and-x": x_and_x,
    "x-of-the-x": x_of_the_x,
    "repeated-item": repeated_item,
}


def line_regions(text: str, lines: set[int]) -> list[tuple[int, int]]:
    """Start and end offsets (the end after its `\\n`) of the given 0-based lines, in order."""
    if not lines:
        return []
    ends = words_of(text).line_offsets()
    return [(ends[n - 1] if n else 0, min(ends[n], len(text))) for n in sorted(lines)]
