"""Tests of sparsity.explorers: the HTML they write, their data and their Python-side numbers.

The in-page JavaScript is tested in a real Chromium by tests/site/test_explorers.py,
which also uses the contact-point oracle and the cases defined here.
"""

from __future__ import annotations

import base64
import json
import re
import tomllib
from pathlib import Path

import numpy as np
import pytest
from scipy.optimize import brentq
from sklearn.linear_model import Lasso, Ridge, lars_path, lasso_path
from sklearn.preprocessing import StandardScaler

from sparsity import load_canonical
from sparsity.explorers import (
    ContactPointExplorer,
    LassoPathExplorer,
    ThresholdExplorer,
    _shape_parameters,
    explorer_assets,
)
from sparsity.geometry import ball_value, constrained_optimum, quadratic_loss

ROOT = Path(__file__).resolve().parent.parent
SVG_NAMESPACE = "http://www.w3.org/2000/svg"  # an identifier in core.js, never fetched
MAX_HTML_BYTES = 80_000  # each explorer's HTML stays in the tens of kilobytes


# --------------------------------------------------------------------------- an independent contact-point oracle


def ball_parameters(t, norm, l1_ratio):
    """The ball as ``a ||w||_1 + q ||w||_2^2 <= b`` (the disc ||w|| <= t is q = 1/2, b = t^2 / 2)."""
    if norm == "l1":
        return 1.0, 0.0, t
    if norm == "l2":
        return 0.0, 0.5, 0.5 * t * t
    return l1_ratio, 0.5 * (1.0 - l1_ratio), t


def boundary_oracle(c, Q, t, norm, l1_ratio=0.5):
    """Minimise the loss along the ball's boundary, parametrised by the angle in each quadrant.

    Written from the definition of the ball and independent of
    sparsity.geometry and of the page's solver: in quadrant ``s`` the boundary
    point in direction ``u = (s1 cos th, s2 sin th)`` is ``r(th) u`` with
    ``a r (cos th + sin th) + q r^2 = b``. The derivative of the loss along
    the boundary is bracketed on a grid and its roots found with ``brentq``;
    the four axis points (the corners) are candidates too. Returns the
    candidate with the smallest loss, or ``c`` when it is inside the ball.
    """
    c, Q = np.asarray(c, dtype=float), np.asarray(Q, dtype=float)
    a, q, b = ball_parameters(t, norm, l1_ratio)
    if a * np.abs(c).sum() + q * (c @ c) <= b:
        return c.copy()

    def radius(th):
        ell = np.cos(th) + np.sin(th)
        return 2.0 * b / (a * ell + np.sqrt((a * ell) ** 2 + 4.0 * q * b))

    def point(th, s):
        return radius(th) * np.array([s[0] * np.cos(th), s[1] * np.sin(th)])

    def slope(th, s):  # d loss / d th along the boundary (th a number or an array)
        ell, dell = np.cos(th) + np.sin(th), np.cos(th) - np.sin(th)
        r = radius(th)
        dr = -a * r * dell / (a * ell + 2.0 * q * r)
        u = np.array([s[0] * np.cos(th), s[1] * np.sin(th)])
        du = np.array([-s[0] * np.sin(th), s[1] * np.cos(th)])
        return 2.0 * np.einsum("i...,ij,j...->...", r * u - c[:, None] if u.ndim > 1 else r * u - c, Q,
                               dr * u + r * du)

    r0 = radius(0.0)
    candidates = [np.array([r0, 0.0]), np.array([-r0, 0.0]), np.array([0.0, r0]), np.array([0.0, -r0])]
    grid = np.linspace(0.0, 0.5 * np.pi, 257)
    for s in ((1, 1), (-1, 1), (-1, -1), (1, -1)):
        d = slope(grid, s)
        for k in np.flatnonzero((d[:-1] < 0) & (d[1:] >= 0)):  # the loss has a local minimum in between
            th = brentq(slope, grid[k], grid[k + 1], args=(s,), xtol=1e-15, rtol=4 * np.finfo(float).eps, maxiter=200)
            candidates.append(point(th, s))
    losses = [quadratic_loss(w, c, Q) for w in candidates]
    return candidates[int(np.argmin(losses))]


def shape_matrix(h1, h2, degrees):
    """Q whose unit ellipse has half-axes h1 (at ``degrees``) and h2."""
    th = np.radians(degrees)
    R = np.array([[np.cos(th), -np.sin(th)], [np.sin(th), np.cos(th)]])
    return R @ np.diag([1.0 / h1**2, 1.0 / h2**2]) @ R.T


def contact_cases(n_random: int = 300, seed: int = 20260) -> list[dict]:
    """Problems for the in-page solver: random shapes, centres, budgets and balls, plus chosen cases.

    Each is a dict with ``c``, ``Q`` (nested lists), ``t``, ``norm`` and ``a``
    (``l1_ratio``). Random: centres in [-2.5, 2.5]^2, half-axes in [0.25, 2]
    (condition numbers up to 64), any rotation, budgets between 5% and 98% of
    the centre's ``g(c)`` (one case in 25 at 125%: the centre inside); the
    balls cycle through L1, L2 and the elastic net with ``l1_ratio`` in (0, 1),
    and a few elastic nets at exactly 0 and 1.
    """
    rng = np.random.default_rng(seed)
    cases = []
    for k in range(n_random):
        Q = shape_matrix(*rng.uniform(0.25, 2.0, 2), rng.uniform(0.0, 180.0))
        norm = ("l1", "l2", "enet")[k % 3]
        a = float(rng.uniform(0.02, 0.98)) if norm == "enet" else 0.5
        if norm == "enet" and k % 30 == 2:
            a = float(k % 60 == 2)  # the two ends: disc of radius sqrt(2 t), diamond
        c = rng.uniform(-2.5, 2.5, 2)
        # the budget: a fraction of what the centre needs, so the ball binds
        # (and, one case in 25, more than it needs: the centre is inside)
        u = 1.25 if k % 25 == 7 else rng.uniform(0.05, 0.98)
        t = u * ball_value(c, norm, a)
        cases.append({"c": c.tolist(), "Q": Q.tolist(), "t": float(t), "norm": norm, "a": a})
    chosen = [  # the chapter's figures, a corner, a centre inside, a centre on an axis
        ([1.8, 1.2], np.diag([1 / 0.81, 4.0]), 1.5),
        ([1.9, -0.5], np.array([[1.5, -0.6], [-0.6, 1.0]]), 1.5),
        ([2.0, -0.25], np.array([[1.5, -0.6], [-0.6, 1.0]]), 1.5),
        ([0.3, -0.2], np.eye(2), 1.5),
        ([2.4, 0.0], shape_matrix(1.0, 0.4, 30.0), 1.0),
    ]
    for c, Q, t in chosen:
        for norm, a in (("l1", 0.5), ("l2", 0.5), ("enet", 0.5), ("enet", 0.9)):
            cases.append({"c": list(c), "Q": np.asarray(Q).tolist(), "t": t, "norm": norm, "a": a})
    return cases


def python_solutions(cases) -> np.ndarray:
    return np.array([constrained_optimum(k["c"], k["Q"], k["t"], k["norm"], k["a"]) for k in cases])


def canonical_design():
    """The standardised training design and centred target of the chapter on paths."""
    ds = load_canonical()
    X = StandardScaler().fit(ds.X_train).transform(ds.X_train)
    return X, ds.y_train - ds.y_train.mean(), ds


# --------------------------------------------------------------------------- the oracle itself


def test_the_oracle_agrees_with_the_geometry_module_on_every_case():
    """Two independent Python solvers of the contact problem agree to 1e-9, corners included."""
    cases = contact_cases()
    ours = np.array([boundary_oracle(k["c"], k["Q"], k["t"], k["norm"], k["a"]) for k in cases])
    theirs = python_solutions(cases)
    assert np.max(np.abs(ours - theirs)) < 1e-9
    # corners are exact zeros in both
    np.testing.assert_array_equal(ours == 0, theirs == 0)
    kinds = [int(np.sum(w == 0)) for w in theirs]
    assert kinds.count(1) >= 40 and kinds.count(0) >= 100, "the cases cover corners and smooth pieces"
    inside = [np.array_equal(w, k["c"]) for w, k in zip(theirs, cases, strict=True)]
    assert 10 <= sum(inside) < len(cases) / 10


# --------------------------------------------------------------------------- the HTML


def all_explorers():
    X, y, ds = canonical_design()
    return [
        ContactPointExplorer(),
        ContactPointExplorer(norms=("l1", "l2")),
        LassoPathExplorer(X, y, ds.feature_names, informative=ds.w_true != 0),
        ThresholdExplorer(),
    ]


@pytest.fixture(scope="module")
def explorers():
    return all_explorers()


def test_html_is_self_contained_and_light(explorers):
    for explorer in explorers:
        html = explorer.html
        assert len(html.encode()) < MAX_HTML_BYTES, type(explorer).__name__
        assert "://" not in html.replace(SVG_NAMESPACE, ""), "no URL: nothing is fetched"
        assert not re.search(r"<link|<iframe|\bimport\(|fetch\(|XMLHttpRequest", html)
        assert " src=" not in html and "<img" not in html, "nothing to load, not even an inline picture"
        assert html.count("<script") == html.count("</script>") == 4
        assert "_anim" not in html and "anim-state" not in html, "not mistaken for a matplotlib animation"
        assert "tex2jax_ignore" in html and "mathjax_ignore" in html, "MathJax leaves it alone"


def test_html_is_deterministic():
    first = [e.html for e in all_explorers()]
    second = [e.html for e in all_explorers()]
    assert first == second


def test_the_data_in_the_page_is_what_python_holds(explorers):
    for explorer in explorers:
        match = re.search(r'<script type="application/json" class="sx-data">(.*?)</script>', explorer.html)
        assert json.loads(match.group(1)) == explorer.data
        assert explorer.data["kind"] == explorer.kind


def test_mimebundle_has_html_png_and_text(explorers):
    for explorer in explorers:
        bundle = explorer._repr_mimebundle_()
        assert set(bundle) == {"text/html", "image/png", "text/plain"}
        assert base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG\r\n\x1a\n")
        assert bundle["image/png"] not in bundle["text/html"], "nbval compares the HTML: no pixels in it"
        assert bundle["text/plain"] == repr(explorer)


def test_assets_ship_with_the_package():
    """lib/pyproject.toml lists the JavaScript and CSS as package data (Colab installs with pip)."""
    config = tomllib.loads((ROOT / "lib" / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["sparsity"]
    folder = ROOT / "lib" / "src" / "sparsity"
    shipped = {p.relative_to(folder).as_posix() for pattern in patterns for p in folder.glob(pattern)}
    assert {f"explorers_js/{name}" for name in explorer_assets()} <= shipped
    for source in explorer_assets().values():
        assert source and "\t" not in source


# --------------------------------------------------------------------------- contact point


def test_contact_explorer_holds_the_solvers_points():
    c, Q = [1.9, -0.5], [[1.5, -0.6], [-0.6, 1.0]]
    explorer = ContactPointExplorer(c, Q, 1.5, l1_ratio=0.9)
    for norm in ("l1", "l2", "enet"):
        np.testing.assert_array_equal(explorer.solutions[norm], constrained_optimum(c, Q, 1.5, norm, 0.9))
    assert explorer.solutions["l1"].tolist() == [1.5, 0.0]
    assert "L1 ball: w = (+1.500, 0)" in repr(explorer), "an exact zero prints as a bare 0"
    data = explorer.data
    assert data["c"] == c and data["Q"] == Q and data["t"] == 1.5 and data["l1_ratio"] == 0.9


@pytest.mark.parametrize("degrees", [0.0, 30.0, 90.0, 135.0, 179.0])
def test_shape_parameters_rebuild_Q(degrees):
    Q = shape_matrix(0.7, 1.6, degrees)
    h1, h2, angle = _shape_parameters(Q)
    np.testing.assert_allclose(shape_matrix(h1, h2, angle), Q, atol=1e-12)
    assert 0.0 <= angle < 180.0
    assert _shape_parameters(np.diag([1 / 0.81, 4.0])) == pytest.approx((0.9, 0.5, 0.0))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"c": [1.0, 2.0, 3.0]}, "c must have shape"),
        ({"c": [9.0, 0.0]}, "c must lie in the drawn square"),
        ({"Q": np.eye(3)}, "Q must have shape"),
        ({"Q": [[1.0, 2.0], [2.0, 1.0]]}, "Q must be positive definite"),
        ({"Q": [[1.0, 0.5], [0.0, 1.0]]}, "Q must be symmetric"),
        ({"t": 0.0}, "t must be greater than 0"),
        ({"norms": ("l1", "l1")}, "norms must name each ball"),
        ({"norms": ()}, "norms must name each ball"),
        ({"norms": ("l3",)}, "norms must be one of"),
        ({"l1_ratio": 1.5}, "l1_ratio must be between 0 and 1"),
        ({"lim": -1.0}, "lim must be greater than 0"),
    ],
)
def test_contact_explorer_rejects_bad_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        ContactPointExplorer(**kwargs)


def test_contact_explorer_rejects_a_string_of_norms():
    with pytest.raises(TypeError, match="norms must be a sequence"):
        ContactPointExplorer(norms="l1")


# --------------------------------------------------------------------------- lasso path


@pytest.fixture(scope="module")
def path_explorer():
    X, y, ds = canonical_design()
    return LassoPathExplorer(X, y, ds.feature_names, informative=ds.w_true != 0)


def test_path_knots_are_lars_on_the_lasso_scale(path_explorer):
    X, y, _ = canonical_design()
    alphas, _, coefs = lars_path(X, y, method="lasso")
    np.testing.assert_allclose(path_explorer.alphas, alphas, rtol=1e-11, atol=0)
    np.testing.assert_allclose(path_explorer.coefs, coefs, rtol=1e-11, atol=1e-300)
    np.testing.assert_array_equal(path_explorer.coefs == 0, coefs == 0)
    alpha_max = np.max(np.abs(X.T @ y)) / len(y)
    assert path_explorer.alphas[0] == pytest.approx(alpha_max, rel=1e-11)
    assert np.all(path_explorer.alphas <= alphas), "knots are rounded downwards"
    np.testing.assert_array_equal(path_explorer.coef_at(alpha_max), np.zeros(X.shape[1]))
    assert path_explorer.alphas[-1] == 0


def test_path_interpolation_is_the_lasso_at_any_alpha(path_explorer):
    """Linear interpolation between the knots equals scikit-learn's lasso_path (tight tolerance)."""
    X, y, _ = canonical_design()
    hi, lo = path_explorer.alpha_range
    rng = np.random.default_rng(9)
    alphas = np.sort(np.exp(rng.uniform(np.log(lo), np.log(hi), 12)))[::-1]
    alphas = np.concatenate([[np.max(np.abs(X.T @ y)) / len(y)], alphas])  # alpha_max too
    _, W, _ = lasso_path(X, y, alphas=alphas, tol=1e-12, max_iter=100_000)
    ours = np.array([path_explorer.coef_at(a) for a in alphas]).T
    assert np.max(np.abs(ours - W)) < 1e-9
    np.testing.assert_array_equal(ours == 0, W == 0)
    np.testing.assert_array_equal(path_explorer.coef_at(2 * hi), np.zeros(X.shape[1]))
    knot = path_explorer.alphas[3]
    np.testing.assert_array_equal(path_explorer.coef_at(knot), path_explorer.coefs[:, 3])


def test_path_explorer_data_and_styles(path_explorer):
    data = path_explorer.data
    assert data["alphas"] == path_explorer.alphas.tolist()
    assert len(data["coefs"]) == len(data["alphas"]) and len(data["coefs"][0]) == 10
    assert data["dashed"] == [False] * 3 + [True] * 7
    hi, lo = data["range"]
    assert hi > data["alphas"][0] and 0 < lo < min(a for a in data["alphas"] if a > 0)
    assert "3 of 10 weights non-zero" in repr(path_explorer)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"feature_names": ["a"]}, ValueError, "feature_names must be a sequence of 3"),
        ({"alpha": 100.0}, ValueError, "alpha must lie in the slider's range"),
        ({"alpha": -1.0}, ValueError, "alpha must be greater than 0"),
        ({"informative": [1, 0, 1]}, ValueError, "informative must be a boolean array"),
        ({"units": 3}, TypeError, "units must be a string"),
    ],
)
def test_path_explorer_rejects_bad_input(kwargs, error, message):
    X = np.random.default_rng(0).standard_normal((20, 3))
    y = X @ [1.0, 0.0, -1.0]
    with pytest.raises(error, match=message):
        LassoPathExplorer(X, y, **kwargs)


def test_path_explorer_rejects_bad_data():
    X = np.random.default_rng(0).standard_normal((20, 3))
    with pytest.raises(ValueError, match="same number of rows"):
        LassoPathExplorer(X, np.zeros(19))
    with pytest.raises(ValueError, match="orthogonal to every column"):
        LassoPathExplorer(X, np.zeros(20))


# --------------------------------------------------------------------------- thresholding


def test_threshold_rules_are_sklearn_on_an_orthogonal_design():
    """On X^T X = n I, Lasso(alpha) soft-thresholds and Ridge(alpha) multiplies by n / (n + alpha)."""
    n, p = 200, 6
    rng = np.random.default_rng(3)
    A = rng.standard_normal((n, p))
    X = np.sqrt(n) * np.linalg.qr(A - A.mean(axis=0))[0]
    w_ols = np.array([-2.2, -0.7, -0.1, 0.0, 0.4, 1.3])
    y = X @ w_ols  # its least-squares weights are w_ols
    alpha, ridge_alpha = 0.5, 30.0
    rules = ThresholdExplorer.rules(w_ols, alpha, ridge_alpha, n)
    lasso = Lasso(alpha=alpha, fit_intercept=False, tol=1e-14, max_iter=100_000).fit(X, y).coef_
    ridge = Ridge(alpha=ridge_alpha, fit_intercept=False).fit(X, y).coef_
    np.testing.assert_allclose(rules["soft"], lasso, atol=1e-10)
    np.testing.assert_array_equal(rules["soft"] == 0, np.abs(w_ols) <= alpha)
    np.testing.assert_allclose(rules["ridge"], ridge, atol=1e-10)
    np.testing.assert_array_equal(rules["hard"], np.where(np.abs(w_ols) > alpha, w_ols, 0.0))
    assert not np.any(np.signbit(rules["soft"][rules["soft"] == 0])), "no -0"


def test_threshold_explorer_values_and_text():
    explorer = ThresholdExplorer(w_ols=-1.5, alpha=0.5, ridge_alpha=200.0, n=200)
    assert explorer.values() == {"z": -1.5, "soft": -1.0, "hard": -1.5, "ridge": -0.75}
    assert "lasso (soft) -1.000, hard (L0) -1.500, ridge -0.750" in repr(explorer)
    assert "lasso (soft) 0," in repr(ThresholdExplorer(w_ols=0.3, alpha=0.5))


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"w_ols": 4.0}, ValueError, "w_ols must lie in"),
        ({"alpha": -0.1}, ValueError, "alpha must be at least 0"),
        ({"alpha": 5.0}, ValueError, "alpha must lie in"),
        ({"ridge_alpha": -1.0}, ValueError, "ridge_alpha must be at least 0"),
        ({"n": 0}, ValueError, "n must be at least 1"),
        ({"n": 2.5}, TypeError, "n must be an integer"),
        ({"zlim": 0.0}, ValueError, "zlim must be greater than 0"),
    ],
)
def test_threshold_explorer_rejects_bad_input(kwargs, error, message):
    with pytest.raises(error, match=message):
        ThresholdExplorer(**kwargs)
