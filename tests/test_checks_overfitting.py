"""Tests of the chapter 1 exercise checks: the right answer passes, a wrong one fails."""

import numpy as np
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_squared_error
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from sparsity import checks, data


def wide(p):
    X, y, _ = data.make_sparse_regression(560, p, noise=1.0, random_state=data.SEED)
    ols = make_pipeline(StandardScaler(), LinearRegression()).fit(X[:60], y[:60])
    return ols, X, y


def test_ols_mse_p50_both_ways():
    ols, X, y = wide(50)
    right = mean_squared_error(y[60:], ols.predict(X[60:]))
    assert checks.check_why_ols_mse_p50(right)
    assert not checks.check_why_ols_mse_p50(right * 1.05)
    # scoring on the training rows is the classic mistake
    assert not checks.check_why_ols_mse_p50(mean_squared_error(y[:60], ols.predict(X[:60])))


def test_train_mse_p70_both_ways():
    ols, X, y = wide(70)
    right = mean_squared_error(y[:60], ols.predict(X[:60]))
    assert right < 1e-20
    assert checks.check_why_train_mse_p70(right)
    assert checks.check_why_train_mse_p70(0.0)
    assert not checks.check_why_train_mse_p70(mean_squared_error(y[60:], ols.predict(X[60:])))
    assert not checks.check_why_train_mse_p70(np.nan)
