"""The book's figure style: one palette and one set of defaults.

Each method keeps its colour in every chapter. The palette is Okabe and Ito's
colour-blind-safe set; true weights, reference lines and annotations are
drawn in ``INK`` (black).
"""

from __future__ import annotations

import matplotlib as mpl

#: Colour of each method, the same in every figure of the book.
COLORS = {
    "ols": "#555555",
    "ridge": "#0072B2",
    "lasso": "#D55E00",
    "enet": "#009E73",
    "true": "#000000",
}

#: Ink for true weights, zero lines, reference lines and annotations.
INK = COLORS["true"]

#: Other colours, for things that are not a method (highlights, data points).
ACCENTS = ("#E69F00", "#56B4E9", "#CC79A7", "#F0E442")

#: Grey for de-emphasised data (the other coefficients of a path, background bars, contours).
MUTED = "#999999"

#: Light grey for guides drawn behind the data (knot lines, bands).
GUIDE = "#CCCCCC"

def feature_style(j: int, highlight: int | None = None, n_true: int = 3) -> dict:
    """Line style of feature ``j``'s curve on a path plot (chapter 9).

    The first ``n_true`` features (the informative ones of the canonical data)
    get an accent colour each, every other feature a thin dashed grey line;
    feature ``highlight``, if given, is drawn thick in the lasso's colour.
    """
    if highlight is not None and j == highlight:
        return {"color": COLORS["lasso"], "linewidth": 2.6, "zorder": 4}
    if j < n_true:
        return {"color": ACCENTS[j % len(ACCENTS)], "linewidth": 1.8, "zorder": 3}
    return {"color": MUTED, "linewidth": 0.9, "linestyle": "--", "zorder": 2}


#: Label of each method in legends.
LABELS = {"ols": "OLS", "ridge": "ridge", "lasso": "lasso", "enet": "elastic net", "true": "true weights"}


def use_book_style() -> None:
    """Apply the book's matplotlib defaults (size, resolution, fonts, line width).

    Call once at the top of a chapter. Figures are rendered as PNG at a
    resolution that is sharp on screen while keeping pages light.
    """
    mpl.rcParams.update(
        {
            "figure.figsize": (6.4, 3.6),
            "figure.dpi": 100,
            "savefig.dpi": 100,
            "figure.constrained_layout.use": True,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "lines.linewidth": 1.8,
            "font.size": 10,
            "legend.frameon": False,
            "svg.hashsalt": "sparsity",
            "path.simplify": True,
        }
    )
