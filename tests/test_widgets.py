"""Tests of sparsity.widgets: the drawing routine, construction and callbacks (not pixels)."""


import matplotlib.pyplot as plt
import nbformat
import numpy as np
import pytest
from nbclient import NotebookClient

from sparsity.geometry import constrained_optimum
from sparsity.widgets import contact_explorer, draw_contact, enet_explorer

C = np.array([1.8, 1.2])
Q = np.diag([1 / 0.81, 4.0])


def test_draw_contact_returns_the_solvers_point():
    fig, ax = plt.subplots()
    for norm in ("l1", "l2", "enet"):
        ax.cla()
        w = draw_contact(ax, C, Q, 1.5, norm, 0.3, legend=True)
        np.testing.assert_array_equal(w, constrained_optimum(C, Q, 1.5, norm, 0.3))
    # the contact point is a plotted marker
    xs = [line.get_xdata() for line in ax.lines if line.get_marker() == "o"]
    assert any(np.allclose(x, [w[0]]) for x in xs)
    plt.close(fig)


def test_draw_contact_rejects_a_3d_problem():
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match="c must have shape"):
        draw_contact(ax, [1.0, 2.0, 3.0], np.eye(3), 1.0)
    plt.close(fig)


def test_contact_explorer_callbacks_re_solve():
    ex = contact_explorer(C, Q, 1.5)
    assert set(ex.sliders) == {"t", "c1", "c2"}
    np.testing.assert_array_equal(ex.solutions["l1"], constrained_optimum(C, Q, 1.5))
    ex.sliders["t"].value = 0.5
    assert ex.solutions["l1"][0] == 0.0, "a small budget puts the L1 solution on a corner"
    assert "1 exact zero" in ex.readout.value
    ex.sliders["c1"].value = -1.0
    np.testing.assert_array_equal(ex.solutions["l2"], constrained_optimum([-1.0, 1.2], Q, 0.5, "l2"))


def test_enet_explorer_has_an_l1_ratio_slider():
    ex = enet_explorer(C, Q, 1.5, l1_ratio=0.5)
    assert "l1_ratio" in ex.sliders
    ex.sliders["l1_ratio"].value = 1.0
    np.testing.assert_allclose(ex.solutions["enet"], constrained_optimum(C, Q, 1.5), atol=1e-14)
    ex.sliders["l1_ratio"].value = 0.0
    # scikit-learn's l1_ratio = 0: ||w||_2^2 / 2 <= 1.5, the disc of radius sqrt(3)
    assert np.linalg.norm(ex.solutions["enet"]) == pytest.approx(np.sqrt(3.0))
    ex.sliders["l1_ratio"].value = 0.3
    w = ex.solutions["enet"]
    assert 0.3 * np.abs(w).sum() + 0.35 * w @ w == pytest.approx(1.5), "scikit-learn's penalty, at the budget"


def test_draw_contact_draws_scikit_learns_elastic_net_ball():
    fig, ax = plt.subplots()
    draw_contact(ax, C, Q, 1.5, "enet", 0.3)
    ball = next(line for line in ax.lines if line.get_label() == "elastic-net ball")
    w1, w2 = ball.get_xdata(), ball.get_ydata()
    penalty = 0.3 * (np.abs(w1) + np.abs(w2)) + 0.5 * 0.7 * (w1**2 + w2**2)
    np.testing.assert_allclose(penalty, 1.5, rtol=1e-12)
    plt.close(fig)


def test_explorer_input_errors():
    from sparsity.widgets import ContactExplorer

    with pytest.raises(ValueError, match="norms"):
        ContactExplorer(C, Q, 1.0, norms=("l7",))
    with pytest.raises(TypeError, match="norms must be a sequence"):
        ContactExplorer(C, Q, 1.0, norms="l1")
    with pytest.raises(ValueError, match="positive definite"):
        contact_explorer(C, -np.eye(2), 1.0)
    with pytest.raises(ValueError, match=r"c must lie in the drawn square"):
        contact_explorer((3.0, 0.0), Q, 1.0)
    with pytest.raises(ValueError, match="lim must be greater than 0"):
        contact_explorer(C, Q, 1.0, lim=0.0)
    with pytest.raises(ValueError, match="l1_ratio"):
        enet_explorer(C, Q, 1.0, l1_ratio=1.2)
    with pytest.raises(ValueError, match="t must be greater than 0"):
        contact_explorer(C, Q, -1.0)


def test_explorer_never_clamps_its_starting_values():
    ex = contact_explorer(C, Q, 4.0)  # above the slider's usual maximum of 3
    assert ex.t == 4.0
    np.testing.assert_array_equal(ex.c, C)


def test_enet_ball_drawn_with_scikit_learns_l1_ratio():
    # l1_ratio = 0 is the disc of radius sqrt(2 t); l1_ratio = 1 the diamond of size t
    fig, ax = plt.subplots()
    disc = draw_contact(ax, C, Q, 1.5, "enet", 0.0)
    diamond = draw_contact(ax, C, Q, 1.5, "enet", 1.0)
    plt.close(fig)
    assert np.linalg.norm(disc) == pytest.approx(np.sqrt(3.0))
    assert np.abs(diamond).sum() == pytest.approx(1.5)


LIVE_CELL = """
import numpy as np
from sparsity.widgets import contact_explorer
import ipywidgets
ex = contact_explorer((1.8, 1.2), np.diag([1 / 0.81, 4.0]), 1.5)
assert isinstance(ex.widget, ipywidgets.VBox)
before = ex.solutions["l1"].copy()
ex.sliders["t"].value = 0.4
after = ex.solutions["l1"]
assert not np.array_equal(before, after) and after[0] == 0.0
print("updated", after.tolist())
ex
"""


AFTER_DISPLAY = """
ex.sliders["c2"].value = 0.0
assert ex._shown, "displayed"
assert ex.solutions["l1"][1] == 0.0 and abs(ex.solutions["l1"][0] - 0.4) < 1e-12, ex.solutions
print("moved after display")
"""


def test_explorer_works_in_a_real_kernel():
    cells = [nbformat.v4.new_code_cell(LIVE_CELL), nbformat.v4.new_code_cell(AFTER_DISPLAY)]
    nb = nbformat.v4.new_notebook(cells=cells)
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=False).execute()
    outputs = nb.cells[0].outputs
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "updated [0.0, 0.4]" in text
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs), \
        "the kernel displays a live widget"
    assert "moved after display" in "".join(o.get("text", "") for o in nb.cells[1].outputs)
