"""The book's data: the canonical scenario, its split, and units.

Every chapter from chapter 2 on uses the same simulated regression problem,
so that numbers can be compared across chapters:

* ``n = 200`` samples and ``p = 10`` features drawn i.i.d. from ``N(0, 1)``;
* true weights ``[3.5, -2.1, 1.8, 0, 0, 0, 0, 0, 0, 0]``;
* Gaussian noise with standard deviation ``0.5``;
* an 80/20 train/test split with a fixed ``random_state``.

Random numbers come from :func:`numpy.random.default_rng` seeded with
:data:`SEED`, so every chapter sees identical data.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.model_selection import train_test_split as _sk_train_test_split

from ._validation import as_float_array, check_int, check_real, check_Xy

#: Seed of the random number generator that draws the canonical data.
SEED = 2026
#: ``random_state`` of the canonical train/test split.
SPLIT_SEED = 7
#: Number of samples in the canonical scenario.
N_SAMPLES = 200
#: Number of features in the canonical scenario.
N_FEATURES = 10
#: Standard deviation of the Gaussian noise.
NOISE_SIGMA = 0.5
#: Fraction of the rows held out for testing.
TEST_SIZE = 0.2
#: Non-zero leading weights of the canonical scenario; the rest are zero.
INFORMATIVE_WEIGHTS = (3.5, -2.1, 1.8)


def true_weights(n_features: int = N_FEATURES, n_informative: int = len(INFORMATIVE_WEIGHTS)) -> np.ndarray:
    """Return the true weight vector: a few informative weights, then zeros.

    The informative weights repeat the pattern ``3.5, -2.1, 1.8`` (so
    ``n_informative=5`` gives ``3.5, -2.1, 1.8, 3.5, -2.1``), followed by
    ``n_features - n_informative`` zeros.

    Parameters
    ----------
    n_features : int, default 10
        Length of the vector.
    n_informative : int, default 3
        How many leading weights are non-zero; at most ``n_features``.

    Returns
    -------
    numpy.ndarray of shape (n_features,)
    """
    n_features = check_int(n_features, "n_features", minimum=1)
    n_informative = check_int(n_informative, "n_informative", minimum=0)
    if n_informative > n_features:
        raise ValueError(
            f"n_informative must be at most n_features ({n_features}), got {n_informative}"
        )
    w = np.zeros(n_features)
    pattern = np.array(INFORMATIVE_WEIGHTS)
    w[:n_informative] = np.resize(pattern, n_informative)
    return w


def feature_names(n_features: int = N_FEATURES) -> list[str]:
    """Return the names ``x1, x2, ...`` used for features throughout the book."""
    n_features = check_int(n_features, "n_features", minimum=1)
    return [f"x{j + 1}" for j in range(n_features)]


def make_sparse_regression(
    n_samples: int = N_SAMPLES,
    n_features: int = N_FEATURES,
    *,
    n_informative: int = len(INFORMATIVE_WEIGHTS),
    weights=None,
    noise: float = NOISE_SIGMA,
    rho: float = 0.0,
    random_state: int | np.random.Generator | None = SEED,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Draw a linear regression problem ``y = X w + noise``.

    With the defaults this is the book's canonical scenario.

    Parameters
    ----------
    n_samples : int, default 200
        Number of rows of ``X``.
    n_features : int, default 10
        Number of columns of ``X``.
    n_informative : int, default 3
        Number of non-zero true weights (see :func:`true_weights`); ignored
        when ``weights`` is given.
    weights : array_like of shape (n_features,), optional
        True weights to use instead of :func:`true_weights`.
    noise : float, default 0.5
        Standard deviation of the Gaussian noise added to ``y``.
    rho : float, default 0.0
        Correlation between neighbouring features: the rows of ``X`` are
        Gaussian with covariance ``rho ** |i - j|`` (so ``rho = 0`` gives
        independent standard normal features). Must lie in ``(-1, 1)``.
    random_state : int, numpy.random.Generator or None, default SEED
        Seed or generator passed to :func:`numpy.random.default_rng`.

    Returns
    -------
    X : numpy.ndarray of shape (n_samples, n_features)
    y : numpy.ndarray of shape (n_samples,)
    w : numpy.ndarray of shape (n_features,)
        The true weights.
    """
    n_samples = check_int(n_samples, "n_samples", minimum=2)
    n_features = check_int(n_features, "n_features", minimum=1)
    noise = check_real(noise, "noise", minimum=0.0)
    rho = check_real(rho, "rho")
    if not -1.0 < rho < 1.0:
        raise ValueError(f"rho must lie strictly between -1 and 1, got {rho}")
    if weights is None:
        w = true_weights(n_features, n_informative)
    else:
        w = as_float_array(weights, "weights", ndim=1)
        if w.shape[0] != n_features:
            raise ValueError(f"weights must have length n_features ({n_features}), got {w.shape[0]}")
    rng = np.random.default_rng(random_state)
    X = rng.standard_normal((n_samples, n_features))
    if rho != 0.0:
        # AR(1) correlation: column j mixes column j-1 with fresh noise.
        for j in range(1, n_features):
            X[:, j] = rho * X[:, j - 1] + np.sqrt(1.0 - rho**2) * X[:, j]
    y = X @ w + noise * rng.standard_normal(n_samples)
    return X, y, w


def split_train_test(X, y, *, test_size: float = TEST_SIZE, random_state: int = SPLIT_SEED):
    """Split ``X`` and ``y`` into training and test rows, the book's way.

    A thin wrapper around :func:`sklearn.model_selection.train_test_split`
    with the book's test fraction and seed.

    Returns
    -------
    X_train, X_test, y_train, y_test : numpy.ndarray
    """
    X, y = check_Xy(X, y)
    test_size = check_real(test_size, "test_size", minimum=0.0, strict=True)
    if test_size >= 1.0:
        raise ValueError(f"test_size must be a fraction between 0 and 1, got {test_size}")
    return _sk_train_test_split(X, y, test_size=test_size, random_state=random_state)


@dataclass(frozen=True)
class Dataset:
    """The canonical scenario, drawn and split.

    Attributes
    ----------
    X, y : numpy.ndarray
        All rows.
    w_true : numpy.ndarray
        The true weights, in the units of ``X``.
    X_train, X_test, y_train, y_test : numpy.ndarray
        The 80/20 split.
    feature_names : list of str
    """

    X: np.ndarray
    y: np.ndarray
    w_true: np.ndarray
    X_train: np.ndarray
    X_test: np.ndarray
    y_train: np.ndarray
    y_test: np.ndarray
    feature_names: list[str]


def load_canonical() -> Dataset:
    """Return the canonical scenario: the same data in every chapter.

    Examples
    --------
    >>> data = load_canonical()
    >>> data.X_train.shape, data.X_test.shape
    ((160, 10), (40, 10))
    """
    X, y, w = make_sparse_regression()
    X_train, X_test, y_train, y_test = split_train_test(X, y)
    return Dataset(X, y, w, X_train, X_test, y_train, y_test, feature_names(X.shape[1]))


def to_raw_units(coef, scale) -> np.ndarray:
    """Convert coefficients fitted on standardised features back to raw units.

    A model fitted on ``z_j = (x_j - mean_j) / scale_j`` has coefficients
    ``b_j`` on the standardised scale; the same model written in the raw
    features has coefficients ``b_j / scale_j``.

    Parameters
    ----------
    coef : array_like of shape (p,) or (k, p)
        Coefficients in standardised units (one row per model if 2-D).
    scale : array_like of shape (p,)
        Standard deviation of each training column, for example
        ``StandardScaler().fit(X_train).scale_``. All entries must be positive.

    Returns
    -------
    numpy.ndarray, the shape of ``coef``
    """
    coef = as_float_array(coef, "coef")
    if coef.ndim not in (1, 2):
        raise ValueError(f"coef must be 1- or 2-dimensional, got an array of shape {coef.shape}")
    scale = as_float_array(scale, "scale", ndim=1)
    if scale.shape[0] != coef.shape[-1]:
        raise ValueError(
            f"scale must have one entry per coefficient ({coef.shape[-1]}), got {scale.shape[0]}"
        )
    if np.any(scale <= 0):
        raise ValueError("scale must be positive: a column with zero spread cannot be standardised")
    return coef / scale


def raw_coef(pipeline) -> np.ndarray:
    """Return the raw-unit coefficients of a fitted ``StandardScaler`` + linear model pipeline.

    Parameters
    ----------
    pipeline : sklearn.pipeline.Pipeline
        A fitted pipeline whose first step is a ``StandardScaler`` and whose
        last step has a ``coef_`` attribute.
    """
    steps = getattr(pipeline, "steps", None)
    if not steps:
        raise TypeError(f"pipeline must be a fitted sklearn Pipeline, got {type(pipeline).__name__}")
    scaler, model = steps[0][1], steps[-1][1]
    if not hasattr(scaler, "scale_"):
        raise ValueError("pipeline's first step must be a fitted StandardScaler (it has no scale_)")
    if not hasattr(model, "coef_"):
        raise ValueError("pipeline's last step must be a fitted linear model (it has no coef_)")
    scale = scaler.scale_ if scaler.scale_ is not None else np.ones_like(model.coef_)
    return to_raw_units(model.coef_, scale)
