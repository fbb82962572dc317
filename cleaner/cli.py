"""The command line: `mtclean check | fix | diff | rules`. A thin layer over `cleaner.clean`."""

from __future__ import annotations

import argparse
import enum
import os
import sys
from pathlib import Path
from typing import Sequence

from . import __version__, review, safety
from .batch.command import add_batch_parser, command_batch
from .config import Config, ConfigError, load_config
from .engine import Pipeline, clean
from .evaluate import score_document, summarise
from .io import (BinaryInputError, InputError, atomic_write, log_record, read_document, read_gold_dir, read_json,
                 read_log, write_log)
from .markup import TYPES, clean_document, document_type
from .project import Projects, describe
from .report import FORMATS, Finding
from .report import colordiff
from .report import diff as diff_report
from .report import html as html_report
from .report.evaluation import EVAL_FORMATS
from .ruleset import RuleError, default_rules, select_rules, unknown_selectors


class Exit(enum.IntEnum):
    CLEAN = 0
    FINDINGS = 1
    ERROR = 2


def _selectors(values: Sequence[str] | None) -> tuple[str, ...] | None:
    if not values:
        return None
    return tuple(s.strip() for value in values for s in value.split(",") if s.strip())


REVIEW_HELP = {
    "apply": "apply exactly the accepted changes of a log (every fix without --decisions) to the originals",
    "revert": "rebuild the originals byte for byte from cleaned files and their log",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mtclean", description="Clean machine-translated text.")
    parser.add_argument("--version", action="version", version=f"mtclean {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to read; - for stdin")
        sub.add_argument("--select", action="append", help="rule codes, names or family prefixes to run")
        sub.add_argument("--ignore", action="append", help="rule codes, names or family prefixes to skip")
        sub.add_argument("--config", help="a mtclean.toml or pyproject.toml to use")
        sub.add_argument("--log", help="write the change log (JSON Lines) to this file")
        sub.add_argument("--type", choices=TYPES, help="read every input as this type (default: by extension)")
        sub.add_argument("--warn-unused-suppressions", action="store_true",
                         help="warn about mtclean: disable comments that silenced nothing")
        sub.add_argument("--follow-symlinks", action="store_true",
                         help="read (and fix) files through symlinks that lead outside the current directory")

    check = commands.add_parser("check", help="report findings; never writes; exit 1 when a fix is pending")
    common(check)
    check.add_argument("--format", choices=sorted(FORMATS), default="text")
    fix = commands.add_parser("fix", help="rewrite files in place (atomically); - reads stdin, writes stdout")
    common(fix)
    diff = commands.add_parser("diff", help="print a unified diff of the fixes; exit 1 when not empty")
    common(diff)
    diff.add_argument("--color", "--colour", dest="color", action="store_const", const="always", default="auto",
                      help="colour edits by rule family (default: only on a terminal, unless NO_COLOR is set)")
    diff.add_argument("--no-color", "--no-colour", dest="color", action="store_const", const="never",
                      help="never colour")
    report = commands.add_parser("report", help="write a self-contained HTML page to review every change")
    common(report)
    report.add_argument("-o", "--output", required=True, help="the HTML file to write; - for stdout")
    for name, what in (("apply", "ORIGINAL"), ("revert", "CLEANED")):
        sub = commands.add_parser(name, help=REVIEW_HELP[name])
        sub.add_argument("documents", nargs="+", metavar=what, help="files to read; - for stdin")
        sub.add_argument("--log", required=True, help="the change log the documents were cleaned with")
        sub.add_argument("--decisions", help="accepted change ids (exported by the HTML report)")
        sub.add_argument("-o", "--output", help="write here (one document; - for stdout) instead of in place")
    rules = commands.add_parser("rules", help="list the rules, or show one with its examples")
    rules.add_argument("rule", nargs="?", help="a rule code or name")
    show = commands.add_parser("config", help="print the configuration that applies to a file or folder")
    show.add_argument("path", nargs="?", default=".", help="a file or folder (default: the current folder)")
    show.add_argument("--config", help="a mtclean.toml or pyproject.toml to use instead of the one found")
    evaluation = commands.add_parser("eval", help="score the fixes against annotated documents (NAME/input.txt, "
                                                  "expected.txt, optional expected_changes.jsonl)")
    evaluation.add_argument("gold", metavar="GOLD_DIR")
    evaluation.add_argument("--format", choices=sorted(EVAL_FORMATS), default="text")
    evaluation.add_argument("--config", help="a mtclean.toml or pyproject.toml to use")
    evaluation.add_argument("--ignore-logs", action="store_true",
                            help="score against expected.txt alone (character diff), not the expected logs")
    add_batch_parser(commands)
    return parser


def make_config(args: argparse.Namespace) -> Config:
    """The file configuration overridden by command-line flags."""
    config = load_config(args.config) if args.config else Config()
    select, ignore = _selectors(args.select), _selectors(args.ignore)
    unknown = unknown_selectors(default_rules(), (select or ()) + (ignore or ()))
    if unknown:
        raise ConfigError(f"unknown rule selector '{unknown[0]}'")
    return config.with_flags(select=select, ignore=ignore)


def run_documents(args: argparse.Namespace, config: Config) -> tuple[list[Finding], int]:
    """Clean every path, walking folders; each file gets the configuration found above it (or
    `--config`) with the flags on top. An unreadable file is reported on stderr and the rest go on;
    a binary file met in a folder walk is skipped with a notice."""
    projects = Projects(args.config, {"select": _selectors(args.select), "ignore": _selectors(args.ignore)})
    findings = []
    errors = 0
    for path, walked in projects.inputs(args.paths):
        try:
            document = read_document(path, follow_symlinks=args.follow_symlinks)
        except BinaryInputError as error:
            print(f"mtclean: {'notice' if walked else 'error'}: {error}", file=sys.stderr)
            errors += not walked
            continue
        except InputError as error:
            print(f"mtclean: error: {error}", file=sys.stderr)
            errors += 1
            continue
        pipeline = projects.pipeline_for(Path(path))
        cleaned = clean_document(document.text, document_type(path, args.type), pipeline=pipeline)
        result = cleaned.result
        if args.warn_unused_suppressions:
            for unused in cleaned.unused:
                print(f"{path}:{unused.line}:{unused.column}: warning: unused suppression {unused.text}",
                      file=sys.stderr)
        for problem in result.problems:
            print(f"mtclean: {problem.severity}: {path}: {problem.message}", file=sys.stderr)
        errors += safety.failed(result)
        findings.append(Finding(document.name, result))
    return findings, errors


def _write_log(path: str | None, findings: list[Finding]) -> None:
    if path:
        try:
            with open(path, "w", encoding="utf-8") as handle:
                write_log(handle, (log_record(f.name, f.result) for f in findings))
        except OSError as error:
            raise InputError(f"{path}: cannot write the change log: {error.strerror}") from None


def command_check(args, config) -> int:
    findings, errors = run_documents(args, config)
    sys.stdout.write(FORMATS[args.format](findings))
    _write_log(args.log, findings)
    pending = any(f.result.fixes for f in findings)
    return Exit.ERROR if errors else Exit.FINDINGS if pending else Exit.CLEAN


def command_fix(args, config) -> int:
    findings, errors = run_documents(args, config)
    for finding in findings:
        if finding.name == "-":
            sys.stdout.write(finding.result.text)
        elif finding.result.changed:
            try:
                atomic_write(finding.name, finding.result.text, expected=finding.result.original)
            except InputError as error:
                print(f"mtclean: error: {error}", file=sys.stderr)
                errors += 1
            except OSError as error:  # a read-only file or folder, a full disk: say so, go on
                print(f"mtclean: error: {finding.name}: cannot write: {error.strerror}", file=sys.stderr)
                errors += 1
    _write_log(args.log, findings)
    return Exit.ERROR if errors else Exit.CLEAN


def command_diff(args, config) -> int:
    findings, errors = run_documents(args, config)
    output = (colordiff if wants_colour(args.color) else diff_report).render(findings)
    sys.stdout.write(output)
    _write_log(args.log, findings)
    return Exit.ERROR if errors else Exit.FINDINGS if output else Exit.CLEAN


def command_report(args, config) -> int:
    findings, errors = run_documents(args, config)
    page = html_report.render(findings)
    if args.output == "-":
        sys.stdout.write(page)
    else:
        atomic_write(args.output, page)
    _write_log(args.log, findings)
    return Exit.ERROR if errors else Exit.CLEAN


def command_review(args, config) -> int:
    """`apply` and `revert`: all documents are checked first; nothing is written if one fails."""
    if args.output and len(args.documents) > 1:
        print("mtclean: error: -o takes a single document", file=sys.stderr)
        return Exit.ERROR
    records = read_log(args.log)
    decisions = review.parse_decisions(read_json(args.decisions)) if args.decisions else None
    step = review.apply_decisions if args.command == "apply" else review.revert_decisions
    outputs = []
    for name in args.documents:
        record = review.record_for(name, records, single=len(args.documents) == 1)
        changes = review.changes_from_record(record)
        accepted = decisions.accepted_for(review.record_name(record), changes) if decisions else None
        outputs.append((name, step(name, read_document(name).text, changes, accepted)))
    for name, text in outputs:
        target = args.output or name
        if target == "-":
            sys.stdout.write(text)
        else:
            atomic_write(target, text)
    return Exit.CLEAN


def wants_colour(choice: str) -> bool:
    """`always`, `never`, or `auto`: colour only a terminal, and never when NO_COLOR is set."""
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def command_rules(args, config) -> int:
    rules = default_rules()
    if not args.rule:
        for rule in rules:
            print(f"{rule.code}  {rule.action:<7}  {rule.name:<40} {rule.message}")
        return Exit.CLEAN
    chosen = select_rules(rules, (args.rule,))
    if not chosen:
        print(f"mtclean: error: no rule '{args.rule}'", file=sys.stderr)
        return Exit.ERROR
    for rule in chosen:
        print(describe_rule(rule))
    return Exit.CLEAN


def describe_rule(rule) -> str:
    """A rule with its examples, as `mtclean rules CODE` shows it."""
    lines = [f"{rule.code} {rule.name} ({rule.kind}, {rule.action})", f"  {rule.message}"]
    if rule.description:
        lines.append(f"  {rule.description}")
    lines.append("  changes:")
    for example in rule.changes:
        target = example.expected if example.expected is not None else f"flags {example.flagged!r}"
        lines.append(f"    {example.text!r}\n      -> {target!r}")
    lines.append("  leaves alone:")
    lines.extend(f"    {example.text!r}" for example in rule.keeps)
    return "\n".join(lines)


def command_eval(args, config) -> int:
    """Exit 0 when every document came out exactly as expected, 1 otherwise."""
    config = load_config(args.config) if args.config else config
    pipeline = Pipeline.from_config(config)
    scores = [score_document(d.name, d.text, d.expected, None if args.ignore_logs else d.log,
                             clean(d.text, pipeline=pipeline))
              for d in read_gold_dir(args.gold)]
    summary = summarise(scores, {rule.code: rule.family for rule in default_rules()})
    sys.stdout.write(EVAL_FORMATS[args.format](summary, args.gold))
    return Exit.CLEAN if summary.exact == len(scores) else Exit.FINDINGS


def command_config(args, config) -> int:
    sys.stdout.write(describe(Projects(args.config), Path(args.path)))
    return Exit.CLEAN


COMMANDS = {"check": command_check, "fix": command_fix, "diff": command_diff, "rules": command_rules,
            "apply": command_review, "revert": command_review, "report": command_report, "config": command_config, "eval": command_eval,
            "batch": command_batch}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return Exit.ERROR if exit_.code else Exit.CLEAN
    try:
        config = make_config(args) if hasattr(args, "paths") else Config()
        return int(COMMANDS[args.command](args, config))
    except (ConfigError, RuleError, InputError, review.ReviewError) as error:
        print(f"mtclean: error: {error}", file=sys.stderr)
        return Exit.ERROR
    except BrokenPipeError:
        return Exit.CLEAN


if __name__ == "__main__":
    sys.exit(main())
