"""Tests of the chapter 3 exercise checks: the right answer passes, a wrong one fails."""

import numpy as np
from sklearn.linear_model import Lasso, Ridge
from sklearn.preprocessing import StandardScaler

from sparsity import checks, load_canonical


def chapter_data():
    ds = load_canonical()
    return StandardScaler().fit_transform(ds.X_train), ds.y_train - ds.y_train.mean()


def test_ridge_alpha_to_lam_both_ways():
    X, y = chapter_data()
    n = X.shape[0]
    assert checks.check_ridge_alpha_to_lam(8 / n)
    assert not checks.check_ridge_alpha_to_lam(8 / 200), "n is the number of rows fitted on, not all rows"
    assert not checks.check_ridge_alpha_to_lam(8.0)
    # the right answer really is the textbook ridge strength: Ridge(alpha) solves the textbook problem at lam
    w = Ridge(alpha=8.0, fit_intercept=False).fit(X, y).coef_
    lam = 8 / n
    assert np.allclose(-2 / n * X.T @ (y - X @ w) + 2 * lam * w, 0, atol=1e-10)


def test_glmnet_to_textbook_both_ways():
    assert checks.check_glmnet_to_textbook([0.42, 0.09])
    assert not checks.check_glmnet_to_textbook([0.21, 0.045]), "forgot to multiply by 2"
    assert not checks.check_glmnet_to_textbook([0.09, 0.42]), "swapped"
    assert not checks.check_glmnet_to_textbook(0.42), "a pair is expected"


def test_budget_alpha_both_ways():
    X, y = chapter_data()
    n = X.shape[0]
    # find the answer independently: bisection on the monotone budget
    lo, hi = 1e-6, np.abs(X.T @ y).max() / n
    for _ in range(60):
        mid = 0.5 * (lo + hi)
        w = Lasso(alpha=mid, fit_intercept=False, tol=1e-12, max_iter=100_000).fit(X, y).coef_
        lo, hi = (mid, hi) if np.abs(w).sum() > 5.0 else (lo, mid)
    right = 0.5 * (lo + hi)
    assert checks.check_budget_alpha(right)
    assert not checks.check_budget_alpha(2 * right), "the textbook lambda is not Lasso's alpha"
    assert not checks.check_budget_alpha(right * 1.01)
