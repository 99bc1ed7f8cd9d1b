"""Checks for the exercises of chapter 14 (scale and leakage)."""

from __future__ import annotations

import numpy as np
from sklearn.linear_model import Lasso, Ridge

from .. import data
from ._core import CheckResult, compare

__all__ = ["check_scale_noise_weight", "check_scale_ridge_leak"]


def check_scale_noise_weight(answer) -> CheckResult:
    """Check the lasso weight of x4, in original units, when x4 is multiplied by 1000.

    ``Lasso(alpha=0.1)`` on the canonical training rows, no standardising.
    """
    ds = data.load_canonical()
    factor = np.ones(ds.X.shape[1])
    factor[3] = 1000.0
    expected = Lasso(alpha=0.1).fit(ds.X_train * factor, ds.y_train).coef_[3] * factor[3]
    return compare(answer, expected, what="the weight of x4", rtol=1e-4,
                   hint="fit on the rescaled training rows without a scaler, then multiply the fitted "
                        "weight of x4 (index 3) by 1000 to return to the original units.")


def check_scale_ridge_leak(answer) -> CheckResult:
    """Check the mean over 200 splits of leaky minus honest test MSE for ``Ridge(alpha=10)``.

    Splits: ``data.split_train_test(X, y, random_state=seed)`` for seed 0..199 on
    the canonical data; leaky scaler statistics from all rows, honest ones from
    the training rows (population standard deviation, as ``StandardScaler``).
    """
    ds = data.load_canonical()
    mean_all, scale_all = ds.X.mean(axis=0), ds.X.std(axis=0)

    def test_mse(X_tr, y_tr, X_te, y_te, mean, scale):
        model = Ridge(alpha=10.0).fit((X_tr - mean) / scale, y_tr)
        return np.mean((y_te - model.predict((X_te - mean) / scale)) ** 2)

    diffs = []
    for seed in range(200):
        X_tr, X_te, y_tr, y_te = data.split_train_test(ds.X, ds.y, random_state=seed)
        diffs.append(test_mse(X_tr, y_tr, X_te, y_te, mean_all, scale_all)
                     - test_mse(X_tr, y_tr, X_te, y_te, X_tr.mean(axis=0), X_tr.std(axis=0)))
    return compare(answer, float(np.mean(diffs)), what="the mean difference", rtol=1e-3, atol=1e-8,
                   hint="subtract the honest test MSE from the leaky one for each split, then average; "
                        "fit the leaky scaler on all 200 rows and the honest one on the 160 training rows.")
