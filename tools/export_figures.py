"""The book's figures as files, and the gallery page that shows them.

For every named figure of a chapter (a code cell with ``mystnb.figure.name``
in its metadata) this writes, into ``figures/``:

- ``<chapter>--<name>.png``: the image the website shows, copied byte for
  byte from the chapter's stored notebook (``chapters/*.ipynb``, which
  ``make test`` re-executes and compares with nbval);
- ``<chapter>--<name>.svg``: the same figure as vector graphics, for slides,
  computed by executing the chapter's Markdown source with matplotlib's Agg
  backend and saving the cell's figure (or, for a live figure of
  ``sparsity.explorers``, the matplotlib figure it prints). Its description records the SHA-256
  of the PNG stored with it, so a test sees a stale SVG. No dates or software versions are
  written and SVG ids come from a fixed salt, so the files are reproducible;
- ``thumbs/<chapter>--<name>.png``: a 240-pixel-wide, 64-colour copy for
  the gallery (the page loads 37 of them: it must stay light).

It also writes the gallery page, ``appendices/figures.md``: every figure with
its caption, a link to its place in its chapter and both downloads.
``tests/test_figures.py`` checks that all of these match the chapters.

Usage: ``python tools/export_figures.py [chapter name patterns...] [--jobs N]``
(patterns restrict which chapters are executed for their SVGs; the PNGs,
thumbnails and gallery are always rewritten, which takes a second).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import sys
import textwrap
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = ROOT / "chapters"
OUT = ROOT / "figures"
GALLERY = ROOT / "appendices" / "figures.md"
THUMB_WIDTH = 240
THUMB_COLOURS = 64

PRELUDE = '''
import matplotlib
matplotlib.use("Agg")
import warnings
import matplotlib.pyplot as plt
warnings.filterwarnings("ignore", message=".*non-interactive.*")

def _previous_output():
    """The value of the previous cell's last expression."""
    return get_ipython().last_execution_result.result

def _export_svg(stem, source, output):
    numbers = plt.get_fignums()
    if len(numbers) == 1:
        figure = plt.figure(numbers[0])
    elif not numbers and hasattr(output, "figure"):
        figure = output.figure()  # a sparsity.explorers live figure
    else:
        raise RuntimeError(f"{stem}: {len(numbers)} open figures, expected 1")
    matplotlib.rcParams["svg.hashsalt"] = stem
    figure.savefig(
        f"{OUT}/{stem}.svg", bbox_inches="tight",
        metadata={"Date": None, "Creator": None, "Description": source},
    )
    plt.close("all")
'''


def figure_name(cell) -> str | None:
    """The figure name (label) of a code cell, or None."""
    if cell.get("cell_type") != "code":
        return None
    meta = cell.get("metadata", {}).get("mystnb", {})
    return meta.get("figure", {}).get("name")


def named_figures(notebook: Path) -> list[dict]:
    """Each named figure of a stored notebook: stem, name, caption, alt, PNG."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    found = []
    for cell in nb["cells"]:
        name = figure_name(cell)
        if not name:
            continue
        pngs = [
            out["data"]["image/png"]
            for out in cell.get("outputs", [])
            if "image/png" in out.get("data", {})
        ]
        if len(pngs) != 1:
            raise ValueError(f"{notebook.name}: figure {name} has {len(pngs)} PNGs")
        meta = cell["metadata"]["mystnb"]
        png = pngs[0]
        found.append({
            "stem": f"{notebook.stem}--{name}",
            "name": name,
            "caption": " ".join(meta["figure"].get("caption", "").split()),
            "alt": " ".join(meta.get("image", {}).get("alt", "").split()),
            "png": base64.b64decode("".join(png) if isinstance(png, list) else png),
        })
    return found


def png_digest(png: bytes) -> str:
    """What an SVG records of its PNG: the SVG is stale when the PNG changes."""
    return "PNG sha256 " + hashlib.sha256(png).hexdigest()


def chapter_title(notebook: Path) -> str:
    """The first level-one heading of the chapter's Markdown source."""
    for line in notebook.with_suffix(".md").read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    raise ValueError(f"{notebook.name}: no title")


def thumbnail(png: bytes) -> bytes:
    """A THUMB_WIDTH-pixel-wide copy of a PNG, THUMB_COLOURS colours."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    height = round(image.height * THUMB_WIDTH / image.width)
    small = image.resize((THUMB_WIDTH, height), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    small.quantize(THUMB_COLOURS, dither=Image.Dither.NONE).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def gallery(figures: dict[Path, list[dict]]) -> str:
    """The text of the gallery page, appendices/figures.md."""
    def wrap(text: str, indent: str = "") -> list[str]:
        return textwrap.wrap(text, 79, initial_indent=indent,
                             subsequent_indent=indent, break_long_words=False,
                             break_on_hyphens=False)

    lines = [
        "(app-figures)=",
        "# Figure gallery",
        "",
        *wrap(
            "Every figure of the book, chapter by chapter. Each caption links "
            "to the figure in its chapter, where the code that computed it "
            "can be opened. The downloads are the PNG the website shows and "
            "an SVG (vector graphics, for slides). `make figures` regenerates "
            "them all from the chapters; a test checks that they match."
        ),
        "",
        "<!-- Generated by tools/export_figures.py: edit that, not this. -->",
    ]
    for notebook, items in figures.items():
        if not items:
            continue
        lines += ["", f"## {chapter_title(notebook)}", ""]
        lines += [f"From {{doc}}`../chapters/{notebook.stem}`.", ""]
        for item in items:
            stem = item["stem"]
            lines += [
                "```{image} " + f"../figures/thumbs/{stem}.png",
                "---",
                "alt: >-",
                *wrap(item["alt"] or item["caption"], "  "),
                "---",
                "```",
                "",
                *wrap(f"{{numref}}`{item['name']}`: {item['caption']}"),
                "Download:",
                f"{{download}}`PNG <../figures/{stem}.png>`,",
                f"{{download}}`SVG <../figures/{stem}.svg>`.",
                "",
            ]
    return "\n".join(lines).rstrip() + "\n"


def expected_files() -> tuple[dict[Path, list[dict]], dict[str, bytes], str]:
    """Everything derived from the stored notebooks: figures, files, gallery."""
    figures = {nb: named_figures(nb) for nb in sorted(CHAPTERS.glob("*.ipynb"))}
    files = {}
    for items in figures.values():
        for item in items:
            files[f"{item['stem']}.png"] = item["png"]
            files[f"thumbs/{item['stem']}.png"] = thumbnail(item["png"])
    return figures, files, gallery(figures)


def export_svg(md: Path, out: Path = OUT) -> tuple[str, list[str], float]:
    """Execute one chapter and save each named figure as out/<stem>.svg."""
    nb = jupytext.read(md, fmt="md:myst")
    stored = named_figures(md.with_suffix(".ipynb"))
    pngs = {item["stem"]: item["png"] for item in stored}
    stems, cells = [], []
    for cell in nb.cells:
        cells.append(cell)
        if cell.cell_type != "code":
            continue
        name = figure_name(cell)
        if name:
            # in a cell of its own, right after the figure's cell
            stem = f"{md.stem}--{name}"
            stems.append(stem)
            source = png_digest(pngs.get(stem, b""))
            cells.append(nbformat.v4.new_code_cell(
                f"_export_svg({stem!r}, {source!r}, _previous_output())"
            ))
        else:
            cell.source += "\nplt.close('all')"
    nb.cells = cells
    prelude = PRELUDE.replace("{OUT}", str(out))
    nb.cells.insert(0, nbformat.v4.new_code_cell(prelude))
    start = time.perf_counter()
    NotebookClient(
        nb, timeout=600, kernel_name="python3",
        resources={"metadata": {"path": str(md.parent)}},
    ).execute()
    return md.name, stems, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("patterns", nargs="*")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)

    figures, files, text = expected_files()
    (OUT / "thumbs").mkdir(parents=True, exist_ok=True)
    wanted = set(files) | {f"{i['stem']}.svg" for v in figures.values() for i in v}
    for old in list(OUT.glob("*.*")) + list((OUT / "thumbs").glob("*.*")):
        if old.relative_to(OUT).as_posix() not in wanted:
            old.unlink()
    for rel, data in files.items():
        (OUT / rel).write_bytes(data)
    GALLERY.write_text(text, encoding="utf-8")

    sources = [nb.with_suffix(".md") for nb, items in figures.items() if items]
    if args.patterns:
        sources = [md for md in sources if any(p in md.name for p in args.patterns)]
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for name, stems, seconds in pool.map(export_svg, sources):
            print(f"{name:<34} {len(stems):>2} SVG(s) in {seconds:4.1f} s", flush=True)
    count = sum(len(v) for v in figures.values())
    print(f"{count} figures in figures/ (PNG, SVG, thumbnail); gallery: "
          f"{GALLERY.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
