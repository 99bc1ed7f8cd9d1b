"""Every page stays light: HTML plus its own images under the budget (shared theme assets excluded)."""

import importlib.util

from .conftest import ROOT

_spec = importlib.util.spec_from_file_location("page_weight", ROOT / "tools" / "page_weight.py")
page_weight = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(page_weight)


def test_every_page_is_under_the_weight_budget(site_dir):
    heavy = {name: total for name, (total, _) in page_weight.weights(site_dir).items() if total > page_weight.BUDGET}
    assert not heavy, f"pages over {page_weight.BUDGET} bytes: {heavy}"
