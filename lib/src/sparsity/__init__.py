"""Helper code for the executable book *Why the lasso gives zeros*.

Modules
-------
data
    The canonical scenario, its split and unit conversion.
tables
    The one table formatter every chapter prints with.
plotting
    The book's palette and figure defaults.
"""

from . import book, data, plotting, tables
from .data import Dataset, load_canonical, make_regression, raw_coef, to_raw_units, train_test_split, true_weights
from .plotting import COLORS, LABELS, use_book_style
from .tables import coef_table, format_table

__all__ = [
    "COLORS",
    "LABELS",
    "Dataset",
    "book",
    "coef_table",
    "data",
    "format_table",
    "load_canonical",
    "make_regression",
    "plotting",
    "raw_coef",
    "tables",
    "to_raw_units",
    "train_test_split",
    "true_weights",
    "use_book_style",
]

__version__ = "0.1.0"
