"""Run the rule stages in order and turn their edits into an exact change log on the original text."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterator, Sequence

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
    windows: Sequence[tuple[int, int]] | None = None,
) -> tuple[list[Span], list[tuple[int, int, Edit]]]:
    """One pass of every stage; returns the new fixes and the suggestions (mapped to the original).

    With `windows`, line-local rules look only inside those regions of the current text, until
    some rule fixes something (the windows would be stale then) and the rest run on everything.
    """
    current = apply_spans(original, spans)
    suggestions: list[tuple[int, int, Edit]] = []
    for rule in pipeline.rules:
        try:
            if windows is not None and rule.kind in LOCAL_KINDS:
                edits = list(_find_in_windows(current, rule, context, windows))
            else:
                edits = list(KINDS[rule.kind].find(current, rule, context))
        except TimeoutError:
            problems.append(Problem(rule.code, f"{rule.code} timed out after {context.timeout}s and was skipped"))
            continue
        fixes = []
        for edit in edits:
            action = edit.action or rule.action
            if action == "fix":
                fixes.append(edit)
                continue
            mapped = map_to_original(spans, edit.start, edit.end)
            if mapped is not None and not _touches(mapped, protected):
                suggestions.append((mapped[0], mapped[1], edit))
        if fixes:
            spans = compose(original, spans, current, fixes, protected)
            current = apply_spans(original, spans)
            windows = None
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


def _still_valid(suggestions: Sequence[tuple[int, int, Edit]], spans: Sequence[Span],
                 windows: Sequence[tuple[int, int]]) -> list[tuple[int, int, Edit]]:
    """Line-local suggestions of an earlier pass on lines no fix came near: a new pass would
    find them again, unchanged."""
    kept = []
    for start, end, edit in suggestions:
        if edit.rule.kind not in LOCAL_KINDS:
            continue
        shift = sum(len(s.after) - (s.end - s.start) for s in spans if s.end <= start)
        c0, c1 = start + shift, end + shift
        if not any(w0 <= c1 and c0 < w1 for w0, w1 in windows):
            kept.append((start, end, edit))
    return kept


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
    spans: list[Span] = []
    suggestions: list[tuple[int, int, Edit]] = []
    windows: list[tuple[int, int]] | None = None
    for _ in range(MAX_PASSES):
        earlier = suggestions
        new_spans, suggestions = _run_pass(text, spans, pipeline, context, protected, problems, windows)
        if new_spans == spans:
            if windows is not None:
                suggestions += _still_valid(earlier, spans, windows)
            break
        # After the first pass, line-local rules look again only near the fixes (see _windows);
        # a pass that still finds fixes is followed by full passes.
        windows = _windows(apply_spans(text, new_spans), new_spans) if not spans and localised else None
        spans = new_spans
    else:
        problems.append(Problem("engine", "cleaning did not settle after three passes; document left as it was"))
        return Result(text, text, (), tuple(problems))
    return Result(text, apply_spans(text, spans), _changes(text, spans, suggestions), tuple(problems))


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
