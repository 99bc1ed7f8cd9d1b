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


def test_glue_keeps_ten_significant_digits_so_stored_notebooks_do_not_depend_on_round_off():
    book.glue("x", 0.08221522652135459)
    assert book.GLUED["x"] == 0.08221522652
    book.glue("x", 0.08221522652135518)  # the same number on another machine's BLAS
    assert book.GLUED["x"] == 0.08221522652
    book.glue("tiny", 3.501376966141834e-11, digits=2)
    assert book.GLUED["tiny"] == 3.5e-11


@pytest.mark.parametrize("digits", [0, 18, 2.5, True, "3"])
def test_glue_rejects_a_bad_number_of_digits(digits):
    with pytest.raises(ValueError, match="digits"):
        book.glue("x", 1.0, digits=digits)


def test_glue_writes_exactly_what_myst_nb_glue_writes():
    """sparsity.book.glue re-implements myst_nb.glue(display=False) without its import cost."""
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output
    from myst_nb import glue as myst_glue
    from myst_nb.ext.glue import GLUE_PREFIX

    from sparsity import book

    assert book.GLUE_PREFIX == GLUE_PREFIX
    InteractiveShell.instance()
    for value in (3, 0.25, "a phrase", True):
        with capture_output() as ours:
            book.glue("x", value)
        with capture_output() as theirs:
            myst_glue("x", value, display=False)
        assert len(ours.outputs) == len(theirs.outputs) == 1
        assert ours.outputs[0].data == theirs.outputs[0].data
        assert ours.outputs[0].metadata == theirs.outputs[0].metadata
