"""Checks for the exercises of the landing page."""

from __future__ import annotations

import numpy as np
from sklearn.linear_model import Lasso
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from .. import data
from ._core import CheckResult, compare

__all__ = ["check_landing_kept"]


def check_landing_kept(answer) -> CheckResult:
    """Check the number of features the lasso keeps at ``alpha=1.0`` on the canonical training rows."""
    ds = data.load_canonical()
    fit = make_pipeline(StandardScaler(), Lasso(alpha=1.0)).fit(ds.X_train, ds.y_train)
    expected = int(np.count_nonzero(fit[-1].coef_))
    return compare(answer, expected, what="the number of features kept", atol=0.0, rtol=0.0,
                   hint="count the coefficients that are not exactly zero (np.count_nonzero), "
                        "after fitting the pipeline on the training rows.")
