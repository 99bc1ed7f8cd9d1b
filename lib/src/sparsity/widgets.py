"""Figures of the contact point that a reader can move: live widgets and static animations.

Two kinds of interactivity, for two ways of reading the book:

* in a live kernel (Jupyter, Binder, Colab), :func:`contact_explorer` and
  :func:`enet_explorer` build ipywidgets sliders for the budget ``t``, the centre
  ``c`` and (elastic net) ``l1_ratio``; every move re-solves the constrained
  problem with :func:`sparsity.geometry.constrained_optimum` and redraws;
* on the static website, where there is no kernel, :func:`budget_animation` and
  :func:`l1_ratio_animation` pre-render the same figure for a sweep of values
  into a self-contained HTML player (matplotlib's ``to_jshtml``: frames, slider
  and buttons are embedded, so it works with no kernel and no network).

Every point drawn is the solver's; :func:`draw_contact` is the one drawing
routine behind the chapter's figures, the widgets and the animations.

``l1_ratio`` is scikit-learn's everywhere: the elastic-net ball is
``l1_ratio ||w||_1 + (1 - l1_ratio) / 2 ||w||_2^2 <= t``, the penalty of
``ElasticNet(alpha, l1_ratio)`` without ``alpha`` (see :mod:`sparsity.geometry`);
at ``l1_ratio=0`` it is the disc of radius ``sqrt(2 t)``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path
from tempfile import TemporaryDirectory

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.animation import HTMLWriter

from ._validation import as_float_array, check_int, check_option, check_real
from .geometry import NORMS, ball_boundary, constrained_optimum, contact_kind, level_set, quadratic_loss
from .plotting import COLORS, MUTED

__all__ = [
    "AnimationHTML",
    "ContactExplorer",
    "budget_animation",
    "contact_explorer",
    "draw_contact",
    "enet_explorer",
    "l1_ratio_animation",
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


# --------------------------------------------------------------------------- static animations


class AnimationHTML:
    """A pre-rendered animation: self-contained HTML plus the contact points of its frames.

    Displays as the HTML player in a notebook and on the website.

    Attributes
    ----------
    html : str
    values : ndarray
        The swept value of each frame.
    solutions : list of dict of str to ndarray
        The contact point of each ball, frame by frame.
    """

    def __init__(self, html: str, values: np.ndarray, solutions: list[dict[str, np.ndarray]]) -> None:
        self.html = html
        self.values = values
        self.solutions = solutions

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        """A text fallback (PDF, terminals): the contact point of every frame, as a table."""
        from .tables import format_table

        columns: dict[str, list] = {"value": [float(v) for v in self.values]}
        for norm in self.solutions[0] if self.solutions else []:
            for j in range(len(self.solutions[0][norm])):
                columns[f"{norm} w{j + 1}"] = [float(frame[norm][j]) for frame in self.solutions]
        return format_table(columns, title=f"Animation with {len(self.values)} frames; contact point per frame:")


class _ContactArtists:
    """The artists of one :func:`draw_contact` panel, updated in place from frame to frame (fast)."""

    def __init__(self, ax, norm: str, lim: float, n_contours: int = 2) -> None:
        color = BALL_COLORS[norm]
        self.ax, self.norm = ax, norm
        (self.fill,) = ax.fill([0, 0], [0, 0], color=color, alpha=0.18, linewidth=0)
        (self.ball,) = ax.plot([], [], color=color, linewidth=1.6)
        self.contours = [ax.plot([], [], "--", color=CONTOUR_COLOR, linewidth=0.8)[0] for _ in range(n_contours)]
        (self.touching,) = ax.plot([], [], color="black", linewidth=1.2)
        ax.axhline(0, color="black", linewidth=0.6)
        ax.axvline(0, color="black", linewidth=0.6)
        (self.centre,) = ax.plot([], [], marker="*", markersize=11, color="black", linestyle="none")
        (self.point,) = ax.plot([], [], marker="o", markersize=7, color=color, markeredgecolor="black",
                                linestyle="none", zorder=5)
        ax.set_xlim(-lim, lim)
        ax.set_ylim(-lim, lim)
        ticks = np.arange(-np.floor(lim), np.floor(lim) + 1)
        ax.set_xticks(ticks)
        ax.set_yticks(ticks)
        ax.set_aspect("equal")
        ax.set_xlabel("$w_1$")
        ax.set_ylabel("$w_2$")

    def update(self, c, Q, t: float, a: float, w: np.ndarray) -> None:
        boundary = ball_boundary(t, self.norm, a, n_points=161)
        self.fill.set_xy(boundary)
        self.ball.set_data(boundary[:, 0], boundary[:, 1])
        touching = quadratic_loss(w, c, Q)
        levels = touching * np.geomspace(0.12, 2.6, len(self.contours)) if touching > 0 else \
            np.geomspace(0.05, 1.0, len(self.contours))
        for line, level in zip(self.contours, levels, strict=True):
            e = level_set(c, Q, level, n_points=121)
            line.set_data(e[:, 0], e[:, 1])
        e = level_set(c, Q, touching, n_points=121) if touching > 0 else np.empty((0, 2))
        self.touching.set_data(e[:, 0], e[:, 1])
        self.centre.set_data([c[0]], [c[1]])
        self.point.set_data([w[0]], [w[1]])


#: Text glyphs for the player's buttons, which matplotlib draws with Font Awesome icons from a CDN.
_GLYPHS = {
    "fa-minus": "\u2212", "fa-plus": "+", "fa-fast-backward": "|\u25c0\u25c0", "fa-step-backward": "|\u25c0",
    "fa-play fa-flip-horizontal": "\u25c0", "fa-pause": "\u275a\u275a", "fa-play": "\u25b6",
    "fa-step-forward": "\u25b6|", "fa-fast-forward": "\u25b6\u25b6|",
}


def _offline(html: str) -> str:
    """Make matplotlib's HTML player self-contained: drop the icon stylesheet link, draw the icons as text."""
    html = re.sub(r'<link rel="stylesheet"\s+href="https?://[^"]*font-awesome[^"]*">', "", html)

    def glyph(match: re.Match) -> str:
        return f'<span aria-hidden="true">{_GLYPHS.get(match.group(1), "?")}</span>'

    html = re.sub(r'<i class="fa ([a-z -]+)"></i>', glyph, html)
    if re.search(r"https?://", html):  # pragma: no cover - a future matplotlib might add another resource
        raise RuntimeError("the animation's HTML refers to a network resource")
    return html


def _stable_ids(html: str) -> str:
    """Replace the player's random element id (a uuid4) with one derived from its content.

    The same animation then gives the same HTML on every run, so stored
    notebooks regenerate byte for byte; different animations on one page still
    get different ids.
    """
    ids = set(re.findall(r"_anim_img([0-9a-f]{32})", html))
    if len(ids) != 1:
        return html
    (old,) = ids
    new = hashlib.sha1(html.replace(old, "").encode()).hexdigest()[:32]
    return html.replace(old, new)


def _with_alt(html: str, norms, values) -> str:
    """Give the player's frame image an alt text (screen readers; the site tests require one)."""
    balls = " and ".join({"l1": "L1", "l2": "L2", "enet": "elastic-net"}[n] for n in norms)
    values = np.asarray(values, dtype=float)
    alt = (f"Animation of the {balls} ball with loss contours and the computed contact point, "
           f"one frame per value from {values[0]:g} to {values[-1]:g}; use the slider to move through the frames.")
    return re.sub(r'<img id="(_anim_img[^"]*)"', lambda m: f'<img id="{m.group(1)}" alt="{alt}"', html, count=1)


def _animate(c, Q, norms, frames: list[tuple[float, float]], values: np.ndarray, *, lim: float, interval: int,
             figsize: tuple[float, float], dpi: int, label) -> AnimationHTML:
    c = as_float_array(c, "c", ndim=1)
    if c.shape != (2,):
        raise ValueError(f"the animations are 2-D: c must have shape (2,), got {c.shape}")
    Q = as_float_array(Q, "Q", ndim=2)
    lim = check_real(lim, "lim", minimum=0.0, strict=True)
    interval = check_int(interval, "interval", minimum=1)
    dpi = check_int(dpi, "dpi", minimum=1)
    size = as_float_array(figsize, "figsize", ndim=1)
    if size.shape != (2,) or np.any(size <= 0):
        raise ValueError(f"figsize must be two positive numbers (width, height) in inches, got {figsize!r}")
    figsize = (float(size[0]), float(size[1]))
    # solve every frame first: the record the caller can check is exactly what is drawn
    solutions = [{norm: constrained_optimum(c, Q, t, norm, a) for norm in norms} for t, a in frames]
    fig, axes = plt.subplots(1, len(norms), figsize=figsize, dpi=dpi, squeeze=False, layout="constrained")
    panels = [_ContactArtists(ax, norm, lim) for ax, norm in zip(axes[0], norms, strict=True)]

    def draw(k: int):
        t, a = frames[k]
        for panel in panels:
            w = solutions[k][panel.norm]
            panel.update(c, Q, t, a, w)
            panel.ax.set_title(f"{label(t, a)}\n$w^*$ = ({w[0]:+.2f}, {w[1]:+.2f})", fontsize=8)
        return []

    draw(0)
    fig.get_layout_engine().set(w_pad=0.02, h_pad=0.02)
    fig.canvas.draw()
    fig.set_layout_engine("none")  # freeze the layout computed for the first frame: faster, and no jitter
    # What FuncAnimation.to_jshtml does, minus its extra canvas draw per frame: one savefig per frame.
    writer = HTMLWriter(fps=1000.0 / interval, embed_frames=True, default_mode="once")
    with TemporaryDirectory() as tmp:
        path = Path(tmp, "animation.html")
        with writer.saving(fig, str(path), dpi):
            for k in range(len(frames)):
                draw(k)
                writer.grab_frame()
        html = _offline(path.read_text())
    html = _with_alt(html, norms, values)
    html = _stable_ids(html)
    plt.close(fig)
    return AnimationHTML(html, np.asarray(values, dtype=float), solutions)


def _t_label(t: float, a: float) -> str:
    return f"t = {t:.2f}"


def budget_animation(c=(1.8, 1.2), Q=((1 / 0.81, 0.0), (0.0, 4.0)), budgets=None, *,
                     norms: Sequence[str] = ("l1", "l2"), lim: float = 2.4, interval: int = 400,
                     figsize: tuple[float, float] = (5.2, 3.0), dpi: int = 72) -> AnimationHTML:
    """The L1 and L2 contact points as the budget ``t`` sweeps, as a self-contained HTML player.

    Parameters
    ----------
    c, Q
        The 2-D problem (default: the ellipses of the book's chapter on geometry).
    budgets : array_like, optional
        The budget of each frame (default: 12 values from 0.3 to 2.5).
    norms : sequence of {"l1", "l2", "enet"}, default ("l1", "l2")
    lim, interval, figsize, dpi
        Axes limits, milliseconds per frame, figure size and resolution (kept
        small so that the page stays light).

    Returns
    -------
    AnimationHTML
    """
    budgets = np.linspace(0.3, 2.5, 12) if budgets is None else as_float_array(budgets, "budgets", ndim=1)
    norms = tuple(check_option(n, "norms", NORMS) for n in norms)
    frames = [(check_real(float(t), "budgets", minimum=0.0, strict=True), 0.5) for t in budgets]
    return _animate(c, Q, norms, frames, budgets, lim=lim, interval=interval, figsize=figsize, dpi=dpi, label=_t_label)


def l1_ratio_animation(c=(1.8, 1.2), Q=((1 / 0.81, 0.0), (0.0, 4.0)), t: float = 1.5, ratios=None, *,
                       lim: float = 2.4, interval: int = 400, figsize: tuple[float, float] = (3.0, 3.0),
                       dpi: int = 72) -> AnimationHTML:
    """The elastic-net contact point as ``l1_ratio`` sweeps from 0 (disc) to 1 (diamond), as HTML.

    Parameters
    ----------
    c, Q, t
        The 2-D problem and the budget of the elastic-net ball
        ``l1_ratio ||w||_1 + (1 - l1_ratio) / 2 ||w||_2^2 <= t`` (scikit-learn's
        ``l1_ratio``; at 0 the ball is the disc of radius ``sqrt(2 t)``).
    ratios : array_like, optional
        The ``l1_ratio`` of each frame, each between 0 and 1 (default: 11 values
        from 0 to 1).
    lim, interval, figsize, dpi
        As in :func:`budget_animation`.

    Returns
    -------
    AnimationHTML
    """
    ratios = np.linspace(0.0, 1.0, 11) if ratios is None else as_float_array(ratios, "ratios", ndim=1)
    if np.any((ratios < 0) | (ratios > 1)):
        raise ValueError(f"ratios must lie between 0 and 1 (they are l1_ratio values), got {ratios.tolist()}")
    t = check_real(t, "t", minimum=0.0, strict=True)
    frames = [(t, float(a)) for a in ratios]
    return _animate(c, Q, ("enet",), frames, ratios, lim=lim, interval=interval, figsize=figsize, dpi=dpi,
                    label=lambda t, a: f"l1_ratio = {a:.2f}")
