"""Plumbing for the chapters: putting computed numbers into the prose.

Chapters call :func:`glue` on every number the text quotes, and the text
refers to it with ``{glue:text}`name:.3f```. The wrapper converts NumPy
scalars to plain Python numbers first (myst-nb cannot format ``np.float64``
reprs under NumPy 2) and keeps the value out of the cell's visible output.
Outside IPython it simply records the value.

The output is exactly what ``myst_nb.glue(name, value, display=False)``
writes (a display with the ``application/papermill.record/`` MIME prefix and
``scrapbook`` metadata; ``tests/test_book.py`` compares the two), written
here because importing ``myst_nb.ext.glue`` loads Sphinx and costs each
chapter about 2.5 seconds.

Floats are stored rounded to ``digits`` significant digits (10 by default).
The last bits of a floating-point result depend on the machine's BLAS and
CPU; rounding keeps the stored notebooks identical from one machine to the
next while the prose, which shows three or four digits, is unchanged. A
quantity that is itself round-off or a solver tolerance (a gap of ``3e-11``,
say) is glued with ``digits=2``.
"""

from __future__ import annotations

import numbers

import numpy as np

#: The MIME prefix myst-nb reads glued values from (myst_nb.ext.glue.GLUE_PREFIX).
GLUE_PREFIX = "application/papermill.record/"

#: Every value glued in this kernel, by name (useful in a live notebook).
GLUED: dict[str, object] = {}


def _plain(value, digits: int):
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(f"{float(value):.{digits}g}")
    return value


def glue(name: str, value, digits: int = 10) -> None:
    """Record ``value`` under ``name`` for use in the chapter's prose.

    Returns nothing, so that a cell ending in ``glue(...)`` shows no output.

    Parameters
    ----------
    name : str
        The key the prose refers to, for example ``"mse_ols"``.
    value : number or str
        NumPy scalars are converted to Python ``int``/``float``/``bool``.
    digits : int, default 10
        Significant digits kept of a float (see the module docstring).

    Examples
    --------
    >>> glue("gap", 3.501376966141834e-11, digits=2)
    >>> GLUED["gap"]
    3.5e-11
    """
    if not isinstance(name, str) or not name.isidentifier():
        raise ValueError(f"name must be a Python identifier, got {name!r}")
    if isinstance(digits, bool) or not isinstance(digits, numbers.Integral) or not 1 <= digits <= 17:
        raise ValueError(f"digits must be an integer from 1 to 17, got {digits!r}")
    value = _plain(value, int(digits))
    GLUED[name] = value
    try:
        from IPython import get_ipython
        from IPython.core.formatters import format_display_data
        from IPython.display import display
    except ImportError:  # pragma: no cover - only outside IPython
        return
    if get_ipython() is None:
        return
    mimebundle, metadata = format_display_data(value)
    metadata["scrapbook"] = {"name": name, "mime_prefix": GLUE_PREFIX}
    display(
        {GLUE_PREFIX + k: v for k, v in mimebundle.items()},
        raw=True,
        metadata=metadata,
    )
