"""Checks for the exercises of chapter 4 (the geometry of the two penalties)."""

from __future__ import annotations

import numpy as np

from ..geometry import constrained_optimum
from ._core import CheckResult, compare

__all__ = ["check_article_l2_point", "check_vertex_budget"]

ARTICLE_C = np.array([1.8, 1.2])
ARTICLE_Q = np.diag([1 / 0.9**2, 1 / 0.5**2])
VERTEX_C = np.array([1.9, -0.5])
VERTEX_Q = np.array([[1.5, -0.6], [-0.6, 1.0]])


def check_article_l2_point(answer) -> CheckResult:
    """Check the L2 contact point for ``c = (1.8, 1.2)``, ``Q = diag(1/0.9^2, 1/0.5^2)`` and ``t = 1.5``."""
    expected = constrained_optimum(ARTICLE_C, ARTICLE_Q, 1.5, "l2")
    return compare(
        answer, expected, what="the L2 contact point", rtol=1e-4, atol=1e-6,
        hint="solve (Q + nu I) w = Q c and choose nu > 0 so that the Euclidean norm of w equals 1.5; "
             "the answer is an array of two numbers.",
    )


def _corner_gradient(t: float) -> np.ndarray:
    """The loss gradient ``g = 2 Q (w - c)`` at the corner ``w = (t, 0)`` of the tilted problem."""
    return 2.0 * VERTEX_Q @ (np.array([t, 0.0]) - VERTEX_C)


def _equal_magnitude_roots() -> list[float]:
    """Both budgets where ``|g_2(t)| = |g_1(t)|`` (``g`` is linear in ``t``): ``g_2 = -g_1`` and ``g_2 = g_1``."""
    g0, slope = _corner_gradient(0.0), _corner_gradient(1.0) - _corner_gradient(0.0)
    return [float(-(g0[1] + g0[0]) / (slope[1] + slope[0])), float(-(g0[1] - g0[0]) / (slope[1] - slope[0]))]


def check_vertex_budget(answer) -> CheckResult:
    """Check the largest budget at which the L1 solution for the tilted ellipses is still a vertex.

    The problem is ``c = (1.9, -0.5)``, ``Q = [[1.5, -0.6], [-0.6, 1.0]]``. At the
    corner ``(t, 0)`` the solution needs ``g_1 < 0`` and ``|g_2| <= -g_1``;
    ``|g_2| = |g_1|`` alone has a second root, where ``g_1 > 0``, and that
    answer gets its own hint.
    """
    lo, hi = 1e-9, float(np.abs(VERTEX_C).sum())
    for _ in range(80):
        mid = 0.5 * (lo + hi)
        if np.any(constrained_optimum(VERTEX_C, VERTEX_Q, mid) == 0.0):
            lo = mid
        else:
            hi = mid
    result = compare(
        answer, lo, what="the largest vertex budget", rtol=1e-4, atol=1e-8,
        hint="the solution stays on the corner (t, 0) while the gradient g = 2Q(w - c) satisfies g_1 < 0 and "
             "|g_2| <= -g_1; find where that stops, for example by bisection on t.",
    )
    if not result:
        wrong = [t for t in _equal_magnitude_roots() if _corner_gradient(t)[0] > 0]
        if wrong and compare(answer, wrong[0], what="", hint="", rtol=1e-4, atol=1e-8):
            return CheckResult(False, "the largest vertex budget is not right. Hint: there |g_2| = |g_1|, but "
                                      "g_1 > 0: the gradient points away from the corner, so the corner is not "
                                      "the solution. Add the sign condition g_1 < 0.")
    return result
