"""Tests of the chapter 5 exercise check: the right answer passes, a wrong one fails."""

import numpy as np
from sklearn.linear_model import LinearRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from sparsity import checks, data


def largest_noise_weight(noise):
    X, y, w = data.make_sparse_regression(noise=noise)
    X_train, _, y_train, _ = data.split_train_test(X, y)
    fit = make_pipeline(StandardScaler(), LinearRegression()).fit(X_train, y_train)
    return np.max(np.abs(data.raw_coef(fit)[w == 0]))


def test_ols_noise_max_both_ways():
    right = largest_noise_weight(2.0)
    assert checks.check_ols_noise_max(right)
    # the chapter's noise level is the classic mistake; four times it is the answer
    assert not checks.check_ols_noise_max(largest_noise_weight(0.5))
    assert checks.check_ols_noise_max(4 * largest_noise_weight(0.5))
    assert not checks.check_ols_noise_max(right * 1.05)
    assert not checks.check_ols_noise_max(np.nan)
