"""Checks for the exercises of chapter 10 (choosing the penalty by cross-validation)."""

from __future__ import annotations

import numpy as np
from sklearn.linear_model import lasso_path
from sklearn.model_selection import KFold
from sklearn.preprocessing import StandardScaler

from .. import data
from ._core import CheckResult, compare

__all__ = ["check_cv_alpha_max", "check_cv_one_se_ten_folds"]

#: Solver tolerance used for the cross-validation curves of chapter 10.
TOL = 1e-6


def _alpha_max(X_train: np.ndarray, y_train: np.ndarray) -> float:
    X = StandardScaler().fit_transform(X_train)
    return float(np.max(np.abs(X.T @ (y_train - y_train.mean()))) / X.shape[0])


def check_cv_alpha_max(answer) -> CheckResult:
    """Check alpha_max (Lasso scale) on the standardised training rows of ``make_sparse_regression(noise=2.0)``."""
    X, y, _ = data.make_sparse_regression(noise=2.0)
    X_train, _, y_train, _ = data.split_train_test(X, y)
    return compare(
        answer, _alpha_max(X_train, y_train), what="alpha_max",
        hint="standardise the training rows, centre y_train, and take max_j |X_j^T y| / n "
             "(Lasso scale: no factor 2).",
    )


def _cv_errors(X_raw, y_raw, alphas, folds) -> np.ndarray:
    errors = np.empty((folds.get_n_splits(), alphas.size))
    for k, (fit_rows, val_rows) in enumerate(folds.split(X_raw)):
        scaler = StandardScaler().fit(X_raw[fit_rows])
        y_mean = y_raw[fit_rows].mean()
        _, W, _ = lasso_path(scaler.transform(X_raw[fit_rows]), y_raw[fit_rows] - y_mean,
                             alphas=alphas, tol=TOL)
        prediction = scaler.transform(X_raw[val_rows]) @ W + y_mean
        errors[k] = np.mean((y_raw[val_rows, None] - prediction) ** 2, axis=0)
    return errors


def check_cv_one_se_ten_folds(answer) -> CheckResult:
    """Check the one-standard-error alpha of 10-fold CV on the canonical training rows."""
    ds = data.load_canonical()
    alphas = _alpha_max(ds.X_train, ds.y_train) * np.logspace(0, -3, 50)
    folds = KFold(n_splits=10, shuffle=True, random_state=0)
    errors = _cv_errors(ds.X_train, ds.y_train, alphas, folds)
    mean = errors.mean(axis=0)
    se = errors.std(axis=0, ddof=1) / np.sqrt(folds.get_n_splits())
    i_min = int(np.argmin(mean))
    expected = alphas[np.flatnonzero(mean <= mean[i_min] + se[i_min])[0]]
    return compare(
        answer, expected, what="the one-standard-error alpha", rtol=1e-6,
        hint="use the chapter's grid (50 values from alpha_max down to a thousandth of it), "
             "scale inside each fold, and take the LARGEST alpha whose mean error is within one "
             "standard error (std with ddof=1 over sqrt(10)) of the minimum.",
    )
