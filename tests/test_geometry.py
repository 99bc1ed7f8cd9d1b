"""Tests of sparsity.geometry: the exact contact points against independent solvers."""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import minimize

from sparsity.geometry import (
    ball_boundary,
    ball_value,
    constrained_optimum,
    contact_kind,
    l1_homotopy,
    level_set,
    quadratic_loss,
    random_problem,
)

ARTICLE_C = np.array([1.8, 1.2])
ARTICLE_Q = np.diag([1 / 0.9**2, 1 / 0.5**2])


def slsqp(c, Q, t, norm, l1_ratio=0.5):
    """An independent solver: SLSQP, with the split w = u - v (u, v >= 0) for the non-smooth balls."""
    p = len(c)
    if norm == "l2":
        cons = [{"type": "ineq", "fun": lambda w: t**2 - w @ w, "jac": lambda w: -2 * w}]
        res = minimize(lambda w: quadratic_loss(w, c, Q), np.zeros(p), jac=lambda w: 2 * Q @ (w - c),
                       constraints=cons, method="SLSQP", options={"ftol": 1e-15, "maxiter": 2000})
        return res.x
    a = 1.0 if norm == "l1" else l1_ratio

    def split(z):
        return z[:p] - z[p:]

    def fun(z):
        return quadratic_loss(split(z), c, Q)

    def jac(z):
        g = 2 * Q @ (split(z) - c)
        return np.concatenate([g, -g])

    def g(z):  # scikit-learn's elastic-net penalty: a ||w||_1 + (1 - a) / 2 ||w||_2^2
        w = split(z)
        return t - a * np.sum(z) - 0.5 * (1 - a) * w @ w

    def g_jac(z):
        w = split(z)
        return -a - (1 - a) * np.concatenate([w, -w])

    res = minimize(fun, np.zeros(2 * p), jac=jac, bounds=[(0, None)] * (2 * p), method="SLSQP",
                   constraints=[{"type": "ineq", "fun": g, "jac": g_jac}],
                   options={"ftol": 1e-15, "maxiter": 2000})
    return split(res.x)


def enumerate_faces(c, Q, t):
    """A second independent L1 solver for small p: try every support and sign pattern (KKT in closed form)."""
    p = len(c)
    best, best_loss = None, np.inf
    for pattern in itertools.product((-1.0, 0.0, 1.0), repeat=p):
        s = np.array(pattern)
        S = np.flatnonzero(s)
        if S.size == 0:
            continue
        # minimise the loss on the affine piece {w_S : s^T w_S = t, w_rest = 0}
        Qs = Q[np.ix_(S, S)]
        rhs = Q[S] @ c
        u = np.linalg.solve(Qs, rhs)
        v = np.linalg.solve(Qs, s[S])
        lam = (s[S] @ u - t) / (s[S] @ v)
        w = np.zeros(p)
        w[S] = u - lam * v
        if np.any(np.sign(w[S]) != s[S]):
            continue
        loss = quadratic_loss(w, c, Q)
        if loss < best_loss:
            best, best_loss = w, loss
    return best


def random_case(seed, p):
    rng = np.random.default_rng(seed)
    c, Q = random_problem(p, rng, ridge=0.2)
    c *= rng.uniform(0.5, 3.0)
    t = rng.uniform(0.05, 1.2) * np.abs(c).sum()
    return c, Q, t


# --------------------------------------------------------------------------- known cases


def test_article_ellipses_land_on_a_face_not_the_corner():
    w = constrained_optimum(ARTICLE_C, ARTICLE_Q, 1.5)
    np.testing.assert_allclose(w, [0.65, 0.85], atol=0.01)
    assert np.all(w > 0), "both coordinates are non-zero: a face, not the vertex (1.5, 0)"
    assert contact_kind(w, ARTICLE_C, 1.5) == "facet"
    assert np.sum(np.abs(w)) == pytest.approx(1.5, abs=1e-12)
    w2 = constrained_optimum(ARTICLE_C, ARTICLE_Q, 1.5, "l2")
    assert np.all(w2 > 0), "the L2 point is in the first quadrant"


def test_vertex_case_is_exactly_on_the_axis():
    c, Q, t = np.array([2.0, 0.3]), np.diag([1.0, 2.0]), 1.0
    w = constrained_optimum(c, Q, t)
    assert w.tolist() == [1.0, 0.0]
    assert w[1] == 0.0
    assert contact_kind(w, c, t) == "vertex"


def test_isotropic_loss_is_soft_thresholding_projection():
    # With Q = I the L1 solution is the Euclidean projection onto the ball: soft-thresholding at some level.
    c = np.array([3.0, -1.0, 0.5, 0.2])
    w = constrained_optimum(c, np.eye(4), 2.5)
    np.testing.assert_allclose(w, [2.25, -0.25, 0.0, 0.0], atol=1e-14)
    assert w[2] == 0.0 and w[3] == 0.0


def test_interior_centre_is_returned_unchanged():
    c, Q = np.array([0.2, -0.1]), np.eye(2)
    for norm in ("l1", "l2", "enet"):
        w = constrained_optimum(c, Q, 1.0, norm)
        np.testing.assert_array_equal(w, c)
        assert contact_kind(w, c, 1.0, norm) == "interior"


def test_multiplier_satisfies_stationarity():
    c, Q, t = random_case(3, 5)
    w, mu = constrained_optimum(c, Q, t, return_multiplier=True)
    g = 2 * Q @ (w - c)
    on = w != 0
    np.testing.assert_allclose(g[on], -mu * np.sign(w[on]), atol=1e-10)
    assert np.all(np.abs(g[~on]) <= mu + 1e-10)
    w_h, mu_h = l1_homotopy(c, Q, t)
    np.testing.assert_array_equal(w, w_h)
    assert mu == mu_h


# --------------------------------------------------------------------------- against independent solvers


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("p", [2, 3, 5])
def test_l1_agrees_with_enumeration_of_faces(seed, p):
    c, Q, t = random_case(seed, p)
    w = constrained_optimum(c, Q, t)
    ref = enumerate_faces(c, Q, t) if np.abs(c).sum() > t else c
    np.testing.assert_allclose(w, ref, atol=1e-10)
    # the zero pattern is exact
    assert np.array_equal(w == 0.0, np.abs(ref) < 1e-12)


@pytest.mark.parametrize("seed", range(30))
@pytest.mark.parametrize("norm", ["l1", "l2", "enet"])
@pytest.mark.parametrize("p", [2, 6])
def test_agrees_with_slsqp(seed, norm, p):
    c, Q, t = random_case(100 + seed, p)
    l1_ratio = 0.2 + 0.6 * ((seed * 7) % 10) / 10
    if norm == "l2":
        t = t / np.sqrt(p)
    if norm == "enet":
        t = 0.5 * ball_value(c, "enet", l1_ratio) * (0.1 + 0.8 * (seed % 5) / 5)
    w = constrained_optimum(c, Q, t, norm, l1_ratio)
    ref = slsqp(c, Q, t, norm, l1_ratio)
    loss, loss_ref = quadratic_loss(w, c, Q), quadratic_loss(ref, c, Q)
    assert loss <= loss_ref + 1e-7 * max(1.0, loss_ref), "the exact solver is never worse than SLSQP"
    assert loss == pytest.approx(loss_ref, rel=1e-6, abs=1e-9)
    np.testing.assert_allclose(w, ref, atol=1e-6)
    assert ball_value(w, norm, l1_ratio) <= t * (1 + 1e-12)
    if ball_value(c, norm, l1_ratio) > t:
        assert ball_value(w, norm, l1_ratio) == pytest.approx(t, rel=1e-9, abs=1e-12), "the constraint is active"
    else:
        np.testing.assert_array_equal(w, c)


@settings(max_examples=150, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), p=st.integers(1, 12), frac=st.floats(0.01, 0.99))
def test_l1_kkt_conditions_hold_exactly(seed, p, frac):
    rng = np.random.default_rng(seed)
    c, Q = random_problem(p, rng)
    t = frac * np.abs(c).sum()
    w, mu = constrained_optimum(c, Q, t, return_multiplier=True)
    assert np.sum(np.abs(w)) == pytest.approx(t, rel=1e-10)
    g = 2 * Q @ (w - c)
    on = w != 0
    scale = max(1.0, mu)
    np.testing.assert_allclose(g[on], -mu * np.sign(w[on]), atol=1e-8 * scale)
    assert np.all(np.abs(g[~on]) <= mu + 1e-8 * scale)


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), p=st.integers(2, 6), a=st.floats(0.05, 0.95), frac=st.floats(0.05, 0.95))
def test_enet_kkt_conditions_hold(seed, p, a, frac):
    rng = np.random.default_rng(seed)
    c, Q = random_problem(p, rng)
    t = frac * ball_value(c, "enet", a)
    w, mu = constrained_optimum(c, Q, t, "enet", a, return_multiplier=True)
    assert ball_value(w, "enet", a) == pytest.approx(t, rel=1e-9)
    g = 2 * Q @ (w - c) + mu * (1 - a) * w  # the gradient of (1 - a) / 2 ||w||^2 is (1 - a) w
    on = w != 0
    scale = max(1.0, mu)
    np.testing.assert_allclose(g[on], -mu * a * np.sign(w[on]), atol=1e-7 * scale)
    assert np.all(np.abs(g[~on]) <= mu * a + 1e-7 * scale)


def test_zero_coordinates_are_exactly_zero_and_l2_has_none():
    rng = np.random.default_rng(0)
    zeros_l1 = zeros_l2 = 0
    for _ in range(200):
        c, Q = random_problem(8, rng)
        t = 0.3 * np.abs(c).sum()
        w1 = constrained_optimum(c, Q, t)
        w2 = constrained_optimum(c, Q, t / 3, "l2")
        small = np.abs(w1) < 1e-12
        assert np.all(w1[small] == 0.0), "a coordinate on a face must be exactly 0.0, not merely tiny"
        zeros_l1 += int(np.sum(w1 == 0.0))
        zeros_l2 += int(np.sum(w2 == 0.0))
    assert zeros_l1 > 100 and zeros_l2 == 0


def test_enet_limits_are_the_l1_and_squared_l2_balls():
    c, Q, t = random_case(7, 4)
    np.testing.assert_allclose(constrained_optimum(c, Q, t, "enet", 1.0), constrained_optimum(c, Q, t), atol=1e-14)
    # l1_ratio = 0: ||w||_2^2 / 2 <= 0.5 is the L2 ball of radius 1
    w0, mu0 = constrained_optimum(c, Q, 0.5, "enet", 0.0, return_multiplier=True)
    w2, mu2 = constrained_optimum(c, Q, 1.0, "l2", return_multiplier=True)
    np.testing.assert_allclose(w0, w2, atol=1e-14)
    assert mu0 == pytest.approx(mu2, rel=1e-12), "the same stationarity condition, so the same multiplier"
    # and close to the ends the ball moves continuously
    np.testing.assert_allclose(constrained_optimum(c, Q, 0.5, "enet", 1e-6), w0, atol=1e-5)
    np.testing.assert_allclose(constrained_optimum(c, Q, t, "enet", 1 - 1e-6), constrained_optimum(c, Q, t), atol=1e-5)


def test_enet_ball_value_is_scikit_learns_penalty():
    # scikit-learn: l1_ratio ||w||_1 + (1 - l1_ratio) / 2 ||w||_2^2 (times alpha)
    assert ball_value([1.0, -2.0], "enet", 0.8) == pytest.approx(0.8 * 3 + 0.1 * 5)
    assert ball_value([1.0, -2.0], "enet", 0.0) == pytest.approx(2.5)
    assert ball_value([1.0, -2.0], "enet", 1.0) == pytest.approx(3.0)


def _centred_regression(seed, n=80, p=5):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p)) @ rng.standard_normal((p, p)) * 0.6 + rng.standard_normal((n, p))
    w_true = rng.standard_normal(p) * (rng.uniform(size=p) < 0.6)
    y = X @ w_true + rng.standard_normal(n)
    X = X - X.mean(axis=0)
    y = y - y.mean()
    c = np.linalg.solve(X.T @ X, X.T @ y)  # OLS weights: the centre of the ellipses
    Q = X.T @ X / n
    return X, y, c, Q


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("l1_ratio", [0.1, 0.3, 0.5, 0.8, 0.95, 1.0])
def test_enet_ball_is_scikit_learns_elastic_net(seed, l1_ratio):
    """The ball's l1_ratio is scikit-learn's: the budget at ElasticNet's solution gives back that solution."""
    from sklearn.linear_model import ElasticNet

    X, y, c, Q = _centred_regression(seed)
    n = X.shape[0]
    alpha_max = np.max(np.abs(X.T @ y)) / (n * l1_ratio)  # the smallest alpha with w = 0
    alpha = alpha_max * (0.05 + 0.5 * ((seed * 5 + int(10 * l1_ratio)) % 7) / 7)
    fit = ElasticNet(alpha=alpha, l1_ratio=l1_ratio, fit_intercept=False, tol=1e-14, max_iter=1_000_000).fit(X, y)
    w_sk = fit.coef_
    t = ball_value(w_sk, "enet", l1_ratio)
    w, mu = constrained_optimum(c, Q, t, "enet", l1_ratio, return_multiplier=True)
    np.testing.assert_allclose(w, w_sk, atol=1e-8)
    assert np.array_equal(w == 0.0, w_sk == 0.0), "the same exact zeros"
    assert mu == pytest.approx(2 * alpha, rel=1e-6), "the multiplier is twice scikit-learn's alpha"


@pytest.mark.parametrize("seed", range(3))
def test_enet_ball_with_l1_ratio_zero_is_scikit_learns_ridge_limit(seed):
    # ElasticNet(alpha, l1_ratio=0) is Ridge(n * alpha); scikit-learn's CD solver is unreliable there, so use Ridge
    from sklearn.linear_model import Ridge

    X, y, c, Q = _centred_regression(seed)
    n, alpha = X.shape[0], 0.3
    w_sk = Ridge(alpha=n * alpha, fit_intercept=False).fit(X, y).coef_
    t = ball_value(w_sk, "enet", 0.0)
    w, mu = constrained_optimum(c, Q, t, "enet", 0.0, return_multiplier=True)
    np.testing.assert_allclose(w, w_sk, atol=1e-10)
    assert mu == pytest.approx(2 * alpha, rel=1e-8)


# --------------------------------------------------------------------------- helpers and bad input


def test_ball_boundary_and_level_set():
    for norm in ("l1", "l2", "enet"):
        for a in (0.0, 0.4, 1.0):
            pts = ball_boundary(1.3, norm, a)
            assert pts.shape == (401 + 3, 2)
            np.testing.assert_array_equal(pts[0], pts[-1])
            values = [ball_value(x, norm, a) for x in pts]
            np.testing.assert_allclose(values, 1.3, rtol=1e-12)
    assert any(np.array_equal(x, [1.3, 0.0]) for x in ball_boundary(1.3))
    # the elastic-net corner on the w1 axis: 0.4 r + 0.3 r^2 = 1.3
    r = (-0.4 + np.sqrt(0.16 + 4 * 0.3 * 1.3)) / (2 * 0.3)
    assert any(x[1] == 0.0 and x[0] == pytest.approx(r, rel=1e-14) for x in ball_boundary(1.3, "enet", 0.4))
    np.testing.assert_allclose(np.linalg.norm(ball_boundary(1.3, "enet", 0.0), axis=1), np.sqrt(2.6), rtol=1e-14)
    pts = level_set(ARTICLE_C, ARTICLE_Q, 0.7)
    np.testing.assert_allclose([quadratic_loss(x, ARTICLE_C, ARTICLE_Q) for x in pts], 0.7, rtol=1e-12)


@pytest.mark.parametrize(
    ("args", "kwargs", "match"),
    [
        (([1.0, 2.0], [[1.0, 0.0], [0.0, -1.0]], 1.0), {}, "positive definite"),
        (([1.0, 2.0], [[1.0, 2.0], [2.0, 1.0]], 1.0), {}, "positive definite"),
        (([1.0, 2.0], [[1.0, 0.5], [0.0, 1.0]], 1.0), {}, "symmetric"),
        (([1.0, 2.0], np.eye(3), 1.0), {}, "shape"),
        (([1.0, 2.0], np.eye(2), 0.0), {}, "t must be greater than 0"),
        (([1.0, 2.0], np.eye(2), -1.0), {}, "t must be greater than 0"),
        (([1.0, np.nan], np.eye(2), 1.0), {}, "c contains NaN"),
        (([[1.0, 2.0]], np.eye(2), 1.0), {}, "c must be 1-dimensional"),
        (([1.0, 2.0], np.eye(2), 1.0), {"norm": "l3"}, "norm must be one of"),
        (([1.0, 2.0], np.eye(2), 1.0), {"norm": "enet", "l1_ratio": 1.5}, "l1_ratio"),
        (([1.0, 2.0], np.eye(2), 1.0), {"norm": "enet", "l1_ratio": -0.1}, "l1_ratio"),
    ],
)
def test_bad_input_gets_a_clear_error(args, kwargs, match):
    with pytest.raises(ValueError, match=match):
        constrained_optimum(*args, **kwargs)


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: quadratic_loss([1.0, np.nan], [0.0, 0.0], np.eye(2)), ValueError, "w contains NaN"),
        (lambda: quadratic_loss([1.0, 0.0], [np.inf, 0.0], np.eye(2)), ValueError, "c contains NaN"),
        (lambda: quadratic_loss([1.0, 0.0], [0.0, 0.0], [[1.0, np.nan], [0.0, 1.0]]), ValueError, "Q contains NaN"),
        (lambda: quadratic_loss([1.0, 0.0, 0.0], [0.0, 0.0], np.eye(2)), ValueError, "w and c must have the same"),
        (lambda: quadratic_loss([1.0, 0.0], [0.0, 0.0], np.eye(3)), ValueError, "Q must have shape"),
        (lambda: random_problem(3, np.random.default_rng(0), ridge=-0.1), ValueError, "ridge must be at least 0"),
        (lambda: random_problem(0, np.random.default_rng(0)), ValueError, "p must be at least 1"),
        (lambda: random_problem(2.5, np.random.default_rng(0)), TypeError, "p must be an integer"),
        (lambda: random_problem(3, 0), TypeError, "rng must be a numpy.random.Generator"),
        (lambda: contact_kind([1.0, 0.0], [1.0, 2.0, 3.0], 1.0), ValueError, "w and c must have the same length"),
        (lambda: contact_kind([1.0, 0.0], [1.0, 2.0], 0.0), ValueError, "t must be greater than 0"),
        (lambda: contact_kind([1.0, 0.0], [1.0, 2.0], 1.0, "enet", 2.0), ValueError, "l1_ratio"),
        (lambda: ball_boundary(1.0, n_points=0), ValueError, "n_points must be at least 2"),
        (lambda: ball_boundary(1.0, n_points=2.5), TypeError, "n_points must be an integer"),
        (lambda: ball_boundary(1.0, "enet", l1_ratio=-0.5), ValueError, "l1_ratio"),
        (lambda: ball_boundary(-1.0), ValueError, "t must be greater than 0"),
        (lambda: ball_value([1.0, np.nan]), ValueError, "w contains NaN"),
        (lambda: ball_value([1.0, 2.0], "l0"), ValueError, "norm must be one of"),
        (lambda: level_set(ARTICLE_C, ARTICLE_Q, 1.0, n_points=1), ValueError, "n_points must be at least 2"),
        (lambda: level_set(ARTICLE_C, [[1.0, 0.5], [0.0, 1.0]], 1.0), ValueError, "Q must be symmetric"),
        (lambda: level_set(ARTICLE_C, -np.eye(2), 1.0), ValueError, "positive definite"),
        (lambda: level_set(ARTICLE_C, ARTICLE_Q, -1.0), ValueError, "level must be at least 0"),
        (lambda: l1_homotopy([1.0, 2.0], np.eye(2), 0.0), ValueError, "t must be greater than 0"),
    ],
)
def test_helpers_validate_their_input(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_bad_types_get_a_type_error():
    with pytest.raises(TypeError, match="t must be a real number"):
        constrained_optimum([1.0, 2.0], np.eye(2), "1")
    with pytest.raises(TypeError, match="c must be an array"):
        constrained_optimum(["a", "b"], np.eye(2), 1.0)


@pytest.mark.parametrize("seed", range(4))
def test_l1_ball_is_the_lasso_path_of_the_solvers(seed):
    """One homotopy: the L1 contact point at budget t is lasso_path's solution where ||w||_1 = t."""
    from sparsity.solvers import lasso_path

    X, y, c, Q = _centred_regression(seed, n=60, p=6)
    alpha = (0.1 + 0.2 * seed) * np.max(np.abs(X.T @ y)) / X.shape[0]
    w_path = lasso_path(X, y, [alpha], method="homotopy")[0]
    w, mu = constrained_optimum(c, Q, np.abs(w_path).sum(), return_multiplier=True)
    np.testing.assert_allclose(w, w_path, atol=1e-10)
    assert np.array_equal(w == 0.0, w_path == 0.0), "the same exact zeros"
    assert mu == pytest.approx(2 * alpha, rel=1e-8), "the multiplier is twice the lasso's alpha"
