"""A small Sphinx extension with the book's own fixes to the generated pages.

Jupyter Book 1.0.4 with sphinx-thebe 0.3 and sphinx-togglebutton registers some
inline scripts twice, so every page logs "Identifier 'THEBE_JS_URL' has
already been declared" in the browser console. After the build, identical
inline ``<script>`` lines in a page's head are reduced to one (the browser
tests fail on any console error).

The number of pages it had to fix is written to ``_build/html/.book-site.json``;
``tests/site/test_pages.py`` fails the day that number is 0, that is, the day
upstream stops registering the scripts twice and this extension can go.

It also repairs three pieces of generated markup that fail an accessibility
audit (axe-core, tests/site/test_a11y.py), each an exact string written by one
upstream package, so the book needs no exception for them:

* Sphinx writes the toctree captions of the sidebar as ``<p class="caption"
  role="heading">`` without the ``aria-level`` that ARIA 1.2 requires of a
  heading (axe ``aria-required-attr``, critical; sphinx-doc/sphinx#14030):
  they get ``aria-level="2"``, the level ARIA 1.1 implied.
* docutils marks each bibliography entry ``role="doc-biblioentry"``, a role
  DPUB-ARIA 1.1 deprecated because it is not a valid child of a list (axe
  ``aria-required-children``, critical, on the list; w3c/dpub-aria#22): the
  entries become ``role="listitem"``.
* myst-nb labels the toggle of a hidden cell ``<summary aria-label="Toggle
  hidden content">`` while it shows "Show code cell source", so a reader who
  speaks the visible words to voice control cannot press it (axe
  ``label-content-name-mismatch``, WCAG 2.5.3): the label goes, and the
  visible words name the control.

How many of each it repaired in this build is in the same record.
tests/site/test_a11y.py fails the day an upstream package stops writing its
string (fixed upstream, or changed: then remove or update the repair).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

_INLINE_SCRIPT = re.compile(r"^\s*<script>.*</script>\s*$")


def dedupe_inline_scripts(html: str) -> str:
    """Drop repeated, identical one-line inline scripts from the page head."""
    head, sep, body = html.partition("</head>")
    seen, lines = set(), []
    for line in head.splitlines(keepends=True):
        if _INLINE_SCRIPT.match(line):
            if line.strip() in seen:
                continue
            seen.add(line.strip())
        lines.append(line)
    return "".join(lines) + sep + body


#: Exact upstream markup and its accessible replacement (see the module docstring).
A11Y_REPAIRS = {
    "toctree_captions_without_level": ('<p class="caption" role="heading">',
                                       '<p class="caption" role="heading" aria-level="2">'),
    "deprecated_biblioentry_roles": ('role="doc-biblioentry"', 'role="listitem"'),
    "toggles_named_apart_from_their_text": ('<summary aria-label="Toggle hidden content">', "<summary>"),
}


def repair_accessibility(html: str) -> tuple[str, dict[str, int]]:
    """Apply :data:`A11Y_REPAIRS` to a page; return the page and how often each applied."""
    counts = {}
    for name, (old, new) in A11Y_REPAIRS.items():
        counts[name] = html.count(old)
        html = html.replace(old, new)
    return html, counts


def _fix_pages(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    fixed_pages = 0
    repaired = dict.fromkeys(A11Y_REPAIRS, 0)
    for page in Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        fixed = dedupe_inline_scripts(text)
        if fixed != text:
            fixed_pages += 1
        fixed, counts = repair_accessibility(fixed)
        for name, count in counts.items():
            repaired[name] += count
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")
    record = {"pages_with_repeated_inline_scripts": fixed_pages, **repaired}
    (Path(app.outdir) / ".book-site.json").write_text(json.dumps(record) + "\n", encoding="utf-8")


def setup(app):
    app.connect("build-finished", _fix_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
