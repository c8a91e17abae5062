"""Step 1: births and pregnancies; inflow of new and returning mothers; returns of leavers.

The child age limit defines who enters the modelled population (pregnant, or a youngest
child under the limit). Once in, a mother is followed until she leaves assistance, also
after her child passes the limit, so that no programme effect is cut off by censoring.

Arrivals from outside are new entrants, entrants returning after an exit from before the
simulation, and women already on assistance whose pregnancy becomes known (transfers:
they bring their months on assistance and are not inflow into assistance). Mothers who
left during the simulation come back when their scheduled return is due
(:mod:`simulate.steps.transitions`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from simulate.metrics import core_metrics
from simulate.module import Module
from simulate.parameters import (
    ASSUMPTION,
    ASSUMPTION_NL,
    Parameter,
    ParameterSet,
    amount,
    count,
    hazard,
)
from simulate.population import NEVER
from simulate.states import Status
from simulate.steps.transitions import returns_step

if TYPE_CHECKING:
    from simulate.steps import World


def step(model: World) -> None:
    m, p, t = model.mothers, model.params, model.month
    n = m.n
    status = m.status[:n]
    followed = (status == Status.ON_ASSISTANCE) | (status == Status.IN_WORK)

    # Births of the pregnancies due this month (also of mothers who left assistance, so
    # that a mother who returns later comes back with her child's true age).
    born = np.flatnonzero(m.pregnant[:n] & (m.due_month[:n] <= t))
    m.n_children[born] += 1
    m.youngest_birth_month[born] = t
    m.pregnant[born] = False
    m.due_month[born] = NEVER
    model.count("births", born[followed[born]])

    # New (known) pregnancies, below the maximum age.
    young = (t - m.birth_month[:n]) / 12.0 < p.pregnancy_max_age_years
    cand = np.flatnonzero(followed & ~m.pregnant[:n] & young)
    new = cand[model.streams.uniform("pregnancy", t, cand)
               < model.value("pregnancy_hazard_per_month", cand)]
    m.pregnant[new] = True
    m.due_month[new] = t + p.pregnancy_known_months
    model.children.add(new, m.due_month[new])

    # Inflow from outside: new arrivals, some returning after an earlier exit.
    ids = model.add_arrivals()
    transfer = m.transfer[ids]
    returning = m.returning[ids] & ~transfer
    model.count("inflow_new", ids[~returning & ~transfer])
    model.count("inflow_returning", ids[returning])
    model.count("inflow_transfer", ids[transfer])
    returns_step(model)


# What this step reads of the model's parameters, declared here; simulate.parameters.PARAMETERS
# holds every module's, in the order of the month's steps.
PARAMETERS: tuple[Parameter, ...] = (
    # ---- demography --------------------------------------------------------------------
    hazard("pregnancy_hazard_per_month", 0.01, (0.004, 0.02), ASSUMPTION,
           "Monthly probability that a mother becomes (known to be) pregnant.",
           doc_nl="Kans per maand dat een moeder zwanger wordt (en dat bekend wordt).",
           unit_nl="kans per maand",
           source_nl=ASSUMPTION_NL),
    amount("pregnancy_max_age_years", 45.0, (42.0, 48.0),
           ASSUMPTION + ": births after 45 are rare", "No new pregnancies from this age.",
           unit="years", kind="setting",
           doc_nl="Vanaf deze leeftijd geen nieuwe zwangerschappen.",
           unit_nl="jaar",
           source_nl="aanname: geboortes na 45 zijn zeldzaam"),
    count("pregnancy_known_months", 7, (6, 8), ASSUMPTION + ": pregnancy registered at about 2 months",
          "Months from a pregnancy becoming known to the birth.", lo=1, hi=9,
          unit="months", kind="setting",
          doc_nl="Maanden tussen het bekend worden van een zwangerschap en de geboorte.",
          unit_nl="maanden",
          source_nl="aanname: een zwangerschap wordt na ongeveer 2 maanden bekend"),
)


class Demography(Module):
    """New and returning mothers each month, pregnancies and births, and the children growing older."""

    name = "demography"
    title = "Inflow, births and pregnancies"
    title_nl = "Instroom, geboortes en zwangerschappen"
    description = ("New and returning mothers each month, pregnancies and births, and the children growing older.")
    description_nl = ("Nieuwe en terugkerende moeders per maand, zwangerschappen en geboortes, en kinderen die ouder worden.")
    parameters = ParameterSet(PARAMETERS)
    metrics = core_metrics(
        "inflow_new", "inflow_returning", "inflow_transfer",
        "births")
