"""Tests of the chapter 9 exercise checks: the right answer passes, a wrong one fails."""

import numpy as np
from sklearn.linear_model import Lasso, lars_path
from sklearn.preprocessing import StandardScaler

from sparsity import load_canonical
from sparsity.checks import check_paths_decoy_leaves, check_paths_x3_at_one
from sparsity.checks.paths import _decoy_enters_first_and_leaves, check_paths_safe_threshold
from sparsity.screening import safe_rule


def _design():
    ds = load_canonical()
    return StandardScaler().fit_transform(ds.X_train), ds.y_train - ds.y_train.mean()


def test_x3_at_one_accepts_interpolation_and_a_lasso_fit():
    X, y = _design()
    alphas, _, W = lars_path(X, y, method="lasso")
    right = np.interp(1.0, alphas[::-1], W[2, ::-1])
    assert check_paths_x3_at_one(right)
    fit = Lasso(alpha=1.0, tol=1e-12, max_iter=100_000).fit(X, y).coef_[2]
    assert check_paths_x3_at_one(fit)
    assert not check_paths_x3_at_one(right * 1.1)
    assert not check_paths_x3_at_one(W[2, -1])          # the OLS value is not the answer


def test_decoy_count_both_ways():
    right = sum(_decoy_enters_first_and_leaves(seed) for seed in range(20))
    assert 0 < right < 20
    assert _decoy_enters_first_and_leaves(6), "the chapter's seed must give a decoy that leaves"
    assert check_paths_decoy_leaves(right)
    assert not check_paths_decoy_leaves(right + 1)
    assert not check_paths_decoy_leaves(20)


def test_safe_threshold_both_ways_and_against_the_rule():
    X, y = _design()
    n = X.shape[0]
    alpha_max = np.max(np.abs(X.T @ y)) / n
    norms = np.linalg.norm(X, axis=0) * np.linalg.norm(y)
    t = (np.abs(X.T @ y) + norms) / (n * alpha_max + norms)
    right = t.min()
    assert check_paths_safe_threshold(right)
    assert not check_paths_safe_threshold(right * 1.01)
    assert not check_paths_safe_threshold(t.max())  # the largest threshold is 1
    # the rule itself: nothing discarded just below, something just above
    assert safe_rule(X, y, right * (1 - 1e-6) * alpha_max).all()
    assert not safe_rule(X, y, right * (1 + 1e-6) * alpha_max).all()
