"""Tests of the chapter 7 exercise checks: the right answer passes, a wrong one fails."""

import numpy as np
from sklearn.linear_model import Lasso
from sklearn.metrics import mean_squared_error
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from sparsity import checks, load_canonical


def test_small_alpha_mse_check_both_ways():
    ds = load_canonical()
    fit = make_pipeline(StandardScaler(), Lasso(alpha=0.02)).fit(ds.X_train, ds.y_train)
    right = mean_squared_error(ds.y_test, fit.predict(ds.X_test))
    assert checks.check_lasso_small_alpha_mse(right)
    assert not checks.check_lasso_small_alpha_mse(right * 1.01)


def test_alpha_all_zero_check_both_ways():
    ds = load_canonical()
    Z = StandardScaler().fit_transform(ds.X_train)
    yc = ds.y_train - ds.y_train.mean()
    right = np.max(np.abs(Z.T @ yc)) / len(yc)
    assert checks.check_lasso_alpha_all_zero(right)
    assert not checks.check_lasso_alpha_all_zero(right * 2)  # the textbook-lambda scale
    # the answer is sharp: a lasso fitted just above it is all zeros, just below it is not
    above = Lasso(alpha=right * 1.001, tol=1e-12).fit(Z, yc).coef_
    below = Lasso(alpha=right * 0.999, tol=1e-12).fit(Z, yc).coef_
    assert np.count_nonzero(above) == 0 and np.count_nonzero(below) == 1
