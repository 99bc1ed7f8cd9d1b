"""Fixtures for the website tests: the built site served on 127.0.0.1 and a real Chromium.

The site must already be built (`make site`). Browser tests need Debian's
Chromium at /usr/bin/chromium (or $CHROMIUM); without it they are skipped with a
clear message, except under CI=true, where a missing browser is a failure.
Every request to a host other than the local server is blocked and recorded,
so a page that needs the network fails.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("SITE_DIR", ROOT / "_build" / "html"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]


def site_pages() -> list[str]:
    """Every content page (chapters and appendices), relative to the site root."""
    if not SITE.is_dir():
        return []
    pages = sorted(
        p.relative_to(SITE).as_posix()
        for folder in ("chapters", "appendices")
        for p in (SITE / folder).glob("*.html")
    )
    return ["index.html", *pages]


@pytest.fixture(scope="session")
def site_dir() -> Path:
    if not (SITE / "index.html").exists():
        pytest.fail(f"no built site at {SITE}: run `make site` first")
    return SITE


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@pytest.fixture(scope="session")
def server(site_dir):
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def chromium_available() -> bool:
    return Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is not None


@pytest.fixture(scope="session")
def browser():
    if not chromium_available():
        message = f"Chromium not found at {CHROMIUM}: browser tests need Debian's chromium package"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (CI=true: a missing browser is a failure; .ci/run installs it)")
        pytest.skip(message + " (apt-get install chromium); skipping browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageLog:
    """What went wrong while a page loaded."""

    def __init__(self):
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        self.blocked: list[str] = []
        self.math_not_typeset = False


@pytest.fixture
def open_page(browser, server):
    """Open a site page with the network cut off; return (page, log)."""
    contexts = []
    local = urlparse(server).netloc

    def _open(path: str, wait_for_math: bool = True):
        context = browser.new_context()
        contexts.append(context)
        log = PageLog()

        def route(route):
            if urlparse(route.request.url).netloc == local or route.request.url.startswith("data:"):
                route.continue_()
            else:
                log.blocked.append(route.request.url)
                route.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("console", lambda m: log.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: log.console_errors.append(str(e)))
        page.on("requestfailed", lambda r: log.failed.append(f"{r.url} ({r.failure})"))
        page.on("response", lambda r: log.failed.append(f"{r.url} (HTTP {r.status})") if r.status >= 400 else None)
        page.goto(f"{server}/{path}", wait_until="load")
        if "http-equiv=\"Refresh\"" in (SITE / path.split("?")[0]).read_text(errors="replace"):
            # a redirect page (the site's index.html): follow it before looking at the page
            page.wait_for_url(lambda url: not url.endswith("/" + path), timeout=10000)
            page.wait_for_load_state("load")
        if wait_for_math and page.locator(".math").count():
            try:
                page.wait_for_function(
                    "() => window.MathJax && MathJax.startup && MathJax.startup.promise"
                    " && document.querySelectorAll('mjx-container').length > 0",
                    timeout=20000,
                )
            except PlaywrightTimeout:
                log.math_not_typeset = True
        return page, log

    yield _open
    for context in contexts:
        context.close()
