"""Self-checks for the exercises: right or wrong, with a hint, never the solution.

Each topic with numeric exercises has a module here named by what it is
about (``ols``, ``ridge``, ``paths``, ...), not by chapter number, so that
renumbering the chapters breaks nothing. Its ``check_...`` functions are
imported below by name, so a student writes, for example::

    from sparsity.checks import check_ols_noise_max
    check_ols_noise_max(my_answer)

A check returns a :class:`CheckResult`, which displays as one line saying
whether the answer is right and, if not, a hint.
"""

from __future__ import annotations

from ._core import CheckResult, compare
from .bayes import (
    check_bayes_lasso_alpha,
    check_bayes_posterior_mean,
    check_bayes_ridge_alpha,
)
from .choosing import (
    check_choosing_enet_count,
    check_choosing_recovery,
)
from .comparison import (
    check_relaxed_gamma_half_mse,
    check_relaxed_lassocv_mse,
    check_relaxed_mse_alpha05,
)
from .cross_validation import (
    check_cv_alpha_max,
    check_cv_one_se_ten_folds,
    check_cv_refit_df,
)
from .diabetes import (
    check_diabetes_relaxed_mse,
    check_diabetes_s2_without_s1,
)
from .elastic_net import (
    check_enet_ball_diagonal,
    check_enet_rescale_factor,
    check_enet_ridge_alpha,
)
from .geometry import (
    check_article_l2_point,
    check_vertex_budget,
)
from .landing import (
    check_landing_kept,
)
from .lasso import (
    check_lasso_alpha_all_zero,
    check_lasso_small_alpha_mse,
)
from .objectives import (
    check_budget_alpha,
    check_glmnet_to_textbook,
    check_ridge_alpha_to_lam,
)
from .ols import (
    check_ols_noise_max,
)
from .overfitting import (
    check_why_ols_mse_p50,
    check_why_train_mse_p70,
)
from .paths import (
    check_paths_decoy_leaves,
    check_paths_safe_threshold,
    check_paths_x3_at_one,
)
from .ridge import (
    check_ridge_crossing_alpha,
    check_ridge_shrink_factors,
)
from .scaling import (
    check_scale_noise_weight,
    check_scale_ridge_leak,
)
from .support_recovery import (
    check_support_eta_signs,
    check_support_rows,
)
from .thresholding import (
    check_enet_coordinate_descent,
    check_orthogonal_textbook_lasso,
)

__all__ = [
    "CheckResult",
    "compare",
    "check_bayes_lasso_alpha",
    "check_bayes_posterior_mean",
    "check_bayes_ridge_alpha",
    "check_choosing_enet_count",
    "check_choosing_recovery",
    "check_relaxed_gamma_half_mse",
    "check_relaxed_lassocv_mse",
    "check_relaxed_mse_alpha05",
    "check_cv_alpha_max",
    "check_cv_one_se_ten_folds",
    "check_cv_refit_df",
    "check_diabetes_relaxed_mse",
    "check_diabetes_s2_without_s1",
    "check_enet_ball_diagonal",
    "check_enet_rescale_factor",
    "check_enet_ridge_alpha",
    "check_article_l2_point",
    "check_vertex_budget",
    "check_landing_kept",
    "check_lasso_alpha_all_zero",
    "check_lasso_small_alpha_mse",
    "check_budget_alpha",
    "check_glmnet_to_textbook",
    "check_ridge_alpha_to_lam",
    "check_ols_noise_max",
    "check_why_ols_mse_p50",
    "check_why_train_mse_p70",
    "check_paths_decoy_leaves",
    "check_paths_safe_threshold",
    "check_paths_x3_at_one",
    "check_ridge_crossing_alpha",
    "check_ridge_shrink_factors",
    "check_scale_noise_weight",
    "check_scale_ridge_leak",
    "check_support_eta_signs",
    "check_support_rows",
    "check_enet_coordinate_descent",
    "check_orthogonal_textbook_lasso",
]
