"""The `consistency` kind: one document's title rendered two ways is made the same.

Quoted titles that differ by one or two words are grouped; the form used most often wins (a tie
goes to the first), a glossary entry wins over both. A one-word difference is a fix; wider or
riskier differences are suggestions.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterator, Sequence

import regex

from ..model import Edit, Rule

QUOTED_RE = regex.compile(
    r"“(?P<t>[^“”\r\n]{5,200})”|\"(?P<t>[^\"\r\n]{5,200})\"|《(?P<t>[^《》\r\n]{2,200})》|‘(?P<t>[^‘\r\n]{5,200}?)’(?![\p{L}])",
)
WORD_RE = regex.compile(r"\S+")
NUMBERISH_RE = regex.compile(
    r"\d|^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|i|ii|iii|iv|v|vi|vii|viii|ix|x)$",
    regex.IGNORECASE,
)
MAX_BUCKET = 200


def validate(rule: Rule) -> None:
    return None


def _words(title: str) -> list[str]:
    return WORD_RE.findall(title)


def looks_like_title(title: str, small_words: set[str], min_words: int) -> bool:
    """At least `min_words` words, starting with a capital, most content words capitalised.

    >>> looks_like_title("Excerpts of Xi Jinping’s Essays on Grassroots Governance", {"of", "on"}, 3)
    True
    >>> looks_like_title("we want clean water now", {"of"}, 3)
    False
    """
    words = _words(title)
    if len(words) < min_words or not words[0][:1].isupper():
        return False
    content = [w for w in words if w.lower() not in small_words]
    capitalised = sum(1 for w in content if w[:1].isupper() or not w[:1].isalpha())
    return bool(content) and capitalised / len(content) >= 0.75


def word_diff(a: Sequence[str], b: Sequence[str]) -> tuple[int, list[str], list[str]]:
    """Word-level edit distance after trimming the shared head and tail, and the differing words.

    >>> word_diff("A of B on C".split(), "A of D on C".split())
    (1, ['B'], ['D'])
    """
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    mid_a, mid_b = list(a[head: len(a) - tail]), list(b[head: len(b) - tail])
    return max(len(mid_a), len(mid_b)), mid_a, mid_b


def _same_stem(a: list[str], b: list[str]) -> bool:
    return len(a) == len(b) and all(x[:5].lower() == y[:5].lower() for x, y in zip(a, b))


def classify(a: str, b: str, min_shared: int) -> str | None:
    """'fix' when two titles are one rendering apart, 'suggest' when likely, None when distinct."""
    wa, wb = _words(a), _words(b)
    distance, mid_a, mid_b = word_diff(wa, wb)
    if distance == 0 or distance > 2:
        return None
    if any(NUMBERISH_RE.search(w) for w in mid_a + mid_b):
        return None  # `13th` vs `14th Five-Year Plan` are different documents
    shared = min(len(wa), len(wb)) - min(len(mid_a), len(mid_b))
    if shared < min_shared or shared / max(len(wa), len(wb)) < 0.8:
        return None
    if distance == 1 or _same_stem(mid_a, mid_b):
        return "fix"
    return "suggest"


def find(text: str, rule: Rule, context) -> Iterator[Edit]:
    if not any(q in text for q in "“\"《‘"):
        return
    small = {w.lower() for w in rule.params.get("small_words", ())}
    min_words = rule.params.get("min_words", 3)
    min_shared = rule.params.get("min_shared", 3)
    occurrences = []
    for match in QUOTED_RE.finditer(text, timeout=context.timeout):
        title = match.group("t")
        if title.strip() == title and looks_like_title(title, small, min_words):
            occurrences.append((match.start("t"), match.end("t"), title))
    if len(occurrences) < 2 and not context.config.glossary:
        return
    counts = Counter(title for _, _, title in occurrences)
    first_seen = {}
    for index, (_, _, title) in enumerate(occurrences):
        first_seen.setdefault(title, index)
    targets = _targets(list(counts), counts, first_seen, context.config.glossary, min_shared)
    for start, end, title in occurrences:
        if title in targets:
            canonical, action = targets[title]
            yield from _minimal_edit(text, start, end, canonical, rule, action, title)


def _targets(titles: list[str], counts: Counter, first_seen: dict, glossary: Sequence[str], min_shared: int) -> dict:
    """Each title that should change, mapped to (canonical form, action)."""
    targets = {}
    for title in titles:
        for entry in glossary:
            verdict = classify(title, entry, min_shared)
            if verdict:
                targets[title] = (entry, verdict)
                break
    buckets = defaultdict(list)
    for title in titles:
        words = _words(title)
        buckets["first:" + words[0]].append(title)
        buckets["last:" + words[-1]].append(title)
    for members in buckets.values():
        if len(members) < 2 or len(members) > MAX_BUCKET:
            continue
        for a in members:
            if a in targets:
                continue
            for b in members:
                if a == b or (counts[b], -first_seen[b]) <= (counts[a], -first_seen[a]):
                    continue
                verdict = classify(a, b, min_shared)
                if verdict:
                    winner = targets.get(b, (b, verdict))[0]
                    targets[a] = (winner, verdict if verdict == "suggest" else targets.get(b, (b, "fix"))[1])
                    break
    return targets


def _minimal_edit(text: str, start: int, end: int, canonical: str, rule: Rule, action: str, title: str) -> Iterator[Edit]:
    """Replace only the differing middle of the title, so the log shows `Essays` -> `Theory`."""
    head = 0
    while head < min(len(title), len(canonical)) and title[head] == canonical[head]:
        head += 1
    while head > 0 and title[head - 1] not in " ":
        head -= 1  # back to a word boundary
    tail = 0
    limit = min(len(title), len(canonical)) - head
    while tail < limit and title[-1 - tail] == canonical[-1 - tail]:
        tail += 1
    while tail > 0 and title[len(title) - tail] not in " ":
        tail -= 1
    message = f"{rule.message}: use “{canonical}”"
    yield Edit(start + head, end - tail, canonical[head: len(canonical) - tail], rule, message,
               action=None if action == "fix" else "suggest")
