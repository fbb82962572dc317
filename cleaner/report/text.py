"""`path:line:col: CODE message`, one line per finding, as linters print them."""

from __future__ import annotations


def render(findings) -> str:
    """Fixes and suggestions in file order; suggestions say so.

    >>> from cleaner import clean
    >>> from cleaner.report import Finding
    >>> print(render([Finding("a.txt", clean("Done. . Next."))]), end="")
    a.txt:1:5: PU01 Doubled period ('. .') reduced to one
    """
    lines = []
    for finding in findings:
        for change in finding.result.changes:
            tag = "" if change.action == "fix" else " [suggestion]"
            lines.append(f"{finding.name}:{change.line}:{change.column}: {change.rule}{tag} {change.message}")
    return "".join(line + "\n" for line in lines)
