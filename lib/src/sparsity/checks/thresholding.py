"""Checks for the exercises of chapter 8 (soft-thresholding and coordinate descent)."""

from __future__ import annotations

import numpy as np
from sklearn.preprocessing import StandardScaler

from .. import data
from ..solvers import enet_cd, soft_threshold
from ._core import CheckResult, compare

__all__ = ["check_enet_coordinate_descent", "check_orthogonal_textbook_lasso"]


def _orthogonal_design(n: int = 200, p: int = 10, seed: int = 8):
    """The chapter's exactly orthogonal design (``X^T X = n I``) and its target."""
    rng = np.random.default_rng(seed)
    A = rng.standard_normal((n, p))
    Q, _ = np.linalg.qr(A - A.mean(axis=0))
    X = np.sqrt(n) * Q
    y = X @ data.true_weights(p) + data.NOISE_SIGMA * rng.standard_normal(n)
    return X, y


def check_orthogonal_textbook_lasso(answer) -> CheckResult:
    """Check the textbook lasso weights (lam = 0.3) on the chapter's orthogonal design."""
    X, y = _orthogonal_design()
    expected = soft_threshold(X.T @ y / X.shape[0], 0.3 / 2)
    return compare(
        answer, expected, what="the textbook lasso weights", rtol=1e-6, atol=1e-8,
        hint="the textbook loss (1/n)||y - Xw||^2 has no factor 1/2, so the threshold is not lam itself.",
    )


def check_enet_coordinate_descent(answer) -> CheckResult:
    """Check elastic-net weights (alpha = 0.1, l1_ratio = 0.5) on the standardised canonical training data."""
    ds = data.load_canonical()
    Z = StandardScaler().fit(ds.X_train).transform(ds.X_train)
    y_c = ds.y_train - ds.y_train.mean()
    expected = enet_cd(Z, y_c, 0.1, 0.5, tol=1e-12, max_iter=100_000)
    return compare(
        answer, expected, what="the elastic-net weights", rtol=1e-5, atol=1e-6,
        hint="the L1 part thresholds at alpha * l1_ratio; the L2 part adds alpha * (1 - l1_ratio) "
             "to the denominator. Run enough sweeps, on standardised features and a centred target.",
    )
