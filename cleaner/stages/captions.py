"""The `captions` and `duplicate-paragraph` kinds: repeated captions and repeated paragraphs.

Both are linear: captions are compared only with the headline and the paragraphs near them,
duplicates are found through a normalised key in a dict.
"""

from __future__ import annotations

import difflib
import functools
import re
from itertools import repeat
from dataclasses import dataclass, replace
from typing import Iterator

import regex

from ..model import Edit, Rule

PARAGRAPH_RE = regex.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
# letters and digits (str.isalnum); the standard library's engine finds these runs fastest
WORD_RUN_RE = re.compile(r"[^\W_]+")
# a sentence ends at . ! ? before a space and a capital, digit or opening quote (`Ltd. was` goes on)
SENTENCE_END_RE = regex.compile(r"(?<=[.!?。][”’\"]?)\s+(?=[\p{Lu}\p{N}“\"‘])")
# a photo credit at the end of a paragraph, possibly glued to the caption text before it
CREDIT_RE = regex.compile(
    r"""(?:
        \((?:Photo|Photos|Photograph|Picture|Image)(?:[ ]by)?[ ]*[:：][^()\r\n]{1,80}\)
      | (?:Photo|Photos|Photograph|Picture|Image)s?[ ](?:by|from|courtesy[ ]of|provided[ ]by)[ ][^\r\n.!?]{2,80}
      | Photographed[ ]by[ ][^\r\n.!?]{2,80}
      | (?:Reporter|Correspondent)[ ][A-Z][^\r\n.!?]{1,60}[ ](?:photographed|photographs|reports)
      | [A-Z][\p{L}]+(?:[ ][A-Z][\p{L}]+){0,3}(?:[ ]and[ ][A-Z][\p{L}]+(?:[ ][A-Z][\p{L}]+){0,2})?[ ]/[ ](?:Xinhua|CNS|China[ ]News[ ]Service|China[ ]Daily|People's[ ]Daily|IC|CFP|VCG)
    )[ \t]*$""",
    regex.VERBOSE,
)


# Copies are first grouped by the start of their text, a cheap key: only paragraphs that share
# it are normalised whole. A near-exact copy differs in case, spacing or punctuation, which the
# key ignores, but not in its first words.
WORD_EDGE_MARKS = ".,;:!?\"“”‘’'()[]"
CREDIT_HINTS = ("Photo", "photo", "Picture", "Image", "Reporter", "Correspondent", " / ")
BUCKET_CHARS = 60
BUCKET_KEY = 24


@dataclass(frozen=True)
class Paragraph:
    start: int  # offset of the first character
    end: int  # offset after the text, before the line break
    stop: int  # offset after the line break
    text: str


@functools.lru_cache(maxsize=8)
def paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Lines of the text with their offsets (one paragraph a line, as scraped articles come).

    Several stages ask for the same text's paragraphs, so they are kept for the last few texts.

    >>> [(p.start, p.end, p.stop, p.text) for p in paragraphs("a\\n\\nb")]
    [(0, 1, 2, 'a'), (2, 2, 3, ''), (3, 4, 4, 'b')]
    """
    found = []
    if "\r" in text:
        for match in PARAGRAPH_RE.finditer(text):
            if match.start() == match.end():
                break
            body = match.group().rstrip("\r\n")
            found.append(Paragraph(match.start(), match.start() + len(body), match.end(), body))
        return tuple(found)
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if end == start == len(text):
            break  # after a final line break there is no further paragraph
        stop = min(end + 1, len(text))
        found.append(Paragraph(start, end, stop, line))
        start = stop
    return tuple(found)


@functools.lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Lower case, every run of non-word characters one space: what a near-exact copy shares.

    >>> normalise("Photo: A, B.  C")
    'photo a b c'
    """
    return " ".join(WORD_RUN_RE.findall(text.lower()))


def validate(rule: Rule) -> None:
    return None


def find(text: str, rule: Rule, context) -> Iterator[Edit]:
    paras = paragraphs(text)
    if rule.kind == "duplicate-paragraph":
        yield from _duplicates(text, paras, rule)
    else:
        yield from _captions(text, paras, rule, context.title)


def _removal(text: str, para: Paragraph, rule: Rule, message: str) -> Edit:
    """Delete a whole paragraph with its line break (or the break before it, at the very end)."""
    if para.stop > para.end:
        return Edit(para.start, para.stop, "", rule, message)
    before = para.start
    while before > 0 and text[before - 1] in "\r\n":
        before -= 1
    return Edit(before, para.end, "", rule, message)


def _duplicates(text: str, paras: tuple[Paragraph, ...], rule: Rule) -> Iterator[Edit]:
    """A later copy of a paragraph is removed; a repeated quotation (a pull quote) is only suggested."""
    min_words = rule.params.get("min_words", 8)
    seen: dict[str, int] = {}
    buckets: dict[str, list[int]] = {}
    for index, para in enumerate(paras):
        if para.text.count(" ") + 1 >= min_words:
            buckets.setdefault(normalise(para.text[:BUCKET_CHARS])[:BUCKET_KEY], []).append(index)
    candidates = sorted(i for bucket in buckets.values() if len(bucket) > 1 for i in bucket)
    if not candidates:
        return
    quoted = _inside_quotes(paras)
    prose_layout = in_paragraphs([p for p in paras if p.text.strip()])
    for index in candidates:
        para = paras[index]
        key = normalise(para.text)
        if key.count(" ") + 1 < min_words:
            continue
        if key not in seen:
            seen[key] = index
            continue
        first = seen[key]
        pull_quote = quoted[first] or quoted[index] or not prose_layout
        edit = _removal(text, para, rule, f"{rule.message} (first at paragraph {first + 1})")
        yield replace(edit, action="suggest") if pull_quote else edit


def _inside_quotes(paras: tuple[Paragraph, ...]) -> list[bool]:
    """For each paragraph, whether it holds a quotation mark or sits inside one opened earlier."""
    flags = []
    open_quote = False
    for para in paras:
        marks = para.text.count('"') + para.text.count("“") + para.text.count("”")
        flags.append(open_quote or marks > 0)
        if not para.text.strip():
            open_quote = False
        elif para.text.count('"') % 2 or para.text.count("“") != para.text.count("”"):
            open_quote = not open_quote
    return flags


def split_caption_credit(paragraph: str) -> tuple[str, str]:
    """A caption paragraph split into its text and its trailing photo credit ('' when none).

    >>> split_caption_credit("Workers repair the dike.Photo by Li Ming and Wang Fang")
    ('Workers repair the dike.', 'Photo by Li Ming and Wang Fang')
    """
    match = CREDIT_RE.search(paragraph) if any(h in paragraph for h in CREDIT_HINTS) else None
    if not match:
        return paragraph, ""
    return paragraph[: match.start()], match.group()


def _sentence_prefixes(paragraph: str) -> Iterator[str]:
    """Normalised sentences of a paragraph, the first one also as the start of the paragraph."""
    for sentence in SENTENCE_END_RE.split(paragraph):
        key = normalise(sentence)
        if key:
            yield key


def _repeated_source(caption: str, candidates: list[str], threshold: float) -> str | None:
    """The headline or sentence the caption (nearly) repeats, as a whole or as its start."""
    for candidate in candidates:
        if len(candidate) < len(caption) * 0.9:
            continue
        head = candidate[: len(caption)]
        if head == caption:
            return candidate
        if _may_be_similar(caption, head) and _similar(caption, head, threshold):
            return candidate
    return None


@functools.lru_cache(maxsize=4096)
def _similar(first: str, second: str, threshold: float) -> bool:
    """difflib's ratio reaches the threshold (kept: later passes ask about the same pairs)."""
    matcher = difflib.SequenceMatcher(None, first, second, autojunk=False)
    # quick_ratio is an upper bound of ratio at a fraction of its cost: most pairs stop there
    return matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold


@functools.lru_cache(maxsize=16384)
def _may_be_similar(first: str, second: str) -> bool:
    """A cheap necessary condition for a high similarity ratio: most words are shared.

    Texts as similar as a repeated caption differ in a word or two, so six in ten of the
    first's words occur in the second; the costly comparison runs only for those. Words of four
    letters or more are counted (short ones, `the`, `of`, are shared by any two paragraphs)
    unless the first has fewer than three of them; each is looked for as a substring, which
    is fast and never misses a shared word.
    """
    words = long_words(first)
    if len(words) < 3:
        words = word_set(first)
    haystack = lowered(second)
    allowed_misses = len(words) - 0.6 * len(words)
    misses = 0
    for word in words:
        if word not in haystack:
            misses += 1
            if misses > allowed_misses:
                return False  # settled: the rest cannot make up for it
    return True


def _shares_words(text: str, *groups: list[str]) -> bool:
    """Whether some text in the groups holds most of the words of `text` (see `_may_be_similar`)."""
    return any(_may_be_similar(text, other) for group in groups for other in group)


@functools.lru_cache(maxsize=4096)
def lowered(text: str) -> str:
    return text.lower()


@functools.lru_cache(maxsize=4096)
def long_words(text: str) -> frozenset[str]:
    """The words of four letters or more (see `word_set`)."""
    return frozenset(word for word in word_set(text) if len(word) >= 4)


@functools.lru_cache(maxsize=4096)
def word_set(text: str) -> frozenset[str]:
    """The lower-case words of a text without the punctuation around them."""
    return frozenset(map(str.strip, text.lower().split(), repeat(WORD_EDGE_MARKS)))


def _captions(text: str, paras: tuple[Paragraph, ...], rule: Rule, title: str | None) -> Iterator[Edit]:
    max_chars = rule.params.get("max_chars", 400)
    min_chars = rule.params.get("min_chars", 25)
    window = rule.params.get("window", 3)
    threshold = rule.params.get("similarity", 0.9)
    bodies = [p for p in paras if p.text.strip()]
    headline = normalise(title) if title else None
    first = 0
    if headline is None and bodies and _looks_like_headline(bodies[0].text):
        headline = normalise(bodies[0].text)
        first = 1
    for index in range(first, len(bodies)):
        para = bodies[index]
        if len(para.text) > max_chars:
            continue
        before = tuple(p.text for p in bodies[max(0, index - window):index])
        after = tuple(p.text for p in bodies[index + 1:index + window + 1])
        source = (title or bodies[0].text) if headline else None
        found = _repeated_caption(para.text, before, after, headline, source, min_chars, threshold)
        if found is None:
            continue
        caption_text, credit, repeats_headline = found
        if credit:
            yield Edit(para.start, para.start + len(caption_text), "", rule,
                       f"{rule.message}; the credit stays")
        elif index > 0 or title:
            # Without a credit, only a repeated headline or a cut-off teaser is surely a caption;
            # a whole sentence said twice may be a pull quote.
            teaser = repeats_headline or not caption_text.rstrip().endswith((".", "!", "?", "\"", "”"))
            teaser = teaser or in_paragraphs(bodies)
            edit = _removal(text, para, rule, rule.message)
            yield edit if teaser else replace(edit, action="suggest")


@functools.lru_cache(maxsize=4096)
def _repeated_caption(paragraph: str, before: tuple[str, ...], after: tuple[str, ...], headline: str | None,
                      source: str | None, min_chars: int, threshold: float) -> tuple[str, str, bool] | None:
    """Whether a paragraph repeats the headline or the start of a longer neighbour or of one of
    its sentences: (caption text, credit, whether it is the headline), or None.

    It depends only on these texts, so a second pass over a mostly unchanged document finds
    most answers here.
    """
    longer = [other for other in before + after if len(other) > len(paragraph)]
    if not longer and not headline:
        return None  # a caption repeats the start of something longer
    caption_text, credit = split_caption_credit(paragraph)
    if not _shares_words(caption_text, [source] if headline else [], longer):
        return None
    key = normalise(caption_text)
    if len(key) < min_chars:
        return None
    own_key = normalise(paragraph)
    candidates = [headline] if headline else []
    for other in longer:
        if normalise(other) == own_key:
            continue  # a whole paragraph said twice is the duplicate rule's, which keeps the first
        candidates.append(normalise(other))
        candidates.extend(_sentence_keys(other))
    match = _repeated_source(key, candidates, threshold)
    return None if match is None else (caption_text, credit, match == headline)


@functools.lru_cache(maxsize=4096)
def _sentence_keys(paragraph: str) -> tuple[str, ...]:
    return tuple(_sentence_prefixes(paragraph))


def in_paragraphs(paras: list[Paragraph]) -> bool:
    """Whether most lines hold several sentences (news paragraphs), not one sentence a line.

    In one-sentence-a-line text a sentence said twice may be a pull quote, so it is only suggested.
    """
    long_lines = [p for p in paras if len(p.text) >= 80]
    if not long_lines:
        return False
    several = sum(1 for p in long_lines if len(p.text) >= 200 or len(SENTENCE_END_RE.split(p.text)) >= 2)
    return several * 2 >= len(long_lines)


def _looks_like_headline(line: str) -> bool:
    """A short first line without a final full stop."""
    stripped = line.strip()
    return 0 < len(stripped) <= 200 and not stripped.endswith((".", "。"))
