"""Tests of sparsity.checks.ch04: each check accepts the right answer and rejects wrong ones."""

import numpy as np
from scipy.optimize import brentq

from sparsity.checks import check_article_l2_point, check_vertex_budget


def test_article_l2_point_both_ways():
    c, Q = np.array([1.8, 1.2]), np.diag([1 / 0.81, 4.0])

    def excess(nu):
        return np.linalg.norm(np.linalg.solve(Q + nu * np.eye(2), Q @ c)) - 1.5

    nu = brentq(excess, 0.0, 100.0, xtol=1e-14)
    w = np.linalg.solve(Q + nu * np.eye(2), Q @ c)
    assert check_article_l2_point(w)
    assert not check_article_l2_point(w * 1.01)
    assert not check_article_l2_point([w[0], -w[1]]), "the article's fourth-quadrant point is wrong"
    assert not check_article_l2_point(w[0])


def test_vertex_budget_both_ways():
    # At the corner (t, 0): g = 2 Q ((t, 0) - c); the corner stops being optimal when |g_2| = |g_1|.
    c, Q = np.array([1.9, -0.5]), np.array([[1.5, -0.6], [-0.6, 1.0]])

    def gap(t):
        g = 2 * Q @ (np.array([t, 0.0]) - c)
        return abs(g[1]) - abs(g[0])

    t_star = brentq(gap, 1e-6, 1.9, xtol=1e-14)
    assert check_vertex_budget(t_star)
    assert not check_vertex_budget(t_star * 1.01)
    assert not check_vertex_budget(1.5)
