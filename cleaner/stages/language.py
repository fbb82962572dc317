"""The `language` kind: paragraphs not in the target language, untranslated CJK runs, bilingual documents.

These are suggestions only. langdetect is slow and random by default: it is seeded, and called
only for a paragraph a cheap stop-word count cannot decide.
"""

from __future__ import annotations

import functools
import re
from typing import Iterator

import regex

from ..model import Edit, Rule
from .captions import paragraphs

CJK_CHAR_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
# every CJK character lies in these ranges (general punctuation, U+2000-206F, does not): the
# standard library scans for them four times faster than the exact class above
BEYOND_LATIN_RE = re.compile("[\u1100-\u1fff\u2070-\U0010ffff]")
CJK_RUN_RE = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}](?:[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\u3000-\u303f\uff00-\uffef0-9:：·\- ]*[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\u3000-\u303f\uff01-\uff5e])?"
)
LATIN_WORD_RE = regex.compile(r"[A-Za-z]+")
LETTER_RE = regex.compile(r"\p{L}")
ENGLISH_STOPWORDS = frozenset(
    "the of and to in a is that for on with as was by at from it be are this an or have has had "
    "not but which were their its will would been also more said he she they we his her".split()
)
# function words of other Latin-script languages that are not English words: a paragraph in
# plain ASCII without two of them is English with few stop words (a headline, a list of names)
FOREIGN_HINTS = frozenset(
    "der die und das ist nicht mit sich auf für von dem den ein eine les des est une dans pour "
    "pas sur avec sont cette los las del que por una con para como pero il della che sono "
    "nel gli uma não em het een zijn niet och är på för".split()
)
MODES = ("paragraph", "cjk-run", "bilingual")


def validate(rule: Rule) -> None:
    if rule.params.get("mode") not in MODES:
        raise ValueError(f"{rule.code}: mode must be one of {', '.join(MODES)}")


@functools.cache
def _detector_factory():
    from langdetect import DetectorFactory, detector_factory

    DetectorFactory.seed = 0
    detector_factory.init_factory()
    return detector_factory._factory


def detect_language(text: str) -> tuple[str, float]:
    """The most likely language and its probability, the same on every run (seeded).

    >>> detect_language("Der Ausschuss hat gestern die neuen Regeln für die Stadt beschlossen.")[0]
    'de'
    """
    factory = _detector_factory()
    detector = factory.create()
    detector.append(text)
    try:
        best = detector.get_probabilities()[0]
    except Exception:  # langdetect raises its own error on text without features
        return "unknown", 0.0
    return best.lang, best.prob


@functools.lru_cache(maxsize=8)
def holds_cjk(text: str) -> bool:
    """Whether any CJK character occurs: asked once per document, not once per paragraph."""
    return BEYOND_LATIN_RE.search(text) is not None and CJK_CHAR_RE.search(text) is not None


@functools.lru_cache(maxsize=4096)
def paragraph_language(text: str, target: str, min_letters: int, document_holds_cjk: bool = True) -> str | None:
    """The language of a paragraph when it is surely not the target, else None.

    Cached: the three language rules and every pass ask about the same paragraphs.
    """
    if len(text) < min_letters:
        return None
    has_cjk = document_holds_cjk and CJK_CHAR_RE.search(text) is not None
    if target == "en" and not has_cjk:
        words = text.lower().split()
        stopwords = sum(map(ENGLISH_STOPWORDS.__contains__, words))
        if stopwords >= 0.12 * len(words) or len(words) < 6:
            return None  # plainly English, or too short to judge
        if text.isascii() and sum(map(FOREIGN_HINTS.__contains__, words)) < 2:
            return None  # few stop words of any language: names, a headline, a list
    letters = letter_count(text)
    if letters < min_letters:
        return None
    if has_cjk and len(CJK_CHAR_RE.findall(text)) / letters > 0.5:
        return "zh" if target != "zh" else None
    words = LATIN_WORD_RE.findall(text)
    if target == "en" and words:
        ratio = sum(1 for w in words if w.lower() in ENGLISH_STOPWORDS) / len(words)
        if ratio >= 0.12 or len(words) < 6:
            return None
    language, probability = detect_language(text)
    if language != target and probability >= 0.9:
        return language
    return None


def letter_count(text: str) -> int:
    return len(LETTER_RE.findall(text))


def find(text: str, rule: Rule, context) -> Iterator[Edit]:
    mode = rule.params["mode"]
    target = context.config.target_language
    min_letters = rule.params.get("min_letters", 20)
    if mode == "cjk-run":
        if target in ("zh", "ja", "ko") or not holds_cjk(text):
            return
        for para in paragraphs(text):
            if paragraph_language(para.text, target, min_letters, True) is not None:
                continue  # a whole paragraph in another language is the paragraph rule's
            for match in CJK_RUN_RE.finditer(para.text, timeout=context.timeout):
                yield Edit(para.start + match.start(), para.start + match.end(), "", rule,
                           f"{rule.message}: “{match.group()}”")
        return
    foreign = []
    native = []
    cjk = holds_cjk(text)
    for para in paragraphs(text):
        language = paragraph_language(para.text, target, min_letters, cjk)
        if language is None:
            native.append(para.text)
        else:
            foreign.append((para, language))
    if mode == "paragraph":
        for para, language in foreign:
            yield Edit(para.start, para.end, para.text, rule, f"{rule.message} (looks like '{language}')")
        return
    if len(foreign) < 2:
        return
    native = sum(1 for body in native if len(body) >= min_letters and letter_count(body) >= min_letters)
    if native >= 2:
        para = foreign[0][0]
        yield Edit(para.start, para.end, para.text, rule,
                   f"{rule.message}: {len(foreign)} paragraphs in another language beside {native}")
