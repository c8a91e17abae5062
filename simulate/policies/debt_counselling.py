"""Debt counselling: a limited number of debt trajectories for mothers whose debts a coach
has found.

Half of the interviewed mothers have (had) debts, which give much stress (004:532); one
pays five bailiffs under a payment arrangement and has nothing left (004:534); waiting
lists for debt help are long (004:552). A mother whose debts barrier a coach has
registered is offered a trajectory and joins a waiting list if she accepts; trajectories
run at once up to a number the municipality pays for. In a trajectory:

- the debt problem resolves with a monthly probability of its own (on top of the
  model's resolution of a referral taken up);
- stress falls (the collectors' pressure is lifted);
- creditors take most of what she earns above the amount left to live on, typically 90%
  (Koning, ESB 2014), so a job adds little to her income while the arrangement runs; but
  a debt arrangement also obliges her to seek and accept paid work (the Wsnp's duty to
  make an effort to find work, which amicable arrangements follow), so in the model it
  does not change whether she takes an offer, and she searches somewhat harder
  (``search_factor``, ``mod_offer``): Koning found more outflow, mostly not to
  work, not less work, and the evidence check debt_assistance_not_to_work holds the
  model to that;
- the full disclosure of income and spending a trajectory demands has a threat effect:
  more leave assistance for other reasons (``mod_exit_other``; Koning 2014: debt
  assistance in Amsterdam raised outflow from assistance, mostly not to work).

A trajectory ends after its duration or when she leaves assistance; the debts barrier
then stays resolved or not. Effect sizes are declared uncertainties.
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from simulate.parameters import (
    ASSUMPTION,
    ASSUMPTION_NL,
    Parameter,
    ParameterSet,
    count,
    factor,
    hazard,
    share,
)
from simulate.policies.base import Metric, Policy, State, cost_metric, longest_waiting, register
from simulate.policies.context import PolicyContext
from simulate.population import NEVER
from simulate.states import Barrier, Status

DEBTS = np.uint8(1 << Barrier.DEBTS)


@register
class DebtCounselling(Policy):
    """Debt trajectories with a waiting list for mothers whose debts are registered."""

    name = "debt_counselling"
    title = "debt counselling"
    title_nl = "schuldhulpverlening"
    several_instances = False  # one waiting list: a second instance would take the same mothers
    parameters = ParameterSet((
        count("trajectories", 30, (0, 150),
              ASSUMPTION + "; 004:552: waiting lists for debt help are long",
              "Debt trajectories running at once (the municipality's capacity).",
              unit="trajectories", kind="lever",
              doc_nl=("Schuldhulptrajecten die tegelijk lopen (de capaciteit die de gemeente "
                      "inkoopt)."),
              unit_nl="trajecten",
              source_nl="aanname; 004:552: de wachtlijsten voor schuldhulpverlening zijn lang"),
        count("duration_months", 36, (18, 36),
              ASSUMPTION + ": an amicable debt arrangement or the Wsnp runs up to three "
              "years (18 months under the newer practice)",
              "Months a trajectory lasts (the debt arrangement included).", lo=1, hi=120,
              unit="months", kind="lever",
              doc_nl="Maanden dat een traject duurt, de schuldregeling inbegrepen.",
              unit_nl="maanden",
              source_nl=("aanname: een minnelijke schuldregeling of de Wsnp duurt tot drie jaar "
                         "(18 maanden in de nieuwere praktijk)")),
        count("max_child_age_months", 60, (24, 60), ASSUMPTION,
              "Offered to mothers whose youngest child is under this age (or pregnant).",
              lo=0, hi=216, unit="months", kind="lever",
              doc_nl=("Aangeboden aan moeders van wie het jongste kind jonger is dan deze leeftijd"
                      " (of die zwanger zijn)."),
              unit_nl="maanden",
              source_nl=ASSUMPTION_NL),
        share("uptake", 0.6, (0.3, 0.9),
              ASSUMPTION + "; 004:534: some mothers already pay their debts under their own "
              "arrangements",
              "Probability that a mother with registered debts accepts a trajectory (asked "
              "once).", unit="probability",
              doc_nl=("Kans dat een moeder bij wie schulden zijn geregistreerd een traject "
                      "aanneemt (één keer gevraagd)."),
              unit_nl="kans",
              source_nl=("aanname; 004:534: sommige moeders lossen hun schulden al af via eigen "
                         "regelingen")),
        hazard("resolution_hazard", 0.05, (0.02, 0.1), ASSUMPTION,
              "Monthly probability that the debt problem of a mother in a trajectory is "
               "resolved (besides the model's resolution of a referral taken up).",
               doc_nl=("Kans per maand dat het schuldenprobleem van een moeder in een traject "
                       "wordt opgelost (naast de oplossing via een aanvaarde doorverwijzing in het"
                       " model)."),
               unit_nl="kans per maand",
               source_nl=ASSUMPTION_NL),
        share("stress_relief_per_month", 0.1, (0.0, 0.3),
              ASSUMPTION + "; 004:532: debts give much stress",
              "Share of her stress lifted each month in a trajectory.",
              unit="share per month",
              doc_nl="Deel van haar stress dat elke maand in een traject wegvalt.",
              unit_nl="deel per maand",
              source_nl="aanname; 004:532: schulden geven veel stress"),
        factor("other_exit_factor", 2.0, (1.0, 4.0),
               ASSUMPTION + "; Koning (2014), ESB 22 January 2014: debt assistance has threat "
               "effects and raises outflow from assistance, mostly not to work; the size is "
               "what the model does not know, and the default was chosen with the evidence "
               "check in view",
               "Hazard of leaving assistance for other reasons in a trajectory, relative to "
               "without (the full disclosure of finances it demands).", kind="uncertainty",
               calibrated_to=("debt_assistance_outflow", "debt_assistance_not_to_work"),
               doc_nl=("Kans op uitstroom uit de bijstand om andere redenen tijdens een traject, "
                       "ten opzichte van zonder (door de volledige openheid over de financiën die "
                       "het vraagt)."),
               unit_nl="factor",
               source_nl=("aanname; Koning (2014), ESB 22 januari 2014: van schuldhulpverlening "
                          "gaan dreigeffecten uit; ze leidt tot meer uitstroom uit de bijstand, "
                          "meestal niet naar werk; hoe groot het effect is, weet het model niet, "
                          "en de standaardwaarde is gekozen met het oog op de toets")),
        factor("search_factor", 1.2, (1.0, 1.5),
               "Wsnp art. 3:105 (the debtor's duty to make an effort to acquire income, which "
               "amicable arrangements follow): a trajectory obliges her to seek and accept paid "
               "work; its size is an assumption, chosen with the evidence check "
               "debt_assistance_not_to_work in view",
               "Chance of a job offer of a mother in a trajectory, relative to without (the "
               "arrangement's duty to seek work).", kind="uncertainty",
               calibrated_to=("debt_assistance_not_to_work",),
               doc_nl=("Kans op een baanaanbod van een moeder in een traject, ten opzichte van "
                       "zonder (de plicht uit de schuldregeling om werk te zoeken)."),
               unit_nl="factor",
               source_nl=("Wsnp art. 3:105 (de inspanningsverplichting van de schuldenaar om "
                          "inkomen te verwerven, die minnelijke regelingen volgen): een traject "
                          "verplicht haar betaald werk te zoeken en te aanvaarden; de grootte is "
                          "een aanname, gekozen met het oog op de toets "
                          "debt_assistance_not_to_work")),
        Parameter("cost_per_trajectory_month_eur", 100.0, "EUR per trajectory per month",
                  (50.0, 200.0),
                  ASSUMPTION + ": a trajectory of a few thousand euros over its duration",
                  "Cost of one running trajectory for a month.", bounds=(0.0, 1e7),
                  doc_nl="Kosten van één lopend traject per maand.",
                  unit_nl="euro per traject per maand",
                  source_nl="aanname: een traject kost enkele duizenden euro's over de hele duur"),
    ))

    metrics = (
        Metric("debt_counselling_active", "mothers", "Mothers in a debt trajectory now.",
               reach=True, kind="stock"),
        Metric("debt_counselling_started", "mothers", "Trajectories started this month.",
               kind="flow"),
        Metric("debt_counselling_reached", "mothers",
               "Mothers who have started a trajectory so far.", kind="stock"),
        Metric("debt_counselling_waiting", "mothers",
               "Mothers on the waiting list for a trajectory.", kind="stock"),
        Metric("debt_counselling_resolved", "mothers",
               "Debt problems resolved in a trajectory this month.", kind="flow"),
        cost_metric("Debt trajectories running this month."),
    )
    zero: ClassVar[dict[str, Any]] = {"trajectories": 0}
    state = (
        State("start", np.int32, NEVER, "month her trajectory started"),
        State("queued", np.int32, NEVER, "month she joined the list"),
        State("asked", np.bool_, False, "asked for by another programme"),
        State("ever", np.bool_, False, "ever in a trajectory"),
    )
    # Read and written as attributes; the mothers' table holds them (Policy.bind).
    start: np.ndarray
    queued: np.ndarray
    asked: np.ndarray
    ever: np.ndarray

    def setup(self, ctx: PolicyContext) -> None:
        self.started = self.resolved = 0

    def participants(self, ctx: PolicyContext) -> np.ndarray:
        return np.flatnonzero(self.start[: ctx.mothers.n] != NEVER)

    def ever_participants(self, ctx: PolicyContext) -> np.ndarray:
        return np.flatnonzero(self.ever[: ctx.mothers.n])

    def waiting(self, ctx: PolicyContext) -> np.ndarray:
        """Mothers on the waiting list (and still on assistance)."""
        ids = np.flatnonzero(self.queued[: ctx.mothers.n] != NEVER)
        return ids[ctx.mothers.status[ids] == Status.ON_ASSISTANCE]

    def on_month_start(self, ctx: PolicyContext) -> None:
        self.started = self.resolved = 0
        p, m, t = self.params, ctx.mothers, ctx.month
        if p.trajectories == 0:
            return
        n = m.n
        on = np.zeros(n, dtype=bool)
        on[ctx.on_assistance()] = True
        debts = (m.barriers[:n] & DEBTS) != 0

        # Trajectories end after their duration or when she leaves assistance; the list
        # loses those who left or whose debts were resolved meanwhile.
        running = self.start[:n] != NEVER
        self.start[:n][running & (~on | (t - self.start[:n] >= p.duration_months))] = NEVER
        listed = self.queued[:n] != NEVER
        self.queued[:n][listed & (~on | ~debts)] = NEVER

        # A coach's registration of her debts is the referral; she is asked once.
        registered = on & ((m.barriers_registered[:n] & DEBTS) != 0) & ~self.asked[:n]
        ids = np.flatnonzero(registered)
        ids = ids[ctx.target_group(ids, p.max_child_age_months)]
        self.asked[ids] = True
        accept = ids[ctx.uniform("uptake", ids) < p.uptake]
        self.queued[accept] = t

        # Free trajectories go to the longest waiting.
        free = p.trajectories - int(np.count_nonzero(self.start[:n] != NEVER))
        waiting = np.flatnonzero(self.queued[:n] != NEVER)
        if free > 0 and len(waiting):
            first = longest_waiting(waiting, self.queued)[:free]
            self.start[first] = t
            self.queued[first] = NEVER
            self.ever[first] = True
            self.started = len(first)

        active = np.flatnonzero(self.start[:n] != NEVER)
        if len(active) == 0:
            return
        owing = active[debts[active]]
        solved = owing[ctx.uniform("resolve", owing) < p.resolution_hazard]
        ctx.resolve_barrier(solved, DEBTS)
        self.resolved = len(solved)
        ctx.relieve_stress(active, np.float32(1.0 - p.stress_relief_per_month))
        ctx.scale("mod_exit_other", active, p.other_exit_factor)
        ctx.scale("mod_offer", active, p.search_factor)

    def report(self, ctx: PolicyContext) -> dict[str, float]:
        active = len(self.participants(ctx)) if self.params.trajectories else 0
        return {"debt_counselling_active": active,
                "debt_counselling_started": self.started,
                "debt_counselling_reached": int(self.ever[: ctx.mothers.n].sum()),
                "debt_counselling_waiting": len(self.waiting(ctx)),
                "debt_counselling_resolved": self.resolved,
                "cost_eur": active * self.params.cost_per_trajectory_month_eur}
