"""Checks that tie the chapters' sources, stored notebooks, table of contents and tests together.

* every ``chapters/*.md`` has a stored ``.ipynb`` with the same cells, so an
  edited chapter whose notebook was not regenerated fails here;
* every stored notebook was executed, without errors;
* the table of contents lists every chapter and only existing ones;
* nbval really fails when a stored table's digit changes (a test of the test).
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = ROOT / "chapters"
SOURCES = sorted(CHAPTERS.glob("*.md"))
APPENDICES = sorted((ROOT / "appendices").glob("*.md"))  # plain pages, not notebooks
WIDGET_TAG = "nbval-ignore-output"
SETUP_TAG = "colab-setup"  # the install cell tools/notebooks.py puts first in every stored notebook


def cell_signature(cell) -> tuple:
    """What must agree between a chapter's Markdown and its stored notebook."""
    tags = tuple(cell.get("metadata", {}).get("tags", []))
    return cell["cell_type"], cell["source"].strip(), tags


@pytest.mark.parametrize("md", SOURCES, ids=lambda p: p.name)
def test_stored_notebook_has_the_same_cells_as_its_markdown(md):
    ipynb = md.with_suffix(".ipynb")
    assert ipynb.exists(), f"{ipynb.name} is missing: run `make notebooks ONLY={md.stem}`"
    expected = [cell_signature(c) for c in jupytext.read(md, fmt="md:myst").cells]
    stored = [cell_signature(c) for c in nbformat.read(ipynb, as_version=4).cells
              if SETUP_TAG not in c.get("metadata", {}).get("tags", [])]
    assert stored == expected, f"{ipynb.name} is stale: run `make notebooks ONLY={md.stem}`"


@pytest.mark.parametrize("md", SOURCES, ids=lambda p: p.name)
def test_stored_notebook_is_executed_without_errors(md):
    nb = nbformat.read(md.with_suffix(".ipynb"), as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code, f"{md.name} has no code cells"
    assert all(c.execution_count is not None for c in code), f"{md.name} was not fully executed"
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert not errors, f"{md.name} stored an error: {errors[0].get('ename')}"


@pytest.mark.parametrize("md", SOURCES, ids=lambda p: p.name)
def test_stored_notebook_installs_the_package_from_the_configured_repository(md):
    """Colab opens the stored notebook from the repository named in _config.yml; its first cell installs sparsity."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]
    first = nbformat.read(md.with_suffix(".ipynb"), as_version=4).cells[0]
    assert SETUP_TAG in first.metadata.get("tags", []), f"{md.name}: the Colab setup cell is missing"
    assert f"git+{config['url'].rstrip('/')}@{config.get('branch', 'main')}#subdirectory=lib" in first.source


@pytest.mark.parametrize("md", SOURCES, ids=lambda p: p.name)
def test_every_figure_has_a_name_a_caption_and_alt_text(md):
    """A cell that draws a figure gives it a name (for {numref} and the slide export), a caption and alt text."""
    for cell in jupytext.read(md, fmt="md:myst").cells:
        if cell.cell_type != "code" or "plt.show()" not in cell.source:
            continue
        meta = cell.metadata.get("mystnb", {})
        figure, image = meta.get("figure", {}), meta.get("image", {})
        first_line = cell.source.strip().splitlines()[0]
        assert figure.get("name") and figure.get("caption"), f"{md.name}: figure without name/caption: {first_line}"
        assert image.get("alt"), f"{md.name}: figure without alt text: {first_line}"


def test_every_stored_notebook_has_a_markdown_source():
    orphans = [p.name for p in CHAPTERS.glob("*.ipynb") if not p.with_suffix(".md").exists()]
    assert not orphans, f"notebooks without a .md source: {orphans}"


def test_chapter_file_names_follow_the_convention():
    bad = [p.name for p in SOURCES if not re.fullmatch(r"\d\d-[a-z0-9-]+\.md", p.name)]
    assert not bad, f"chapters must be named NN-slug.md: {bad}"


def toc_files() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]]
    for part in toc.get("parts", []):
        files += [chapter["file"] for chapter in part["chapters"]]
    return files


def test_table_of_contents_lists_every_chapter_once():
    listed = toc_files()
    assert len(listed) == len(set(listed)), "a chapter is listed twice in _toc.yml"
    on_disk = {f"chapters/{p.stem}" for p in SOURCES} | {f"appendices/{p.stem}" for p in APPENDICES}
    assert set(listed) == on_disk, (
        f"not in _toc.yml: {sorted(on_disk - set(listed))}; missing on disk: {sorted(set(listed) - on_disk)}"
    )


def test_ignored_outputs_are_only_widgets_or_timings():
    """nbval-ignore-output hides a cell's output from the check; allow it only where output is truly random.

    ipywidgets carry random model ids; wall-clock timings differ on
    every run. Such a cell still executes under nbval, so its asserts still run.
    """
    for md in SOURCES:
        for cell in jupytext.read(md, fmt="md:myst").cells:
            if WIDGET_TAG in cell.get("metadata", {}).get("tags", []):
                assert re.search(r"widget|interact|perf_counter|timeit", cell["source"]), (
                    f"{md.name}: {WIDGET_TAG} on a cell that is not a widget or a timing"
                )


def first_table_output(nb) -> tuple[int, int, int]:
    """Locate the first stored stream line that holds a signed coefficient with three decimals."""
    for ci, cell in enumerate(nb["cells"]):
        for oi, output in enumerate(cell.get("outputs", [])):
            if output.get("output_type") != "stream":
                continue
            lines = output["text"] if isinstance(output["text"], list) else output["text"].splitlines(True)
            for li, line in enumerate(lines):
                if re.search(r"[+-]\d+\.\d{3}", line):
                    return ci, oi, li
    raise AssertionError("no coefficient table found")


def run_nbval(path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "JUPYTER_PREFER_ENV_PATH": "1"}
    env.pop("MPLBACKEND", None)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval", str(path), "-p", "no:cacheprovider", "-q",
         "--sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg"), "-o", "addopts="],
        capture_output=True, text=True, cwd=path.parent, env=env, timeout=600,
    )


def test_nbval_fails_when_one_digit_of_a_stored_table_changes(tmp_path):
    source = CHAPTERS / "05-ols.ipynb"
    nb = json.loads(source.read_text())
    ci, oi, li = first_table_output(nb)
    output = nb["cells"][ci]["outputs"][oi]
    lines = output["text"] if isinstance(output["text"], list) else output["text"].splitlines(True)
    match = re.search(r"[+-]\d+\.\d{3}", lines[li])
    last = match.end() - 1
    digit = lines[li][last]
    lines[li] = lines[li][:last] + str((int(digit) + 1) % 10) + lines[li][last + 1:]
    output["text"] = lines
    tampered = tmp_path / source.name
    tampered.write_text(json.dumps(nb))
    shutil.copy(CHAPTERS / "05-ols.md", tmp_path)  # nothing else is needed: chapters import sparsity
    result = run_nbval(tampered)
    assert result.returncode != 0, "nbval passed a notebook whose stored table was changed"
    assert "outputs differ" in result.stdout


def test_regenerating_a_chapter_reproduces_its_stored_notebook_byte_for_byte(tmp_path):
    """`make notebooks` is deterministic: a fresh execution writes exactly the stored file."""
    spec = importlib.util.spec_from_file_location("notebooks_tool", ROOT / "tools" / "notebooks.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    md = CHAPTERS / "05-ols.md"
    tool.regenerate(md, tmp_path / "05-ols.ipynb")
    assert (tmp_path / "05-ols.ipynb").read_bytes() == md.with_suffix(".ipynb").read_bytes()


CODE_WIDTH = 79  # what the website's text column shows at 1280 px (tests/site/test_pages.py)


@pytest.mark.parametrize("md", SOURCES, ids=lambda p: p.name)
def test_chapter_code_fits_the_text_column(md):
    """Code lines fit the page: format with `make format`, then shorten comments and strings."""
    nb = jupytext.read(md, fmt="md:myst")
    long = [line for c in nb.cells if c.cell_type == "code" for line in c.source.splitlines()
            if len(line) > CODE_WIDTH]
    assert not long, f"{md.name}: {len(long)} code line(s) over {CODE_WIDTH} characters, e.g. {long[0]!r}"


def _printed_lines(cell) -> list[str]:
    """The text a reader sees under a cell: streams and plain-text results."""
    tags = cell.get("metadata", {}).get("tags", [])
    if "remove-output" in tags or "remove-cell" in tags:
        return []
    lines = []
    for out in cell.get("outputs", []):
        if out["output_type"] == "stream":
            lines += "".join(out["text"]).splitlines()
        elif set(out.get("data", {})) == {"text/plain"}:
            lines += "".join(out["data"]["text/plain"]).splitlines()
    return lines


@pytest.mark.parametrize("md", SOURCES, ids=lambda p: p.name)
def test_printed_output_fits_the_text_column(md):
    """Printed tables and lines fit the page and the PDF: split wide tables."""
    nb = json.loads(md.with_suffix(".ipynb").read_text(encoding="utf-8"))
    long = [line for c in nb["cells"] if c["cell_type"] == "code"
            for line in _printed_lines(c) if len(line) > CODE_WIDTH]
    assert not long, f"{md.name}: {len(long)} printed line(s) over {CODE_WIDTH} characters, e.g. {long[0]!r}"


def _only_glue_or_assert(statement) -> bool:
    """A statement a removed cell may hold: an assert, a glue(...) call or glue's import."""
    if isinstance(statement, ast.Assert):
        return True
    if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
        return getattr(statement.value.func, "id", None) == "glue"
    if isinstance(statement, ast.ImportFrom):
        return statement.module == "sparsity.book" and [a.name for a in statement.names] == ["glue"]
    if isinstance(statement, ast.For):  # glue or assert in a loop
        return all(_only_glue_or_assert(s) for s in statement.body)
    return False


@pytest.mark.parametrize("md", SOURCES, ids=lambda p: p.name)
def test_removed_cells_hold_only_glue_and_asserts(md):
    """A reader can open every cell that computes something (hide-input); only glue and asserts vanish."""
    nb = jupytext.read(md, fmt="md:myst")
    for number, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and "remove-cell" in cell.metadata.get("tags", []):
            other = [ast.unparse(s).splitlines()[0] for s in ast.parse(cell.source).body
                     if not _only_glue_or_assert(s)]
            assert not other, (f"{md.name}, cell {number}: a remove-cell cell computes {other[:2]}; "
                               "make it hide-input, or move the computation to a visible cell")
