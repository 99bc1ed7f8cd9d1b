"""Checks for the exercises of chapter 3 (objectives and conventions)."""

from __future__ import annotations

import numpy as np
from scipy.optimize import brentq
from sklearn.linear_model import Lasso
from sklearn.preprocessing import StandardScaler

from .. import data
from ._core import CheckResult, compare

__all__ = ["check_budget_alpha", "check_glmnet_to_textbook", "check_ridge_alpha_to_lam"]


def _standardised_training_data() -> tuple[np.ndarray, np.ndarray]:
    """Chapter 3's design: canonical training rows, standardised, with centred targets."""
    ds = data.load_canonical()
    X = StandardScaler().fit_transform(ds.X_train)
    return X, ds.y_train - ds.y_train.mean()


def check_ridge_alpha_to_lam(answer) -> CheckResult:
    """Check the textbook lambda of ``Ridge(alpha=8)`` fitted on the canonical training rows."""
    n_train = data.load_canonical().X_train.shape[0]
    return compare(
        answer, 8.0 / n_train, what="the textbook lambda",
        hint="Ridge's loss is ||y - Xw||^2 with no 1/n; divide the whole objective by n. "
             "Which n: all rows, or the rows the model was fitted on?",
    )


def check_glmnet_to_textbook(answer) -> CheckResult:
    """Check ``[lam1, lam2]`` for glmnet's ``lambda=0.3, alpha=0.7`` in the textbook form.

    The textbook form is ``(1/n)||y - Xw||^2 + lam1 ||w||_1 + lam2 ||w||_2^2``.
    glmnet (``standardize=FALSE``) divides ``y`` and ``lambda`` by the standard
    deviation ``s_y`` of ``y`` (1/n formula) before it fits, so in the units of
    ``y`` its ridge term is ``lambda * (1 - alpha) / (2 * s_y) * ||w||^2``.
    ``s_y`` is that of chapter 3's centred training targets.
    """
    lam, a = 0.3, 0.7
    _, y = _standardised_training_data()
    s_y = float(np.std(y))  # 1/n formula, as glmnet
    return compare(
        answer, [2 * lam * a, lam * (1 - a) / s_y], what="the pair [lam1, lam2]",
        hint="glmnet divides y and lambda by the standard deviation s_y of y (1/n formula) "
             "before it fits; write its objective in the units of y, then multiply it by 2.",
    )


def check_budget_alpha(answer) -> CheckResult:
    """Check the ``Lasso`` alpha whose solution has L1 budget ``t = 5`` on chapter 3's data."""
    X, y = _standardised_training_data()

    def budget(alpha: float) -> float:
        fit = Lasso(alpha=alpha, fit_intercept=False, tol=1e-12, max_iter=100_000).fit(X, y)
        return float(np.abs(fit.coef_).sum())

    alpha_max = float(np.abs(X.T @ y).max() / X.shape[0])
    expected = brentq(lambda alpha: budget(alpha) - 5.0, 1e-6, alpha_max, xtol=1e-12)
    return compare(
        answer, expected, what="the lasso alpha", rtol=1e-4,
        hint="at the constrained solution, |X_j^T r| / n is the same for every non-zero weight; "
             "that common value is Lasso's alpha.",
    )
