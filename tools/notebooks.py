"""Regenerate the stored, executed notebooks from the MyST Markdown chapters.

The ``.md`` file is the only source a person edits. This script converts each
one to a notebook with jupytext, executes it in a fresh kernel, normalises
everything that would otherwise differ between runs (cell ids, timing and
machine metadata, widget views, the outputs of wall-clock timing cells, how
the kernel split a print into stream messages), stores figures as palette
PNGs, puts a Colab install cell first, and writes ``chapters/NN-slug.ipynb`` beside it.
Running it twice gives byte-identical files.

Usage::

    python tools/notebooks.py                 # every chapter
    python tools/notebooks.py 05 07-lasso     # chapters whose name contains these
    python tools/notebooks.py --jobs 2        # two kernels at a time
    python tools/notebooks.py --stale         # only chapters whose cells changed

``make book`` runs it with ``--stale`` before rendering the website from the
stored notebooks, so an edited chapter is never shown with old outputs.
"""

from __future__ import annotations

import argparse
import base64
import io
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import jupytext
import nbformat
import yaml
from nbclient import NotebookClient
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = ROOT / "chapters"
TIMEOUT = 120  # seconds per cell: chapters take under 10 s in all, so a hang fails fast
SETUP_TAG = "colab-setup"


def colab_setup_cell() -> nbformat.NotebookNode:
    """The first cell of every stored notebook: in Colab, install the book's package.

    The repository address comes from ``_config.yml`` (``repository.url`` and
    ``repository.branch``), the one place that names it. The cell exists only
    in the stored ``.ipynb`` (what Colab and Binder open), not in the ``.md``.
    """
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    repo = config["repository"]
    url = repo["url"].rstrip("/")
    branch = repo.get("branch", "main")
    source = (
        "# Colab only: install the book's helper package `sparsity`, myst-nb (which\n"
        "# glues numbers into the text) and python-glmnet (glmnet's own code, which\n"
        "# some chapters run). In Binder or a local checkout this cell does nothing.\n"
        "import sys\n"
        "\n"
        'if "google.colab" in sys.modules:\n'
        "    get_ipython().run_line_magic(\n"
        '        "pip",\n'
        f'        "install --quiet \'sparsity @ git+{url}@{branch}#subdirectory=lib\' "\n'
        '        "myst-nb python-glmnet",\n'
        "    )"
    )
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": [SETUP_TAG, "remove-cell"]})
    cell["id"] = "colab-setup"
    return cell


def md_to_notebook(md: Path) -> nbformat.NotebookNode:
    """Read a MyST chapter as an unexecuted notebook with stable cell ids."""
    nb = jupytext.read(md, fmt="md:myst")
    for number, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{number:03d}"
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nb.cells.insert(0, colab_setup_cell())
    return nb


def is_timing(cell) -> bool:
    """A cell that measures wall-clock time (tagged nbval-ignore-output, using perf_counter or timeit)."""
    tags = cell.get("metadata", {}).get("tags", [])
    return cell.cell_type == "code" and "nbval-ignore-output" in tags and (
        "perf_counter" in cell.source or "timeit" in cell.source)


def palette_png(data: str) -> str:
    """A figure's base64 PNG re-encoded with a 256-colour palette (deterministic).

    The book's figures are line art in a handful of colours; as palette PNGs
    they are about 60% lighter, which keeps every page of the website under
    its weight budget (tests/site/test_weight.py) at the same resolution.
    """
    image = Image.open(io.BytesIO(base64.b64decode(data))).convert("RGBA")
    flat = Image.new("RGB", image.size, "white")
    flat.paste(image, mask=image.getchannel("A"))
    palette = flat.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    palette.save(out, format="PNG", optimize=True)
    return base64.b64encode(out.getvalue()).decode("ascii")


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Remove everything from an executed notebook that is not the book's own content."""
    kernelspec = nb.metadata.get("kernelspec", {"display_name": "Python 3", "language": "python", "name": "python3"})
    nb.metadata = nbformat.NotebookNode(
        kernelspec=kernelspec,
        language_info=nbformat.NotebookNode(name="python"),
    )
    for cell in nb.cells:
        if is_timing(cell):
            # a wall-clock measurement differs on every run: keep the stored notebook reproducible
            # (the website shows the figures measured when it was built; nbval ignores them anyway)
            cell.outputs = []
        # how a kernel splits one print's text into stream messages varies from run to
        # run: join consecutive pieces of the same stream, as Jupyter displays them
        merged = []
        for output in cell.get("outputs", []):
            if (output.get("output_type") == "stream" and merged
                    and merged[-1].get("output_type") == "stream" and merged[-1].name == output.name):
                merged[-1].text += output.text
            else:
                merged.append(output)
        if cell.cell_type == "code":
            cell.outputs = merged
        for output in cell.get("outputs", []):
            # a widget's view points at a random model id whose state is not stored: without a
            # kernel it could not display anyway, so keep only its plain-text fallback
            output.get("data", {}).pop("application/vnd.jupyter.widget-view+json", None)
            if "image/png" in output.get("data", {}):
                output["data"]["image/png"] = palette_png(output["data"]["image/png"])
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None)
        cell.metadata.pop("scrolled", None)
    return nb


def regenerate(md: Path, out: Path | None = None) -> tuple[str, float]:
    """Execute one chapter and write its notebook (beside it, or to ``out``); return its name and seconds."""
    nb = md_to_notebook(md)
    start = time.perf_counter()
    client = NotebookClient(
        nb,
        timeout=TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(md.parent)}},
        record_timing=False,
        allow_errors=False,
        shutdown_kernel="immediate",
    )
    client.execute()
    seconds = time.perf_counter() - start
    nbformat.write(normalise(nb), out or md.with_suffix(".ipynb"))
    return md.name, seconds


def cell_signature(cell) -> tuple:
    """What must agree between a chapter's Markdown and its stored notebook."""
    tags = tuple(cell.get("metadata", {}).get("tags", []))
    return cell["cell_type"], cell["source"].strip(), tags


def is_stale(md: Path) -> bool:
    """True if ``md``'s stored notebook is missing or its cells differ from the Markdown."""
    ipynb = md.with_suffix(".ipynb")
    if not ipynb.exists():
        return True
    expected = [cell_signature(c) for c in jupytext.read(md, fmt="md:myst").cells]
    stored = [cell_signature(c) for c in nbformat.read(ipynb, as_version=4).cells
              if SETUP_TAG not in c.get("metadata", {}).get("tags", [])]
    return stored != expected


def select(patterns: list[str]) -> list[Path]:
    """The chapter sources whose file name contains one of ``patterns`` (all if none)."""
    sources = sorted(CHAPTERS.glob("*.md"))
    if patterns:
        sources = [md for md in sources if any(p in md.name for p in patterns)]
        if not sources:
            sys.exit(f"no chapter in {CHAPTERS} matches {patterns}")
    return sources


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("patterns", nargs="*", help="only chapters whose file name contains one of these")
    parser.add_argument("--jobs", type=int, default=1, help="kernels to run at once (default 1)")
    parser.add_argument("--stale", action="store_true",
                        help="only chapters whose stored notebook is missing or has other cells")
    args = parser.parse_args(argv)
    sources = select(args.patterns)
    if args.stale:
        sources = [md for md in sources if is_stale(md)]
        if not sources:
            print("every stored notebook has the same cells as its Markdown", flush=True)
            return 0
    total = time.perf_counter()
    print(f"regenerating {len(sources)} notebook(s) from Markdown, {args.jobs} at a time", flush=True)
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for done, (name, seconds) in enumerate(pool.map(regenerate, sources), 1):
            print(f"[{done:>2}/{len(sources)}] {name:<32} executed in {seconds:5.1f} s", flush=True)
    print(f"done in {time.perf_counter() - total:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
