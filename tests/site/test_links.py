"""Internal links and anchors over the whole built site; external links listed, never fetched."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

from .conftest import ROOT

EXTERNAL_LIST = ROOT / "_build" / "external-links.txt"


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name"):
            if attrs.get(key):
                self.ids.add(attrs[key])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag in ("img", "script") and attrs.get("src"):
            self.links.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.links.append(attrs["href"])


def parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8", errors="replace"))
    return collector


def test_internal_links_and_anchors_resolve(site_dir):
    pages = {p: parse(p) for p in site_dir.rglob("*.html") if "_static" not in p.parts}
    broken, external = [], set()
    for page, info in pages.items():
        for link in info.links:
            url = urlparse(link)
            if url.scheme in ("http", "https", "mailto") or link.startswith("//"):
                external.add(link)
                continue
            if url.scheme in ("data", "javascript"):
                continue
            target = page if not url.path else (page.parent / unquote(url.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site_dir)} -> {link} (no such file)")
                continue
            if url.fragment and target.suffix == ".html" and target.resolve() in {p.resolve() for p in pages}:
                ids = pages[next(p for p in pages if p.resolve() == target.resolve())].ids
                if unquote(url.fragment) not in ids:
                    broken.append(f"{page.relative_to(site_dir)} -> {link} (no such anchor)")
    EXTERNAL_LIST.parent.mkdir(exist_ok=True)
    EXTERNAL_LIST.write_text("\n".join(sorted(external)) + "\n")
    assert not broken, "broken internal links:\n" + "\n".join(broken[:30])
