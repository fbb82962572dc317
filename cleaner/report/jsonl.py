"""`--format jsonl`: one JSON object per change, with its document's path, for grep and jq."""

from __future__ import annotations

import json


def render(findings) -> str:
    """A line per change: `path` then every change-log field, `id` first.

    >>> from cleaner import clean
    >>> from cleaner.report import Finding
    >>> line = render([Finding("a.txt", clean("Done. . Next."))])
    >>> record = json.loads(line)
    >>> record["path"], record["rule"], record["before"], record["after"]
    ('a.txt', 'PU01', '. .', '.')
    """
    lines = []
    for finding in findings:
        for change in finding.result.changes:
            record = {"path": finding.name, "id": change.id, **change.to_dict()}
            lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    return "".join(lines)
