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

__all__ = ["check_relaxed_lassocv_mse", "check_relaxed_mse_alpha05"]


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
