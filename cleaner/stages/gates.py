"""Cheap whole-text tests that tell a rule its slow pattern cannot match, so it need not run.

Repetition patterns need back-references, which cost a regex engine a try at every word.
A word repeated at a distance can be found far faster from the list of words: a gate is a
necessary condition on that list, never a decision. Rules name their gate in TOML (`gate = ...`).
"""

from __future__ import annotations

import functools
import operator
from itertools import repeat
from typing import Callable

# marks that may sit between a word and its repeat (`flood control, flood control`)
SEPARATOR_MARKS = (",", ".", ";", ":", "!", "?", '"', "“", "”", "(", ")")
MAX_DISTANCE = 5


@functools.lru_cache(maxsize=4)
def _repeats(text: str) -> tuple[int, tuple[int, ...], int, int]:
    """Bit sets over word positions: equal at distance d (1..5), `and` and `of` at a position.

    Position j is bit 8*j: each bit set is the bytes of a list of booleans read as one integer,
    so a search over every word is a few integer operations.
    """
    lowered = text.lower()
    for mark in SEPARATOR_MARKS:
        if mark in lowered:
            lowered = lowered.replace(mark, " ")
    words = lowered.split()

    def bits(flags) -> int:
        return int.from_bytes(bytes(flags), "little")

    equal = tuple(bits(map(operator.eq, words, words[d:])) for d in range(1, MAX_DISTANCE + 1))
    return len(words), equal, bits(map(operator.eq, words, repeat("and"))), bits(map(operator.eq, words, repeat("of")))


def repeated_word(text: str) -> bool:
    """Some word is followed by itself (`the the`, `flood, flood`).

    >>> repeated_word("the the plan"), repeated_word("the plan")
    (True, False)
    """
    return _repeats(text)[1][0] != 0


def repeated_phrase(text: str) -> bool:
    """Some run of two to five words is said twice in a row (`in the in the`).

    >>> repeated_phrase("in the in the city"), repeated_phrase("of the city of the")
    (True, False)
    """
    for distance, equal in enumerate(_repeats(text)[1][1:], start=2):
        run = equal
        for step in range(1, distance):
            run &= equal >> (8 * step)
        if run:
            return True
    return False


def x_and_x(text: str) -> bool:
    """Some one to four words, then `and`, then the same words (`cultivate and cultivate`).

    >>> x_and_x("cultivate and cultivate talent"), x_and_x("rice and wheat and rice")
    (True, False)
    """
    _, equal, ands, _ = _repeats(text)
    for distance, same in enumerate(equal[1:], start=2):
        run = same  # bit j: the words ending at j recur `distance` words on
        for step in range(1, distance - 1):
            run &= same << (8 * step)
        if run & (ands >> 8):
            return True
    return False


def x_of_the_x(text: str) -> bool:
    """`the X of the X`: a word recurring three words on with `of` after it."""
    _, equal, _, ofs = _repeats(text)
    return (equal[2] & (ofs >> 8)) != 0


def repetition(text: str) -> bool:
    """Any of the repetition gates."""
    return repeated_word(text) or repeated_phrase(text) or x_and_x(text)


GATES: dict[str, Callable[[str], bool]] = {
    "repeated-word": repeated_word,
    "repeated-phrase": repeated_phrase,
    "x-and-x": x_and_x,
    "x-of-the-x": x_of_the_x,
    "repetition": repetition,
}
