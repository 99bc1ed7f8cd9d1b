"""The PDF edition builds when LaTeX is present (`make pdf` installs it; make test does not)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.mark.skipif(not (shutil.which("xelatex") and shutil.which("latexmk")),
                    reason="LaTeX not installed (make pdf installs it); skipping the PDF build")
def test_pdf_builds_with_every_chapter():
    result = subprocess.run(
        [str(Path(sys.executable).with_name("jupyter-book")), "build", ".", "--builder", "pdflatex",
         "--keep-going"],
        cwd=ROOT, capture_output=True, text=True, timeout=1800,
    )
    pdf = ROOT / "_build" / "latex" / "book.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stdout[-3000:] + result.stderr[-3000:]
    assert pdf.stat().st_size > 100_000
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        for phrase in ("ordinary least squares", "soft-thresholding", "Bibliography"):
            assert phrase.lower() in text.lower(), f"the PDF lacks {phrase!r}"
