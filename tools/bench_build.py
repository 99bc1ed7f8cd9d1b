"""Measure how fast the book builds (``make bench``); prints figures, asserts nothing.

Works on a throw-away copy of the repository, so the author's ``_build`` and
files are never touched. Reports, as the median of several runs:

* the clean site build (``make book`` with the venv present: render the
  stored notebooks; nothing executes);
* the no-change rebuild;
* the rebuild after one chapter's code changes (``make book`` re-executes that
  chapter's notebook first, then renders);
* each chapter's execution time in a fresh kernel, one at a time (the goal is
  under 10 s each), from ``tools/notebooks.py``;
* optionally (``--test-runs N``) the time of ``make test``.

Usage: ``python tools/bench_build.py [--runs 3] [--test-runs 0]``
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__", ".pytest_cache", ".ruff_cache")
EXECUTED = re.compile(r"\] (\S+\.md)\s+executed in\s+([\d.]+) s")
ENV = {**os.environ, "JUPYTER_PREFER_ENV_PATH": "1"}


def run(command: list[str], workdir: Path) -> tuple[float, str]:
    """Run ``command`` in ``workdir``; return its wall time and its output."""
    start = time.perf_counter()
    result = subprocess.run(command, cwd=workdir, capture_output=True, text=True, env=ENV)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed in {workdir}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return seconds, result.stdout + result.stderr


def book(workdir: Path) -> tuple[float, dict[str, float]]:
    """What ``make book`` runs: refresh stale notebooks, then render; wall time and executions."""
    bin_dir = Path(sys.executable).parent
    t1, out = run([sys.executable, "tools/notebooks.py", "--stale"], workdir)
    t2, _ = run([str(bin_dir / "jupyter-book"), "build", ".", "-W", "-n", "--keep-going"], workdir)
    return t1 + t2, {name: float(t) for name, t in EXECUTED.findall(out)}


def touch_code(md: Path, run_number: int) -> None:
    """Change one chapter's code (a comment at the end of its last code cell)."""
    text = md.read_text()
    head, sep, tail = text.rpartition("\n```\n")
    md.write_text(f"{head}\n# bench run {run_number}{sep}{tail}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median reported)")
    parser.add_argument("--test-runs", type=int, default=0, help="also time `make test` this many times")
    parser.add_argument("--chapter", default="05-ols.md", help="the chapter changed for the one-chapter rebuild")
    args = parser.parse_args(argv)

    clean, nochange, onechange = [], [], []
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        work = Path(tmp) / "book"
        shutil.copytree(ROOT, work, ignore=IGNORE)
        for number in range(args.runs):
            shutil.rmtree(work / "_build", ignore_errors=True)
            seconds, _ = book(work)
            clean.append(seconds)
            print(f"clean build {number + 1}/{args.runs}: {seconds:.1f} s", flush=True)
            seconds, _ = book(work)
            nochange.append(seconds)
            print(f"  no-change rebuild: {seconds:.1f} s", flush=True)
            touch_code(work / "chapters" / args.chapter, number)
            seconds, changed = book(work)
            onechange.append(seconds)
            print(f"  rebuild after changing {args.chapter}: {seconds:.1f} s (re-executed {sorted(changed)})",
                  flush=True)
        print("executing every chapter, one at a time ...", flush=True)
        _, out = run([sys.executable, "tools/notebooks.py", "--jobs", "1"], work)
        executions = {name: float(t) for name, t in EXECUTED.findall(out)}

    tests = []
    for number in range(args.test_runs):
        start = time.perf_counter()
        subprocess.run(["make", "test"], cwd=ROOT, check=True, capture_output=True)
        tests.append(time.perf_counter() - start)
        print(f"make test {number + 1}/{args.test_runs}: {tests[-1]:.1f} s", flush=True)

    print()
    print(f"figures: median of {args.runs} run(s), {os.cpu_count()} cores")
    print(f"  clean build (make book, venv present) {statistics.median(clean):6.1f} s   (target < 60 s)")
    print(f"  no-change rebuild                     {statistics.median(nochange):6.1f} s   (target < 5 s)")
    print(f"  rebuild, one chapter edited           {statistics.median(onechange):6.1f} s")
    if tests:
        print(f"  make test                             {statistics.median(tests):6.1f} s   (target < 150 s)")
    print(f"  sum of chapter executions             {sum(executions.values()):6.1f} s")
    print("  chapter executions, slowest first (target < 10 s each):")
    for name, seconds in sorted(executions.items(), key=lambda kv: -kv[1]):
        print(f"    {name:<34} {seconds:5.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
