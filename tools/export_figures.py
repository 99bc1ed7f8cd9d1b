"""Export every figure of the book, computed, as PNG and SVG files for slides.

Each chapter is executed from its Markdown source (as ``make notebooks`` does)
with matplotlib's non-interactive backend; after every cell that draws a named
figure (a ``mystnb.figure.name`` in its metadata), the open figures are saved
as ``figures/export/<chapter>--<figure name>.png`` and ``.svg`` and closed.
The files are reproducible: no dates or software versions are written into
them, and SVG ids are derived from a fixed salt.

Usage: ``python tools/export_figures.py [chapter name patterns...] [--jobs N]``
"""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "figures" / "export"

PRELUDE = '''
import matplotlib
matplotlib.use("Agg")
import warnings
import matplotlib.pyplot as plt
warnings.filterwarnings("ignore", message=".*non-interactive.*")

def _export_figures(name):
    numbers = plt.get_fignums()
    for k, number in enumerate(numbers):
        figure = plt.figure(number)
        stem = name if len(numbers) == 1 else f"{name}-{k + 1}"
        matplotlib.rcParams["svg.hashsalt"] = stem
        figure.savefig(f"{OUT}/{stem}.png", dpi=150, metadata={"Software": None})
        figure.savefig(f"{OUT}/{stem}.svg", metadata={"Date": None, "Creator": None})
    plt.close("all")
'''


def figure_name(cell) -> str | None:
    return cell.get("metadata", {}).get("mystnb", {}).get("figure", {}).get("name")


def export(md: Path) -> tuple[str, list[str], float]:
    nb = jupytext.read(md, fmt="md:myst")
    names = []
    for cell in nb.cells:
        name = figure_name(cell) if cell.cell_type == "code" else None
        if name:
            stem = f"{md.stem}--{name}"
            names.append(stem)
            cell.source += f"\n_export_figures({stem!r})"
    nb.cells.insert(0, nbformat.v4.new_code_cell(PRELUDE.replace("{OUT}", str(OUT))))
    start = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(md.parent)}}).execute()
    return md.name, names, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("patterns", nargs="*")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    sources = sorted((ROOT / "chapters").glob("*.md"))
    if args.patterns:
        sources = [md for md in sources if any(p in md.name for p in args.patterns)]
    OUT.mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for name, figures, seconds in pool.map(export, sources):
            print(f"{name:<34} {len(figures):>2} figure(s) in {seconds:4.1f} s", flush=True)
    files = sorted(OUT.glob("*.png"))
    print(f"{len(files)} figures in {OUT.relative_to(ROOT)}/ (PNG and SVG)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
