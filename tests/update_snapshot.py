"""The snapshots: key outputs of the shipped baseline, and of every module at once
(``scenarios/all-modules.yaml``), at a fixed seed, committed.

``make snapshot`` (``python tests/update_snapshot.py``) runs both scenarios for a few
replicates and writes ``tests/baseline_snapshot.json`` and ``tests/modules_snapshot.json``;
``tests/test_snapshot.py`` runs them again and compares, so a change that moves results
shows in review. When a change is meant to move them, refresh the snapshots and commit
them with the change.

Per replicate: exits by destination, the stock and the share of the initial stock on
assistance, mother-months and benefit spending at 12, 24 and 36 months; and monthly
metrics at the last month (a few for the baseline, every one, the modules' own included,
for the modules). Counts are stored as integers and must match exactly; other values are
floats (written with every digit) and must match to a relative 1e-9.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PATH = ROOT / "tests" / "baseline_snapshot.json"
SETTINGS = {"scenario": "scenarios/baseline.yaml", "seed": 20250101, "reps": 3, "months": 36}
# Every module at once, with every monthly metric (the modules' own included) at the last
# month: a change that moves what any module does shows in review.
MODULES_PATH = ROOT / "tests" / "modules_snapshot.json"
MODULES_SETTINGS = {"scenario": "scenarios/all-modules.yaml", "seed": 20250101, "reps": 2,
                    "months": 24, "monthly": "all"}
SNAPSHOTS = ((PATH, SETTINGS), (MODULES_PATH, MODULES_SETTINGS))
OUTCOMES = ("exits_work", "exits_study", "exits_noncooperation", "exits_partner", "exits_other",
            "exits_all", "on_assistance", "share_on_assistance", "mother_months_on_assistance",
            "benefit_spending_eur")
HORIZONS = (12, 24, 36)
MONTHLY = ("on_assistance", "in_work", "jobless", "parttime_working", "exempt", "sanctioned",
           "coach_waiting", "childcare_queue", "childcare_places_used",
           "informal_care_arrangements", "job_offers", "offers_over_vacancies", "job_losses",
           "coach_caseload_mean", "mean_confidence", "mean_trust_services", "mean_stress",
           "benefit_spending_eur")
RELATIVE = 1e-9


def is_float(name: str) -> bool:
    """Whether an output is a float (compared to a relative 1e-9) rather than a count."""
    base = name.rpartition("/")[2]
    return base.startswith(("share_", "mean_", "benefit_spending_")) or base.endswith(
        ("_mean", "_eur"))


def take(settings: dict) -> dict[str, int | float]:
    """The snapshot's outputs of a fresh run, keyed ``r<replicate>/<output>``."""
    import simulate

    scenario = simulate.Scenario.from_yaml(ROOT / settings["scenario"])
    result = simulate.run(scenario, reps=settings["reps"], seed=settings["seed"],
                          months=settings["months"], spells=False)
    last = settings["months"]
    values: dict[str, float] = {}
    for row in result.runs.to_dict("records"):
        r = int(row["replicate"])
        for name in OUTCOMES:
            for x in HORIZONS:
                if f"{name}_{x}m" in row and x <= last:
                    values[f"r{r}/{name}_{x}m"] = row[f"{name}_{x}m"]
    monthly = result.monthly[result.monthly["month"] == last]
    for r, metric, value in zip(monthly["replicate"], monthly["metric"], monthly["value"]):
        if settings.get("monthly") == "all" or metric in MONTHLY:
            values[f"r{int(r)}/month{last}/{metric}"] = value
    # A count is stored as an integer and must match exactly; anything else is a float.
    return {k: (float(v) if is_float(k) or not float(v).is_integer() else round(v))
            for k, v in sorted(values.items())}


def _same(old, new) -> bool:
    if isinstance(old, int) and not isinstance(old, bool):
        return new == old
    if math.isnan(old) or math.isnan(new):
        return math.isnan(old) and math.isnan(new)
    return math.isclose(new, old, rel_tol=RELATIVE, abs_tol=0.0)


def differences(committed: dict, fresh: dict) -> list[str]:
    """One line per output that moved, appeared or disappeared, largest change first."""
    moved = []
    for key in sorted(set(committed) | set(fresh)):
        if key not in fresh:
            moved.append((math.inf, f"{key:<48} {committed[key]!r:>22}  -> not produced"))
        elif key not in committed:
            moved.append((math.inf, f"{key:<48} {'not in the snapshot':>22}  -> {fresh[key]!r}"))
        elif not _same(committed[key], fresh[key]):
            old, new = committed[key], fresh[key]
            rel = abs(new - old) / abs(old) if old else math.inf
            change = f"{new - old:+.6g}" + (f", {(new - old) / old:+.3%}" if old else "")
            moved.append((rel, f"{key:<48} {old!r:>22}  -> {new!r:<22} ({change})"))
    return [line for _, line in sorted(moved, key=lambda m: -m[0])]


def report(committed: dict, fresh: dict, settings: dict, most: int = 40) -> str:
    """A readable account of what moved, and how to refresh the snapshot."""
    lines = differences(committed, fresh)
    shown = lines[:most] + ([f"... and {len(lines) - most} more"] if len(lines) > most else [])
    return "\n".join([
        (f"{len(lines)} of {len(committed)} outputs moved ({settings['scenario']}, "
         f"seed {settings['seed']}, {settings['reps']} replicates, {settings['months']} "
         "months; counts must match exactly, floats to a relative 1e-9):"),
        f"{'output':<48} {'snapshot':>22}  -> now", *shown,
        ("If the change is meant to move results, refresh the snapshot with `make snapshot` "
         f"and commit {PATH.relative_to(ROOT)} with the change.")])


def load(path: Path = PATH) -> dict:
    return json.loads(path.read_text())


def main() -> int:
    for path, settings in SNAPSHOTS:
        values = take(dict(settings))
        path.write_text(json.dumps({**settings, "values": values}, indent=1) + "\n")
        print(f"wrote {len(values)} outputs to {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
