"""How big a review report gets, and how quickly headless Chromium opens and walks it.

Builds 1,000 synthetic documents (``generate_corpus.generate_articles``), adds more artifacts
(a doubled period or a doubled space at every third sentence end, a doubled ``the`` every ninth) so
that the report holds about 10,000 changes, writes the report and prints its size; then, when
Debian's ``chromium`` is on the PATH, opens it with Playwright and prints how long loading,
opening a page of documents, and stepping through changes with ``n`` take. Figures only: no
pass or fail.

    python benchmarks/report_scale.py                # 1,000 documents, about 10,000 changes
    python benchmarks/report_scale.py --plain        # the generator's own artifacts only
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import sys
import tempfile
import time
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate_corpus import generate_articles  # noqa: E402
from cleaner import clean  # noqa: E402
from cleaner.engine import Pipeline  # noqa: E402
from cleaner.report import Finding  # noqa: E402
from cleaner.report import html as html_report  # noqa: E402

SENTENCE_END_RE = regex.compile(r"(?<=[a-z])\. (?=[A-Z][a-z])")
THE_RE = regex.compile(r"\bthe (?=[a-z])")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-quic",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def add_artifacts(text: str) -> str:
    """A doubled period or a doubled space at every third sentence end, a doubled `the` every ninth."""
    kinds = itertools.cycle((". . ", ".  "))
    ends = itertools.count()
    text = SENTENCE_END_RE.sub(lambda m: next(kinds) if next(ends) % 3 == 0 else m[0], text)
    thes = itertools.count()
    return THE_RE.sub(lambda m: "the the " if next(thes) % 9 == 4 else m[0], text)


def build(documents: int, plain: bool) -> list[Finding]:
    pipeline = Pipeline.from_config()
    findings = []
    for article in itertools.islice(generate_articles(1, 10**12), documents):
        text = article["title"] + "\n" + article["text"] + "\n"
        if not plain:
            text = add_artifacts(text)
        findings.append(Finding(f"{article['id']}.txt", clean(text, pipeline=pipeline)))
    return findings


def browse(report: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        started = time.perf_counter()
        page.goto(report.as_uri(), wait_until="load")
        page.wait_for_selector("details.doc")
        print(f"load and first page: {time.perf_counter() - started:.2f} s")
        started = time.perf_counter()
        page.click("#open-page")
        page.evaluate("() => new Promise(requestAnimationFrame)")
        print(f"open all 50 documents of a page: {time.perf_counter() - started:.2f} s")
        page.click("#close-page")
        page.locator("h1").click()
        started = time.perf_counter()
        for _ in range(200):
            page.keyboard.press("n")
        print(f"200 presses of n: {time.perf_counter() - started:.2f} s")
        started = time.perf_counter()
        page.select_option("#filter-action", "suggest")
        print(f"filter to suggestions: {time.perf_counter() - started:.2f} s")
        heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0")
        print(f"JS heap in use: {heap / 2**20:.1f} MiB")
        browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--plain", action="store_true", help="no artifacts beyond the generator's")
    parser.add_argument("-o", "--output", help="keep the report here")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    findings = build(args.documents, args.plain)
    changes = sum(len(f.result.changes) for f in findings)
    fixes = sum(len(f.result.fixes) for f in findings)
    print(f"documents: {len(findings)}, changes: {changes} ({fixes} fixes), "
          f"text: {sum(len(f.result.original.encode()) for f in findings) / 2**20:.2f} MiB, "
          f"cleaned in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    page = html_report.render(findings)
    with tempfile.TemporaryDirectory() as folder:
        report = Path(args.output) if args.output else Path(folder) / "report.html"
        report.write_text(page, encoding="utf-8")
        size = report.stat().st_size
        print(f"report: {size / 2**20:.2f} MiB ({size} bytes), rendered in {time.perf_counter() - started:.2f} s")
        if shutil.which("chromium"):
            browse(report)
        else:
            print("no chromium on PATH: browser timings skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
