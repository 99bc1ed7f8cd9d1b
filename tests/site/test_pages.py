"""Every page of the built website, loaded in a real Chromium with the network cut off.

Each content page is loaded once and checked for everything a reader meets:
offline loading, typeset mathematics, images with alt text, no sideways
scrolling at 1280 px, one search box, and an accessibility audit with axe-core
(test_a11y.py audits the site's other pages, and explains the audit).
"""

from __future__ import annotations

import re

import pytest
import yaml

from .conftest import ROOT, site_pages
from .test_a11y import failing, inject_and_audit

PAGES = site_pages()


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_offline_with_images_alt_text_and_math(open_page, path):
    page, log = open_page(path)
    assert not log.math_not_typeset, f"{path}: the mathematics was not typeset (is MathJax served?)"
    assert not log.blocked, f"{path} asked for other hosts: {log.blocked[:5]}"
    assert not log.failed, f"{path} had failed requests: {log.failed[:5]}"
    assert not log.console_errors, f"{path} logged console errors: {log.console_errors[:5]}"

    # Read on a laptop: in a 1280-pixel-wide window (Playwright's default
    # viewport), with every folded cell opened, no code or output scrolls
    # sideways; and the page has one search box.
    assert page.viewport_size["width"] == 1280
    overflowing = page.evaluate(
        """() => {
               document.querySelectorAll('details').forEach(d => { d.open = true; });
               const longest = e => e.textContent.split(String.fromCharCode(10))
                   .reduce((a, b) => (b.length > a.length ? b : a), '');
               return [...document.querySelectorAll('div.cell_input pre, div.cell_output pre')]
                   .filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)
                   .map(longest);
           }"""
    )
    assert not overflowing, f"{path}: {len(overflowing)} code cell(s) scroll sideways, e.g. {overflowing[:3]}"
    searches = page.evaluate(
        """() => [...document.querySelectorAll('.search-button-field, input[type=search]')]
               .filter(e => e.offsetParent !== null && e.getBoundingClientRect().width > 0).length"""
    )
    assert searches == 1, f"{path} shows {searches} search boxes, not one"

    images = page.evaluate(
        """() => Array.from(document.images).map(img => ({
               src: img.getAttribute('src'), complete: img.complete,
               width: img.naturalWidth, alt: (img.getAttribute('alt') || '').trim()}))"""
    )
    broken = [i["src"] for i in images if not (i["complete"] and i["width"] > 0)]
    assert not broken, f"{path}: images that did not load: {broken}"
    no_alt = [i["src"] for i in images if not i["alt"]]
    assert not no_alt, f"{path}: images without alt text: {no_alt}"

    if page.locator(".math").count():
        typeset = page.locator("mjx-container").count()
        raw = page.locator(".math").count()
        assert typeset >= raw, f"{path}: {raw} math elements but only {typeset} typeset"
        errors = page.locator("mjx-merror").count()
        assert errors == 0, f"{path}: MathJax reported {errors} errors"

    # Accessible: no critical or serious axe-core violation (with the folded
    # cells open, so their content is audited too).
    problems = failing(inject_and_audit(page))
    assert not problems, f"{path}: {len(problems)} accessibility violations:\n" + "\n".join(problems[:20])


def test_math_comes_from_the_site_not_a_cdn(site_dir):
    for path in PAGES:
        html = (site_dir / path).read_text()
        sources = re.findall(r'<script[^>]+src="([^"]*mathjax[^"]*)"', html, flags=re.I)
        if "class=\"math" in html:
            assert sources, f"{path} has math but loads no MathJax"
        for src in sources:
            assert not src.startswith(("http:", "https:", "//")), f"{path} loads MathJax from {src}"


def chapters_in_toc() -> set[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [chapter["file"] for part in toc.get("parts", []) for chapter in part["chapters"]]
    return {f"{f}.html" for f in [toc["root"], *files]}


def test_navigation_reaches_every_chapter(open_page, server):
    page, _ = open_page("index.html", wait_for_math=False)
    page.wait_for_selector("nav.bd-links a")
    hrefs = page.evaluate("() => Array.from(document.querySelectorAll('nav.bd-links a')).map(a => a.href)")
    reached = {h.split(server + "/", 1)[-1].split("#")[0] for h in hrefs}
    missing = chapters_in_toc() - reached - {"index.html"}
    # the root chapter is the landing page, reached as index.html
    missing.discard(f"{yaml.safe_load((ROOT / '_toc.yml').read_text())['root']}.html")
    assert not missing, f"the navigation does not link to: {sorted(missing)}"


def test_search_finds_a_term(open_page):
    page, log = open_page("search.html?q=soft-thresholding", wait_for_math=False)
    page.wait_for_selector("#search-results ul.search li", timeout=20000)
    hits = page.locator("#search-results ul.search li").count()
    assert hits > 0
    assert not log.blocked and not log.console_errors

# The live figures (sparsity.explorers) are tested in test_explorers.py, on the
# built site too.


def test_the_inline_script_fix_is_still_needed(site_dir):
    """_ext/book_site.py removes repeated inline scripts; when upstream stops repeating them, delete it."""
    import json

    record = json.loads((site_dir / ".book-site.json").read_text())
    assert record["pages_with_repeated_inline_scripts"] > 0, (
        "no page repeats an inline script any more: remove the build-finished fix in _ext/book_site.py"
    )
