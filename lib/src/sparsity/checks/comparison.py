"""Checks for the exercises of chapter 12 (the final comparison)."""

from __future__ import annotations

from sklearn.feature_selection import SelectFromModel
from sklearn.linear_model import Lasso, LassoCV, LinearRegression
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import KFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from .. import data
from ._core import CheckResult, compare

__all__ = ["check_relaxed_gamma_half_mse", "check_relaxed_lassocv_mse", "check_relaxed_mse_alpha05"]


def _relaxed_test_mse(selector) -> float:
    """Test MSE on the canonical data of StandardScaler -> SelectFromModel(selector) -> OLS."""
    ds = data.load_canonical()
    pipe = make_pipeline(StandardScaler(), SelectFromModel(selector, threshold=1e-12), LinearRegression())
    pipe.fit(ds.X_train, ds.y_train)
    return float(mean_squared_error(ds.y_test, pipe.predict(ds.X_test)))


def check_relaxed_mse_alpha05(answer) -> CheckResult:
    """Check the test MSE of the relaxed lasso whose first stage is ``Lasso(alpha=0.5)``."""
    return compare(
        answer, _relaxed_test_mse(Lasso(alpha=0.5)), what="the relaxed lasso's test MSE",
        hint="standardise, select with SelectFromModel(Lasso(alpha=0.5), threshold=1e-12), refit with "
             "LinearRegression, all in one pipeline fitted on the training rows; score on the test rows.",
    )


def check_relaxed_lassocv_mse(answer) -> CheckResult:
    """Check the test MSE of the relaxed lasso whose first stage is the chapter's ``LassoCV``."""
    cv = KFold(n_splits=5, shuffle=True, random_state=0)
    return compare(
        answer, _relaxed_test_mse(LassoCV(alphas=100, cv=cv)), what="the relaxed lasso's test MSE",
        hint="use LassoCV(alphas=100, cv=KFold(n_splits=5, shuffle=True, random_state=0)) inside "
             "SelectFromModel(..., threshold=1e-12), then LinearRegression, in one pipeline.",
    )


def check_relaxed_gamma_half_mse(answer) -> CheckResult:
    """Check the test MSE of the relaxed lasso at ``alpha=0.1`` and ``gamma=0.5`` on the canonical data.

    The relaxed weights are ``gamma * w_lasso + (1 - gamma) * w_refit``; predictions are linear in
    the weights (with the intercepts blended alike), so the relaxed prediction is the same blend
    of the lasso's and the refit's predictions.
    """
    ds = data.load_canonical()
    lasso = make_pipeline(StandardScaler(), Lasso(alpha=0.1, tol=1e-12)).fit(ds.X_train, ds.y_train)
    refit = make_pipeline(StandardScaler(), SelectFromModel(Lasso(alpha=0.1), threshold=1e-12),
                          LinearRegression()).fit(ds.X_train, ds.y_train)
    pred = 0.5 * lasso.predict(ds.X_test) + 0.5 * refit.predict(ds.X_test)
    return compare(
        answer, float(mean_squared_error(ds.y_test, pred)), what="the relaxed lasso's test MSE",
        hint="blend the lasso's and the refit's predictions (or weights) half and half, then score "
             "on the test rows; averaging the two test MSEs is not the same thing.",
    )
