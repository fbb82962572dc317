"""The HTML report as a file: self-contained, offline, every change in its data, safe embedding."""

from __future__ import annotations

import json
from pathlib import Path

import regex

from cleaner import clean
from cleaner.cli import main
from cleaner.report import Finding
from cleaner.report import html as html_report
from tests.conftest import SEED, fixture_dirs, read

DATA_RE = regex.compile(r'<script type="application/json" id="mtclean-data">(.*?)</script>', regex.S)
URL_RE = regex.compile(r"\b(?i:https?|ftp|wss?)://|\b(?i:src)\s*=|(?i:<link)\b|@import|\burl\(")


def embedded_data(page: str) -> dict:
    (payload,) = DATA_RE.findall(page)
    return json.loads(payload)


def test_report_is_one_offline_file_with_every_change_of_the_log(tmp_path, capsys):
    paths = [str(d / "input.txt") for d in fixture_dirs()]
    report, log = tmp_path / "r.html", tmp_path / "log.jsonl"
    assert main(["report", *paths, "-o", str(report), "--log", str(log)]) == 0
    page = report.read_text(encoding="utf-8")
    code = DATA_RE.sub("", page)  # the documents' own text may quote addresses; the page loads none
    assert not URL_RE.search(code), URL_RE.search(code)
    assert page.count("<script") == 2 and "{{" not in page and "/*{{" not in page
    data = embedded_data(page)
    records = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert [d["name"] for d in data["documents"]] == [r["path"] for r in records]
    for document, record in zip(data["documents"], records):
        assert document["text"] == read(Path(record["path"]))
        assert [c["id"] for c in document["changes"]] == [c["id"] for c in record["changes"]]
        for change in document["changes"]:
            assert document["text"][change["start"]:change["end"]] == change["before"]
    assert set(data["rules"]) == {c["rule"] for r in records for c in r["changes"]}


def test_text_that_looks_like_html_cannot_break_out_of_the_page():
    text = "A </script><script>alert(1)</script> <!-- and & “quotes”. . End."
    page = html_report.render([Finding("x.txt", clean(text))])
    assert page.count("</script>") == 2
    assert embedded_data(page)["documents"][0]["text"] == text


def test_word_pieces_keep_the_shared_words_of_a_change():
    assert html_report.word_pieces("cultivate and cultivate", "cultivate") == [
        ["=", "cultivate"], ["-", " and cultivate"]]
    assert html_report.word_pieces("Governance", "governance") is None
    seed = clean(read(SEED))
    data = html_report.report_data([Finding("seed", seed)])
    for change in data["documents"][0]["changes"]:
        if "pieces" in change:
            assert "".join(t for op, t in change["pieces"] if op != "+") == change["before"]
            assert "".join(t for op, t in change["pieces"] if op != "-") == change["after"]


def test_report_to_stdout(capsys):
    assert main(["report", str(SEED), "-o", "-"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>") and len(embedded_data(page)["documents"][0]["changes"]) == 9
