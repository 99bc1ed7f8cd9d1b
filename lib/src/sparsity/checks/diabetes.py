"""Checks for the exercises of chapter 16 (case study: the diabetes data)."""

from __future__ import annotations

import numpy as np
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Lasso, LassoCV, LinearRegression
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import KFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from .. import data
from ._core import CheckResult, compare

__all__ = ["check_diabetes_relaxed_mse", "check_diabetes_s2_without_s1"]


def _chapter_fits():
    """The chapter's split, its ten folds, and its two lasso alphas (CV minimum and one-SE)."""
    diabetes = load_diabetes()
    X_train, X_test, y_train, y_test = data.split_train_test(diabetes.data, diabetes.target)
    folds = KFold(10, shuffle=True, random_state=0)
    cv = make_pipeline(StandardScaler(), LassoCV(cv=folds)).fit(X_train, y_train)[-1]
    mean_mse = cv.mse_path_.mean(axis=1)
    se_mse = cv.mse_path_.std(axis=1, ddof=1) / np.sqrt(folds.get_n_splits())
    best = np.argmin(mean_mse)
    alpha_1se = cv.alphas_[mean_mse <= mean_mse[best] + se_mse[best]].max()
    names = list(diabetes.feature_names)
    return X_train, X_test, y_train, y_test, names, cv.alphas_[best], alpha_1se


def check_diabetes_relaxed_mse(answer) -> CheckResult:
    """Check the test MSE of OLS refitted on the features kept by the one-SE lasso."""
    X_train, X_test, y_train, y_test, _, _, alpha_1se = _chapter_fits()
    lasso = make_pipeline(StandardScaler(), Lasso(alpha=alpha_1se)).fit(X_train, y_train)
    keep = lasso[-1].coef_ != 0
    refit = make_pipeline(StandardScaler(), LinearRegression()).fit(X_train[:, keep], y_train)
    expected = mean_squared_error(y_test, refit.predict(X_test[:, keep]))
    return compare(
        answer, expected, what="the test MSE of the refitted model",
        hint="keep the columns whose 1-SE lasso weight is non-zero, fit a StandardScaler + "
             "LinearRegression pipeline on the training rows, and score it on the test rows.",
    )


def check_diabetes_s2_without_s1(answer) -> CheckResult:
    """Check the standardised weight of s2 when s1 is removed, at the chapter's CV-best alpha."""
    X_train, _, y_train, _, names, alpha_min, _ = _chapter_fits()
    cols = [j for j, name in enumerate(names) if name != "s1"]
    fit = make_pipeline(StandardScaler(), Lasso(alpha=alpha_min)).fit(X_train[:, cols], y_train)
    expected = fit[-1].coef_[cols.index(names.index("s2"))]
    return compare(
        answer, expected, what="the weight of s2", rtol=1e-3, atol=1e-3,
        hint="drop only the s1 column, refit at alpha_min (not a new CV choice), and read the "
             "weight in standardised units, i.e. straight from the pipeline's last step.",
    )
