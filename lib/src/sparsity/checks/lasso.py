"""Checks for the exercises of chapter 7 (the lasso)."""

from __future__ import annotations

import numpy as np
from sklearn.linear_model import Lasso
from sklearn.metrics import mean_squared_error
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from .. import data
from ._core import CheckResult, compare

__all__ = ["check_lasso_alpha_all_zero", "check_lasso_small_alpha_mse"]


def check_lasso_small_alpha_mse(answer) -> CheckResult:
    """Check the test MSE of ``Lasso(alpha=0.02)`` on the canonical data.

    The lasso is scikit-learn's (``(1/(2n))||y - Xw||^2 + alpha ||w||_1``),
    fitted in a ``StandardScaler`` pipeline on the training rows.
    """
    ds = data.load_canonical()
    fit = make_pipeline(StandardScaler(), Lasso(alpha=0.02, tol=1e-12, max_iter=100_000))
    fit.fit(ds.X_train, ds.y_train)
    expected = mean_squared_error(ds.y_test, fit.predict(ds.X_test))
    return compare(
        answer, expected, what="the test MSE", rtol=1e-4,
        hint="standardise inside a pipeline fitted on the training rows, and score on the test rows.",
    )


def check_lasso_alpha_all_zero(answer) -> CheckResult:
    """Check the smallest ``alpha`` at which the lasso sets every canonical weight to zero.

    That is ``max_j |Z_j^T (y - mean(y))| / n`` on the standardised canonical
    training design ``Z`` (scikit-learn's ``Lasso`` scale).
    """
    ds = data.load_canonical()
    Z = StandardScaler().fit_transform(ds.X_train)
    yc = ds.y_train - ds.y_train.mean()
    expected = np.max(np.abs(Z.T @ yc)) / len(yc)
    return compare(
        answer, expected, what="the alpha", rtol=1e-6,
        hint="at w = 0 the residual is the centred y; the certificate then asks for "
             "|Z_j^T r| / n <= alpha for every feature j.",
    )
