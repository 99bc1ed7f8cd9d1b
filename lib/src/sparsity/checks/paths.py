"""Checks for the exercises of chapter 9 (regularisation paths)."""

from __future__ import annotations

import numpy as np
from sklearn.linear_model import lars_path
from sklearn.preprocessing import StandardScaler

from .. import data
from ._core import CheckResult, compare

__all__ = ["check_paths_decoy_leaves", "check_paths_safe_threshold", "check_paths_x3_at_one"]


def _design(X_train: np.ndarray, y_train: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Standardised training design and centred target, as in the chapter."""
    return StandardScaler().fit_transform(X_train), y_train - y_train.mean()


def check_paths_x3_at_one(answer) -> CheckResult:
    """Check the lasso coefficient of x3 (standardised units) at ``alpha = 1`` on the canonical data."""
    ds = data.load_canonical()
    X, y = _design(ds.X_train, ds.y_train)
    alphas, _, W = lars_path(X, y, method="lasso")
    expected = np.interp(1.0, alphas[::-1], W[2, ::-1])
    return compare(
        answer, expected, what="the coefficient of x3 at alpha = 1",
        hint="find the two LARS knots around alpha = 1 and interpolate linearly in alpha "
             "(np.interp needs increasing x, so reverse the knots).",
    )


def _decoy_enters_first_and_leaves(seed: int) -> bool:
    ds = data.load_canonical()
    X_raw = ds.X_train.copy()
    rng = np.random.default_rng(seed)
    X_raw[:, 3] = 3 * X_raw[:, 0] - 2 * X_raw[:, 1] + rng.standard_normal(X_raw.shape[0])
    X, y = _design(X_raw, ds.y_train)
    alphas, _, W = lars_path(X, y, method="lasso")
    on = W != 0
    entry = alphas[np.argmax(on, axis=1) - 1]
    first = int(np.argmax(entry)) == 3
    decoy = on[3]
    leaves = bool(decoy.any()) and not bool(decoy[np.argmax(decoy):].all())
    return first and leaves


def check_paths_decoy_leaves(answer) -> CheckResult:
    """Check how many of the decoy seeds 0..19 give a decoy that enters first and later leaves."""
    expected = sum(_decoy_enters_first_and_leaves(seed) for seed in range(20))
    return compare(
        answer, expected, what="the number of draws", rtol=0, atol=0.5,
        hint="for each seed, rebuild column x4 as 3*x1 - 2*x2 + noise, standardise, run "
             "lars_path(method='lasso'), and ask whether x4 is first to leave zero and is zero "
             "again at some later knot.",
    )


def check_paths_safe_threshold(answer) -> CheckResult:
    """Check the fraction of ``alpha_max`` below which the basic SAFE rule discards nothing (canonical data)."""
    ds = data.load_canonical()
    X, y = _design(ds.X_train, ds.y_train)
    n = X.shape[0]
    alpha_max = np.max(np.abs(X.T @ y)) / n
    norms = np.linalg.norm(X, axis=0) * np.linalg.norm(y)
    expected = np.min((np.abs(X.T @ y) + norms) / (n * alpha_max + norms))
    return compare(
        answer, expected, what="the SAFE threshold min_j t_j", rtol=1e-6,
        hint="SAFE discards j when (|X_j^T y| + ||X_j|| ||y|| (1 - t)) / n < t alpha_max; solve for t, "
             "then take the smallest threshold over the features (on the standardised design, centred y).",
    )
