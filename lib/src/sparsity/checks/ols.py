"""Checks for the exercises of chapter 5 (the OLS baseline)."""

from __future__ import annotations

import numpy as np
from sklearn.linear_model import LinearRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from .. import data
from ._core import CheckResult, compare

__all__ = ["check_ols_noise_max"]


def check_ols_noise_max(answer) -> CheckResult:
    """Check the largest absolute OLS weight of a noise feature when the noise level is 2.

    The data are ``make_sparse_regression(noise=2.0)`` split with ``split_train_test``;
    the weight is in raw units.
    """
    X, y, w = data.make_sparse_regression(noise=2.0)
    X_train, _, y_train, _ = data.split_train_test(X, y)
    fit = make_pipeline(StandardScaler(), LinearRegression()).fit(X_train, y_train)
    expected = np.max(np.abs(data.raw_coef(fit)[w == 0]))
    return compare(
        answer, expected, what="the largest noise weight",
        hint="fit on the training rows only, convert with raw_coef, and take the largest absolute "
             "value over the features whose true weight is zero.",
    )
