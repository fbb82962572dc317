"""Spans of plain text that no rule may change: URLs, e-mail addresses, domains and file names."""

from __future__ import annotations

import regex

URL_RE = regex.compile(r"""(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>"“”‘’]+""", regex.IGNORECASE)
EMAIL_RE = regex.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
DOMAIN_RE = regex.compile(
    r"\b[a-z0-9][\w-]*(?:\.[\w-]+)*\.(?:com|cn|org|net|gov|edu|int|io|info|biz|co|uk|hk|tw|mo|jp|kr|de|fr|ru|eu|us)\b(?:/[^\s<>\"“”]*)?"
)
FILE_RE = regex.compile(
    r"\b[\w-]+(?:\.[\w-]+)*\.(?:pdf|docx?|xlsx?|pptx?|txt|jpe?g|png|gif|zip|rar|html?|md|csv|json|xml|py|exe)\b",
    regex.IGNORECASE,
)
VERSION_RE = regex.compile(r"\b[vV]?\d+(?:\.\d+){2,}\b")
TRAILING_PUNCT = ".,;:!?)]}'\"”’"
# A fast pattern that must match somewhere before the slower one above is worth running.
DOMAIN_TRIGGER_RE = regex.compile(r"\.(?:com|cn|org|net|gov|edu|int|io|info|biz|co|uk|hk|tw|mo|jp|kr|de|fr|ru|eu|us)\b")
FILE_TRIGGER_RE = regex.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|txt|jpe?g|png|gif|zip|rar|html?|md|csv|json|xml|py|exe)\b",
                                regex.IGNORECASE)
VERSION_TRIGGER_RE = regex.compile(r"\d\.\d+\.\d")
PROTECTED_RES = (URL_RE, EMAIL_RE, DOMAIN_RE, FILE_RE, VERSION_RE)


def _may_hold(pattern: regex.Pattern, text: str) -> bool:
    if pattern is URL_RE:
        return "://" in text or "www." in text.lower()
    if pattern is EMAIL_RE:
        return "@" in text
    trigger = {DOMAIN_RE: DOMAIN_TRIGGER_RE, FILE_RE: FILE_TRIGGER_RE, VERSION_RE: VERSION_TRIGGER_RE}[pattern]
    return trigger.search(text) is not None


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, merged spans of text that must stay byte-identical.

    >>> text = "See www.jilin.gov.cn. Then"
    >>> [text[a:b] for a, b in protected_spans(text)]
    ['www.jilin.gov.cn']
    """
    found = []
    for pattern in PROTECTED_RES:
        if not _may_hold(pattern, text):
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            while end > start and text[end - 1] in TRAILING_PUNCT:
                end -= 1
            if end > start:
                found.append((start, end))
    return merge_spans(found)


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort and merge overlapping or touching spans.

    >>> merge_spans([(5, 8), (0, 2), (1, 3)])
    [(0, 3), (5, 8)]
    """
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
