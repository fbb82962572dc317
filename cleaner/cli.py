"""The command line: `mtclean check | fix | diff | rules`. A thin layer over `cleaner.clean`."""

from __future__ import annotations

import argparse
import enum
import sys
from typing import Sequence

from . import __version__
from .batch.command import add_batch_parser, command_batch
from .config import Config, ConfigError, load_config
from .engine import Pipeline, clean
from .io import InputError, atomic_write, log_record, read_document, write_log
from .report import FORMATS, Finding
from .report import diff as diff_report
from .ruleset import RuleError, default_rules, select_rules, unknown_selectors


class Exit(enum.IntEnum):
    CLEAN = 0
    FINDINGS = 1
    ERROR = 2


def _selectors(values: Sequence[str] | None) -> tuple[str, ...] | None:
    if not values:
        return None
    return tuple(s.strip() for value in values for s in value.split(",") if s.strip())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mtclean", description="Clean machine-translated text.")
    parser.add_argument("--version", action="version", version=f"mtclean {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("paths", nargs="+", metavar="PATH", help="files to read; - for stdin")
        sub.add_argument("--select", action="append", help="rule codes, names or family prefixes to run")
        sub.add_argument("--ignore", action="append", help="rule codes, names or family prefixes to skip")
        sub.add_argument("--config", help="a mtclean.toml or pyproject.toml to use")
        sub.add_argument("--log", help="write the change log (JSON Lines) to this file")

    check = commands.add_parser("check", help="report findings; never writes; exit 1 when a fix is pending")
    common(check)
    check.add_argument("--format", choices=sorted(FORMATS), default="text")
    fix = commands.add_parser("fix", help="rewrite files in place (atomically); - reads stdin, writes stdout")
    common(fix)
    diff = commands.add_parser("diff", help="print a unified diff of the fixes; exit 1 when not empty")
    common(diff)
    rules = commands.add_parser("rules", help="list the rules, or show one with its examples")
    rules.add_argument("rule", nargs="?", help="a rule code or name")
    add_batch_parser(commands)
    return parser


def make_config(args: argparse.Namespace) -> Config:
    """The file configuration overridden by command-line flags."""
    config = load_config(args.config) if args.config else Config()
    select, ignore = _selectors(args.select), _selectors(args.ignore)
    unknown = unknown_selectors(default_rules(), (select or ()) + (ignore or ()))
    if unknown:
        raise ConfigError(f"unknown rule selector '{unknown[0]}'")
    return config.with_overrides(select=select, ignore=ignore)


def run_documents(args: argparse.Namespace, config: Config) -> tuple[list[Finding], int]:
    """Clean every path; an unreadable one is reported on stderr and the rest go on."""
    pipeline = Pipeline.from_config(config)
    findings = []
    errors = 0
    for path in args.paths:
        try:
            document = read_document(path)
        except InputError as error:
            print(f"mtclean: error: {error}", file=sys.stderr)
            errors += 1
            continue
        result = clean(document.text, pipeline=pipeline)
        for problem in result.problems:
            print(f"mtclean: warning: {path}: {problem.message}", file=sys.stderr)
        findings.append(Finding(document.name, result))
    return findings, errors


def _write_log(path: str | None, findings: list[Finding]) -> None:
    if path:
        with open(path, "w", encoding="utf-8") as handle:
            write_log(handle, (log_record(f.name, f.result) for f in findings))


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
            atomic_write(finding.name, finding.result.text)
    _write_log(args.log, findings)
    return Exit.ERROR if errors else Exit.CLEAN


def command_diff(args, config) -> int:
    findings, errors = run_documents(args, config)
    output = diff_report.render(findings)
    sys.stdout.write(output)
    _write_log(args.log, findings)
    return Exit.ERROR if errors else Exit.FINDINGS if output else Exit.CLEAN


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


COMMANDS = {"check": command_check, "fix": command_fix, "diff": command_diff, "rules": command_rules,
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
    except (ConfigError, RuleError, InputError) as error:
        print(f"mtclean: error: {error}", file=sys.stderr)
        return Exit.ERROR
    except BrokenPipeError:
        return Exit.CLEAN


if __name__ == "__main__":
    sys.exit(main())
