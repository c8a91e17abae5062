"""Early identification in pregnancy: the *Zorgpad Werk* idea.

A pregnancy of a woman on assistance is not always known to the municipality in time
(004:282); with a care pathway from birth care (midwives' risk screening, the Aanmeldpunt),
pregnant women on assistance would be referred to the (dedicated) coaches (004:282, 004:382,
004:1023). In Rotterdam the pathway was not built in the project period (004:1023): the
share it would reach is an uncertainty.

Each month, a pregnancy of a woman who was already on assistance when it became known is
identified with ``identified_share``, ``identification_lag_months`` after it became known.
Identified women join a waiting list; the programme follows at most ``capacity`` at once,
from identification to ``months_after_birth`` after the birth (a woman who gives birth
before a place is free was approached too late and leaves the list). In the programme she
has ``conversations_per_month`` early conversations:

- contact builds trust in services, and through trust she tells more of what holds her
  back: barriers are found and referrals taken up as at a coach's contact (the model's
  disclosure rule, 004:655), but earlier, before the birth;
- the conversation about her wish to work and the financial risks (the Tipsheet, 004:366)
  can teach her that assistance tops up part-time pay;
- talking from pregnancy about her fears of formal childcare (004:1058) builds trust in it;
  with ``register_in_pregnancy`` she registers (the more she trusts it) and the
  registration counts from then, so that a place can be ready after the birth;
- the exemption on request (a single parent with a child under 5, agreed in a plan with the
  coach, 004:184) is discussed: her chance of asking for one changes by
  ``exemption_request_factor`` while she is in the programme (direction unknown: an
  assumption with a range on both sides of 1).

Women in the programme count as programme participants, so other modules limited to
participants (reserved childcare, aftercare, peer groups recruiting programme clients)
reach them.
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from simulate.parameters import (
    ASSUMPTION,
    ASSUMPTION_NL,
    Parameter,
    ParameterSet,
    amount,
    count,
    factor,
    share,
)
from simulate.policies.base import Metric, Policy, State, cost_metric, register
from simulate.policies.context import PolicyContext
from simulate.population import NEVER
from simulate.states import Barrier, Status

PATHWAY = "004:282, 004:382: a pregnancy is not always known to the municipality in time"


@register
class EarlyIdentification(Policy):
    """Pregnant women on assistance identified through birth care and approached early."""

    name = "early_identification"
    title = "early identification in pregnancy"
    title_nl = "vroegsignalering in de zwangerschap"
    several_instances = False  # it sets each woman's exemption-request factor
    parameters = ParameterSet((
        count("capacity", 20, (0, 100),
              ASSUMPTION + "; 004:258: 80-100 participants a year expected in Rotterdam Zuid",
              "Women the programme follows at once.", unit="women", kind="lever",
              hi=100_000,
              doc_nl="Vrouwen die het programma tegelijk begeleidt.",
              unit_nl="vrouwen",
              source_nl=("aanname; 004:258: naar verwachting 80-100 deelnemers per jaar in "
                         "Rotterdam Zuid")),
        share("identified_share", 0.5, (0.2, 0.9),
              ASSUMPTION + "; " + PATHWAY + "; the Zorgpad Werk proved harder to build than "
              "expected (004:382, 004:1023)",
              "Share of pregnancies of women on assistance that the care pathway brings to "
              "the programme.", unit="share", kind="uncertainty",
              doc_nl=("Deel van de zwangerschappen van vrouwen in de bijstand dat via het zorgpad "
                      "uit de geboortezorg bij het programma terechtkomt."),
              unit_nl="aandeel",
              source_nl=("aanname; 004:282, 004:382: een zwangerschap is niet altijd (tijdig) "
                         "bekend bij de gemeente; het Zorgpad Werk bleek lastiger te ontwikkelen "
                         "dan verwacht (004:382, 004:1023)")),
        count("identification_lag_months", 2, (1, 4),
              ASSUMPTION + "; " + PATHWAY,
              "Months from a pregnancy becoming known (in birth care) to the referral "
              "reaching the programme.", lo=0, hi=8, unit="months", kind="uncertainty",
              doc_nl=("Maanden tussen het bekend worden van de zwangerschap (in de geboortezorg) "
                      "en het moment dat de verwijzing het programma bereikt."),
              unit_nl="maanden",
              source_nl=("aanname; 004:282, 004:382: een zwangerschap is niet altijd (tijdig) "
                         "bekend bij de gemeente")),
        count("months_after_birth", 6, (0, 12), ASSUMPTION,
              "Months the programme follows a woman after the birth.", lo=0, hi=60,
              unit="months", kind="lever",
              doc_nl="Maanden dat het programma een vrouw na de bevalling begeleidt.",
              unit_nl="maanden",
              source_nl=ASSUMPTION_NL),
        amount("conversations_per_month", 1.0, (0.5, 2.0), ASSUMPTION,
               "Early conversations a month with a woman in the programme.",
               unit="conversations per month", kind="lever", hi=10.0,
               doc_nl="Vroege gesprekken per maand met een vrouw in het programma.",
               unit_nl="gesprekken per maand",
               source_nl=ASSUMPTION_NL),
        share("trust_gain_per_conversation", 0.08, (0.02, 0.2),
              ASSUMPTION + "; 004:655: without trust mothers do not tell what holds them back",
              "Share of the gap to full trust in services closed per conversation.",
              unit="share of gap", kind="uncertainty",
              doc_nl=("Deel van de afstand tot volledig vertrouwen in de gemeente dat één gesprek "
                      "overbrugt."),
              unit_nl="deel van de afstand",
              source_nl=("aanname; 004:655: zonder vertrouwen vertellen moeders niet wat hen "
                         "tegenhoudt")),
        share("childcare_trust_gain_per_conversation", 0.05, (0.0, 0.15),
              ASSUMPTION + "; 004:1058: talk from pregnancy with mothers who do not want to "
              "use childcare about their fears",
              "Share of the gap to full trust in formal childcare closed per conversation.",
              unit="share of gap", kind="uncertainty",
              doc_nl=("Deel van de afstand tot volledig vertrouwen in formele kinderopvang dat één"
                      " gesprek overbrugt."),
              unit_nl="deel van de afstand",
              source_nl=("aanname; 004:1058: al vanaf de zwangerschap praten met moeders die hun "
                         "kind niet naar de opvang willen brengen over hun angsten")),
        share("topup_info_per_conversation", 0.2, (0.05, 0.5),
              ASSUMPTION + "; 004:366: the conversation about the wish to work and the "
              "financial risks",
              "Probability that a conversation teaches her that assistance tops up "
              "part-time pay.", unit="probability", kind="uncertainty",
              doc_nl=("Kans dat een gesprek haar leert dat de bijstand een deeltijdloon blijft "
                      "aanvullen."),
              unit_nl="kans",
              source_nl=("aanname; 004:366: het gesprek over de arbeidswens en de financiële "
                         "risico's")),
        Parameter("register_in_pregnancy", True, "flag", None,
                  ASSUMPTION + "; 004:1058: work on childcare from the pregnancy",
                  "She registers for a formal place during the pregnancy (the more she "
                  "trusts formal care), so the registration counts from then.",
                  kind="lever", type=bool,
                  doc_nl=("Zij schrijft zich al tijdens de zwangerschap in voor kinderopvang "
                          "(vaker naarmate zij formele opvang meer vertrouwt), zodat de "
                          "inschrijving vanaf dan telt."),
                  unit_nl="ja/nee",
                  source_nl="aanname; 004:1058: al vanaf de zwangerschap werken aan kinderopvang"),
        factor("exemption_request_factor", 0.8, (0.5, 1.2),
               ASSUMPTION + "; 004:184: an exemption on request is agreed with the coach in a "
               "plan; whether an early conversation makes her ask less or more is not known",
               "Chance of asking for an exemption on request while in the programme, "
               "relative to without.",
               doc_nl=("Kans dat zij een ontheffing op verzoek aanvraagt zolang zij in het "
                       "programma zit, vergeleken met zonder programma."),
               unit_nl="factor",
               source_nl=("aanname; 004:184: een ontheffing op verzoek wordt met de klantmanager "
                          "vastgelegd in een plan van aanpak; of een vroeg gesprek haar vaker of "
                          "minder vaak doet aanvragen, is niet bekend")),
        Parameter("cost_per_woman_month_eur", 150.0, "EUR per woman per month",
                  (80.0, 400.0), ASSUMPTION + ": a coach's or project worker's time",
                  "Cost of following one woman for a month.", bounds=(0.0, 1e7),
                  doc_nl="Kosten van een maand begeleiding van één vrouw.",
                  unit_nl="euro per vrouw per maand",
                  source_nl="aanname: de tijd van een klantmanager of projectmedewerker"),
        Parameter("cost_per_referral_eur", 50.0, "EUR per referral", (0.0, 200.0),
                  ASSUMPTION + ": triage at the Aanmeldpunt for birth care (004:382)",
                  "Cost of a referral reaching the programme.", bounds=(0.0, 1e7),
                  doc_nl="Kosten van een verwijzing die het programma bereikt.",
                  unit_nl="euro per verwijzing",
                  source_nl="aanname: triage door het Aanmeldpunt voor de geboortezorg (004:382)"),
    ))

    metrics = (
        Metric("early_identified", "women", "Pregnancies identified this month.", kind="flow"),
        Metric("early_active", "women", "Women in the programme now.", reach=True, kind="stock"),
        Metric("early_reached", "women", "Women who have been in the programme.", kind="stock"),
        Metric("early_waiting", "women", "Identified women waiting for a place.", kind="stock"),
        Metric("early_started", "women", "Women who started this month.", kind="flow"),
        Metric("early_too_late", "women",
               "Identified women who gave birth before a place was free, this month.", kind="flow"),
        cost_metric("Women followed and referrals this month."),
    )
    zero: ClassVar[dict[str, Any]] = {"capacity": 0}
    state = (
        State("decided", np.int32, NEVER, "due month of the pregnancy decided"),
        State("wait_since", np.int32, NEVER, "on the waiting list since"),
        State("started", np.int32, NEVER, "month she started"),
        State("end", np.int32, NEVER, "last month in the programme"),
        State("intent", np.int32, NEVER, "registered in pregnancy since"),
        State("ever", np.bool_, False, "ever in the programme"),
    )
    # Read and written as attributes; the mothers' table holds them (Policy.bind).
    decided: np.ndarray
    wait_since: np.ndarray
    started: np.ndarray
    end: np.ndarray
    intent: np.ndarray
    ever: np.ndarray

    def setup(self, ctx: PolicyContext) -> None:
        self.counts = dict.fromkeys(("identified", "started", "too_late"), 0)

    def participants(self, ctx: PolicyContext) -> np.ndarray:
        return np.flatnonzero(self.started != NEVER)

    def ever_participants(self, ctx: PolicyContext) -> np.ndarray:
        return np.flatnonzero(self.ever)

    def on_month_start(self, ctx: PolicyContext) -> None:
        self.counts = dict.fromkeys(self.counts, 0)
        p = self.params
        if p.capacity == 0:
            return
        self._leave(ctx)
        self._register_at_birth(ctx)
        self._identify(ctx)
        self._admit(ctx)
        self._conversations(ctx, self.participants(ctx))

    def _leave(self, ctx: PolicyContext) -> None:
        m, t = ctx.mothers, ctx.month
        on = self.participants(ctx)
        done = on[(m.status[on] != Status.ON_ASSISTANCE) | (t > self.end[on])]
        self.started[done] = NEVER
        self.intent[done] = NEVER
        ctx.set_request_factor(done, 1.0)
        waiting = np.flatnonzero(self.wait_since != NEVER)
        off = waiting[m.status[waiting] != Status.ON_ASSISTANCE]
        born = waiting[(m.status[waiting] == Status.ON_ASSISTANCE) & ~m.pregnant[waiting]]
        self.wait_since[off] = NEVER
        self.wait_since[born] = NEVER
        self.counts["too_late"] += len(born)

    def _register_at_birth(self, ctx: PolicyContext) -> None:
        """A registration made in pregnancy takes effect once the child is born (a place is
        for a child), counting from the month she registered."""
        m = ctx.mothers
        on = self.participants(ctx)
        born = on[(self.intent[on] != NEVER) & ~m.pregnant[on]]
        born = born[ctx.needs_care(born)]
        for since in np.unique(self.intent[born]):
            ctx.register_for_childcare(born[self.intent[born] == since], since=int(since))
        self.intent[born] = NEVER

    def _identify(self, ctx: PolicyContext) -> None:
        m, p, t = ctx.mothers, self.params, ctx.month
        on = ctx.on_assistance()
        on = on[m.pregnant[on]]
        due = m.due_month[on]
        known = due - ctx.params.pregnancy_known_months
        # Pregnancies of women already on assistance when they became known, due after
        # the referral would arrive, each decided once.
        cand = on[(self.decided[on] != due) & (t - known >= p.identification_lag_months)
                  & (m.spell_start[on] <= known) & (due > t)]
        self.decided[cand] = m.due_month[cand]
        got = cand[ctx.uniform("identify", cand) < p.identified_share]
        got = got[self.started[got] == NEVER]
        self.wait_since[got] = t
        self.counts["identified"] += len(got)

    def _admit(self, ctx: PolicyContext) -> None:
        m, p, t = ctx.mothers, self.params, ctx.month
        free = p.capacity - len(self.participants(ctx))
        waiting = np.flatnonzero(self.wait_since != NEVER)
        if free <= 0 or len(waiting) == 0:
            return
        # First come, first served; the earliest due first among those identified together.
        order = np.lexsort((waiting, m.due_month[waiting], self.wait_since[waiting]))
        got = waiting[order][:free]
        self.wait_since[got] = NEVER
        self.started[got] = t
        self.end[got] = m.due_month[got] + p.months_after_birth
        self.ever[got] = True
        ctx.set_request_factor(got, np.float32(p.exemption_request_factor))
        self.counts["started"] += len(got)

    def _conversations(self, ctx: PolicyContext, ids: np.ndarray) -> None:
        """This month's early conversations with ``ids``."""
        m, p, core = ctx.mothers, self.params, ctx.params
        k = p.conversations_per_month

        def per_month(chance) -> np.ndarray:
            return 1.0 - (1.0 - np.minimum(chance, 1.0)) ** k

        ctx.gain("trust_services", ids, np.float32(per_month(p.trust_gain_per_conversation)))
        ctx.gain("trust_childcare", ids,
                 np.float32(per_month(p.childcare_trust_gain_per_conversation)))
        # What she tells depends on her trust, as at a coach's contact (004:655).
        tell = ctx.disclosure(ids)
        detect = per_month(core.barrier_detection_per_contact * tell)
        uptake = per_month(core.referral_uptake_per_contact * tell)
        names = ([f"detect:{b.name}" for b in Barrier] + [f"uptake:{b.name}" for b in Barrier]
                 + ["topup", "register"])
        draws = ctx.uniforms(names, ids)
        for b in Barrier:
            bit = np.uint8(1 << b)
            pending = (m.barriers_registered[ids] & ~m.barriers_referred[ids] & bit) != 0
            ctx.refer(ids[pending & (draws[f"uptake:{b.name}"] < uptake)], bit)
            unseen = (m.barriers[ids] & ~m.barriers_registered[ids] & bit) != 0
            ctx.register_barrier(ids[unseen & (draws[f"detect:{b.name}"] < detect)], bit)
        ctx.tell_topup(ids[draws["topup"] < per_month(p.topup_info_per_conversation)])
        if p.register_in_pregnancy:
            ready = (m.pregnant[ids] & (self.intent[ids] == NEVER)
                     & (m.childcare_place[ids] < 0) & (m.queue_since[ids] == NEVER)
                     & (draws["register"] < m.trust_childcare[ids]))
            self.intent[ids[ready]] = ctx.month

    def report(self, ctx: PolicyContext) -> dict[str, float]:
        p, c = self.params, self.counts
        active = len(self.participants(ctx))
        return {
            "early_identified": c["identified"],
            "early_active": active,
            "early_reached": int(self.ever.sum()),
            "early_waiting": int(np.count_nonzero(self.wait_since != NEVER)),
            "early_started": c["started"],
            "early_too_late": c["too_late"],
            "cost_eur": float(active * p.cost_per_woman_month_eur
                              + c["identified"] * p.cost_per_referral_eur),
        }
