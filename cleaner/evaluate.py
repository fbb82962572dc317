"""Score the engine's fixes against annotated documents: per rule, per family and overall.

How edits are matched (the README's "Measured precision and recall" repeats this):

- The engine's *made* edits are its applied fixes, as logged: `(start, end, after)` in offsets
  of the input. Suggestions are never counted.
- With an expected change log, its fix records are the *expected* edits, and a made edit is
  *correct* when the same `(start, end, after)` is in that log (the rule code may differ; the
  text is what counts). Unmatched made edits are *wrong*, unmatched expected ones *missed*.
- With only an expected output, the expected edits come from a character diff of input and
  expected output (line diff first, then characters inside changed lines; pieces at most two
  characters apart with no space between them, as in `teh` -> `the`, are one edit). A diff can place an
  edit anywhere along a run of repeated characters (`. .` loses either space), so edits are
  compared by cluster: made and expected edits that overlap or touch form one cluster, and
  the cluster agrees when the input with its made edits equals the input with its expected
  edits over the cluster's region. Made edits in an agreeing cluster are correct, the others
  wrong; expected edits in a disagreeing cluster are missed. A diff edit is counted under the
  rule of the first made edit in its cluster, or under `(unattributed)` when the engine made
  none there (a plain miss).
- A log that does not replay onto the input to give the expected output is a broken
  annotation: the document is scored against the expected output instead, and the document
  says so in `notes`.

precision = correct / made, recall = (expected - missed) / expected (both 1.0 when the
denominator is 0), exact = documents whose cleaned text equals the expected output.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Iterable, Sequence

from .model import Change, Result
from .spans import apply_changes, line_column, line_starts

UNATTRIBUTED = "(unattributed)"
CONTEXT_CHARS = 30
MERGE_GAP = 2  # diff edits this close, with no space between them, are one edit


@dataclass(frozen=True)
class GoldEdit:
    """One edit in input offsets: `input[start:end]` becomes `after`; `rule` may be UNATTRIBUTED."""

    start: int
    end: int
    after: str
    rule: str = UNATTRIBUTED
    family: str = UNATTRIBUTED


@dataclass(frozen=True)
class Outcome:
    """A made edit judged `correct` or `wrong`, or an expected edit `missed`, with its context."""

    verdict: str
    document: str
    rule: str
    family: str
    start: int
    end: int
    before: str
    after: str
    line: int
    column: int
    context: str


@dataclass
class Tally:
    """Edit counts for one rule, one family, or everything."""

    expected: int = 0
    made: int = 0
    correct: int = 0
    missed: int = 0
    wrong: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.made if self.made else 1.0

    @property
    def recall(self) -> float:
        return (self.expected - self.missed) / self.expected if self.expected else 1.0

    def add(self, other: "Tally") -> None:
        for name in ("expected", "made", "correct", "missed", "wrong"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def to_dict(self) -> dict:
        return {"expected": self.expected, "made": self.made, "correct": self.correct, "missed": self.missed,
                "wrong": self.wrong, "precision": round(self.precision, 4), "recall": round(self.recall, 4)}


@dataclass
class DocumentScore:
    """How one document came out: its edit outcomes, whether the output matched, and how it was scored."""

    name: str
    source: str  # "log" or "diff"
    exact: bool
    outcomes: list[Outcome] = field(default_factory=list)
    by_rule: dict[str, Tally] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def expected(self) -> int:
        return sum(t.expected for t in self.by_rule.values())


@dataclass
class Summary:
    """Everything `mtclean eval` reports."""

    documents: list[DocumentScore]
    by_rule: dict[str, Tally]
    by_family: dict[str, Tally]
    overall: Tally

    @property
    def exact(self) -> int:
        return sum(d.exact for d in self.documents)

    @property
    def with_artifacts(self) -> int:
        return sum(1 for d in self.documents if d.expected)


def diff_edits(original: str, expected: str) -> list[GoldEdit]:
    """Edits turning `original` into `expected`: a line diff, then a character diff inside changed lines.

    >>> [(e.start, e.end, e.after) for e in diff_edits("a. . b\\nc", "a. b\\nc")]
    [(1, 3, '')]
    >>> [(e.start, e.end, e.after) for e in diff_edits("fell teh most", "fell the most")]
    [(6, 8, 'he')]
    """
    old_lines = original.splitlines(keepends=True)
    new_lines = expected.splitlines(keepends=True)
    old_starts = _offsets(old_lines)
    new_starts = _offsets(new_lines)
    edits: list[GoldEdit] = []
    lines = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in lines.get_opcodes():
        if tag == "equal":
            continue
        a0, a1 = old_starts[i1], old_starts[i2]
        b0, b1 = new_starts[j1], new_starts[j2]
        chars = difflib.SequenceMatcher(None, original[a0:a1], expected[b0:b1], autojunk=False)
        for ctag, c1, c2, d1, d2 in chars.get_opcodes():
            if ctag == "equal":
                continue
            start, end, after = a0 + c1, a0 + c2, expected[b0 + d1:b0 + d2]
            previous = edits[-1] if edits else None
            gap = original[previous.end:start] if previous else " "
            if previous and len(gap) <= MERGE_GAP and not gap.isspace() and not any(c.isspace() for c in gap):
                # pieces of one word ("teh" -> "the" diffs as an insertion and a deletion) are one edit
                edits[-1] = GoldEdit(previous.start, end, previous.after + gap + after)
            else:
                edits.append(GoldEdit(start, end, after))
    return edits


def _offsets(lines: Sequence[str]) -> list[int]:
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    return offsets


def _apply(text: str, start: int, end: int, edits: Iterable[GoldEdit]) -> str:
    """`text[start:end]` with the edits (all inside it, sorted, disjoint) applied."""
    pieces, cursor = [], start
    for edit in edits:
        pieces.append(text[cursor:edit.start])
        pieces.append(edit.after)
        cursor = edit.end
    pieces.append(text[cursor:end])
    return "".join(pieces)


def _touch(a: GoldEdit, b_start: int, b_end: int) -> bool:
    return a.start <= b_end and b_start <= a.end


def match_exact(made: Sequence[GoldEdit], expected: Sequence[GoldEdit]) -> tuple[set[int], set[int]]:
    """Indexes of made edits found in `expected` by (start, end, after), and of expected edits found."""
    keys = {(e.start, e.end, e.after): i for i, e in enumerate(expected)}
    made_ok, expected_ok = set(), set()
    for i, edit in enumerate(made):
        j = keys.get((edit.start, edit.end, edit.after))
        if j is not None:
            made_ok.add(i)
            expected_ok.add(j)
    return made_ok, expected_ok


def match_clusters(original: str, made: Sequence[GoldEdit],
                   expected: Sequence[GoldEdit]) -> tuple[set[int], set[int], list[GoldEdit]]:
    """Indexes of made and expected edits in clusters (overlapping or touching) that agree on the text.

    Also the expected edits attributed to the rule of the first made edit in their cluster.
    """
    items = sorted([(e.start, e.end, 0, i) for i, e in enumerate(made)] +
                   [(e.start, e.end, 1, i) for i, e in enumerate(expected)])
    made_ok, expected_ok = set(), set()
    attributed = list(expected)
    index = 0
    while index < len(items):
        start, end = items[index][0], items[index][1]
        group = [items[index]]
        index += 1
        while index < len(items) and items[index][0] <= end:
            group.append(items[index])
            end = max(end, items[index][1])
            index += 1
        mine = [made[i] for _, _, side, i in group if side == 0]
        gold = [expected[i] for _, _, side, i in group if side == 1]
        if mine:
            for _, _, side, i in group:
                if side == 1:
                    attributed[i] = replace(expected[i], rule=mine[0].rule, family=mine[0].family)
        if _apply(original, start, end, mine) == _apply(original, start, end, gold):
            made_ok.update(i for _, _, side, i in group if side == 0)
            expected_ok.update(i for _, _, side, i in group if side == 1)
    return made_ok, expected_ok, attributed


def context_of(original: str, start: int, end: int, after: str) -> str:
    """The edit in its surroundings, `…left[before→after]right…`, on one line.

    >>> context_of("We met. . Then left.", 6, 8, "")
    'We met[. →]. Then left.'
    """
    left = original[max(0, start - CONTEXT_CHARS):start]
    right = original[end:end + CONTEXT_CHARS]
    shown = f"{'…' if start > CONTEXT_CHARS else ''}{left}[{original[start:end]}→{after}]{right}" \
            f"{'…' if end + CONTEXT_CHARS < len(original) else ''}"
    return shown.replace("\r", "\\r").replace("\n", "\\n")


def score_document(name: str, original: str, expected_text: str, expected_log: Sequence[Change] | None,
                   result: Result) -> DocumentScore:
    """Score one document's result against its expected output and, when given, its expected log."""
    made = [GoldEdit(c.start, c.end, c.after, c.rule, c.family) for c in result.fixes]
    notes = [f"{p.rule}: {p.message}" for p in result.problems]
    source = "diff"
    if expected_log is not None:
        try:
            replayed = apply_changes(original, expected_log)
        except ValueError as error:
            replayed = None
            notes.append(f"expected log does not replay ({error}); scored against the expected output")
        if replayed is not None and replayed != expected_text:
            notes.append("expected log does not give the expected output; scored against the expected output")
        elif replayed is not None:
            source = "log"
    if source == "log":
        expected = [GoldEdit(c.start, c.end, c.after, c.rule, c.family) for c in expected_log if c.action == "fix"]
        made_ok, expected_ok = match_exact(made, expected)
    else:
        made_ok, expected_ok, expected = match_clusters(original, made, diff_edits(original, expected_text))
    score = DocumentScore(name, source, result.text == expected_text, notes=notes)
    for i, edit in enumerate(made):
        tally = score.by_rule.setdefault(edit.rule, Tally())
        tally.made += 1
        verdict = "correct" if i in made_ok else "wrong"
        if verdict == "correct":
            tally.correct += 1
        else:
            tally.wrong += 1
        score.outcomes.append(_outcome(verdict, name, original, edit))
    for j, edit in enumerate(expected):
        tally = score.by_rule.setdefault(edit.rule, Tally())
        tally.expected += 1
        if j not in expected_ok:
            tally.missed += 1
            score.outcomes.append(_outcome("missed", name, original, edit))
    score.outcomes.sort(key=lambda o: (o.start, o.end, o.verdict))
    return score


def _outcome(verdict: str, document: str, original: str, edit: GoldEdit) -> Outcome:
    line, column = line_column(line_starts(original), edit.start)
    return Outcome(verdict, document, edit.rule, edit.family, edit.start, edit.end, original[edit.start:edit.end],
                   edit.after, line, column, context_of(original, edit.start, edit.end, edit.after))


def summarise(documents: Sequence[DocumentScore], families: dict[str, str]) -> Summary:
    """Add the per-document tallies up by rule, by family (`families`: rule code -> family) and overall."""
    by_rule: dict[str, Tally] = defaultdict(Tally)
    by_family: dict[str, Tally] = defaultdict(Tally)
    overall = Tally()
    for document in documents:
        for rule, tally in document.by_rule.items():
            by_rule[rule].add(tally)
            by_family[families.get(rule, UNATTRIBUTED)].add(tally)
            overall.add(tally)
    return Summary(list(documents), dict(sorted(by_rule.items())), dict(sorted(by_family.items())), overall)
