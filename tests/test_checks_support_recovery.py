"""The support-recovery exercise checks accept the right answer and reject wrong ones."""

import numpy as np
from sklearn.linear_model import lasso_path

from sparsity.checks import check_support_eta_signs, check_support_rows


def test_eta_signs_both_ways():
    assert check_support_eta_signs(0.5)
    assert not check_support_eta_signs(1.5), "the all-positive signs' value"
    assert not check_support_eta_signs(-0.5)


def test_eta_signs_answer_is_what_the_lasso_sees():
    # With eta = 0.5 < 1 the noise-free lasso recovers (+, +, -) on a large
    # sample of the population design, while (+, +, +) (eta = 1.5) fails.
    rng = np.random.default_rng(0)
    n, rho = 4000, 0.5
    X = rng.standard_normal((n, 4))
    X[:, 3] = rho * X[:, :3].sum(axis=1) + np.sqrt(1 - 3 * rho**2) * X[:, 3]
    alphas = np.array([0.05])
    for signs, recovers in (([1, 1, -1], True), ([1, 1, 1], False)):
        w = np.array([*signs, 0.0])
        coef = lasso_path(X, X @ w, alphas=alphas, tol=1e-10)[1][:, 0]
        assert np.array_equal(np.sign(coef), np.sign(w)) is recovers


def test_rows_both_ways():
    s = int(np.ceil(0.4 * 1024**0.75))
    right = 2 * s * np.log(1024 - s)
    assert s == 73
    assert check_support_rows(right)
    assert check_support_rows(np.ceil(right))
    assert not check_support_rows(2 * s * np.log(1024))  # log p, not log(p - s)
    assert not check_support_rows(2 * 72 * np.log(1024 - 72))  # s rounded down
