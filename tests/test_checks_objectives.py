"""Tests of the chapter 3 exercise checks: the right answer passes, a wrong one fails."""

import glmnet  # python-glmnet: glmnet's Fortran code (requirements.txt)
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
    X, y = chapter_data()
    n, s_y = X.shape[0], y.std()
    right = [2 * 0.3 * 0.7, 0.3 * 0.3 / s_y]
    assert checks.check_glmnet_to_textbook(right)
    assert not checks.check_glmnet_to_textbook([0.42, 0.09]), "glmnet's documented formula read literally"
    assert not checks.check_glmnet_to_textbook([0.42, 0.09 / y.std(ddof=1)]), "s_y uses 1/n, not 1/(n-1)"
    assert not checks.check_glmnet_to_textbook([0.21, 0.045 / s_y]), "forgot to multiply by 2"
    assert not checks.check_glmnet_to_textbook(right[::-1]), "swapped"
    assert not checks.check_glmnet_to_textbook(0.42), "a pair is expected"
    # the right answer describes glmnet's own weights: its Fortran code, run through python-glmnet
    fit = glmnet.ElasticNet(alpha=0.7, lambda_path=[0.3], standardize=False, fit_intercept=False,
                            tol=1e-16, n_splits=0).fit(X, y)
    w = fit.coef_path_[:, 0]
    lam1, lam2 = right
    g = -2 / n * X.T @ (y - X @ w) + 2 * lam2 * w
    active = w != 0
    assert active.any() and not active.all()
    assert np.allclose(g[active] + lam1 * np.sign(w[active]), 0, atol=1e-9)
    assert np.all(np.abs(g[~active]) <= lam1 + 1e-12)


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
