"""Tests of the chapter 11 exercise checks: the right answer passes, wrong ones fail."""

import numpy as np
from sklearn.linear_model import ElasticNet, Lasso, Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from sparsity import load_canonical, raw_coef
from sparsity.checks import check_enet_ball_diagonal, check_enet_ridge_alpha
from sparsity.geometry import ball_value


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
    s = np.sqrt(3.0) - 1.0
    assert np.isclose(0.5 * 2 * s + 0.25 * 2 * s**2, 1.0), "on scikit-learn's unit ball"
    # the library's ball (scikit-learn's l1_ratio) agrees
    assert np.isclose(ball_value([s, s], "enet", 0.5), 1.0)
    assert check_enet_ball_diagonal(s)
    assert not check_enet_ball_diagonal(0.5)
    assert not check_enet_ball_diagonal(1.0)
    assert not check_enet_ball_diagonal([s, s])
    old_convention = (np.sqrt(5.0) - 1.0) / 2.0  # 0.5 ||w||_1 + 0.5 ||w||_2^2 = 1
    result = check_enet_ball_diagonal(old_convention)
    assert not result and "halves the L2 term" in result.message


def _draw_group(seed, eps, n=100, p=8, sigma=1.0):
    """The chapter's correlated group: three near-copies of one factor (weight 1 each), p - 3 noise features."""
    rng = np.random.default_rng(seed)
    z = rng.standard_normal(n)
    X = rng.standard_normal((n, p))
    X[:, :3] = z[:, None] + eps * rng.standard_normal((n, 3))
    w_true = np.zeros(p)
    w_true[:3] = 1.0
    return X, X @ w_true + sigma * rng.standard_normal(n)


def test_group_exercise_solution_with_eps_0_2():
    """The solution of ex-enet-group-sum: with eps = 0.2 the lasso keeps the whole group in most draws,
    the elastic net in all of them, with a smaller spread than the lasso's."""
    n_draws = 100
    models = {"lasso": Lasso(alpha=0.3, max_iter=10_000), "enet": ElasticNet(alpha=0.6, l1_ratio=0.5, max_iter=10_000)}
    group = {name: np.empty((n_draws, 3)) for name in models}
    for seed in range(n_draws):
        X, y = _draw_group(seed, eps=0.2)
        for name, model in models.items():
            group[name][seed] = raw_coef(make_pipeline(StandardScaler(), model).fit(X, y))[:3]
    all_three = {name: np.mean(np.count_nonzero(w, axis=1) == 3) for name, w in group.items()}
    spread = {name: np.std(w, axis=1) for name, w in group.items()}
    assert all_three["lasso"] > 0.8, "most draws"
    assert all_three["enet"] == 1.0
    d = spread["lasso"] - spread["enet"]
    assert d.mean() - 1.96 * d.std(ddof=1) / np.sqrt(n_draws) > 0, "a smaller spread, beyond the noise"


def test_enet_rescale_factor_right_and_wrong():
    from sparsity.checks.elastic_net import check_enet_rescale_factor

    right = 1 + 0.2 * (1 - 0.25)
    assert check_enet_rescale_factor(right)
    assert not check_enet_rescale_factor(1.2), "1 + alpha forgets the mix"
    assert not check_enet_rescale_factor(1 + 0.2 * 0.25)
    result = check_enet_rescale_factor(1 + 0.2 * 0.75 / 2)
    assert not result and "without the 1/2" in result.message
    # Zou and Hastie's promise, on an orthogonal standardised design
    # (Z^T Z = n I): the rescaled elastic net is the lasso with the same L1
    # strength, alpha * l1_ratio.
    rng = np.random.default_rng(0)
    n = 60
    A = rng.standard_normal((n, 5))
    Q, _ = np.linalg.qr(A - A.mean(axis=0))
    Z = np.sqrt(n) * Q  # centred, variance one (1/n formula), orthogonal
    y = Z @ np.array([1.0, -0.5, 0.3, 0.0, 0.05]) + 0.3 * rng.standard_normal(n)
    w_enet = ElasticNet(alpha=0.2, l1_ratio=0.25, tol=1e-14, max_iter=100_000).fit(Z, y).coef_
    w_lasso = Lasso(alpha=0.2 * 0.25, tol=1e-14, max_iter=100_000).fit(Z, y).coef_
    assert np.any(w_lasso == 0) and np.any(w_lasso != 0)
    assert np.allclose(right * w_enet, w_lasso, atol=1e-10)
    assert not np.allclose(w_enet, w_lasso, atol=1e-3), "the naive one is smaller"
