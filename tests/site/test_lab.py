"""`make lab` in a real Chromium: a chapter's .md opens as a notebook, runs, and its widget explorer responds.

The test starts JupyterLab exactly as a reader does, with `make lab` (which
installs the book's JupyterLab settings through `postBuild`, as Binder does),
headless on a free port of 127.0.0.1 with a random token, and with temporary
Jupyter config, data, runtime, settings and workspace directories so that
nothing of the user's own Jupyter set-up is read. Every request from the page
to a host other than the local server is blocked and recorded: JupyterLab and
the chapter must work with no network.

Then it checks that JupyterLab serves the book's settings, opens a chapter's
MyST Markdown source and checks that it opened as a notebook, runs all its
cells from the Run menu, checks that every code cell ran once and none raised,
drags a slider of the chapter's live widget explorer with the mouse and checks
that the printed weights change and the figure is redrawn, and shuts the server
down through its API. The chapter is not saved (no autosave) and checkpoints go
to the temporary directory, so the working tree is left as it was. It needs no
built site (no `_build/`). Skipped like the other browser tests when Chromium is
missing, except under CI=true (see conftest.py).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from urllib.parse import urlparse

import jupytext
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .conftest import ROOT

# The cheapest chapter with a live explorer (sparsity.widgets.ContactExplorer):
# chapter 4 has two, but takes longer to run.
CHAPTER = "chapters/11-elastic-net.md"
STARTUP_TIMEOUT = 120  # seconds for `make lab` to answer (the machine may be loaded)
RUN_TIMEOUT = 300  # seconds for all the chapter's cells (about 10 s on a quiet machine)
UI_TIMEOUT = 60_000  # milliseconds for JupyterLab's page, notebook and widgets to appear
# The settings that come from .binder-settings/overrides.json through postBuild.
SETTINGS = json.loads((ROOT / ".binder-settings" / "overrides.json").read_text())

# Runs in the page: the open document, its code cells' execution counts and errors, and the kernel's state.
NOTEBOOK_STATE = """() => {
  const widget = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  if (!widget || !widget.context) return null;
  const model = widget.content && widget.content.model;
  const isNotebook = Boolean(model && model.cells && 'activeCellIndex' in widget.content);
  const kernel = widget.sessionContext && widget.sessionContext.session
    && widget.sessionContext.session.kernel;
  const cells = [];
  for (const cell of (isNotebook ? model.cells : [])) {
    if (cell.type !== 'code') continue;
    const errors = cell.outputs.toJSON().filter(o => o.output_type === 'error')
      .map(o => `${o.ename}: ${o.evalue}`);
    cells.push({count: cell.executionCount, errors, source: cell.sharedModel.getSource().slice(0, 60)});
  }
  return {path: widget.context.path, ready: widget.context.isReady, isNotebook,
          kernel: kernel ? kernel.status : null, cells};
}"""

# Runs in the page: have the explorer's printed weights changed, and its figure been redrawn (a new image)?
EXPLORER_CHANGED = """([root, old]) => {
  const weights = [...root.querySelectorAll('.widget-html')].find(e => e.innerText.includes('w = ('));
  const figure = root.querySelector('.widget-output img');
  return Boolean(weights && figure) && weights.innerText !== old.weights
    && figure.getAttribute('src') !== old.figure;
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def api(base: str, token: str, path: str, method: str = "GET") -> tuple[int, bytes]:
    request = urllib.request.Request(f"{base}{path}", method=method, headers={"Authorization": f"token {token}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


@pytest.fixture
def lab(browser, tmp_path):
    """`make lab` on a free local port, with throw-away Jupyter directories; yields (url, token).

    Depends on `browser` so that a missing Chromium skips before anything starts.
    """
    make = shutil.which("make")
    assert make, "`make lab` needs make"
    token = secrets.token_hex(16)
    port = free_port()
    dirs = {name: tmp_path / name
            for name in ("config", "data", "runtime", "settings", "workspaces", "ipython", "checkpoints")}
    for d in dirs.values():
        d.mkdir()
    # The test must not write to the working tree: no autosave of the opened chapter (saving it
    # from JupyterLab rewrites its kernelspec block), and checkpoints go to the temporary directory.
    user = dirs["settings"] / "@jupyterlab" / "docmanager-extension"
    user.mkdir(parents=True)
    (user / "plugin.jupyterlab-settings").write_text(json.dumps({"autosave": False}))

    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("JUPYTER", "MAKE", "MFLAGS", "IPYTHON")) and k != "MPLBACKEND"}
    env.update(
        JUPYTER_CONFIG_DIR=str(dirs["config"]), JUPYTER_DATA_DIR=str(dirs["data"]),
        JUPYTER_RUNTIME_DIR=str(dirs["runtime"]), JUPYTERLAB_SETTINGS_DIR=str(dirs["settings"]),
        JUPYTERLAB_WORKSPACES_DIR=str(dirs["workspaces"]), IPYTHONDIR=str(dirs["ipython"]),
        JUPYTER_TOKEN=token,
    )
    lab_args = (f"--no-browser --ServerApp.ip=127.0.0.1 --ServerApp.port={port} --ServerApp.port_retries=0"
                f" --LabApp.expose_app_in_browser=True --FileCheckpoints.checkpoint_dir={dirs['checkpoints']}")
    log = tmp_path / "lab.log"
    with open(log, "wb") as out:
        # -o: never reinstall .venv from inside a test (`make test` has just checked it)
        proc = subprocess.Popen([make, "-s", "--no-print-directory", "-C", str(ROOT), "-o", ".venv/.installed",
                                 "lab", f"LAB_ARGS={lab_args}"],
                                env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"

    def output() -> str:
        return log.read_text(errors="replace")[-3000:]

    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"`make lab` exited with {proc.returncode} before answering:\n{output()}")
            try:
                if api(base, token, "/api/status")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"`make lab` did not answer on {base} within {STARTUP_TIMEOUT} s:\n{output()}")
            time.sleep(0.5)
        yield base, token
        # Shut down the way a user's "File > Shut Down" does: kernels first, then the server.
        status, _ = api(base, token, "/api/shutdown", method="POST")
        assert status == 200, f"the server refused to shut down (HTTP {status})"
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            pytest.fail(f"`make lab` still running 60 s after the server was asked to shut down:\n{output()}")
        assert proc.returncode == 0, f"`make lab` exited with {proc.returncode}:\n{output()}"
    finally:
        stop_group(proc)


def stop_group(proc: subprocess.Popen) -> None:
    """End `make lab` and all it started (its own process group) if anything is left: TERM, then KILL."""

    def group_alive() -> bool:
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            return False
        return True

    for sig, grace in ((signal.SIGTERM, 20), (signal.SIGKILL, 5)):
        if not group_alive():
            break
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        deadline = time.monotonic() + grace
        while group_alive() and time.monotonic() < deadline:
            time.sleep(0.5)
    if proc.poll() is None:
        proc.wait(timeout=10)


def drag_to_other_end(page, slider) -> None:
    """Drag an ipywidgets slider's handle with the mouse to the far end of its track, as a reader would."""
    handle = slider.locator(".noUi-handle").first
    handle.scroll_into_view_if_needed()
    box, track = handle.bounding_box(), slider.locator(".noUi-base").first.bounding_box()
    assert box and track, "the explorer's slider is not on screen"
    x0, y0 = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    middle = track["x"] + track["width"] / 2
    x1 = track["x"] + 1 if x0 > middle else track["x"] + track["width"] - 1
    page.mouse.move(x0, y0)
    page.mouse.down()
    page.mouse.move(x1, y0, steps=8)
    page.mouse.up()


def test_make_lab_opens_a_chapter_runs_it_and_its_explorer_responds(browser, lab):
    base, token = lab
    local = urlparse(base).netloc
    source = ROOT / CHAPTER
    text_before = source.read_bytes()
    checkpoint = source.parent / ".ipynb_checkpoints" / f"{source.stem}-checkpoint{source.suffix}"
    had_checkpoint = checkpoint.exists()
    n_code = sum(cell.cell_type == "code" for cell in jupytext.read(source).cells)
    assert n_code > 0

    # The settings JupyterLab serves are the book's (postBuild installed them).
    for plugin, values in SETTINGS.items():
        status, body = api(base, token, f"/lab/api/settings/{plugin}")
        assert status == 200, f"no settings for {plugin} (HTTP {status})"
        schema = json.loads(body)["schema"]["properties"]
        for key, value in values.items():
            assert schema[key]["default"] == value, f"{plugin}.{key} is {schema[key]['default']!r}, not {value!r}"

    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    blocked: list[str] = []
    page_errors: list[str] = []

    def route(route):
        url = route.request.url
        if urlparse(url).netloc == local or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("pageerror", lambda e: page_errors.append(str(e)))
    page.on("console", lambda m: page_errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(f"{base}/lab/tree/{CHAPTER}?token={token}", wait_until="domcontentloaded")

        # The .md opened as a notebook (jupytext's viewer), not in the text editor.
        page.wait_for_function(
            f"() => {{ const s = ({NOTEBOOK_STATE})(); return s && s.ready && s.path === {json.dumps(CHAPTER)}; }}",
            timeout=UI_TIMEOUT, polling=250)
        state = page.evaluate(NOTEBOOK_STATE)
        assert state["isNotebook"], f"{CHAPTER} did not open as a notebook (is jupytext's viewer the default?)"
        page.locator(".jp-NotebookPanel:visible .jp-Cell").first.wait_for(timeout=UI_TIMEOUT)
        assert len(state["cells"]) == n_code, f"{len(state['cells'])} code cells in JupyterLab, {n_code} in {CHAPTER}"
        assert page.locator(".jp-NotebookPanel:visible .jp-FileEditor").count() == 0

        # Run > Run All Cells, once the kernel is up.
        page.wait_for_function(f"() => {{ const s = ({NOTEBOOK_STATE})(); return s && s.kernel === 'idle'; }}",
                               timeout=UI_TIMEOUT, polling=250)
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()

        # Until every code cell has run or one has failed (Run All stops at an error).
        deadline = time.monotonic() + RUN_TIMEOUT
        while True:
            state = page.evaluate(NOTEBOOK_STATE)
            errors = [(i, c["source"], c["errors"]) for i, c in enumerate(state["cells"]) if c["errors"]]
            assert not errors, f"cells raised in JupyterLab: {errors}"
            counts = [c["count"] for c in state["cells"]]
            if all(counts) and state["kernel"] == "idle":
                break
            assert time.monotonic() < deadline, f"not every cell ran within {RUN_TIMEOUT} s: execution counts {counts}"
            time.sleep(0.5)
        assert counts == sorted(counts) and len(set(counts)) == len(counts), f"cells ran out of order: {counts}"

        # A widget explorer appeared: sliders, a figure, and the weights it prints.
        explorer = page.locator(".jp-OutputArea-output .widget-vbox", has=page.locator(".widget-hslider")).filter(
            has_text="w = (").first
        explorer.wait_for(timeout=UI_TIMEOUT)
        explorer.scroll_into_view_if_needed()
        weights = explorer.locator(".widget-html", has_text="w = (").first
        figure = explorer.locator(".widget-output img").first
        figure.wait_for(timeout=UI_TIMEOUT)
        slider = explorer.locator(".widget-hslider").first
        before = {"weights": weights.inner_text(), "figure": figure.get_attribute("src"),
                  "value": slider.locator(".widget-readout").inner_text()}

        drag_to_other_end(page, slider)
        try:
            page.wait_for_function(EXPLORER_CHANGED, arg=[explorer.element_handle(), before], timeout=UI_TIMEOUT)
        except PlaywrightTimeout:
            figure_now = figure.get_attribute("src") if figure.count() else None
            value_now = slider.locator(".widget-readout").inner_text()
            pytest.fail(f"after the slider moved ({before['value']} -> {value_now})"
                        f" the explorer did not respond: weights {before['weights']!r} -> {weights.inner_text()!r},"
                        f" figure redrawn: {figure_now != before['figure']}")
        after = weights.inner_text()
        assert slider.locator(".widget-readout").inner_text() != before["value"], "the slider did not move"
        assert "w = (" in after, f"the explorer no longer prints weights: {after!r}"

        assert not blocked, f"JupyterLab asked for other hosts: {blocked[:5]}"
        assert not page_errors, f"errors in the page's console: {page_errors[:5]}"
    finally:
        context.close()
    assert source.read_bytes() == text_before, f"{CHAPTER} was modified by the test"
    if not had_checkpoint:
        assert not checkpoint.exists(), f"the test left {checkpoint.relative_to(ROOT)} in the working tree"
