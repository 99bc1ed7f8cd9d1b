"""The landing page's self-check accepts the right answer and rejects wrong ones."""

import numpy as np
from sklearn.linear_model import Lasso
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from sparsity import load_canonical
from sparsity.checks import check_landing_kept


def test_check_landing_kept_both_ways():
    ds = load_canonical()
    kept = np.count_nonzero(make_pipeline(StandardScaler(), Lasso(alpha=1.0)).fit(ds.X_train, ds.y_train)[-1].coef_)
    assert check_landing_kept(kept)
    assert not check_landing_kept(kept + 1)
    assert not check_landing_kept(10)
