"""The `fullwidth` kind: full-width punctuation left in English text, turned into ASCII with English spacing."""

from __future__ import annotations

from typing import Iterator

import regex

from ..model import Edit, Rule

CJK_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\u3000-\u303f\uff00-\uffef]")
# one full-width mark with the horizontal space around it
MARK_RE = regex.compile(r"[ \t]*([，。；：！？、（）【】])[ \t]*")
OPENERS = "（【"
WORDISH_RE = regex.compile(r"[\p{L}\p{N}]")


def validate(rule: Rule) -> None:
    if not isinstance(rule.params.get("table"), dict):
        raise ValueError(f"{rule.code}: needs a 'table' of full-width mark = ASCII mark")


def find(text: str, rule: Rule, context) -> Iterator[Edit]:
    """Each mark whose neighbours are not CJK becomes its ASCII form, spaced as English is."""
    table = rule.params["table"]
    if not any(mark in text for mark in table):
        return
    for match in MARK_RE.finditer(text, timeout=context.timeout):
        mark = match.group(1)
        if mark not in table:
            continue
        before = text[match.start() - 1] if match.start() > 0 else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if CJK_RE.match(before) or CJK_RE.match(after):
            continue  # a genuine Chinese run keeps its own punctuation
        if not (WORDISH_RE.match(before) or WORDISH_RE.match(after)):
            continue
        ascii_mark = table[mark]
        if mark in OPENERS:
            space_before = " " if before and not before.isspace() and before not in "([{“‘\"" else ""
            replacement = space_before + ascii_mark
        else:
            space_after = " " if after and not after.isspace() and after not in ".,;:!?)]}”’\"" else ""
            replacement = ascii_mark + space_after
        yield Edit(match.start(), match.end(), replacement, rule, f"{rule.message}: {mark}")
