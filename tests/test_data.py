"""Tests of sparsity.data: the canonical scenario, the split and units."""

import numpy as np
import pytest
from sklearn.linear_model import LinearRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from sparsity import data


def test_canonical_scenario_matches_the_curriculum():
    ds = data.load_canonical()
    assert ds.X.shape == (200, 10)
    np.testing.assert_array_equal(ds.w_true, [3.5, -2.1, 1.8, 0, 0, 0, 0, 0, 0, 0])
    assert ds.X_train.shape == (160, 10) and ds.X_test.shape == (40, 10)
    assert ds.feature_names[0] == "x1" and ds.feature_names[-1] == "x10"
    residual = ds.y - ds.X @ ds.w_true
    assert 0.4 < residual.std() < 0.6


def test_canonical_data_is_identical_on_every_call():
    a, b = data.load_canonical(), data.load_canonical()
    np.testing.assert_array_equal(a.X_train, b.X_train)
    np.testing.assert_array_equal(a.y_test, b.y_test)


def test_different_seeds_give_different_data():
    X1, _, _ = data.make_sparse_regression(random_state=1)
    X2, _, _ = data.make_sparse_regression(random_state=2)
    assert not np.allclose(X1, X2)


def test_true_weights_repeat_the_pattern():
    np.testing.assert_array_equal(data.true_weights(6, 5), [3.5, -2.1, 1.8, 3.5, -2.1, 0])
    assert np.count_nonzero(data.true_weights(1000, 0)) == 0


def test_rho_gives_ar1_correlation():
    X, _, _ = data.make_sparse_regression(20000, 3, rho=0.8, random_state=0)
    corr = np.corrcoef(X, rowvar=False)
    assert corr[0, 1] == pytest.approx(0.8, abs=0.02)
    assert corr[0, 2] == pytest.approx(0.64, abs=0.02)
    assert X.std(axis=0) == pytest.approx(np.ones(3), abs=0.03)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n_informative": 11}, "n_informative must be at most n_features"),
        ({"n_samples": 1}, "n_samples must be at least 2"),
        ({"n_features": 0}, "n_features must be at least 1"),
        ({"n_features": 2.5}, "n_features must be an integer"),
        ({"noise": -1.0}, "noise must be at least 0"),
        ({"rho": 1.0}, "rho must lie strictly between -1 and 1"),
        ({"weights": [1.0, 2.0]}, "weights must have length n_features"),
        ({"weights": [np.nan] * 10}, "weights contains NaN"),
    ],
)
def test_make_sparse_regression_rejects_bad_input(kwargs, message):
    with pytest.raises((ValueError, TypeError), match=message):
        data.make_sparse_regression(**kwargs)


def test_split_rejects_mismatched_rows_and_nan():
    X = np.zeros((10, 2))
    with pytest.raises(ValueError, match="same number of rows"):
        data.split_train_test(X, np.zeros(9))
    with pytest.raises(ValueError, match="y contains NaN"):
        data.split_train_test(X, np.full(10, np.nan))
    with pytest.raises(ValueError, match="test_size"):
        data.split_train_test(X, np.zeros(10), test_size=1.5)
    with pytest.raises(ValueError, match="X must be 2-dimensional"):
        data.split_train_test(np.zeros(10), np.zeros(10))


def test_to_raw_units_divides_by_the_scale():
    np.testing.assert_allclose(data.to_raw_units([2.0, -3.0], [2.0, 0.5]), [1.0, -6.0])
    np.testing.assert_allclose(data.to_raw_units([[2.0, 4.0]], [2.0, 2.0]), [[1.0, 2.0]])


@pytest.mark.parametrize(
    ("coef", "scale", "message"),
    [
        ([1.0, 2.0], [1.0], "scale must have one entry per coefficient"),
        ([1.0, 2.0], [1.0, 0.0], "scale must be positive"),
        ([1.0, np.inf], [1.0, 1.0], "coef contains NaN or infinite"),
        (np.zeros((1, 1, 2)), [1.0, 1.0], "coef must be 1- or 2-dimensional"),
        ("abc", [1.0], "coef must be an array of numbers"),
    ],
)
def test_to_raw_units_rejects_bad_input(coef, scale, message):
    with pytest.raises((ValueError, TypeError), match=message):
        data.to_raw_units(coef, scale)


def test_raw_coef_of_a_pipeline_equals_a_fit_on_raw_features():
    """Standardising does not change the OLS fit, so raw-unit coefficients must agree."""
    ds = data.load_canonical()
    X = ds.X_train * np.arange(1, 11)  # columns on very different scales
    pipe = make_pipeline(StandardScaler(), LinearRegression()).fit(X, ds.y_train)
    direct = LinearRegression().fit(X, ds.y_train).coef_
    np.testing.assert_allclose(data.raw_coef(pipe), direct, rtol=1e-10)


def test_raw_coef_rejects_things_that_are_not_pipelines():
    with pytest.raises(TypeError, match="pipeline must be a fitted sklearn Pipeline"):
        data.raw_coef(LinearRegression())
    with pytest.raises(ValueError, match="first step must be a fitted StandardScaler"):
        data.raw_coef(make_pipeline(StandardScaler(), LinearRegression()))
