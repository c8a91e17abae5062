"""The vectorised engine and the per-agent Mesa reference agree in distribution."""

from __future__ import annotations

import sys

import numpy as np

from simulate.model import PathwaysModel
from simulate.parameters import Params
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from reference_mesa import ReferenceModel  # noqa: E402

MONTHS, REPS = 18, 16
OUTCOMES = ("on_assistance", "exit_work", "exit_study", "exit_noncooperation", "exit_partner",
            "exit_other", "coach_contacts", "job_offers")


def _engine(params, seed):
    w = PathwaysModel(params, seed=seed, horizon_months=MONTHS).run(MONTHS).record.wide()
    return [w.on_assistance[MONTHS]] + [w[k][1:].sum() for k in OUTCOMES[1:]]


def _reference(params, seed):
    model = ReferenceModel(params, seed=seed)
    for _ in range(MONTHS):
        model.step()
    h = model.history
    return [h[MONTHS]["on_assistance"]] + [sum(x[k] for x in h[1:]) for k in OUTCOMES[1:]]


def test_engine_and_reference_give_the_same_stock_and_exit_distributions():
    params = Params.from_overrides({"size": 1500})
    engine = np.array([_engine(params, 100 + s) for s in range(REPS)], dtype=float)
    ref = np.array([_reference(params, 200 + s) for s in range(REPS)], dtype=float)
    for i, name in enumerate(OUTCOMES):
        diff = engine[:, i].mean() - ref[:, i].mean()
        se = np.sqrt(engine[:, i].var(ddof=1) / REPS + ref[:, i].var(ddof=1) / REPS)
        assert abs(diff) < 4 * se, f"{name}: engine {engine[:, i].mean():.1f} vs {ref[:, i].mean():.1f}"
        # ...and the spread across replicates is alike (ratio of sds within a factor 2.5).
        ratio = engine[:, i].std(ddof=1) / ref[:, i].std(ddof=1)
        assert 0.4 < ratio < 2.5, f"{name}: sd ratio {ratio:.2f}"
