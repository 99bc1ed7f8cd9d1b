"""The book's figure style: one palette and one set of defaults.

Each method keeps its colour in every chapter. The palette is Okabe and Ito's
colour-blind-safe set; true weights are always drawn in black.
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

#: Other colours, for things that are not a method (highlights, data points).
ACCENTS = ("#E69F00", "#56B4E9", "#CC79A7", "#F0E442")

#: Grey for de-emphasised data (the other coefficients of a path, background bars, contours).
MUTED = "#999999"

#: Light grey for guides drawn behind the data (knot lines, bands).
GUIDE = "#CCCCCC"

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
