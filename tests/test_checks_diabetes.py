"""The chapter 16 exercise checks accept the right answer and reject wrong ones."""

import numpy as np
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Lasso, LassoCV, LinearRegression
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import KFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from sparsity import split_train_test
from sparsity.checks import check_diabetes_relaxed_mse, check_diabetes_s2_without_s1


def _setup():
    diabetes = load_diabetes()
    X_train, X_test, y_train, y_test = split_train_test(diabetes.data, diabetes.target)
    folds = KFold(10, shuffle=True, random_state=0)
    cv = make_pipeline(StandardScaler(), LassoCV(cv=folds)).fit(X_train, y_train)[-1]
    mse = cv.mse_path_.mean(axis=1)
    se = cv.mse_path_.std(axis=1, ddof=1) / np.sqrt(10)
    best = np.argmin(mse)
    return X_train, X_test, y_train, y_test, cv.alpha_, cv.alphas_[mse <= mse[best] + se[best]].max()


def test_relaxed_mse_both_ways():
    X_train, X_test, y_train, y_test, _, alpha_1se = _setup()
    keep = make_pipeline(StandardScaler(), Lasso(alpha=alpha_1se)).fit(X_train, y_train)[-1].coef_ != 0
    assert 0 < keep.sum() < keep.size
    refit = make_pipeline(StandardScaler(), LinearRegression()).fit(X_train[:, keep], y_train)
    mse = mean_squared_error(y_test, refit.predict(X_test[:, keep]))
    assert check_diabetes_relaxed_mse(mse)
    assert not check_diabetes_relaxed_mse(mse * 1.01)
    full = make_pipeline(StandardScaler(), LinearRegression()).fit(X_train, y_train)
    assert not check_diabetes_relaxed_mse(mean_squared_error(y_test, full.predict(X_test)))


def test_s2_without_s1_both_ways():
    X_train, _, y_train, _, alpha_min, _ = _setup()
    cols = [0, 1, 2, 3, 5, 6, 7, 8, 9]  # every feature but s1 (column 4)
    w = make_pipeline(StandardScaler(), Lasso(alpha=alpha_min)).fit(X_train[:, cols], y_train)[-1].coef_
    assert check_diabetes_s2_without_s1(w[4])
    assert not check_diabetes_s2_without_s1(w[4] + 1.0)
    with_s1 = make_pipeline(StandardScaler(), Lasso(alpha=alpha_min)).fit(X_train, y_train)[-1].coef_
    assert not check_diabetes_s2_without_s1(with_s1[5])


def test_relaxed_solution_difference_is_inside_its_standard_error():
    """ex-diabetes-relaxed: refit and 1-SE lasso differ by less than one paired standard error."""
    X_train, X_test, y_train, y_test, _, alpha_1se = _setup()
    lasso = make_pipeline(StandardScaler(), Lasso(alpha=alpha_1se)).fit(X_train, y_train)
    keep = lasso[-1].coef_ != 0
    refit = make_pipeline(StandardScaler(), LinearRegression()).fit(X_train[:, keep], y_train)
    diff = (y_test - refit.predict(X_test[:, keep])) ** 2 - (y_test - lasso.predict(X_test)) ** 2
    assert abs(diff.mean()) < diff.std(ddof=1) / np.sqrt(len(diff))


def test_without_s1_solution_s2_changes_sign_and_s3_returns():
    """ex-diabetes-without-s1: s2's weight changes sign and s3 comes back with a sizeable weight."""
    X_train, _, y_train, _, alpha_min, _ = _setup()
    cols = [0, 1, 2, 3, 5, 6, 7, 8, 9]  # every feature but s1 (column 4)
    w = make_pipeline(StandardScaler(), Lasso(alpha=alpha_min)).fit(X_train[:, cols], y_train)[-1].coef_
    with_s1 = make_pipeline(StandardScaler(), Lasso(alpha=alpha_min)).fit(X_train, y_train)[-1].coef_
    assert w[4] < 0 < with_s1[5], "s2 should change sign"
    assert with_s1[6] == 0 and abs(w[5]) > 5, "s3 should come back with a sizeable weight"
