"""Policy modules. Each lives in its own file and registers itself by name."""

from simulate.policies.base import REGISTRY, Policy, make_policy, register

__all__ = ["REGISTRY", "Policy", "make_policy", "register"]

# Each module registers itself on import; listing them here makes them available by name.
from simulate.policies import aftercare, dedicated_coaches, peer_groups, reserved_childcare  # noqa: E402,F401
