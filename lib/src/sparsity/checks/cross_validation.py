"""Checks for the exercises of chapter 10 (choosing the penalty by cross-validation)."""

from __future__ import annotations

import numpy as np
from sklearn.linear_model import Lasso, lasso_path
from sklearn.model_selection import KFold
from sklearn.preprocessing import StandardScaler

from .. import data
from ._core import CheckResult, compare

__all__ = ["check_cv_alpha_max", "check_cv_one_se_ten_folds", "check_cv_refit_df"]

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


def _refit_cov_df(alpha: float, n_draws: int = 1000, sigma: float = 0.5) -> tuple[float, float]:
    """Chapter 10's Monte Carlo: mean count and covariance df of the OLS refit on the lasso's support.

    Fixed design: the standardised canonical training rows; mean ``X @ w`` with the true
    weights in those units; ``n_draws`` noise draws from ``default_rng(0)``; no intercept.
    """
    ds = data.load_canonical()
    scaler = StandardScaler().fit(ds.X_train)
    X = scaler.transform(ds.X_train)
    n = X.shape[0]
    mu = X @ (ds.w_true * scaler.scale_)
    rng = np.random.default_rng(0)
    Y = mu[:, None] + sigma * rng.standard_normal((n, n_draws))
    chosen = Lasso(alpha=alpha, fit_intercept=False, precompute=True, tol=1e-10).fit(X, Y).coef_.T != 0
    refit = np.empty_like(Y)
    for cols in {tuple(s) for s in chosen.T}:
        draws = np.flatnonzero(np.all(chosen.T == cols, axis=1))
        X_s = X[:, np.array(cols)]
        refit[:, draws] = X_s @ np.linalg.lstsq(X_s, Y[:, draws])[0]
    f_c = refit - refit.mean(axis=1, keepdims=True)
    y_c = Y - Y.mean(axis=1, keepdims=True)
    terms = np.sum(f_c * y_c, axis=0) / sigma**2 * n_draws / (n_draws - 1)
    return float(chosen.sum(axis=0).mean()), float(terms.mean())


def check_cv_refit_df(answer) -> CheckResult:
    """Check the Monte Carlo degrees of freedom of the OLS refit on the lasso's support at alpha = 0.01."""
    _, expected = _refit_cov_df(0.01)
    return compare(
        answer, expected, what="the covariance degrees of freedom of the refit at alpha = 0.01", rtol=1e-6,
        hint="reuse the chapter's draws Y_sim and support[0.01]; refit OLS on each draw's support "
             "and give the mean of cov_terms(refit), not the mean number of non-zeros.",
    )
