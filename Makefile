# The two commands a reader needs: `make book` and `make test`.
# Both create .venv from requirements.txt when it is missing or out of date.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(abspath $(VENV))/bin
STAMP  := $(VENV)/.installed
BUILD  := _build
JB_FLAGS := -W -n --keep-going
JOBS   ?= 2
# The website is rendered from the stored, executed notebooks (chapters/*.ipynb);
# nothing executes inside Sphinx (see _config.yml).
JB_BUILD := $(BIN)/jupyter-book build .

# The venv's tools come first, and Jupyter uses the venv's kernel.
export PATH := $(BIN):$(PATH)
export JUPYTER_PREFER_ENV_PATH := 1
export PYDEVD_DISABLE_FILE_VALIDATION := 1
unexport MPLBACKEND

.PHONY: help venv book notebooks format test lint unit nbval site browser weight serve lab bench clean course-student course-instructor figures latex pdf pdf-student

help:
	@echo "make book       set up .venv if needed, then build the website into $(BUILD)/html"
	@echo "make test       set up .venv if needed, then run every check (lint, unit, notebooks, site, course edition, browser)"
	@echo "make notebooks  re-execute chapters/*.md into their stored .ipynb (ONLY=05 for one chapter)"
	@echo "make format     format chapter code to 79 columns (ruff through jupytext)"
	@echo "make serve      serve the built website on http://127.0.0.1:8000"
	@echo "make lab        open the chapters in JupyterLab, each .md as a notebook (LAB_ARGS=\"--port=8890\" adds options)"
	@echo "make course-student / course-instructor   the course editions, without / with solutions"
	@echo "make pdf        the book as a PDF, A4 (PAPER=letter for US Letter; installs LaTeX from Debian's packages if missing)"
	@echo "make pdf-student  the student edition (no solutions) as a PDF"
	@echo "make figures    every figure as PNG and SVG in figures/, and the gallery page (after make notebooks)"
	@echo "make bench      measure build speed, solver speed and page weight (prints figures)"
	@echo "make clean      remove the build (keeps .venv)"

$(STAMP): requirements.txt lib/pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $(STAMP)

venv: $(STAMP)

# axe-core, the accessibility engine the browser tests inject into every page
# (tests/site/test_a11y.py), from npm at the version pinned in package-lock.json;
# installed here, never fetched at test time. npm stamps package files with a
# 1985 date, hence the touch.
AXE := node_modules/axe-core/axe.min.js

$(AXE): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm not found: the accessibility tests need axe-core from npm (apt-get install npm)"; exit 1; }
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $(AXE)

# An author who edited a chapter gets its notebook re-executed first (--stale:
# only chapters whose cells differ from their stored notebook).
book: $(STAMP)
	$(BIN)/python tools/notebooks.py --stale --jobs $(JOBS)
	$(JB_BUILD) $(JB_FLAGS)
	@echo "website built: open $(BUILD)/html/index.html, or run 'make serve'"

notebooks: $(STAMP)
	$(BIN)/python tools/notebooks.py --jobs $(JOBS) $(ONLY)

# Chapter code formatted to the 79 columns the website shows (ruff, through jupytext).
format: $(STAMP)
	for md in chapters/*.md; do $(BIN)/jupytext -q --pipe "$(BIN)/ruff format --line-length 79 {}" $$md; done

lint: $(STAMP)
	$(BIN)/ruff check lib tests tools _ext

unit: $(STAMP)
	$(BIN)/python -m pytest tests lib/src/sparsity --ignore=tests/site -n $(JOBS)

# Stored notebooks are written with the machine's default BLAS threads; nbval
# re-runs them single-threaded, so every check also proves the printed digits
# do not depend on the thread count.
nbval: $(STAMP)
	OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 $(BIN)/python -m pytest --nbval chapters --nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider -n $(JOBS) --dist loadfile

# The site from the stored notebooks that nbval has just re-executed and
# compared (a stale notebook already failed the unit tests). CI starts clean.
site: $(STAMP)
	@if [ "$$CI" = "true" ]; then rm -rf $(BUILD); fi
	$(JB_BUILD) $(JB_FLAGS)

# The built site in a real Chromium (Debian's /usr/bin/chromium), network cut off,
# plus internal links and page weight. Skipped with a message when Chromium is
# missing, except under CI=true where that is a failure. Every page is also
# audited with axe-core (tests/site/test_a11y.py).
browser: $(STAMP) $(AXE)
	$(BIN)/python -m pytest tests/site -p no:cacheprovider -o addopts="-ra" -n $(JOBS)

weight: $(STAMP)
	$(BIN)/python tools/page_weight.py

# The book as a PDF, built with XeLaTeX from Debian's TeX Live. LaTeX is
# installed on first use (about 370 MB on disk: the packages below; poppler-utils
# gives tests/site/test_pdf.py pdftotext and pdftoppm). Jupyter Book's own LaTeX
# class would also need texlive-fonts-extra (1.4 GB more, for bbm.sty):
# _ext/book_latex.py gives the PDF its parts and chapters without it.
LATEX_PACKAGES := texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended \
                  texlive-xetex latexmk fonts-freefont-otf poppler-utils
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

latex:
	@if ! command -v xelatex >/dev/null || ! command -v latexmk >/dev/null || ! command -v pdftotext >/dev/null; then \
	  echo "installing LaTeX from Debian's packages: $(LATEX_PACKAGES)"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(LATEX_PACKAGES); \
	fi

# A4 by default; `make pdf PAPER=letter` for US Letter (_ext/book_latex.py).
PAPER ?= a4

pdf: $(STAMP) latex
	BOOK_PAPER=$(PAPER) $(JB_BUILD) --builder pdflatex --keep-going
	@echo "PDF: $(BUILD)/latex/book.pdf"

# The student edition (no solutions) as a PDF.
pdf-student: $(STAMP) latex
	BOOK_PAPER=$(PAPER) $(BIN)/python tools/course.py student --pdf

# Every figure of the book in figures/ (PNG as on the website, SVG for slides,
# thumbnails) and the gallery page appendices/figures.md; tests/test_figures.py
# checks they match the chapters.
figures: $(STAMP)
	$(BIN)/python tools/export_figures.py --jobs $(JOBS) $(ONLY)

# Course editions (tools/course.py): for students, without solutions; for instructors, with them.
course-student: $(STAMP)
	$(BIN)/python tools/course.py student

course-instructor: $(STAMP)
	$(BIN)/python tools/course.py instructor

test: lint unit nbval site course-student browser
	@echo "all checks passed"

# Performance figures, printed (tests never time things): build speed, then solvers.
bench: $(STAMP)
	$(BIN)/python tools/bench_build.py --runs $(or $(RUNS),3) --test-runs $(or $(TEST_RUNS),1)
	@if [ -f tools/bench_solvers.py ]; then $(BIN)/python tools/bench_solvers.py; fi
	$(BIN)/python tools/page_weight.py

serve: $(STAMP)
	@test -d $(BUILD)/html || $(MAKE) book
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory $(BUILD)/html 8000

# The chapters in JupyterLab (from .venv), starting on the landing chapter.
# postBuild installs the settings in .binder-settings/ into .venv, exactly as
# Binder does: a chapter's .md opens as a notebook (jupytext), and JupyterLab
# fetches no news and checks for no updates. LAB_ARGS adds JupyterLab options
# (--port=8890, --no-browser, ...). As root (a container) it needs --allow-root.
ALLOW_ROOT := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)

lab: $(STAMP)
	NB_PYTHON_PREFIX=$(abspath $(VENV)) bash postBuild
	$(BIN)/jupyter lab $(ALLOW_ROOT) --ServerApp.root_dir="$(CURDIR)" \
	  --ServerApp.file_to_run=chapters/00-landing.md $(LAB_ARGS)

clean:
	rm -rf $(BUILD)
