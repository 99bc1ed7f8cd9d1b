"""Screening rules: features known to be zero before the solver runs.

Chapter 9 (section "Zeros known before solving") derives these rules from the
lasso's KKT condition, for the objective ``||y - X w||^2 / (2 n) + alpha ||w||_1``
(scikit-learn's scaling): at the solution, with residual ``r = y - X w``, a
feature with ``|X_j^T r| / n < alpha`` has a zero weight.

The optimal residual ``r*`` is the Euclidean projection of ``y`` onto the
polytope ``{rho : ||X^T rho||_inf / n <= alpha}`` (the dual problem). A
*sphere rule* knows a ball ``||rho - center|| <= radius`` that contains ``r*``
and bounds ``|X_j^T r*| / n`` by ``(|X_j^T center| + ||X_j|| radius) / n``:

- :func:`safe_rule`, the basic SAFE rule (El Ghaoui, Viallon & Rabbani 2012):
  the ball around ``y`` through the feasible point ``y alpha / alpha_max``;
- :func:`gap_safe_rule`, the gap-safe sphere (Fercoq, Gramfort & Salmon 2015):
  the ball around a feasible point built by rescaling the residual of any
  ``w`` (:func:`dual_point`), of radius ``sqrt(2 n gap)``.

Both are *safe*: a feature they discard is zero in every solution. The
sequential strong rule (:func:`strong_rule`, Tibshirani et al. 2012) is not
safe; :func:`kkt_violations` finds its rare mistakes after solving.

Every rule returns a boolean mask of the features it KEEPS.
"""

from __future__ import annotations

import numpy as np

from ._validation import as_float_array, check_real, check_Xy

__all__ = [
    "ROUNDOFF_SLACK",
    "dual_point",
    "gap_safe_rule",
    "kkt_violations",
    "safe_rule",
    "sphere_test",
    "strong_rule",
]

ROUNDOFF_SLACK = 1e-9
"""Relative slack of :func:`sphere_test`: discard only bounds below ``alpha (1 - slack)``."""


def _check_alpha(alpha) -> float:
    return check_real(alpha, "alpha", minimum=0.0, strict=True)


def sphere_test(X, center, radius, alpha) -> np.ndarray:
    """Features a ball containing the optimal residual cannot rule out.

    If the optimal residual ``r*`` satisfies ``||r* - center|| <= radius``,
    then ``|X_j^T r*| / n <= (|X_j^T center| + ||X_j|| radius) / n`` (the
    Cauchy-Schwarz inequality), and a feature for which this bound is below
    ``alpha`` has weight zero. The comparison allows a relative slack of
    :data:`ROUNDOFF_SLACK` against round-off: a feature whose bound equals
    ``alpha`` up to rounding (an active feature, with a ball of radius zero
    around the optimal residual) is kept.

    Parameters
    ----------
    X : array_like of shape (n, p)
    center : array_like of shape (n,)
    radius : float
        Non-negative.
    alpha : float
        The lasso penalty (scikit-learn's scaling), positive.

    Returns
    -------
    numpy.ndarray of bool, shape (p,)
        ``True`` for the features kept (the bound reaches ``alpha``).
    """
    X, center = check_Xy(X, center, y_name="center")
    radius = check_real(radius, "radius", minimum=0.0)
    alpha = _check_alpha(alpha)
    n = X.shape[0]
    bound = (np.abs(X.T @ center) + np.linalg.norm(X, axis=0) * radius) / n
    return bound >= alpha * (1.0 - ROUNDOFF_SLACK)


def safe_rule(X, y, alpha) -> np.ndarray:
    """The basic SAFE rule of El Ghaoui, Viallon & Rabbani (2012).

    With ``alpha_max = max_j |X_j^T y| / n``, the point ``y alpha / alpha_max``
    satisfies the dual constraint, so the projection ``r*`` of ``y`` lies
    within ``||y|| (1 - alpha / alpha_max)`` of ``y``. The rule is
    :func:`sphere_test` on that ball: it needs only ``X``, ``y`` and
    ``alpha``, no solution.

    Parameters
    ----------
    X : array_like of shape (n, p)
    y : array_like of shape (n,)
    alpha : float
        The lasso penalty (scikit-learn's scaling), positive.

    Returns
    -------
    numpy.ndarray of bool, shape (p,)
        ``True`` for the features kept.
    """
    X, y = check_Xy(X, y)
    alpha = _check_alpha(alpha)
    alpha_max = np.max(np.abs(X.T @ y)) / X.shape[0]
    radius = np.linalg.norm(y) * max(0.0, 1.0 - alpha / alpha_max) if alpha_max > 0 else 0.0
    return sphere_test(X, y, radius, alpha)


def dual_point(X, y, w, alpha) -> tuple[np.ndarray, float]:
    """A dual feasible residual from any ``w``, and the duality gap it certifies.

    The residual ``r = y - X w`` is rescaled, ``rho = s r`` with
    ``s = min(1, alpha / (||X^T r||_inf / n))``, so that
    ``||X^T rho||_inf / n <= alpha``. The dual objective is
    ``D(rho) = (||y||^2 - ||y - rho||^2) / (2 n)`` and the gap is
    ``P(w) - D(rho)``, ``P`` the lasso objective (the same gap as
    scikit-learn's ``dual_gap_``).

    Parameters
    ----------
    X : array_like of shape (n, p)
    y : array_like of shape (n,)
    w : array_like of shape (p,)
        Any weights, for example the solution at the previous penalty.
    alpha : float
        The lasso penalty (scikit-learn's scaling), positive.

    Returns
    -------
    rho : numpy.ndarray of shape (n,)
    gap : float
        Non-negative up to round-off.
    """
    X, y = check_Xy(X, y)
    w = as_float_array(w, "w", ndim=1)
    if w.shape[0] != X.shape[1]:
        raise ValueError(f"w must have one weight per column of X ({X.shape[1]}), got {w.shape[0]}")
    alpha = _check_alpha(alpha)
    n = X.shape[0]
    r = y - X @ w
    dual_norm = np.max(np.abs(X.T @ r)) / n
    rho = r * min(1.0, alpha / dual_norm) if dual_norm > 0 else r
    primal = r @ r / (2 * n) + alpha * np.abs(w).sum()
    dual = (y @ y - (y - rho) @ (y - rho)) / (2 * n)
    return rho, float(primal - dual)


def gap_safe_rule(X, y, w, alpha) -> np.ndarray:
    """The gap-safe sphere rule of Fercoq, Gramfort & Salmon (2015).

    The dual objective is strongly concave, so the optimal residual lies
    within ``sqrt(2 n gap)`` of the feasible point ``rho`` of
    :func:`dual_point`; the rule is :func:`sphere_test` on that ball. Safe
    for any ``w``; the closer ``w`` is to the solution, the smaller the gap
    and the more it discards.

    Parameters
    ----------
    X : array_like of shape (n, p)
    y : array_like of shape (n,)
    w : array_like of shape (p,)
    alpha : float
        The lasso penalty (scikit-learn's scaling), positive.

    Returns
    -------
    numpy.ndarray of bool, shape (p,)
        ``True`` for the features kept.
    """
    rho, gap = dual_point(X, y, w, alpha)
    radius = np.sqrt(2 * np.shape(X)[0] * max(gap, 0.0))
    return sphere_test(X, rho, radius, alpha)


def strong_rule(correlations, alpha: float, alpha_prev: float) -> np.ndarray:
    """The sequential strong rule (Tibshirani et al., 2012).

    ``correlations`` is ``X^T r / n`` at the solution for the previous
    penalty ``alpha_prev`` (``r`` its residual). Returns a boolean mask of the
    features KEPT: those with ``|c_j| >= 2 alpha - alpha_prev``. The rule
    assumes that ``|X_j^T r| / n`` changes no faster than ``alpha`` along the
    path; that is not always true, so the rule is not safe: a discarded
    feature can still be non-zero, which :func:`kkt_violations` detects after
    solving. (No input validation: it runs inside the path solver's loop.)

    Parameters
    ----------
    correlations : array_like of shape (p,)
    alpha : float
        The new penalty.
    alpha_prev : float
        The previous penalty, at which ``correlations`` were computed.

    Returns
    -------
    numpy.ndarray of bool, shape (p,)
    """
    c = np.abs(np.asarray(correlations, dtype=float))
    return c >= 2.0 * alpha - alpha_prev


def kkt_violations(correlations, alpha: float, kept, tol: float = 0.0) -> np.ndarray:
    """Indices of discarded features that violate the KKT condition.

    ``correlations`` is ``X^T r / n`` at the solution found on the kept
    features; a discarded feature ``j`` (``kept[j]`` False) violates the
    condition when ``|c_j| > alpha (1 + tol)``. If there is none, the
    solution on the kept features is a solution of the full problem. (No
    input validation: it runs inside the path solver's loop.)

    Parameters
    ----------
    correlations : array_like of shape (p,)
    alpha : float
    kept : array_like of bool, shape (p,)
    tol : float, default 0.0
        Relative slack on ``alpha``.

    Returns
    -------
    numpy.ndarray of int
        The violating features, in increasing order.
    """
    c = np.abs(np.asarray(correlations, dtype=float))
    kept = np.asarray(kept, dtype=bool)
    return np.flatnonzero(~kept & (c > alpha * (1.0 + tol)))
