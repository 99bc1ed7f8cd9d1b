"""Tests of sparsity.screening: the safe rules are safe, the strong rule plus the KKT check is exact."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.linear_model import Lasso, lasso_path

from sparsity.screening import (
    dual_point,
    gap_safe_rule,
    kkt_violations,
    safe_rule,
    sphere_test,
    strong_rule,
)


def _problem(seed, n=30, p=60, rho=0.0):
    """Standardised Gaussian design (AR(1) correlation rho) and centred y."""
    rng = np.random.default_rng(seed)
    Z = rng.standard_normal((n, p))
    X = Z.copy()
    for j in range(1, p):
        X[:, j] = rho * X[:, j - 1] + np.sqrt(1 - rho**2) * Z[:, j]
    w = np.zeros(p)
    w[:4] = [2.0, -1.5, 1.0, 0.5]
    y = X @ w + rng.standard_normal(n)
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    return X, y - y.mean()


def _exact(X, y, alpha):
    fit = Lasso(alpha=alpha, fit_intercept=False, tol=1e-12, max_iter=100_000).fit(X, y)
    return fit.coef_, fit.dual_gap_


def _alpha_max(X, y):
    return np.max(np.abs(X.T @ y)) / X.shape[0]


# --------------------------------------------------------------------------- safety


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    ratio=st.floats(0.02, 1.0),
    rho=st.sampled_from([0.0, 0.5, 0.9]),
)
def test_safe_rules_never_discard_a_nonzero_weight(seed, ratio, rho):
    X, y = _problem(seed, rho=rho)
    n = X.shape[0]
    alpha = ratio * _alpha_max(X, y)
    w, _ = _exact(X, y, alpha)
    corr = X.T @ (y - X @ w) / n
    rng = np.random.default_rng(seed)
    # gap-safe is safe for ANY w: the exact solution, a perturbed one, zero
    for w_any in (w, w + 0.1 * rng.standard_normal(w.size), np.zeros_like(w)):
        for kept in (safe_rule(X, y, alpha), gap_safe_rule(X, y, w_any, alpha)):
            assert np.all(w[~kept] == 0)
            assert np.all(np.abs(corr[~kept]) < alpha)


def test_gap_safe_at_the_solution_discards_almost_every_zero():
    X, y = _problem(0)
    alpha = 0.3 * _alpha_max(X, y)
    w, _ = _exact(X, y, alpha)
    kept = gap_safe_rule(X, y, w, alpha)
    assert np.all(kept[w != 0])
    corr = X.T @ (y - X @ w) / X.shape[0]
    clear = np.abs(corr) < 0.999 * alpha  # zeros not at the boundary
    assert not np.any(kept & clear)


def test_safe_rule_above_alpha_max_keeps_only_the_boundary():
    X, y = _problem(1)
    a_max = _alpha_max(X, y)
    kept = safe_rule(X, y, a_max)
    assert np.array_equal(np.flatnonzero(kept), [np.argmax(np.abs(X.T @ y))])
    assert not safe_rule(X, y, 2 * a_max).any()


def test_safe_rule_is_the_sphere_test_around_y():
    X, y = _problem(2)
    a_max = _alpha_max(X, y)
    for ratio in (0.99, 0.9, 0.5):
        radius = np.linalg.norm(y) * (1 - ratio)
        assert np.array_equal(safe_rule(X, y, ratio * a_max), sphere_test(X, y, radius, ratio * a_max))


def test_sphere_test_is_cauchy_schwarz():
    X, y = _problem(3, n=10, p=5)
    center = np.zeros(10)
    norms = np.linalg.norm(X, axis=0)
    # a ball of radius R around zero: bound ||X_j|| R / n
    kept = sphere_test(X, center, 1.0, alpha=float(np.median(norms)) / 10)
    assert np.array_equal(kept, norms / 10 >= np.median(norms) / 10)


# --------------------------------------------------------------------------- the dual point


def test_dual_point_is_feasible_and_its_gap_is_scikit_learns():
    X, y = _problem(4)
    n = X.shape[0]
    for ratio in (0.8, 0.3, 0.05):
        alpha = ratio * _alpha_max(X, y)
        w, sk_gap = _exact(X, y, alpha)
        rho, gap = dual_point(X, y, w, alpha)
        assert np.max(np.abs(X.T @ rho)) / n <= alpha * (1 + 1e-12)
        assert abs(gap - sk_gap) < 1e-12 * (y @ y) / n
        # from a poor w, the gap is positive and bounds the suboptimality
        w_bad = w + 0.05
        _, gap_bad = dual_point(X, y, w_bad, alpha)
        excess = (
            np.sum((y - X @ w_bad) ** 2) / (2 * n)
            + alpha * np.abs(w_bad).sum()
            - (np.sum((y - X @ w) ** 2) / (2 * n) + alpha * np.abs(w).sum())
        )
        assert gap_bad >= excess - 1e-12 > 0


def test_dual_point_at_alpha_max_is_y_with_zero_gap():
    X, y = _problem(5)
    rho, gap = dual_point(X, y, np.zeros(X.shape[1]), _alpha_max(X, y))
    assert np.allclose(rho, y) and abs(gap) < 1e-12


# --------------------------------------------------------------------------- strong rule and KKT check


def test_strong_rule_threshold():
    corr = np.array([0.4, -0.6, 0.5, 0.0])
    # 2 alpha - alpha_prev = 0.5: kept when |c_j| >= 0.5
    assert strong_rule(corr, 0.75, 1.0).tolist() == [False, True, True, False]
    # at alpha = alpha_prev the rule keeps the features at the bar
    assert strong_rule(corr, 0.5, 0.5).tolist() == [False, True, True, False]


def test_kkt_violations_only_discarded_features_above_alpha():
    corr = np.array([1.0, -1.2, 0.5, 1.1])
    kept = np.array([True, False, False, False])
    assert kkt_violations(corr, 1.0, kept).tolist() == [1, 3]
    assert kkt_violations(corr, 1.0, kept, tol=0.15).tolist() == [1]


@pytest.mark.parametrize("rho", [0.0, 0.9])
def test_strong_rule_with_kkt_check_gives_the_exact_path(rho):
    X, y = _problem(6, rho=rho)
    n, p = X.shape
    alphas = _alpha_max(X, y) * np.logspace(0, -1.5, 15)
    _, W, _ = lasso_path(X, y, alphas=alphas, tol=1e-12, max_iter=100_000)
    corr, alpha_prev = X.T @ y / n, alphas[0]
    for i, alpha in enumerate(alphas):
        kept = strong_rule(corr, alpha, alpha_prev)
        w = np.zeros(p)
        while True:
            w[kept] = _exact(X[:, kept], y, alpha)[0]
            corr = X.T @ (y - X @ w) / n
            missed = kkt_violations(corr, alpha, kept)
            if missed.size == 0:
                break
            kept[missed] = True
        assert np.max(np.abs(w - W[:, i])) < 1e-8
        alpha_prev = alpha


def test_the_strong_rule_is_not_safe():
    """The chapter's trap: x3 leans on x1 + x2 (corr -0.8) and fools the rule once."""
    rng = np.random.default_rng(15)
    z = rng.standard_normal((40, 3))
    x1 = z[:, 0]
    x2 = -0.8 * x1 + 0.6 * z[:, 1]
    x3 = 0.7 * (x1 + x2) / np.std(x1 + x2) + np.sqrt(1 - 0.7**2) * z[:, 2]
    y = x1 + x2 + 0.5 * rng.standard_normal(40)
    X = np.c_[x1, x2, x3]
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    y = y - y.mean()
    alphas = _alpha_max(X, y) * np.logspace(0, -2, 20)
    _, W, _ = lasso_path(X, y, alphas=alphas, tol=1e-12, max_iter=100_000)
    mistakes = []
    for i in range(1, alphas.size):
        corr = X.T @ (y - X @ W[:, i - 1]) / 40
        kept = strong_rule(corr, alphas[i], alphas[i - 1])
        mistakes += [(i, j) for j in np.flatnonzero(~kept & (W[:, i] != 0))]
        corr_new = X.T @ (y - X @ W[:, i]) / 40
        # the KKT check at the exact solution flags the mistakes (|c_j| = alpha)
        flagged = kkt_violations(corr_new, alphas[i], kept, tol=-1e-9)
        assert set(np.flatnonzero(~kept & (W[:, i] != 0))) <= set(flagged)
    assert len(mistakes) == 1 and mistakes[0][1] == 2


# --------------------------------------------------------------------------- input checks


def test_bad_inputs_are_named():
    X, y = _problem(7, n=10, p=5)
    with pytest.raises(ValueError, match="alpha"):
        safe_rule(X, y, 0.0)
    with pytest.raises(ValueError, match="alpha"):
        gap_safe_rule(X, y, np.zeros(5), -1.0)
    with pytest.raises(ValueError, match="w must have one weight"):
        dual_point(X, y, np.zeros(4), 0.1)
    with pytest.raises(ValueError, match="same number of rows"):
        safe_rule(X, y[:-1], 0.1)
    with pytest.raises(ValueError, match="radius"):
        sphere_test(X, y, -1.0, 0.1)
    with pytest.raises(ValueError, match="center"):
        sphere_test(X, np.full(10, np.nan), 1.0, 0.1)
    with pytest.raises(TypeError, match="alpha"):
        safe_rule(X, y, "big")
