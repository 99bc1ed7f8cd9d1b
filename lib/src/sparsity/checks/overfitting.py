"""Checks for the exercises of chapter 1 (why regularise)."""

from __future__ import annotations

from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_squared_error
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from .. import data
from ._core import CheckResult, compare

__all__ = ["check_why_ols_mse_p50", "check_why_train_mse_p70"]

#: Training and test rows of chapter 1's wide problems.
N_TRAIN, N_TEST = 60, 500
#: Noise standard deviation of chapter 1's wide problems.
NOISE = 1.0


def _wide_ols(n_features: int):
    """Fit OLS on chapter 1's recipe with ``n_features`` features; return the fit and the split."""
    X, y, _ = data.make_sparse_regression(N_TRAIN + N_TEST, n_features, noise=NOISE, random_state=data.SEED)
    X_train, y_train, X_test, y_test = X[:N_TRAIN], y[:N_TRAIN], X[N_TRAIN:], y[N_TRAIN:]
    ols = make_pipeline(StandardScaler(), LinearRegression()).fit(X_train, y_train)
    return ols, X_train, y_train, X_test, y_test


def check_why_ols_mse_p50(answer) -> CheckResult:
    """Check the OLS test MSE with 60 training rows and 50 features (chapter 1's recipe)."""
    ols, _, _, X_test, y_test = _wide_ols(50)
    expected = mean_squared_error(y_test, ols.predict(X_test))
    return compare(
        answer, expected, what="the OLS test MSE",
        hint="draw make_sparse_regression(560, 50, noise=1.0, random_state=data.SEED), fit on the first 60 rows "
             "inside a StandardScaler pipeline, and score on the other 500.",
    )


def check_why_train_mse_p70(answer) -> CheckResult:
    """Check the OLS training MSE with 60 training rows and 70 features (chapter 1's recipe)."""
    ols, X_train, y_train, _, _ = _wide_ols(70)
    expected = mean_squared_error(y_train, ols.predict(X_train))
    return compare(
        answer, expected, what="the OLS training MSE", atol=1e-8,
        hint="score the model on the same 60 rows it was fitted on. How many equations, how many unknowns?",
    )
