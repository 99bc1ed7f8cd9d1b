"""Helper code for the executable book *Why the lasso gives zeros*.

Modules
-------
data
    The canonical scenario, its split and unit conversion.
tables
    The one table formatter every chapter prints with.
plotting
    The book's palette and figure defaults.
book
    Chapter plumbing: glue computed numbers into the prose.
checks
    Exercise self-checks (right or wrong, with a hint).
solvers
    Lasso and elastic-net solvers written from scratch, on scikit-learn's scalings
    (coordinate descent, ISTA/FISTA, the screened path, the homotopy).
screening
    Screening rules (SAFE, gap-safe, strong) and the KKT check of chapter 9.
geometry
    Exact minimisers of a quadratic over the L1, L2 and elastic-net balls.
widgets
    The drawing routine of the geometry figures, and ipywidgets explorers (need a kernel).
explorers
    Live figures that solve their problem in the page (website, JupyterLab, Colab).
"""

from . import (
    book,
    data,
    explorers,
    geometry,
    plotting,
    screening,
    solvers,
    tables,
)
from .data import (
    Dataset,
    load_canonical,
    make_sparse_regression,
    raw_coef,
    split_train_test,
    to_raw_units,
    true_weights,
)
from .plotting import COLORS, LABELS, use_book_style
from .tables import coef_table, format_table

__all__ = [
    "COLORS",
    "LABELS",
    "Dataset",
    "book",
    "coef_table",
    "data",
    "explorers",
    "format_table",
    "geometry",
    "load_canonical",
    "make_sparse_regression",
    "plotting",
    "raw_coef",
    "screening",
    "solvers",
    "tables",
    "to_raw_units",
    "split_train_test",
    "true_weights",
    "use_book_style",
]

__version__ = "0.1.0"
