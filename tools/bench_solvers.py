"""Benchmark: the book's lasso_path against scikit-learn's, on the same grid and tolerance.

Usage::

    .venv/bin/python tools/bench_solvers.py [--repeats 5]

Prints one row per problem, tolerance and method (``cd``: warm-started
coordinate descent; ``homotopy``: the exact piecewise-linear path, for which
``tol`` only applies to scikit-learn): the grid size, scikit-learn's time
and ours (median of ``--repeats`` runs each), their ratio, the largest
absolute difference between the two sets of coefficients, and each one's
largest error against the exact path (the homotopy solution, which agrees
with scikit-learn at ``tol=1e-12`` to about 1e-9, see tests/test_solvers.py). This prints
figures; it is not a test (timings depend on the machine and its load).

Problems
--------
diabetes
    scikit-learn's bundled diabetes data (442 x 10), standardised, target
    centred; 100 penalties from ``alpha_max`` down to ``1e-3 * alpha_max``.
random 200x1000
    A p > n problem: Gaussian X (200 x 1000), 10 non-zero true weights,
    centred; 100 penalties from ``alpha_max`` down to ``1e-2 * alpha_max``.
"""

from __future__ import annotations

import argparse
import statistics
import time
import warnings
from functools import partial

import numpy as np
from sklearn.datasets import load_diabetes
from sklearn.linear_model import lasso_path as sk_lasso_path

from sparsity.solvers import lasso_path
from sparsity.tables import format_table


def diabetes():
    X, y = load_diabetes(return_X_y=True)
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    return X, y - y.mean(), 1e-3


def random_wide():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((200, 1000))
    w = np.zeros(1000)
    w[:10] = rng.choice([-1.0, 1.0], 10) * rng.uniform(1, 3, 10)
    y = X @ w + rng.standard_normal(200)
    return X - X.mean(axis=0), y - y.mean(), 1e-2


def median_time(fn, repeats: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    rows = {k: [] for k in ("problem", "n x p", "alphas", "tol", "method", "sklearn s", "sparsity s", "ratio",
                            "max |diff|", "sklearn err", "sparsity err")}
    for name, make in (("diabetes", diabetes), ("random", random_wide)):
        X, y, eps = make()
        alpha_max = np.max(np.abs(X.T @ y)) / X.shape[0]
        alphas = alpha_max * np.geomspace(1.0, eps, 100)
        exact = lasso_path(X, y, alphas, method="homotopy")  # reference for the error columns
        for tol, method in ((1e-4, "cd"), (1e-8, "cd"), (1e-8, "homotopy")):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # a non-converged penalty still gets timed
                t_sk, (_, coefs_sk, _) = median_time(
                    partial(sk_lasso_path, X, y, alphas=alphas, tol=tol, max_iter=10_000), args.repeats)
                t_us, coefs = median_time(
                    partial(lasso_path, X, y, alphas, method=method, tol=tol, max_iter=10_000), args.repeats)
            rows["problem"].append(name)
            rows["n x p"].append(f"{X.shape[0]} x {X.shape[1]}")
            rows["alphas"].append(len(alphas))
            rows["tol"].append(f"{tol:.0e}")
            rows["method"].append(method)
            rows["sklearn s"].append(t_sk)
            rows["sparsity s"].append(t_us)
            rows["ratio"].append(t_us / t_sk)
            rows["max |diff|"].append(f"{np.max(np.abs(coefs - coefs_sk.T)):.1e}")
            rows["sklearn err"].append(f"{np.max(np.abs(coefs_sk.T - exact)):.1e}")
            rows["sparsity err"].append(f"{np.max(np.abs(coefs - exact)):.1e}")
    print(format_table(rows, decimals={"sklearn s": 4, "sparsity s": 4, "ratio": 2}, signed=False,
                       title=f"lasso_path: sparsity.solvers vs scikit-learn (median of {args.repeats} runs)"))


if __name__ == "__main__":
    main()
