"""`mtclean eval` output: a table per family and per rule, then every miss and wrong edit; or JSON."""

from __future__ import annotations

import json

from ..evaluate import Summary, Tally

HEADER = ("expected", "made", "correct", "missed", "wrong", "precision", "recall")


WIDTHS = (8, 8, 8, 8, 8, 9, 6)


def _row(label: str, tally: Tally, width: int) -> str:
    counts = (tally.expected, tally.made, tally.correct, tally.missed, tally.wrong)
    cells = [f"{n:>8}" for n in counts] + [f"{tally.precision:>9.3f}", f"{tally.recall:>6.3f}"]
    return f"{label:<{width}} " + " ".join(cells)


def _table(title: str, rows: dict[str, Tally], overall: Tally) -> list[str]:
    width = max([len(title), len("overall")] + [len(k) for k in rows])
    lines = [f"{title:<{width}} " + " ".join(f"{h:>{w}}" for h, w in zip(HEADER, WIDTHS))]
    lines += [_row(label, tally, width) for label, tally in rows.items()]
    lines.append(_row("overall", overall, width))
    return lines


def render_text(summary: Summary, gold: str) -> str:
    """Counts, the family and rule tables, then one line per miss or wrong edit."""
    documents = len(summary.documents)
    lines = [f"mtclean eval {gold}: {documents} documents, {summary.with_artifacts} with expected edits, "
             f"{documents - summary.with_artifacts} without; exact output {summary.exact}/{documents}", ""]
    lines += _table("family", summary.by_family, summary.overall) + [""]
    lines += _table("rule", summary.by_rule, summary.overall)
    problems = [o for d in summary.documents for o in d.outcomes if o.verdict != "correct"]
    lines += ["", f"misses and wrong edits: {len(problems)}"]
    for o in problems:
        lines.append(f"  {o.document}:{o.line}:{o.column}: {o.verdict} {o.rule}: {o.context}")
    notes = [(d.name, n) for d in summary.documents for n in d.notes]
    if notes:
        lines += ["", "notes:"] + [f"  {name}: {note}" for name, note in notes]
    return "\n".join(lines) + "\n"


def render_json(summary: Summary, gold: str) -> str:
    """Everything in `render_text`, plus each document's own counts, as one JSON object."""
    data = {
        "gold": gold,
        "documents": len(summary.documents),
        "with_expected_edits": summary.with_artifacts,
        "exact": summary.exact,
        "overall": summary.overall.to_dict(),
        "families": {k: v.to_dict() for k, v in summary.by_family.items()},
        "rules": {k: v.to_dict() for k, v in summary.by_rule.items()},
        "per_document": [
            {"name": d.name, "source": d.source, "exact": d.exact, "notes": d.notes,
             "outcomes": [{k: v for k, v in o.__dict__.items() if k != "document"}
                          for o in d.outcomes if o.verdict != "correct"]}
            for d in summary.documents
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


EVAL_FORMATS = {"text": render_text, "json": render_json}
