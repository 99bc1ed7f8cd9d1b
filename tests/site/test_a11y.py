"""Every built page audited for accessibility with axe-core, in Chromium, with the network cut off.

axe-core (Deque's engine, the one behind most browser accessibility checkers)
comes from npm at the version pinned in package-lock.json; ``make book`` and
``make test`` install it into node_modules/ with ``npm ci``. The test reads
that file and injects it into each page: nothing is fetched while it runs.

Every page of the site is audited, as the reader's browser shows it: after
the page's scripts ran and MathJax typeset the mathematics. The content pages
(chapters and appendices) are audited where test_pages.py already loads them,
so that each is loaded once; the test below audits every other page (the
redirect, the index, the search page). The test fails on
any violation of impact "critical" or "serious" that :data:`ALLOWED` does not
name; moderate and minor ones are printed. An allowance is for one rule on
one element of the theme's markup, never the book's own, and names the
upstream issue that will remove it.

The audit is one browser and one context; a few tabs work at once, so that
a page loads while axe examines the previous one.
"""

from __future__ import annotations

import importlib.util
import json
import os
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

import pytest

from .conftest import ROOT, SITE, site_pages

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
LOCK = ROOT / "package-lock.json"
FAILING = ("critical", "serious")
TABS = 3

#: Violations the book cannot fix, as {(axe rule, CSS selector): upstream issue}.
#: Each covers one rule on the elements the selector matches, which must be
#: theme markup. Empty: every violation the audit found is fixed in the book
#: (_templates/, _ext/book_site.py, _static/book.css, sparsity.explorers).
ALLOWED: dict[tuple[str, str], str] = {}


def site_files() -> list[str]:
    """Every HTML file of the built site, except Sphinx's asset folders.

    The folders whose names start with "_" (``_static``, ``_images``,
    ``_sources``, ``_downloads``) hold files, not pages; the theme copies two
    Jinja macro files into ``_static`` with an .html suffix.
    """
    if not SITE.is_dir():
        return []
    return sorted(
        p.relative_to(SITE).as_posix()
        for p in SITE.glob("**/*.html")
        if not p.relative_to(SITE).parts[0].startswith("_")
    )


def axe_source() -> str:
    """axe-core as installed by `make book` / `make test`; the pinned version, or a clear failure."""
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: `make browser` (or `npm ci`) installs axe-core from npm")
    pinned = json.loads(LOCK.read_text())["packages"]["node_modules/axe-core"]["version"]
    installed = json.loads((AXE.parent / "package.json").read_text())["version"]
    assert installed == pinned, f"node_modules has axe-core {installed}, package-lock.json pins {pinned}: run `npm ci`"
    return AXE.read_text(encoding="utf-8")


# Runs axe on the whole document with its default rules (WCAG 2.0-2.2 A and AA
# and best practices). Elements matched by an allowance are dropped for that
# rule only; nodes are reported with axe's selector and the start of their HTML.
_RUN = """
async (allowed) => {
  const result = await axe.run(document, {resultTypes: ['violations'], elementRef: true});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes
      .filter(n => !allowed.some(a => a.rule === v.id && n.element && n.element.matches(a.selector)))
      .map(n => ({impact: n.impact || v.impact, target: n.target.join(' '), html: n.html.slice(0, 160)})),
  })).filter(v => v.nodes.length);
}
"""


def audit(page, allowed=ALLOWED) -> list[dict]:
    """Run axe (already injected) in ``page``; return its violations, minus the allowed ones."""
    rules = [{"rule": rule, "selector": selector} for rule, selector in allowed]
    return page.evaluate(_RUN, rules)


def inject_and_audit(page, allowed=ALLOWED) -> list[dict]:
    """Inject the vendored axe-core into ``page`` and audit it."""
    page.evaluate(axe_source())
    return audit(page, allowed)


def failing(violations: list[dict]) -> list[str]:
    """The critical and serious violations, one line per element."""
    return [f"{v['id']} ({n['impact']}): {n['target']}  {n['html']}"
            for v in violations for n in v["nodes"] if n["impact"] in FAILING]


def test_allowances_name_an_upstream_issue_and_theme_markup():
    for (rule, selector), issue in ALLOWED.items():
        assert rule and selector and "," not in selector, "one rule, one selector"
        assert issue.startswith("https://github.com/"), f"{rule} {selector}: name the upstream issue"
        assert "sparsity" not in selector and "sx-" not in selector, "no allowance for the book's own markup"


def test_axe_core_is_vendored_and_pinned():
    source = axe_source()
    pinned = json.loads(LOCK.read_text())["packages"]["node_modules/axe-core"]["version"]
    assert pinned.count(".") == 2 and all(part.isdigit() for part in pinned.split(".")), "an exact version"
    assert json.loads((ROOT / "package.json").read_text())["devDependencies"]["axe-core"] == pinned
    assert source.startswith(f"/*! axe v{pinned}\n"), "the file is the pinned release"


def test_the_markup_repairs_of_book_site_are_still_needed():
    """_ext/book_site.py rewrites exact strings of Sphinx, docutils and myst-nb; each must still be written upstream.

    The day one is not, upstream fixed or changed it: remove or update that
    repair (the audit below then shows whether anything is left to do).
    """
    import inspect

    import docutils.writers._html_base
    import myst_nb.sphinx_
    import sphinx.writers.html5

    spec = importlib.util.spec_from_file_location("book_site", ROOT / "_ext" / "book_site.py")
    book_site = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(book_site)
    upstream = {
        # Sphinx's HTML5 writer: the toctree caption, role=heading and no aria-level
        "toctree_captions_without_level": (sphinx.writers.html5, "CLASS='caption', ROLE='heading')"),
        "deprecated_biblioentry_roles": (docutils.writers._html_base, 'role="doc-biblioentry"'),
        "toggles_named_apart_from_their_text": (myst_nb.sphinx_, '<summary aria-label="Toggle hidden content">'),
    }
    assert set(upstream) == set(book_site.A11Y_REPAIRS)
    for name, (module, written) in upstream.items():
        assert written in inspect.getsource(module), f"{module.__name__} no longer writes {written}: see {name}"
    old, new = book_site.A11Y_REPAIRS["toggles_named_apart_from_their_text"]
    page = f'<details class="hide above-input">{old}<p>Show code cell source</p></summary></details>'
    repaired, counts = book_site.repair_accessibility(page)
    assert repaired == page.replace(old, new) and counts["toggles_named_apart_from_their_text"] == 1


def test_every_other_page_has_no_critical_or_serious_violation(browser, server, site_dir):
    files = site_files()
    assert files, f"no pages in {site_dir}"
    source = axe_source()
    local = urlparse(server).netloc
    blocked: list[str] = []
    context = browser.new_context()

    def route(r):
        if urlparse(r.request.url).netloc == local:
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    # A redirect stub (the site's index.html) is audited where it lands; a
    # landing page that is itself in the list is audited once.
    redirects = {f for f in files if 'http-equiv="Refresh"' in (site_dir / f).read_text(errors="replace")}
    content = set(site_pages())  # audited in test_pages.py
    pages = [f for f in files if f not in redirects and f not in content]
    assert pages, "no page left to audit here"
    results: dict[str, list[dict]] = {}
    start = time.perf_counter()
    try:
        tabs = [context.new_page() for _ in range(min(TABS, len(pages)))]
        for stub in sorted(redirects):
            page = tabs[0]
            page.goto(f"{server}/{stub}", wait_until="load")
            page.wait_for_url(lambda url, stub=stub: not url.endswith("/" + stub), timeout=10000)
            landed = urlparse(page.url).path.lstrip("/")
            assert landed in files, f"{stub} redirects to {landed}, which is not a page of the site"
        busy: dict[int, str] = {}

        def collect(k):
            results[busy.pop(k)] = tabs[k].evaluate("() => window.__sparsityAudit")

        for i, path in enumerate(pages):
            k = i % len(tabs)
            if k in busy:
                collect(k)
            page = tabs[k]
            page.goto(f"{server}/{path}", wait_until="load")
            if page.locator(".math").count():
                page.wait_for_function(
                    "() => window.MathJax && MathJax.startup && MathJax.startup.promise"
                    " && document.querySelectorAll('mjx-container').length > 0", timeout=20000)
                page.evaluate("() => MathJax.startup.promise")
            page.evaluate(source)
            rules = [{"rule": rule, "selector": selector} for rule, selector in ALLOWED]
            # started here, awaited in collect(): the next tab loads meanwhile
            page.evaluate(f"allowed => {{ window.__sparsityAudit = ({_RUN})(allowed); }}", rules)
            busy[k] = path
        for k in list(busy):
            collect(k)
    finally:
        context.close()
    seconds = time.perf_counter() - start

    counts = Counter((n["impact"], v["id"]) for vs in results.values() for v in vs for n in v["nodes"])
    print(f"\naxe-core on {len(results)} pages in {seconds:.1f} s; violations by impact and rule:")
    for (impact, rule), n in sorted(counts.items()):
        print(f"  {impact:9s} {rule}: {n}")
    assert not blocked, f"the audit asked for other hosts: {blocked[:3]}"
    problems = [f"{path}: {line}" for path, vs in results.items() for line in failing(vs)]
    if os.environ.get("A11Y_REPORT"):  # A11Y_REPORT=/tmp/axe.json keeps every violation, any impact
        Path(os.environ["A11Y_REPORT"]).write_text(json.dumps(results, indent=1))
    assert not problems, f"{len(problems)} critical or serious accessibility violations:\n" + "\n".join(problems[:40])
