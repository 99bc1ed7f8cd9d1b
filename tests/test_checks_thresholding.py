"""Tests of sparsity.checks.thresholding: each check accepts the right answer and rejects wrong ones."""

import numpy as np
from sklearn.linear_model import ElasticNet, Lasso
from sklearn.preprocessing import StandardScaler

from sparsity import data
from sparsity.checks import check_enet_coordinate_descent, check_orthogonal_textbook_lasso
from sparsity.checks.thresholding import _orthogonal_design


def test_orthogonal_design_is_exactly_orthogonal():
    X, _ = _orthogonal_design()
    np.testing.assert_allclose(X.T @ X, 200 * np.eye(10), atol=1e-9)


def test_textbook_lasso_check_both_ways():
    X, y = _orthogonal_design()
    right = Lasso(alpha=0.15, fit_intercept=False, tol=1e-12, max_iter=100_000).fit(X, y).coef_
    assert check_orthogonal_textbook_lasso(right)
    w_ols = X.T @ y / 200
    wrong = np.sign(w_ols) * np.maximum(np.abs(w_ols) - 0.3, 0)  # threshold lam instead of lam / 2
    assert not check_orthogonal_textbook_lasso(wrong)
    assert not check_orthogonal_textbook_lasso(right[:5])


def test_enet_check_both_ways():
    ds = data.load_canonical()
    Z = StandardScaler().fit(ds.X_train).transform(ds.X_train)
    y_c = ds.y_train - ds.y_train.mean()
    right = ElasticNet(alpha=0.1, l1_ratio=0.5, fit_intercept=False, tol=1e-12, max_iter=100_000).fit(Z, y_c).coef_
    assert check_enet_coordinate_descent(right)
    lasso = Lasso(alpha=0.05, fit_intercept=False, tol=1e-12).fit(Z, y_c).coef_  # forgot the L2 part
    assert not check_enet_coordinate_descent(lasso)
