"""Run the rule stages in order and turn their edits into an exact change log on the original text."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterator, Sequence

from . import safety
from .config import Config
from .model import Change, Edit, Problem, Result, Rule
from .protect import protected_spans
from .ruleset import default_rules, matches, select_rules
from .spans import Span, apply_spans, compose, line_column, line_starts, map_to_original
from .stages import KINDS, LOCAL_KINDS, Context

MAX_PASSES = 3


@dataclass(frozen=True)
class Pipeline:
    """The rules a run uses, in order, with the config's action overrides applied."""

    rules: tuple[Rule, ...]
    config: Config

    @classmethod
    def from_config(cls, config: Config | None = None, rules: Sequence[Rule] | None = None) -> "Pipeline":
        config = config or Config()
        chosen = select_rules(default_rules() if rules is None else rules, config.select, config.ignore)
        adjusted = []
        for rule in chosen:
            if any(matches(rule, s) for s in config.fix):
                rule = replace(rule, action="fix")
            elif any(matches(rule, s) for s in config.suggest):
                rule = replace(rule, action="suggest")
            overrides = config.rules.get(rule.code) or config.rules.get(rule.name)
            if overrides:
                rule = replace(rule, params={**rule.params, **overrides})
            adjusted.append(rule)
        return cls(tuple(adjusted), config)


def _run_pass(
    original: str,
    spans: list[Span],
    pipeline: Pipeline,
    context: Context,
    protected: Sequence[tuple[int, int]],
    problems: list[Problem],
) -> tuple[list[Span], list[tuple[int, int, Edit]]]:
    """One pass of every stage on the whole text; returns the fixes and the suggestions (mapped to the original)."""
    current = apply_spans(original, spans)
    suggestions: list[tuple[int, int, Edit]] = []
    for rule in pipeline.rules:
        try:
            edits = list(KINDS[rule.kind].find(current, rule, context))
        except TimeoutError:
            problems.append(Problem(rule.code, f"{rule.code} timed out after {context.timeout}s and was skipped"))
            continue
        fixes, found = _sort_edits(edits, rule, spans, protected)
        suggestions += found
        if fixes:
            spans = compose(original, spans, current, fixes, protected)
            current = apply_spans(original, spans)
    return spans, suggestions


def _find_in_windows(current: str, rule: Rule, context: Context,
                     windows: Sequence[tuple[int, int]]) -> Iterator[Edit]:
    """A line-local rule's edits that start inside the windows, each window given one character
    of context either side (the line breaks its look-arounds may see)."""
    for start, end in windows:
        left = max(0, start - 1)
        for edit in KINDS[rule.kind].find(current[left:end + 1], rule, context):
            if start <= edit.start + left < end:
                yield replace(edit, start=edit.start + left, end=edit.end + left)


def _windows(current: str, spans: Sequence[Span]) -> list[tuple[int, int]]:
    """The lines each fix touched in the current text, with one whole line either side, merged."""
    windows: list[tuple[int, int]] = []
    delta = 0
    for span in spans:
        p = span.start + delta
        q = p + len(span.after)
        delta += len(span.after) - (span.end - span.start)
        before = current.rfind("\n", 0, p)
        if before >= 0:
            before = current.rfind("\n", 0, before)
        after = current.find("\n", q)
        if after >= 0:
            after = current.find("\n", after + 1)
        start, end = before + 1, (len(current) if after < 0 else after + 1)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _outside(found: Sequence[tuple[int, int, Edit]], spans: Sequence[Span],
             windows: Sequence[tuple[int, int]]) -> list[tuple[int, int, Edit]]:
    """A rule's earlier suggestions on lines no fix came near: looking again would find them again."""
    kept = []
    for start, end, edit in found:
        shift = sum(len(s.after) - (s.end - s.start) for s in spans if s.end <= start)
        c0, c1 = start + shift, end + shift
        if not any(w0 <= c1 and c0 < w1 for w0, w1 in windows):
            kept.append((start, end, edit))
    return kept


def _covers(spans: Sequence[Span], earlier: Sequence[Span]) -> bool:
    """Whether every earlier fix lies inside some fix now: then the text has changed only where
    fixes are (an edit that undid a fix would change text no window looks at)."""
    return all(any(s.start <= e.start and e.end <= s.end for s in spans) for e in earlier)


def _sort_edits(edits: Sequence[Edit], rule: Rule, spans: Sequence[Span],
                protected: Sequence[tuple[int, int]]) -> tuple[list[Edit], list[tuple[int, int, Edit]]]:
    """A rule's edits split into fixes and suggestions; a suggestion is mapped to the original and
    dropped when it touches text a fix produced or a protected span."""
    fixes, suggestions = [], []
    for edit in edits:
        if (edit.action or rule.action) == "fix":
            fixes.append(edit)
            continue
        mapped = map_to_original(spans, edit.start, edit.end)
        if mapped is not None and not _touches(mapped, protected):
            suggestions.append((mapped[0], mapped[1], edit))
    return fixes, suggestions


def _touches(region: tuple[int, int], protected: Sequence[tuple[int, int]]) -> bool:
    start, end = region
    return any(p0 < end and start < p1 or (start == end and p0 < start < p1) for p0, p1 in protected)


def clean(text: str, config: Config | None = None, *, pipeline: Pipeline | None = None,
          title: str | None = None, protected: Sequence[tuple[int, int]] | None = None,
          localised: bool = True) -> Result:
    """Clean one document: the cleaned text and every change, in offsets of `text`.

    Passes repeat until one changes nothing (at most three); suggestions come from that last
    pass, so checking the cleaned text reports exactly the suggestions logged here.
    `localised=False` reruns every rule on the whole text in every pass (tests compare the two).

    >>> clean("Prices rose. . We agree.").text
    'Prices rose. We agree.'
    """
    pipeline = pipeline or Pipeline.from_config(config)
    context = Context(config=pipeline.config, title=title)
    protected = sorted(protected_spans(text) if protected is None else protected)
    problems: list[Problem] = []
    if localised:
        settled, spans, suggestions = _settle(text, pipeline, context, protected, problems)
    else:
        settled, spans, suggestions = _settle_in_full_passes(text, pipeline, context, protected, problems)
    if not settled:
        problems.append(Problem("engine", "cleaning did not settle after three passes; document left as it was",
                                "error"))
        return Result(text, text, (), tuple(problems))
    result = Result(text, apply_spans(text, spans), _changes(text, spans, suggestions), tuple(problems))
    return safety.verify(result, protected)


Found = list[tuple[int, int, Edit]]


def _settle_in_full_passes(text: str, pipeline: Pipeline, context: Context, protected: Sequence[tuple[int, int]],
                           problems: list[Problem]) -> tuple[bool, list[Span], Found]:
    """Every rule on the whole text, pass after pass, until a pass fixes nothing: the reference."""
    spans: list[Span] = []
    for _ in range(MAX_PASSES):
        new_spans, suggestions = _run_pass(text, spans, pipeline, context, protected, problems)
        if new_spans == spans:
            return True, spans, suggestions
        spans = new_spans
    return False, spans, []


def _settle(text: str, pipeline: Pipeline, context: Context, protected: Sequence[tuple[int, int]],
            problems: list[Problem]) -> tuple[bool, list[Span], Found]:
    """The same result as full passes, with less work.

    A rule looks again only if the text changed since it last looked (so after the last rule
    that fixed something, nothing reruns), and a line-local rule looks again only near the fixes.
    """
    rules = pipeline.rules
    spans: list[Span] = []
    version = 0  # counts the changes to the text
    seen = [-1] * len(rules)  # the version each rule last looked at
    found: list[Found] = [[] for _ in rules]  # each rule's suggestions at that version
    localisable = True
    current, windows = text, None
    for _ in range(MAX_PASSES):
        changed = False
        for index, rule in enumerate(rules):
            if seen[index] == version:
                continue
            local = localisable and seen[index] >= 0 and rule.kind in LOCAL_KINDS
            if local and windows is None:
                windows = _windows(current, spans)
            try:
                if local:
                    edits = list(_find_in_windows(current, rule, context, windows))
                else:
                    edits = list(KINDS[rule.kind].find(current, rule, context))
            except TimeoutError:
                problems.append(Problem(rule.code, f"{rule.code} timed out after {context.timeout}s and was skipped"))
                seen[index], found[index] = version, []
                continue
            fixes, suggestions = _sort_edits(edits, rule, spans, protected)
            if local:
                suggestions = _outside(found[index], spans, windows) + suggestions
            seen[index], found[index] = version, suggestions
            if fixes:
                new_spans = compose(text, spans, current, fixes, protected)
                if new_spans != spans:
                    localisable = localisable and _covers(new_spans, spans)
                    spans, version, changed = new_spans, version + 1, True
                    current, windows = apply_spans(text, spans), None
        if not changed:
            return True, spans, [item for items in found for item in items]
    return False, spans, []


def _changes(original: str, spans: Sequence[Span], suggestions: Sequence[tuple[int, int, Edit]]) -> tuple[Change, ...]:
    starts = line_starts(original)
    records = []
    for span in spans:
        line, column = line_column(starts, span.start)
        records.append(Change(span.rule.code, span.rule.name, "fix", span.start, span.end, line, column,
                              original[span.start:span.end], span.after, span.message))
    for start, end, edit in suggestions:
        line, column = line_column(starts, start)
        records.append(Change(edit.rule.code, edit.rule.name, "suggest", start, end, line, column,
                              original[start:end], edit.replacement, edit.message or edit.rule.message))
    records.sort(key=lambda c: (c.start, c.end, c.action, c.rule))
    return tuple(records)
