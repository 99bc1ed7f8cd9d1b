"""One formatter for every table the book prints.

Tables are printed as plain text so that their output is stable, readable in
a notebook, on the website and in a PDF, and checked digit for digit by the
notebook tests. Numbers get a fixed number of decimals and an explicit sign;
an *exactly* zero coefficient is printed as a bare ``0``, so that a lasso zero
can never be confused with a small number that rounds to ``+0.000``.
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence

import numpy as np

from ._validation import as_float_array, check_int


def format_value(value, decimals: int = 3, *, signed: bool = True) -> str:
    """Format one table cell.

    Parameters
    ----------
    value : float, int, bool or str
        Floats get ``decimals`` decimals (and a sign if ``signed``); an exact
        floating-point zero is written ``0``; integers and booleans are written
        as they are; strings are left alone.
    decimals : int, default 3
    signed : bool, default True
        Whether positive floats carry an explicit ``+``.
    """
    if isinstance(value, str):
        return value
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        value = float(value)
        if np.isnan(value):
            return "nan"
        if value == 0.0:
            return "0"
        return f"{value:+.{decimals}f}" if signed else f"{value:.{decimals}f}"
    raise TypeError(f"table cells must be numbers or strings, got {type(value).__name__}")


def format_table(
    columns: Mapping[str, Sequence],
    *,
    index: Sequence[str] | None = None,
    index_name: str = "",
    decimals: int | Mapping[str, int] = 3,
    signed: bool = True,
    title: str | None = None,
) -> str:
    """Lay out named columns as a right-aligned plain-text table.

    Parameters
    ----------
    columns : mapping of str to sequence
        Column name to the column's cells; all columns must have one cell per row.
    index : sequence of str, optional
        Row labels, printed as a left-aligned first column.
    index_name : str, default ""
        Header of the row-label column.
    decimals : int or mapping of str to int, default 3
        Decimals for floating-point cells, for all columns or per column.
    signed : bool, default True
        Whether positive floats carry an explicit ``+``.
    title : str, optional
        A line printed above the table.

    Returns
    -------
    str
    """
    if not isinstance(columns, Mapping) or not columns:
        raise TypeError("columns must be a non-empty mapping of column name to cells")
    lengths = {name: len(cells) for name, cells in columns.items()}
    n_rows = next(iter(lengths.values()))
    if any(length != n_rows for length in lengths.values()):
        raise ValueError(f"columns must all have the same number of cells, got {lengths}")
    if index is not None and len(index) != n_rows:
        raise ValueError(f"index must have one label per row ({n_rows}), got {len(index)}")
    if isinstance(decimals, Mapping):
        unknown = set(decimals) - set(columns)
        if unknown:
            raise ValueError(f"decimals names columns that do not exist: {sorted(unknown)}")
        places = {name: check_int(decimals.get(name, 3), "decimals", minimum=0) for name in columns}
    else:
        places = dict.fromkeys(columns, check_int(decimals, "decimals", minimum=0))

    body = {
        name: [format_value(cell, places[name], signed=signed) for cell in cells]
        for name, cells in columns.items()
    }
    widths = {name: max(len(name), *(len(c) for c in cells)) if cells else len(name) for name, cells in body.items()}
    labels = [str(label) for label in index] if index is not None else None
    label_width = max([len(index_name), *(len(s) for s in labels)]) if labels else 0

    def line(label: str | None, cells: list[str]) -> str:
        parts = [label.ljust(label_width)] if labels is not None else []
        parts += [cell.rjust(widths[name]) for name, cell in zip(body, cells, strict=True)]
        return "  ".join(parts).rstrip()

    lines = [title] if title else []
    lines.append(line(index_name, list(body)))
    lines.append(line("-" * label_width, ["-" * widths[name] for name in body]))
    for row in range(n_rows):
        lines.append(line(labels[row] if labels else None, [body[name][row] for name in body]))
    return "\n".join(lines)


def coef_table(
    learned: Mapping[str, Sequence[float]],
    *,
    true=None,
    names: Sequence[str] | None = None,
    decimals: int = 3,
    title: str | None = None,
) -> str:
    """Format learned coefficients beside the true weights.

    The caller is responsible for units: pass learned coefficients and true
    weights on the same scale (see :func:`sparsity.data.to_raw_units`).

    Parameters
    ----------
    learned : mapping of str to array_like of shape (p,)
        Model name to its coefficient vector, for example ``{"ols": w_ols}``.
    true : array_like of shape (p,), optional
        The true weights, printed in a final column headed ``true``.
    names : sequence of str, optional
        Feature names; defaults to ``x1 ... xp``.
    decimals : int, default 3
    title : str, optional

    Returns
    -------
    str

    Examples
    --------
    >>> print(coef_table({"lasso": [1.25, 0.0]}, true=[1.0, 0.0]))
    feature   lasso    true
    -------  ------  ------
    x1       +1.250  +1.000
    x2            0       0
    """
    if not isinstance(learned, Mapping) or not learned:
        raise TypeError("learned must be a non-empty mapping of model name to coefficients")
    columns = {name: as_float_array(coef, f"learned[{name!r}]", ndim=1) for name, coef in learned.items()}
    p = next(iter(columns.values())).shape[0]
    for name, coef in columns.items():
        if coef.shape[0] != p:
            raise ValueError(f"learned[{name!r}] has {coef.shape[0]} coefficients, expected {p}")
    if true is not None:
        true = as_float_array(true, "true", ndim=1)
        if true.shape[0] != p:
            raise ValueError(f"true must have one weight per coefficient ({p}), got {true.shape[0]}")
        if "true" in columns:
            raise ValueError("learned must not contain a column named 'true' when true is given")
        columns["true"] = true
    if names is None:
        names = [f"x{j + 1}" for j in range(p)]
    elif len(names) != p:
        raise ValueError(f"names must have one entry per coefficient ({p}), got {len(names)}")
    return format_table(
        {k: v.tolist() for k, v in columns.items()},
        index=list(names),
        index_name="feature",
        decimals=decimals,
        title=title,
    )
