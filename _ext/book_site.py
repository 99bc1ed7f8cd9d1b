"""A small Sphinx extension with the book's own fixes to the generated pages.

Jupyter Book 1.0.4 with sphinx-thebe 0.3 and sphinx-togglebutton registers some
inline scripts twice, so every page logs "Identifier 'THEBE_JS_URL' has
already been declared" in the browser console. After the build, identical
inline ``<script>`` lines in a page's head are reduced to one (the browser
tests fail on any console error).

The number of pages it had to fix is written to ``_build/html/.book-site.json``;
``tests/site/test_pages.py`` fails the day that number is 0, that is, the day
upstream stops registering the scripts twice and this extension can go.
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


def _fix_pages(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    fixed_pages = 0
    for page in Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        fixed = dedupe_inline_scripts(text)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")
            fixed_pages += 1
    record = {"pages_with_repeated_inline_scripts": fixed_pages}
    (Path(app.outdir) / ".book-site.json").write_text(json.dumps(record) + "\n", encoding="utf-8")


def setup(app):
    app.connect("build-finished", _fix_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
