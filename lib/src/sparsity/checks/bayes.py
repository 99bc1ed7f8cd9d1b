"""Checks for the exercises of chapter 13 (the Bayesian view)."""

from __future__ import annotations

import numpy as np
from scipy import integrate

from ._core import CheckResult, compare

__all__ = ["check_bayes_lasso_alpha", "check_bayes_posterior_mean", "check_bayes_ridge_alpha"]

_S2 = 0.5**2
_N = 160


def check_bayes_ridge_alpha(answer) -> CheckResult:
    """Check the scikit-learn ``Ridge`` alpha of a N(0, 0.1^2) prior with s = 0.5 (no 1/n in Ridge)."""
    expected = _S2 / 0.1**2
    return compare(answer, expected, what="the ridge alpha",
                   hint="multiply the negative log posterior by 2 s^2 and read off the factor in front of "
                        "||w||^2; it involves the noise variance and the prior variance, not n.")


def check_bayes_lasso_alpha(answer) -> CheckResult:
    """Check the scikit-learn ``Lasso`` alpha of a Laplace(b = 0.05) prior with s = 0.5 and n = 160."""
    expected = _S2 / (_N * 0.05)
    return compare(answer, expected, what="the lasso alpha",
                   hint="scikit-learn's lasso divides the squared error by 2n, so multiply the negative "
                        "log posterior by s^2 / n.")


def _posterior_mean(w_hat: float, v: float, b: float) -> float:
    sd = np.sqrt(v)
    top = -((abs(w_hat) - max(abs(w_hat) - v / b, 0.0)) ** 2) / (2 * v) - max(abs(w_hat) - v / b, 0.0) / b

    def dens(w):
        return np.exp(-((w - w_hat) ** 2) / (2 * v) - abs(w) / b - top)

    lo, hi = min(w_hat, 0.0) - 15 * sd, max(w_hat, 0.0) + 15 * sd
    pieces = [(lo, 0.0), (0.0, hi)]
    mass = sum(integrate.quad(dens, a, c, epsabs=0, epsrel=1e-12)[0] for a, c in pieces)
    moment = sum(integrate.quad(lambda w: w * dens(w), a, c, epsabs=0, epsrel=1e-12)[0] for a, c in pieces)
    return moment / mass


def check_bayes_posterior_mean(answer) -> CheckResult:
    """Check the 1-D posterior mean at w_hat = 0.05 with v = 0.25 / 160 and a Laplace prior with v / b = 0.1."""
    v = _S2 / _N
    expected = _posterior_mean(0.05, v, v / 0.1)
    return compare(answer, expected, what="the posterior mean", rtol=1e-4, atol=1e-9,
                   hint="integrate w times the unnormalised posterior exp(-(w - w_hat)^2 / (2v) - |w| / b) "
                        "and divide by the integral of the posterior itself; it is small but not zero.")
