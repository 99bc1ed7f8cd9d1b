"""Checks for the exercises of chapter 6 (ridge)."""

from __future__ import annotations

import numpy as np
from scipy.optimize import brentq
from sklearn.preprocessing import StandardScaler

from .. import data
from ._core import CheckResult, compare

__all__ = ["check_ridge_crossing_alpha", "check_ridge_shrink_factors"]


def _standardised_training_data(rho: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """Standardised training design and centred training target of ``make_sparse_regression(rho=rho)``."""
    X, y, _ = data.make_sparse_regression(rho=rho)
    X_train, _, y_train, _ = data.split_train_test(X, y)
    return StandardScaler().fit_transform(X_train), y_train - y_train.mean()


def check_ridge_shrink_factors(answer) -> CheckResult:
    """Check the ten ridge shrink factors ``d_k**2 / (d_k**2 + alpha)`` at ``alpha = 160``.

    The singular values ``d_k`` are those of the standardised canonical
    training design, in the order ``numpy.linalg.svd`` returns them (largest
    first). ``alpha = 160`` is scikit-learn's ``Ridge`` scale
    (``||y - Xw||^2 + alpha ||w||^2``), that is ``lam = 1`` in textbook units.
    """
    Z, _ = _standardised_training_data()
    d = np.linalg.svd(Z, compute_uv=False)
    expected = d**2 / (d**2 + 160.0)
    return compare(
        answer, expected, what="the shrink factors",
        hint="standardise the training rows, take the singular values d of that matrix "
             "(largest first), and compute d**2 / (d**2 + alpha) with alpha = 160.",
    )


def check_ridge_crossing_alpha(answer) -> CheckResult:
    """Check the ``alpha`` at which the ridge weight of x4 changes sign on the correlated design.

    The data are ``make_sparse_regression(rho=0.8)`` split with ``split_train_test``,
    standardised on the training rows; ``alpha`` is on scikit-learn's ``Ridge``
    scale. The weight of x4 has one sign change, between ``alpha = 0.1`` and
    ``alpha = 100``.
    """
    Z, yc = _standardised_training_data(rho=0.8)
    U, d, Vt = np.linalg.svd(Z, full_matrices=False)
    uy = U.T @ yc

    def weight_x4(alpha: float) -> float:
        return float(Vt[:, 3] @ (d * uy / (d**2 + alpha)))

    expected = brentq(weight_x4, 0.1, 100.0, xtol=1e-12)
    return compare(
        answer, expected, what="the alpha where x4 changes sign",
        hint="write the ridge weight of x4 as a function of alpha (closed form or Ridge), "
             "and hand it to scipy.optimize.brentq on a bracket where its sign differs.",
    )
