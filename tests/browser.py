"""Start Debian's Chromium under Playwright for the report tests (never Playwright's own browser)."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager

import pytest

CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-quic",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions",
]


def chromium_path() -> str:
    """The system Chromium; `.ci/run` installs it and sets MTCLEAN_REQUIRE_BROWSER so CI never skips."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path:
        return path
    if os.environ.get("MTCLEAN_REQUIRE_BROWSER"):
        pytest.fail("Chromium is required (MTCLEAN_REQUIRE_BROWSER is set) but not on PATH: apt-get install chromium")
    pytest.skip("no chromium on PATH: the browser tests need Debian's chromium (apt-get install chromium)")


@contextmanager
def browser_page(viewport=(1280, 900)):
    """A fresh page in headless Chromium, with downloads allowed."""
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(accept_downloads=True,
                                          viewport={"width": viewport[0], "height": viewport[1]})
            yield context.new_page()
        finally:
            browser.close()
