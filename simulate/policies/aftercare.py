"""Aftercare: continued support in the first months after a job start.

Job loss is most likely in the first months ("at the first conflict with the manager").
For the months of aftercare after a job start (a full job, or part-time work alongside
assistance), the mother's risk of losing the job is lowered; the job-loss mechanics stay
in the model (``mod_job_loss``).
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from simulate.parameters import (
    ASSUMPTION,
    ASSUMPTION_NL,
    PRACTICE,
    Parameter,
    ParameterSet,
    count,
    share,
)
from simulate.policies.base import Metric, Policy, State, cost_metric, register
from simulate.policies.context import PolicyContext
from simulate.states import Status


@register
class Aftercare(Policy):
    """Support after a job start that lowers early job loss."""

    name = "aftercare"
    title = "aftercare"
    title_nl = "nazorg"
    parameters = ParameterSet((
        count("months", 6, (0, 24), ASSUMPTION, "Months of aftercare after a job start.",
              lo=0, hi=120, unit="months", kind="lever",
              doc_nl="Maanden nazorg na de start van een baan.",
              unit_nl="maanden",
              source_nl=ASSUMPTION_NL),
        share("job_loss_reduction", 0.4, (0.1, 0.7),
              ASSUMPTION + "; " + PRACTICE + ": aftercare lowers the risk of early job loss",
              "Relative drop in the risk of job loss during aftercare.",
              unit="share", kind="uncertainty",
              doc_nl="Relatieve daling van het risico op baanverlies tijdens de nazorg.",
              unit_nl="aandeel",
              source_nl=("aanname; evaluatie- en praktijkrapporten: nazorg verlaagt het risico op "
                         "vroeg baanverlies")),
        count("max_child_age_months", 60, (24, 60), ASSUMPTION,
              "Offered to mothers whose youngest child is under this age at the job start.",
              lo=0, hi=216, unit="months", kind="lever",
              doc_nl=("Voor moeders van wie het jongste kind bij de start van de baan jonger is "
                      "dan deze leeftijd."),
              unit_nl="maanden",
              source_nl=ASSUMPTION_NL),
        Parameter("programme_only", False, "flag", None, ASSUMPTION,
                  "Only for mothers taking part in the scenario's other programmes.",
                  kind="lever", type=bool,
                  doc_nl=("Alleen voor moeders die meedoen aan de andere interventies van het "
                          "scenario."),
                  unit_nl="ja/nee",
                  source_nl=ASSUMPTION_NL),
        Parameter("cost_per_month_eur", 150.0, "EUR per mother per month", (50.0, 400.0),
                  ASSUMPTION, "Cost of a month of aftercare for one mother.",
                  bounds=(0.0, 1e7),
                  doc_nl="Kosten van een maand nazorg voor één moeder.",
                  unit_nl="euro per moeder per maand",
                  source_nl=ASSUMPTION_NL),
    ))

    metrics = (
        Metric("aftercare_supported", "mothers", "Mothers supported this month.", reach=True,
               kind="stock"),
        cost_metric("Aftercare for the mothers supported this month."),
    )
    zero: ClassVar[dict[str, Any]] = {"months": 0}
    state = (
        State("ever", np.bool_, False, "ever supported"),
    )
    # Read and written as attributes; the mothers' table holds them (Policy.bind).
    ever: np.ndarray

    def setup(self, ctx: PolicyContext) -> None:
        self.supported = 0
        self.current = np.zeros(0, dtype=np.int64)

    def participants(self, ctx: PolicyContext) -> np.ndarray:
        return self.current

    def ever_participants(self, ctx: PolicyContext) -> np.ndarray:
        return np.flatnonzero(self.ever)

    def _in_aftercare(self, ctx: PolicyContext) -> np.ndarray:
        m, p, t = ctx.mothers, self.params, ctx.month
        n = m.n
        working = (m.status[:n] == Status.IN_WORK) | (
            (m.status[:n] == Status.ON_ASSISTANCE) & m.parttime[:n])
        # Jobs started while the programme runs (from month 1): job loss can strike from the
        # month after the start, so aftercare covers months 1..N of the job.
        since = t - m.job_start[:n]
        ids = np.flatnonzero(working & (m.job_start[:n] >= 1) & (since >= 1)
                             & (since <= p.months))
        # Decided by the situation at the job start: the age of the youngest child then,
        # or a pregnancy known then (so a birth during the job changes nothing).
        start, known = m.job_start[ids], ctx.params.pregnancy_known_months
        birth, due = m.youngest_birth_month[ids], m.due_month[ids]
        after = (m.n_children[ids] > 0) & (birth > start)  # born during the job
        expecting = ((m.pregnant[ids] & (due - known <= start))
                     | (after & (birth - known <= start)))
        young = (m.n_children[ids] > 0) & ~after & (start - birth < p.max_child_age_months)
        ids = ids[expecting | young]
        if p.programme_only:
            ids = ids[np.isin(ids, ctx.other_participants(ever=True))]
        return ids

    def on_month_start(self, ctx: PolicyContext) -> None:
        self.supported = 0
        if self.params.months == 0:
            return
        ids = self._in_aftercare(ctx)
        ctx.scale("mod_job_loss", ids, 1.0 - self.params.job_loss_reduction)
        self.supported = len(ids)
        self.current = ids
        self.ever[ids] = True

    def report(self, ctx: PolicyContext) -> dict[str, float]:
        return {"aftercare_supported": self.supported,
                "cost_eur": self.supported * self.params.cost_per_month_eur}
