"""Tests of the chapter 13 exercise checks: the right answer passes, a wrong one fails."""

import numpy as np
from scipy import stats

from sparsity.checks import check_bayes_lasso_alpha, check_bayes_posterior_mean, check_bayes_ridge_alpha


def test_ridge_alpha_check_both_ways():
    assert check_bayes_ridge_alpha(25.0)
    assert not check_bayes_ridge_alpha(1 / (2 * 0.1**2))  # the mapping without the noise variance


def test_lasso_alpha_check_both_ways():
    assert check_bayes_lasso_alpha(0.03125)
    assert not check_bayes_lasso_alpha(0.25 / 0.05)  # the mapping without the 1/n


def _closed_form_mean(w_hat, v, b):
    """Posterior mean as a mixture of two truncated Gaussians (independent of the check's quadrature)."""
    sd = np.sqrt(v)
    m_pos, m_neg = w_hat - v / b, w_hat + v / b
    log_z_pos = (m_pos**2 - w_hat**2) / (2 * v) + stats.norm.logcdf(m_pos / sd)
    log_z_neg = (m_neg**2 - w_hat**2) / (2 * v) + stats.norm.logcdf(-m_neg / sd)
    mean_pos = m_pos + sd * np.exp(stats.norm.logpdf(m_pos / sd) - stats.norm.logcdf(m_pos / sd))
    mean_neg = m_neg - sd * np.exp(stats.norm.logpdf(m_neg / sd) - stats.norm.logcdf(-m_neg / sd))
    top = max(log_z_pos, log_z_neg)
    z_pos, z_neg = np.exp(log_z_pos - top), np.exp(log_z_neg - top)
    return (z_pos * mean_pos + z_neg * mean_neg) / (z_pos + z_neg)


def test_posterior_mean_check_both_ways():
    v = 0.25 / 160
    right = _closed_form_mean(0.05, v, v / 0.1)
    assert 0 < right < 0.05
    assert check_bayes_posterior_mean(right)
    assert not check_bayes_posterior_mean(0.0)  # the MAP (lasso) answer
    assert not check_bayes_posterior_mean(right * 1.01)
