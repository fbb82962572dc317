"""Spans of plain text that no rule may change: URLs, e-mail addresses, domains and file names."""

from __future__ import annotations

import regex

URL_RE = regex.compile(r"""(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>"“”‘’]+""", regex.IGNORECASE)
EMAIL_RE = regex.compile(r"\b[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+")
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
SPACE_RE = regex.compile(r"\s")
WHITESPACE = (" ", "\n", "\t", "\r", "\u00a0", "\u3000")
PROTECTED_RES = (URL_RE, EMAIL_RE, DOMAIN_RE, FILE_RE, VERSION_RE)


def _regions(pattern: regex.Pattern, text: str) -> list[tuple[int, int]]:
    """Where the pattern needs to look: the whole text, nothing, or (for patterns whose matches
    never hold whitespace) the whitespace-free stretches around each hit of its fast trigger."""
    if pattern is URL_RE:
        return [(0, len(text))] if "://" in text or "www." in text.lower() else []
    if pattern is EMAIL_RE:
        return [(0, len(text))] if "@" in text else []
    trigger = {DOMAIN_RE: DOMAIN_TRIGGER_RE, FILE_RE: FILE_TRIGGER_RE, VERSION_RE: VERSION_TRIGGER_RE}[pattern]
    regions: list[tuple[int, int]] = []
    done = 0  # searches never look back before the last region: linear however many hits
    for hit in trigger.finditer(text):
        if hit.start() < done:
            continue
        start = max(done, max(text.rfind(space, done, hit.start()) for space in WHITESPACE) + 1)
        space = SPACE_RE.search(text, hit.end())
        done = space.start() if space else len(text)
        regions.append((start, done))
    return regions


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, merged spans of text that must stay byte-identical.

    >>> text = "See www.jilin.gov.cn. Then"
    >>> [text[a:b] for a, b in protected_spans(text)]
    ['www.jilin.gov.cn']
    """
    found = []
    for pattern in PROTECTED_RES:
        for region_start, region_end in _regions(pattern, text):
            for match in pattern.finditer(text, region_start, region_end):
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
