"""Exact contact points: a quadratic loss minimised over an L1, L2 or elastic-net ball.

The book's geometric argument is about one problem,

.. math::

    \\min_w \\; (w - c)^\\top Q \\, (w - c) \\quad \\text{subject to} \\quad g(w) \\le t,

where ``c`` is the centre of the loss ellipses (the unpenalised solution), ``Q``
is positive definite (their shape) and ``g`` is one of

* ``"l1"``:   ``g(w) = ||w||_1`` (a diamond in 2-D, a cross-polytope in p-D);
* ``"l2"``:   ``g(w) = ||w||_2`` (a disc, a ball);
* ``"enet"``: ``g(w) = l1_ratio * ||w||_1 + (1 - l1_ratio) / 2 * ||w||_2^2``,
  the penalty of scikit-learn's ``ElasticNet(alpha, l1_ratio)`` without its
  factor ``alpha``.

``l1_ratio`` means exactly what it means in scikit-learn: if ``w`` is the
solution of ``ElasticNet(alpha, l1_ratio, fit_intercept=False)`` on centred
data, ``c`` the least-squares weights (``p < n``, so that they exist) and
``Q = X^T X / n``, then ``w`` is the
minimiser over the elastic-net ball with ``t = g(w)``, and the constraint's
multiplier is ``2 * alpha``. Note the square in the elastic-net ball: with
``l1_ratio=0`` it is the L2 ball of radius ``sqrt(2 t)``, with ``l1_ratio=1``
the L1 ball of size ``t``.

:func:`constrained_optimum` solves it exactly. For the L1 ball it follows the
piecewise-linear homotopy of the penalised problem
``(w - c)^T Q (w - c) + mu ||w||_1`` from ``mu = infinity`` (where ``w = 0``)
down to the multiplier at which ``||w||_1 = t`` (the homotopy of
:func:`sparsity.solvers.lasso_path`, the same code), then recomputes the solution
with one linear solve on the identified support and signs, so every coordinate
off the support is exactly ``0.0``. The L2 ball is solved through the secular
equation in the eigenbasis of ``Q``; the elastic-net ball by identifying the
support with the same homotopy and solving the smooth problem on it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import brentq

from ._validation import as_float_array, check_int, check_option, check_real
from .solvers import _follow_lasso_path

__all__ = [
    "NORMS",
    "ball_boundary",
    "ball_value",
    "constrained_optimum",
    "contact_kind",
    "l1_homotopy",
    "level_set",
    "quadratic_loss",
    "random_problem",
]

#: The balls :func:`constrained_optimum` knows.
NORMS = ("l1", "l2", "enet")


# --------------------------------------------------------------------------- validation


def _check_problem(c, Q, t) -> tuple[np.ndarray, np.ndarray, float]:
    c = as_float_array(c, "c", ndim=1)
    Q = as_float_array(Q, "Q", ndim=2)
    p = c.shape[0]
    if Q.shape != (p, p):
        raise ValueError(f"Q must have shape ({p}, {p}) to match c of length {p}, got {Q.shape}")
    Q = _check_shape_matrix(Q)
    t = check_real(t, "t", minimum=0.0, strict=True)
    return c, Q, t


def _check_shape_matrix(Q: np.ndarray) -> np.ndarray:
    """Symmetric (to rounding) and positive definite, or a ValueError; returns the symmetrised ``Q``."""
    scale = max(1.0, float(np.max(np.abs(Q))))
    if float(np.max(np.abs(Q - Q.T))) > 1e-10 * scale:
        raise ValueError("Q must be symmetric")
    Q = 0.5 * (Q + Q.T)
    smallest = float(np.min(np.linalg.eigvalsh(Q)))
    if smallest <= 0.0:
        raise ValueError(f"Q must be positive definite (all eigenvalues > 0); its smallest is {smallest:.3g}")
    if smallest <= 1e-12 * scale:
        raise ValueError("Q must be positive definite (all eigenvalues > 0); it is numerically singular")
    return Q


def _check_ratio(l1_ratio) -> float:
    l1_ratio = check_real(l1_ratio, "l1_ratio", minimum=0.0)
    if l1_ratio > 1.0:
        raise ValueError(f"l1_ratio must be between 0 and 1, got {l1_ratio}")
    return l1_ratio


# --------------------------------------------------------------------------- small helpers


def quadratic_loss(w, c, Q) -> float:
    """The loss ``(w - c)^T Q (w - c)`` whose level sets are the ellipses of the figures.

    ``w`` and ``c`` are vectors of one length ``p`` and ``Q`` is ``(p, p)``; all
    finite. ``Q`` is not required to be positive definite here.

    Examples
    --------
    >>> quadratic_loss([1.0, 0.0], [0.0, 0.0], [[2.0, 0.0], [0.0, 1.0]])
    2.0
    """
    w = as_float_array(w, "w", ndim=1)
    c = as_float_array(c, "c", ndim=1)
    Q = as_float_array(Q, "Q", ndim=2)
    p = c.shape[0]
    if w.shape != c.shape:
        raise ValueError(f"w and c must have the same length, got {w.shape[0]} and {p}")
    if Q.shape != (p, p):
        raise ValueError(f"Q must have shape ({p}, {p}) to match c of length {p}, got {Q.shape}")
    d = w - c
    return float(d @ Q @ d)


def ball_value(w, norm: str = "l1", l1_ratio: float = 0.5) -> float:
    """The constraint function ``g(w)`` of the ball named ``norm`` (see the module docstring).

    For ``"enet"`` it is scikit-learn's elastic-net penalty without ``alpha``:
    ``l1_ratio * ||w||_1 + (1 - l1_ratio) / 2 * ||w||_2^2``.

    Examples
    --------
    >>> ball_value([1.0, -1.0], "enet", l1_ratio=0.5)
    1.5
    """
    check_option(norm, "norm", NORMS)
    w = as_float_array(w, "w", ndim=1)
    if norm == "l1":
        return float(np.sum(np.abs(w)))
    if norm == "l2":
        return float(np.sqrt(np.sum(w * w)))
    a = _check_ratio(l1_ratio)
    return float(a * np.sum(np.abs(w)) + 0.5 * (1.0 - a) * np.sum(w * w))


# --------------------------------------------------------------------------- the L1 homotopy


@dataclass(frozen=True)
class _Path:
    active: list[int]
    signs: np.ndarray
    lam: float


def _homotopy(G: np.ndarray, b: np.ndarray, *, l1_target: float | None = None,
              lam_target: float | None = None) -> _Path:
    """Follow ``argmin_w w^T G w - 2 b^T w + 2 lam ||w||_1`` from ``lam = max|b|`` downwards.

    This is the lasso path of :func:`sparsity.solvers.lasso_path`
    (``method="homotopy"``), the same code: that objective is twice
    ``(1/2) w^T G w - b^T w + lam ||w||_1``. It stops where ``||w||_1``
    reaches ``l1_target`` or where ``lam`` reaches ``lam_target`` and
    returns the active set, its signs and the stopping ``lam``.
    Optimality: ``b - G w`` equals ``lam * sign(w_j)`` on the active set and
    is at most ``lam`` in absolute value elsewhere.
    """
    if lam_target is not None and lam_target >= float(np.max(np.abs(b))):
        return _Path(active=[], signs=np.zeros(0), lam=lam_target)
    for lam_hi, lam_lo, A, s, w_A, d in _follow_lasso_path(b, lambda j: G[:, j]):
        if lam_target is not None and lam_target >= lam_lo:
            return _Path(active=A.tolist(), signs=s.copy(), lam=lam_target)
        if l1_target is not None:
            # ||w(lam)||_1 = s.w_A + (lam_hi - lam) s.d on this piece
            l1_hi, slope = float(s @ w_A), float(s @ d)
            if l1_hi + (lam_hi - lam_lo) * slope >= l1_target:
                lam = lam_hi - (l1_target - l1_hi) / slope
                return _Path(active=A.tolist(), signs=s.copy(), lam=max(lam, lam_lo))
    raise RuntimeError("homotopy reached lam = 0 before its target; is Q badly conditioned?")  # pragma: no cover


def l1_homotopy(c, Q, t) -> tuple[np.ndarray, float]:
    """Exact minimiser of ``(w - c)^T Q (w - c)`` over ``||w||_1 <= t``, and its multiplier.

    Returns ``(w, mu)``, where ``w`` also minimises the penalised loss
    ``(w - c)^T Q (w - c) + mu ||w||_1``; ``mu = 0`` when ``c`` is inside the ball.
    Coordinates off the support are exactly ``0.0``.
    """
    c, Q, t = _check_problem(c, Q, t)
    return _l1(c, Q, t)


def _l1(c: np.ndarray, Q: np.ndarray, t: float) -> tuple[np.ndarray, float]:
    if np.sum(np.abs(c)) <= t:
        return c.copy(), 0.0
    b = Q @ c
    path = _homotopy(Q, b, l1_target=t)
    A, s = np.array(path.active), path.signs
    GA = Q[np.ix_(A, A)]
    u = np.linalg.solve(GA, b[A])
    v = np.linalg.solve(GA, s)
    lam = (s @ u - t) / (s @ v)
    w = np.zeros_like(c)
    w[A] = u - lam * v
    return w, 2.0 * float(lam)


# --------------------------------------------------------------------------- L2 and elastic net


def _l2(c: np.ndarray, Q: np.ndarray, t: float) -> tuple[np.ndarray, float]:
    norm_c = float(np.linalg.norm(c))
    if norm_c <= t:
        return c.copy(), 0.0
    d, V = np.linalg.eigh(Q)
    z = V.T @ c

    def excess(nu: float) -> float:  # 1/||w(nu)|| - 1/t, increasing in nu, nearly linear
        return 1.0 / np.linalg.norm(d * z / (d + nu)) - 1.0 / t

    hi = float(np.max(d)) * norm_c / t
    nu = brentq(excess, 0.0, hi, xtol=1e-15, rtol=4 * np.finfo(float).eps, maxiter=500)
    w = V @ (d * z / (d + nu))
    w *= t / np.linalg.norm(w)  # remove the last rounding error from the constraint
    return w, 2.0 * nu


def _enet_on_support(c, Q, t, a, nu0) -> tuple[np.ndarray, float]:
    """Given an approximate ``nu``, fix support and signs and solve the smooth problem on them.

    ``nu`` is half the multiplier (scikit-learn's ``alpha``): on the support ``A``
    with signs ``s``, ``(Q_AA + nu (1 - a) I) w_A = (Q c)_A - nu a s``.
    """
    b = Q @ c
    G = Q + nu0 * (1.0 - a) * np.eye(len(c))
    path = _homotopy(G, b, lam_target=nu0 * a)
    A, s = np.array(path.active), path.signs
    dQ, V = np.linalg.eigh(Q[np.ix_(A, A)])

    def w_on(nu: float) -> np.ndarray:
        rhs = V.T @ (b[A] - nu * a * s)
        return V @ (rhs / (dQ + nu * (1.0 - a)))

    def excess(nu: float) -> float:
        wA = w_on(nu)
        return a * float(s @ wA) + 0.5 * (1.0 - a) * float(wA @ wA) - t

    lo, hi = nu0, nu0
    step = max(1e-9, 1e-6 * nu0)
    while excess(lo) < 0 and lo > 0:
        lo = max(0.0, lo - step)
        step *= 4
    step = max(1e-9, 1e-6 * nu0)
    while excess(hi) > 0:
        hi += step
        step *= 4
    nu = brentq(excess, lo, hi, xtol=1e-15, rtol=4 * np.finfo(float).eps, maxiter=500) if lo < hi else nu0
    w = np.zeros_like(c)
    w[A] = w_on(nu)
    return w, 2.0 * nu


def _enet(c: np.ndarray, Q: np.ndarray, t: float, a: float) -> tuple[np.ndarray, float]:
    """The elastic-net ball ``a ||w||_1 + (1 - a) / 2 ||w||_2^2 <= t``; returns ``(w, mu)``.

    Stationarity: ``2 Q (w - c) + mu (a s + (1 - a) w) = 0``. The search runs on
    ``nu = mu / 2``, scikit-learn's ``alpha`` for the loss ``(w - c)^T Q (w - c) / 2``.
    """
    if a == 1.0:
        return _l1(c, Q, t)
    if a == 0.0:
        return _l2(c, Q, float(np.sqrt(2.0 * t)))
    if a * np.sum(np.abs(c)) + 0.5 * (1.0 - a) * float(c @ c) <= t:
        return c.copy(), 0.0
    b = Q @ c
    eye = np.eye(len(c))

    def excess(nu: float) -> float:
        G = Q + nu * (1.0 - a) * eye
        path = _homotopy(G, b, lam_target=nu * a)
        w = np.zeros_like(c)
        if path.active:
            A = np.array(path.active)
            w[A] = np.linalg.solve(G[np.ix_(A, A)], b[A] - nu * a * path.signs)
        return a * float(np.sum(np.abs(w))) + 0.5 * (1.0 - a) * float(w @ w) - t

    hi = 1.0
    while excess(hi) > 0:
        hi *= 4.0
    nu0 = brentq(excess, 0.0, hi, xtol=1e-14, rtol=1e-13, maxiter=500)
    return _enet_on_support(c, Q, t, a, nu0)


# --------------------------------------------------------------------------- public entry point


def constrained_optimum(c, Q, t, norm: str = "l1", l1_ratio: float = 0.5, *,
                        return_multiplier: bool = False):
    """Exact minimiser of ``(w - c)^T Q (w - c)`` subject to ``g(w) <= t``.

    Parameters
    ----------
    c : array_like of shape (p,)
        Centre of the loss ellipses (the unconstrained minimiser).
    Q : array_like of shape (p, p)
        Symmetric positive-definite shape matrix of the loss.
    t : float
        Budget, greater than 0.
    norm : {"l1", "l2", "enet"}, default "l1"
        The ball: ``||w||_1 <= t``, ``||w||_2 <= t`` or
        ``l1_ratio ||w||_1 + (1 - l1_ratio) / 2 ||w||_2^2 <= t``.
    l1_ratio : float in [0, 1], default 0.5
        Mix of the elastic-net ball (ignored for the other balls), with the
        meaning of scikit-learn's ``ElasticNet(l1_ratio=...)``.
    return_multiplier : bool, default False
        Also return the Lagrange multiplier ``mu >= 0`` of the constraint, so that
        ``w`` minimises the penalised loss of the Notes.

    Returns
    -------
    w : ndarray of shape (p,)
        The solution. If ``c`` is inside the ball, ``w`` is ``c``. Otherwise ``w``
        lies on the boundary, and for the L1 and elastic-net balls every
        coordinate off its support is exactly ``0.0``.
    mu : float
        Only if ``return_multiplier``.

    Notes
    -----
    Multipliers: for ``"l1"`` the stationarity condition is
    ``2 Q (w - c) + mu * s = 0`` with ``s`` a subgradient of ``||w||_1``; for
    ``"l2"`` it is ``2 Q (w - c) + mu * w = 0`` (the gradient of ``||w||_2^2 / 2``);
    for ``"enet"`` it is ``2 Q (w - c) + mu * (l1_ratio s + (1 - l1_ratio) w) = 0``.

    With ``c`` the least-squares weights and ``Q = X^T X / n`` of centred data,
    ``(w - c)^T Q (w - c)`` is ``||y - X w||^2 / n`` up to a constant, so the
    solution is scikit-learn's ``Lasso(alpha=mu / 2)`` (``"l1"``) or
    ``ElasticNet(alpha=mu / 2, l1_ratio=l1_ratio)`` (``"enet"``), both without
    intercept: the book's tests check this for the elastic net.

    Examples
    --------
    >>> import numpy as np
    >>> w = constrained_optimum([2.0, 0.3], np.eye(2), 1.0)
    >>> w.tolist()
    [1.0, 0.0]
    >>> bool(w[1] == 0.0)
    True
    """
    c, Q, t = _check_problem(c, Q, t)
    check_option(norm, "norm", NORMS)
    if norm == "l1":
        w, mu = _l1(c, Q, t)
    elif norm == "l2":
        w, mu = _l2(c, Q, t)
    else:
        w, mu = _enet(c, Q, t, _check_ratio(l1_ratio))
    return (w, mu) if return_multiplier else w


def contact_kind(w, c, t, norm: str = "l1", l1_ratio: float = 0.5) -> str:
    """Where a solution sits: ``"interior"``, ``"vertex"``, ``"face"`` or ``"facet"``.

    ``"interior"``: the ball does not bind (``w`` equals ``c``, inside the ball).
    ``"vertex"``: exactly one non-zero coordinate (a corner, on an axis).
    ``"face"``: a lower-dimensional face: some, but not all but one, coordinates are zero.
    ``"facet"``: no exact zero (the open face of largest dimension; for a smooth
    ball every boundary point is of this kind unless it happens to lie on an axis).
    Zeros are counted exactly (``== 0.0``), never up to a tolerance.

    ``w`` (a solution) and ``c`` (the centre) must have the same length; ``t``,
    ``norm`` and ``l1_ratio`` describe the ball, as in :func:`constrained_optimum`.
    """
    w = as_float_array(w, "w", ndim=1)
    c = as_float_array(c, "c", ndim=1)
    if w.shape != c.shape:
        raise ValueError(f"w and c must have the same length, got {w.shape[0]} and {c.shape[0]}")
    t = check_real(t, "t", minimum=0.0, strict=True)
    if ball_value(c, norm, l1_ratio) <= t and np.array_equal(w, c):
        return "interior"
    nonzero = int(np.count_nonzero(w))
    if nonzero == 1 and w.shape[0] > 1:
        return "vertex"
    if nonzero < w.shape[0]:
        return "face"
    return "facet"


# --------------------------------------------------------------------------- for the figures


def ball_boundary(t: float, norm: str = "l1", l1_ratio: float = 0.5, n_points: int = 401) -> np.ndarray:
    """Points on the boundary of a 2-D ball, closed (last = first).

    The points are at ``n_points`` evenly spaced angles from 0 to 2 pi, plus the
    three axis directions pi / 2, pi and 3 pi / 2, so the L1 boundary (and the
    elastic-net boundary) includes its four corners exactly. Returns an array of
    shape ``(n_points + 3, 2)``. The balls are those of :func:`constrained_optimum`.

    Examples
    --------
    >>> ball_boundary(1.0, "enet", l1_ratio=0.0, n_points=2)[:2].round(6).tolist()
    [[1.414214, 0.0], [0.0, 1.414214]]
    """
    t = check_real(t, "t", minimum=0.0, strict=True)
    check_option(norm, "norm", NORMS)
    n_points = check_int(n_points, "n_points", minimum=2)
    theta = np.linspace(0.0, 2.0 * np.pi, n_points)
    theta = np.sort(np.concatenate([theta, [0.5 * np.pi, np.pi, 1.5 * np.pi]]))
    u = np.column_stack([np.cos(theta), np.sin(theta)])
    u[np.isclose(np.abs(u), 0.0, atol=1e-15)] = 0.0
    ell1 = np.abs(u).sum(axis=1)
    if norm == "l1":
        r = t / ell1
    elif norm == "l2":
        r = np.full_like(theta, t)
    else:
        a = _check_ratio(l1_ratio)
        if a == 1.0:
            r = t / ell1
        elif a == 0.0:
            r = np.full_like(theta, np.sqrt(2.0 * t))
        else:  # q r^2 + a l1 r - t = 0 with q = (1 - a) / 2, for the point r u
            q = 0.5 * (1.0 - a)
            r = (-a * ell1 + np.sqrt((a * ell1) ** 2 + 4.0 * q * t)) / (2.0 * q)
    return u * r[:, None]


def level_set(c, Q, level: float, n_points: int = 241) -> np.ndarray:
    """Points of the ellipse ``(w - c)^T Q (w - c) = level`` in 2-D, shape ``(n_points, 2)``.

    ``Q`` must be symmetric positive definite, ``level`` at least 0 and
    ``n_points`` an integer of at least 2.
    """
    c = as_float_array(c, "c", ndim=1)
    Q = as_float_array(Q, "Q", ndim=2)
    if c.shape != (2,) or Q.shape != (2, 2):
        raise ValueError(f"level_set draws 2-D ellipses: c must have shape (2,) and Q (2, 2), got {c.shape}, {Q.shape}")
    level = check_real(level, "level", minimum=0.0)
    n_points = check_int(n_points, "n_points", minimum=2)
    d, V = np.linalg.eigh(_check_shape_matrix(Q))
    theta = np.linspace(0.0, 2.0 * np.pi, n_points)
    circle = np.column_stack([np.cos(theta), np.sin(theta)])
    return c + np.sqrt(level) * (circle / np.sqrt(d)) @ V.T


def random_problem(p: int, rng: np.random.Generator, ridge: float = 0.1) -> tuple[np.ndarray, np.ndarray]:
    """One random problem of the book's Monte Carlo: ``Q = A A^T / p + ridge I`` and ``c ~ N(0, I)``.

    ``A`` has i.i.d. standard normal entries. Returns ``(c, Q)``; the budget is
    drawn by the caller.

    Parameters
    ----------
    p : int
        Dimension, at least 1.
    rng : numpy.random.Generator
        The source of randomness (``np.random.default_rng(seed)``).
    ridge : float, default 0.1
        At least 0; keeps ``Q`` away from singular.
    """
    p = check_int(p, "p", minimum=1)
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a numpy.random.Generator (np.random.default_rng(seed)), got {type(rng).__name__}")
    ridge = check_real(ridge, "ridge", minimum=0.0)
    A = rng.standard_normal((p, p))
    Q = A @ A.T / p + ridge * np.eye(p)
    c = rng.standard_normal(p)
    return c, Q
