"""Tests of sparsity.book and sparsity.plotting: chapter plumbing."""

import numpy as np
import pytest

from sparsity import book, plotting


def test_glue_converts_numpy_scalars_to_plain_numbers():
    book.glue("a_float", np.float64(0.5))
    book.glue("an_int", np.int64(3))
    book.glue("a_flag", np.bool_(True))
    assert type(book.GLUED["a_float"]) is float
    assert type(book.GLUED["an_int"]) is int
    assert type(book.GLUED["a_flag"]) is bool


def test_glue_rejects_names_the_prose_cannot_refer_to():
    with pytest.raises(ValueError, match="name must be a Python identifier"):
        book.glue("two words", 1)


def test_every_method_has_a_distinct_colour_and_a_label():
    assert len(set(plotting.COLORS.values())) == len(plotting.COLORS)
    assert set(plotting.COLORS) == set(plotting.LABELS)
