"""Evidence checks: the model's responses to policy against published evaluations.

See ``docs/evidence.md``. :func:`load_checks` reads a checks file
(``simulate/evidence/checks.yaml`` by default); :func:`run_checks` runs them on a base
scenario with common random numbers.
"""

from simulate.evidence.run import (
    CALIBRATED,
    EVIDENCE,
    FAIL,
    NOT_MODELLED,
    PASS,
    TARGET,
    run_checks,
)
from simulate.evidence.spec import DEFAULT_CHECKS, load_checks

__all__ = ["CALIBRATED", "DEFAULT_CHECKS", "EVIDENCE", "FAIL", "NOT_MODELLED", "PASS", "TARGET",
           "load_checks", "run_checks"]
