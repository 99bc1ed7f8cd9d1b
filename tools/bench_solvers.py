"""Benchmark: the book's lasso_path against scikit-learn, glmnet and celer, in one run.

Usage::

    .venv/bin/python tools/bench_solvers.py [--repeats 3] [--quick]

Everything runs in this one process with one BLAS thread (threadpoolctl), so
the ratios compare like with like; the absolute times depend on the machine
and its load, the ratios much less. This prints figures; it is not a test.

Coordinate descent (``lasso_path(method="cd")``: strong rule, working set,
KKT check) is timed against

* scikit-learn's ``lasso_path`` (coordinate descent in Cython, same
  objective, same ``tol``: duality gap at most ``tol * ||y||^2 / n``);
* glmnet, through python-glmnet (``glmnet.ElasticNet``, the Fortran code of
  Friedman, Hastie and Tibshirani, with strong rules), with
  ``standardize=False``, ``fit_intercept=False`` and ``lambda_path = alphas``:
  glmnet's Gaussian objective ``(1/(2n)) ||y - X w||^2 + lambda ||w||_1`` is
  scikit-learn's with ``lambda = alpha``. glmnet's ``tol`` is a different
  criterion (the largest change of the objective in a sweep), so the same
  number is not the same accuracy: the error columns say how far each
  library's answer is from the exact path (on the ill-conditioned diabetes
  data glmnet stops far from it at any ``tol`` here);
* celer (``celer.celer_path``, working sets with dual extrapolation;
  same objective, duality-gap ``tol``).

The homotopy (``lasso_path(method="homotopy")``, the exact path with an
updated Cholesky factor) is timed against scikit-learn's
``lars_path(method="lasso")``, the same algorithm.

Problems
--------
diabetes
    scikit-learn's diabetes data (442 x 10), standardised, target centred;
    100 penalties from ``alpha_max`` down to ``1e-3 * alpha_max``.
random 200 x 1000
    Gaussian X, 10 non-zero true weights, noise 1, centred; 100 penalties
    down to ``1e-2 * alpha_max``.
wide 200 x 20000
    The same with 20,000 features; 50 penalties down to ``alpha_max / 30``,
    ``tol = 1e-8``: the performance goal of the book's issue 11 (at most the
    time of scikit-learn, aiming at glmnet).
homotopy 1000 x 5000
    Gaussian X, 10 true weights; 100 penalties down to ``1e-3 * alpha_max``
    (about 1,300 knots); goal: at most twice ``lars_path``. Timed once.

The error columns are the largest absolute difference from the exact path
(the homotopy, or for the homotopy row ``lars_path`` interpolated at the grid).
"""

from __future__ import annotations

import argparse
import statistics
import time
import warnings
from functools import partial

import numpy as np
from sklearn.datasets import load_diabetes
from sklearn.linear_model import lars_path
from sklearn.linear_model import lasso_path as sk_lasso_path
from threadpoolctl import threadpool_limits

from sparsity.solvers import lasso_path
from sparsity.tables import format_table


def diabetes():
    X, y = load_diabetes(return_X_y=True)
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    return X, y - y.mean()


def gaussian(n, p, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p))
    w = np.zeros(p)
    w[:10] = rng.choice([-1.0, 1.0], 10) * rng.uniform(1, 3, 10)
    y = X @ w + rng.standard_normal(n)
    return X - X.mean(axis=0), y - y.mean()


def grid(X, y, eps, k):
    alpha_max = np.max(np.abs(X.T @ y)) / X.shape[0]
    return alpha_max * np.geomspace(1.0, eps, k)


def median_time(fn, repeats: int):
    times, out = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


# Each runner returns the coefficients as an array of shape (len(alphas), p).


def run_sparsity(X, y, alphas, tol, method="cd"):
    return lasso_path(X, y, alphas, method=method, tol=tol, max_iter=100_000)


def run_sklearn(X, y, alphas, tol):
    return sk_lasso_path(X, y, alphas=alphas, tol=tol, max_iter=100_000)[1].T


def run_glmnet(X, y, alphas, tol):
    import glmnet

    model = glmnet.ElasticNet(alpha=1.0, lambda_path=alphas, standardize=False, fit_intercept=False,
                              tol=tol, max_iter=100_000, n_splits=0)
    model.fit(X, y)
    assert np.allclose(model.lambda_path_, alphas)
    return model.coef_path_.T


def run_celer(X, y, alphas, tol):
    from celer import celer_path

    return celer_path(X, y, "lasso", alphas=alphas, tol=tol, max_epochs=100_000)[1].T


REFERENCES = {"sklearn": run_sklearn, "glmnet": run_glmnet, "celer": run_celer}


def available(name):
    try:
        __import__(name)
    except ImportError:
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="skip the 1000 x 5000 homotopy (a minute or more)")
    args = parser.parse_args()
    refs = {k: f for k, f in REFERENCES.items() if k == "sklearn" or available(k)}
    problems = [
        ("diabetes", diabetes, 1e-3, 100, (1e-4, 1e-8)),
        ("random", partial(gaussian, 200, 1000), 1e-2, 100, (1e-4, 1e-8)),
        ("wide", partial(gaussian, 200, 20_000), 1 / 30, 50, (1e-8,)),
    ]
    times = {k: [] for k in ("problem", "n x p", "alphas", "tol", "sparsity s", *[f"{r} s" for r in refs],
                             *[f"/ {r}" for r in refs])}
    errors = {k: [] for k in ("problem", "tol", "sparsity err", *[f"{r} err" for r in refs], "max working set",
                              "KKT violations")}
    with threadpool_limits(limits=1, user_api="blas"), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a non-converged penalty still gets timed
        for name, make, eps, k, tols in problems:
            X, y = make()
            X = np.asfortranarray(X)  # what scikit-learn, glmnet and celer work on: converted once, untimed
            alphas = grid(X, y, eps, k)
            exact = lasso_path(X, y, alphas, method="homotopy")
            for tol in tols:
                t_us, coefs = median_time(partial(run_sparsity, X, y, alphas, tol), args.repeats)
                _, infos = lasso_path(X, y, alphas, tol=tol, max_iter=100_000, return_info=True)
                times["problem"].append(name)
                times["n x p"].append(f"{X.shape[0]} x {X.shape[1]}")
                times["alphas"].append(len(alphas))
                times["tol"].append(f"{tol:.0e}")
                times["sparsity s"].append(t_us)
                errors["problem"].append(name)
                errors["tol"].append(f"{tol:.0e}")
                errors["sparsity err"].append(f"{np.max(np.abs(coefs - exact)):.1e}")
                errors["max working set"].append(max(info.working_set for info in infos))
                errors["KKT violations"].append(sum(info.violations for info in infos))
                for ref, run in refs.items():
                    t_ref, coefs_ref = median_time(partial(run, X, y, alphas, tol),
                                                   args.repeats)
                    times[f"{ref} s"].append(t_ref)
                    times[f"/ {ref}"].append(t_us / t_ref)
                    errors[f"{ref} err"].append(f"{np.max(np.abs(coefs_ref - exact)):.1e}")
        print(format_table(times, decimals=3, signed=False,
                           title=f"lasso_path, coordinate descent: seconds (median of {args.repeats} runs, "
                                 "one BLAS thread) and sparsity's time / each library's"))
        print()
        print(format_table(errors, signed=False, title="largest |coefficient - exact path| (the homotopy), "
                                                       "and the strong rule's working sets"))
        if args.quick:
            return
        X, y = gaussian(1000, 5000)
        alphas = grid(X, y, 1e-3, 100)
        t_us, coefs = median_time(partial(run_sparsity, X, y, alphas, 0.0, "homotopy"), 1)
        t_lars, (knots, _, lars_coefs) = median_time(
            partial(lars_path, X, y, method="lasso", alpha_min=alphas[-1], max_iter=100_000), 1)
        # lars_path's knots are decreasing; the path is linear between them
        exact = np.array([[np.interp(a, knots[::-1], lars_coefs[j, ::-1]) for j in range(X.shape[1])]
                          for a in alphas])
        print()
        print(format_table({"n x p": ["1000 x 5000"], "alphas": [len(alphas)], "knots": [len(knots)],
                            "sparsity s": [t_us], "lars_path s": [t_lars], "/ lars_path": [t_us / t_lars],
                            "max |diff|": [f"{np.max(np.abs(coefs - exact)):.1e}"]},
                           decimals=3, signed=False,
                           title="lasso_path(method='homotopy') vs lars_path(method='lasso'), one run each"))


if __name__ == "__main__":
    main()
