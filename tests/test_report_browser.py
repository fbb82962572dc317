"""The HTML report driven in real headless Chromium: every change shown, decisions exported and applied."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cleaner import clean
from cleaner.cli import main
from tests.browser import browser_page
from tests.conftest import ROOT, fixture_dirs, read

SCREENSHOT = ROOT / "docs" / "report-seed.png"


def splice(original: str, changes) -> str:
    """The expected text, worked out apart from mtclean: each chosen change replaced from the end."""
    text = original
    for change in sorted(changes, key=lambda c: c.start, reverse=True):
        text = text[: change.start] + change.after + text[change.end :]
    return text


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """Every fixture input as `NNN_name.txt` in the working folder, its report and its change log."""
    folder = tmp_path / "review"
    folder.mkdir()
    monkeypatch.chdir(folder)
    paths = []
    for fixture in fixture_dirs():
        shutil.copyfile(fixture / "input.txt", folder / f"{fixture.name}.txt")
        paths.append(Path(f"{fixture.name}.txt"))
    report, log = folder / "report.html", folder / "log.jsonl"
    assert main(["report", *map(str, paths), "-o", str(report), "--log", str(log)]) == 0
    records = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    return folder, paths, report, log, records


def rendered_ids(page) -> dict[str, list[str]]:
    """Open every document on every page of the list and read the change ids shown in each."""
    shown: dict[str, list[str]] = {}
    pages = int(page.get_attribute("#pager-top", "data-pages"))
    for number in range(pages):
        if number:  # the next page's button is always in the pager's window
            page.locator(f"#pager-top button[data-page='{number}']").click()
        page.click("#open-page")
        for name, ids in page.eval_on_selector_all(
            "details.doc", "els => els.map(e => [e.dataset.name, [...e.querySelectorAll('.chg')].map(c => c.dataset.id)])"
        ):
            shown[name] = ids
    return shown


def test_report_in_chromium_shows_every_change_and_its_exported_decisions_apply(corpus, tmp_path, capsys):
    folder, paths, report, log, records = corpus
    seed_path = next(p for p in paths if p.name == "000_seed.txt")
    seed = clean(read(seed_path))
    requests = []
    with browser_page(viewport=(1280, 1000)) as page:
        page.on("request", lambda request: requests.append(request.url))
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(report.as_uri())
        assert page.title() == "mtclean review"

        # every change of the log is in the page, in its document, in order
        assert rendered_ids(page) == {r["path"]: [c["id"] for c in r["changes"]] for r in records}
        total = sum(len(r["changes"]) for r in records)
        assert page.text_content("#total-changes") == str(total)
        fixes = sum(c["action"] == "fix" for r in records for c in r["changes"])
        assert page.text_content("#tally") == f"{fixes} of {total} changes accepted"

        page.locator("#pager-top button[data-page='0']").click()
        seed_doc = page.locator(f"details.doc[data-name='{seed_path}']")
        seed_doc.locator("summary").click()
        for change in seed.changes:
            element = seed_doc.locator(f".chg[data-id='{change.id}']")
            assert element.locator("input.decide").is_checked() is (change.action == "fix")
            assert "".join(element.locator("del").all_text_contents()) in change.before
            assert change.rule in element.locator(".tip").text_content()
            assert change.message in element.locator(".tip").text_content()

        # keyboard: n walks the seed's changes in order, x toggles the current one
        page.locator("h1").click()
        walked = []
        for _ in seed.changes:
            page.keyboard.press("n")
            walked.append(page.evaluate("document.activeElement.dataset.id"))
        assert walked == [c.id for c in seed.changes]
        last = seed_doc.locator(f".chg[data-id='{seed.changes[-1].id}'] input.decide")
        before = last.is_checked()
        page.keyboard.press("x")
        assert last.is_checked() is not before
        page.keyboard.press("x")
        assert last.is_checked() is before

        # accept/reject all of a rule, and the filters
        pu02 = seed_doc.locator(".chg[data-rule='PU02'] input.decide")
        page.click("button[data-reject-rule='PU02']")
        assert not any(pu02.nth(i).is_checked() for i in range(pu02.count()))
        page.click("button[data-accept-rule='PU02']")
        assert all(pu02.nth(i).is_checked() for i in range(pu02.count())) and pu02.count() == 3
        page.select_option("#filter-action", "suggest")
        listed = page.eval_on_selector_all("details.doc", "els => els.map(e => e.dataset.name)")
        assert listed == [r["path"] for r in records if any(c["action"] == "suggest" for c in r["changes"])]
        page.select_option("#filter-action", "")
        page.select_option("#filter-rule", "ST02")
        listed = page.eval_on_selector_all("details.doc", "els => els.map(e => e.dataset.name)")
        assert listed == [r["path"] for r in records if any(c["rule"] == "ST02" for c in r["changes"])]
        page.select_option("#filter-rule", "")

        # the review: drop one fix, take one suggestion, export
        dropped = next(c for c in seed.fixes if c.rule == "CO01")
        taken = next(c for c in seed.suggestions if c.rule == "ST02")
        seed_doc = page.locator(f"details.doc[data-name='{seed_path}']")
        seed_doc.locator("summary").click()
        seed_doc.locator(f".chg[data-id='{dropped.id}'] input.decide").click()
        seed_doc.locator(f".chg[data-id='{taken.id}'] input.decide").click()
        assert page.text_content("#tally") == f"{fixes} of {total} changes accepted"

        with page.expect_download() as download_info:
            page.click("#export")
        decisions = tmp_path / "decisions.json"
        download_info.value.save_as(decisions)
        assert not errors

        # the screenshot for the README: the report of the seed article alone, a change in focus
        assert main(["report", str(seed_path), "-o", "seed.html"]) == 0
        page.goto((folder / "seed.html").as_uri())
        page.locator("details.doc > summary").click()
        page.evaluate("window.scrollTo(0, 0)")
        page.locator(f".chg[data-id='{dropped.id}']").focus()
        tooltip = page.locator("#tooltip")
        assert tooltip.is_visible() and dropped.message in tooltip.text_content()
        SCREENSHOT.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOT), full_page=True)
        assert not errors

    assert requests and all(url.startswith("file:") for url in requests), requests
    exported = json.loads(decisions.read_text(encoding="utf-8"))
    assert exported["schema"] == "mtclean.decisions/1"
    assert taken.id in exported["accepted"][str(seed_path)] and dropped.id in exported["rejected"][str(seed_path)]

    out = tmp_path / "seed-reviewed.txt"
    assert main(["apply", str(seed_path), "--log", str(log), "--decisions", str(decisions), "-o", str(out)]) == 0
    expected = splice(seed.original, [c for c in seed.fixes if c != dropped] + [taken])
    assert read(out) == expected
    assert "Essays on Grassroots" in expected and "Huang Lu" in expected and "Yellow Lu" not in expected

    # the other documents kept every fix and no suggestion: apply gives exactly `fix` output
    others = [p for p in paths if p != seed_path]
    assert main(["apply", *map(str, others), "--log", str(log), "--decisions", str(decisions)]) == 0
    for path in others:
        assert path.read_bytes() == (ROOT / "fixtures" / path.stem / "expected.txt").read_bytes(), path.name
