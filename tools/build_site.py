"""Build the website with Jupyter Book 1, reading (and so executing) chapters in parallel.

``jupyter-book build`` has no option for Sphinx's parallel reading, although
every extension the book uses declares itself parallel-safe. Reading is where
myst-nb executes the chapters, so on a machine with several cores the clean
build is bounded by the slowest chapter rather than by their sum. This wrapper
runs the ordinary ``jupyter-book build`` command with ``jobs`` passed through.

Usage: ``python tools/build_site.py [--jobs N] <jupyter-book build arguments>``
(``--jobs`` defaults to the number of CPU cores; ``--jobs 1`` is the plain build).
"""

from __future__ import annotations

import functools
import os
import sys


def main(argv: list[str]) -> int:
    jobs = os.cpu_count() or 1
    if argv[:1] == ["--jobs"]:
        jobs, argv = int(argv[1]), argv[2:]
    import jupyter_book.cli.main as cli
    import jupyter_book.sphinx as jb_sphinx

    if jobs > 1:  # the CLI imports build_sphinx from this module at call time
        jb_sphinx.build_sphinx = functools.partial(jb_sphinx.build_sphinx, jobs=jobs)
    return cli.main(["build", *argv], standalone_mode=False) or 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
