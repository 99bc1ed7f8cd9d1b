"""Live figures that compute in the reader's browser: no kernel, no server, no network.

Three explorers, each a Python object that displays as a self-contained piece
of HTML (a ``<div>``, an inline ``<style>``, the data as inline JSON and a
small plain-JavaScript program drawing in SVG) and, for the PDF, as a static
PNG of the same initial state:

* :class:`ContactPointExplorer`: drag the centre of the loss ellipses, change
  the budget, the ellipse shape and ``l1_ratio``; the exact minimiser of
  ``(w - c)^T Q (w - c)`` over the L1, L2 and elastic-net balls of
  :mod:`sparsity.geometry` is computed in the page (a closed form on each
  edge and corner of the diamond, a 1-D root for the disc and for each smooth
  piece of the elastic-net ball);
* :class:`LassoPathExplorer`: drag ``alpha`` along the exact lasso path of a
  design; the path's knots come from ``sklearn.linear_model.lars_path``
  (``method="lasso"``, on ``Lasso``'s scale) and the page interpolates
  linearly between them, which is exact because the path is piecewise linear;
* :class:`ThresholdExplorer`: soft thresholding (``Lasso``), hard
  thresholding and ridge shrinkage (``Ridge``) of one weight of an orthogonal
  design with ``X^T X = n I``, on scikit-learn's scales.

Why one HTML output rather than a widget: the same output works on the static
website (myst-nb puts ``text/html`` in the page), in JupyterLab and in Colab,
and the LaTeX builder takes the ``image/png`` of the same bundle. The HTML is
deterministic (no random ids, data rounded to 12 significant digits), so
nbval can compare it byte for byte. Element ids are made when the figure
mounts in the page, and everything the scripts define lives in one global,
``window.sparsityExplorers``, so several explorers on one page never clash.
The in-page solvers are callable for tests:
``sparsityExplorers.contact.solve(c, Q, t, norm, l1_ratio)`` and
``sparsityExplorers.path.coefAt(data, alpha)``; a mounted explorer's root
element holds its controller as ``root.sparsityExplorer``.

Where JavaScript does not run (a browser with it switched off, an untrusted
notebook), the HTML shows a short description and the starting weights as
text. The PNG is not embedded in the HTML: nbval compares ``text/html``
byte for byte but skips images, and a picture inside the HTML would tie that
comparison to the exact pixels of one matplotlib version (and more than
double the page weight).
"""

from __future__ import annotations

import base64
import html as html_lib
import io
import json
import math
from functools import cache
from importlib import resources

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ._validation import as_float_array, check_int, check_option, check_real, check_Xy
from .geometry import NORMS, _check_problem, constrained_optimum
from .plotting import ACCENTS, COLORS, GUIDE, MUTED

__all__ = [
    "ContactPointExplorer",
    "LassoPathExplorer",
    "ThresholdExplorer",
    "explorer_assets",
]

#: Significant digits of the numbers written into the page (see the module docstring).
DIGITS = 12

BALL_NAMES = {"l1": "L1 ball", "l2": "L2 ball", "enet": "elastic-net ball"}
BALL_COLORS = {"l1": COLORS["lasso"], "l2": COLORS["ridge"], "enet": COLORS["enet"]}


# --------------------------------------------------------------------------- assets


@cache
def _asset(name: str) -> str:
    return resources.files("sparsity").joinpath("explorers_js", name).read_text(encoding="utf-8")


def _compact(source: str) -> str:
    """Drop comment-only lines, blank lines and indentation (safe for this code: no multi-line strings)."""
    lines = (line.strip() for line in source.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//"))


def explorer_assets() -> dict[str, str]:
    """The JavaScript and CSS shipped with the package, by file name, as written into pages.

    Returns a dict with the keys ``"core.js"``, ``"contact.js"``, ``"path.js"``,
    ``"threshold.js"`` and ``"explorers.css"``.
    """
    names = ("core.js", "contact.js", "path.js", "threshold.js", "explorers.css")
    return {name: _compact(_asset(name)) for name in names}


def _rounded(x) -> float:
    value = float(f"{float(x):.{DIGITS}g}")
    return 0.0 if value == 0 else value  # no -0.0 in the page


def _rounded_down(x: float) -> float:
    """``x >= 0`` rounded down to :data:`DIGITS` significant digits (a knot never moves above its true alpha)."""
    x = float(x)
    value = _rounded(x)
    if value > x:
        value = _rounded(value - 10.0 ** (math.floor(math.log10(x)) - DIGITS + 1))
    return value


def _json(data: dict) -> str:
    text = json.dumps(data, separators=(",", ":"), sort_keys=True, allow_nan=False)
    return text.replace("</", "<\\/")  # never closes the script element early


def _png(fig: Figure, dpi: int) -> bytes:
    FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


def _weight(x: float, digits: int = 3) -> str:
    """A weight as the book prints it: an exact zero is a bare 0."""
    return "0" if x == 0 else f"{x:+.{digits}f}"


# --------------------------------------------------------------------------- base class


class _Explorer:
    """Shared display logic: subclasses set ``kind`` and ``data`` and draw :meth:`figure`."""

    kind = ""
    _dpi = 100  # the book's figure resolution (use_book_style)

    def __init__(self, data: dict, description: str) -> None:
        self._data = data
        self._description = description
        self._png_bytes: bytes | None = None

    @property
    def data(self) -> dict:
        """The JSON data written into the page (a copy)."""
        return json.loads(_json(self._data).replace("<\\/", "</"))

    def figure(self) -> Figure:  # pragma: no cover - overridden
        raise NotImplementedError

    def png(self) -> bytes:
        """The static picture of the initial state, as PNG bytes (the PDF shows it)."""
        if self._png_bytes is None:  # drawn once, when first asked for
            self._png_bytes = _png(self.figure(), self._dpi)
        return self._png_bytes

    @property
    def html(self) -> str:
        """The self-contained HTML: markup, style, data and scripts; no external file and no network."""
        assets = explorer_assets()
        lines = "<br>".join(html_lib.escape(line) for line in repr(self).splitlines())
        return "".join([
            f'<div class="sparsity-explorer tex2jax_ignore mathjax_ignore" data-kind="{self.kind}">',
            f"<style>{assets['explorers.css']}</style>",
            '<div class="sx-fallback">',
            f"<p>{html_lib.escape(self._description)} This figure computes in the page and needs JavaScript; "
            f"its starting state:</p><p>{lines}</p>",
            "</div>",
            f'<script type="application/json" class="sx-data">{_json(self._data)}</script>',
            f"<script>{assets['core.js']}</script>",
            f"<script>{assets[self.kind + '.js']}</script>",
            "<script>(function (s) { var n = window.sparsityExplorers;"
            " if (n && n.core) { n.core.boot(s); } })(document.currentScript);</script>",
            "</div>",
        ])

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        return {
            "text/plain": repr(self),
            "text/html": self.html,
            "image/png": base64.b64encode(self.png()).decode("ascii"),
        }


# --------------------------------------------------------------------------- contact point


def _shape_parameters(Q: np.ndarray) -> tuple[float, float, float]:
    """Half-axes of the unit ellipse of ``Q`` and the angle (degrees, in [0, 180)) of the first one.

    The first axis is the one nearer the ``w1`` axis, so a diagonal ``Q`` has angle 0.
    """
    d, V = np.linalg.eigh(Q)
    first = 0 if abs(V[0, 0]) >= abs(V[0, 1]) else 1
    v = V[:, first]
    angle = math.degrees(math.atan2(v[1], v[0])) % 180.0
    if angle >= 180.0 - 1e-9:
        angle = 0.0
    return 1.0 / math.sqrt(d[first]), 1.0 / math.sqrt(d[1 - first]), angle


class ContactPointExplorer(_Explorer):
    """The contact point of the loss ellipses with the L1, L2 and elastic-net balls, live in the page.

    The reader drags the centre ``c`` (pointer, touch or arrow keys) and moves
    sliders for the budget ``t``, ``l1_ratio`` (when an elastic-net ball is
    shown) and the ellipses' two half-axes and rotation. Every move solves

    ``min_w (w - c)^T Q (w - c)`` subject to ``g(w) <= t``

    exactly, in the page, for each ball (the balls and ``l1_ratio`` of
    :func:`sparsity.geometry.constrained_optimum`: the elastic-net ball is
    ``l1_ratio ||w||_1 + (1 - l1_ratio) / 2 ||w||_2^2 <= t``), and prints the
    weights, an exact zero as a bare ``0``.

    Parameters
    ----------
    c : array_like of shape (2,), default (1.8, 1.2)
        Initial centre of the ellipses, inside the drawn square ``[-lim, lim]^2``.
    Q : array_like of shape (2, 2), default diag(1 / 0.81, 4)
        Initial shape: symmetric positive definite.
    t : float, default 1.5
        Initial budget, greater than 0.
    norms : sequence of {"l1", "l2", "enet"}, default ("l1", "l2", "enet")
        The balls drawn side by side, each at most once.
    l1_ratio : float in [0, 1], default 0.5
        Initial mix of the elastic-net ball (scikit-learn's meaning).
    lim : float, default 2.6
        Each panel shows ``[-lim, lim]`` in both directions.

    Attributes
    ----------
    solutions : dict of str to ndarray
        The initial contact point of each ball, from
        :func:`sparsity.geometry.constrained_optimum` (what the PNG shows).

    Examples
    --------
    >>> explorer = ContactPointExplorer(t=0.5, norms=("l1", "l2"))
    >>> explorer.solutions["l1"].tolist()
    [0.0, 0.5]
    """

    kind = "contact"

    def __init__(self, c=(1.8, 1.2), Q=((1 / 0.81, 0.0), (0.0, 4.0)), t: float = 1.5,
                 norms=("l1", "l2", "enet"), l1_ratio: float = 0.5, *, lim: float = 2.6) -> None:
        c_arr = as_float_array(c, "c", ndim=1)
        if c_arr.shape != (2,):
            raise ValueError(f"c must have shape (2,): the explorer is 2-D; got shape {c_arr.shape}")
        Q_arr = as_float_array(Q, "Q", ndim=2)
        if Q_arr.shape != (2, 2):
            raise ValueError(f"Q must have shape (2, 2): the explorer is 2-D; got shape {Q_arr.shape}")
        c_arr, Q_arr, t = _check_problem(c_arr, Q_arr, t)
        if isinstance(norms, str):
            raise TypeError(f"norms must be a sequence of ball names such as ('l1', 'l2'), got the string {norms!r}")
        norms = tuple(check_option(n, "norms", NORMS) for n in norms)
        if not norms or len(set(norms)) != len(norms):
            raise ValueError(f"norms must name each ball at most once and at least one ball, got {norms}")
        l1_ratio = check_real(l1_ratio, "l1_ratio", minimum=0.0)
        if l1_ratio > 1.0:
            raise ValueError(f"l1_ratio must be between 0 and 1, got {l1_ratio}")
        lim = check_real(lim, "lim", minimum=0.0, strict=True)
        if np.max(np.abs(c_arr)) > lim:
            raise ValueError(f"c must lie in the drawn square [-lim, lim] = [{-lim:g}, {lim:g}], got {c_arr.tolist()}")
        self.c, self.Q, self.t, self.norms, self.l1_ratio, self.lim = c_arr, Q_arr, t, norms, l1_ratio, lim
        self.solutions = {n: constrained_optimum(c_arr, Q_arr, t, n, l1_ratio) for n in norms}
        h1, h2, angle = _shape_parameters(Q_arr)
        data = {
            "kind": self.kind,
            "c": [_rounded(v) for v in c_arr],
            "Q": [[_rounded(v) for v in row] for row in Q_arr],
            "t": _rounded(t),
            "l1_ratio": _rounded(l1_ratio),
            "norms": list(norms),
            "names": {n: BALL_NAMES[n] for n in norms},
            "colors": {n: BALL_COLORS[n] for n in norms},
            "lim": _rounded(lim),
            "axes": [_rounded(h1), _rounded(h2)],
            "angle": _rounded(angle),
            "ranges": {
                "t": [_rounded(min(0.05, t)), _rounded(max(3.0, t))],
                "axes": [_rounded(min(0.2, h1, h2)), _rounded(max(2.5, h1, h2))],
            },
        }
        balls = " and ".join(BALL_NAMES[n] for n in norms)
        description = (f"The loss ellipses centred at ({c_arr[0]:g}, {c_arr[1]:g}) and the {balls} of budget {t:g}, "
               "each with its exact contact point.")
        super().__init__(data, description)

    def figure(self) -> Figure:
        """The initial state drawn with matplotlib, one panel per ball in the order of ``norms``, no titles.

        Each panel is :func:`sparsity.widgets.draw_contact` (the ball in its method's colour).
        """
        from .widgets import draw_contact

        k = len(self.norms)
        fig = Figure(figsize=(2.3 * k, 2.5), layout="constrained")
        axes = fig.subplots(1, k, squeeze=False)[0]
        for ax, norm in zip(axes, self.norms, strict=True):
            draw_contact(ax, self.c, self.Q, self.t, norm, self.l1_ratio, lim=self.lim)
        return fig

    def __repr__(self) -> str:
        rows = [f"{BALL_NAMES[n]}: w = ({_weight(w[0])}, {_weight(w[1])})" for n, w in self.solutions.items()]
        head = (f"ContactPointExplorer: c = ({self.c[0]:g}, {self.c[1]:g}), t = {self.t:g}"
                + (f", l1_ratio = {self.l1_ratio:g}" if "enet" in self.norms else ""))
        return "\n".join([head, *rows])


# --------------------------------------------------------------------------- lasso path


class LassoPathExplorer(_Explorer):
    """The exact lasso path of a design, with ``alpha`` on a slider, live in the page.

    The path is that of ``Lasso(alpha, fit_intercept=False)`` on ``X`` and
    ``y``, scikit-learn's scale ``(1 / (2 n)) ||y - X w||^2 + alpha ||w||_1``
    (to match a ``StandardScaler`` + ``Lasso`` pipeline, pass the standardised
    ``X`` and the centred ``y``). Its knots come from
    ``sklearn.linear_model.lars_path(X, y, method="lasso")``, whose ``alphas``
    are on that scale; they are checked against the lasso's optimality
    conditions here, and the page interpolates linearly between them.

    Parameters
    ----------
    X : array_like of shape (n, p)
    y : array_like of shape (n,)
    feature_names : sequence of str, optional
        Default ``x1, ..., xp``.
    alpha : float, optional
        Initial ``alpha``, inside the slider's range (default: a tenth of the
        largest knot, ``max_j |X_j^T y| / n``).
    informative : array_like of bool, optional
        If given, informative features are drawn in colour and the others as
        grey dashes (the book's convention for paths); otherwise every feature
        gets a colour.
    units : str, default "standardised units"
        The units of the weights, for the axis label and the table.

    Attributes
    ----------
    alphas : ndarray of shape (n_knots,)
        The knots, decreasing; the last is 0 when ``p < n``.
    coefs : ndarray of shape (p, n_knots)
        The weights at the knots.
    alpha : float
        The initial ``alpha``.
    alpha_range : tuple of float
        ``(largest, smallest)`` ``alpha`` on the slider (log scale).

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0]])
    >>> y = np.array([2.0, 1.0, -2.0, -1.0])
    >>> explorer = LassoPathExplorer(X, y, alpha=0.6)  # X^T X / n = I / 2, X^T y / n = (1, 0.5)
    >>> explorer.coef_at(0.6).tolist()  # (1 - 0.6) / (1/2) = 0.8; the second is below the threshold
    [0.8, 0.0]
    """

    kind = "path"

    def __init__(self, X, y, feature_names=None, *, alpha: float | None = None, informative=None,
                 units: str = "standardised units") -> None:
        from sklearn.linear_model import lars_path

        X, y = check_Xy(X, y)
        n, p = X.shape
        if feature_names is None:
            feature_names = [f"x{j + 1}" for j in range(p)]
        if isinstance(feature_names, str) or len(feature_names) != p:
            raise ValueError(f"feature_names must be a sequence of {p} names, one per column of X")
        names = [str(name) for name in feature_names]
        if not isinstance(units, str):
            raise TypeError(f"units must be a string, got {type(units).__name__}")
        alpha_max = float(np.max(np.abs(X.T @ y))) / n
        if alpha_max == 0.0:
            raise ValueError("y must not be orthogonal to every column of X: the lasso path is then all zeros")
        alphas, _, coefs = lars_path(X, y, method="lasso")
        self._check_knots(X, y, alphas, coefs)
        # Rounded once (the page, coef_at and the PNG all use these numbers), the
        # knots downwards: a feature that enters at a knot is then exactly 0 at
        # every alpha at or above its true knot (at alpha_max, every weight).
        alphas = np.array([_rounded_down(a) for a in alphas])
        coefs = np.vectorize(_rounded, otypes=[float])(coefs)
        keep = np.append(alphas[:-1] > alphas[1:], True)  # a repeated knot adds nothing
        self.alphas, self.coefs = alphas[keep], coefs[:, keep]
        positive = self.alphas[self.alphas > 0]
        self.alpha_range = (_rounded(1.2 * alpha_max), _rounded(min(alpha_max * 1e-3, 0.5 * positive.min())))
        if alpha is None:
            alpha = _rounded(0.1 * alpha_max)
        alpha = check_real(alpha, "alpha", minimum=0.0, strict=True)
        if not self.alpha_range[1] <= alpha <= self.alpha_range[0]:
            raise ValueError(f"alpha must lie in the slider's range [{self.alpha_range[1]:.4g}, "
                             f"{self.alpha_range[0]:.4g}], got {alpha}")
        self.alpha = alpha
        if informative is None:
            palette = [COLORS["ridge"], COLORS["lasso"], COLORS["enet"], *ACCENTS, COLORS["ols"]]
            colors = [palette[j % len(palette)] for j in range(p)]
            dashed = [False] * p
        else:
            mask = np.asarray(informative)
            if mask.shape != (p,) or mask.dtype != bool:
                raise ValueError(f"informative must be a boolean array of length {p}, got {mask!r}")
            colors, k = [], 0
            for j in range(p):
                colors.append(ACCENTS[k % len(ACCENTS)] if mask[j] else MUTED)
                k += bool(mask[j])
            dashed = [not bool(m) for m in mask]
        self.names, self.colors, self.dashed, self.units = names, colors, dashed, units
        data = {
            "kind": self.kind,
            "alphas": self.alphas.tolist(),
            "coefs": self.coefs.T.tolist(),
            "names": names,
            "colors": colors,
            "dashed": dashed,
            "alpha": _rounded(alpha),
            "range": list(self.alpha_range),
            "xlabel": "alpha (Lasso scale)",
            "ylabel": f"weight ({units})",
            "caption": f"Lasso weights ({units})",
        }
        description = (f"The exact lasso path of {p} weights against alpha, with a slider for alpha "
               f"(starting at {alpha:.4g}).")
        super().__init__(data, description)

    @staticmethod
    def _check_knots(X, y, alphas, coefs) -> None:
        """Each knot must satisfy the lasso's optimality conditions (LARS can fail on collinear columns)."""
        n = X.shape[0]
        scale = float(np.max(np.abs(X.T @ y))) / n
        tol = 1e-8 * scale
        for a, w in zip(alphas, coefs.T, strict=True):
            corr = X.T @ (y - X @ w) / n
            on = w != 0
            if np.any(np.abs(corr[on] - a * np.sign(w[on])) > tol) or np.any(np.abs(corr[~on]) > a + tol):
                raise ValueError("X: lars_path's knots fail the lasso's optimality conditions "
                                 "(are some columns of X collinear?)")

    def coef_at(self, alpha: float) -> np.ndarray:
        """The weights at ``alpha``: linear interpolation between the knots, as the page computes them.

        Parameters
        ----------
        alpha : float
            At least 0 (``Lasso``'s scale).
        """
        alpha = check_real(alpha, "alpha", minimum=0.0)
        a = self.alphas
        if alpha >= a[0]:
            return self.coefs[:, 0].copy()
        if alpha <= a[-1]:
            return self.coefs[:, -1].copy()
        hi = int(np.searchsorted(-a, -alpha, side="left"))  # first knot with a[hi] <= alpha
        lo = hi - 1 if a[hi] < alpha else hi
        if lo == hi:
            return self.coefs[:, hi].copy()
        tau = (a[lo] - alpha) / (a[lo] - a[hi])
        return self.coefs[:, lo] + tau * (self.coefs[:, hi] - self.coefs[:, lo])

    def figure(self) -> Figure:
        """The path (reversed log axis) with a line at the initial ``alpha``, drawn with matplotlib."""
        hi, lo = self.alpha_range
        grid = np.geomspace(hi, lo, 241)
        grid = np.sort(np.concatenate([grid, self.alphas[(self.alphas > lo) & (self.alphas < hi)]]))[::-1]
        W = np.array([self.coef_at(a) for a in grid]).T
        fig = Figure(figsize=(6.4, 2.8), layout="constrained")
        ax = fig.subplots()
        for j in range(len(self.names)):
            ax.plot(grid, W[j], color=self.colors[j], linestyle="--" if self.dashed[j] else "-",
                    linewidth=0.9 if self.dashed[j] else 1.8)
        w = self.coef_at(self.alpha)
        ax.axvline(self.alpha, color="black", linewidth=0.8, linestyle=":")
        ax.scatter(np.full_like(w, self.alpha), w, c=self.colors, edgecolors="black", linewidths=0.5, s=18, zorder=5)
        for a in self.alphas[(self.alphas > lo) & (self.alphas < hi)]:
            ax.axvline(a, ymax=0.03, color=GUIDE, linewidth=1.0)
        ax.axhline(0, color="black", linewidth=0.6)
        ax.set_xscale("log")
        ax.set_xlim(hi, lo)
        ax.set_xlabel("alpha (Lasso scale)")
        ax.set_ylabel(f"weight ({self.units})")
        return fig

    def __repr__(self) -> str:
        w = self.coef_at(self.alpha)
        cells = ", ".join(f"{name} {_weight(v)}" for name, v in zip(self.names, w, strict=True))
        return (f"LassoPathExplorer: {len(self.alphas)} knots, alpha = {self.alpha:.4g}, "
                f"{int(np.count_nonzero(w))} of {len(w)} weights non-zero\n{cells}")


# --------------------------------------------------------------------------- thresholding


class ThresholdExplorer(_Explorer):
    """Soft thresholding, hard thresholding and ridge shrinkage of one weight, live in the page.

    For an orthogonal design with standardised columns (``X^T X = n I``) each
    weight is solved on its own from its least-squares value ``w_ols``, on
    scikit-learn's scales:

    * ``Lasso(alpha)``: ``sign(w_ols) max(|w_ols| - alpha, 0)`` (soft thresholding);
    * hard thresholding at ``alpha``: ``w_ols`` if ``|w_ols| > alpha``, else 0
      (the penalty ``alpha^2 / 2 [w != 0]`` on the same loss);
    * ``Ridge(alpha_ridge)``: ``w_ols n / (n + alpha_ridge)``.

    Sliders move ``w_ols``, ``alpha`` and ``alpha_ridge``.

    Parameters
    ----------
    w_ols : float, default 0.8
        Initial least-squares weight, in ``[-zlim, zlim]``.
    alpha : float, default 1.0
        Initial ``Lasso`` alpha (the threshold), in ``[0, zlim]``.
    ridge_alpha : float, default 20.0
        Initial ``Ridge`` alpha, at least 0.
    n : int, default 200
        Number of rows of the design (``X^T X = n I``).
    zlim : float, default 3.0
        The figure shows ``w_ols`` and the weights in ``[-zlim, zlim]``.

    Examples
    --------
    >>> explorer = ThresholdExplorer(w_ols=0.8, alpha=1.0)
    >>> explorer.values()["soft"], explorer.values()["ridge"]
    (0.0, 0.7272727272727273)
    """

    kind = "threshold"

    def __init__(self, w_ols: float = 0.8, alpha: float = 1.0, ridge_alpha: float = 20.0, *, n: int = 200,
                 zlim: float = 3.0) -> None:
        zlim = check_real(zlim, "zlim", minimum=0.0, strict=True)
        w_ols = check_real(w_ols, "w_ols")
        if abs(w_ols) > zlim:
            raise ValueError(f"w_ols must lie in [-zlim, zlim] = [{-zlim:g}, {zlim:g}], got {w_ols}")
        alpha = check_real(alpha, "alpha", minimum=0.0)
        if alpha > zlim:
            raise ValueError(f"alpha must lie in [0, zlim] = [0, {zlim:g}], got {alpha}")
        ridge_alpha = check_real(ridge_alpha, "ridge_alpha", minimum=0.0)
        n = check_int(n, "n", minimum=1)
        self.w_ols, self.alpha, self.ridge_alpha, self.n, self.zlim = w_ols, alpha, ridge_alpha, n, zlim
        data = {
            "kind": self.kind,
            "z": _rounded(w_ols),
            "alpha": _rounded(alpha),
            "ridge_alpha": _rounded(ridge_alpha),
            "n": n,
            "zlim": _rounded(zlim),
            "ranges": {"alpha": [0.0, _rounded(zlim)], "ridge": [0.0, _rounded(max(4.0 * n, ridge_alpha))]},
            "colors": {"ols": COLORS["ols"], "soft": COLORS["lasso"], "hard": ACCENTS[2], "ridge": COLORS["ridge"]},
            "names": {"ols": "OLS weight", "soft": "lasso (soft)", "hard": "hard (L0)", "ridge": "ridge"},
            "labels": {"z": "OLS weight", "alpha": "Lasso alpha", "ridge": "Ridge alpha"},
            "xlabel": "OLS weight w_ols",
            "caption": f"One weight (X\u1d40X = nI, n = {n})",
        }
        description = ("Soft thresholding, hard thresholding and ridge shrinkage of one weight, with sliders for the "
               "OLS weight and both alphas.")
        super().__init__(data, description)

    @staticmethod
    def rules(w_ols, alpha: float, ridge_alpha: float, n: int) -> dict[str, np.ndarray]:
        """The three weights for OLS weights ``w_ols`` (array_like), as the page computes them."""
        z = as_float_array(w_ols, "w_ols")
        alpha = check_real(alpha, "alpha", minimum=0.0)
        ridge_alpha = check_real(ridge_alpha, "ridge_alpha", minimum=0.0)
        n = check_int(n, "n", minimum=1)
        return {
            "soft": np.sign(z) * np.maximum(np.abs(z) - alpha, 0.0) + 0.0,
            "hard": np.where(np.abs(z) > alpha, z, 0.0),
            "ridge": z * n / (n + ridge_alpha),
        }

    def values(self) -> dict[str, float]:
        """The initial OLS weight and its three shrunk versions."""
        out = self.rules([self.w_ols], self.alpha, self.ridge_alpha, self.n)
        return {"z": self.w_ols, **{k: float(v[0]) for k, v in out.items()}}

    def figure(self) -> Figure:
        """The three rules against ``w_ols``, with the initial weight marked, drawn with matplotlib."""
        lim, a = self.zlim, self.alpha
        fig = Figure(figsize=(3.6, 3.4), layout="constrained")
        ax = fig.subplots()
        ax.axvspan(-a, a, color="0.9", zorder=0)
        ax.plot([-lim, lim], [-lim, lim], "--", color=COLORS["ols"], linewidth=1, label="no penalty")
        z = np.linspace(-lim, lim, 601)
        curves = self.rules(z, a, self.ridge_alpha, self.n)
        hard = curves["hard"].copy()
        hard[np.abs(np.diff(hard, prepend=hard[0])) > 0.5 * max(a, 1e-12)] = np.nan  # no line across the jump
        # the lasso last and thickest: where the rules agree (0 in the band) it stays visible
        styles = {"ridge": (COLORS["ridge"], "ridge", 1.6, 6), "hard": (ACCENTS[2], "hard (L0)", 1.4, 5),
                  "soft": (COLORS["lasso"], "lasso (soft)", 3.0, 9)}
        values = self.values()
        for k, (key, (color, label, width, size)) in enumerate(styles.items()):
            ax.plot(z, hard if key == "hard" else curves[key], color=color, label=label, linewidth=width, zorder=2 + k)
            ax.plot([self.w_ols], [values[key]], "o", color=color, markeredgecolor="black", markersize=size,
                    zorder={"soft": 6, "ridge": 7, "hard": 8}[key])  # small dots on the lasso's big one
        ax.axvline(self.w_ols, color="black", linewidth=0.8, linestyle=":")
        ax.set_xlim(-lim, lim)
        ax.set_ylim(-lim, lim)
        ax.set_xlabel("OLS weight w_ols")
        ax.set_ylabel("w")
        ax.legend(loc="upper left", fontsize=7)
        return fig

    def __repr__(self) -> str:
        v = self.values()
        return (f"ThresholdExplorer: w_ols = {self.w_ols:g}, alpha = {self.alpha:g}, ridge alpha = "
                f"{self.ridge_alpha:g}, n = {self.n}\nlasso (soft) {_weight(v['soft'])}, "
                f"hard (L0) {_weight(v['hard'])}, ridge {_weight(v['ridge'])}")

