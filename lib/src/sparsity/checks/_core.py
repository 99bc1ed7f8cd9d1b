"""The comparison behind every exercise check."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class CheckResult:
    """The verdict on one answer.

    Attributes
    ----------
    correct : bool
    message : str
        What the student sees: a confirmation, or what is wrong and a hint.
    """

    correct: bool
    message: str

    def __bool__(self) -> bool:
        return self.correct

    def __repr__(self) -> str:
        return ("Correct. " if self.correct else "Not yet. ") + self.message

    __str__ = __repr__


def compare(answer, expected, *, what: str, hint: str, rtol: float = 1e-3, atol: float = 1e-6) -> CheckResult:
    """Compare a student's ``answer`` with ``expected`` without revealing ``expected``.

    Parameters
    ----------
    answer : number or array_like
        The student's answer.
    expected : number or array_like
        The right answer, computed by the check function.
    what : str
        What the answer is, for the message ("the test MSE").
    hint : str
        Shown when the answer is wrong.
    rtol, atol : float
        Tolerances, as in :func:`numpy.allclose`.
    """
    expected = np.asarray(expected, dtype=float)
    try:
        answer = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return CheckResult(False, f"{what} should be a number or an array of numbers, got {type(answer).__name__}.")
    if answer.shape != expected.shape:
        return CheckResult(False, f"{what} should have shape {expected.shape or 'of a single number'}, "
                                  f"got {answer.shape or 'a single number'}.")
    if not np.all(np.isfinite(answer)):
        return CheckResult(False, f"{what} contains NaN or infinite values.")
    if np.allclose(answer, expected, rtol=rtol, atol=atol):
        return CheckResult(True, f"{what} is right.")
    return CheckResult(False, f"{what} is not right. Hint: {hint}")
