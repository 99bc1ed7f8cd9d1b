"""Tests of the chapter 6 exercise checks: the right answer passes, a wrong one fails."""

import numpy as np
from sklearn.linear_model import Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from sparsity import checks, data, load_canonical


def test_shrink_factors_check_both_ways():
    ds = load_canonical()
    d = np.linalg.svd(StandardScaler().fit_transform(ds.X_train), compute_uv=False)
    right = d**2 / (d**2 + 160.0)
    assert checks.check_ridge_shrink_factors(right)
    assert not checks.check_ridge_shrink_factors(right[::-1])
    assert not checks.check_ridge_shrink_factors(d**2 / (d**2 + 1.0))
    assert not checks.check_ridge_shrink_factors(right[:5])


def test_crossing_alpha_check_both_ways():
    X, y, _ = data.make_sparse_regression(rho=0.8)
    X_train, _, y_train, _ = data.split_train_test(X, y)

    def weight_x4(alpha):
        return make_pipeline(StandardScaler(), Ridge(alpha=alpha)).fit(X_train, y_train)[-1].coef_[3]

    lo, hi = 0.1, 100.0
    for _ in range(60):  # bisection with scikit-learn, independent of the check's closed form
        mid = np.sqrt(lo * hi)
        lo, hi = (mid, hi) if np.sign(weight_x4(mid)) == np.sign(weight_x4(lo)) else (lo, mid)
    right = np.sqrt(lo * hi)
    assert checks.check_ridge_crossing_alpha(right)
    assert not checks.check_ridge_crossing_alpha(right * 1.05)
