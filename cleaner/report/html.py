"""`mtclean report`: one self-contained, offline HTML page to review every change and export decisions.

The page embeds its data as JSON in a script tag and its CSS and JavaScript inline (the files
in `html_assets/`), and asks for nothing over the network. Documents are turned into HTML only
when opened, and the list is paged, so a report of thousands of documents stays quick.
"""

from __future__ import annotations

import difflib
import json
from importlib import resources

import regex

from .. import __version__
from ..review import DECISIONS_SCHEMA
from ..ruleset import default_rules, ruleset_hash

REPORT_SCHEMA = "mtclean.report/1"
TOKEN_RE = regex.compile(r"\s+|\w+|[^\w\s]")
WORD_RE = regex.compile(r"\w")
MAX_PIECE_TOKENS = 400  # longer changes are shown as one deletion and one insertion


def word_pieces(before: str, after: str) -> list[list[str]] | None:
    """A word-level diff of one change: `=` kept, `-` struck, `+` inserted; None when nothing is kept.

    >>> word_pieces("the Essays on Governance", "the Theory on Governance")
    [['=', 'the '], ['-', 'Essays'], ['+', 'Theory'], ['=', ' on Governance']]
    >>> word_pieces(". .", ".") is None
    True
    """
    old, new = TOKEN_RE.findall(before), TOKEN_RE.findall(after)
    if not old or not new or len(old) + len(new) > MAX_PIECE_TOKENS:
        return None
    pieces: list[list[str]] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i0, i1, j0, j1 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(["=", "".join(old[i0:i1])])
            continue
        if i1 > i0:
            pieces.append(["-", "".join(old[i0:i1])])
        if j1 > j0:
            pieces.append(["+", "".join(new[j0:j1])])
    if not any(kind == "=" and WORD_RE.search(text) for kind, text in pieces):
        return None
    return pieces


def change_record(change) -> dict:
    record = {
        "id": change.id, "rule": change.rule, "action": change.action, "start": change.start,
        "end": change.end, "line": change.line, "column": change.column, "before": change.before,
        "after": change.after, "message": change.message,
    }
    pieces = word_pieces(change.before, change.after)
    if pieces:
        record["pieces"] = pieces
    return record


def report_data(findings, rules=None) -> dict:
    """Everything the page shows: the rules used, and each document's original text and changes."""
    rules = default_rules() if rules is None else rules
    used = {change.rule: change for finding in findings for change in finding.result.changes}
    table = {rule.code: {"name": rule.name, "family": rule.family, "action": rule.action, "message": rule.message}
             for rule in rules if rule.code in used}
    for code, change in used.items():
        table.setdefault(code, {"name": change.name, "family": change.family, "action": change.action,
                                "message": change.message})
    documents = [
        {"name": finding.name, "text": finding.result.original,
         "changes": [change_record(change) for change in finding.result.changes]}
        for finding in findings
    ]
    return {
        "schema": REPORT_SCHEMA,
        "decisions_schema": DECISIONS_SCHEMA,
        "mtclean": __version__,
        "ruleset": ruleset_hash(),
        "rules": dict(sorted(table.items())),
        "documents": documents,
    }


def embed_json(data: object) -> str:
    """JSON safe inside a `<script>` element: no `<` can end it or open a comment.

    >>> embed_json({"a": "</script><!--"})
    '{"a":"\\\\u003c/script>\\\\u003c!--"}'
    """
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def asset(name: str) -> str:
    return resources.files(__package__).joinpath("html_assets", name).read_text(encoding="utf-8")


def render(findings, title: str = "mtclean review") -> str:
    """The whole report page as one string."""
    page = asset("report.html").replace("{{TITLE}}", title.replace("&", "&amp;").replace("<", "&lt;"))
    replacements = {
        "/*{{STYLE}}*/": asset("report.css"),
        "/*{{SCRIPT}}*/": asset("report.js"),
        "{{DATA}}": embed_json(report_data(findings)),
    }
    for marker, value in replacements.items():
        before, found, after = page.partition(marker)
        assert found, f"report.html lacks {marker}"
        page = before + value + after
    return page
