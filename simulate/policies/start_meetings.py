"""Start meetings: mandatory invitations, a meeting of about ten, a three-way talk, an intake.

Rotterdam selected 223 women and sent 177 a written invitation to a mandatory start meeting
(004:448); the project workers held 15 start meetings of about 10 women (004:716). A
meeting gave information on the programme and the story of an expert by experience (live
at three meetings, recorded at three: 004:720), and ended in a short three-way talk with
the mother's coach and a project worker; within two weeks they met again for an extended
intake (004:748). Women were asked to arrange a minder themselves; many could not, so the
team arranged childcare on site (004:716).

Each month the meetings due (``meetings_per_year`` spread over the year) invite a fixed
number of eligible mothers each, by lot; a mother who does not come may be invited again,
up to ``max_invitations``. Who comes depends on the mother: more with trust in services
and confidence (a meeting with strangers was daunting: 004:724), less with an exemption
(the obligation does not bind her), and a mother with a young child comes only with a
minder: her own (an informal arrangement, or one she finds) or the one on site. A meeting
raises confidence and trust in services (more with an expert's story: 004:720, 004:730);
the three-way talk and the intake are contacts through the model's contact mechanism
(barriers told and referrals taken up, more with trust); minding the child next door
builds trust in formal childcare (004:724). Who attended is open to the scenario's other
programmes (``participants_of("start_meetings", ever=True)``).
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


@register
class StartMeetings(Policy):
    """Start meetings with mandatory invitations, childcare on site and an intake."""

    name = "start_meetings"
    title = "start meetings"
    title_nl = "startbijeenkomsten"
    parameters = ParameterSet((
        count("meetings_per_year", 15, (6, 24),
              "004:716: 15 start meetings from September 2023 (over about a year: assumption)",
              "Start meetings held per year.", unit="meetings per year", kind="lever", hi=520,
              doc_nl="Startbijeenkomsten per jaar.",
              unit_nl="bijeenkomsten per jaar",
              source_nl=("004:716: 15 startbijeenkomsten vanaf september 2023 (over ongeveer een "
                         "jaar: aanname)")),
        count("invitations_per_meeting", 12, (8, 20),
              "004:448, 004:716: 177 invited to 15 meetings",
              "Mothers invited to each meeting.", lo=1, hi=1000, unit="mothers",
              kind="lever",
              doc_nl="Moeders die voor elke bijeenkomst een uitnodiging krijgen.",
              unit_nl="moeders",
              source_nl="004:448, 004:716: 177 uitgenodigd voor 15 bijeenkomsten"),
        count("max_invitations", 2, (1, 3), ASSUMPTION,
              "Invitations a mother gets at most (a no-show is invited to a later meeting).",
              lo=1, hi=100, unit="invitations", kind="lever",
              doc_nl=("Hoogste aantal uitnodigingen per moeder (wie niet komt, krijgt een "
                      "uitnodiging voor een latere bijeenkomst)."),
              unit_nl="uitnodigingen",
              source_nl=ASSUMPTION_NL),
        Parameter("recruitment", "target_group", "rule", None,
                  "004:448: women selected from the coaches' clients in three teams",
                  "Who is invited: the 'target_group', or clients of the scenario's "
                  "'dedicated_coaches'.", kind="lever", type=str,
                  choices=("target_group", "dedicated_coaches"),
                  doc_nl=("Wie een uitnodiging krijgt: de doelgroep ('target_group') of klanten "
                          "van de gespecialiseerde klantmanagers van het scenario "
                          "('dedicated_coaches')."),
                  unit_nl="regel",
                  source_nl=("004:448: vrouwen geselecteerd uit de klanten van de werkcoaches in "
                             "drie teams")),
        *target_group_parameters(),
        Parameter("childcare_on_site", True, "flag", None,
                  "004:716: the team arranged childcare on site",
                  "Children are minded next to the meeting.", kind="lever", type=bool,
                  doc_nl="Kinderoppas op locatie, naast de bijeenkomst.",
                  unit_nl="ja/nee",
                  source_nl="004:716: het projectteam regelde kinderoppas op locatie"),
        share("expert_share", 0.4, (0.0, 1.0),
              "004:720: an expert by experience at 3 of 15 meetings, a recording at 3",
              "Share of the meetings with an expert by experience's story (live or "
              "recorded).", kind="lever",
              doc_nl=("Deel van de bijeenkomsten met het verhaal van een ervaringsdeskundige (zelf"
                      " aanwezig of als opname)."),
              unit_nl="aandeel",
              source_nl=("004:720: een ervaringsdeskundige bij 3 van de 15 bijeenkomsten, een "
                         "opname bij 3")),
        share("attendance_base", 0.85, (0.6, 0.95),
              ASSUMPTION + "; 004:716: about 10 came of about 12 invited per meeting",
              "Probability that an invited mother comes, with trust in services and "
              "confidence at 0.5, no exemption and a minder.", unit="probability",
              kind="uncertainty",
              doc_nl=("Kans dat een uitgenodigde moeder komt, bij vertrouwen en zelfvertrouwen van"
                      " 0,5, zonder ontheffing en met oppas."),
              unit_nl="kans",
              source_nl=("aanname; 004:716: ongeveer 10 kwamen van de ongeveer 12 uitgenodigden "
                         "per bijeenkomst")),
        share("attendance_trust_effect", 0.5, (0.0, 1.0), ASSUMPTION,
              "How much trust in services raises attendance: attendance is multiplied by "
              "1 + effect * (2 * trust - 1).", kind="uncertainty",
              doc_nl=("Hoeveel vertrouwen in de dienstverlening de opkomst verhoogt: de opkomst "
                      "wordt vermenigvuldigd met 1 + effect × (2 × vertrouwen − 1)."),
              unit_nl="aandeel",
              source_nl=ASSUMPTION_NL),
        share("attendance_confidence_effect", 0.3, (0.0, 1.0),
              ASSUMPTION + "; 004:724: a large meeting with strangers was daunting",
              "How much confidence raises attendance: attendance is multiplied by "
              "1 + effect * (2 * confidence - 1).", kind="uncertainty",
              doc_nl=("Hoeveel zelfvertrouwen de opkomst verhoogt: de opkomst wordt "
                      "vermenigvuldigd met 1 + effect × (2 × zelfvertrouwen − 1)."),
              unit_nl="aandeel",
              source_nl="aanname; 004:724: een grote bijeenkomst met onbekenden was spannend"),
        factor("attendance_exempt_factor", 0.5, (0.2, 1.0),
               ASSUMPTION + "; 004:448: the invitation was mandatory, which an exemption lifts",
               "Attendance of a mother with an exemption, relative.", kind="uncertainty",
               doc_nl="Opkomst van een moeder met een ontheffing, relatief.",
               unit_nl="factor",
               source_nl=("aanname; 004:448: de uitnodiging was verplicht, een ontheffing heft dat"
                          " op")),
        share("own_minder_share", 0.4, (0.2, 0.7),
              ASSUMPTION + "; 004:716: many women could not arrange a minder themselves",
              "Probability that a mother with a young child and no informal arrangement "
              "finds a minder for the meeting herself.", unit="probability",
              kind="uncertainty",
              doc_nl=("Kans dat een moeder met een jong kind en zonder vaste informele opvang zelf"
                      " oppas voor de bijeenkomst vindt."),
              unit_nl="kans",
              source_nl="aanname; 004:716: veel vrouwen lukte het niet zelf oppas te regelen"),
        share("confidence_gain", 0.05, (0.0, 0.15),
              ASSUMPTION + "; 004:738: seeing that it can be done motivated them",
              "Share of the gap to full confidence closed by a meeting without an expert's "
              "story.", unit="share of gap", kind="uncertainty",
              doc_nl=("Deel van de afstand tot volledig zelfvertrouwen dat een bijeenkomst zonder "
                      "verhaal van een ervaringsdeskundige overbrugt."),
              unit_nl="deel van de afstand",
              source_nl="aanname; 004:738: zien dat het kan motiveerde hen"),
        share("trust_gain", 0.05, (0.0, 0.15),
              ASSUMPTION + "; 004:730: a warm feeling, not usual at the municipality",
              "Share of the gap to full trust in services closed by a meeting without an "
              "expert's story.", unit="share of gap", kind="uncertainty",
              doc_nl=("Deel van de afstand tot volledig vertrouwen in de dienstverlening dat een "
                      "bijeenkomst zonder verhaal van een ervaringsdeskundige overbrugt."),
              unit_nl="deel van de afstand",
              source_nl="aanname; 004:730: een warm gevoel, niet gewoon bij de gemeente"),
        factor("expert_effect", 1.5, (1.0, 3.0),
               ASSUMPTION + "; 004:720: with the expert's story women asked questions sooner",
               "Confidence and trust gained at a meeting with an expert's story, relative "
               "to one without.",
               doc_nl=("Winst in zelfvertrouwen en vertrouwen op een bijeenkomst met het verhaal "
                       "van een ervaringsdeskundige, vergeleken met een bijeenkomst zonder."),
               unit_nl="factor",
               source_nl=("aanname; 004:720: door het verhaal van de ervaringsdeskundige stelden "
                          "vrouwen sneller vragen")),
        share("childcare_trust_gain", 0.05, (0.0, 0.15),
              ASSUMPTION + "; 004:724: mothers liked that their child was minded next door",
              "Share of the gap to full trust in formal childcare closed when the child is "
              "minded on site.", unit="share of gap", kind="uncertainty",
              doc_nl=("Deel van de afstand tot volledig vertrouwen in formele kinderopvang dat "
                      "oppas op locatie overbrugt."),
              unit_nl="deel van de afstand",
              source_nl=("aanname; 004:724: moeders vonden het prettig dat hun kind in de ruimte "
                         "ernaast werd opgevangen")),
        Parameter("intake", True, "flag", None,
                  "004:748: an extended intake within two weeks",
                  "An extended intake after the meeting (a second contact besides the "
                  "three-way talk).", kind="lever", type=bool,
                  doc_nl=("Een uitgebreid intakegesprek na de bijeenkomst (een tweede contact "
                          "naast het driegesprek)."),
                  unit_nl="ja/nee",
                  source_nl="004:748: een uitgebreide intake binnen twee weken"),
        Parameter("cost_per_meeting_eur", 1500.0, "EUR per meeting", (500.0, 3000.0),
                  ASSUMPTION + ": staff hours, venue, the expert's fee, travel cards (004:716)",
                  "Cost of one start meeting with its talks and intakes.",
                  bounds=(0.0, 1e7),
                  doc_nl="Kosten van één startbijeenkomst met de driegesprekken en intakes.",
                  unit_nl="euro per bijeenkomst",
                  source_nl=("aanname: uren van medewerkers, ruimte, vergoeding van de "
                             "ervaringsdeskundige, ov-kaarten (004:716)")),
        Parameter("childcare_cost_per_child_eur", 35.0, "EUR per child per meeting",
                  (15.0, 80.0), ASSUMPTION,
                  "Cost of minding one child on site during a meeting.", bounds=(0.0, 1e7),
                  doc_nl="Kosten van oppas op locatie voor één kind tijdens een bijeenkomst.",
                  unit_nl="euro per kind per bijeenkomst",
                  source_nl=ASSUMPTION_NL),
    ))

    metrics = (
        Metric("start_meetings_held", "meetings", "Start meetings held this month.", kind="flow"),
        Metric("start_meeting_invited", "mothers", "Mothers invited this month.", kind="flow"),
        Metric("start_meeting_attended", "mothers", "Mothers who came this month.",
               reach=True, kind="flow"),
        Metric("start_meetings_reached", "mothers", "Mothers who ever came.", kind="stock"),
        Metric("start_meetings_waiting", "mothers",
               "Eligible mothers not invited this month for lack of invitations.", kind="stock"),
        Metric("start_meeting_children_minded", "children",
               "Children minded on site this month.", kind="flow"),
        cost_metric("Start meetings and childcare on site."),
    )
    zero: ClassVar[dict[str, Any]] = {"meetings_per_year": 0}
    uses = ("dedicated_coaches",)  # whose participants it reads
    state = (
        State("invitations", np.int16, 0, "invitations had"),
        State("attended", np.int32, NEVER, "month she came"),
    )
    # Read and written as attributes; the mothers' table holds them (Policy.bind).
    invitations: np.ndarray
    attended: np.ndarray

    def setup(self, ctx: PolicyContext) -> None:
        self.held = 0  # meetings so far (they decide which had an expert's story)
        self.now = np.zeros(0, dtype=np.int64)
        self.counts = dict.fromkeys(("meetings", "invited", "waiting", "minded"), 0)

    def participants(self, ctx: PolicyContext) -> np.ndarray:
        return self.now

    def ever_participants(self, ctx: PolicyContext) -> np.ndarray:
        return np.flatnonzero(self.attended != NEVER)

    def on_month_start(self, ctx: PolicyContext) -> None:
        self.counts = dict.fromkeys(self.counts, 0)
        self.now = np.zeros(0, dtype=np.int64)
        p, t = self.params, ctx.month
        if p.meetings_per_year == 0:
            return
        m = ctx.mothers
        meetings = (t * p.meetings_per_year) // 12 - ((t - 1) * p.meetings_per_year) // 12
        if meetings == 0:
            return

        on = ctx.on_assistance()
        ok = (ctx.target_group(on, p.max_child_age_months, p.include_pregnant)
              & (self.attended[on] == NEVER) & (self.invitations[on] < p.max_invitations))
        if not p.include_exempt:
            ok &= ~m.exempt[on]
        if p.recruitment == "dedicated_coaches":
            ok &= np.isin(on, ctx.participants_of("dedicated_coaches"))
        pool = on[ok]
        pool = pool[np.argsort(ctx.uniform("invite", pool), kind="stable")]
        invited = pool[: meetings * p.invitations_per_meeting]
        self.invitations[invited] += 1
        self.counts.update(meetings=meetings, invited=len(invited),
                           waiting=len(pool) - len(invited))

        come = self._come(ctx, invited)
        meeting = np.arange(len(invited)) // p.invitations_per_meeting  # this month's index
        expert = self._expert(self.held + meeting)
        self.held += meetings
        here, expert = invited[come], expert[come]
        self.attended[here] = t
        self.now = here
        self._effects(ctx, here, expert)

    def _come(self, ctx: PolicyContext, ids: np.ndarray) -> np.ndarray:
        """Whether each invited mother comes."""
        m, p = ctx.mothers, self.params
        u = ctx.uniforms(("attend", "own_minder"), ids)
        chance = (p.attendance_base
                  * (1 + p.attendance_trust_effect * (2 * m.trust_services[ids] - 1))
                  * (1 + p.attendance_confidence_effect * (2 * m.confidence[ids] - 1))
                  * np.where(m.exempt[ids], p.attendance_exempt_factor, 1.0))
        minder = (~ctx.needs_care(ids) | np.bool_(p.childcare_on_site) | m.informal_care[ids]
                  | (u["own_minder"] < p.own_minder_share))
        return minder & (u["attend"] < chance)

    def _expert(self, k: np.ndarray) -> np.ndarray:
        """Whether meeting number ``k`` (from 0) has an expert's story: spread evenly,
        ``expert_share`` of all meetings."""
        s = self.params.expert_share
        return np.floor((k + 1) * s) > np.floor(k * s)

    def _effects(self, ctx: PolicyContext, ids: np.ndarray, expert: np.ndarray) -> None:
        m, p = ctx.mothers, self.params
        boost = np.where(expert, p.expert_effect, 1.0)
        ctx.gain("confidence", ids, np.minimum(p.confidence_gain * boost, 1.0))
        ctx.gain("trust_services", ids, np.minimum(p.trust_gain * boost, 1.0))
        ctx.contact(ids, stream="talk")
        if p.intake:
            ctx.contact(ids, stream="intake")
        if p.childcare_on_site:
            minded = ids[ctx.needs_care(ids) & ~m.informal_care[ids]]
            ctx.gain("trust_childcare", minded, np.float32(p.childcare_trust_gain))
            self.counts["minded"] = len(minded)

    def report(self, ctx: PolicyContext) -> dict[str, float]:
        p, c = self.params, self.counts
        return {
            "start_meetings_held": c["meetings"],
            "start_meeting_invited": c["invited"],
            "start_meeting_attended": len(self.now),
            "start_meetings_reached": int(np.count_nonzero(self.attended != NEVER)),
            "start_meetings_waiting": c["waiting"],
            "start_meeting_children_minded": c["minded"],
            "cost_eur": (c["meetings"] * p.cost_per_meeting_eur
                         + c["minded"] * p.childcare_cost_per_child_eur),
        }
