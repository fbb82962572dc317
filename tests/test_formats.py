"""Output formats: every `check --format` choice and `diff --color`, over the fixtures."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from cleaner import clean
from cleaner.cli import main
from cleaner.report import FORMATS, Finding, colordiff
from cleaner.report import diff as diff_report
from cleaner.report import github, sarif
from cleaner.spans import line_column, line_starts
from tests.conftest import ROOT, SEED, fixture_dirs, read

SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
FIXTURES = fixture_dirs()


@pytest.fixture(scope="module")
def findings():
    """Every fixture, cleaned once, named by its path relative to the checkout."""
    return [Finding(str((d / "input.txt").relative_to(ROOT)), clean(read(d / "input.txt"))) for d in FIXTURES]


def test_formats_are_registered_by_name():
    assert set(FORMATS) == {"text", "json", "jsonl", "github", "sarif"}


def test_sarif_of_every_fixture_validates_against_the_sarif_2_1_0_schema(findings):
    log = json.loads(sarif.render(findings))
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    validator = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    run = log["runs"][0]
    assert sum(len(f.result.changes) for f in findings) == len(run["results"]) > 300
    for finding in findings[:1]:
        one = json.loads(sarif.render([finding]))
        assert not list(validator.iter_errors(one))


def test_sarif_results_carry_rule_region_level_and_fix(findings):
    log = json.loads(sarif.render(findings))
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert all({"id", "name", "shortDescription"} <= set(rule) for rule in rules)
    results = iter(run["results"])
    for finding in findings:
        original = finding.result.original
        for change in finding.result.changes:
            result = next(results)
            assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == change.rule
            assert result["level"] == ("warning" if change.action == "fix" else "note")
            location = result["locations"][0]["physicalLocation"]
            assert location["artifactLocation"]["uri"] == finding.name
            region = location["region"]
            starts = line_starts(original)
            assert (region["startLine"], region["startColumn"]) == line_column(starts, change.start)
            assert (region["endLine"], region["endColumn"]) == line_column(starts, change.end)
            assert original[region["charOffset"]:region["charOffset"] + region["charLength"]] == change.before
            replacement = result["fixes"][0]["artifactChanges"][0]["replacements"][0]
            assert replacement["insertedContent"]["text"] == change.after
            assert result["partialFingerprints"][sarif.FINGERPRINT] == change.id


def test_github_annotations_one_per_change_with_positions(findings):
    out = github.render(findings)
    lines = out.splitlines()
    changes = [(f, c) for f in findings for c in f.result.changes]
    assert len(lines) == len(changes)
    for line, (finding, change) in zip(lines, changes):
        level = "warning" if change.action == "fix" else "notice"
        assert line.startswith(f"::{level} file={finding.name},line={change.line},col={change.column},")
        assert f",title={change.rule} " in line
        properties, message = line[2:].split("::", 1)
        assert "\n" not in message and message.startswith(github.escape_data(change.message)[:20])


def test_json_and_jsonl_carry_the_change_log_fields_and_ids(findings):
    records = json.loads(FORMATS["json"](findings))
    assert [r["path"] for r in records] == [f.name for f in findings]
    assert records[0]["schema"] == "mtclean.changelog/2"
    lines = [json.loads(line) for line in FORMATS["jsonl"](findings).splitlines()]
    flat = [c for r in records for c in r["changes"]]
    assert [{k: v for k, v in line.items() if k != "path"} for line in lines] == flat
    assert all(c["id"].startswith(c["rule"] + "-") for c in flat)


def test_check_formats_through_the_command_line(capsys):
    for name in FORMATS:
        assert main(["check", "--format", name, str(SEED)]) == 1
        out = capsys.readouterr().out
        assert out.strip()
        if name in ("json", "sarif"):
            json.loads(out)


def test_coloured_diff_is_the_plain_diff_plus_colour_by_family(findings):
    for finding in findings:
        coloured = colordiff.render([finding])
        assert colordiff.strip_ansi(coloured) == diff_report.render([finding])
    seed = next(f for f in findings if "000_seed" in f.name)
    coloured = colordiff.render([seed])
    for change in seed.result.fixes:
        colour = colordiff.FAMILY_COLOURS[change.family]
        assert f"\x1b[7;{colour}m{change.before.splitlines()[0]}" in coloured


def test_diff_colours_only_when_asked(capsys):
    assert main(["diff", str(SEED)]) == 1
    assert "\x1b[" not in capsys.readouterr().out  # captured stdout is no terminal
    assert main(["diff", "--color", str(SEED)]) == 1
    coloured = capsys.readouterr().out
    assert "\x1b[7;33m. .\x1b[0m" in coloured
    assert main(["diff", "--no-color", str(SEED)]) == 1
    assert "\x1b[" not in capsys.readouterr().out


def test_installed_command_prints_sarif():
    out = subprocess.run([sys.executable, "-m", "cleaner", "check", "--format", "sarif", str(SEED)],
                         capture_output=True, text=True, check=False)
    assert out.returncode == 1
    assert json.loads(out.stdout)["version"] == "2.1.0"


def test_diff_colours_a_terminal_by_default_unless_no_color_is_set():
    import os
    import pty

    for no_color, expect in (("", True), ("1", False)):
        leader, follower = pty.openpty()
        env = {**os.environ, "NO_COLOR": no_color}
        process = subprocess.run([sys.executable, "-m", "cleaner", "diff", str(SEED)], stdout=follower,
                                 stderr=subprocess.PIPE, env=env, check=False)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(leader)
        assert process.returncode == 1
        assert (b"\x1b[7;33m" in b"".join(chunks)) is expect
