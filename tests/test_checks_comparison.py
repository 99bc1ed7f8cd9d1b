"""Tests of the chapter 12 exercise checks: the right answer passes, wrong ones fail."""

import numpy as np
from sklearn.feature_selection import SelectFromModel
from sklearn.linear_model import Lasso, LassoCV, LinearRegression
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import KFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from sparsity import load_canonical
from sparsity.checks import check_relaxed_lassocv_mse, check_relaxed_mse_alpha05


def relaxed_mse(selector, ds):
    pipe = make_pipeline(StandardScaler(), SelectFromModel(selector, threshold=1e-12), LinearRegression())
    pipe.fit(ds.X_train, ds.y_train)
    return mean_squared_error(ds.y_test, pipe.predict(ds.X_test)), pipe[1].get_support()


def test_relaxed_alpha05_right_and_wrong():
    ds = load_canonical()
    right, support = relaxed_mse(Lasso(alpha=0.5), ds)
    assert np.array_equal(support, ds.w_true != 0), "alpha=0.5 still selects exactly the true features"
    assert check_relaxed_mse_alpha05(right)
    assert right == relaxed_mse(Lasso(alpha=0.1), ds)[0], "same support, same refit (the solution's claim)"
    lasso_only = make_pipeline(StandardScaler(), Lasso(alpha=0.5)).fit(ds.X_train, ds.y_train)
    wrong = mean_squared_error(ds.y_test, lasso_only.predict(ds.X_test))
    assert not check_relaxed_mse_alpha05(wrong), "the plain lasso's MSE is not the refit's"


def test_relaxed_lassocv_right_and_wrong():
    ds = load_canonical()
    right, _ = relaxed_mse(LassoCV(alphas=100, cv=KFold(n_splits=5, shuffle=True, random_state=0)), ds)
    assert check_relaxed_lassocv_mse(right)
    wrong, _ = relaxed_mse(Lasso(alpha=0.1), ds)
    assert not check_relaxed_lassocv_mse(wrong)
    assert not check_relaxed_lassocv_mse([right, right])


def test_relaxed_gamma_half_right_and_wrong():
    from sparsity.checks.comparison import check_relaxed_gamma_half_mse

    ds = load_canonical()
    refit, _ = relaxed_mse(Lasso(alpha=0.1), ds)
    lasso = make_pipeline(StandardScaler(), Lasso(alpha=0.1, tol=1e-12)).fit(ds.X_train, ds.y_train)
    mse_lasso = mean_squared_error(ds.y_test, lasso.predict(ds.X_test))
    # the right answer, through the weights: blend them, predict, score
    sel = make_pipeline(StandardScaler(), SelectFromModel(Lasso(alpha=0.1), threshold=1e-12),
                        LinearRegression()).fit(ds.X_train, ds.y_train)
    w_refit = np.zeros(ds.X.shape[1])
    w_refit[sel[1].get_support()] = sel[-1].coef_
    w = 0.5 * lasso[-1].coef_ + 0.5 * w_refit
    pred = ds.y_train.mean() + lasso[0].transform(ds.X_test) @ w
    right = mean_squared_error(ds.y_test, pred)
    assert check_relaxed_gamma_half_mse(right)
    assert min(refit, mse_lasso) < right < max(refit, mse_lasso)
    assert not check_relaxed_gamma_half_mse((refit + mse_lasso) / 2), "not the mean of the two MSEs"
    assert not check_relaxed_gamma_half_mse(refit)
    assert not check_relaxed_gamma_half_mse(mse_lasso)
