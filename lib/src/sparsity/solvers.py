"""The lasso and the elastic net, solved from scratch as the book teaches them.

Every function here solves exactly the objective scikit-learn solves, with
the same scaling, so that its answer can be compared with scikit-learn's
number for number (there is no intercept: centre ``X`` and ``y`` first, or
standardise them inside a pipeline, as the book does).

==============  =====================================================================
function        objective (``n`` rows, ``r = y - X w``)
==============  =====================================================================
``lasso_cd``    ``(1/(2n)) ||r||^2 + alpha ||w||_1`` (``Lasso(alpha, fit_intercept=False)``)
``lasso_path``  the same, over a grid of ``alpha`` (strong rule, working set, KKT
                check; or the exact homotopy)
``ista``        the lasso objective above, by proximal gradient (ISTA / FISTA)
``enet_cd``     ``(1/(2n)) ||r||^2 + alpha l1_ratio ||w||_1 + (alpha (1 - l1_ratio) / 2) ||w||^2``
==============  =====================================================================

The chapter on soft-thresholding (``ch-soft-thresholding``) writes
coordinate descent and ISTA from scratch and shows that these functions give
the same numbers; every coordinate step here and every ISTA step calls
:func:`soft_threshold`. The chapter on paths (``sec-screening``) derives the
screening rules that :func:`lasso_path` uses.

The textbook lasso ``(1/n) ||r||^2 + lam ||w||_1`` is ``lasso_cd`` with
``alpha = lam / 2``.

Stopping rule
-------------
The iterative solvers stop when the duality gap of the objective is at most
``tol * ||y||^2 / n``, the rule scikit-learn uses (its ``tol`` is relative to
``||y||^2 / n``, the gap of the all-zero start, up to a factor 2). A solver
that reaches ``max_iter`` first warns with :class:`ConvergenceWarning` and
returns its last iterate."""

from __future__ import annotations

import contextlib
import functools
import warnings
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy.linalg import solve_triangular
from sklearn.exceptions import ConvergenceWarning as _SklearnConvergenceWarning

from ._validation import (
    as_float_array,
    caller_stacklevel,
    check_int,
    check_option,
    check_real,
    check_Xy,
)
from .screening import kkt_violations, strong_rule

__all__ = [
    "ConvergenceWarning",
    "SolverInfo",
    "enet_cd",
    "ista",
    "lasso_cd",
    "lasso_path",
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
    working_set : int or None
        :func:`lasso_path` only: how many features the last solve at this
        penalty used (the strong rule's set plus the KKT check's additions).
    violations : int
        :func:`lasso_path` only: how many features the KKT check added back
        to the working set (discarded, but violating the optimality
        conditions), before solving again.
    """

    n_iter: int
    gap: float
    gap_tol: float
    converged: bool
    working_set: int | None = None
    violations: int = 0


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

_INF = float("inf")


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
    # Two finite Python floats (the coordinate step of coordinate descent):
    # the same rule in plain arithmetic, without building arrays.
    if type(z) is float and type(threshold) is float and -_INF < z < _INF and 0.0 <= threshold < _INF:
        if z > threshold:
            return z - threshold
        if z < -threshold:
            return z + threshold
        return 0.0
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
                new = soft_threshold(z, a1) / ds[i]
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


def _check_moments_finite(gram, c, yy_n) -> None:
    """Reject X and y whose moments overflow: the solvers would return NaN or never end."""
    for value, what in ((gram, "X^T X / n"), (c, "X^T y / n"), (yy_n, "y.y / n")):
        if not np.all(np.isfinite(value)):
            raise ValueError(
                f"X and y are too large in magnitude: {what} overflows float64. "
                "Rescale them (for example standardise the columns of X)."
            )


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
    _check_moments_finite(G, c, yy_n)
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
    ``alpha`` in ``alphas``, visiting the penalties in decreasing order.

    With ``method="cd"`` each penalty is solved by coordinate descent
    (:func:`lasso_cd`'s algorithm), started from the previous solution, on a
    *working set* of features chosen before solving (the book's section
    ``sec-screening`` derives the rules):

    1. the sequential strong rule (:func:`sparsity.screening.strong_rule`,
       Tibshirani et al. 2012) keeps the features with
       ``|X_j^T r| / n >= 2 alpha - alpha_prev``, ``r`` the residual at the
       previous penalty, plus every feature that is already non-zero;
    2. coordinate descent solves the lasso on those columns only, with the
       Gram matrix of the working set (columns of ``X^T X / n`` are computed
       when a feature first enters it and kept, so the ``p x p`` Gram
       matrix is never formed);
    3. the KKT check (:func:`sparsity.screening.kkt_violations`) computes
       ``X^T r / n`` for *all* features: a discarded feature with
       ``|X_j^T r| / n > alpha`` violates the optimality conditions, is added
       to the working set, and the penalty is solved again.

    When penalties are far apart (``alpha < alpha_prev / 2``) the strong rule
    keeps every feature; the working set then grows by at most
    ``max(2 n, 100)`` features at a time, those with the largest
    ``|X_j^T r| / n``, and the KKT check adds any others that are needed.

    The answer is therefore the lasso solution on all features, with the
    duality gap of the full problem (the strong rule only saves work).

    Parameters
    ----------
    X : array_like of shape (n, p)
    y : array_like of shape (n,)
    alphas : array_like of shape (k,)
        Non-negative penalties, in any order.
    method : {"cd", "homotopy"}, default "cd"
        ``"cd"``: warm-started coordinate descent with the strong rule, as
        above. ``"homotopy"``: the exact piecewise-linear path (the lasso
        variant of LARS, Efron et al. 2004), followed knot by knot from
        ``alpha_max`` and read off at each penalty; exact up to rounding, so
        ``tol`` and ``max_iter`` are not used. It assumes the path has no
        ties (true with probability one for continuous data); a feature whose
        column is a combination of the active ones (possible once ``n``
        features are active) is not admitted.
    tol : float, default 1e-4
        Duality-gap tolerance for every penalty, as in :func:`lasso_cd`.
    max_iter : int, default 1000
        Maximum sweeps per penalty (per solve on a working set); a
        :class:`ConvergenceWarning` names the penalties that did not converge.
    return_info : bool, default False
        Also return one :class:`SolverInfo` per penalty.

    Returns
    -------
    coefs : numpy.ndarray of shape (k, p)
        Row ``i`` is the solution for ``alphas[i]`` (the transpose of
        scikit-learn's ``lasso_path`` layout).
    infos : list of SolverInfo
        Only if ``return_info``, in the order of ``alphas``. For
        ``method="cd"`` they also give the size of the final working set and
        the number of strong-rule violations the KKT check caught.
    """
    alphas = as_float_array(alphas, "alphas", ndim=1)
    if np.any(alphas < 0):
        raise ValueError("alphas must be non-negative")
    method = check_option(method, "method", ("cd", "homotopy"))
    X, y = check_Xy(X, y)
    tol = _check_tol(tol)
    max_iter = check_int(max_iter, "max_iter", minimum=1)
    c, col_sq, yy_n = _path_moments(X, y)
    order = np.argsort(-alphas, kind="stable")
    coefs = np.empty((alphas.shape[0], c.shape[0]))
    if method == "homotopy":
        coefs[order] = _homotopy_path(X, c, alphas[order])
        if not return_info:
            return coefs
        infos = []
        for a, coef in zip(alphas, coefs, strict=True):
            r = y - X @ coef
            gap = _gap_from_residual(r, X.T @ r / X.shape[0], y, coef, float(a))
            infos.append(SolverInfo(0, gap, tol * yy_n, gap <= tol * yy_n))
        return coefs, infos
    coefs[order], infos_desc = _cd_path(X, y, c, col_sq, yy_n, alphas[order], tol, max_iter)
    infos = [None] * alphas.shape[0]
    for i, info in zip(order, infos_desc, strict=True):
        infos[i] = info
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


def _path_moments(X, y):
    """``X^T y / n``, the diagonal of ``X^T X / n`` and ``y.y / n``, refusing overflow.

    The path solvers never form ``X^T X``; its entries are bounded by its
    diagonal (Cauchy-Schwarz), so a finite diagonal is the check that
    :func:`_moments` makes on the whole matrix.
    """
    n = X.shape[0]
    with np.errstate(over="ignore", invalid="ignore"):
        c = X.T @ y / n
        col_sq = np.einsum("ij,ij->j", X, X) / n
        yy_n = float(y @ y) / n
    _check_moments_finite(col_sq, c, yy_n)
    return c, col_sq, yy_n


def _gap_from_residual(r, corr, y, w, alpha) -> float:
    """Lasso duality gap (scikit-learn's, divided by ``n``) from the residual ``r`` and ``corr = X^T r / n``."""
    n = r.shape[0]
    rr = float(r @ r) / n
    dual_norm = float(np.max(np.abs(corr))) if corr.size else 0.0
    scale = alpha / dual_norm if dual_norm > alpha else 1.0
    primal = 0.5 * rr + alpha * float(np.abs(w).sum())
    dual = -0.5 * scale * scale * rr + scale * float(r @ y) / n
    return primal - dual


class _GramColumns:
    """Blocks of ``X^T X / n`` for a growing set of features, each entry computed once."""

    def __init__(self, X):
        self.X = X
        self.n = X.shape[0]
        self.where = np.full(X.shape[1], -1)  # feature -> row of the cache, or -1
        self.block = np.zeros((0, 0))  # X_S^T X_S / n for the cached features S
        self.size = 0

    def __call__(self, features: np.ndarray) -> np.ndarray:
        """``G[features][:, features]``, computing the entries of new features."""
        new = features[self.where[features] < 0]
        if new.size:
            old = np.flatnonzero(self.where >= 0)
            old = old[np.argsort(self.where[old])]
            X_new = self.X[:, new]
            m, k = self.size, new.size
            block = np.empty((m + k, m + k))
            block[:m, :m] = self.block
            cross = self.X[:, old].T @ X_new / self.n if m else np.zeros((0, k))
            block[:m, m:] = cross
            block[m:, :m] = cross.T
            block[m:, m:] = X_new.T @ X_new / self.n
            self.block, self.size = block, m + k
            self.where[new] = np.arange(m, m + k)
        rows = self.where[features]
        return self.block[np.ix_(rows, rows)]


def _working_set_limit(n: int) -> int:
    """The most features added to a working set at once (a lasso solution has at most ``n`` non-zeros)."""
    return max(2 * n, 100)


def _largest_only(mask, corr, w, limit) -> None:
    """Trim ``mask`` in place to its non-zero weights plus its ``limit`` largest ``|corr|``.

    When the penalties are far apart (``alpha < alpha_prev / 2``) the strong
    rule keeps every feature; the working set is then built from the
    features most likely to enter, and the KKT check adds the others if needed.
    """
    nonzero = np.flatnonzero(w) if w.size else np.zeros(0, dtype=int)
    candidates = np.flatnonzero(mask)
    candidates = candidates[~np.isin(candidates, nonzero)]
    if candidates.size > limit:
        drop = candidates[np.argsort(-np.abs(corr[candidates]), kind="stable")[limit:]]
        mask[drop] = False


def _cd_path(X, y, c, col_sq, yy_n, alphas_desc, tol, max_iter):
    """Coordinate descent along decreasing penalties: strong rule, working set, KKT check.

    Returns the solutions (one row per penalty) and one :class:`SolverInfo` each.
    """
    n, p = X.shape
    gram = _GramColumns(X)
    w = np.zeros(p)
    corr = c.copy()  # X^T r / n at the current solution
    alpha_prev = float(np.max(np.abs(c))) if p else 0.0  # alpha_max: w = 0 there
    coefs = np.zeros((alphas_desc.shape[0], p))
    infos = []
    for i, alpha in enumerate(alphas_desc.tolist()):
        kept = strong_rule(corr, alpha, max(alpha_prev, alpha)) | (w != 0)
        kept &= col_sq > 0  # a column of zeros has weight zero
        _largest_only(kept, corr, w, _working_set_limit(n))
        violations = 0
        while True:
            ws = np.flatnonzero(kept)
            if ws.size:
                w_ws, info = _cd_gram(gram(ws), c[ws], yy_n, w[ws], alpha, 0.0, tol, max_iter, None)
                w[:] = 0.0
                w[ws] = w_ws
            else:
                info = SolverInfo(0, 0.0, tol * yy_n, True)
            nz = np.flatnonzero(w)
            r = y - X[:, nz] @ w[nz]
            corr = X.T @ r / n
            missed = kkt_violations(corr, alpha, kept)
            if missed.size == 0:
                break
            add = np.zeros(p, dtype=bool)
            add[missed] = True
            _largest_only(add, corr, np.zeros(0), _working_set_limit(n))
            violations += int(add.sum())
            kept |= add
        gap = _gap_from_residual(r, corr, y, w, alpha)
        infos.append(SolverInfo(info.n_iter, gap, info.gap_tol, info.converged, int(ws.size), violations))
        coefs[i] = w
        alpha_prev = alpha
    return coefs, infos


# --------------------------------------------------------------------------- the homotopy


def _follow_lasso_path(c, gram_columns):
    """Follow the lasso path of ``(1/2) w^T G w - c^T w + lam ||w||_1`` from ``lam = max |c|`` down to 0.

    ``G`` is symmetric positive semi-definite and known only through
    ``gram_columns(j)``, its column ``j``. A generator: it yields each linear
    piece of the path as ``(lam_hi, lam_lo, A, s, w_A, d)``, meaning that for
    ``lam`` between ``lam_lo`` and ``lam_hi`` the solution is zero off the
    active set ``A`` and ``w_A + (lam_hi - lam) d`` on it, with signs ``s``.
    The arrays are the generator's own and change on the next step: copy what
    must be kept. Used by :func:`lasso_path` (``G = X^T X / n``) and by
    :func:`sparsity.geometry.constrained_optimum` (``G = Q``).

    On a piece, the optimality conditions ``c_A - G_AA w_A = lam s`` give
    ``G_AA d = s``. The piece ends at the next knot: an inactive correlation
    ``c_j - (G w)_j`` reaching ``lam`` in size (``j`` enters with that sign)
    or an active weight reaching zero (it leaves). ``G_AA`` is never
    factorised from scratch: its Cholesky factor ``R`` (``G_AA = R^T R``) is
    extended by one row when a feature enters and brought back to triangular
    form by Givens rotations when one leaves, so a knot costs ``O(|A|^2)``
    plus one product with the active columns of ``G``.
    """
    p = c.shape[0]
    grad = np.array(c, dtype=float)  # c - G w
    lam = float(np.max(np.abs(grad))) if p else 0.0
    if lam == 0.0:
        return
    cap = min(p, 16)
    R = np.zeros((cap, cap))  # Cholesky factor of G_AA, upper triangular
    G_A = np.zeros((p, cap), order="F")  # the active columns of G
    s = np.zeros(cap)
    w_A = np.zeros(cap)
    active: list[int] = []
    inactive = np.ones(p, dtype=bool)
    just_left = -1

    def enter(j: int, sign: float) -> bool:
        nonlocal R, G_A, s, w_A, cap
        k = len(active)
        g = gram_columns(j)
        g_jj = float(g[j])
        if k:
            u = solve_triangular(R[:k, :k], g[active], trans="T", check_finite=False)
            rho2 = g_jj - float(u @ u)
        else:
            u, rho2 = np.zeros(0), g_jj
        if not rho2 > 1e-10 * g_jj:  # column j is (numerically) a combination of the active ones
            return False
        if k == cap:
            cap = min(p, 2 * cap)
            R = np.pad(R, ((0, cap - k), (0, cap - k)))
            G_A = np.asfortranarray(np.pad(G_A, ((0, 0), (0, cap - k))))
            s, w_A = np.pad(s, (0, cap - k)), np.pad(w_A, (0, cap - k))
        R[:k, k] = u
        R[k, k] = np.sqrt(rho2)
        G_A[:, k] = g
        s[k], w_A[k] = sign, 0.0
        active.append(j)
        inactive[j] = False
        return True

    def leave(i: int) -> int:
        """Remove the ``i``-th active feature; Givens rotations restore ``R``."""
        k = len(active)
        R[:k, i : k - 1] = R[:k, i + 1 : k]
        for m in range(i, k - 1):  # R is now upper Hessenberg from column i on
            a, b = R[m, m], R[m + 1, m]
            h = np.hypot(a, b)
            cos, sin = a / h, b / h
            top, bottom = R[m, m : k - 1].copy(), R[m + 1, m : k - 1].copy()
            R[m, m : k - 1] = cos * top + sin * bottom
            R[m + 1, m : k - 1] = cos * bottom - sin * top
        R[k - 1, :k] = 0.0
        R[:k, k - 1] = 0.0
        for arr in (s, w_A):
            arr[i : k - 1] = arr[i + 1 : k]
        G_A[:, i : k - 1] = G_A[:, i + 1 : k]
        j = active.pop(i)
        inactive[j] = True
        return j

    blocked = np.zeros(p, dtype=bool)  # features that cannot enter: collinear with the active ones
    j = int(np.argmax(np.abs(grad)))
    enter(j, float(np.sign(grad[j])))
    while lam > 0.0:
        k = len(active)
        if k == 0:  # cannot happen on an exact path; restart from the largest correlation
            j = int(np.argmax(np.where(blocked, 0.0, np.abs(grad))))
            if blocked[j] or not enter(j, float(np.sign(grad[j]))):
                return
            continue
        Rk = R[:k, :k]
        d = solve_triangular(Rk, solve_triangular(Rk, s[:k], trans="T", check_finite=False), check_finite=False)
        a = G_A[:, :k] @ d  # how fast G w moves as lam falls
        floor = 1e-12 * lam
        with np.errstate(divide="ignore", invalid="ignore"):
            up = (lam - grad) / (1.0 - a)  # c_j - (G w)_j reaches +lam
            down = (lam + grad) / (1.0 + a)  # ... or -lam
            drop = -w_A[:k] / d
        closed = ~inactive | blocked
        up[closed | ~(up > floor)] = np.inf
        down[closed | ~(down > floor)] = np.inf
        if just_left >= 0:  # it sits at |c_j - (G w)_j| = lam: ignore that root on its side
            (up if grad[just_left] > 0 else down)[just_left] = np.inf
        drop[~(drop > floor)] = np.inf
        j_up, j_down, i_drop = int(np.argmin(up)), int(np.argmin(down)), int(np.argmin(drop))
        gamma = min(up[j_up], down[j_down], drop[i_drop], lam)
        yield lam, lam - gamma, np.array(active), s[:k], w_A[:k], d
        w_A[:k] += gamma * d
        grad -= gamma * a
        lam -= gamma
        grad[active] = lam * s[:k]  # exact on the active set
        if lam <= 0.0:
            return
        just_left = -1
        if gamma == drop[i_drop]:
            just_left = leave(i_drop)
        else:
            j, sign = (j_up, 1.0) if gamma == up[j_up] else (j_down, -1.0)
            if not enter(j, sign):
                blocked[j] = True


def _homotopy_path(X, c, alphas_desc):
    """Exact lasso solutions at decreasing penalties, read off the path of :func:`_follow_lasso_path`."""
    n, p = X.shape
    out = np.zeros((alphas_desc.shape[0], p))
    if p <= n:  # a small Gram matrix: compute it once
        G = X.T @ X / n

        def column(j):
            return G[:, j]
    else:

        def column(j):
            return X.T @ X[:, j] / n

    k = 0
    lam_lo = float(np.max(np.abs(c))) if p else 0.0
    while k < alphas_desc.shape[0] and alphas_desc[k] >= lam_lo:  # above alpha_max: all zero
        k += 1
    w = np.zeros(p)
    for lam_hi, lam_lo, A, _, w_A, d in _follow_lasso_path(c, column):
        while k < alphas_desc.shape[0] and alphas_desc[k] >= lam_lo:
            out[k, A] = w_A + (lam_hi - alphas_desc[k]) * d
            k += 1
        if k == alphas_desc.shape[0]:
            break
        w[:] = 0.0
        w[A] = w_A + (lam_hi - lam_lo) * d
    out[k:] = w  # below the end of the path (lam = 0 reached)
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
        w_new = soft_threshold(z, step * alpha)
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
