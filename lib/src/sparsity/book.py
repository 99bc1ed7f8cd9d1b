"""Plumbing for the chapters: putting computed numbers into the prose.

Chapters call :func:`glue` on every number the text quotes, and the text
refers to it with ``{glue:text}`name:.3f```. The wrapper converts NumPy
scalars to plain Python numbers first (myst-nb cannot format ``np.float64``
reprs under NumPy 2) and keeps the value out of the cell's visible output.
Outside a Jupyter Book build (for example in Colab without myst-nb) it simply
records the value.
"""

from __future__ import annotations

import numbers

import numpy as np

#: Every value glued in this kernel, by name (useful in a live notebook).
GLUED: dict[str, object] = {}


def _plain(value):
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    return value


def glue(name: str, value) -> None:
    """Record ``value`` under ``name`` for use in the chapter's prose.

    Returns nothing, so that a cell ending in ``glue(...)`` shows no output.

    Parameters
    ----------
    name : str
        The key the prose refers to, for example ``"mse_ols"``.
    value : number or str
        NumPy scalars are converted to Python ``int``/``float``/``bool``.
    """
    if not isinstance(name, str) or not name.isidentifier():
        raise ValueError(f"name must be a Python identifier, got {name!r}")
    value = _plain(value)
    GLUED[name] = value
    try:
        from myst_nb import glue as _myst_glue
    except ImportError:  # pragma: no cover - only without myst-nb, e.g. in Colab
        return
    _myst_glue(name, value, display=False)
