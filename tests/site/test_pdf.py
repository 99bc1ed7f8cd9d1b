"""The PDF edition: built when LaTeX is present (`make pdf` installs it; make test does not).

The book is built once, as `make pdf` builds it (A4), into a temporary folder,
then read back: its outline (with pypdf when it is installed, else the printed
table of contents through pdftotext), its text, and a few pages rendered to
PNG. The paper-size switch is checked without LaTeX.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "_ext"))
import book_latex  # noqa: E402

HAVE_LATEX = bool(shutil.which("xelatex") and shutil.which("latexmk"))
HAVE_POPPLER = bool(shutil.which("pdftotext") and shutil.which("pdftoppm") and shutil.which("pdfinfo"))
needs_latex = pytest.mark.skipif(
    not (HAVE_LATEX and HAVE_POPPLER),
    reason="LaTeX or poppler-utils not installed (make pdf installs both); skipping the PDF build",
)

# Words that only make sense on the website: in print each sits in an
# `{only} html` block, with print wording in `{only} latex`.
WEB_ONLY = re.compile(r"\bdrag\w*|\bsliders?\b|press play|on this website|rocket button|\bclick\w*",
                      re.IGNORECASE)
# A code or output line too long for the page wraps and is marked with this
# arrow (_ext/book_latex.py). Code and printed output are limited to 79
# columns (tests/test_chapters.py), which fit the page: nothing may wrap.
WRAP_MARK = "↪"
MAX_WRAPPED_LINES = 0


def toc_structure() -> list[tuple[str, list[str]]]:
    """The parts of _toc.yml with the titles of their chapters, in order."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    parts = []
    for part in toc["parts"]:
        titles = []
        for chapter in part["chapters"]:
            path = ROOT / f"{chapter['file']}.md"
            heading = next(line for line in path.read_text().splitlines() if line.startswith("# "))
            titles.append(heading[2:].strip())
        parts.append((part["caption"], titles))
    return parts


def normalise(text: str) -> str:
    text = re.sub(r"[$`*_\\{}]", "", text.replace("‑", "-").replace("’", "'"))
    return re.sub(r"\s+", " ", text).strip().lower()


@pytest.fixture
def pdf(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pdf")
    env = {**os.environ, "BOOK_PAPER": "a4"}
    result = subprocess.run(
        [str(Path(sys.executable).with_name("jupyter-book")), "build", ".", "--builder", "pdflatex",
         "--keep-going", "--path-output", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=1800, env=env,
    )
    book = out / "_build" / "latex" / "book.pdf"
    assert result.returncode == 0 and book.exists(), result.stdout[-3000:] + result.stderr[-3000:]
    return book


@pytest.fixture
def text(pdf) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def outline(pdf: Path, text: str) -> list[tuple[str, list[str]]]:
    """Top-level outline entries, each with its children's titles."""
    try:
        from pypdf import PdfReader
    except ImportError:
        return printed_contents(pdf)
    entries, tree = [], PdfReader(str(pdf)).outline
    for item in tree:
        if isinstance(item, list):
            entries[-1][1].extend(child.title for child in item if not isinstance(child, list))
        else:
            entries.append((item.title, []))
    return entries


def printed_contents(pdf: Path) -> list[tuple[str, list[str]]]:
    """The table of contents as printed: part lines (roman numeral), chapter lines under them."""
    layout = subprocess.run(["pdftotext", "-layout", "-l", "20", str(pdf), "-"],
                            capture_output=True, text=True, check=True).stdout
    entries = []
    for page in layout.split("\f"):
        if any(line.strip() == "PREFACE" for line in page.splitlines()):
            break  # the preface itself: the contents are over
        for line in page.splitlines():
            line = re.sub(r"(\s*\.)*\s+([ivxlc]+|\d+)$", "", line.strip())
            if line == "Preface" and not entries:
                entries.append(("Preface", []))
            elif m := re.match(r"^[IVX]+\s+(.+)$", line):
                entries.append((m.group(1), []))
            elif (m := re.match(r"^(?:\d+|[A-Z])\s+(.+)$", line)) and entries:
                entries[-1][1].append(m.group(1))
    return entries


def check_builds_with_every_chapter(pdf, text, tmp_path):
    assert pdf.stat().st_size > 100_000
    for phrase in ("ordinary least squares", "soft-thresholding", "Bibliography"):
        assert phrase.lower() in text.lower(), f"the PDF lacks {phrase!r}"
    front = "\f".join(text.split("\f")[:4])
    assert "CONTENTS" in front.upper() and "GETTING STARTED" not in front, "the contents page's title"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+", info), "the default paper is A4"


def check_outline_is_preface_then_the_parts_and_their_chapters(pdf, text, tmp_path):
    found = outline(pdf, text)
    assert found, "the PDF has no outline"
    assert normalise(found[0][0]) == "preface", f"the landing page is not the preface: {found[0]}"
    expected = toc_structure()
    parts = found[1:]
    assert [normalise(p) for p, _ in parts][: len(expected)] == [normalise(p) for p, _ in expected], (
        f"the outline's parts differ from _toc.yml: {[p for p, _ in parts]}"
    )
    for (caption, chapters), (_, listed) in zip(expected, parts, strict=False):
        listed = [normalise(title) for title in listed]
        for title in chapters:
            assert any(entry.startswith(normalise(title)[:40]) for entry in listed), (
                f"{title!r} is not a chapter of part {caption!r} in the outline: {listed}"
            )


def check_no_web_only_wording_in_print(pdf, text, tmp_path):
    hits = sorted({m.group(0).lower() for m in WEB_ONLY.finditer(text)})
    context = [text[max(0, m.start() - 60): m.end() + 20].replace("\n", " ") for m in WEB_ONLY.finditer(text)]
    assert not hits, f"web-only wording in the PDF: {hits}; e.g. {context[:5]}"


def check_numbering_bibliography_and_wrapping(pdf, text, tmp_path):
    # figures are numbered per chapter: chapter 4's first figure is 4.1
    assert "Fig. 4.1" in text and "Fig. 1.1" in text
    numbers = [int(n) for n in re.findall(r"Fig\. \d+\.(\d+)", text)]
    assert max(numbers) < 20, "figure numbers run across chapters"
    # the bibliography once, labelled as the citations read (author, year)
    assert text.count("Robert Tibshirani. Regression shrinkage") == 1
    assert "[Tibshirani, 1996] Robert Tibshirani" in text.replace("\n", " ")
    assert "[Tib96]" not in text
    wrapped = text.count(WRAP_MARK)
    assert wrapped <= MAX_WRAPPED_LINES, f"{wrapped} printed lines wrap"


def check_pages_render(pdf, text, tmp_path):
    import matplotlib.image

    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    n_pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert n_pages > 100
    for page in (1, 3, n_pages // 2, n_pages):
        prefix = tmp_path / f"page{page}"
        subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", str(page), "-l", str(page), str(pdf), str(prefix)],
                       check=True)
        image = matplotlib.image.imread(next(tmp_path.glob(f"page{page}*.png")))
        assert image.shape[0] > image.shape[1] > 200, "a portrait page"
        assert image[..., :3].min() < 0.5, f"page {page} rendered blank"


@needs_latex
def test_pdf_edition(pdf, text, tmp_path):
    """One build, every check on it (a test per check would build once per xdist worker)."""
    failures = []
    for check in (check_builds_with_every_chapter, check_outline_is_preface_then_the_parts_and_their_chapters,
                  check_no_web_only_wording_in_print, check_numbering_bibliography_and_wrapping,
                  check_pages_render):
        try:
            check(pdf, text, tmp_path)
        except AssertionError as error:
            failures.append(f"{check.__name__}: {error}")
    assert not failures, "\n\n".join(failures)


def test_paper_size_switch(monkeypatch):
    """A4 by default, US Letter with BOOK_PAPER=letter, anything else refused."""

    class Config:
        latex_elements: dict = {}
        numfig = False

    for paper, expected in (("", "a4paper"), ("letter", "letterpaper"), ("A4", "a4paper")):
        if paper:
            monkeypatch.setenv("BOOK_PAPER", paper)
        else:
            monkeypatch.delenv("BOOK_PAPER", raising=False)
        config = Config()
        book_latex.configure(None, config)
        assert config.latex_elements["papersize"] == expected
        assert "hmargin" in config.latex_elements["sphinxsetup"]
    monkeypatch.setenv("BOOK_PAPER", "a3")
    with pytest.raises(ValueError, match="BOOK_PAPER"):
        book_latex.configure(None, Config())
