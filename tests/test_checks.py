"""Tests of sparsity.checks: every check accepts the right answer and rejects a wrong one."""

import numpy as np
import pytest

from sparsity import checks
from sparsity.checks import CheckResult, compare


def test_compare_right_wrong_and_malformed():
    assert compare(1.0, 1.0, what="x", hint="h").correct
    wrong = compare(2.0, 1.0, what="x", hint="look again")
    assert not wrong.correct and "look again" in wrong.message
    assert "1.0" not in wrong.message, "a wrong answer must not reveal the solution"
    assert not compare([1.0, 2.0], 1.0, what="x", hint="h").correct
    assert not compare("abc", 1.0, what="x", hint="h").correct
    assert not compare(np.nan, 1.0, what="x", hint="h").correct


def test_result_displays_as_one_line():
    assert repr(CheckResult(True, "ok")) == "Correct. ok"
    assert repr(CheckResult(False, "no")) == "Not yet. no"


def test_ols_noise_max_check_both_ways():
    from sklearn.linear_model import LinearRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    from sparsity import data

    X, y, w = data.make_sparse_regression(noise=2.0)
    X_train, _, y_train, _ = data.split_train_test(X, y)
    fit = make_pipeline(StandardScaler(), LinearRegression()).fit(X_train, y_train)
    right = np.max(np.abs(data.raw_coef(fit)[w == 0]))
    assert checks.check_ols_noise_max(right)
    assert not checks.check_ols_noise_max(right * 1.1)


@pytest.mark.parametrize("name", [n for n in checks.__all__ if n.startswith("check_")])
def test_every_check_rejects_an_obviously_wrong_answer(name):
    result = getattr(checks, name)(1e9)
    assert isinstance(result, CheckResult) and not result.correct
