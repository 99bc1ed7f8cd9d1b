"""The chapter 15 exercise checks accept the right answer and reject wrong ones."""

import numpy as np
from sklearn.linear_model import ElasticNet, Lasso, lasso_path
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from sparsity import make_sparse_regression
from sparsity.checks import check_choosing_enet_count, check_choosing_recovery


def test_enet_count_both_ways():
    X, y, _ = make_sparse_regression(30, 200, random_state=15)
    Z = StandardScaler().fit_transform(X)
    count = np.count_nonzero(ElasticNet(alpha=0.05, l1_ratio=0.5, max_iter=100_000).fit(Z, y).coef_)
    assert count > 30, "the elastic net should keep more weights than there are rows"
    assert check_choosing_enet_count(count)
    assert not check_choosing_enet_count(count - 1)
    assert not check_choosing_enet_count(30)


def test_recovery_share_both_ways():
    n, sigma, p = 100, 2.0, 50
    alpha = 1.5 * sigma * np.sqrt(2 * np.log(p) / n)
    hits = []
    for r in range(30):
        X, y, w = make_sparse_regression(n, p, noise=sigma, random_state=1000 * n + r)
        coef = make_pipeline(StandardScaler(), Lasso(alpha=alpha)).fit(X, y)[-1].coef_
        hits.append(np.array_equal(coef != 0, w != 0))
    share = float(np.mean(hits))
    assert check_choosing_recovery(share)
    assert not check_choosing_recovery(share + 0.025)
    assert not check_choosing_recovery(100 * share)


def _recovery(n, sigma, c, p=50, draws=30):
    """The chapter's recovery(): shares of exact supports and of misses."""
    alpha = c * sigma * np.sqrt(2 * np.log(p) / n)
    exact = missed = 0
    for r in range(draws):
        X, y, w = make_sparse_regression(n, p, noise=sigma, random_state=1000 * n + r)
        coef = make_pipeline(StandardScaler(), Lasso(alpha=alpha)).fit(X, y)[-1].coef_
        exact += np.array_equal(coef != 0, w != 0)
        missed += np.any((w != 0) & (coef == 0))
    return exact / draws, missed / draws


def test_margin_solution_is_true():
    """ex-choosing-margin: no misses at c = 1.5, and the share lies between c = 1 and c = 2."""
    share, missed = _recovery(100, 2.0, 1.5)
    assert missed == 0
    assert _recovery(100, 2.0, 1.0)[0] <= share <= _recovery(100, 2.0, 2.0)[0]


def test_enet_solution_lasso_stays_below_the_rank():
    """ex-choosing-enet: the lasso keeps fewer than 30 weights where the elastic net keeps more."""
    X, y, _ = make_sparse_regression(30, 200, random_state=15)
    Z = StandardScaler().fit_transform(X)
    yc = y - y.mean()
    lasso = np.count_nonzero(Lasso(alpha=0.05, max_iter=100_000).fit(Z, yc).coef_)
    enet = np.count_nonzero(ElasticNet(alpha=0.05, l1_ratio=0.5, max_iter=100_000).fit(Z, yc).coef_)
    assert lasso < 30 < enet


def test_rank_solution_without_centring_keeps_up_to_n():
    """ex-choosing-rank: without centring, the rank is 30 and the path reaches 30 weights."""
    X, y, _ = make_sparse_regression(30, 200, random_state=15)
    assert np.linalg.matrix_rank(X) == 30
    _, path, _ = lasso_path(X, y, eps=1e-4, alphas=60, max_iter=100_000, tol=1e-8)
    assert np.count_nonzero(path, axis=0).max() == 30
