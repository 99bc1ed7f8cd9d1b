"""Tests of the chapter 11 exercise checks: the right answer passes, wrong ones fail."""

import numpy as np
from sklearn.linear_model import ElasticNet, Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from sparsity import load_canonical, raw_coef
from sparsity.checks import check_enet_ball_diagonal, check_enet_ridge_alpha


def test_enet_ridge_alpha_right_and_wrong():
    ds = load_canonical()
    n = ds.X_train.shape[0]
    right = n * 0.05
    assert check_enet_ridge_alpha(right)
    assert not check_enet_ridge_alpha(0.05)
    assert not check_enet_ridge_alpha(ds.X.shape[0] * 0.05), "n is the number of training rows"
    # the right answer really reproduces the elastic net
    enet = make_pipeline(StandardScaler(), ElasticNet(alpha=0.05, l1_ratio=0.0, tol=1e-12, max_iter=100_000))
    ridge = make_pipeline(StandardScaler(), Ridge(alpha=right))
    w_enet = raw_coef(enet.fit(ds.X_train, ds.y_train))
    w_ridge = raw_coef(ridge.fit(ds.X_train, ds.y_train))
    assert np.allclose(w_enet, w_ridge, atol=1e-8)


def test_enet_ball_diagonal_right_and_wrong():
    s = (np.sqrt(5.0) - 1.0) / 2.0
    assert np.isclose(0.5 * 2 * s + 0.5 * 2 * s**2, 1.0)
    assert check_enet_ball_diagonal(s)
    assert not check_enet_ball_diagonal(0.5)
    assert not check_enet_ball_diagonal(np.sqrt(0.5))
    assert not check_enet_ball_diagonal([s, s])
