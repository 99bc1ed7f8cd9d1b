"""Checks for the exercises of chapter 11 (the elastic net)."""

from __future__ import annotations

import numpy as np

from .. import data
from ._core import CheckResult, compare

__all__ = ["check_enet_ball_diagonal", "check_enet_rescale_factor", "check_enet_ridge_alpha"]


def check_enet_ridge_alpha(answer) -> CheckResult:
    """Check the ``Ridge`` alpha equal to ``ElasticNet(alpha=0.05, l1_ratio=0)`` on the canonical training rows.

    ``ElasticNet`` scales the squared error by ``1/(2n)``, ``Ridge`` does not, so
    the answer is ``n * 0.05`` with ``n`` the number of training rows.
    """
    n_train = data.N_SAMPLES - int(np.ceil(data.TEST_SIZE * data.N_SAMPLES))
    return compare(
        answer, n_train * 0.05, what="the Ridge alpha",
        hint="multiply the elastic-net objective by 2n and read off the factor in front of ||w||^2; "
             "n is the number of training rows, not of all rows.",
    )


def check_enet_ball_diagonal(answer) -> CheckResult:
    """Check where the elastic-net unit ball with ``l1_ratio=0.5`` crosses the diagonal ``w1 = w2 = s > 0``.

    The ball is scikit-learn's penalty without ``alpha``,
    ``0.5 ||w||_1 + 0.25 ||w||_2^2 <= 1``, so ``s^2 + 2 s - 2 = 0``.
    """
    expected = np.sqrt(3.0) - 1.0
    result = compare(
        answer, expected, what="the diagonal crossing s",
        hint="the penalty is l1_ratio ||w||_1 + (1 - l1_ratio) / 2 ||w||_2^2 (scikit-learn's); on the "
             "diagonal ||w||_1 = 2s and ||w||_2^2 = 2s^2; solve the quadratic for its positive root.",
    )
    if not result and compare(answer, (np.sqrt(5.0) - 1.0) / 2.0, what="", hint=""):
        return CheckResult(False, "the diagonal crossing s is not right. Hint: that is the crossing of "
                                  "0.5 ||w||_1 + 0.5 ||w||_2^2 <= 1; scikit-learn halves the L2 term: "
                                  "(1 - l1_ratio) / 2 ||w||_2^2.")
    return result


def check_enet_rescale_factor(answer) -> CheckResult:
    """Check the factor turning ``ElasticNet(alpha=0.2, l1_ratio=0.25)`` into Zou and Hastie's elastic net.

    On standardised features (variance one, the 1/n formula) the paper's ``lambda_2`` is
    ``alpha * (1 - l1_ratio)``, so the factor ``1 + lambda_2`` is ``1 + 0.2 * 0.75 = 1.15``.
    """
    alpha, l1_ratio = 0.2, 0.25
    result = compare(
        answer, 1.0 + alpha * (1.0 - l1_ratio), what="the rescaling factor",
        hint="the factor is 1 + lambda_2 in the paper's units; on standardised features the paper's "
             "lambda_2 is the coefficient of ||w||^2 in scikit-learn's objective times 2.",
    )
    if not result and compare(answer, 1.0 + alpha * (1.0 - l1_ratio) / 2.0, what="", hint=""):
        return CheckResult(False, "the rescaling factor is not right. Hint: scikit-learn writes the L2 "
                                  "term as alpha (1 - l1_ratio) / 2 ||w||^2 beside (1/2n) ||r||^2; "
                                  "the paper's lambda_2 is alpha (1 - l1_ratio), without the 1/2.")
    return result
