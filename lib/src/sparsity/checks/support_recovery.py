"""Checks for the exercises of the support-recovery chapter (chapter 17)."""

from __future__ import annotations

import numpy as np

from ._core import CheckResult, compare

__all__ = ["check_support_eta_signs", "check_support_rows"]


def check_support_eta_signs(answer) -> CheckResult:
    """Check the population irrepresentable value for the signs ``(+1, +1, -1)``.

    The design is the chapter's failing one in the population: ``x1, x2, x3``
    independent with unit variance, ``x4`` with unit variance and correlation
    ``0.5`` with each of them; ``eta = |Sigma_4S Sigma_SS^{-1} s_S|``.
    """
    sigma = np.eye(4)
    sigma[3, :3] = sigma[:3, 3] = 0.5
    signs = np.array([1.0, 1.0, -1.0])
    expected = abs(sigma[3, :3] @ np.linalg.solve(sigma[:3, :3], signs))
    return compare(
        answer, expected, what="eta", rtol=1e-6,
        hint="multiply the row of correlations of x4 with x1, x2, x3 by the "
             "inverse of their covariance and by the sign vector; take the "
             "absolute value.",
    )


def check_support_rows(answer) -> CheckResult:
    """Check ``n = 2 s log(p - s)`` for ``p = 1024`` and ``s = ceil(0.4 p^(3/4))``.

    The number of rows at Wainwright's ``theta = 1``, before rounding up;
    a rounded-up answer is accepted too.
    """
    p = 1024
    s = int(np.ceil(0.4 * p**0.75))
    expected = 2 * s * np.log(p - s)
    return compare(
        answer, expected, what="the number of rows", rtol=0.0, atol=1.0,
        hint="s is 0.4 p^(3/4) rounded up; the logarithm is natural, of p - s "
             "(not of p).",
    )
