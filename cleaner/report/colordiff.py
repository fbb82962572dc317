"""`mtclean diff --color`: the unified diff of `diff.py` with each edit coloured by rule family.

Removed text is shown in reverse video and inserted text underlined, both in the colour of the
rule family that made the edit, so a reader sees which stage touched what. Stripping the escape
codes gives back exactly the plain diff.
"""

from __future__ import annotations

import difflib
from itertools import accumulate

import regex

from .diff import lines

RESET = "\x1b[0m"
FAMILY_COLOURS = {
    "encoding": "35",      # magenta
    "captions": "34",      # blue
    "punctuation": "33",   # yellow
    "whitespace": "36",    # cyan
    "repetition": "31",    # red
    "consistency": "32",   # green
    "language": "95",      # bright magenta
    "style": "94",         # bright blue
}
OTHER_COLOUR = "37"
HUNK_RE = regex.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
ANSI_RE = regex.compile(r"\x1b\[[0-9;]*m")


def strip_ansi(text: str) -> str:
    """The text without colour codes.

    >>> strip_ansi("\\x1b[31mred\\x1b[0m")
    'red'
    """
    return ANSI_RE.sub("", text)


def fix_regions(result) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """Each fix's region in the original and in the cleaned text, with its family."""
    removed, inserted = [], []
    delta = 0
    for change in result.fixes:
        removed.append((change.start, change.end, change.family))
        at = change.start + delta
        inserted.append((at, at + len(change.after), change.family))
        delta += len(change.after) - (change.end - change.start)
    return removed, inserted


def paint_line(line: str, offset: int, regions, style: str) -> str:
    """Colour the parts of one line (starting at `offset` in its text) that fall inside regions.

    >>> paint_line("ab. .\\n", 10, [(12, 15, "punctuation")], "7")
    'ab\\x1b[7;33m. .\\x1b[0m\\n'
    """
    body = line.rstrip("\r\n")
    tail = line[len(body):]
    end = offset + len(body)
    pieces, cursor = [], 0
    for start, stop, family in regions:
        lo, hi = max(start, offset) - offset, min(stop, end) - offset
        if hi <= lo or hi <= 0 or lo >= len(body):
            continue
        colour = FAMILY_COLOURS.get(family, OTHER_COLOUR)
        pieces.append(body[cursor:lo])
        pieces.append(f"\x1b[{style};{colour}m{body[lo:hi]}{RESET}")
        cursor = hi
    pieces.append(body[cursor:])
    return "".join(pieces) + tail


def _hunk_start(number: str, count: str | None) -> int:
    """0-based first line of a hunk side (an empty side's number is the line before it)."""
    return int(number) if count == "0" else int(number) - 1


def _offsets(lines: list[str]) -> list[int]:
    """Where each line (see `diff.lines`) starts in the text."""
    return [0, *accumulate(len(line) for line in lines)]


def colour_document(name: str, result) -> list[str]:
    """The coloured diff lines of one changed document."""
    old_lines = lines(result.original)
    new_lines = lines(result.text)
    old_starts, new_starts = _offsets(old_lines), _offsets(new_lines)
    removed, inserted = fix_regions(result)
    out = []
    old_index = new_index = 0
    in_header = True
    for line in difflib.unified_diff(old_lines, new_lines, fromfile=f"a/{name}", tofile=f"b/{name}"):
        end_note = "" if line.endswith(("\n", "\r")) else "\n\\ No newline at end of file\n"
        match = HUNK_RE.match(line)
        if match:
            in_header = False
            old_index = _hunk_start(match[1], match[2])
            new_index = _hunk_start(match[3], match[4])
            out.append(f"\x1b[36m{line.rstrip()}{RESET}\n")
        elif in_header:
            out.append(f"\x1b[1m{line.rstrip()}{RESET}\n")
        elif line.startswith("-"):
            out.append(f"\x1b[31m-{RESET}" + paint_line(line[1:], old_starts[old_index], removed, "7") + end_note)
            old_index += 1
        elif line.startswith("+"):
            out.append(f"\x1b[32m+{RESET}" + paint_line(line[1:], new_starts[new_index], inserted, "4") + end_note)
            new_index += 1
        else:
            out.append(line + end_note)
            old_index += 1
            new_index += 1
    return out


def render(findings) -> str:
    """A coloured unified diff per changed document."""
    out = []
    for finding in findings:
        if finding.result.changed:
            out.extend(colour_document(finding.name, finding.result))
    return "".join(out)
