"""Checks for the exercises of chapter 15 (choosing a penalty)."""

from __future__ import annotations

import numpy as np
from sklearn.linear_model import ElasticNet, Lasso
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from .. import data
from ._core import CheckResult, compare

__all__ = ["check_choosing_enet_count", "check_choosing_recovery"]


def check_choosing_enet_count(answer) -> CheckResult:
    """Check the number of non-zero elastic-net weights on the chapter's 30 x 200 data.

    The data are ``make_sparse_regression(30, 200, random_state=15)``, standardised,
    with the target centred; the model is
    ``ElasticNet(alpha=0.05, l1_ratio=0.5, max_iter=100_000)``.
    """
    X, y, _ = data.make_sparse_regression(30, 200, random_state=15)
    Z = StandardScaler().fit_transform(X)
    fit = ElasticNet(alpha=0.05, l1_ratio=0.5, max_iter=100_000).fit(Z, y - y.mean())
    expected = np.count_nonzero(fit.coef_)
    return compare(
        answer, expected, what="the number of non-zero elastic-net weights", atol=0.5, rtol=0.0,
        hint="count the entries of coef_ that are exactly zero and subtract from 200; "
             "fit on the standardised features Z, not on X.",
    )


def check_choosing_recovery(answer) -> CheckResult:
    """Check the share of 30 draws (n = 100, sigma = 2, p = 50) in which the lasso with
    ``alpha = 1.5 * sigma * sqrt(2 log p / n)`` selects exactly the true features."""
    n, sigma, p, draws = 100, 2.0, 50, 30
    alpha = 1.5 * sigma * np.sqrt(2 * np.log(p) / n)
    exact = 0
    for r in range(draws):
        X, y, w_true = data.make_sparse_regression(n, p, noise=sigma, random_state=1000 * n + r)
        model = make_pipeline(StandardScaler(), Lasso(alpha=alpha)).fit(X, y)
        exact += np.array_equal(model[-1].coef_ != 0, w_true != 0)
    return compare(
        answer, exact / draws, what="the share of draws with the exact support", atol=1e-9, rtol=0.0,
        hint="use the chapter's recovery function with c = 1.5 and give the first of the three "
             "numbers it returns, a share between 0 and 1.",
    )
