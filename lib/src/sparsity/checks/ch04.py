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


def check_vertex_budget(answer) -> CheckResult:
    """Check the largest budget at which the L1 solution for the tilted ellipses is still a vertex.

    The problem is ``c = (1.9, -0.5)``, ``Q = [[1.5, -0.6], [-0.6, 1.0]]``.
    """
    lo, hi = 1e-9, float(np.abs(VERTEX_C).sum())
    for _ in range(80):
        mid = 0.5 * (lo + hi)
        if np.any(constrained_optimum(VERTEX_C, VERTEX_Q, mid) == 0.0):
            lo = mid
        else:
            hi = mid
    return compare(
        answer, lo, what="the largest vertex budget", rtol=1e-4, atol=1e-8,
        hint="the solution stays on the corner (t, 0) while the gradient 2Q(w - c) satisfies |g_2| <= |g_1|; "
             "find where that stops, for example by bisection on t.",
    )
