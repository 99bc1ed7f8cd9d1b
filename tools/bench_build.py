"""Measure how fast the book builds (``make bench``); prints figures, asserts nothing.

Works on a throw-away copy of the repository, so the author's ``_build`` and
files are never touched. Reports, as the median of several runs:

* the clean build (execute every chapter, then render);
* the no-change rebuild;
* the rebuild after one chapter's code changes;
* the slowest chapters with their execution times, and the ratio of the clean
  build to the sum of the chapters' own execution times (the rest is overhead);
* optionally (``--test-runs N``) the time of ``make test``.

Usage: ``python tools/bench_build.py [--runs 3] [--jobs 2] [--test-runs 0]``
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
EXECUTED = re.compile(r"(\S+\.md): Executed notebook in ([\d.]+) seconds")


def build(workdir: Path, jobs: int) -> tuple[float, dict[str, float]]:
    """Run one site build in ``workdir``; return wall time and each executed chapter's time."""
    command = [sys.executable, "tools/build_site.py", "--jobs", str(jobs), ".", "-W", "-n", "--keep-going"]
    env = {**os.environ, "JUPYTER_PREFER_ENV_PATH": "1"}
    start = time.perf_counter()
    result = subprocess.run(command, cwd=workdir, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"build failed in {workdir}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    chapters = {Path(name).name: float(t) for name, t in EXECUTED.findall(result.stdout + result.stderr)}
    return seconds, chapters


def touch_code(md: Path, run: int) -> None:
    """Change one chapter's code (a comment in its first code cell) so that it must re-execute."""
    text = md.read_text()
    marker = "```{code-cell} ipython3\n"
    head, sep, tail = text.partition(marker)
    if tail.startswith("---\n"):  # a metadata block opens the cell: put the comment after it
        meta, _, rest = tail[4:].partition("---\n")
        tail = f"---\n{meta}---\n# bench run {run}\n{rest}"
    elif tail.startswith(":"):
        options, _, rest = tail.partition("\n\n")
        tail = f"{options}\n\n# bench run {run}\n{rest}"
    else:
        tail = f"# bench run {run}\n{tail}"
    md.write_text(head + sep + tail)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median reported)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="parallel readers for the build")
    parser.add_argument("--test-runs", type=int, default=0, help="also time `make test` this many times")
    parser.add_argument("--chapter", default="05-ols.md", help="the chapter changed for the one-chapter rebuild")
    args = parser.parse_args(argv)

    clean, nochange, onechange, executions = [], [], [], {}
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        work = Path(tmp) / "book"
        shutil.copytree(ROOT, work, ignore=IGNORE)
        for run in range(args.runs):
            shutil.rmtree(work / "_build", ignore_errors=True)
            seconds, chapters = build(work, args.jobs)
            clean.append(seconds)
            for name, t in chapters.items():
                executions.setdefault(name, []).append(t)
            print(f"clean build {run + 1}/{args.runs}: {seconds:.1f} s", flush=True)
            seconds, _ = build(work, args.jobs)
            nochange.append(seconds)
            print(f"  no-change rebuild: {seconds:.1f} s", flush=True)
            touch_code(work / "chapters" / args.chapter, run)
            seconds, changed = build(work, args.jobs)
            onechange.append(seconds)
            print(f"  rebuild after changing {args.chapter}: {seconds:.1f} s (re-executed {sorted(changed)})",
                  flush=True)

    tests = []
    for run in range(args.test_runs):
        start = time.perf_counter()
        subprocess.run(["make", "test"], cwd=ROOT, check=True, capture_output=True)
        tests.append(time.perf_counter() - start)
        print(f"make test {run + 1}/{args.test_runs}: {tests[-1]:.1f} s", flush=True)

    median = {name: statistics.median(ts) for name, ts in executions.items()}
    total_exec = sum(median.values())
    print()
    print(f"figures: median of {args.runs} run(s), {args.jobs} parallel reader(s), {os.cpu_count()} cores")
    print(f"  clean build                 {statistics.median(clean):6.1f} s   (target < 60 s)")
    print(f"  no-change rebuild           {statistics.median(nochange):6.1f} s   (target < 5 s)")
    print(f"  rebuild, one chapter edited {statistics.median(onechange):6.1f} s")
    if tests:
        print(f"  make test                   {statistics.median(tests):6.1f} s")
    print(f"  sum of chapter executions   {total_exec:6.1f} s")
    print(f"  clean build / executions    {statistics.median(clean) / total_exec:6.2f}"
          "   (below 1 means chapters ran in parallel)")
    print("  slowest chapters (execution, target < 10 s each):")
    for name, t in sorted(median.items(), key=lambda kv: -kv[1])[:5]:
        print(f"    {name:<34} {t:5.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
