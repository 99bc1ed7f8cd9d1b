"""Solvers for ridge, the lasso and the elastic net, written from scratch.

Every function here solves exactly the objective scikit-learn solves, with
the same scaling, so that its answer can be compared with scikit-learn's
number for number (there is no intercept: centre ``X`` and ``y`` first, or
standardise them inside a pipeline, as the book does).

=============  =====================================================================
function       objective (``n`` rows, ``r = y - X w``)
=============  =====================================================================
``ridge``      ``||r||^2 + alpha ||w||^2`` (``Ridge(alpha, fit_intercept=False)``)
``lasso_cd``   ``(1/(2n)) ||r||^2 + alpha ||w||_1`` (``Lasso(alpha, fit_intercept=False)``)
``ista``       the lasso objective above, by proximal gradient (ISTA / FISTA)
``enet_cd``    ``(1/(2n)) ||r||^2 + alpha l1_ratio ||w||_1 + (alpha (1 - l1_ratio) / 2) ||w||^2``
=============  =====================================================================

The textbook lasso ``(1/n) ||r||^2 + lam ||w||_1`` is ``lasso_cd`` with
``alpha = lam / 2``.

Stopping rule
-------------
The iterative solvers stop when the duality gap of the objective is at most
``tol * ||y||^2 / n``, the rule scikit-learn uses (its ``tol`` is relative to
``||y||^2 / n``, the gap of the all-zero start, up to a factor 2). A solver
that reaches ``max_iter`` first warns with :class:`ConvergenceWarning` and
returns its last iterate.
"""

from __future__ import annotations

import contextlib
import functools
import warnings
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from sklearn.exceptions import ConvergenceWarning as _SklearnConvergenceWarning

from ._validation import (
    as_float_array,
    caller_stacklevel,
    check_int,
    check_option,
    check_real,
    check_Xy,
)

__all__ = [
    "ConvergenceWarning",
    "SolverInfo",
    "enet_cd",
    "ista",
    "lasso_cd",
    "lasso_objective",
    "lasso_path",
    "ridge",
    "soft_threshold",
]


class ConvergenceWarning(_SklearnConvergenceWarning):
    """An iterative solver stopped at ``max_iter`` before meeting its tolerance.

    A subclass of scikit-learn's ``ConvergenceWarning``, so one filter silences both.
    """


@dataclass(frozen=True)
class SolverInfo:
    """How an iterative solver finished.

    Attributes
    ----------
    n_iter : int
        Iterations used (sweeps for coordinate descent, gradient steps for ISTA).
    gap : float
        Duality gap of the returned iterate, on the objective's own scale.
    gap_tol : float
        The gap the solver aimed for, ``tol * ||y||^2 / n``.
    converged : bool
        Whether ``gap <= gap_tol``.
    """

    n_iter: int
    gap: float
    gap_tol: float
    converged: bool


# --------------------------------------------------------------------------- threads

_CONTROLLER = None


def _one_blas_thread():
    """A context in which BLAS/LAPACK use one thread.

    The solvers make many small matrix-vector products and solves, for which
    multi-threaded BLAS only adds overhead (and, on a busy machine, long
    waits). threadpoolctl is installed with scikit-learn.
    """
    global _CONTROLLER
    try:
        if _CONTROLLER is None:
            from threadpoolctl import ThreadpoolController

            _CONTROLLER = ThreadpoolController()
        return _CONTROLLER.limit(limits=1, user_api="blas")
    except Exception:  # pragma: no cover - without threadpoolctl, run as is
        return contextlib.nullcontext()


def _single_threaded(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with _one_blas_thread():
            return func(*args, **kwargs)

    return wrapper


# --------------------------------------------------------------------------- checks


def _check_penalty(alpha, name: str = "alpha") -> float:
    return check_real(alpha, name, minimum=0.0)


def _check_l1_ratio(l1_ratio) -> float:
    l1_ratio = check_real(l1_ratio, "l1_ratio")
    if not 0.0 <= l1_ratio <= 1.0:
        raise ValueError(f"l1_ratio must be between 0 and 1, got {l1_ratio}")
    return l1_ratio


def _check_tol(tol) -> float:
    return check_real(tol, "tol", minimum=0.0)


def _check_w0(w0, p: int) -> np.ndarray:
    if w0 is None:
        return np.zeros(p)
    w0 = as_float_array(w0, "w0", ndim=1)
    if w0.shape[0] != p:
        raise ValueError(f"w0 must have one entry per column of X ({p}), got {w0.shape[0]}")
    return w0.copy()


def _check_callback(callback):
    if callback is not None and not callable(callback):
        raise TypeError(f"callback must be callable or None, got {type(callback).__name__}")
    return callback


# --------------------------------------------------------------------------- closed forms


def soft_threshold(z, threshold):
    """Soft-thresholding, ``sign(z) * max(|z| - threshold, 0)``, elementwise.

    It is the minimiser of ``(1/2) (w - z)^2 + threshold * |w|`` over ``w``:
    values within ``threshold`` of zero become exactly zero, the others move
    ``threshold`` towards zero.

    Parameters
    ----------
    z : float or array_like
    threshold : float or array_like
        Non-negative; broadcast against ``z``.

    Returns
    -------
    float or numpy.ndarray
        A float when both arguments are scalars, otherwise an array of the
        broadcast shape. Zeros are ``+0.0``, never ``-0.0``.

    Examples
    --------
    >>> soft_threshold([-3.0, -0.5, 0.2, 2.0], 1.0).tolist()
    [-2.0, 0.0, 0.0, 1.0]
    """
    z_arr = as_float_array(z, "z", allow_empty=True)
    t_arr = as_float_array(threshold, "threshold", allow_empty=True)
    if np.any(t_arr < 0):
        raise ValueError("threshold must be non-negative")
    try:
        out = np.sign(z_arr) * np.maximum(np.abs(z_arr) - t_arr, 0.0) + 0.0
    except ValueError as exc:
        raise ValueError(
            f"threshold of shape {t_arr.shape} does not broadcast against z of shape {z_arr.shape}"
        ) from exc
    return float(out) if out.ndim == 0 else out


def ridge(X, y, alpha) -> np.ndarray:
    """Ridge regression in closed form, scikit-learn's scaling.

    Minimises ``||y - X w||^2 + alpha ||w||^2`` (no ``1/n``), the objective
    of ``sklearn.linear_model.Ridge(alpha, fit_intercept=False)``, so the
    textbook ``(1/n)||y - X w||^2 + lam ||w||^2`` is ``alpha = n * lam``.
    The solution ``(X^T X + alpha I)^{-1} X^T y`` is computed through the
    singular value decomposition ``X = U diag(d) V^T`` as
    ``V diag(d / (d^2 + alpha)) U^T y``, which is stable when ``X`` is
    ill-conditioned and works when ``p > n``. With ``alpha = 0`` it is the
    minimum-norm least-squares solution.

    Parameters
    ----------
    X : array_like of shape (n, p)
    y : array_like of shape (n,)
    alpha : float
        Non-negative penalty.

    Returns
    -------
    numpy.ndarray of shape (p,)
    """
    X, y = check_Xy(X, y)
    alpha = _check_penalty(alpha)
    U, d, Vt = np.linalg.svd(X, full_matrices=False)
    if alpha > 0:
        # d / (d^2 + alpha), written so that d^2 cannot overflow for huge X
        with np.errstate(divide="ignore"):
            factor = 1.0 / (d + alpha / d)
    else:
        keep = d > d[0] * max(X.shape) * np.finfo(float).eps if d.size else d > 0
        factor = np.zeros_like(d)
        factor[keep] = 1.0 / d[keep]
    return Vt.T @ (factor * (U.T @ y))


def lasso_objective(X, y, w, alpha) -> float:
    """The lasso objective ``(1/(2n)) ||y - X w||^2 + alpha ||w||_1`` (scikit-learn's scaling)."""
    X, y = check_Xy(X, y)
    w = as_float_array(w, "w", ndim=1)
    if w.shape[0] != X.shape[1]:
        raise ValueError(f"w must have one entry per column of X ({X.shape[1]}), got {w.shape[0]}")
    alpha = _check_penalty(alpha)
    r = y - X @ w
    return float(r @ r / (2 * X.shape[0]) + alpha * np.abs(w).sum())


# --------------------------------------------------------------------------- duality gap


def _gap(c, q, w, yy_n, a1, a2) -> float:
    """Duality gap of the elastic-net objective, on the objective's scale.

    ``G = X^T X / n``, ``c = X^T y / n``, ``q = G w`` and ``yy_n = ||y||^2 / n``,
    so that ``||r||^2 / n = yy_n - 2 c.w + w.q`` and ``X^T r / n = c - q``.
    The formulas are those of scikit-learn's ``_cd_fast.gap_enet`` divided by ``n``.
    """
    cw = float(c @ w)
    rr = max(yy_n - 2.0 * cw + float(w @ q), 0.0)
    ry = yy_n - cw
    grad = c - q
    ww = float(w @ w) if a2 > 0 else 0.0
    if a1 > 0:
        xta = grad - a2 * w if a2 > 0 else grad
        dual_norm = float(np.max(np.abs(xta))) if xta.size else 0.0
        scale = a1 / dual_norm if dual_norm > a1 else 1.0
        primal = 0.5 * (rr + a2 * ww) + a1 * float(np.abs(w).sum())
        dual = -0.5 * scale * scale * (rr + a2 * ww) + scale * ry
        return primal - dual
    if a2 > 0:  # ridge: scikit-learn's "formulation B"
        return rr + 0.5 * a2 * ww - ry + float(grad @ grad) / (2.0 * a2)
    return float(grad @ grad)  # no penalty: first-order condition X^T r / n = 0


def _warn_not_converged(name: str, max_iter: int, gap: float, gap_tol: float) -> None:
    warnings.warn(
        f"{name} did not converge in max_iter={max_iter} iterations: duality gap {gap:.3e} "
        f"> tolerance {gap_tol:.3e}; the last iterate is returned. Increase max_iter or tol.",
        ConvergenceWarning,
        stacklevel=caller_stacklevel(),
    )


# --------------------------------------------------------------------------- coordinate descent


#: Coordinate descent checks the duality gap at least once every this many sweeps.
_GAP_EVERY = 10
#: Smallest relative move that counts as "barely moved" (rounding floor for tiny tol).
_MOVE_FLOOR = 1e-12
#: Working sets up to this size are swept with Python lists instead of arrays.
_SMALL_SET = 24


def _gram_times(G, w):
    """``G @ w`` for a symmetric ``G``, touching only the rows of the non-zero entries of ``w``."""
    nz = np.flatnonzero(w)
    return w[nz] @ G[nz] if nz.size else np.zeros(G.shape[0])


def _cd_gram(G, c, yy_n, w, a1, a2, tol, max_iter, callback):
    """Cyclic coordinate descent on ``(1/2) w.G w - c.w + a1 ||w||_1 + (a2/2) ||w||^2``.

    Works on the Gram matrix with covariance updates: ``q = G w`` is kept up
    to date, so one coordinate step costs one row of ``G``. Sweeps run over a
    working set (the non-zero coefficients plus the coordinates that violate
    the optimality conditions); when a sweep moves no coefficient by more
    than ``tol`` times the largest one, the duality gap is computed over
    *all* coordinates, and the working set is rebuilt from the violators.
    """
    diag = np.diag(G).copy()
    denom = diag + a2
    gap_tol = tol * yy_n
    d_tol = max(tol, _MOVE_FLOOR)
    q = _gram_times(G, w)
    gap = _gap(c, q, w, yy_n, a1, a2)
    n_iter = 0
    if gap <= gap_tol:
        return w, SolverInfo(0, gap, gap_tol, True)
    usable = denom > 0
    w[~usable] = 0.0
    while n_iter < max_iter:
        grad = c - q
        ws = np.flatnonzero(usable & ((w != 0) | (np.abs(grad) > a1)))
        if ws.size == 0:
            ws = np.flatnonzero(usable)
        # Scalars as Python floats: the inner loop is plain Python arithmetic
        # plus one short vector update per moved coefficient.
        k = ws.size
        # Small working sets are fastest as Python lists, large ones as arrays.
        small = k <= _SMALL_SET
        G_ws = G[ws][:, ws]
        rows = G_ws.tolist() if small else list(G_ws)
        cs = c[ws].tolist()
        ds = denom[ws].tolist()
        dg = diag[ws].tolist()
        wl = w[ws].tolist()
        qw = q[ws].tolist() if small else q[ws].copy()
        order = range(k)
        inner = 0
        while True:
            n_iter += 1
            w_max = 0.0
            d_max = 0.0
            for i in order:
                wi = wl[i]
                z = cs[i] - (qw[i] if small else qw.item(i)) + dg[i] * wi
                if z > a1:
                    new = (z - a1) / ds[i]
                elif z < -a1:
                    new = (z + a1) / ds[i]
                else:
                    new = 0.0
                if new != wi:
                    delta = new - wi
                    if small:
                        row = rows[i]
                        for m in order:
                            qw[m] += delta * row[m]
                    else:
                        qw += delta * rows[i]
                    wl[i] = new
                    if abs(delta) > d_max:
                        d_max = abs(delta)
                if abs(new) > w_max:
                    w_max = abs(new)
            if callback is not None:
                w[ws] = wl
                callback(n_iter, w.copy())
            inner += 1
            # As in scikit-learn, the solver stops when the last sweep barely
            # moved (relative to the largest coefficient) *and* the gap is small.
            # The gap and q are also refreshed every few sweeps in any case.
            small_moves = w_max == 0.0 or d_max <= d_tol * w_max
            if small_moves or inner % _GAP_EVERY == 0 or n_iter >= max_iter:
                break
        w[ws] = wl
        q = _gram_times(G, w)
        gap = _gap(c, q, w, yy_n, a1, a2)
        if small_moves and gap <= gap_tol:
            return w, SolverInfo(n_iter, gap, gap_tol, True)
    return w, SolverInfo(n_iter, gap, gap_tol, False)


def _prepare(X, y, tol, max_iter, w0, callback):
    X, y = check_Xy(X, y)
    tol = _check_tol(tol)
    max_iter = check_int(max_iter, "max_iter", minimum=1)
    w = _check_w0(w0, X.shape[1])
    callback = _check_callback(callback)
    G, c, yy_n = _moments(X, y)
    return G, c, yy_n, w, tol, max_iter, callback


def _moments(X, y):
    """``X^T X / n``, ``X^T y / n`` and ``y.y / n``, refusing values that overflow.

    Every solver works with these three. If one overflows to infinity the
    iterations would produce NaN, zeros or (in the homotopy) never end, so
    the input is rejected instead, as scikit-learn does.
    """
    n = X.shape[0]
    with np.errstate(over="ignore", invalid="ignore"):
        G = X.T @ X / n
        c = X.T @ y / n
        yy_n = float(y @ y) / n
    for value, what in ((G, "X^T X / n"), (c, "X^T y / n"), (yy_n, "y.y / n")):
        if not np.all(np.isfinite(value)):
            raise ValueError(
                f"X and y are too large in magnitude: {what} overflows float64. "
                "Rescale them (for example standardise the columns of X)."
            )
    return G, c, yy_n


@_single_threaded
def lasso_cd(
    X,
    y,
    alpha,
    *,
    tol: float = 1e-4,
    max_iter: int = 1000,
    w0=None,
    callback: Callable[[int, np.ndarray], None] | None = None,
    return_info: bool = False,
):
    """The lasso by cyclic coordinate descent, scikit-learn's scaling.

    Minimises ``(1/(2n)) ||y - X w||^2 + alpha ||w||_1``, the objective of
    ``sklearn.linear_model.Lasso(alpha, fit_intercept=False)``. (The
    textbook ``(1/n)||y - X w||^2 + lam ||w||_1`` is ``alpha = lam / 2``.)

    Each coordinate step is exact: with the others fixed, the best ``w_j``
    is ``soft_threshold(z_j, alpha) / G_jj`` with ``G = X^T X / n`` and
    ``z_j = X_j^T r_j / n`` for the partial residual ``r_j`` that leaves
    feature ``j`` out. The solver works on the Gram matrix ``G`` (computed
    once), sweeps cyclically over the non-zero coefficients and the
    coordinates that violate the optimality conditions, and checks the
    duality gap over all coordinates.

    Parameters
    ----------
    X : array_like of shape (n, p)
    y : array_like of shape (n,)
    alpha : float
        Non-negative penalty (scikit-learn's scale).
    tol : float, default 1e-4
        Stop when the duality gap is at most ``tol * ||y||^2 / n``
        (scikit-learn's rule and default).
    max_iter : int, default 1000
        Maximum number of sweeps. If reached first, a
        :class:`ConvergenceWarning` is issued and the last iterate returned.
    w0 : array_like of shape (p,), optional
        Starting point (warm start); zeros by default.
    callback : callable, optional
        Called as ``callback(iteration, w)`` after every sweep, with a copy of ``w``.
    return_info : bool, default False
        Also return a :class:`SolverInfo`.

    Returns
    -------
    w : numpy.ndarray of shape (p,)
    info : SolverInfo
        Only if ``return_info``.
    """
    alpha = _check_penalty(alpha)
    G, c, yy_n, w, tol, max_iter, callback = _prepare(X, y, tol, max_iter, w0, callback)
    w, info = _cd_gram(G, c, yy_n, w, alpha, 0.0, tol, max_iter, callback)
    if not info.converged:
        _warn_not_converged("lasso_cd", max_iter, info.gap, info.gap_tol)
    return (w, info) if return_info else w


@_single_threaded
def enet_cd(
    X,
    y,
    alpha,
    l1_ratio=0.5,
    *,
    tol: float = 1e-4,
    max_iter: int = 1000,
    w0=None,
    callback: Callable[[int, np.ndarray], None] | None = None,
    return_info: bool = False,
):
    """The elastic net by cyclic coordinate descent, scikit-learn's scaling.

    Minimises ``(1/(2n)) ||y - X w||^2 + alpha * l1_ratio * ||w||_1
    + 0.5 * alpha * (1 - l1_ratio) * ||w||^2``, the objective of
    ``sklearn.linear_model.ElasticNet(alpha, l1_ratio=l1_ratio, fit_intercept=False)``.
    The coordinate step is ``soft_threshold(z_j, alpha * l1_ratio) /
    (G_jj + alpha * (1 - l1_ratio))``. ``l1_ratio = 1`` is :func:`lasso_cd`;
    ``l1_ratio = 0`` is ridge with scikit-learn ``Ridge`` penalty ``n * alpha``.

    Parameters
    ----------
    X : array_like of shape (n, p)
    y : array_like of shape (n,)
    alpha : float
        Non-negative overall penalty.
    l1_ratio : float, default 0.5
        Share of the L1 penalty, between 0 and 1.
    tol, max_iter, w0, callback, return_info
        As in :func:`lasso_cd` (the same duality-gap rule as scikit-learn).

    Returns
    -------
    w : numpy.ndarray of shape (p,)
    info : SolverInfo
        Only if ``return_info``.
    """
    alpha = _check_penalty(alpha)
    l1_ratio = _check_l1_ratio(l1_ratio)
    G, c, yy_n, w, tol, max_iter, callback = _prepare(X, y, tol, max_iter, w0, callback)
    w, info = _cd_gram(G, c, yy_n, w, alpha * l1_ratio, alpha * (1.0 - l1_ratio), tol, max_iter, callback)
    if not info.converged:
        _warn_not_converged("enet_cd", max_iter, info.gap, info.gap_tol)
    return (w, info) if return_info else w


@_single_threaded
def lasso_path(
    X,
    y,
    alphas,
    *,
    method: str = "cd",
    tol: float = 1e-4,
    max_iter: int = 1000,
    return_info: bool = False,
):
    """Lasso solutions over a grid of penalties, warm-started from large to small.

    Solves the problem of :func:`lasso_cd` (scikit-learn's scaling) for every
    ``alpha`` in ``alphas``. The Gram matrix is computed once, the penalties
    are visited in decreasing order, and each solution starts from the
    previous one, so that only a few sweeps are needed per penalty.

    Parameters
    ----------
    X : array_like of shape (n, p)
    y : array_like of shape (n,)
    alphas : array_like of shape (k,)
        Non-negative penalties, in any order.
    method : {"cd", "homotopy"}, default "cd"
        ``"cd"``: warm-started coordinate descent (:func:`lasso_cd`).
        ``"homotopy"``: the exact piecewise-linear path (the lasso variant of
        LARS, Efron et al. 2004), followed knot by knot from ``alpha_max``
        and read off at each penalty; exact up to rounding, so ``tol`` and
        ``max_iter`` are not used. It assumes the path has no ties (true
        with probability one for continuous data) and needs the active
        Gram submatrix to be invertible, so at most ``n`` active features.
    tol : float, default 1e-4
        Duality-gap tolerance for every penalty, as in :func:`lasso_cd`.
    max_iter : int, default 1000
        Maximum sweeps per penalty; a :class:`ConvergenceWarning` names the
        penalties that did not converge.
    return_info : bool, default False
        Also return one :class:`SolverInfo` per penalty.

    Returns
    -------
    coefs : numpy.ndarray of shape (k, p)
        Row ``i`` is the solution for ``alphas[i]`` (the transpose of
        scikit-learn's ``lasso_path`` layout).
    infos : list of SolverInfo
        Only if ``return_info``, in the order of ``alphas``.
    """
    alphas = as_float_array(alphas, "alphas", ndim=1)
    if np.any(alphas < 0):
        raise ValueError("alphas must be non-negative")
    method = check_option(method, "method", ("cd", "homotopy"))
    G, c, yy_n, w, tol, max_iter, _ = _prepare(X, y, tol, max_iter, None, None)
    if method == "homotopy":
        order = np.argsort(-alphas, kind="stable")
        coefs = np.empty((alphas.shape[0], c.shape[0]))
        coefs[order] = _homotopy(G, c, alphas[order])
        if not return_info:
            return coefs
        infos = []
        for a, coef in zip(alphas, coefs, strict=True):
            gap = _gap(c, _gram_times(G, coef), coef, yy_n, float(a), 0.0)
            infos.append(SolverInfo(0, gap, tol * yy_n, gap <= tol * yy_n))
        return coefs, infos
    coefs = np.empty((alphas.shape[0], c.shape[0]))
    infos: list[SolverInfo | None] = [None] * alphas.shape[0]
    for i in np.argsort(-alphas, kind="stable"):
        w, info = _cd_gram(G, c, yy_n, w, float(alphas[i]), 0.0, tol, max_iter, None)
        coefs[i] = w
        infos[i] = info
        w = w.copy()
    failed = [float(alphas[i]) for i, info in enumerate(infos) if not info.converged]
    if failed:
        warnings.warn(
            f"lasso_path did not converge in max_iter={max_iter} sweeps for {len(failed)} "
            f"penalties (alpha = {', '.join(f'{a:.3g}' for a in failed[:5])}"
            f"{', ...' if len(failed) > 5 else ''}); increase max_iter or tol.",
            ConvergenceWarning,
            stacklevel=caller_stacklevel(),
        )
    return (coefs, infos) if return_info else coefs


def _homotopy(G, c, alphas_desc):
    """Exact lasso solutions at decreasing penalties by following the piecewise-linear path.

    On a stretch of the path with active set ``A`` and signs ``s``, the
    optimality conditions ``c_A - G_AA w_A = alpha s`` give
    ``w_A(alpha) = w_A + (alpha_now - alpha) d`` with ``G_AA d = s``. The
    stretch ends at the next knot: an inactive correlation reaching
    ``alpha`` in size (the feature enters) or an active weight reaching
    zero (it leaves).
    """
    p = c.shape[0]
    out = np.zeros((alphas_desc.shape[0], p))
    w = np.zeros(p)
    grad = c.copy()
    lam = float(np.max(np.abs(grad))) if p else 0.0
    k = int(np.searchsorted(-alphas_desc, -lam, side="right"))  # penalties >= alpha_max: all zero
    if k == alphas_desc.shape[0] or lam == 0.0:
        return out
    active = [int(np.argmax(np.abs(grad)))]
    just_dropped = -1
    while k < alphas_desc.shape[0]:
        A = np.array(active)
        s = np.sign(grad[A])
        G_AA = G[np.ix_(A, A)]
        try:
            d = np.linalg.solve(G_AA, s)
        except np.linalg.LinAlgError:
            d = np.linalg.lstsq(G_AA, s, rcond=None)[0]
        a = d @ G[A]  # how fast G w moves as alpha falls
        inactive = np.ones(p, dtype=bool)
        inactive[A] = False
        with np.errstate(divide="ignore", invalid="ignore"):
            up = (lam - grad) / (1.0 - a)
            down = (lam + grad) / (1.0 + a)
            drop = -w[A] / d
        if just_dropped >= 0:
            # A feature that just left sits at |grad| = lam: ignore that trivial
            # root on its own side (it may still re-enter with the other sign).
            if grad[just_dropped] > 0:
                up[just_dropped] = np.inf
            else:
                down[just_dropped] = np.inf
        floor = 1e-12 * lam
        enter = np.where(inactive[:, None], np.stack([up, down], axis=1), np.inf)
        enter = np.where(enter > floor, enter, np.inf).min(axis=1)
        drop = np.where(drop > floor, drop, np.inf)
        j_enter = int(np.argmin(enter)) if p else -1
        i_drop = int(np.argmin(drop)) if drop.size else -1
        gamma = min(enter[j_enter], drop[i_drop] if i_drop >= 0 else np.inf, lam)
        new_lam = lam - gamma
        while k < alphas_desc.shape[0] and alphas_desc[k] >= new_lam:
            out[k, A] = w[A] + (lam - alphas_desc[k]) * d
            k += 1
        w[A] += gamma * d
        lam = new_lam
        if lam <= 0.0:
            out[k:] = w
            break
        just_dropped = -1
        if i_drop >= 0 and drop[i_drop] == gamma:
            j = active.pop(i_drop)
            w[j] = 0.0
            just_dropped = j
        else:
            active.append(j_enter)
        grad = c - _gram_times(G, w)
        if not active:  # everything left the model: restart from the largest correlation
            active = [int(np.argmax(np.abs(grad)))]
    return out


# --------------------------------------------------------------------------- proximal gradient


@_single_threaded
def ista(
    X,
    y,
    alpha,
    *,
    accelerated: bool = True,
    tol: float = 1e-4,
    max_iter: int = 10000,
    w0=None,
    callback: Callable[[int, np.ndarray], None] | None = None,
    return_info: bool = False,
):
    """The lasso by proximal gradient descent: ISTA, or FISTA if ``accelerated``.

    Minimises the objective of :func:`lasso_cd`, ``(1/(2n)) ||y - X w||^2 +
    alpha ||w||_1`` (scikit-learn's ``Lasso`` scaling). Each step is a
    gradient step on the smooth part with step ``1/L``, ``L`` the largest
    eigenvalue of ``X^T X / n``, followed by the proximal map of the penalty,
    which is :func:`soft_threshold` with threshold ``alpha / L``. FISTA
    (Beck and Teboulle, 2009) adds a momentum step; its objective error falls
    like ``1/k^2`` instead of ISTA's ``1/k``. Both are slow on ill-conditioned
    designs, where coordinate descent is the better choice.

    Parameters
    ----------
    X : array_like of shape (n, p)
    y : array_like of shape (n,)
    alpha : float
        Non-negative penalty (scikit-learn's scale).
    accelerated : bool, default True
        FISTA if true, plain ISTA if false.
    tol : float, default 1e-4
        Stop when the duality gap is at most ``tol * ||y||^2 / n``.
    max_iter : int, default 10000
        Maximum number of proximal steps; a :class:`ConvergenceWarning` says so if reached.
    w0 : array_like of shape (p,), optional
        Starting point; zeros by default.
    callback : callable, optional
        Called as ``callback(iteration, w)`` after every step, with a copy of ``w``.
    return_info : bool, default False
        Also return a :class:`SolverInfo`.

    Returns
    -------
    w : numpy.ndarray of shape (p,)
    info : SolverInfo
        Only if ``return_info``.
    """
    if not isinstance(accelerated, (bool, np.bool_)):
        raise TypeError(f"accelerated must be True or False, got {accelerated!r}")
    alpha = _check_penalty(alpha)
    G, c, yy_n, w, tol, max_iter, callback = _prepare(X, y, tol, max_iter, w0, callback)
    gap_tol = tol * yy_n
    L = float(np.linalg.eigvalsh(G)[-1])
    q = G @ w
    gap = _gap(c, q, w, yy_n, alpha, 0.0)
    if gap <= gap_tol or L == 0.0:
        return (w, SolverInfo(0, gap, gap_tol, gap <= gap_tol)) if return_info else w
    step = 1.0 / L
    v, qv, t = w.copy(), q.copy(), 1.0
    n_iter = 0
    for n_iter in range(1, max_iter + 1):
        z = v - step * (qv - c)
        w_new = np.sign(z) * np.maximum(np.abs(z) - step * alpha, 0.0) + 0.0
        q_new = G @ w_new
        if accelerated:
            t_new = 0.5 * (1.0 + np.sqrt(1.0 + 4.0 * t * t))
            beta = (t - 1.0) / t_new
            v = w_new + beta * (w_new - w)
            qv = q_new + beta * (q_new - q)
            t = t_new
        else:
            v, qv = w_new, q_new
        w, q = w_new, q_new
        if callback is not None:
            callback(n_iter, w.copy())
        gap = _gap(c, q, w, yy_n, alpha, 0.0)
        if gap <= gap_tol:
            break
    info = SolverInfo(n_iter, gap, gap_tol, gap <= gap_tol)
    if not info.converged:
        _warn_not_converged("ista" if not accelerated else "ista (FISTA)", max_iter, gap, gap_tol)
    return (w, info) if return_info else w
