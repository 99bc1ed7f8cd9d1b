"""Every statement of the conventions appendix (appendices/conventions.md), checked on random problems.

Each row of the appendix's tables names an objective and the scikit-learn call
that minimises it. The tests fit the call and test the row's own optimality
(KKT) conditions at the fitted weights; the glmnet rows are tested against
glmnet's Fortran code itself, through python-glmnet. Chapter 3 checks the same
rows on the book's data.
"""

from __future__ import annotations

import re
from pathlib import Path

import glmnet  # python-glmnet: glmnet's Fortran code (requirements.txt)
import numpy as np
import pytest
from sklearn.linear_model import ElasticNet, Lasso, Ridge
from sklearn.preprocessing import StandardScaler

APPENDIX = Path(__file__).resolve().parent.parent / "appendices" / "conventions.md"
TIGHT = dict(tol=1e-13, max_iter=1_000_000)
SEEDS = [0, 1, 2]


def problem(seed: int, *, n: int = 60, p: int = 6, centred: bool = True):
    """A random regression problem; features on unequal scales unless centred and standardised."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p)) * rng.uniform(0.5, 3.0, p) + rng.uniform(-2, 2, p)
    w = np.where(np.arange(p) < p // 2, rng.uniform(1, 3, p), 0.0)
    y = X @ w + 3.0 + rng.standard_normal(n)
    if centred:
        X = StandardScaler().fit_transform(X)
        y = y - y.mean()
    return X, y


def kkt_violation(X, y, w, *, c, l1=0.0, l2=0.0):
    """Largest violation of the optimality conditions of c ||y - Xw||^2 + l1 ||w||_1 + l2 ||w||^2 (relative)."""
    g = -2 * c * X.T @ (y - X @ w) + 2 * l2 * w
    violation = np.where(w != 0, np.abs(g + l1 * np.sign(w)), np.maximum(np.abs(g) - l1, 0.0))
    return violation.max() / np.abs(2 * c * X.T @ y).max()


def rows(n: int):
    """(name, the row's objective as (c, l1, l2), the scikit-learn estimator of its call)."""
    lam, lam1, lam2 = 0.3, 0.3, 0.1  # textbook strengths
    alpha, rho = 0.2, 0.4  # scikit-learn strengths
    esl, islr, sls, book_ridge = 10.0, 25.0, 0.12, 6.0  # the books' strengths
    return [
        ("textbook lasso", dict(c=1 / n, l1=lam), Lasso(alpha=lam / 2)),
        ("textbook ridge", dict(c=1 / n, l2=lam), Ridge(alpha=n * lam)),
        (
            "textbook elastic net",
            dict(c=1 / n, l1=lam1, l2=lam2),
            ElasticNet(alpha=lam1 / 2 + lam2, l1_ratio=lam1 / (lam1 + 2 * lam2)),
        ),
        ("sklearn Lasso", dict(c=1 / (2 * n), l1=alpha), Lasso(alpha=alpha)),
        ("sklearn Ridge", dict(c=1.0, l2=alpha), Ridge(alpha=alpha)),
        (
            "sklearn ElasticNet",
            dict(c=1 / (2 * n), l1=alpha * rho, l2=alpha * (1 - rho) / 2),
            ElasticNet(alpha=alpha, l1_ratio=rho),
        ),
        ("ESL lasso", dict(c=1 / 2, l1=esl), Lasso(alpha=esl / n)),
        ("ESL, ISLR ridge", dict(c=1.0, l2=book_ridge), Ridge(alpha=book_ridge)),
        ("ISLR lasso", dict(c=1.0, l1=islr), Lasso(alpha=islr / (2 * n))),
        ("SLS lasso", dict(c=1 / (2 * n), l1=sls), Lasso(alpha=sls)),
    ]


def fit(estimator, X, y, *, fit_intercept=False):
    extra = TIGHT if not isinstance(estimator, Ridge) else {}
    return estimator.set_params(fit_intercept=fit_intercept, **extra).fit(X, y)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("index", range(len(rows(10))), ids=[r[0] for r in rows(10)])
def test_each_row_s_call_solves_the_row_s_objective(index, seed):
    X, y = problem(seed)
    name, objective, estimator = rows(X.shape[0])[index]
    w = fit(estimator, X, y).coef_
    assert kkt_violation(X, y, w, **objective) < 1e-8, name


@pytest.mark.parametrize("index", range(len(rows(10))), ids=[r[0] for r in rows(10)])
def test_each_row_holds_with_an_unpenalised_intercept(index):
    """On raw, uncentred data with fit_intercept=True: the weights solve the row on centred data."""
    X, y = problem(3, centred=False)
    name, objective, estimator = rows(X.shape[0])[index]
    model = fit(estimator, X, y, fit_intercept=True)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    assert kkt_violation(Xc, yc, model.coef_, **objective) < 1e-8, name
    assert np.isclose(model.intercept_, y.mean() - X.mean(axis=0) @ model.coef_)


def test_the_control_fails_a_strength_passed_unconverted():
    """The check can tell a wrong conversion: a textbook lambda passed straight to Lasso or Ridge fails."""
    X, y = problem(0)
    n = X.shape[0]
    w = fit(Lasso(alpha=0.3), X, y).coef_
    assert kkt_violation(X, y, w, c=1 / n, l1=0.3) > 1e-3
    w = fit(Ridge(alpha=0.3), X, y).coef_
    assert kkt_violation(X, y, w, c=1 / n, l2=0.3) > 1e-3


# --- glmnet -----------------------------------------------------------------


def glmnet_fit(X, y, a, lam, *, intercept=False, standardize=False):
    model = glmnet.ElasticNet(
        alpha=a, lambda_path=[lam], standardize=standardize, fit_intercept=intercept, tol=1e-20, n_splits=0
    ).fit(X, y)
    return model.coef_path_[:, 0], float(model.intercept_path_[0])


def s_y(y, ddof=0):
    return float(np.std(y, ddof=ddof))


@pytest.mark.parametrize("intercept", [False, True], ids=["no intercept", "intercept"])
@pytest.mark.parametrize("a", [1.0, 0.7, 0.3, 0.0])
@pytest.mark.parametrize("seed", SEEDS)
def test_glmnet_is_elasticnet_on_y_over_s_y(seed, a, intercept):
    """glmnet(alpha=a, lambda=L, standardize=FALSE) = s_y * ElasticNet(alpha=L/s_y, l1_ratio=a) on y/s_y."""
    X, y = problem(seed, centred=not intercept)
    lam, s = 0.4, s_y(y)
    w_glm, b_glm = glmnet_fit(X, y, a, lam, intercept=intercept)
    enet = fit(ElasticNet(alpha=lam / s, l1_ratio=a), X, y / s, fit_intercept=intercept)
    assert np.allclose(w_glm, s * enet.coef_, rtol=0, atol=1e-8)
    assert np.isclose(b_glm, s * enet.intercept_, rtol=0, atol=1e-8)
    # the objective in the units of y: L1 term L*a, L2 term L*(1-a)/(2 s_y)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    if not intercept:
        Xc, yc = X, y
    n = X.shape[0]
    row = dict(c=1 / (2 * n), l1=lam * a, l2=lam * (1 - a) / (2 * s))
    assert kkt_violation(Xc, yc, w_glm, **row) < 1e-8
    textbook = dict(c=1 / n, l1=2 * lam * a, l2=lam * (1 - a) / s)
    assert kkt_violation(Xc, yc, w_glm, **textbook) < 1e-8


@pytest.mark.parametrize("seed", SEEDS)
def test_glmnet_lasso_is_lasso_of_the_same_lambda(seed):
    X, y = problem(seed)
    w_glm, _ = glmnet_fit(X, y, 1.0, 0.3)
    assert np.allclose(w_glm, fit(Lasso(alpha=0.3), X, y).coef_, rtol=0, atol=1e-8)


@pytest.mark.parametrize("a", [0.7, 0.3])
def test_glmnet_documented_formula_read_literally_is_wrong_below_one(a):
    X, y = problem(0)
    y = 4.0 * y  # make s_y clearly different from 1
    w_glm, _ = glmnet_fit(X, y, a, 0.4)
    w_literal = fit(ElasticNet(alpha=0.4, l1_ratio=a), X, y).coef_
    assert np.abs(w_glm - w_literal).max() > 1e-2


@pytest.mark.parametrize("intercept", [False, True], ids=["no intercept", "intercept"])
def test_glmnet_s_y_is_the_centred_1_over_n_standard_deviation(intercept):
    """Even without an intercept, glmnet's s_y is centred; and it uses 1/n, not 1/(n-1)."""
    X, y = problem(4, centred=False)
    if not intercept:
        X = StandardScaler().fit_transform(X)  # y keeps its mean of about 3
    a, lam = 0.5, 0.4
    w_glm, _ = glmnet_fit(X, y, a, lam, intercept=intercept)

    def scaled(s):
        enet = fit(ElasticNet(alpha=lam / s, l1_ratio=a), X, y / s, fit_intercept=intercept)
        return s * enet.coef_

    assert np.allclose(w_glm, scaled(s_y(y)), rtol=0, atol=1e-8)
    assert np.abs(w_glm - scaled(s_y(y, ddof=1))).max() > 1e-6
    assert np.abs(w_glm - scaled(float(np.sqrt(np.mean(y**2))))).max() > 1e-3


@pytest.mark.parametrize("intercept", [False, True], ids=["no intercept", "intercept"])
def test_glmnet_standardize_true_divides_features_by_their_1_over_n_std(intercept):
    X, y = problem(5, centred=False)
    scale = X.std(axis=0)  # 1/n formula
    w_true, _ = glmnet_fit(X, y, 0.6, 0.3, intercept=intercept, standardize=True)
    w_scaled, _ = glmnet_fit(X / scale, y, 0.6, 0.3, intercept=intercept)
    assert np.allclose(w_true, w_scaled / scale, rtol=0, atol=1e-8), "weights come back in original units"
    w_false, _ = glmnet_fit(X, y, 0.6, 0.3, intercept=intercept)
    assert np.abs(w_true - w_false).max() > 1e-3, "on raw features the two settings differ"
    Xs = StandardScaler().fit_transform(X)
    assert np.allclose(
        glmnet_fit(Xs, y, 0.6, 0.3, intercept=intercept, standardize=True)[0],
        glmnet_fit(Xs, y, 0.6, 0.3, intercept=intercept)[0],
        rtol=0,
        atol=1e-8,
    )


# --- the consequences -------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_elasticnet_with_l1_ratio_zero_is_ridge_with_n_times_alpha(seed):
    X, y = problem(seed)
    n, alpha = X.shape[0], 0.3
    w_enet = fit(ElasticNet(alpha=alpha, l1_ratio=0.0), X, y).coef_
    assert np.allclose(w_enet, fit(Ridge(alpha=n * alpha), X, y).coef_, rtol=0, atol=1e-8)
    assert not np.allclose(w_enet, fit(Ridge(alpha=alpha), X, y).coef_, rtol=0, atol=1e-3)


@pytest.mark.parametrize("seed", SEEDS)
def test_alpha_max_is_the_smallest_alpha_with_every_weight_zero(seed):
    X, y = problem(seed, centred=False)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    alpha_max = np.abs(Xc.T @ yc).max() / X.shape[0]
    assert np.all(fit(Lasso(alpha=alpha_max), X, y, fit_intercept=True).coef_ == 0)
    assert np.any(fit(Lasso(alpha=0.99 * alpha_max), X, y, fit_intercept=True).coef_ != 0)


@pytest.mark.parametrize("seed", SEEDS)
def test_orthogonal_design_soft_thresholds_and_scales(seed):
    rng = np.random.default_rng(seed)
    n, p, alpha = 50, 5, 0.4
    Q, _ = np.linalg.qr(rng.standard_normal((n, p)))
    X = np.sqrt(n) * Q  # X^T X = n I
    y = X @ rng.normal(0, 1, p) + rng.standard_normal(n)
    assert np.allclose(X.T @ X, n * np.eye(p))
    w_ols = X.T @ y / n
    soft = np.sign(w_ols) * np.maximum(np.abs(w_ols) - alpha, 0.0)
    assert np.allclose(fit(Lasso(alpha=alpha), X, y).coef_, soft, rtol=0, atol=1e-10)
    assert np.allclose(fit(Ridge(alpha=alpha), X, y).coef_, w_ols * n / (n + alpha), rtol=0, atol=1e-10)


def test_the_same_alpha_weighs_the_penalty_2n_times_more_in_lasso_than_in_ridge():
    """Multiplying Lasso's objective by 2n puts its loss on Ridge's scale: the penalty becomes 2n * alpha."""
    X, y = problem(0)
    n = X.shape[0]
    w = fit(Lasso(alpha=0.2), X, y).coef_
    assert kkt_violation(X, y, w, c=1.0, l1=2 * n * 0.2) < 1e-8


def test_the_appendix_states_what_the_tests_check():
    text = APPENDIX.read_text()
    assert text.count("standardize = FALSE") >= 3, "the glmnet rows need standardize = FALSE"
    assert "s_y * ElasticNet(alpha=L/s_y, l1_ratio=a)" in text
    assert r"\frac{L(1-a)}{2 s_y}" in text
    assert "tests/test_conventions.py" in text
    for call in [
        "Lasso(alpha=lam/2)",
        "Ridge(alpha=n*lam)",
        "Lasso(alpha=lam/n)",
        "Ridge(alpha=lam)",
        "Lasso(alpha=lam/(2*n))",
        "Lasso(alpha=lam)",
        "Lasso(alpha=L)",
        "ElasticNet(alpha=lam1/2 + lam2, l1_ratio=lam1/(lam1 + 2*lam2))",
    ]:
        assert f"`{call}`" in text, call
    assert re.search(r"`ElasticNet\(alpha, l1_ratio=0\)` is `Ridge\(n \* alpha\)`", text)
