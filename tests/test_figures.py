"""figures/ and the gallery page match the chapters (`make figures` writes them).

* every named figure of a chapter has its PNG (byte for byte the image in the
  stored notebook, which nbval has verified), its SVG and its thumbnail in
  ``figures/``, and nothing else is there;
* the gallery page is exactly what the tool generates, and is in the book;
* every SVG records the digest of the PNG it was drawn beside, and one
  chapter's SVGs, computed again, are byte for byte the stored ones.
"""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIGURES = ROOT / "figures"


def _tool():
    path = ROOT / "tools" / "export_figures.py"
    spec = importlib.util.spec_from_file_location("export_figures", path)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    return tool


TOOL = _tool()
FIGS, FILES, GALLERY_TEXT = TOOL.expected_files()
STEMS = [item["stem"] for items in FIGS.values() for item in items]


def test_every_chapter_figure_and_nothing_else_is_in_figures():
    present = {
        p.relative_to(FIGURES).as_posix()
        for p in FIGURES.rglob("*")
        if p.is_file()
    }
    wanted = set(FILES) | {f"{stem}.svg" for stem in STEMS}
    assert sorted(wanted - present) == [], "missing: run `make figures`"
    assert sorted(present - wanted) == [], "stale: run `make figures`"
    assert len(STEMS) >= 30


def test_pngs_and_thumbnails_are_the_stored_notebooks_images():
    stale = [rel for rel, data in FILES.items()
             if (FIGURES / rel).read_bytes() != data]
    assert not stale, f"{len(stale)} stale, e.g. {stale[0]}: run `make figures`"


def test_every_svg_is_one_svg_drawn_with_the_stored_png():
    """Each SVG records the digest of the PNG it was drawn with (export_svg)."""
    svg = "{http://www.w3.org/2000/svg}"
    for items in FIGS.values():
        for item in items:
            root = ET.parse(FIGURES / f"{item['stem']}.svg").getroot()
            assert root.tag == f"{svg}svg", item["stem"]
            assert len(root.findall(f".//{svg}path")) > 3, item["stem"]
            text = ET.tostring(root, encoding="unicode")
            assert TOOL.png_digest(item["png"]) in text, \
                f"{item['stem']}.svg is stale: run `make figures`"


def test_gallery_page_is_generated_and_in_the_book():
    page = ROOT / "appendices" / "figures.md"
    assert page.read_text(encoding="utf-8") == GALLERY_TEXT, \
        "appendices/figures.md is stale: run `make figures`"
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [c["file"] for part in toc["parts"] for c in part["chapters"]]
    assert "appendices/figures" in files
    for stem in STEMS:
        assert f"../figures/{stem}.svg" in GALLERY_TEXT
        assert f"../figures/thumbs/{stem}.png" in GALLERY_TEXT


def test_a_chapters_svgs_regenerate_byte_for_byte(tmp_path):
    md = ROOT / "chapters" / "05-ols.md"
    _, stems, _ = TOOL.export_svg(md, tmp_path)
    assert stems
    for stem in stems:
        fresh = (tmp_path / f"{stem}.svg").read_bytes()
        assert fresh == (FIGURES / f"{stem}.svg").read_bytes(), stem
