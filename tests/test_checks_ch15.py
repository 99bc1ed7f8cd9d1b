"""The chapter 15 exercise checks accept the right answer and reject wrong ones."""

import numpy as np
from sklearn.linear_model import ElasticNet, Lasso
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from sparsity import make_regression
from sparsity.checks import check_choosing_enet_count, check_choosing_recovery


def test_enet_count_both_ways():
    X, y, _ = make_regression(30, 200, random_state=15)
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
        X, y, w = make_regression(n, p, noise=sigma, random_state=1000 * n + r)
        coef = make_pipeline(StandardScaler(), Lasso(alpha=alpha)).fit(X, y)[-1].coef_
        hits.append(np.array_equal(coef != 0, w != 0))
    share = float(np.mean(hits))
    assert check_choosing_recovery(share)
    assert not check_choosing_recovery(share + 0.025)
    assert not check_choosing_recovery(100 * share)
