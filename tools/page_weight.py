"""Measure the weight of every page of the built website.

A page's weight is its HTML plus every image and page-specific file it loads
(images in ``_images/``, the live figures' inline scripts), not counting the shared assets
every page shares and a browser caches once (the theme's ``_static/`` and
MathJax). Usage::

    python tools/page_weight.py [SITE_DIR]      # default _build/html
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 500_000  # bytes: the aim for a chapter page, images included
SHARED = ("_static", "mathjax")


def page_weight(page: Path, site: Path) -> tuple[int, int]:
    """Return (total bytes, bytes of the page's own images and files) for one page."""
    html = page.read_text(encoding="utf-8", errors="replace")
    own = 0
    seen = set()
    # what the browser loads with the page: src= attributes and <link href=> (not <a href=> downloads)
    loaded = re.findall(r'\ssrc="([^"]+)"', html) + re.findall(r'<link[^>]*\shref="([^"]+)"', html)
    for ref in loaded:
        url = urlparse(ref)
        if url.scheme or ref.startswith(("#", "//")):
            continue
        target = (page.parent / unquote(url.path)).resolve()
        if target in seen or not target.is_file() or target.suffix == ".html":
            continue
        rel = target.relative_to(site.resolve()).parts
        if rel and rel[0] in SHARED:
            continue
        seen.add(target)
        own += target.stat().st_size
    size = len(html.encode("utf-8"))
    return size + own, own


def weights(site: Path) -> dict[str, tuple[int, int]]:
    pages = sorted((site / "chapters").glob("*.html")) + sorted((site / "appendices").glob("*.html"))
    return {p.relative_to(site).as_posix(): page_weight(p, site) for p in pages}


def main(argv: list[str]) -> int:
    site = Path(argv[0]) if argv else ROOT / "_build" / "html"
    if not (site / "index.html").exists():
        print(f"no built site at {site}: run `make book` first", file=sys.stderr)
        return 2
    table = weights(site)
    print(f"{'page':<42} {'total KB':>9} {'images KB':>10}")
    for name, (total, own) in table.items():
        flag = "  over budget" if total > BUDGET else ""
        print(f"{name:<42} {total / 1000:>9.0f} {own / 1000:>10.0f}{flag}")
    heaviest = max(table.items(), key=lambda kv: kv[1][0])
    print(f"heaviest: {heaviest[0]} at {heaviest[1][0] / 1000:.0f} KB (budget {BUDGET / 1000:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
