"""Tests of the chapter 14 exercise checks: the right answer passes, a wrong one fails."""

import numpy as np
from sklearn.linear_model import Lasso, LinearRegression, Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from sparsity import data
from sparsity.checks import check_scale_noise_weight, check_scale_ridge_leak


def test_noise_weight_check_both_ways():
    ds = data.load_canonical()
    X_mm = ds.X_train.copy()
    X_mm[:, 3] *= 1000.0
    right = Lasso(alpha=0.1).fit(X_mm, ds.y_train).coef_[3] * 1000.0
    assert right != 0
    # The solution's claims: zero in the original units, and in millimetres the
    # same size as the OLS weight of x4 (within a factor of two).
    assert Lasso(alpha=0.1).fit(ds.X_train, ds.y_train).coef_[3] == 0
    w_ols = LinearRegression().fit(ds.X_train, ds.y_train).coef_[3]
    assert 0.5 < right / w_ols < 2
    assert check_scale_noise_weight(right)
    assert not check_scale_noise_weight(right / 1000.0)  # forgot to convert back
    assert not check_scale_noise_weight(0.0)  # the answer in the original units


def test_ridge_leak_check_both_ways():
    # Independent route: the honest model is a real Pipeline, the leaky one a StandardScaler fitted on all rows.
    ds = data.load_canonical()
    leaky_scaler = StandardScaler().fit(ds.X)
    diffs, honest_mse = [], []
    for seed in range(200):
        X_tr, X_te, y_tr, y_te = data.split_train_test(ds.X, ds.y, random_state=seed)
        leaky = Ridge(alpha=10.0).fit(leaky_scaler.transform(X_tr), y_tr).predict(leaky_scaler.transform(X_te))
        honest = make_pipeline(StandardScaler(), Ridge(alpha=10.0)).fit(X_tr, y_tr).predict(X_te)
        honest_mse.append(np.mean((y_te - honest) ** 2))
        diffs.append(np.mean((y_te - leaky) ** 2) - honest_mse[-1])
    right = np.mean(diffs)
    # The solution's claim: positive and well under one percent of the honest test MSE.
    assert 0 < right < 0.01 * np.mean(honest_mse)
    assert check_scale_ridge_leak(right)
    assert not check_scale_ridge_leak(-right)
    assert not check_scale_ridge_leak(0.0)
