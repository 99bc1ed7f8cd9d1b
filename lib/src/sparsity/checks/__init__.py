"""Self-checks for the exercises: right or wrong, with a hint, never the solution.

Each chapter with numeric exercises has a module ``sparsity.checks.chNN``
defining ``check_...`` functions; they are all collected here, so a student
writes, for example::

    from sparsity.checks import check_ols_noise_mse
    check_ols_noise_mse(my_answer)

A check returns a :class:`CheckResult`, which displays as one line saying
whether the answer is right and, if not, a hint.
"""

from __future__ import annotations

import importlib
import pkgutil

from ._core import CheckResult, compare

__all__ = ["CheckResult", "compare"]

for _module in pkgutil.iter_modules(__path__):
    if _module.name.startswith("ch"):
        _mod = importlib.import_module(f"{__name__}.{_module.name}")
        for _name in getattr(_mod, "__all__", []):
            globals()[_name] = getattr(_mod, _name)
            __all__.append(_name)
