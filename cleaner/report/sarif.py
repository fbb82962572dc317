"""`--format sarif`: a SARIF 2.1.0 log for code-scanning services, one run with every rule.

Columns count Unicode code points (`columnKind`), as the change log does. Fixes are `warning`
results and suggestions `note` results; both carry their replacement as a SARIF `fix` unless the
rule only flags, and the change id as a partial fingerprint so a finding keeps its identity.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import quote

from .. import __version__
from ..ruleset import default_rules
from ..spans import line_column, line_starts

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"fix": "warning", "suggest": "note"}
FINGERPRINT = "mtclean/changeId/v1"


def artifact_uri(name: str) -> str:
    """A relative path as a URI reference; stdin as `stdin`.

    >>> artifact_uri("news/a b.txt"), artifact_uri("-")
    ('news/a%20b.txt', 'stdin')
    """
    if name == "-":
        return "stdin"
    if PureWindowsPath(name).drive:
        return PureWindowsPath(name).as_uri()
    path = PurePosixPath(name)
    return path.as_uri() if path.is_absolute() else quote(str(path))


def rule_descriptor(rule) -> dict:
    descriptor = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.message},
        "defaultConfiguration": {"level": LEVELS[rule.action]},
        "properties": {"tags": [rule.family], "action": rule.action},
    }
    if rule.description:
        descriptor["fullDescription"] = {"text": rule.description}
    return descriptor


def region(change, starts) -> dict:
    """Start and (exclusive) end of the original slice; an insertion is an empty region."""
    end_line, end_column = line_column(starts, change.end)
    return {
        "startLine": change.line,
        "startColumn": change.column,
        "endLine": end_line,
        "endColumn": end_column,
        "charOffset": change.start,
        "charLength": change.end - change.start,
    }


def result_record(uri: str, change, starts, rule_index: int) -> dict:
    location = {"artifactLocation": {"uri": uri}, "region": region(change, starts)}
    result = {
        "ruleId": change.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[change.action],
        "message": {"text": change.message},
        "locations": [{"physicalLocation": location}],
        "partialFingerprints": {FINGERPRINT: change.id},
        "properties": {"action": change.action, "changeId": change.id},
    }
    if change.after != change.before:
        verb = "Apply" if change.action == "fix" else "Suggested"
        result["fixes"] = [{
            "description": {"text": f"{verb}: {change.rule} {change.name}"},
            "artifactChanges": [{
                "artifactLocation": {"uri": uri},
                "replacements": [{
                    "deletedRegion": region(change, starts),
                    "insertedContent": {"text": change.after},
                }],
            }],
        }]
    return result


def build_log(findings, rules=None) -> dict:
    """The SARIF log as a dict: one run listing every rule and a result per change."""
    rules = list(default_rules() if rules is None else rules)
    index = {rule.code: i for i, rule in enumerate(rules)}
    descriptors = [rule_descriptor(rule) for rule in rules]
    results = []
    for finding in findings:
        uri = artifact_uri(finding.name)
        starts = line_starts(finding.result.original)
        for change in finding.result.changes:
            if change.rule not in index:  # a rule from outside the shipped set
                index[change.rule] = len(descriptors)
                descriptors.append({"id": change.rule, "name": change.name,
                                    "shortDescription": {"text": change.message}})
            results.append(result_record(uri, change, starts, index[change.rule]))
    driver = {
        "name": "mtclean",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": descriptors,
    }
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(findings) -> str:
    """The SARIF log as indented JSON.

    >>> from cleaner import clean
    >>> from cleaner.report import Finding
    >>> log = json.loads(render([Finding("a.txt", clean("Done. . Next."))]))
    >>> result = log["runs"][0]["results"][0]
    >>> result["ruleId"], result["level"], result["locations"][0]["physicalLocation"]["region"]["startColumn"]
    ('PU01', 'warning', 5)
    """
    return json.dumps(build_log(findings), ensure_ascii=False, indent=2) + "\n"
