"""Calibration and validation against a period sample (Rotterdam's by default).

- :mod:`~simulate.calibration.sample`: who a period sample holds, from spells and children.
- :mod:`~simulate.calibration.targets`: targets as data (``targets.yaml``) and their statistics.
- :mod:`~simulate.calibration.validation`: simulate the sampling and compare with the targets.
- :mod:`~simulate.calibration.fit`: fit uncertain parameters to the targets.

See docs/calibration.md for the method.
"""

from simulate.calibration.sample import SAMPLE_COLUMNS, Window, period_sample, stock
from simulate.calibration.targets import (
    DEFAULT_TARGETS,
    Target,
    TargetSet,
    load_targets,
    statistics,
)
from simulate.calibration.validation import Simulator, compare, validate

__all__ = ["DEFAULT_TARGETS", "SAMPLE_COLUMNS", "Simulator", "Target", "TargetSet", "Window",
           "compare", "load_targets", "period_sample", "statistics", "stock", "validate"]
