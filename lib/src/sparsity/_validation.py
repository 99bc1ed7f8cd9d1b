"""Input checks shared by the library's public functions.

Every public function validates its arguments with these helpers so that a
reader who passes the wrong thing gets a message that names the argument and
says what was expected, instead of a deep numpy traceback.
"""

from __future__ import annotations

import numbers
import sys
from collections.abc import Iterable
from pathlib import Path

import numpy as np


def as_float_array(value, name: str, *, ndim: int | None = None, allow_empty: bool = False) -> np.ndarray:
    """Convert ``value`` to a finite float array, or raise a clear error.

    Parameters
    ----------
    value : array_like
        The argument to check.
    name : str
        The argument's name, used in error messages.
    ndim : int, optional
        Required number of dimensions.
    allow_empty : bool, default False
        Whether an array with no elements is acceptable.
    """
    try:
        raw = np.asarray(value)
    except (TypeError, ValueError) as exc:  # ragged nested lists, for example
        raise TypeError(f"{name} must be an array of numbers, got {type(value).__name__}") from exc
    if np.iscomplexobj(raw):
        # np.asarray(..., dtype=float) would silently drop the imaginary part
        raise TypeError(f"{name} must be real; got complex values (dtype {raw.dtype})")
    try:
        array = np.asarray(raw, dtype=float)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{name} must be an array of numbers, got {type(value).__name__}") from exc
    if ndim is not None and array.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-dimensional, got an array of shape {array.shape}")
    if not allow_empty and array.size == 0:
        raise ValueError(f"{name} must not be empty")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} contains NaN or infinite values")
    return array


def check_int(value, name: str, *, minimum: int | None = None) -> int:
    """Return ``value`` as an int if it is an integer no smaller than ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {value!r}")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")
    return int(value)


def check_real(value, name: str, *, minimum: float | None = None, strict: bool = False) -> float:
    """Return ``value`` as a finite float, at least (or above, if ``strict``) ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {value!r}")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value}")
    if minimum is not None:
        if strict and value <= minimum:
            raise ValueError(f"{name} must be greater than {minimum}, got {value}")
        if not strict and value < minimum:
            raise ValueError(f"{name} must be at least {minimum}, got {value}")
    return value


def check_option(value, name: str, options: Iterable[str]) -> str:
    """Return ``value`` if it is one of ``options``."""
    options = tuple(options)
    if value not in options:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, options))}; got {value!r}")
    return value


def check_Xy(X, y, *, X_name: str = "X", y_name: str = "y") -> tuple[np.ndarray, np.ndarray]:
    """Validate a design matrix and a target vector with matching rows."""
    X = as_float_array(X, X_name, ndim=2)
    y = as_float_array(y, y_name, ndim=1)
    if X.shape[0] != y.shape[0]:
        raise ValueError(
            f"{X_name} and {y_name} must have the same number of rows: "
            f"{X_name} has {X.shape[0]}, {y_name} has {y.shape[0]}"
        )
    return X, y


def caller_stacklevel() -> int:
    """The ``stacklevel`` that makes a warning point at the first caller outside ``sparsity``.

    A warning raised deep inside the package (through decorators and private
    helpers) is reported at the reader's own line, as scikit-learn's are.
    """
    package = Path(__file__).resolve().parent
    frame, level = sys._getframe(1), 1
    while frame is not None and Path(frame.f_code.co_filename).resolve().is_relative_to(package):
        frame, level = frame.f_back, level + 1
    return level
