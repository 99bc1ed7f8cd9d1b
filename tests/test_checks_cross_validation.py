"""Tests of the chapter 10 exercise checks: the right answer passes, a wrong one fails."""

import numpy as np
from sklearn.linear_model import Lasso
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from sparsity import make_sparse_regression, split_train_test
from sparsity.checks import check_cv_alpha_max, check_cv_one_se_ten_folds
from sparsity.checks.cross_validation import _alpha_max


def test_alpha_max_both_ways_and_is_the_threshold():
    X, y, _ = make_sparse_regression(noise=2.0)
    X_train, _, y_train, _ = split_train_test(X, y)
    right = _alpha_max(X_train, y_train)
    assert check_cv_alpha_max(right)
    assert not check_cv_alpha_max(2 * right)            # textbook scale is not the Lasso scale
    above = make_pipeline(StandardScaler(), Lasso(alpha=right * (1 + 1e-6), tol=1e-12)).fit(X_train, y_train)
    below = make_pipeline(StandardScaler(), Lasso(alpha=right * (1 - 1e-3), tol=1e-12)).fit(X_train, y_train)
    assert np.count_nonzero(above[-1].coef_) == 0
    assert np.count_nonzero(below[-1].coef_) == 1


def test_one_se_ten_folds_both_ways():
    from sklearn.model_selection import KFold

    from sparsity import load_canonical
    from sparsity.checks.cross_validation import _cv_errors

    ds = load_canonical()
    alphas = _alpha_max(ds.X_train, ds.y_train) * np.logspace(0, -3, 50)
    errors = _cv_errors(ds.X_train, ds.y_train, alphas, KFold(10, shuffle=True, random_state=0))
    mean, se = errors.mean(axis=0), errors.std(axis=0, ddof=1) / np.sqrt(10)
    i_min = int(np.argmin(mean))
    i_1se = int(np.flatnonzero(mean <= mean[i_min] + se[i_min])[0])
    assert check_cv_one_se_ten_folds(alphas[i_1se])
    assert not check_cv_one_se_ten_folds(alphas[i_min])  # the minimum is not the 1-SE choice
    assert i_1se < i_min
    # The solution's claim: with five folds the minimum differs, the one-SE choice does not.
    errors5 = _cv_errors(ds.X_train, ds.y_train, alphas, KFold(5, shuffle=True, random_state=0))
    mean5, se5 = errors5.mean(axis=0), errors5.std(axis=0, ddof=1) / np.sqrt(5)
    i_min5 = int(np.argmin(mean5))
    assert i_min5 != i_min
    assert int(np.flatnonzero(mean5 <= mean5[i_min5] + se5[i_min5])[0]) == i_1se


def test_refit_df_both_ways_and_the_solution_claims():
    from sparsity.checks.cross_validation import _refit_cov_df, check_cv_refit_df

    count, right = _refit_cov_df(0.01)
    assert check_cv_refit_df(right)
    assert not check_cv_refit_df(count)  # the count is the lasso's df, not the refit's
    assert not check_cv_refit_df(right * 1.01)
    # The solution's claims: the surplus is largest at 0.03, and at 0.01 the refit is near OLS (df 10).
    surplus = {a: df - c for a, (c, df) in ((a, _refit_cov_df(a)) for a in (0.1, 0.03, 0.01))}
    assert surplus[0.03] > surplus[0.01] > surplus[0.1] > 0
    assert abs(right - 10) < 0.5
