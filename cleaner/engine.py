"""Run the rule stages in order and turn their edits into an exact change log on the original text."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Sequence

from . import safety
from .config import Config
from .model import Change, Edit, Problem, Result, Rule
from .protect import protected_spans
from .ruleset import default_rules, select_rules
from .spans import Span, apply_spans, compose, line_column, line_starts, map_to_original
from .stages import KINDS, Context

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
            from .ruleset import matches

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
    """One pass of every stage; returns the new fixes and the suggestions (mapped to the original)."""
    current = apply_spans(original, spans)
    suggestions: list[tuple[int, int, Edit]] = []
    for rule in pipeline.rules:
        try:
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
    return spans, suggestions


def _touches(region: tuple[int, int], protected: Sequence[tuple[int, int]]) -> bool:
    start, end = region
    return any(p0 < end and start < p1 or (start == end and p0 < start < p1) for p0, p1 in protected)


def clean(text: str, config: Config | None = None, *, pipeline: Pipeline | None = None,
          title: str | None = None, protected: Sequence[tuple[int, int]] | None = None) -> Result:
    """Clean one document: the cleaned text and every change, in offsets of `text`.

    Passes repeat until one changes nothing (at most three); suggestions come from that last
    pass, so checking the cleaned text reports exactly the suggestions logged here.

    >>> clean("Prices rose. . We agree.").text
    'Prices rose. We agree.'
    """
    pipeline = pipeline or Pipeline.from_config(config)
    context = Context(config=pipeline.config, title=title)
    protected = sorted(protected_spans(text) if protected is None else protected)
    problems: list[Problem] = []
    spans: list[Span] = []
    suggestions: list[tuple[int, int, Edit]] = []
    for _ in range(MAX_PASSES):
        new_spans, suggestions = _run_pass(text, spans, pipeline, context, protected, problems)
        if new_spans == spans:
            break
        spans = new_spans
    else:
        problems.append(Problem("engine", "cleaning did not settle after three passes; document left as it was",
                                "error"))
        return Result(text, text, (), tuple(problems))
    result = Result(text, apply_spans(text, spans), _changes(text, spans, suggestions), tuple(problems))
    return safety.verify(result, protected)


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
