"""Tests of sparsity.solvers: each solver against scikit-learn, optimality, identities, bad input."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.exceptions import ConvergenceWarning as SklearnConvergenceWarning
from sklearn.linear_model import ElasticNet, Lasso, lars_path
from sklearn.linear_model import lasso_path as sk_lasso_path

from sparsity.solvers import (
    ConvergenceWarning,
    enet_cd,
    ista,
    lasso_cd,
    lasso_path,
    soft_threshold,
)

TOL = 1e-12
AGREE = 1e-7


def problem(seed: int, n: int, p: int, *, cond: float | None = None, sparse: int = 3):
    """A random centred regression problem; ``cond`` sets the condition number of X."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p))
    if cond is not None:
        U, _, Vt = np.linalg.svd(X, full_matrices=False)
        d = np.geomspace(1.0, 1.0 / cond, min(n, p)) * np.sqrt(n)
        X = (U * d) @ Vt
    w = np.zeros(p)
    w[: min(sparse, p)] = rng.choice([-1.0, 1.0], min(sparse, p)) * rng.uniform(1, 3, min(sparse, p))
    y = X @ w + 0.5 * rng.standard_normal(n)
    return X - X.mean(axis=0), y - y.mean()


def alpha_max(X, y) -> float:
    return float(np.max(np.abs(X.T @ y)) / X.shape[0])


# Many random shapes: n > p, p > n, and ill-conditioned designs (condition number 1e4 to 1e6).
CASES = [(s, n, p, None) for s, (n, p) in enumerate([(50, 5), (40, 12), (30, 60), (20, 100), (80, 30)] * 3)]
CASES += [(100 + s, 60, 8, cond) for s, cond in enumerate([1e4, 1e5, 1e6])]
CASES += [(200 + s, 25, 40, cond) for s, cond in enumerate([1e4, 1e6])]


def lasso_objective(X, y, w, alpha) -> float:
    """(1/(2n)) ||y - X w||^2 + alpha ||w||_1, scikit-learn's scaling."""
    r = y - X @ w
    return float(r @ r / (2 * X.shape[0]) + alpha * np.abs(w).sum())


def ridge_closed_form(X, y, alpha):
    """Minimiser of ||y - X w||^2 + alpha ||w||^2 (scikit-learn's Ridge), alpha > 0."""
    return np.linalg.solve(X.T @ X + alpha * np.eye(X.shape[1]), X.T @ y)


def kkt_violation(X, y, w, alpha) -> float:
    """Largest violation of the lasso optimality conditions (scikit-learn's scaling)."""
    g = X.T @ (y - X @ w) / X.shape[0]
    active = w != 0
    v_active = np.abs(g[active] - alpha * np.sign(w[active]))
    v_zero = np.maximum(np.abs(g[~active]) - alpha, 0)
    return float(max(v_active.max(initial=0.0), v_zero.max(initial=0.0)))


# ------------------------------------------------------------------ soft_threshold


@settings(max_examples=200, deadline=None)
@given(st.floats(-1e6, 1e6), st.floats(0, 1e6))
def test_soft_threshold_is_the_one_dimensional_lasso(z, t):
    s = soft_threshold(z, t)
    assert isinstance(s, float)
    assert abs(s) == pytest.approx(max(abs(z) - t, 0.0), abs=1e-9)
    assert s == 0.0 or np.sign(s) == np.sign(z)
    # s minimises (1/2)(w - z)^2 + t|w|: nothing on a grid around it does better
    f = lambda w: 0.5 * (w - z) ** 2 + t * abs(w)  # noqa: E731
    assert all(f(s) <= f(s + h) + 1e-9 * max(1.0, abs(z)) ** 2 for h in (-1e-3, 1e-3, -1.0, 1.0))


def test_soft_threshold_identities_vectorised():
    rng = np.random.default_rng(0)
    z = rng.standard_normal(1000) * 3
    t = 1.3
    s = soft_threshold(z, t)
    assert s.shape == z.shape
    assert np.all(s[np.abs(z) <= t] == 0) and not np.any(np.signbit(s[s == 0]))
    np.testing.assert_allclose(s + soft_threshold(-z, t), 0, atol=0)  # odd function
    np.testing.assert_allclose(np.abs(z - s), np.minimum(np.abs(z), t))  # moves by min(|z|, t)
    np.testing.assert_array_equal(soft_threshold(z, 0.0), z)
    np.testing.assert_allclose(soft_threshold(soft_threshold(z, 0.5), 0.8), s)  # thresholds add up
    np.testing.assert_array_equal(soft_threshold(z[:3], [0.0, 100.0, 0.0]), [z[0], 0.0, z[2]])


# ------------------------------------------------------------------ lasso


@pytest.mark.parametrize(("seed", "n", "p", "cond"), CASES)
def test_lasso_cd_matches_sklearn_and_is_optimal(seed, n, p, cond):
    X, y = problem(seed, n, p, cond=cond)
    for frac in (0.5, 0.1, 0.02):
        alpha = frac * alpha_max(X, y)
        w = lasso_cd(X, y, alpha, tol=TOL, max_iter=100_000)
        expected = Lasso(alpha=alpha, fit_intercept=False, tol=TOL, max_iter=100_000).fit(X, y).coef_
        np.testing.assert_allclose(w, expected, atol=AGREE, rtol=0)
        assert kkt_violation(X, y, w, alpha) < 1e-6 * alpha
        assert lasso_objective(X, y, w, alpha) <= lasso_objective(X, y, expected, alpha) + 1e-12


def test_lasso_cd_zero_above_alpha_max_and_warm_start():
    X, y = problem(3, 50, 20)
    amax = alpha_max(X, y)
    assert np.all(lasso_cd(X, y, amax * 1.0001, tol=TOL) == 0)
    assert np.count_nonzero(lasso_cd(X, y, amax * 0.99, tol=TOL)) == 1
    w_cold, info_cold = lasso_cd(X, y, 0.1 * amax, tol=1e-10, return_info=True)
    w_warm, info_warm = lasso_cd(X, y, 0.1 * amax, tol=1e-10, w0=w_cold, return_info=True)
    assert info_cold.converged and info_warm.converged and info_warm.n_iter <= 1
    np.testing.assert_allclose(w_warm, w_cold, atol=1e-9)


def test_lasso_cd_callback_sees_every_sweep():
    X, y = problem(4, 40, 10)
    seen = []
    w, info = lasso_cd(X, y, 0.1 * alpha_max(X, y), tol=1e-10, return_info=True,
                       callback=lambda k, w: seen.append((k, w)))
    assert [k for k, _ in seen] == list(range(1, info.n_iter + 1))
    np.testing.assert_array_equal(seen[-1][1], w)


def test_lasso_cd_warns_when_it_does_not_converge():
    X, y = problem(100, 60, 8, cond=1e6)
    with pytest.warns(ConvergenceWarning, match="did not converge in max_iter=2"):
        w, info = lasso_cd(X, y, 1e-4 * alpha_max(X, y), tol=1e-14, max_iter=2, return_info=True)
    assert not info.converged and info.n_iter == 2 and w.shape == (8,)
    assert issubclass(ConvergenceWarning, SklearnConvergenceWarning)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        lasso_cd(X, y, 0.5 * alpha_max(X, y), tol=1e-8, max_iter=10_000)


def test_lasso_path_matches_sklearn_on_a_grid_in_any_order():
    for seed, n, p in [(5, 60, 8), (6, 30, 80)]:
        X, y = problem(seed, n, p, sparse=5)
        alphas = alpha_max(X, y) * np.geomspace(1, 1e-2, 25)
        _, expected, _ = sk_lasso_path(X, y, alphas=alphas, tol=TOL, max_iter=100_000)
        coefs, infos = lasso_path(X, y, alphas, tol=TOL, max_iter=100_000, return_info=True)
        assert coefs.shape == (25, p) and all(info.converged for info in infos)
        np.testing.assert_allclose(coefs, expected.T, atol=AGREE, rtol=0)
        shuffled = np.random.default_rng(seed).permutation(25)
        np.testing.assert_allclose(lasso_path(X, y, alphas[shuffled], tol=TOL, max_iter=100_000),
                                   coefs[shuffled], atol=1e-8)


@pytest.mark.parametrize(("seed", "n", "p", "cond"), [(12, 60, 8, None), (13, 30, 80, None), (102, 60, 8, 1e4),
                                                 (14, 40, 12, None)])
def test_homotopy_path_is_exact(seed, n, p, cond):
    X, y = problem(seed, n, p, cond=cond, sparse=6)
    alphas = alpha_max(X, y) * np.geomspace(1.2, 1e-2, 30)
    _, expected, _ = sk_lasso_path(X, y, alphas=alphas, tol=TOL, max_iter=100_000)
    coefs, infos = lasso_path(X, y, alphas, method="homotopy", return_info=True)
    np.testing.assert_allclose(coefs, expected.T, atol=AGREE, rtol=0)
    assert all(info.converged for info in infos)
    assert np.all(coefs[0] == 0)  # above alpha_max


def test_homotopy_follows_a_feature_that_leaves_and_comes_back():
    from sklearn.datasets import load_diabetes

    X, y = load_diabetes(return_X_y=True)
    X, y = (X - X.mean(axis=0)) / X.std(axis=0), y - y.mean()
    alphas = alpha_max(X, y) * np.geomspace(1, 1e-3, 60)
    _, expected, _ = sk_lasso_path(X, y, alphas=alphas, tol=TOL, max_iter=100_000)
    coefs = lasso_path(X, y, alphas, method="homotopy")
    np.testing.assert_allclose(coefs, expected.T, atol=1e-6, rtol=0)
    zero_again = (coefs[:-1, 6] != 0) & (coefs[1:, 6] == 0)
    assert zero_again.any()  # feature 7 (hdl) leaves the path before the end


PATH_AGREE = 1e-8  # the path solvers against scikit-learn's lasso_path, both at tol 1e-12


def correlated_problem(seed, n, p, sparse=8):
    """Neighbouring columns correlated and a shared factor: a hard design for screening."""
    rng = np.random.default_rng(seed)
    Z = rng.standard_normal((n, p))
    X = Z + 0.8 * np.roll(Z, 1, axis=1) + 0.6 * rng.standard_normal((n, 1))
    w = np.zeros(p)
    w[:sparse] = rng.choice([-1.0, 1.0], sparse) * rng.uniform(1, 3, sparse)
    y = X @ w + 0.5 * rng.standard_normal(n)
    return X - X.mean(axis=0), y - y.mean()


def diabetes_problem():
    from sklearn.datasets import load_diabetes

    X, y = load_diabetes(return_X_y=True)
    return (X - X.mean(axis=0)) / X.std(axis=0), y - y.mean()


PATH_CASES = {
    "p > n": (lambda: problem(21, 40, 300, sparse=8), 3e-2, 40),
    "p >> n": (lambda: problem(22, 30, 2000, sparse=5), 5e-2, 30),
    "correlated, p > n": (lambda: correlated_problem(23, 40, 120), 1e-2, 40),
    "ill-conditioned": (lambda: problem(24, 60, 20, cond=1e5, sparse=6), 1e-3, 40),
    "diabetes": (diabetes_problem, 1e-3, 100),
}


@pytest.mark.parametrize("case", list(PATH_CASES))
def test_strong_rule_path_equals_sklearn_lasso_path(case):
    make, eps, k = PATH_CASES[case]
    X, y = make()
    alphas = alpha_max(X, y) * np.geomspace(1, eps, k)
    _, expected, _ = sk_lasso_path(X, y, alphas=alphas, tol=TOL, max_iter=1_000_000)
    coefs, infos = lasso_path(X, y, alphas, tol=TOL, max_iter=1_000_000, return_info=True)
    np.testing.assert_allclose(coefs, expected.T, atol=PATH_AGREE, rtol=0)
    assert all(info.converged and info.gap <= info.gap_tol for info in infos)
    for alpha, w in zip(alphas, coefs, strict=True):  # optimal on ALL features
        assert kkt_violation(X, y, w, alpha) < 1e-6 * alpha
    if X.shape[1] > X.shape[0]:  # the strong rule left most features out of the solves
        assert max(info.working_set for info in infos) < X.shape[1] / 2


def test_kkt_check_catches_a_strong_rule_violation():
    # A design where the strong rule discards a feature that is non-zero at
    # the next penalty (found by search; such violations are rare).
    X, y = correlated_problem(162, 30, 60)
    alphas = alpha_max(X, y) * np.geomspace(1, 1e-2, 20)
    coefs, infos = lasso_path(X, y, alphas, tol=TOL, max_iter=1_000_000, return_info=True)
    assert sum(info.violations for info in infos) >= 1
    _, expected, _ = sk_lasso_path(X, y, alphas=alphas, tol=TOL, max_iter=1_000_000)
    np.testing.assert_allclose(coefs, expected.T, atol=PATH_AGREE, rtol=0)


def test_path_never_forms_the_p_by_p_gram_matrix():
    # X^T X would take 8 * 60_000^2 bytes = 29 GB; the working sets need a few hundred columns.
    X, y = problem(25, 20, 60_000, sparse=3)
    alphas = alpha_max(X, y) * np.geomspace(1, 0.3, 5)
    coefs, infos = lasso_path(X, y, alphas, tol=1e-10, return_info=True)
    assert all(info.converged for info in infos)
    for alpha, w in zip(alphas, coefs, strict=True):
        assert kkt_violation(X, y, w, alpha) < 1e-5 * alpha
    assert 0 < np.count_nonzero(coefs[-1]) < 20


def test_homotopy_equals_lars_at_every_knot_through_entries_and_drops():
    # scikit-learn's LARS-lasso on a p > n problem: hundreds of knots, features
    # leaving and re-entering; the updated Cholesky factor must stay exact.
    X, y = problem(26, 50, 150, sparse=10)
    knots, _, lars_coefs = lars_path(X, y, method="lasso", alpha_min=1e-3 * alpha_max(X, y), max_iter=100_000)
    coefs = lasso_path(X, y, knots, method="homotopy")
    np.testing.assert_allclose(coefs, lars_coefs.T, atol=1e-9, rtol=0)
    left = (lars_coefs[:, :-1] != 0) & (lars_coefs[:, 1:] == 0)
    assert left.sum() >= 10 and knots.size > 60


def test_coordinate_descent_and_ista_step_with_soft_threshold(monkeypatch):
    # The library runs the soft-thresholding the book teaches: count the calls.
    import sparsity.solvers as solvers

    calls = []

    def counting(z, threshold):
        calls.append(1)
        return soft_threshold(z, threshold)

    monkeypatch.setattr(solvers, "soft_threshold", counting)
    X, y = problem(27, 40, 10)
    w = solvers.lasso_cd(X, y, 0.1, tol=1e-10)
    assert len(calls) >= np.count_nonzero(w) > 0
    calls.clear()
    _, info = solvers.ista(X, y, 0.1, tol=1e-10, return_info=True)
    assert len(calls) == info.n_iter > 0
    calls.clear()
    solvers.lasso_path(X, y, [0.2, 0.1], tol=1e-10)
    assert calls


def test_lasso_path_warns_naming_the_penalties():
    X, y = problem(101, 60, 8, cond=1e5)
    with pytest.warns(ConvergenceWarning, match="lasso_path did not converge"):
        lasso_path(X, y, alpha_max(X, y) * np.array([0.5, 1e-4]), tol=1e-14, max_iter=3)


# ------------------------------------------------------------------ ista / fista


@pytest.mark.parametrize(("seed", "n", "p"), [(7, 50, 5), (8, 40, 12), (9, 30, 60), (10, 80, 30)])
@pytest.mark.parametrize("accelerated", [True, False])
def test_ista_matches_sklearn(seed, n, p, accelerated):
    X, y = problem(seed, n, p)
    alpha = 0.1 * alpha_max(X, y)
    w, info = ista(X, y, alpha, accelerated=accelerated, tol=TOL, max_iter=200_000, return_info=True)
    expected = Lasso(alpha=alpha, fit_intercept=False, tol=TOL, max_iter=100_000).fit(X, y).coef_
    assert info.converged
    np.testing.assert_allclose(w, expected, atol=1e-6, rtol=0)
    assert kkt_violation(X, y, w, alpha) < 1e-5 * alpha


def test_fista_needs_fewer_steps_than_ista_and_warns_at_max_iter():
    X, y = problem(11, 60, 20, cond=30)
    alpha = 0.05 * alpha_max(X, y)
    _, slow = ista(X, y, alpha, accelerated=False, tol=1e-9, max_iter=100_000, return_info=True)
    _, fast = ista(X, y, alpha, accelerated=True, tol=1e-9, max_iter=100_000, return_info=True)
    assert fast.n_iter < slow.n_iter
    with pytest.warns(ConvergenceWarning, match="did not converge"):
        ista(X, y, alpha, tol=1e-14, max_iter=5)


# ------------------------------------------------------------------ elastic net


@pytest.mark.parametrize(("seed", "n", "p", "cond"), CASES[::2])
@pytest.mark.parametrize("l1_ratio", [0.0, 0.3, 0.9, 1.0])
def test_enet_cd_matches_sklearn(seed, n, p, cond, l1_ratio):
    X, y = problem(seed, n, p, cond=cond)
    alpha = 0.1 * alpha_max(X, y)
    w = enet_cd(X, y, alpha, l1_ratio, tol=TOL, max_iter=100_000)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # scikit-learn warns about l1_ratio=0
        expected = ElasticNet(alpha=alpha, l1_ratio=l1_ratio, fit_intercept=False, tol=TOL,
                              max_iter=100_000).fit(X, y).coef_
    if l1_ratio == 0.0:  # scikit-learn's coordinate descent is unreliable here: use the closed form
        expected = ridge_closed_form(X, y, X.shape[0] * alpha)
    np.testing.assert_allclose(w, expected, atol=AGREE, rtol=0)
    if l1_ratio == 1.0:
        np.testing.assert_allclose(w, lasso_cd(X, y, alpha, tol=TOL, max_iter=100_000), atol=1e-9)


# ------------------------------------------------------------------ bad input

X_OK, Y_OK = problem(0, 20, 4)


@pytest.mark.parametrize(
    ("call", "error", "name"),
    [
        (lambda: lasso_cd(X_OK, Y_OK[:-1], 0.1), ValueError, "same number of rows"),
        (lambda: lasso_cd(X_OK[:, 0], Y_OK, 0.1), ValueError, "X must be 2-dimensional"),
        (lambda: lasso_cd(np.where(X_OK > 1, np.nan, X_OK), Y_OK, 0.1), ValueError, "X contains NaN"),
        (lambda: lasso_cd(X_OK, Y_OK, -0.1), ValueError, "alpha"),
        (lambda: lasso_cd(X_OK, Y_OK, "big"), TypeError, "alpha"),
        (lambda: lasso_cd(X_OK, Y_OK, 0.1, tol=-1.0), ValueError, "tol"),
        (lambda: lasso_cd(X_OK, Y_OK, 0.1, max_iter=0), ValueError, "max_iter"),
        (lambda: lasso_cd(X_OK, Y_OK, 0.1, max_iter=2.5), TypeError, "max_iter"),
        (lambda: lasso_cd(X_OK, Y_OK, 0.1, w0=np.zeros(5)), ValueError, "w0"),
        (lambda: lasso_cd(X_OK, Y_OK, 0.1, callback=3), TypeError, "callback"),
        (lambda: lasso_cd(X_OK, Y_OK, 0.1, solver="fast"), TypeError, "solver"),
        (lambda: enet_cd(X_OK, Y_OK, 0.1, 1.5), ValueError, "l1_ratio"),
        (lambda: enet_cd(X_OK, Y_OK, 0.1, -0.1), ValueError, "l1_ratio"),
        (lambda: ista(X_OK, Y_OK, 0.1, accelerated="yes"), TypeError, "accelerated"),
        (lambda: ista(X_OK, Y_OK, 0.1, w0=[1.0]), ValueError, "w0"),
        (lambda: lasso_path(X_OK, Y_OK, [0.1, -1.0]), ValueError, "alphas"),
        (lambda: lasso_path(X_OK, Y_OK, [[0.1]]), ValueError, "alphas"),
        (lambda: lasso_path(X_OK, Y_OK, [0.1], method="lars"), ValueError, "method"),
        (lambda: lasso_cd(X_OK, np.full(20, np.inf), 1.0), ValueError, "y contains NaN"),
        (lambda: soft_threshold([1.0, 2.0], -1.0), ValueError, "threshold"),
        (lambda: soft_threshold([1.0, 2.0], [1.0, 1.0, 1.0]), ValueError, "threshold"),
        (lambda: soft_threshold("abc", 1.0), TypeError, "z"),
    ],
)
def test_bad_input_names_the_argument(call, error, name):
    with pytest.raises(error, match=name):
        call()


# --------------------------------------------------------------------------- inputs that never hang


def _fail_after(seconds):
    """Turn a hang into a test failure (the homotopy once looped forever on inf)."""
    import signal

    def handler(signum, frame):
        raise TimeoutError(f"no answer within {seconds} s")

    signal.signal(signal.SIGALRM, handler)
    signal.alarm(seconds)


@pytest.mark.parametrize("scale", [1e308, 1e155], ids=["X^T y overflows", "X^T X overflows"])
@pytest.mark.parametrize("call", [
    lambda X, y: lasso_path(X, y, alphas=[0.1, 0.01], method="homotopy"),
    lambda X, y: lasso_path(X, y, alphas=[0.1, 0.01]),
    lambda X, y: lasso_cd(X, y, 0.1),
    lambda X, y: enet_cd(X, y, 0.1, 0.5),
    lambda X, y: ista(X, y, 0.1),
], ids=["homotopy", "path", "lasso_cd", "enet_cd", "ista"])
def test_overflowing_inputs_raise_a_clear_error_instead_of_hanging(scale, call):
    X = np.full((20, 5), scale)
    X[::2] *= -1
    y = np.linspace(-1.0, 1.0, 20)
    _fail_after(20)
    try:
        with pytest.raises(ValueError, match="too large in magnitude"):
            call(X, y)
    finally:
        import signal

        signal.alarm(0)


@pytest.mark.parametrize("which", ["X", "y"])
@pytest.mark.parametrize("call", [
    lambda X, y: lasso_path(X, y, alphas=[0.1]),
    lambda X, y: lasso_cd(X, y, 0.1),
    lambda X, y: lasso_path(X, y, alphas=[0.1], method="homotopy"),
    lambda X, y: ista(X, y, 0.1),
], ids=["path", "lasso_cd", "homotopy", "ista"])
def test_complex_input_is_refused_not_truncated(which, call):
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((20, 5)), rng.standard_normal(20)
    if which == "X":
        X = X + 1j
    else:
        y = y * 1j
    with pytest.raises(TypeError, match=f"{which} must be real"):
        call(X, y)


@pytest.mark.parametrize("call", [
    lambda X, y: lasso_cd(X, y, 1e-4, max_iter=1, tol=1e-14),
    lambda X, y: enet_cd(X, y, 1e-4, 0.5, max_iter=1, tol=1e-14),
    lambda X, y: lasso_path(X, y, alphas=[1e-3], max_iter=1, tol=1e-14),
    lambda X, y: ista(X, y, 1e-4, max_iter=1, tol=1e-14),
], ids=["lasso_cd", "enet_cd", "lasso_path", "ista"])
def test_convergence_warning_points_at_the_callers_line(call):
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((30, 8)), rng.standard_normal(30)
    with pytest.warns(ConvergenceWarning) as record:
        call(X, y)
    assert record[0].filename == __file__


def test_a_single_small_penalty_on_many_features_builds_a_small_working_set():
    # alpha < alpha_max / 2: the strong rule keeps every feature, so the working
    # set is built in steps (X^T X of all 60,000 columns would take 29 GB).
    X, y = problem(28, 20, 60_000, sparse=3)
    alpha = 0.2 * alpha_max(X, y)
    (w,), (info,) = lasso_path(X, y, [alpha], tol=1e-10, return_info=True)
    assert info.converged and info.working_set <= 3 * max(2 * 20, 100)
    assert kkt_violation(X, y, w, alpha) < 1e-5 * alpha
    X_small, y_small = problem(29, 30, 500, sparse=5)
    a_small = 0.05 * alpha_max(X_small, y_small)
    expected = Lasso(alpha=a_small, fit_intercept=False, tol=TOL, max_iter=1_000_000).fit(X_small, y_small).coef_
    np.testing.assert_allclose(lasso_path(X_small, y_small, [a_small], tol=TOL, max_iter=1_000_000)[0], expected,
                               atol=PATH_AGREE, rtol=0)
