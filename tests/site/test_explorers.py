"""The in-page explorers of sparsity.explorers in a real Chromium, with the network cut off.

These tests do not need the built site: each loads an explorer's HTML into a
blank page (``page.set_content``) and blocks every request, so a figure that
needed a file or the network would fail. They check that the JavaScript
solvers give Python's numbers, that the controls answer the keyboard and the
pointer, and that several explorers share a page without clashing.
"""

from __future__ import annotations

import importlib.util
import time

import numpy as np
import pytest
from sklearn.linear_model import lasso_path

from sparsity.explorers import ContactPointExplorer, LassoPathExplorer, ThresholdExplorer
from sparsity.geometry import constrained_optimum

from .conftest import ROOT, SITE, site_pages

# The contact-point cases and the independent oracle are shared with the unit tests.
_spec = importlib.util.spec_from_file_location("explorer_unit_tests", ROOT / "tests" / "test_explorers.py")
_unit = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_unit)
boundary_oracle, contact_cases, python_solutions = _unit.boundary_oracle, _unit.contact_cases, _unit.python_solutions
canonical_design = _unit.canonical_design

TOLERANCE = 1e-9
FOCUS_BLUE = "rgb(11, 87, 208)"  # the focus ring of explorers.css


@pytest.fixture
def open_html(browser):
    """Open HTML in a fresh page with every request blocked; return (page, errors, requests)."""
    contexts = []

    def _open(html: str):
        context = browser.new_context()
        contexts.append(context)
        requests: list[str] = []

        def route(r):
            requests.append(r.request.url)
            r.abort()

        context.route("**/*", route)
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.set_content('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>explorer</title>'
                         f"</head><body>{html}</body></html>")
        return page, errors, requests

    yield _open
    for context in contexts:
        context.close()


def weight_text(x: float) -> str:
    """The page's way of printing a weight: a bare 0 for an exact zero, a true minus sign."""
    return "0" if x == 0 else f"{x:+.3f}".replace("-", "\u2212")


# --------------------------------------------------------------------------- contact point


def test_in_page_contact_solver_agrees_with_python(open_html):
    """At least 200 problems: every ball, corners and smooth pieces, shapes with condition numbers up to 64."""
    cases = contact_cases()
    assert len(cases) >= 200
    page, errors, requests = open_html(ContactPointExplorer().html)
    start = time.perf_counter()
    js = np.array(page.evaluate(
        "cases => cases.map(k => window.sparsityExplorers.contact.solve(k.c, k.Q, k.t, k.norm, k.a))", cases))
    seconds = time.perf_counter() - start
    py = python_solutions(cases)
    oracle = np.array([boundary_oracle(k["c"], k["Q"], k["t"], k["norm"], k["a"]) for k in cases])
    err_py, err_oracle = np.max(np.abs(js - py)), np.max(np.abs(js - oracle))
    print(f"\n{len(cases)} cases in {seconds:.2f} s; largest difference from constrained_optimum "
          f"{err_py:.1e}, from the boundary oracle {err_oracle:.1e}")
    assert err_py < TOLERANCE and err_oracle < TOLERANCE
    # the exact zeros are the same zeros: a corner is a corner in the page too
    np.testing.assert_array_equal(js == 0, py == 0)
    corners = [k["norm"] for k, w in zip(cases, py, strict=True) if np.sum(w == 0) == 1]
    assert corners.count("l1") >= 30 and corners.count("enet") >= 20
    assert sum(np.all(w != 0) and not np.array_equal(w, k["c"]) for k, w in zip(cases, py, strict=True)) >= 100
    assert not errors and not requests


def test_contact_explorer_follows_the_keyboard(open_html):
    explorer = ContactPointExplorer()
    page, errors, requests = open_html(explorer.html)
    root = page.locator(".sparsity-explorer")
    first = page.locator(".sx-weights").first
    before = first.text_content()
    handle = page.locator(".sx-handle").first
    handle.focus()
    assert page.evaluate("() => document.activeElement.classList.contains('sx-handle')")
    stroke = page.evaluate("() => getComputedStyle(document.activeElement.querySelector('.sx-hit')).stroke")
    assert stroke == FOCUS_BLUE, "the focused centre shows a focus ring"
    for _ in range(4):
        page.keyboard.press("ArrowLeft")
    page.keyboard.press("Shift+ArrowDown")
    state = root.evaluate("r => r.sparsityExplorer.state()")
    assert state["c"] == pytest.approx([1.8 - 4 * 0.05, 1.2 - 0.25], abs=1e-12)
    after = first.text_content()
    assert after != before
    w = constrained_optimum(state["c"], state["Q"], state["t"], "l1")
    assert f"w = ({weight_text(w[0])}, {weight_text(w[1])})" in after
    assert "L1 ball: w = (" in page.locator(".sx-readout").text_content(), "the live region says it too"

    # the budget slider: ten presses of the left arrow take 0.1 off t
    budget = page.get_by_label("budget t")
    budget.focus()
    for _ in range(10):
        page.keyboard.press("ArrowLeft")
    state = root.evaluate("r => r.sparsityExplorer.state()")
    assert state["t"] == pytest.approx(1.4)
    js = root.evaluate("r => r.sparsityExplorer.solutions()")
    for norm in ("l1", "l2", "enet"):
        py = constrained_optimum(state["c"], state["Q"], state["t"], norm, state["l1_ratio"])
        assert np.max(np.abs(np.array(js[norm]) - py)) < TOLERANCE
    assert not errors and not requests


def test_contact_explorer_follows_the_pointer_and_prints_exact_zeros(open_html):
    page, errors, requests = open_html(ContactPointExplorer(lim=2.6).html)
    root = page.locator(".sparsity-explorer")
    svg = page.locator("svg.sx-plot").first
    box = svg.bounding_box()
    pad, size, lim = 18, 240, 2.6

    def client(x, y):  # data coordinates to the page's pixels
        scale = (size - 2 * pad) / (2 * lim)
        return box["x"] + (pad + (x + lim) * scale) * box["width"] / size, \
            box["y"] + (pad + (lim - y) * scale) * box["height"] / size

    page.mouse.move(*client(1.8, 1.2))
    page.mouse.down()
    page.mouse.move(*client(0.5, 2.0), steps=4)
    page.mouse.move(*client(1.9, -0.5), steps=4)
    page.mouse.up()
    state = root.evaluate("r => r.sparsityExplorer.state()")
    assert state["c"] == pytest.approx([1.9, -0.5], abs=0.03)

    # a centre whose L1 solution is the corner (1.5, 0): the page prints a bare 0
    tilted = [[1.5, -0.6], [-0.6, 1.0]]
    root.evaluate("(r, Q) => r.sparsityExplorer.set({c: [1.9, -0.5], Q: Q, t: 1.5})", tilted)
    assert page.locator(".sx-weights").first.text_content().startswith("w = (+1.500, 0), on a corner")
    w = root.evaluate("r => r.sparsityExplorer.solutions()")["l1"]
    assert w == [1.5, 0.0] and constrained_optimum([1.9, -0.5], tilted, 1.5).tolist() == w
    assert not errors and not requests


# --------------------------------------------------------------------------- lasso path


@pytest.fixture(scope="module")
def path_setup():
    X, y, ds = canonical_design()
    return X, y, LassoPathExplorer(X, y, ds.feature_names, informative=ds.w_true != 0)


def test_in_page_path_is_scikit_learns_lasso_path(open_html, path_setup):
    X, y, explorer = path_setup
    page, errors, requests = open_html(explorer.html)
    hi, lo = explorer.alpha_range
    rng = np.random.default_rng(2026)
    alphas = np.sort(np.exp(rng.uniform(np.log(lo), np.log(hi), 25)))[::-1]
    _, W, _ = lasso_path(X, y, alphas=alphas, tol=1e-12, max_iter=100_000)
    js = np.array(page.evaluate(
        "([data, alphas]) => alphas.map(a => window.sparsityExplorers.path.coefAt(data, a))",
        [explorer.data, alphas.tolist()])).T
    err = np.max(np.abs(js - W))
    print(f"\nlargest difference from lasso_path(tol=1e-12) at {alphas.size} random alphas: {err:.1e}")
    assert err < TOLERANCE
    np.testing.assert_array_equal(js == 0, W == 0)
    # through the mounted explorer: its table prints the same numbers
    root = page.locator(".sparsity-explorer")
    for i in (0, 12, 24):
        root.evaluate("(r, a) => r.sparsityExplorer.setAlpha(a)", float(alphas[i]))
        coef = np.array(root.evaluate("r => r.sparsityExplorer.coef()"))
        assert np.max(np.abs(coef - W[:, i])) < TOLERANCE
        cells = page.locator(".sx-table td").all_text_contents()
        assert cells == [weight_text(v) for v in coef]
    assert not errors and not requests


def test_path_slider_and_knot_buttons_move_alpha(open_html, path_setup):
    _, _, explorer = path_setup
    page, errors, requests = open_html(explorer.html)
    root = page.locator(".sparsity-explorer")
    slider = page.get_by_label("alpha (Lasso scale)")
    before = page.locator(".sx-table td").all_text_contents()
    slider.focus()
    for _ in range(40):
        page.keyboard.press("ArrowRight")  # right: smaller alpha
    alpha = root.evaluate("r => r.sparsityExplorer.alpha()")
    hi, lo = explorer.alpha_range
    position = round(1000 * np.log(hi / explorer.alpha) / np.log(hi / lo)) + 40
    assert alpha == pytest.approx(hi * (lo / hi) ** (position / 1000), rel=1e-12)
    cells = page.locator(".sx-table td").all_text_contents()
    assert cells != before and cells == [weight_text(v) for v in explorer.coef_at(alpha)]

    # the knot buttons land exactly on knots, where features enter or leave
    page.get_by_role("button", name="next knot: smaller alpha").click()
    knot = root.evaluate("r => r.sparsityExplorer.alpha()")
    assert knot in explorer.alphas.tolist() and knot < alpha
    assert "At a knot: " in page.locator(".sx-readout").text_content()
    np.testing.assert_array_equal(root.evaluate("r => r.sparsityExplorer.coef()"),
                                  explorer.coefs[:, explorer.alphas.tolist().index(knot)])
    page.get_by_role("button", name="previous knot: larger alpha").click()
    assert root.evaluate("r => r.sparsityExplorer.alpha()") > knot
    assert not errors and not requests


# --------------------------------------------------------------------------- thresholding


def test_thresholding_in_the_page_is_pythons(open_html):
    explorer = ThresholdExplorer(w_ols=0.8, alpha=1.0, ridge_alpha=20.0, n=200)
    page, errors, requests = open_html(explorer.html)
    z = np.round(np.linspace(-3, 3, 121), 10)
    for alpha, ridge_alpha in ((1.0, 20.0), (0.37, 150.0)):
        js = page.evaluate(
            "([z, a, r, n]) => { const t = window.sparsityExplorers.threshold;"
            " return {soft: z.map(v => t.soft(v, a)), hard: z.map(v => t.hard(v, a)),"
            " ridge: z.map(v => t.ridge(v, r, n))}; }", [z.tolist(), alpha, ridge_alpha, 200])
        py = ThresholdExplorer.rules(z, alpha, ridge_alpha, 200)
        for key in ("soft", "hard", "ridge"):
            np.testing.assert_array_equal(js[key], py[key])
    root = page.locator(".sparsity-explorer")
    assert page.locator(".sx-table td").all_text_contents() == ["+0.800", "0", "0", "+0.727"]
    page.get_by_label("OLS weight").focus()
    for _ in range(50):
        page.keyboard.press("ArrowRight")  # 0.80 -> 1.30: out of the band
    values = root.evaluate("r => r.sparsityExplorer.values()")
    assert values["z"] == pytest.approx(1.3)
    py = {k: float(v[0]) for k, v in ThresholdExplorer.rules([values["z"]], 1.0, 20.0, 200).items()}
    assert {k: values[k] for k in py} == py
    assert page.locator(".sx-table td").all_text_contents() == [
        weight_text(values["z"]), weight_text(py["soft"]), weight_text(py["hard"]), weight_text(py["ridge"])]
    assert not errors and not requests


# --------------------------------------------------------------------------- several on one page, accessibility


def test_several_explorers_share_a_page(open_html, path_setup):
    _, _, path = path_setup
    contact = ContactPointExplorer(norms=("l1", "l2")).html
    html = contact + contact + path.html + ThresholdExplorer().html
    page, errors, requests = open_html('<script>window.__before = Object.keys(window);</script>' + html)
    assert page.locator(".sparsity-explorer[data-mounted=true]").count() == 4
    assert page.locator(".sx-fallback").count() == 0, "the text fallback is gone once the figure runs"
    ids = page.evaluate("() => Array.from(document.querySelectorAll('[id]')).map(e => e.id)")
    assert len(ids) == len(set(ids)), "every id on the page is unique"
    new = page.evaluate("() => Object.keys(window).filter(k => !window.__before.includes(k) && k !== '__before')")
    assert new == ["sparsityExplorers"], "one global namespace, nothing else"
    # the two identical contact explorers move independently
    roots = page.locator(".sparsity-explorer")
    roots.nth(0).evaluate("r => r.sparsityExplorer.set({c: [0.5, 0.5]})")
    assert roots.nth(1).evaluate("r => r.sparsityExplorer.state().c") == [1.8, 1.2]
    assert not errors and not requests


def test_controls_are_labelled_for_screen_readers(open_html, path_setup):
    _, _, path = path_setup
    html = ContactPointExplorer().html + path.html + ThresholdExplorer().html
    page, errors, _ = open_html(html)
    unlabelled = page.evaluate(
        """() => Array.from(document.querySelectorAll('input, button, [tabindex]')).filter(e =>
               !(e.getAttribute('aria-label') || '').trim()
               || (e.tagName === 'INPUT' && !document.querySelector('label[for="' + e.id + '"]')))
               .map(e => e.outerHTML.slice(0, 80))""")
    assert not unlabelled
    assert page.locator(".sparsity-explorer [aria-live=polite]").count() == 3
    handles = page.locator(".sx-handle")
    assert handles.count() == 3
    for k in range(3):
        assert handles.nth(k).get_attribute("tabindex") == "0"
        assert handles.nth(k).get_attribute("role") == "slider"
        assert handles.nth(k).get_attribute("aria-valuetext").startswith("c = (")
        assert handles.nth(k).get_attribute("aria-valuenow") == "1.8"
    sliders = page.locator("input[type=range]")
    for k in range(sliders.count()):
        assert sliders.nth(k).get_attribute("aria-valuetext")
    assert not errors


def test_explorers_pass_the_accessibility_audit(open_html, path_setup):
    """axe-core (tests/site/test_a11y.py) finds no critical or serious violation, with no allowance at all."""
    from .test_a11y import failing, inject_and_audit

    _, _, path = path_setup
    page, errors, requests = open_html(ContactPointExplorer().html + path.html + ThresholdExplorer().html)
    assert page.locator(".sparsity-explorer[data-mounted=true]").count() == 3
    violations = inject_and_audit(page, allowed={})
    assert not failing(violations), failing(violations)
    # after the reader moved every control, still none (the live texts change)
    for k in range(page.locator(".sparsity-explorer input[type=range]").count()):
        page.locator(".sparsity-explorer input[type=range]").nth(k).focus()
        page.keyboard.press("ArrowLeft")
    assert not failing(inject_and_audit(page, allowed={}))
    assert not errors and not requests


def _tab_stops_operate_the_figure(page, root) -> list[str]:
    """Tab through ``root`` from the top of the page; at each stop the keyboard must change the figure.

    At each stop: arrow keys on a slider (Left, then Right if Left hit the end),
    Enter on a button. Returns the accessible names of the stops, in order.
    """
    def picture():  # everything the reader sees change: the drawing and the printed numbers
        return root.evaluate("r => Array.from(r.querySelectorAll('svg, .sx-readout, .sx-weights, .sx-table'))"
                             ".map(e => e.innerHTML).join('|')")

    stops = []
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    for _ in range(40):
        page.keyboard.press("Tab")
        inside = root.evaluate("r => r.contains(document.activeElement)")
        if not inside:
            if stops:
                break
            continue
        name = page.evaluate("() => document.activeElement.getAttribute('aria-label')")
        kind = page.evaluate("() => document.activeElement.tagName + ':' + (document.activeElement.getAttribute('role')"
                             " || document.activeElement.type || '')")
        # a visible focus indicator: an outline, or the ring of the star handle
        ring = page.evaluate("""() => { const e = document.activeElement, s = getComputedStyle(e);
            if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) return true;
            const hit = e.querySelector && e.querySelector('.sx-hit');
            return !!hit && getComputedStyle(hit).stroke !== 'none'; }""")
        assert ring, f"{name}: no visible focus indicator"
        before = picture()
        if kind.startswith("BUTTON"):
            page.keyboard.press("Enter")
        else:
            page.keyboard.press("ArrowLeft")
            if picture() == before:
                page.keyboard.press("ArrowRight")
                page.keyboard.press("ArrowRight")
        assert picture() != before, f"{kind} {name!r}: the keyboard did not change the figure"
        stops.append(name)
    return stops


def test_every_control_of_every_explorer_works_from_the_keyboard_alone(open_html, path_setup):
    """Tab reaches each control in order, and arrow keys or Enter there change the figure and its readout."""
    _, _, path = path_setup
    expected = {
        "contact": 3 + 5,  # a star handle per ball; budget, l1_ratio, two axes, rotation
        "path": 1 + 2,  # the alpha slider and the two knot buttons
        "threshold": 3,  # OLS weight and the two alphas
    }
    for kind, html in (("contact", ContactPointExplorer().html), ("path", path.html),
                       ("threshold", ThresholdExplorer().html)):
        page, errors, requests = open_html("<p><a href='#top'>before the figure</a></p>" + html)
        root = page.locator(".sparsity-explorer")
        focusable = root.evaluate(
            "r => r.querySelectorAll('input, button, [tabindex=\"0\"]').length")
        stops = _tab_stops_operate_the_figure(page, root)
        assert len(stops) == focusable == expected[kind], f"{kind}: tab stops {stops}"
        assert all(stops), f"{kind}: every stop has a name"
        assert not errors and not requests


def test_explorer_mounts_when_inserted_like_a_notebook_output(open_html):
    """JupyterLab sets an output's innerHTML, then re-creates its script elements so that they run."""
    html = ThresholdExplorer().html
    page, errors, requests = open_html('<div id="output"></div>')
    page.evaluate(
        """html => { const host = document.getElementById('output'); host.innerHTML = html;
               for (const old of Array.from(host.querySelectorAll('script'))) {
                   const s = document.createElement('script');
                   for (const a of old.attributes) s.setAttribute(a.name, a.value);
                   s.textContent = old.textContent; old.replaceWith(s); } }""", html)
    assert page.locator(".sparsity-explorer[data-mounted=true]").count() == 1
    assert page.locator(".sx-table td").all_text_contents() == ["+0.800", "0", "0", "+0.727"]
    assert not errors and not requests


def test_the_centre_handle_is_in_the_accessibility_tree(open_html):
    """The handle sits in an SVG with role=group (an img's children would be hidden from screen readers)."""
    page, errors, _ = open_html(ContactPointExplorer(norms=("l1",)).html)
    snapshot = page.locator(".sx-panels").aria_snapshot()
    assert 'slider "centre c of the loss ellipses' in snapshot
    assert not errors


def test_a_tap_moves_the_centre_on_a_touch_screen(browser):
    """Touch input arrives as pointer events: a tap in a panel puts the centre there."""
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 390, "height": 800})
    try:
        requests: list[str] = []
        context.route("**/*", lambda r: (requests.append(r.request.url), r.abort()))
        page = context.new_page()
        page.set_content(f"<!doctype html><body>{ContactPointExplorer(norms=('l1', 'l2')).html}</body>")
        assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth"), "no sideways scroll"
        svg = page.locator("svg.sx-plot").nth(1)
        svg.scroll_into_view_if_needed()
        box = svg.bounding_box()
        pad, size, lim = 18, 240, 2.6
        scale = (size - 2 * pad) / (2 * lim)
        x, y = -1.0, 2.0
        page.touchscreen.tap(box["x"] + (pad + (x + lim) * scale) * box["width"] / size,
                             box["y"] + (pad + (lim - y) * scale) * box["height"] / size)
        state = page.locator(".sparsity-explorer").evaluate("r => r.sparsityExplorer.state()")
        assert state["c"] == pytest.approx([x, y], abs=0.03)
        assert not requests
    finally:
        context.close()


def test_every_explorer_on_the_built_site_runs(request):
    """On the built site (when there is one), every explorer mounts offline and answers the keyboard.

    The other tests here need no site; this one checks the way myst-nb puts
    the HTML into a themed page. It is skipped when no site is built, or when
    no page holds an explorer yet.
    """
    if not (SITE / "index.html").exists():
        pytest.skip(f"no built site at {SITE}")
    pages = [p for p in site_pages() if "sparsity-explorer" in (SITE / p).read_text(errors="replace")]
    if not pages:
        pytest.skip("no page of the built site has an in-page explorer yet")
    open_page = request.getfixturevalue("open_page")
    for path in pages:
        page, log = open_page(path, wait_for_math=False)
        total = page.locator(".sparsity-explorer").count()
        assert page.locator(".sparsity-explorer[data-mounted=true]").count() == total, f"{path}: not mounted"
        for k in range(total):
            root = page.locator(".sparsity-explorer").nth(k)
            readout = root.locator(".sx-readout")
            before = readout.text_content()
            slider = root.locator("input[type=range]").first
            slider.scroll_into_view_if_needed()
            slider.focus()
            for _ in range(5):
                page.keyboard.press("ArrowLeft")
            assert readout.text_content() != before, f"{path}: explorer {k} did not answer the keyboard"
        assert not log.blocked and not log.failed, f"{path}: {log.blocked[:3]} {log.failed[:3]}"
        assert not log.console_errors, f"{path}: {log.console_errors[:3]}"
