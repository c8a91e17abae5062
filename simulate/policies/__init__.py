"""Policy modules. Each lives in its own file and registers itself by name."""

from simulate.policies.base import REGISTRY, Policy, make_policy, register

__all__ = ["REGISTRY", "Policy", "make_policy", "register"]
