"""Policy modules. Each lives in its own file and registers itself by name.

Every module of this package is imported here, so a new policy needs only its own file
(with ``@register``) and a scenario that lists it: no import list to edit.
"""

import importlib
import pkgutil

from simulate.metrics import Metric, cost_metric
from simulate.policies.base import REGISTRY, Policy, make_policy, register
from simulate.policies.context import PolicyContext, StreamReuseError

__all__ = ["REGISTRY", "Metric", "Policy", "PolicyContext", "StreamReuseError", "cost_metric",
           "make_policy", "register"]

for _module in pkgutil.iter_modules(__path__):
    if _module.name not in ("base", "context"):
        importlib.import_module(f"{__name__}.{_module.name}")
