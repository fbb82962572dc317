"""The `encoding` kind: mojibake, HTML entities and control characters, repaired through ftfy.

ftfy's full pass is slow and its defaults also change correct text (it straightens curly quotes),
so it runs with a narrow configuration, and only on lines where a cheap pattern finds something.
"""

from __future__ import annotations

import difflib
import html
import re
from os.path import commonprefix
from typing import Iterator

import ftfy
import regex
from ftfy.fixes import remove_control_chars

from ..model import Edit, Rule

# A UTF-8 lead byte read as Latin-1/cp1252 followed by a continuation byte read the same way.
# Character classes without look-arounds: the standard library scans them several times faster,
# in linear time, so they need no timeout.
MOJIBAKE_HINT_RE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
ENTITY_RE = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# C0 controls other than tab, line feed and carriage return; DEL; C1 controls.
CONTROL_RE = re.compile("[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]+")
LINE_RE = regex.compile(r"[^\r\n]+")

MOJIBAKE_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)


def validate(rule: Rule) -> None:
    if rule.params.get("mode") not in ("mojibake", "entities", "controls"):
        raise ValueError(f"{rule.code}: mode must be mojibake, entities or controls")


def find(text: str, rule: Rule, context) -> Iterator[Edit]:
    mode = rule.params["mode"]
    if mode == "mojibake":
        yield from _mojibake(text, rule)
    elif mode == "entities":
        if "&" in text:
            yield from _entities(text, rule)
    else:
        for match in CONTROL_RE.finditer(text):
            cleaned = remove_control_chars(match.group())
            cleaned = CONTROL_RE.sub("", cleaned)
            yield Edit(match.start(), match.end(), cleaned, rule, f"{rule.message}: {_codepoints(match.group())}")


def _mojibake(text: str, rule: Rule) -> Iterator[Edit]:
    """ftfy on each line that shows a mojibake hint; every differing stretch is one edit."""
    if not MOJIBAKE_HINT_RE.search(text):
        return
    for line in LINE_RE.finditer(text):
        if not MOJIBAKE_HINT_RE.search(line.group()):
            continue
        fixed = ftfy.fix_text(line.group(), MOJIBAKE_CONFIG)
        if fixed != line.group():
            yield from diff_edits(line.group(), fixed, line.start(), rule)


def _entities(text: str, rule: Rule) -> Iterator[Edit]:
    for match in ENTITY_RE.finditer(text):
        decoded = html.unescape(match.group())
        if decoded == match.group() or CONTROL_RE.fullmatch(decoded) or decoded in "\u00a0\r\n":
            continue  # unknown entity, a control character or a no-break space: not ours to insert
        yield Edit(match.start(), match.end(), decoded, rule, f"{rule.message}: {match.group()}")


def diff_edits(before: str, after: str, offset: int, rule: Rule) -> Iterator[Edit]:
    """Edits that turn `before` into `after`, one per differing stretch, shifted by `offset`.

    >>> [(e.start, e.end, e.replacement) for e in diff_edits("donâ€™t", "don’t", 0, None)]
    [(3, 6, '’')]
    """
    # the common start and end are set aside first: the matcher is quadratic in what is left
    head = len(commonprefix([before, after]))
    tail = len(commonprefix([before[head:][::-1], after[head:][::-1]]))
    middle_before, middle_after = before[head:len(before) - tail], after[head:len(after) - tail]
    matcher = difflib.SequenceMatcher(None, middle_before, middle_after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            yield Edit(offset + head + i1, offset + head + i2, middle_after[j1:j2], rule)


def _codepoints(text: str) -> str:
    return " ".join(f"U+{ord(ch):04X}" for ch in text)
