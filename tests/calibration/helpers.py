"""Small, fast targets files and scenarios for the calibration tests."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.conftest import SCENARIOS


def share_target(name: str, value: float, statistic: dict, tolerance: float = 0.03,
                 sample_size: int = 800) -> dict:
    return {"name": name, "value": value, "sample_size": sample_size, "tolerance": tolerance,
            "source": "test", "statistic": statistic}


# Composition targets the model meets by construction: inflow shares are drawn at these
# values and barely depend on duration.
COMPOSITION = [
    share_target("education_mbo_or_lower", 0.721, {"share": {"education": "mbo_or_lower"}},
                 tolerance=0.06),
    share_target("entry_student_finance", 0.204, {"share": {"entry_reason":
                                                            "student_finance_end"}},
                 tolerance=0.06),
]


def targets_data(targets: list[dict], burn_in: int = 12, window: int = 12, reps: int = 3,
                 **calibration) -> dict:
    return {"name": "test", "sampling": {"burn_in_months": burn_in, "window_months": window},
            "validation": {"replications": reps, "seed": 11},
            "calibration": {"replications": 2, "seed": 12, "budget_runs": 60, **calibration},
            "targets": targets}


def write_yaml(path: Path, data) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def small_scenario(tmp_path: Path, size: int = 300, horizon: int = 12) -> Path:
    path = tmp_path / "small.yaml"
    path.write_text(f"extends: {SCENARIOS / 'baseline.yaml'}\nname: small\n"
                    f"population: {{size: {size}}}\nhorizon_months: {horizon}\n")
    return path
