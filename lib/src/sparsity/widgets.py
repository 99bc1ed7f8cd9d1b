"""Figures of the contact point drawn with matplotlib, and ipywidgets explorers.

* :func:`draw_contact` is the one drawing routine behind the chapters' static
  figures of a ball, its loss ellipses and the computed contact point (and the
  small multiples that are the printed counterparts of the live figures);
* in a live kernel (Jupyter, Binder, Colab), :func:`contact_explorer` and
  :func:`enet_explorer` build ipywidgets sliders for the budget ``t``, the centre
  ``c`` and (elastic net) ``l1_ratio``; every move re-solves the constrained
  problem with :func:`sparsity.geometry.constrained_optimum` and redraws.

The website's live figures, which need no kernel, are in
:mod:`sparsity.explorers`. Every point drawn is the solver's.

``l1_ratio`` is scikit-learn's everywhere: the elastic-net ball is
``l1_ratio ||w||_1 + (1 - l1_ratio) / 2 ||w||_2^2 <= t``, the penalty of
``ElasticNet(alpha, l1_ratio)`` without ``alpha`` (see :mod:`sparsity.geometry`);
at ``l1_ratio=0`` it is the disc of radius ``sqrt(2 t)``.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np

from ._validation import as_float_array, check_int, check_option, check_real
from .geometry import NORMS, ball_boundary, constrained_optimum, contact_kind, level_set, quadratic_loss
from .plotting import COLORS, MUTED

__all__ = [
    "ContactExplorer",
    "contact_explorer",
    "draw_contact",
    "enet_explorer",
]

#: Colour of each ball, the colour of the method whose constraint it is.
BALL_COLORS = {"l1": COLORS["lasso"], "l2": COLORS["ridge"], "enet": COLORS["enet"]}
BALL_NAMES = {"l1": "L1 ball", "l2": "L2 ball", "enet": "elastic-net ball"}
CONTOUR_COLOR = MUTED


def draw_contact(ax, c, Q, t: float, norm: str = "l1", l1_ratio: float = 0.5, *, lim: float = 2.6,
                 n_contours: int = 3, legend: bool = False) -> np.ndarray:
    """Draw a 2-D ball, the loss ellipses and the computed contact point on ``ax``.

    The ellipse through the contact point (the level set that touches the ball)
    is drawn solid; a few others, inside and outside it, dashed. The contact
    point is :func:`sparsity.geometry.constrained_optimum` of the same problem.

    Parameters
    ----------
    ax : matplotlib Axes
    c, Q, t, norm, l1_ratio
        The problem, as in :func:`sparsity.geometry.constrained_optimum` (2-D);
        ``l1_ratio`` is scikit-learn's.
    lim : float, default 2.6
        The axes show ``[-lim, lim]`` in both directions.
    n_contours : int, default 3
        Number of dashed ellipses besides the touching one.
    legend : bool, default False
        Whether to add a legend.

    Returns
    -------
    ndarray of shape (2,)
        The contact point drawn.
    """
    c = as_float_array(c, "c", ndim=1)
    if c.shape != (2,):
        raise ValueError(f"draw_contact draws 2-D problems: c must have shape (2,), got {c.shape}")
    check_option(norm, "norm", NORMS)
    lim = check_real(lim, "lim", minimum=0.0, strict=True)
    n_contours = check_int(n_contours, "n_contours", minimum=0)
    w = constrained_optimum(c, Q, t, norm, l1_ratio)
    Q = np.asarray(Q, dtype=float)
    color = BALL_COLORS[norm]
    boundary = ball_boundary(t, norm, l1_ratio)
    ax.fill(boundary[:, 0], boundary[:, 1], color=color, alpha=0.18, linewidth=0)
    ax.plot(boundary[:, 0], boundary[:, 1], color=color, linewidth=1.6, label=BALL_NAMES[norm])
    touching = quadratic_loss(w, c, Q)
    if touching > 0:
        factors = np.geomspace(0.12, 2.6, n_contours) if n_contours else []
        for k, f in enumerate(factors):
            e = level_set(c, Q, touching * f)
            ax.plot(e[:, 0], e[:, 1], "--", color=CONTOUR_COLOR, linewidth=0.8,
                    label="other level sets" if k == 0 else None)
        e = level_set(c, Q, touching)
        ax.plot(e[:, 0], e[:, 1], color="black", linewidth=1.2, label="level set that touches")
    else:
        for k, level in enumerate(np.geomspace(0.05, 1.0, max(n_contours, 1))):
            e = level_set(c, Q, level)
            ax.plot(e[:, 0], e[:, 1], "--", color=CONTOUR_COLOR, linewidth=0.8,
                    label="level sets" if k == 0 else None)
    ax.axhline(0, color="black", linewidth=0.6)
    ax.axvline(0, color="black", linewidth=0.6)
    ax.plot(*c, marker="*", markersize=11, color="black", linestyle="none", label="centre $c$")
    ax.plot(*w, marker="o", markersize=7, color=color, markeredgecolor="black", linestyle="none",
            label="contact point $w^*$", zorder=5)
    ax.set_xlim(-lim, lim)
    ax.set_ylim(-lim, lim)
    ax.set_aspect("equal")
    ax.set_xlabel("$w_1$")
    ax.set_ylabel("$w_2$")
    if legend:
        ax.legend(loc="lower left", fontsize=7)
    return w


def _describe(w: np.ndarray, c: np.ndarray, t: float, norm: str, l1_ratio: float) -> str:
    kind = contact_kind(w, c, t, norm, l1_ratio)
    zeros = int(np.sum(w == 0.0))
    return f"w = ({w[0]:+.3f}, {w[1]:+.3f}), {zeros} exact zero{'s' if zeros != 1 else ''} ({kind})"


# --------------------------------------------------------------------------- live widgets


class ContactExplorer:
    """Sliders for a 2-D contact-point figure, re-solved and redrawn on every move.

    Build it with :func:`contact_explorer` or :func:`enet_explorer`; display it
    as the last expression of a cell. After each change, :attr:`solutions`
    holds the contact point of every ball and :attr:`readout` shows them.

    The budget slider runs from 0.05 to 3 (widened to include ``t``); the
    centre sliders from ``-lim`` to ``lim``, so ``c`` must lie in that square.

    Attributes
    ----------
    sliders : dict of str to ipywidgets.FloatSlider
        ``"t"``, ``"c1"``, ``"c2"``, and ``"l1_ratio"`` when an elastic-net ball is shown.
    solutions : dict of str to ndarray
        The current contact point of each ball, keyed by norm.
    readout : ipywidgets.HTML
        The coefficient values and their exact zeros.
    widget : ipywidgets.VBox
        Everything, ready to display.
    """

    def __init__(self, c, Q, t: float, norms: Sequence[str] = ("l1", "l2"), l1_ratio: float = 0.5,
                 *, lim: float = 2.6) -> None:
        import ipywidgets as widgets

        c = as_float_array(c, "c", ndim=1)
        if c.shape != (2,):
            raise ValueError(f"the explorers are 2-D: c must have shape (2,), got {c.shape}")
        if isinstance(norms, str):
            raise TypeError(f"norms must be a sequence of ball names such as ('l1', 'l2'), got the string {norms!r}")
        self.norms = tuple(check_option(n, "norms", NORMS) for n in norms)
        if not self.norms:
            raise ValueError("norms must name at least one ball")
        lim = check_real(lim, "lim", minimum=0.0, strict=True)
        if np.max(np.abs(c)) > lim:
            raise ValueError(f"c must lie in the drawn square [-lim, lim] = [{-lim:g}, {lim:g}], got {c.tolist()}")
        constrained_optimum(c, Q, t, "enet", l1_ratio)  # validates Q, t and l1_ratio
        t = float(t)
        self.Q = np.asarray(Q, dtype=float)
        self.lim = lim
        style = {"description_width": "70px"}
        layout = widgets.Layout(width="300px")

        def slider(description, value, lo, hi, step):
            return widgets.FloatSlider(value=value, min=lo, max=hi, step=step, description=description,
                                       continuous_update=False, readout_format=".2f", style=style, layout=layout)

        self.sliders = {
            "t": slider("budget t", t, min(0.05, t), max(3.0, t), 0.05),  # never clamps t
            "c1": slider("centre c1", c[0], -lim, lim, 0.05),
            "c2": slider("centre c2", c[1], -lim, lim, 0.05),
        }
        if "enet" in self.norms:
            self.sliders["l1_ratio"] = slider("l1_ratio", l1_ratio, 0.0, 1.0, 0.05)
        self._l1_ratio = float(l1_ratio)
        self.readout = widgets.HTML()
        self.output = widgets.Output()
        width = 3.2 * len(self.norms)
        self.fig, axes = plt.subplots(1, len(self.norms), figsize=(width, 3.2), squeeze=False)
        self.axes = list(axes[0])
        plt.close(self.fig)  # shown through the Output widget, not by the backend
        for s in self.sliders.values():
            s.observe(self._on_change, names="value")
        self.widget = widgets.VBox([widgets.HBox([widgets.VBox(list(self.sliders.values()))]),
                                    self.output, self.readout])
        self.solutions: dict[str, np.ndarray] = {}
        self._shown = False  # the figure is rendered only once the explorer is on screen
        self.update()

    @property
    def c(self) -> np.ndarray:
        return np.array([self.sliders["c1"].value, self.sliders["c2"].value])

    @property
    def t(self) -> float:
        return float(self.sliders["t"].value)

    @property
    def l1_ratio(self) -> float:
        return float(self.sliders["l1_ratio"].value) if "l1_ratio" in self.sliders else self._l1_ratio

    def _on_change(self, change) -> None:
        self.update()

    def update(self) -> None:
        """Re-solve every problem for the current slider values and redraw."""
        c, t, a = self.c, self.t, self.l1_ratio
        rows = []
        for ax, norm in zip(self.axes, self.norms, strict=True):
            ax.cla()
            self.solutions[norm] = draw_contact(ax, c, self.Q, t, norm, a, lim=self.lim, legend=ax is self.axes[0])
            rows.append(f"<b>{BALL_NAMES[norm]}</b>: {_describe(self.solutions[norm], c, t, norm, a)}")
        self.readout.value = "<br>".join(rows)
        if self._shown:
            self._render()

    def _render(self) -> None:
        from IPython import get_ipython
        from IPython.display import clear_output, display

        if get_ipython() is not None:
            with self.output:
                clear_output(wait=True)
                display(self.fig)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        self._shown = True
        self._render()
        display(self.widget)


def contact_explorer(c=(1.8, 1.2), Q=((1 / 0.81, 0.0), (0.0, 4.0)), t: float = 1.5, *,
                     lim: float = 2.6) -> ContactExplorer:
    """Sliders for the budget and the centre, with the L1 and L2 contact points side by side."""
    return ContactExplorer(c, Q, t, ("l1", "l2"), lim=lim)


def enet_explorer(c=(1.8, 1.2), Q=((1 / 0.81, 0.0), (0.0, 4.0)), t: float = 1.5, l1_ratio: float = 0.5, *,
                  lim: float = 2.6) -> ContactExplorer:
    """Sliders for ``l1_ratio``, the budget and the centre, with the elastic-net contact point."""
    return ContactExplorer(c, Q, t, ("enet",), l1_ratio, lim=lim)
