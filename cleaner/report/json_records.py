"""`--format json`: one JSON array holding each document's change-log record."""

from __future__ import annotations

import json

from ..io import log_record


def render(findings) -> str:
    """The same records `--log` writes (schema `mtclean.changelog/2`), as one indented array.

    >>> from cleaner import clean
    >>> from cleaner.report import Finding
    >>> records = json.loads(render([Finding("a.txt", clean("Done. . Next."))]))
    >>> [(r["path"], [c["rule"] for c in r["changes"]]) for r in records]
    [('a.txt', ['PU01'])]
    """
    records = [log_record(finding.name, finding.result) for finding in findings]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
