"""Unified diff between each original and its cleaned text."""

from __future__ import annotations

import difflib


def render(findings) -> str:
    """A unified diff per changed document (`a/` original, `b/` cleaned)."""
    out = []
    for finding in findings:
        result = finding.result
        if not result.changed:
            continue
        for line in difflib.unified_diff(
            result.original.splitlines(keepends=True),
            result.text.splitlines(keepends=True),
            fromfile=f"a/{finding.name}",
            tofile=f"b/{finding.name}",
        ):
            out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)
