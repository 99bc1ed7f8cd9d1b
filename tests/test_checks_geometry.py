"""Tests of sparsity.checks.geometry: each check accepts the right answer and rejects wrong ones."""

import numpy as np
from scipy.optimize import brentq

from sparsity.checks import check_article_l2_point, check_vertex_budget
from sparsity.geometry import constrained_optimum


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
    # At the corner (t, 0): g = 2 Q ((t, 0) - c); the corner is optimal while g_1 < 0 and |g_2| <= -g_1.
    c, Q = np.array([1.9, -0.5]), np.array([[1.5, -0.6], [-0.6, 1.0]])

    def g(t):
        return 2 * Q @ (np.array([t, 0.0]) - c)

    t_star = brentq(lambda t: g(t)[1] + g(t)[0], 1e-6, 1.9, xtol=1e-14)  # g_2 = -g_1
    assert g(t_star)[0] < 0, "the sign condition holds at the answer"
    assert check_vertex_budget(t_star)
    assert not check_vertex_budget(t_star * 1.01)
    assert not check_vertex_budget(1.5)
    # the solver agrees: a vertex just below t*, none just above
    assert constrained_optimum(c, Q, t_star - 1e-6)[1] == 0.0
    assert np.all(constrained_optimum(c, Q, t_star + 1e-6) != 0.0)


def test_vertex_budget_needs_the_sign_condition():
    # |g_2| = |g_1| has a second root below ||c||_1, with g_1 > 0: not a vertex there
    c, Q = np.array([1.9, -0.5]), np.array([[1.5, -0.6], [-0.6, 1.0]])

    def g(t):
        return 2 * Q @ (np.array([t, 0.0]) - c)

    t_wrong = brentq(lambda t: g(t)[1] - g(t)[0], 1.9, np.abs(c).sum(), xtol=1e-14)  # g_2 = g_1
    assert abs(abs(g(t_wrong)[1]) - abs(g(t_wrong)[0])) < 1e-12 and g(t_wrong)[0] > 0
    assert np.all(constrained_optimum(c, Q, t_wrong) != 0.0), "the corner is not the solution there"
    result = check_vertex_budget(t_wrong)
    assert not result
    assert "g_1 > 0" in result.message and "sign condition" in result.message
