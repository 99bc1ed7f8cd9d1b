"""Tests of sparsity.tables: the one formatter of every printed table."""

import numpy as np
import pytest

from sparsity.tables import coef_table, format_table, format_value


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1.23456, "+1.235"),
        (-1.23456, "-1.235"),
        (0.0, "0"),
        (-0.0, "0"),
        (1e-9, "+0.000"),
        (-1e-9, "-0.000"),
        (np.float64(2.5), "+2.500"),
        (7, "7"),
        (np.int64(7), "7"),
        (True, "yes"),
        ("x1", "x1"),
        (float("nan"), "nan"),
    ],
)
def test_format_value(value, text):
    assert format_value(value, 3) == text


def test_unsigned_and_decimals():
    assert format_value(1.5, 1, signed=False) == "1.5"
    assert format_value(1.25, 0) == "+1"


def test_exact_zero_is_distinguished_from_a_rounded_zero():
    text = coef_table({"m": [0.0, 1e-6]})
    rows = text.splitlines()[2:]
    assert rows[0].split() == ["x1", "0"]
    assert rows[1].split() == ["x2", "+0.000"]


def test_coef_table_layout_is_fixed():
    text = coef_table({"ols": [3.4567, -0.01]}, true=[3.5, 0.0], names=["a", "b"], title="T")
    assert text == (
        "T\n"
        "feature     ols    true\n"
        "-------  ------  ------\n"
        "a        +3.457  +3.500\n"
        "b        -0.010       0"
    )


def test_columns_are_right_aligned():
    lines = format_table({"value": [1.0, -123.456]}, index=["a", "bb"]).splitlines()
    assert len({len(line) for line in lines}) == 1


def test_per_column_decimals():
    text = format_table({"a": [1.0], "b": [1.0]}, decimals={"a": 1})
    assert text.splitlines()[-1].split() == ["+1.0", "+1.000"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: coef_table({}), "learned must be a non-empty mapping"),
        (lambda: coef_table({"a": [1.0], "b": [1.0, 2.0]}), "learned\\['b'\\] has 2 coefficients"),
        (lambda: coef_table({"a": [1.0]}, true=[1.0, 2.0]), "true must have one weight per coefficient"),
        (lambda: coef_table({"a": [1.0]}, names=["x", "y"]), "names must have one entry"),
        (lambda: coef_table({"a": [np.nan]}), "contains NaN"),
        (lambda: coef_table({"a": [[1.0]]}), "must be 1-dimensional"),
        (lambda: format_table({"a": [1], "b": [1, 2]}), "same number of cells"),
        (lambda: format_table({"a": [1]}, index=["x", "y"]), "index must have one label per row"),
        (lambda: format_table({"a": [1]}, decimals=-1), "decimals must be at least 0"),
        (lambda: format_table({"a": [1]}, decimals={"b": 2}), "decimals names columns that do not exist"),
        (lambda: format_table({"a": [object()]}), "table cells must be numbers or strings"),
    ],
)
def test_bad_input_is_rejected_with_a_clear_message(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()
