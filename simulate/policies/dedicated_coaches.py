"""Dedicated coaches for the target group (Rotterdam: 6 coaches in 3 teams).

Each month, eligible mothers (youngest child under the age limit, or pregnant) move from
their regular coach to a dedicated coach while dedicated caseloads have room; after the
programme period they are handed back to a regular coach. A dedicated coach has a lower
caseload, so more contact per client; gender-sensitive training adds trust per contact,
and the coach's contacts may push harder up the ladder. The effects run through the
model's contact mechanism (detection, trust, agreements, ladder), so they compose with
every other policy.

Rotterdam's dedicated coaches kept their regular clients (004:278): with ``exclusive``
off, the dedicated coaches are some of the regular coaches. Eligible mothers join the
programme while its places (coaches x caseload) have room but keep their regular coach and
her contact; the module then marks who is in the programme (for the scenario's other
programmes to invite or recruit) and charges only the fixed overhead, as the coaches are
paid as regular coaches.
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
    factor,
    share,
)
from simulate.policies.base import (
    Metric,
    Policy,
    State,
    cost_metric,
    register,
    target_group_parameters,
)
from simulate.policies.context import PolicyContext
from simulate.population import NEVER

EVALUATION = "Rotterdam evaluation (2025)"


@register
class DedicatedCoaches(Policy):
    """Dedicated coaches with a small caseload for mothers of young children."""

    name = "dedicated_coaches"
    title = "dedicated coaches"
    title_nl = "gespecialiseerde klantmanagers"
    parameters = ParameterSet((
        count("coaches", 6, (0, 30), EVALUATION + ": 6 dedicated coaches in 3 teams",
              "Dedicated coaches (full-time posts).", unit="coaches", kind="lever", hi=1000,
              doc_nl="Gespecialiseerde klantmanagers (voltijdsfuncties).",
              unit_nl="klantmanagers",
              source_nl="Rotterdamse evaluatie (2025): 6 gespecialiseerde klantmanagers in 3 teams"),
        count("caseload", 40, (20, 120),
              ASSUMPTION + "; Samen voor Zuid coaches have about 80 clients (" + EVALUATION + ")",
              "Most clients per dedicated coach.", lo=1, hi=1000, unit="mothers per coach",
              kind="lever",
              doc_nl="Hoogste aantal klanten per gespecialiseerde klantmanager.",
              unit_nl="moeders per klantmanager",
              source_nl=("aanname; klantmanagers van Samen voor Zuid hebben ongeveer 80 klanten "
                         "(Rotterdamse evaluatie (2025))")),
        share("client_time_share", 0.5, (0.3, 0.7), ASSUMPTION,
              "Share of a dedicated coach's hours spent on client contact.",
              doc_nl=("Deel van de uren van een gespecialiseerde klantmanager dat naar "
                      "klantcontact gaat."),
              unit_nl="aandeel",
              source_nl=ASSUMPTION_NL),
        *target_group_parameters(PRACTICE + ": default target group",
                                 source_nl="evaluatie- en praktijkrapporten: gebruikelijke "
                                 "doelgroep"),
        count("programme_months", 24, (6, 36), ASSUMPTION,
              "Months with the dedicated coach before the hand-over to a regular coach.",
              lo=1, hi=240, unit="months", kind="lever",
              doc_nl=("Maanden bij de gespecialiseerde klantmanager vóór de overdracht aan een "
                      "reguliere klantmanager."),
              unit_nl="maanden",
              source_nl=ASSUMPTION_NL),
        Parameter("exclusive", True, "flag", None,
                  "004:278: Rotterdam's dedicated coaches kept their regular clients (not "
                  "exclusive)",
                  "The dedicated coaches have only programme clients, taken from the regular "
                  "coaches (otherwise they are regular coaches and the programme's mothers "
                  "keep their own coach).", kind="lever", type=bool,
                  doc_nl=("De gespecialiseerde klantmanagers hebben alleen klanten uit het "
                          "programma, overgenomen van de reguliere klantmanagers (anders zijn het "
                          "reguliere klantmanagers en houden de moeders uit het programma hun "
                          "eigen klantmanager)."),
                  unit_nl="ja/nee",
                  source_nl=("004:278: de Rotterdamse dedicated werkcoaches hielden hun reguliere "
                             "klanten (geen eigen caseload)")),
        Parameter("gender_sensitive", True, "flag", None,
                  EVALUATION + ": coaches trained in gender-sensitive work",
                  "Coaches are trained in gender-sensitive work.", kind="lever", type=bool,
                  doc_nl="De klantmanagers zijn getraind in gendersensitief werken.",
                  unit_nl="ja/nee",
                  source_nl=("Rotterdamse evaluatie (2025): klantmanagers getraind in "
                             "gendersensitief werken")),
        factor("gender_sensitive_trust_multiplier", 1.5, (1.0, 2.5), ASSUMPTION,
               "Trust gained per contact with a gender-sensitive coach, relative to a "
               "regular coach.",
               doc_nl=("Vertrouwen dat een contact met een gendersensitief werkende klantmanager "
                       "oplevert, ten opzichte van een reguliere klantmanager."),
               unit_nl="factor",
               source_nl=ASSUMPTION_NL),
        factor("contact_effect_multiplier", 1.2, (1.0, 2.0), ASSUMPTION,
               "Push up the ladder from a dedicated coach's contact, relative to a regular "
               "coach's.",
               doc_nl=("Duw omhoog op de participatieladder door een contact met een "
                       "gespecialiseerde klantmanager, ten opzichte van een reguliere."),
               unit_nl="factor",
               source_nl=ASSUMPTION_NL),
        Parameter("recruitment", "random", "rule", None, ASSUMPTION,
                  "Who fills free places first: 'random' or 'newest' (most recent entry).",
                  kind="lever", type=str, choices=("random", "newest"),
                  doc_nl=("Wie een vrije plek als eerste krijgt: 'random' (willekeurig) of "
                          "'newest' (de laatst ingestroomde)."),
                  unit_nl="regel",
                  source_nl=ASSUMPTION_NL),
        Parameter("cost_per_coach_month_eur", 6500.0, "EUR per coach per month",
                  (4500.0, 9000.0), ASSUMPTION + ": employer cost of a full-time coach",
                  "Cost of one dedicated coach (exclusive coaches only: the others are paid "
                  "as regular coaches).", bounds=(0.0, 1e7),
                  doc_nl=("Kosten van één gespecialiseerde klantmanager (alleen met een eigen "
                          "caseload: de andere worden betaald als reguliere klantmanager)."),
                  unit_nl="euro per klantmanager per maand",
                  source_nl="aanname: loonkosten van een voltijds klantmanager"),
        Parameter("overhead_eur_per_month", 0.0, "EUR per month", (0.0, 30000.0),
                  ASSUMPTION + "; Rotterdam also had 3 project workers and a project lead",
                  "Fixed programme cost (project workers, lead) while the programme runs.",
                  bounds=(0.0, 1e9),
                  doc_nl=("Vaste kosten van het programma (projectmedewerkers, projectleider) "
                          "zolang het loopt."),
                  unit_nl="euro per maand",
                  source_nl=("aanname; Rotterdam had daarnaast 3 projectmedewerkers en een "
                             "projectleider")),
    ))

    metrics = (
        Metric("dedicated_participants", "mothers", "Clients of the dedicated coaches now.",
               reach=True, kind="stock"),
        Metric("dedicated_new_participants", "mothers", "New clients this month.", kind="flow"),
        Metric("dedicated_handed_over", "mothers",
               "Clients handed back to a regular coach this month.", kind="flow"),
        Metric("dedicated_caseload_mean", "mothers per coach", "Mean dedicated caseload.",
               chart="caseload",
               words="dedicated coaches", words_nl="gespecialiseerde klantmanagers", kind="mean"),
        Metric("dedicated_caseload_max", "mothers per coach", "Largest dedicated caseload.",
               kind="stock"),
        cost_metric("Dedicated coaches and the programme's fixed overhead."),
    )
    zero: ClassVar[dict[str, Any]] = {"coaches": 0}
    state = (
        State("started", np.int32, NEVER, "month she joined the programme"),
        State("member", np.bool_, False, "in the programme (not exclusive)"),
    )
    # Read and written as attributes; the mothers' table holds them (Policy.bind).
    started: np.ndarray
    member: np.ndarray

    def setup(self, ctx: PolicyContext) -> None:
        p = self.params
        self.mixed = not p.exclusive and p.coaches > 0
        self.coach_ids = ctx.hire_coaches(
            p.coaches if p.exclusive else 0, caseload_max=p.caseload, client_time_share=p.client_time_share,
            gender_sensitive=p.gender_sensitive,
            trust_multiplier=p.gender_sensitive_trust_multiplier if p.gender_sensitive else 1.0,
            contact_effect_multiplier=p.contact_effect_multiplier)
        self.new_clients = 0
        self.handed_over = 0
        self._load = np.zeros(len(self.coach_ids), dtype=np.int64)

    def _with_me(self, ctx: PolicyContext, ids: np.ndarray) -> np.ndarray:
        return np.isin(ctx.mothers.coach[ids], self.coach_ids)

    def participants(self, ctx: PolicyContext) -> np.ndarray:
        on = ctx.on_assistance()
        if self.mixed:
            return on[self.member[on]]
        return on[self._with_me(ctx, on)] if len(self.coach_ids) else on[:0]

    def ever_participants(self, ctx: PolicyContext) -> np.ndarray:
        return np.flatnonzero(self.started != NEVER)

    def on_month_start(self, ctx: PolicyContext) -> None:
        self.new_clients = self.handed_over = 0
        if self.mixed:
            self._mixed_month(ctx)
            return
        if len(self.coach_ids) == 0:
            return
        p, t = self.params, ctx.month
        ctx.caseloads()
        on = ctx.on_assistance()
        mine = self._with_me(ctx, on)

        # Hand-over back to a regular coach after the programme period.
        done = on[mine & (t - self.started[on] >= p.programme_months)]
        ctx.release_to_regular(done)
        self.handed_over = len(done)
        ctx.caseloads()

        # Fill free places with eligible mothers who have not taken part before.
        got = ctx.assign(self._candidates(ctx, on, mine), self.coach_ids)
        self.started[got] = t
        self.new_clients = len(got)

    def _candidates(self, ctx: PolicyContext, on: np.ndarray, mine: np.ndarray) -> np.ndarray:
        """Eligible mothers who have not taken part before, in the order places go."""
        m, p = ctx.mothers, self.params
        eligible = ctx.target_group(on, p.max_child_age_months, p.include_pregnant) & ~mine
        eligible &= self.started[on] == NEVER
        if not p.include_exempt:
            eligible &= ~m.exempt[on]
        candidates = on[eligible]
        if p.recruitment == "random":
            rank = ctx.uniform("priority", candidates)
            return candidates[np.argsort(rank, kind="stable")]
        return candidates[np.argsort(-m.spell_start[candidates], kind="stable")]

    def _mixed_month(self, ctx: PolicyContext) -> None:
        """Not exclusive: mothers join and leave the programme but keep their own coach."""
        p, t = self.params, ctx.month
        on = ctx.on_assistance()
        done = on[self.member[on] & (t - self.started[on] >= p.programme_months)]
        self.member[done] = False
        self.handed_over = len(done)
        mine = self.member[on]
        room = max(p.coaches * p.caseload - int(mine.sum()), 0)
        got = self._candidates(ctx, on, mine)[:room]
        self.member[got] = True
        self.started[got] = t
        self.new_clients = len(got)

    def on_month_end(self, ctx: PolicyContext) -> dict[str, float]:
        if self.mixed:  # the programme's mothers spread over the coaches, for the report
            k, c = len(self.participants(ctx)), self.params.coaches
            self._load = k // c + (np.arange(c) < k % c)
        elif len(self.coach_ids):
            self._load = ctx.caseloads()[self.coach_ids]
        return self.report(ctx)

    def report(self, ctx: PolicyContext) -> dict[str, float]:
        p = self.params
        load = self._load if self._load is not None else np.zeros(0)
        return {
            "dedicated_participants": int(load.sum()),
            "dedicated_new_participants": self.new_clients,
            "dedicated_handed_over": self.handed_over,
            "dedicated_caseload_mean": float(load.mean()) if len(load) else 0.0,
            "dedicated_caseload_max": int(load.max()) if len(load) else 0,
            "cost_eur": (len(self.coach_ids) * p.cost_per_coach_month_eur
                         + (p.overhead_eur_per_month if p.coaches else 0.0)),
        }
