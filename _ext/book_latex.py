"""The book's print edition: the structure of the website in the PDF.

Sphinx's LaTeX builder inlines every page of ``_toc.yml`` into the landing
page, so on its own the PDF is one chapter per heading of the landing page
with all chapters as its sections. Jupyter Book's LaTeX support
(``use_jupyterbook_latex``) would map the parts, but its class needs
``bbm.sty``, which only Debian's 1 GB ``texlive-fonts-extra`` ships. This
extension does the mapping itself, for the LaTeX builder only:

* the landing page is an unnumbered preface (its headings are unnumbered
  sections, the list of chapters is dropped: the table of contents has it),
  with roman page numbers like the table of contents;
* every ``_toc.yml`` part is a ``\\part``; every chapter and appendix is a
  ``\\chapter`` (appendices lettered, after ``\\appendix``), so figures and
  equations are numbered per chapter;
* the bibliography is printed once, inside the "Bibliography" appendix, and
  each entry is labelled with the author-year text of its citations;
* a cell whose output the website hides because it is a kernel widget
  (tags ``remove-output`` and ``nbval-ignore-output``) is left out: in print
  it would be code with no result (the static figure beside it carries the
  argument);
* mathematics in a heading gets a plain-text form for the PDF bookmarks;
* the paper is A4, or US Letter with ``BOOK_PAPER=letter`` in the
  environment (``make pdf PAPER=letter``).

``tests/site/test_pdf.py`` checks the outline of the built PDF.
"""

from __future__ import annotations

import os
import re

from docutils import nodes
from sphinx import addnodes
from sphinx.builders.latex.nodes import thebibliography
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.latex import LaTeXTranslator
from sphinxcontrib.bibtex.nodes import raw_latex

PAPERS = {"a4": "a4paper", "letter": "letterpaper"}
# Side margins that give both papers the same text width (US Letter's with
# Sphinx's 1 inch margins, 6.5 in): a code line of 79 characters fits either.
HMARGIN = {"a4": "hmargin={0.88in,0.88in}", "letter": "hmargin={1in,1in}"}

# Table of contents with roman page numbers; the arabic numbering starts at
# the first part (the preface keeps roman numbers, as in a printed book).
TABLE_OF_CONTENTS = r"""
\pagenumbering{roman}%
\renewcommand{\contentsname}{Contents}% Sphinx would use the first part's caption
\begingroup\parskip 0pt\sphinxtableofcontentshook\tableofcontents\endgroup
\cleardoublepage
"""

PREAMBLE = r"""
% --- _ext/book_latex.py ---
% A wrapped code line ends in a visible arrow that pdftotext can read back
% (tests/site/test_pdf.py counts them).
\sphinxsetup{verbatimcontinued={\makebox[2\fontcharwd\font`\x][r]{\textcolor{red}{\tiny ↪}}}}
% The bibliography: no heading of its own (it sits in the Bibliography
% appendix), each entry starts with its author-year label, hanging indent.
\makeatletter
\renewenvironment{sphinxthebibliography}[1]{%
  \list{}{\labelwidth\z@ \labelsep\z@ \leftmargin 1.5em \itemindent -1.5em
          \itemsep .4\baselineskip \usecounter{enumiv}%
          \let\p@enumiv\@empty \renewcommand\theenumiv{\@arabic\c@enumiv}}%
  \renewcommand\@biblabel[1]{\textbf{[##1]}\ }%
  \sloppy \clubpenalty 4000 \@clubpenalty \clubpenalty \widowpenalty 4000
  \sfcode`\.\@m}
 {\def\@noitemerr{\@latex@warning{Empty bibliography}}\endlist}
\makeatother
% --- end of _ext/book_latex.py ---
"""

GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "lambda": "λ",
    "mu": "μ", "rho": "ρ", "sigma": "σ", "tau": "τ", "ell": "ℓ",
    "star": "*", "max": "max", "min": "min", "top": "T", "infty": "∞",
}


def plain_math(latex: str) -> str:
    """A bookmark-safe, plain-text form of a short formula (\\lambda_{\\max} -> λmax)."""
    text = re.sub(r"\\([A-Za-z]+)", lambda m: GREEK.get(m.group(1), m.group(1)), latex)
    return re.sub(r"[{}_^\\ ]", "", text)


def escape_latex(text: str) -> str:
    specials = {"&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
                "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
                "\\": r"\textbackslash{}"}
    return "".join(specials.get(c, c) for c in text)


def raw(latex: str) -> nodes.raw:
    return nodes.raw("", latex, format="latex")


def part_captions(app) -> dict[str, str]:
    """Map each docname of _toc.yml to the caption of its part."""
    site_map = getattr(app.config, "external_site_map", None)
    captions = {}
    if site_map is None:
        return captions
    for subtree in site_map.root.subtrees:
        for item in subtree.items:
            captions[str(item)] = subtree.caption or ""
    return captions


class WidgetCellsOut(SphinxPostTransform):
    """Leave out kernel-widget cells (remove-output + nbval-ignore-output) in print."""

    default_priority = 800
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(nodes.container)):
            classes = node.get("classes", [])
            if "tag_remove-output" in classes and "tag_nbval-ignore-output" in classes:
                node.parent.remove(node)


class BookStructure(SphinxPostTransform):
    """Preface, parts, chapters, appendices and the bibliography in its appendix."""

    default_priority = 900  # after Sphinx's BibliographyTransform (750)
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        root = self.config.root_doc
        if self.app.project.path2doc(self.document["source"]) != root:
            return
        captions = part_captions(self.app)
        top = next(iter(self.document.findall(nodes.section)))
        self.bibliography_labels()
        # the pages of _toc.yml, in order, detached from the landing page
        files = [n for n in self.document.findall(addnodes.start_of_file)
                 if n["docname"] in captions]
        for f in files:
            f.parent.remove(f)
        # the toctree wrappers, and the landing page's heading that held only them
        holders = []
        for wrapper in list(self.document.findall(nodes.compound)):
            if "toctree-wrapper" in wrapper.get("classes", []):
                if wrapper.parent is not top and wrapper.parent not in holders:
                    holders.append(wrapper.parent)
                wrapper.parent.remove(wrapper)
        for section in holders:
            if isinstance(section, nodes.section) and not any(
                    isinstance(c, nodes.Element) and not isinstance(c, (nodes.title, nodes.target))
                    and c.astext().strip() for c in section.children):
                section.parent.remove(section)  # "Chapters": only the list
        self.preface(top)
        bibliography = next(iter(self.document.findall(thebibliography)), None)
        if bibliography is not None:
            bibliography.parent.remove(bibliography)
            # in the order of the labels, as an author-year list is read
            bibliography.children.sort(key=lambda c: c[0].astext().lower())
        # parts, chapters and appendices after the preface
        current = None
        for f in files:
            caption = captions[f["docname"]]
            if caption != current:
                latex = ""
                if current is None:  # leave the preface: arabic numbers, chapter figures
                    latex += "\\cleardoublepage\\pagenumbering{arabic}\\let\\thefigure\\bookthefigure\n"
                if caption.lower().startswith("append"):
                    latex += "\\appendix\n"
                latex += f"\\part{{{escape_latex(caption)}}}\n"
                self.document.append(raw(latex))
                current = caption
            self.document.append(f)
            if f["docname"] == "appendices/bibliography" and bibliography is not None:
                section = next(iter(f.findall(nodes.section)))
                section.append(bibliography)
                bibliography = None
        if bibliography is not None:
            self.document.append(bibliography)

    def preface(self, top: nodes.section) -> None:
        """The landing page as an unnumbered preface, with unnumbered sections."""
        title = "Preface"  # the landing page's title is the book's, on the title page
        opening = ("\\chapter*{%s}\\addcontentsline{toc}{chapter}{%s}\\markboth{%s}{%s}\n"
                   "\\let\\bookthefigure\\thefigure\\renewcommand{\\thefigure}{P.\\arabic{figure}}\n"
                   % ((escape_latex(title),) * 4))
        index = 1 if isinstance(top[0], nodes.title) else 0
        top.insert(index, raw(opening))
        for section in [c for c in top.children if isinstance(c, nodes.section)]:
            heading = section[0].astext() if isinstance(section[0], nodes.title) else ""
            replacement = [raw("\\section*{" + escape_latex(heading) + "}\n")]
            replacement += [c for c in section.children if not isinstance(c, nodes.title)]
            for ident in section.get("ids", []):
                replacement.insert(1, nodes.target("", "", ids=[ident]))
            section.replace_self(replacement)

    def bibliography_labels(self) -> None:
        """Label each bibliography entry with the author-year text its citations show."""
        texts = {}
        for inline in self.document.findall(nodes.inline):
            if "bibtex-citation" not in inline.get("classes", []):
                continue
            key, words = None, []
            for node in inline.findall(lambda n: isinstance(n, (raw_latex, nodes.Text))):
                if isinstance(node, raw_latex):
                    match = re.match(r"\\hyperlink\{cite\.(.+?)\}\{$", node.rawsource)
                    if match:
                        key, words = match.group(1), []
                    elif node.rawsource == "}" and key:
                        texts.setdefault(key, "".join(words).strip())
                        key = None
                elif key is not None:
                    words.append(node.astext())
        for citation in self.document.findall(nodes.citation):
            key = f"{citation['docname']}:{citation['ids'][0]}"
            if texts.get(key):
                label = citation[0]
                label.children = [nodes.Text(texts[key])]


class BookLaTeXTranslator(LaTeXTranslator):
    """Mathematics in a section heading gets a plain form for the bookmarks."""

    def visit_math(self, node):
        if self.in_title and isinstance(node.parent, nodes.title) and isinstance(
                node.parent.parent, nodes.section):
            formula = node.astext()
            self.body.append(r"\texorpdfstring{\protect\(" + formula + r"\protect\)}{" + plain_math(formula) + "}")
            raise nodes.SkipNode
        return super().visit_math(node)


def configure(app, config) -> None:
    paper = os.environ.get("BOOK_PAPER", "a4").lower()
    if paper not in PAPERS:
        raise ValueError(f"BOOK_PAPER must be one of {sorted(PAPERS)}, not {paper!r}")
    elements = dict(config.latex_elements or {})
    elements["papersize"] = PAPERS[paper]
    elements["sphinxsetup"] = ",".join(
        x for x in (elements.get("sphinxsetup", ""), HMARGIN[paper]) if x)
    elements["preamble"] = elements.get("preamble", "") + PREAMBLE
    elements["tableofcontents"] = TABLE_OF_CONTENTS
    config.latex_elements = elements
    config.numfig = True


def setup(app):
    app.connect("config-inited", configure, priority=900)
    app.add_post_transform(WidgetCellsOut)
    app.add_post_transform(BookStructure)
    app.set_translator("latex", BookLaTeXTranslator, override=True)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
