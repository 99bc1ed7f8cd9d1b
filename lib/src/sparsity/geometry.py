"""Exact contact points: a quadratic loss minimised over an L1, L2 or elastic-net ball.

The book's geometric argument is about one problem,

.. math::

    \\min_w \\; (w - c)^\\top Q \\, (w - c) \\quad \\text{subject to} \\quad g(w) \\le t,

where ``c`` is the centre of the loss ellipses (the unpenalised solution), ``Q``
is positive definite (their shape) and ``g`` is one of

* ``"l1"``:   ``g(w) = ||w||_1`` (a diamond in 2-D, a cross-polytope in p-D);
* ``"l2"``:   ``g(w) = ||w||_2`` (a disc, a ball);
* ``"enet"``: ``g(w) = l1_ratio * ||w||_1 + (1 - l1_ratio) * ||w||_2^2``.

Note the square in the elastic-net ball: with ``l1_ratio=0`` it is the L2 ball of
radius ``sqrt(t)``, with ``l1_ratio=1`` the L1 ball of size ``t``.

:func:`constrained_optimum` solves it exactly. For the L1 ball it follows the
piecewise-linear homotopy of the penalised problem
``(w - c)^T Q (w - c) + mu ||w||_1`` from ``mu = infinity`` (where ``w = 0``)
down to the multiplier at which ``||w||_1 = t``, then recomputes the solution
with one linear solve on the identified support and signs, so every coordinate
off the support is exactly ``0.0``. The L2 ball is solved through the secular
equation in the eigenbasis of ``Q``; the elastic-net ball by identifying the
support with the same homotopy and solving the smooth problem on it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import brentq

from ._validation import as_float_array, check_option, check_real

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
    scale = max(1.0, float(np.max(np.abs(Q))))
    if not np.allclose(Q, Q.T, rtol=0.0, atol=1e-10 * scale):
        raise ValueError("Q must be symmetric")
    Q = 0.5 * (Q + Q.T)
    try:
        np.linalg.cholesky(Q)
    except np.linalg.LinAlgError:
        raise ValueError("Q must be positive definite (all eigenvalues > 0)") from None
    if np.min(np.linalg.eigvalsh(Q)) <= 1e-12 * scale:
        raise ValueError("Q must be positive definite (all eigenvalues > 0); it is numerically singular")
    t = check_real(t, "t", minimum=0.0, strict=True)
    return c, Q, t


def _check_ratio(l1_ratio) -> float:
    l1_ratio = check_real(l1_ratio, "l1_ratio", minimum=0.0)
    if l1_ratio > 1.0:
        raise ValueError(f"l1_ratio must be between 0 and 1, got {l1_ratio}")
    return l1_ratio


# --------------------------------------------------------------------------- small helpers


def quadratic_loss(w, c, Q) -> float:
    """The loss ``(w - c)^T Q (w - c)`` whose level sets are the ellipses of the figures."""
    d = np.asarray(w, dtype=float) - np.asarray(c, dtype=float)
    return float(d @ np.asarray(Q, dtype=float) @ d)


def ball_value(w, norm: str = "l1", l1_ratio: float = 0.5) -> float:
    """The constraint function ``g(w)`` of the ball named ``norm`` (see the module docstring)."""
    check_option(norm, "norm", NORMS)
    w = as_float_array(w, "w", ndim=1)
    if norm == "l1":
        return float(np.sum(np.abs(w)))
    if norm == "l2":
        return float(np.sqrt(np.sum(w * w)))
    a = _check_ratio(l1_ratio)
    return float(a * np.sum(np.abs(w)) + (1.0 - a) * np.sum(w * w))


# --------------------------------------------------------------------------- the L1 homotopy


@dataclass(frozen=True)
class _Path:
    active: list[int]
    signs: np.ndarray
    lam: float


def _homotopy(G: np.ndarray, b: np.ndarray, *, l1_target: float | None = None,
              lam_target: float | None = None, max_steps: int | None = None) -> _Path:
    """Follow ``argmin_w w^T G w - 2 b^T w + 2 lam ||w||_1`` from ``lam = max|b|`` downwards.

    Stops where ``||w||_1`` reaches ``l1_target`` or where ``lam`` reaches
    ``lam_target`` and returns the active set, its signs and the stopping ``lam``.
    Optimality: ``r = b - G w`` equals ``lam * sign(w_j)`` on the active set and
    is at most ``lam`` in absolute value elsewhere.
    """
    p = b.shape[0]
    max_steps = max_steps or 20 * p + 20
    lam = float(np.max(np.abs(b)))
    if lam_target is not None and lam_target >= lam:
        return _Path(active=[], signs=np.zeros(0), lam=lam_target)
    j = int(np.argmax(np.abs(b)))
    active = [j]
    signs = [float(np.sign(b[j]))]
    dropped = -1
    scale = max(lam, 1e-300)
    for _ in range(max_steps):
        A = np.array(active)
        s = np.array(signs)
        GA = G[np.ix_(A, A)]
        wA = np.linalg.solve(GA, b[A] - lam * s)
        dA = np.linalg.solve(GA, s)          # w_A(lam - delta) = w_A + delta * d_A
        candidates = [np.inf]
        # the stopping events
        if l1_target is not None:
            slope = float(s @ dA)
            candidates.append((l1_target - float(s @ wA)) / slope)
        if lam_target is not None:
            candidates.append(lam - lam_target)
        stop = min(candidates)
        # a coordinate joins: |r_j - delta a_j| = lam - delta
        inactive = np.setdiff1d(np.arange(p), A)
        join_delta, join_j, join_sign = np.inf, -1, 0.0
        if inactive.size:
            w = np.zeros(p)
            w[A] = wA
            r = b[inactive] - G[inactive] @ w
            a = G[np.ix_(inactive, A)] @ dA
            with np.errstate(divide="ignore", invalid="ignore"):
                d_plus = (lam - r) / (1.0 - a)      # r_j - delta a_j = +(lam - delta)
                d_minus = (lam + r) / (1.0 + a)     # r_j - delta a_j = -(lam - delta)
            for k, j in enumerate(inactive):
                for delta, sign in ((d_plus[k], 1.0), (d_minus[k], -1.0)):
                    if not np.isfinite(delta) or delta <= 1e-13 * scale or (j == dropped and delta <= 1e-9 * scale):
                        continue
                    if delta < join_delta:
                        join_delta, join_j, join_sign = float(delta), int(j), sign
        # a coordinate leaves: w_j + delta d_j = 0
        leave_delta, leave_k = np.inf, -1
        with np.errstate(divide="ignore", invalid="ignore"):
            deltas = -wA / dA
        for k, delta in enumerate(deltas):
            if np.isfinite(delta) and delta > 1e-13 * scale and delta < leave_delta:
                leave_delta, leave_k = float(delta), k
        if stop <= min(join_delta, leave_delta):
            return _Path(active=list(active), signs=np.array(signs), lam=lam - max(stop, 0.0))
        if join_delta <= leave_delta:
            lam -= join_delta
            active.append(join_j)
            signs.append(join_sign)
            dropped = -1
        else:
            lam -= leave_delta
            dropped = active.pop(leave_k)
            signs.pop(leave_k)
            if not active:  # the path went back to zero: restart from the current lam
                raise RuntimeError("homotopy emptied its active set")  # pragma: no cover
    raise RuntimeError("homotopy did not converge; is Q badly conditioned?")  # pragma: no cover


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
    """Given an approximate multiplier, fix support and signs and solve the smooth problem on them."""
    b = Q @ c
    G = Q + nu0 * (1.0 - a) * np.eye(len(c))
    path = _homotopy(G, b, lam_target=0.5 * nu0 * a)
    A, s = np.array(path.active), path.signs
    dQ, V = np.linalg.eigh(Q[np.ix_(A, A)])

    def w_on(nu: float) -> np.ndarray:
        rhs = V.T @ (b[A] - 0.5 * nu * a * s)
        return V @ (rhs / (dQ + nu * (1.0 - a)))

    def excess(nu: float) -> float:
        wA = w_on(nu)
        return a * float(s @ wA) + (1.0 - a) * float(wA @ wA) - t

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
    return w, nu


def _enet(c: np.ndarray, Q: np.ndarray, t: float, a: float) -> tuple[np.ndarray, float]:
    if a == 1.0:
        return _l1(c, Q, t)
    if a == 0.0:
        return _l2(c, Q, float(np.sqrt(t)))
    if a * np.sum(np.abs(c)) + (1.0 - a) * float(c @ c) <= t:
        return c.copy(), 0.0
    b = Q @ c
    eye = np.eye(len(c))

    def excess(nu: float) -> float:
        G = Q + nu * (1.0 - a) * eye
        path = _homotopy(G, b, lam_target=0.5 * nu * a)
        w = np.zeros_like(c)
        if path.active:
            A = np.array(path.active)
            w[A] = np.linalg.solve(G[np.ix_(A, A)], b[A] - 0.5 * nu * a * path.signs)
        return a * float(np.sum(np.abs(w))) + (1.0 - a) * float(w @ w) - t

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
        ``l1_ratio ||w||_1 + (1 - l1_ratio) ||w||_2^2 <= t``.
    l1_ratio : float in [0, 1], default 0.5
        Mix of the elastic-net ball (ignored for the other balls).
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
    for ``"enet"`` it is ``2 Q (w - c) + mu * (l1_ratio s + 2 (1 - l1_ratio) w) = 0``.

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
    """
    w = as_float_array(w, "w", ndim=1)
    c = as_float_array(c, "c", ndim=1)
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
    """Points on the boundary of a 2-D ball, shape ``(n_points, 2)``, closed (last = first).

    The L1 boundary includes the four vertices exactly.
    """
    t = check_real(t, "t", minimum=0.0, strict=True)
    check_option(norm, "norm", NORMS)
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
            r = np.full_like(theta, np.sqrt(t))
        else:  # (1 - a) r^2 + a l1 r - t = 0
            q = 1.0 - a
            r = (-a * ell1 + np.sqrt((a * ell1) ** 2 + 4.0 * q * t)) / (2.0 * q)
    return u * r[:, None]


def level_set(c, Q, level: float, n_points: int = 241) -> np.ndarray:
    """Points of the ellipse ``(w - c)^T Q (w - c) = level`` in 2-D, shape ``(n_points, 2)``."""
    c = as_float_array(c, "c", ndim=1)
    Q = as_float_array(Q, "Q", ndim=2)
    if c.shape != (2,) or Q.shape != (2, 2):
        raise ValueError(f"level_set draws 2-D ellipses: c must have shape (2,) and Q (2, 2), got {c.shape}, {Q.shape}")
    level = check_real(level, "level", minimum=0.0)
    d, V = np.linalg.eigh(0.5 * (Q + Q.T))
    if np.min(d) <= 0:
        raise ValueError("Q must be positive definite (all eigenvalues > 0)")
    theta = np.linspace(0.0, 2.0 * np.pi, n_points)
    circle = np.column_stack([np.cos(theta), np.sin(theta)])
    return c + np.sqrt(level) * (circle / np.sqrt(d)) @ V.T


def random_problem(p: int, rng: np.random.Generator, ridge: float = 0.1) -> tuple[np.ndarray, np.ndarray]:
    """One random problem of the book's Monte Carlo: ``Q = A A^T / p + ridge I`` and ``c ~ N(0, I)``.

    ``A`` has i.i.d. standard normal entries. Returns ``(c, Q)``; the budget is
    drawn by the caller.
    """
    A = rng.standard_normal((p, p))
    Q = A @ A.T / p + ridge * np.eye(p)
    c = rng.standard_normal(p)
    return c, Q
