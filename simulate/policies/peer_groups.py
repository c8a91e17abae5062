"""Peer groups of 8-10 mothers.

Groups start through the year (optionally only within a programme period). Recruitment is a
funnel with finite invitations (004:446-448, 004:716, 004:766, 004:811): eligible mothers
are informed; for each group a fixed number is selected; those not approached before are
invited (optionally to an intake or start meeting, which they attend or not); mothers
decide whether to register, more often the more confident and trusting they are and less
often when the sessions would leave their young child without care or when they are
exempt; registrations beyond the group's places wait for the next group; some registered
mothers do not show up at the start (48 registered, 40 started: 004:811). A format may
instead recruit among the mothers who attended another format's intake (Rotterdam's
trajectories drew on the start meetings). A group then runs a schedule: an optional
intensive phase (e.g. two days a week), an optional internship (with optional theme
meetings; childcare arranged for it is an actual place where one is free), then regular
sessions (e.g. 10 weekly sessions of 2.5 hours, or 12 monthly sessions of 4 hours). Each
session month, members attend or not: a sick child (a stress event), a language problem, no
childcare during the session and a job all lower attendance; some members drop out, more so
those with a language barrier (one mother left for a language course). Attended hours raise
confidence (partly for good), trust in services and, with childcare at the sessions, trust
in formal childcare; active members climb the ladder more easily while the group runs (the
group's one ladder channel); mothers who attend together form real ties (network edges
between those agents), which help with informal childcare and lower job loss after a job
start, also after the group has ended, but do not push the ladder (docs/model.md). Without
a facilitator, groups fade: attendance falls month by month and ties dissolve. Effect sizes
are uncertain parameters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np

from simulate.parameters import (
    ASSUMPTION,
    ASSUMPTION_NL,
    PRACTICE,
    Parameter,
    ParameterSet,
    amount,
    count,
    factor,
    hazard,
    share,
)
from simulate.policies.base import Metric, Policy, State, cost_metric, register
from simulate.policies.context import PolicyContext
from simulate.states import LADDER_PARTTIME, Barrier, Status

EVALUATION = "Rotterdam evaluation (2025)"
FUNNEL = EVALUATION + ": the participation funnel (004:446-448, 004:716, 004:766, 004:811)"
LANGUAGE = np.uint8(1 << Barrier.LANGUAGE)
FOLLOWED = (Status.ON_ASSISTANCE, Status.IN_WORK)


def _f(name, default, unit, rng, source, doc, kind="lever", lo=0.0, hi=None, **kw):
    return Parameter(name, default, unit, rng, source, doc, kind=kind, bounds=(lo, hi), **kw)


@dataclass
class Group:
    """One peer group: its members and where it is in its schedule.

    ``gid`` numbers the instance's groups; ``network_id`` is the group's id in the model's
    network (unique across every policy's groups).
    """

    gid: int
    start: int
    members: np.ndarray
    active: np.ndarray
    network_id: int
    hours: np.ndarray = field(init=False)
    interns: np.ndarray = field(init=False)  # members placed for the internship

    def __post_init__(self) -> None:
        self.hours = np.zeros(len(self.members))
        self.interns = np.zeros(0, dtype=np.int64)


@register
class PeerGroups(Policy):
    """Peer groups with a schedule, attendance, dropout, ties and effects."""

    name = "peer_groups"
    title = "peer groups"
    title_nl = "groepstrajecten met lotgenoten"
    parameters = ParameterSet((
        count("groups_per_year", 6, (0, 24), ASSUMPTION,
              "Groups started per year.", unit="groups per year", kind="lever", hi=52,
              doc_nl="Groepen die per jaar starten.",
              unit_nl="groepen per jaar",
              source_nl=ASSUMPTION_NL),
        count("first_start_month", 0, (0, 24), ASSUMPTION,
              "Month of the run in which the first group starts.", unit="month",
              kind="setting", hi=1200,
              doc_nl="Maand van de simulatie waarin de eerste groep start.",
              unit_nl="maand",
              source_nl=ASSUMPTION_NL),
        count("last_start_month", 1200, (0, 1200), ASSUMPTION,
              "Last month of the run in which a group may start (the end of the programme "
              "period).", unit="month", kind="setting", hi=1200,
              doc_nl=("Laatste maand van de simulatie waarin een groep kan starten (het einde van "
                      "de programmaperiode)."),
              unit_nl="maand",
              source_nl=ASSUMPTION_NL),
        count("group_size", 9, (6, 16), PRACTICE + ": groups of 8-10 mothers",
              "Mothers per group at the start.", lo=2, hi=50, unit="mothers", kind="lever",
              doc_nl="Moeders per groep bij de start.",
              unit_nl="moeders",
              source_nl="evaluatie- en praktijkrapporten: groepen van 8 tot 10 moeders"),
        count("sessions", 12, (2, 52),
              PRACTICE + ": formats of 10 or 12 sessions, up to a standing weekly group (001:36)",
              "Regular sessions per group.", lo=0, hi=200, unit="sessions", kind="lever",
              doc_nl="Gewone bijeenkomsten per groep.",
              unit_nl="bijeenkomsten",
              source_nl=("evaluatie- en praktijkrapporten: opzetten met 10 of 12 bijeenkomsten, "
                         "tot een vaste wekelijkse groep (001:36)")),
        _f("sessions_per_month", 1.0, "sessions per month", (0.5, 8.7),
           PRACTICE + ": monthly, weekly or twice-weekly formats (004:937)",
           "Frequency of the regular sessions.",
           lo=0.05, hi=31.0,
           doc_nl="Hoe vaak de gewone bijeenkomsten zijn.",
           unit_nl="bijeenkomsten per maand",
           source_nl=("evaluatie- en praktijkrapporten: bijeenkomsten per maand, per week of twee "
                      "keer per week (004:937)")),
        _f("session_hours", 2.5, "hours", (1.0, 4.0), PRACTICE + ": sessions of 2.5 or 4 hours",
           "Length of a regular session.", lo=0.25, hi=12.0,
           doc_nl="Duur van een gewone bijeenkomst.",
           unit_nl="uur",
           source_nl="evaluatie- en praktijkrapporten: bijeenkomsten van 2,5 of 4 uur"),
        count("intensive_months", 0, (0, 6),
              PRACTICE + ": a trajectory starting with 2 months at 2 days a week",
              "Months of an intensive phase before the regular sessions.", lo=0, hi=24,
              unit="months", kind="lever",
              doc_nl="Maanden van een intensieve fase vóór de gewone bijeenkomsten.",
              unit_nl="maanden",
              source_nl=("evaluatie- en praktijkrapporten: een traject dat begint met 2 maanden "
                         "van 2 dagen per week")),
        _f("intensive_sessions_per_month", 8.7, "days per month", (4.33, 13.0),
           PRACTICE + ": 2 days a week", "Programme days per month in the intensive phase.",
           lo=0.0, hi=31.0,
           doc_nl="Programmadagen per maand in de intensieve fase.",
           unit_nl="dagen per maand",
           source_nl="evaluatie- en praktijkrapporten: 2 dagen per week"),
        _f("intensive_session_hours", 5.0, "hours", (2.0, 7.0), ASSUMPTION,
           "Hours of a programme day in the intensive phase.", lo=0.25, hi=12.0,
           doc_nl="Uren van een programmadag in de intensieve fase.",
           unit_nl="uur",
           source_nl=ASSUMPTION_NL),
        count("internship_months", 0, (0, 2), PRACTICE + ": a 1-month internship",
              "Months of internship after the intensive phase.", lo=0, hi=12, unit="months",
              kind="lever",
              doc_nl="Maanden stage na de intensieve fase.",
              unit_nl="maanden",
              source_nl="evaluatie- en praktijkrapporten: een stage van 1 maand"),
        count("internship_places", 16, (4, 16),
              ASSUMPTION + ": work-experience places per group are not counted in the "
              "sources (004:817 names care, retail, childcare, hospitality and hostess work)",
              "Work-experience places a group's members can take for the internship.",
              lo=0, hi=1000, unit="places", kind="lever",
              doc_nl=("Werkervaringsplaatsen die de leden van een groep voor de stage kunnen "
                      "innemen."),
              unit_nl="plaatsen",
              source_nl=("aanname: het aantal werkervaringsplaatsen per groep staat niet in de "
                         "bronnen (004:817 noemt zorg, verkoop, kinderopvang, horeca en gastvrouw)")),
        _f("internship_meetings_per_month", 0.0, "meetings per month", (0.0, 4.33),
           EVALUATION + ": a weekly theme meeting during the internship (004:817)",
           "Group meetings per month during the internship.", hi=31.0,
           doc_nl="Groepsbijeenkomsten per maand tijdens de stage.",
           unit_nl="bijeenkomsten per maand",
           source_nl=("Rotterdamse evaluatie (2025): een wekelijkse themabijeenkomst tijdens de "
                      "stage (004:817)")),
        _f("internship_meeting_hours", 2.0, "hours", (1.0, 4.0), ASSUMPTION,
           "Length of a meeting during the internship.", lo=0.25, hi=12.0,
           doc_nl="Duur van een bijeenkomst tijdens de stage.",
           unit_nl="uur",
           source_nl=ASSUMPTION_NL),
        share("internship_completion", 0.7, (0.4, 0.9), ASSUMPTION,
              "Probability that an active member completes the internship.",
              unit="probability",
              doc_nl="Kans dat een actief lid de stage afrondt.",
              unit_nl="kans",
              source_nl=ASSUMPTION_NL),
        share("internship_step_kept", 0.0, (0.0, 1.0),
              ASSUMPTION + ": the participation ladder describes what she does (step 4: "
              "unpaid work or an internship, docs/model.md), and a month's internship ends; "
              "no source says how many go on to other unpaid work, so the range spans none "
              "to all",
              "Probability that a member who completed the internship stays on ladder step "
              "4 after it (she goes on to other unpaid work); otherwise she is on the step "
              "she held before it and climbs from there as any mother does.",
              unit="probability",
              doc_nl=("Kans dat een deelnemer die de stage heeft afgerond daarna op trede 4 blijft"
                      " (ze gaat door met ander onbetaald werk); anders staat ze weer op de trede "
                      "van voor de stage en klimt ze verder zoals iedere moeder."),
              unit_nl="kans",
              source_nl=("aanname: de participatieladder beschrijft wat ze doet (trede 4: "
                         "onbetaald werk of een stage, docs/model.md), en een stage van een maand "
                         "houdt op; geen bron zegt hoeveel deelnemers daarna ander onbetaald werk "
                         "doen, dus de bandbreedte loopt van niemand tot iedereen")),
        Parameter("facilitator", "professional", "kind", None,
                  PRACTICE + ": facilitated by a professional or a former participant",
                  "Who leads the group: 'professional', 'former_participant' or 'none'.",
                  kind="lever", type=str, choices=("professional", "former_participant", "none"),
                  doc_nl=("Wie de groep begeleidt: 'professional' (een professional), "
                          "'former_participant' (een oud-deelnemer) of 'none' (niemand)."),
                  unit_nl="soort",
                  source_nl=("evaluatie- en praktijkrapporten: begeleid door een professional of "
                             "een oud-deelnemer")),
        Parameter("childcare_during_sessions", False, "flag", None,
                  PRACTICE + ": a format with childcare", "Childcare is provided at sessions.",
                  kind="lever", type=bool,
                  doc_nl="Er is kinderopvang tijdens de bijeenkomsten.",
                  unit_nl="ja/nee",
                  source_nl="evaluatie- en praktijkrapporten: een opzet met kinderopvang"),
        Parameter("arrange_childcare", False, "flag", None,
                  PRACTICE + ": childcare arranged before the start",
                  "Childcare is arranged at the start: members with a young child and no "
                  "place get a free place at their provider; where none is free they are "
                  "registered without the registration lag and wait for one.",
                  kind="lever", type=bool,
                  doc_nl=("Kinderopvang wordt bij de start geregeld: leden met een jong kind "
                          "zonder plaats krijgen een vrije plaats bij hun aanbieder; is er geen "
                          "vrij, dan worden ze zonder wachttijd ingeschreven en wachten ze op een "
                          "plaats."),
                  unit_nl="ja/nee",
                  source_nl="evaluatie- en praktijkrapporten: kinderopvang geregeld vóór de start"),
        Parameter("recruitment", "random", "rule", None, EVALUATION + ": invitations via coaches",
                  "Who is invited: 'random' eligible mothers, those with a coach contact "
                  "last month ('coach_contact'), clients of dedicated coaches "
                  "('dedicated_coaches'), or mothers who attended the intake of another "
                  "peer-group format of the scenario ('intake').", kind="lever", type=str,
                  choices=("random", "coach_contact", "dedicated_coaches", "intake"),
                  doc_nl=("Wie wordt uitgenodigd: willekeurige moeders uit de doelgroep "
                          "('random'), moeders met contact met hun klantmanager in de vorige maand"
                          " ('coach_contact'), klanten van gespecialiseerde klantmanagers "
                          "('dedicated_coaches'), of moeders die bij de intake van een ander "
                          "groepstraject in het scenario waren ('intake')."),
                  unit_nl="regel",
                  source_nl="Rotterdamse evaluatie (2025): uitnodigingen via klantmanagers"),
        count("selected_per_group", 45, (10, 100),
              FUNNEL + ": 223 selected for 15 start meetings",
              "Mothers selected for each group start (invitations are finite).", lo=1,
              hi=100_000, unit="mothers", kind="lever",
              doc_nl=("Moeders die per groepsstart worden geselecteerd (het aantal uitnodigingen "
                      "is begrensd)."),
              unit_nl="moeders",
              source_nl=("Rotterdamse evaluatie (2025): de trechter van deelname (004:446-448, "
                         "004:716, 004:766, 004:811): 223 vrouwen geselecteerd voor 15 "
                         "startbijeenkomsten")),
        share("reselect_share", 0.0, (0.0, 0.5),
              FUNNEL + ": 46 of the 223 selected had been approached before",
              "Share of each group's selection kept for mothers approached before who have "
              "not joined (the rest go to mothers not yet approached, while there are any).",
              kind="lever",
              doc_nl=("Deel van de selectie per groep dat is bedoeld voor moeders die al eerder "
                      "zijn benaderd en nog niet meedoen (de rest gaat naar moeders die nog niet "
                      "zijn benaderd, zolang die er zijn)."),
              unit_nl="aandeel",
              source_nl=("Rotterdamse evaluatie (2025): de trechter van deelname (004:446-448, "
                         "004:716, 004:766, 004:811): 46 van de 223 geselecteerden waren al eerder"
                         " benaderd")),
        count("priority_min_child_age_months", 0, (0, 36),
              EVALUATION + ": mainly mothers of toddlers aged 2-4 were approached (004:815)",
              "Selection favours mothers whose youngest child is at least this old (0: no "
              "preference).", lo=0, hi=216, unit="months", kind="lever",
              doc_nl=("De selectie geeft voorrang aan moeders van wie het jongste kind minstens "
                      "deze leeftijd heeft (0: geen voorrang)."),
              unit_nl="maanden",
              source_nl=("Rotterdamse evaluatie (2025): vooral moeders van peuters van 2-4 jaar "
                         "zijn benaderd (004:815)")),
        Parameter("intake", False, "flag", None,
                  EVALUATION + ": invited to a (mandatory) start meeting (004:448, 004:716)",
                  "Invited mothers are asked to an intake or start meeting first; only those "
                  "who attend decide whether to join.", kind="lever", type=bool,
                  doc_nl=("Uitgenodigde moeders worden eerst gevraagd voor een intake of "
                          "startbijeenkomst; alleen wie komt, beslist of ze meedoet."),
                  unit_nl="ja/nee",
                  source_nl=("Rotterdamse evaluatie (2025): uitgenodigd voor een (verplichte) "
                             "startbijeenkomst (004:448, 004:716)")),
        share("intake_attendance", 0.85, (0.6, 0.95),
              FUNNEL + ": 177 invited, 15 start meetings of about 10",
              "Probability that an invited mother attends the intake (with childcare on "
              "site, or without a young child).", unit="probability", kind="uncertainty",
              doc_nl=("Kans dat een uitgenodigde moeder naar de intake komt (met opvang ter "
                      "plekke, of zonder jong kind)."),
              unit_nl="kans",
              source_nl=("Rotterdamse evaluatie (2025): de trechter van deelname (004:446-448, "
                         "004:716, 004:766, 004:811): 177 uitgenodigd, 15 startbijeenkomsten van "
                         "ongeveer 10")),
        count("intake_meeting_size", 10, (6, 15),
              EVALUATION + ": start meetings of about 10 women (004:716)",
              "Mothers per intake meeting on average.", lo=1, hi=1000, unit="mothers",
              kind="setting",
              doc_nl="Gemiddeld aantal moeders per intakebijeenkomst.",
              unit_nl="moeders",
              source_nl=("Rotterdamse evaluatie (2025): startbijeenkomsten van gemiddeld 10 "
                         "vrouwen (004:716)")),
        count("max_child_age_months", 24, (12, 216),
              PRACTICE + ": a child under 2 to 4 (004:815); no limit in other programmes "
              "(002:1400, 003:43)",
              "Eligible with a youngest child under this age.", lo=0, hi=216, unit="months",
              kind="lever",
              doc_nl="Doelgroep: jongste kind jonger dan deze leeftijd.",
              unit_nl="maanden",
              source_nl=("evaluatie- en praktijkrapporten: een kind jonger dan 2 tot 4 jaar "
                         "(004:815); geen leeftijdsgrens in andere programma's (002:1400, 003:43)")),
        count("min_ladder_step", 1, (1, 4), ASSUMPTION,
              "Eligible from this participation-ladder step (4: mothers looking for work).",
              lo=1, hi=4, unit="ladder step", kind="lever",
              doc_nl=("Doelgroep: vanaf deze trede van de participatieladder (4: moeders die werk "
                      "zoeken)."),
              unit_nl="trede",
              source_nl=ASSUMPTION_NL),
        Parameter("include_pregnant", True, "flag", None, PRACTICE + ": target group",
                  "Pregnant women are eligible.", kind="lever", type=bool,
                  doc_nl="Zwangere vrouwen horen bij de doelgroep.",
                  unit_nl="ja/nee",
                  source_nl="evaluatie- en praktijkrapporten: doelgroep"),
        share("acceptance_rate", 0.3, (0.15, 0.7),
              ASSUMPTION + "; " + EVALUATION + ": of 177 invited, 67 took a training and 40 started a "
              "trajectory",
              "Probability that a selected mother of middling confidence and trust, with "
              "nothing in the way, registers (after the intake, if there is one).",
              unit="probability", kind="uncertainty",
              doc_nl=("Kans dat een geselecteerde moeder met gemiddeld zelfvertrouwen en "
                      "vertrouwen, bij wie niets in de weg zit, zich aanmeldt (na de intake, als "
                      "die er is)."),
              unit_nl="kans",
              source_nl=("aanname; Rotterdamse evaluatie (2025): van 177 uitgenodigden volgden er "
                         "67 een training en begonnen er 40 aan een traject")),
        share("acceptance_confidence_effect", 0.5, (0.0, 0.9),
              ASSUMPTION + "; " + PRACTICE + ": insecure mothers hold back",
              "Relative change of the registration probability from middling to full "
              "confidence (and down to none).", unit="share", kind="uncertainty",
              doc_nl=("Relatieve verandering van de kans op aanmelding van gemiddeld naar volledig"
                      " zelfvertrouwen (en omlaag naar geen)."),
              unit_nl="aandeel",
              source_nl=("aanname; evaluatie- en praktijkrapporten: onzekere moeders houden zich "
                         "afzijdig")),
        share("acceptance_trust_effect", 0.5, (0.0, 0.9),
              ASSUMPTION + "; " + EVALUATION + ": a warm welcome unlike the usual contact "
              "with the municipality (004:730)",
              "Relative change of the registration probability from middling to full "
              "trust in services (and down to none).", unit="share", kind="uncertainty",
              doc_nl=("Relatieve verandering van de kans op aanmelding van gemiddeld naar volledig"
                      " vertrouwen in de gemeente (en omlaag naar geen)."),
              unit_nl="aandeel",
              source_nl=("aanname; Rotterdamse evaluatie (2025): een warm welkom, anders dan het "
                         "gewone contact met de gemeente (004:730)")),
        factor("acceptance_no_childcare_factor", 0.5, (0.2, 0.9),
               ASSUMPTION + "; " + EVALUATION + ": many mothers could not arrange a sitter "
               "(004:716)",
               "Registration of a mother with a young child and no place when the sessions "
               "have no childcare, relative.", kind="uncertainty",
               doc_nl=("Aanmelding van een moeder met een jong kind zonder opvangplaats als er "
                       "geen opvang is tijdens de bijeenkomsten, relatief."),
               unit_nl="factor",
               source_nl=("aanname; Rotterdamse evaluatie (2025): veel moeders lukte het niet zelf"
                          " oppas te regelen (004:716)")),
        factor("acceptance_exempt_factor", 0.5, (0.2, 1.0), ASSUMPTION,
               "Registration of a mother exempt from the work obligation, relative.",
               kind="uncertainty",
               doc_nl=("Aanmelding van een moeder met een ontheffing van de arbeidsplicht, "
                       "relatief."),
               unit_nl="factor",
               source_nl=ASSUMPTION_NL),
        share("no_show_share", 0.17, (0.05, 0.3),
              FUNNEL + ": 48 registered, 40 started",
              "Probability that a registered mother does not show up at the start.",
              unit="probability", kind="uncertainty",
              doc_nl="Kans dat een aangemelde moeder bij de start niet komt opdagen.",
              unit_nl="kans",
              source_nl=("Rotterdamse evaluatie (2025): de trechter van deelname (004:446-448, "
                         "004:716, 004:766, 004:811): 48 aanmeldingen, 40 gestart")),
        factor("no_show_stress_factor", 2.0, (1.0, 3.0),
               ASSUMPTION + "; " + PRACTICE + ": attendance drops for sick children",
               "No-shows in a starting month with a stress event (a sick child), relative.",
               kind="uncertainty",
               doc_nl=("Niet komen opdagen in een startmaand met een stressvolle gebeurtenis (een "
                       "ziek kind), relatief."),
               unit_nl="factor",
               source_nl=("aanname; evaluatie- en praktijkrapporten: de opkomst daalt door zieke "
                          "kinderen")),
        share("attendance_base", 0.85, (0.7, 0.95), ASSUMPTION,
              "Probability that a member attends a session month with nothing in the way.",
              unit="probability", kind="uncertainty",
              doc_nl=("Kans dat een lid komt in een maand met bijeenkomsten als er niets in de weg"
                      " zit."),
              unit_nl="kans",
              source_nl=ASSUMPTION_NL),
        factor("attendance_sick_child_factor", 0.3, (0.1, 0.6),
               ASSUMPTION + "; " + PRACTICE + ": attendance drops for sick children",
               "Attendance in a month with a stress event (a sick child), relative.",
               kind="uncertainty",
               doc_nl=("Opkomst in een maand met een stressvolle gebeurtenis (een ziek kind), "
                       "relatief."),
               unit_nl="factor",
               source_nl=("aanname; evaluatie- en praktijkrapporten: de opkomst daalt door zieke "
                          "kinderen")),
        factor("attendance_language_factor", 0.7, (0.4, 0.9),
               ASSUMPTION + "; " + PRACTICE + ": attendance drops for language problems",
               "Attendance with a language barrier, relative.", kind="uncertainty",
               doc_nl="Opkomst met een taalbarrière, relatief.",
               unit_nl="factor",
               source_nl=("aanname; evaluatie- en praktijkrapporten: de opkomst daalt door "
                          "taalproblemen")),
        factor("attendance_no_childcare_factor", 0.6, (0.3, 0.9), ASSUMPTION,
               "Attendance of a mother with a young child when no childcare is provided, "
               "relative.", kind="uncertainty",
               doc_nl="Opkomst van een moeder met een jong kind als er geen opvang is, relatief.",
               unit_nl="factor",
               source_nl=ASSUMPTION_NL),
        factor("attendance_work_factor", 0.5, (0.2, 0.8),
               ASSUMPTION + "; " + PRACTICE + ": clashing obligations",
               "Attendance of a member in (part-time) work, relative.", kind="uncertainty",
               doc_nl="Opkomst van een lid met (deeltijd)werk, relatief.",
               unit_nl="factor",
               source_nl="aanname; evaluatie- en praktijkrapporten: verplichtingen die botsen"),
        share("self_run_attendance_decay", 0.1, (0.03, 0.25),
              ASSUMPTION + "; " + PRACTICE + ": self-run groups fade without a facilitator",
              "Monthly relative drop in attendance of a group without a facilitator.",
              unit="share per month", kind="uncertainty",
              doc_nl="Relatieve daling per maand van de opkomst in een groep zonder begeleider.",
              unit_nl="deel per maand",
              source_nl=("aanname; evaluatie- en praktijkrapporten: groepen zonder begeleider "
                         "verwateren")),
        hazard("dropout_hazard", 0.03, (0.01, 0.08), ASSUMPTION,
               "Monthly probability that a member leaves the group.", kind="uncertainty",
               doc_nl="Kans per maand dat een lid de groep verlaat.",
               unit_nl="kans per maand",
               source_nl=ASSUMPTION_NL),
        hazard("dropout_language_course", 0.05, (0.0, 0.15),
               ASSUMPTION + "; " + PRACTICE + ": one mother left for a language course",
               "Extra monthly probability of leaving with a language barrier.",
               kind="uncertainty",
               doc_nl=("Extra kans per maand dat een lid met een taalbarrière de groep verlaat "
                       "(voor een taalcursus)."),
               unit_nl="kans per maand",
               source_nl=("aanname; evaluatie- en praktijkrapporten: één moeder vertrok voor een "
                          "taalcursus")),
        share("confidence_gain_per_10_hours", 0.08, (0.02, 0.2), ASSUMPTION,
              "Share of the gap to full confidence closed per 10 hours attended.",
              unit="share of gap", kind="uncertainty",
              doc_nl=("Deel van de afstand tot volledig zelfvertrouwen dat elke 10 bijgewoonde "
                      "uren overbruggen."),
              unit_nl="deel van de afstand",
              source_nl=ASSUMPTION_NL),
        share("durable_share", 0.5, (0.0, 1.0), ASSUMPTION,
              "Share of the confidence gained that becomes the mother's own lasting level.",
              kind="uncertainty",
              doc_nl="Deel van het gewonnen zelfvertrouwen dat blijvend is.",
              unit_nl="aandeel",
              source_nl=ASSUMPTION_NL),
        share("trust_gain_per_10_hours", 0.05, (0.0, 0.15), ASSUMPTION,
              "Share of the gap to full trust in services closed per 10 hours attended.",
              unit="share of gap", kind="uncertainty",
              doc_nl=("Deel van de afstand tot volledig vertrouwen in de gemeente dat elke 10 "
                      "bijgewoonde uren overbruggen."),
              unit_nl="deel van de afstand",
              source_nl=ASSUMPTION_NL),
        share("childcare_trust_gain_per_10_hours", 0.05, (0.0, 0.15), ASSUMPTION,
              "With childcare at sessions: share of the gap to full trust in formal "
              "childcare closed per 10 hours attended.", unit="share of gap",
              kind="uncertainty",
              doc_nl=("Met opvang tijdens de bijeenkomsten: deel van de afstand tot volledig "
                      "vertrouwen in formele kinderopvang dat elke 10 bijgewoonde uren "
                      "overbruggen."),
              unit_nl="deel van de afstand",
              source_nl=ASSUMPTION_NL),
        factor("ladder_effect", 0.3, (0.0, 1.0), ASSUMPTION,
               "Extra relative chance of a step up while an active member.",
               kind="uncertainty",
               doc_nl="Extra relatieve kans op een trede omhoog zolang een moeder actief lid is.",
               unit_nl="factor",
               source_nl=ASSUMPTION_NL),
        factor("job_search_effect", 0.3, (0.0, 1.5),
               ASSUMPTION + "; group job-search training raises job finding while it runs "
               "(the JOBS trial: Brenninkmeijer & Blonk 2012)",
               "Extra relative chance of a job offer in a month as an active member (the "
               "group practises searching and applying).", kind="uncertainty",
               doc_nl=("Extra relatieve kans op een baanaanbod in een maand als actief lid (de "
                       "groep oefent met zoeken en solliciteren)."),
               unit_nl="factor",
               source_nl=("aanname; een sollicitatietraining in groepsverband vergroot de kans op "
                          "werk zolang ze loopt (het JOBS-experiment: Brenninkmeijer & Blonk 2012)")),
        amount("search_effect_months", 6.0, (0.0, 12.0),
               ASSUMPTION + "; what a group teaches about searching lasts beyond its "
               "sessions: after a one-week training the JOBS participants were more often "
               "in work at 6 months, less so at 12 (Brenninkmeijer & Blonk 2012)",
               "After a member completes her group, the job-search effect fades over this "
               "many months (it is job_search_effect x exp(-months since the end / this); "
               "0: it ends with the group).", unit="months", kind="uncertainty", hi=120.0,
               doc_nl=("Maanden waarin het zoekeffect na de groep uitdooft, als job_search_effect "
                       "x exp(-maanden sinds het einde van de groep / deze waarde); bij 0 stopt "
                       "het met de groep."),
               unit_nl="maanden",
               source_nl=("aanname; wat een groep leert over zoeken, werkt door na de "
                          "bijeenkomsten: na een training van een week werkten de deelnemers aan "
                          "het JOBS-experiment na 6 maanden vaker, na 12 maanden minder "
                          "uitgesproken (Brenninkmeijer & Blonk 2012)")),
        share("tie_per_month", 0.15, (0.03, 0.4),
              ASSUMPTION + "; " + PRACTICE + ": effects run through ties; friendships take "
              "time, so a short course forms few (the JOBS trial's effect faded within a "
              "year: Brenninkmeijer & Blonk 2012)",
              "Probability that two members who attend sessions in the same month form a "
              "tie, per month of meeting (however many sessions that month).",
              unit="probability per month", kind="uncertainty",
              doc_nl=("Kans dat twee leden die in dezelfde maand bijeenkomsten bijwonen een band "
                      "opbouwen, per maand dat ze samenkomen (ongeacht het aantal bijeenkomsten "
                      "die maand)."),
              unit_nl="kans per maand",
              source_nl=("aanname; evaluatie- en praktijkrapporten: effecten lopen via onderlinge "
                         "banden; vriendschappen hebben tijd nodig, dus een korte cursus levert er"
                         " weinig op (het effect van het JOBS-experiment verdween binnen een jaar:"
                         " Brenninkmeijer & Blonk 2012)")),
        hazard("tie_fade_per_month", 0.05, (0.0, 0.15),
               ASSUMPTION + "; " + PRACTICE + ": self-run groups fade without a facilitator",
               "Monthly probability that a tie from a group without a facilitator dissolves.",
               kind="uncertainty",
               doc_nl="Kans per maand dat een band uit een groep zonder begeleider verdwijnt.",
               unit_nl="kans per maand",
               source_nl=("aanname; evaluatie- en praktijkrapporten: groepen zonder begeleider "
                          "verwateren")),
        hazard("tie_fade_after_end_per_month", 0.05, (0.0, 0.15),
               ASSUMPTION + ": contact between members thins out once a group stops meeting",
               "Monthly probability that a tie from a group that has stopped meeting "
               "dissolves.", kind="uncertainty",
               doc_nl=("Kans per maand dat een band uit een groep die niet meer bijeenkomt "
                       "verdwijnt."),
               unit_nl="kans per maand",
               source_nl=("aanname: het contact tussen deelnemers neemt af zodra een groep niet "
                          "meer bijeenkomt")),
        share("job_loss_reduction_per_tie", 0.1, (0.0, 0.25),
              ASSUMPTION + "; " + PRACTICE + ": peer support lowers the risk of job loss",
              "Relative drop in the risk of job loss per peer tie.",
              unit="share per tie", kind="uncertainty",
              doc_nl=("Relatieve daling van het risico op baanverlies per band met een "
                      "groepsgenoot."),
              unit_nl="deel per band",
              source_nl=("aanname; evaluatie- en praktijkrapporten: steun van lotgenoten verlaagt "
                         "het risico op baanverlies")),
        count("job_loss_ties_max", 3, (1, 6), ASSUMPTION,
              "Most peer ties that lower the risk of job loss.", lo=0, hi=100, unit="ties",
              kind="setting",
              doc_nl=("Hoogste aantal banden met groepsgenoten dat het risico op baanverlies "
                      "verlaagt."),
              unit_nl="banden",
              source_nl=ASSUMPTION_NL),
        factor("former_participant_factor", 0.8, (0.5, 1.5),
               ASSUMPTION + "; experts by experience reach and move mothers whom professionals "
               "reach less (004:720, 004:1096-1098, 002:1404), so the range reaches above a "
               "professional's",
               "Effects of a group led by a former participant, relative to a professional.",
               kind="uncertainty",
               doc_nl=("Effecten van een groep onder leiding van een oud-deelnemer, ten opzichte "
                       "van een professional."),
               unit_nl="factor",
               source_nl=("aanname; ervaringsdeskundigen bereiken en bewegen moeders die "
                          "professionals minder goed bereiken (004:720, 004:1096-1098, 002:1404); "
                          "de bandbreedte gaat daarom tot boven die van een professional")),
        factor("self_run_factor", 0.5, (0.2, 0.9), ASSUMPTION,
               "Effects of a group without a facilitator, relative to a professional.",
               kind="uncertainty",
               doc_nl=("Effecten van een groep zonder begeleider, ten opzichte van een "
                       "professional."),
               unit_nl="factor",
               source_nl=ASSUMPTION_NL),
        _f("cost_per_session_eur", 400.0, "EUR per session", (50.0, 1000.0),
           ASSUMPTION + ": facilitator and venue; a venue alone for a self-steering group",
           "Cost of one session (or programme day).",
           kind="uncertainty", hi=1e7,
           doc_nl="Kosten van één bijeenkomst (of programmadag).",
           unit_nl="euro per bijeenkomst",
           source_nl="aanname: begeleider en ruimte; alleen een ruimte voor een zelfsturende groep"),
        _f("cost_per_group_start_eur", 500.0, "EUR per group", (0.0, 2000.0),
           ASSUMPTION + ": start meeting and recruitment", "Cost of starting a group.",
           kind="uncertainty", hi=1e7,
           doc_nl="Kosten om een groep te starten.",
           unit_nl="euro per groep",
           source_nl="aanname: startbijeenkomst en werving"),
        _f("childcare_cost_per_child_session_eur", 35.0, "EUR per child per session",
           (15.0, 80.0), ASSUMPTION, "Cost of childcare at a session, per attending mother "
           "with a young child (when childcare is provided).", kind="uncertainty", hi=1e7,
           doc_nl=("Kosten van opvang tijdens een bijeenkomst, per aanwezige moeder met een jong "
                   "kind (als er opvang is)."),
           unit_nl="euro per kind per bijeenkomst",
           source_nl=ASSUMPTION_NL),
    ))

    metrics = (
        Metric("peer_groups_running", "groups", "Groups meeting this month.", kind="stock"),
        Metric("peer_groups_started", "groups", "Groups started this month.", kind="flow"),
        Metric("peer_group_sessions", "sessions", "Sessions held this month.", kind="flow"),
        Metric("peer_group_childcare_child_sessions", "child sessions",
               "Children minded during sessions this month.", kind="flow"),
        Metric("peer_group_participants", "mothers", "Active members of running groups.",
               reach=True, kind="stock"),
        Metric("peer_group_informed", "mothers",
               "Eligible mothers told about the programme for the first time this month.",
               kind="flow"),
        Metric("peer_group_selected", "mothers", "Mothers selected for a group this month.",
               kind="flow"),
        Metric("peer_group_invited", "mothers",
               "Selected mothers invited this month who had not been approached before.",
               kind="flow"),
        Metric("peer_group_intake_attended", "mothers",
               "Invited mothers who attended the intake this month.", kind="flow"),
        Metric("peer_group_intake_meetings", "meetings", "Intake meetings held this month.",
               kind="flow"),
        Metric("peer_group_registered", "mothers", "Mothers registering this month.", kind="flow"),
        Metric("peer_group_waiting", "mothers",
               "Registered mothers waiting for a place in a next group.", kind="stock"),
        Metric("peer_group_no_shows", "mothers",
               "Registered mothers given a place who did not show up at the start.", kind="flow"),
        Metric("peer_group_new_members", "mothers", "Members starting this month.", kind="flow"),
        Metric("peer_group_completed", "mothers",
               "Members still active when their group finished its schedule this month.",
               kind="flow"),
        Metric("peer_group_attendees", "mothers", "Members attending this month.", kind="stock"),
        Metric("peer_group_dropouts", "mothers", "Members leaving their group this month.",
               kind="flow"),
        Metric("peer_group_childcare_places_arranged", "places",
               "Formal childcare places arranged for members this month.", kind="flow"),
        Metric("peer_group_internship_without_childcare", "mothers",
               "Active members in an internship month whose young child has no care.", kind="stock"),
        Metric("peer_group_internship_placements", "mothers",
               "Members starting an internship at a work-experience place this month.", kind="flow"),
        Metric("peer_group_internship_unplaced", "mothers",
               "Members ready for an internship (care arranged) without a place this month.",
               kind="stock"),
        Metric("peer_ties", "ties", "Active ties made in this policy's groups.", kind="stock"),
        cost_metric("Sessions, group starts and childcare at sessions."),
    )
    zero: ClassVar[dict[str, Any]] = {"groups_per_year": 0}
    uses = ("dedicated_coaches",)  # whose participants it reads
    state = (
        State("member_of", np.int64, -1, "group id; -1: never"),
        State("informed", np.bool_, False, "informed of the groups"),
        State("approached", np.bool_, False, "invited by this format before"),
        State("intake_attended", np.bool_, False, "attended this format's intake"),
    )
    # Read and written as attributes; the mothers' table holds them (Policy.bind).
    member_of: np.ndarray
    informed: np.ndarray
    approached: np.ndarray
    intake_attended: np.ndarray
    COUNTS = ("informed", "selected", "invited", "intake_attended", "intake_meetings",
              "registered", "no_shows", "new_members", "completed", "attendees", "dropouts",
              "sessions", "childcare_sessions", "new_groups", "places_arranged",
              "internship_without_care", "placements", "unplaced")

    # ---- set-up and schedule ----------------------------------------------------------------
    def setup(self, ctx: PolicyContext) -> None:
        self.groups: list[Group] = []
        self.rounds = 0  # recruitment rounds so far (they key the invitation draws)
        self.waiting = np.zeros(0, dtype=np.int64)  # registered, waiting for a place
        self.counts: dict[str, float] = dict.fromkeys(self.COUNTS, 0)

    @property
    def effect(self) -> float:
        p = self.params
        return {"professional": 1.0, "former_participant": p.former_participant_factor,
                "none": p.self_run_factor}[p.facilitator]

    def schedule(self, k: int) -> tuple[float, float, bool]:
        """(sessions, hours per session, internship month) in month k of a group (k >= 0)."""
        p = self.params
        if k < p.intensive_months:
            return p.intensive_sessions_per_month, p.intensive_session_hours, False
        k -= p.intensive_months
        if k < p.internship_months:
            return p.internship_meetings_per_month, p.internship_meeting_hours, True
        k -= p.internship_months
        done = min(np.floor(k * p.sessions_per_month), p.sessions)
        due = min(np.floor((k + 1) * p.sessions_per_month), p.sessions) - done
        return float(due), p.session_hours, False

    def duration(self) -> int:
        p = self.params
        regular = int(np.ceil(p.sessions / p.sessions_per_month)) if p.sessions else 0
        return p.intensive_months + p.internship_months + regular

    def running(self, t: int) -> list[Group]:
        return [g for g in self.groups if 0 <= t - g.start < self.duration()]

    def participants(self, ctx: PolicyContext) -> np.ndarray:
        ids = [g.members[g.active] for g in self.running(ctx.month)]
        return np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64)

    def ever_participants(self, ctx: PolicyContext) -> np.ndarray:
        return np.flatnonzero(self.member_of >= 0)

    def starting(self, t: int) -> int:
        """Groups starting in month t: spread evenly from the first start month."""
        p = self.params
        if not p.first_start_month <= t <= p.last_start_month:
            return 0
        s = t - p.first_start_month
        return (s * p.groups_per_year) // 12 - ((s - 1) * p.groups_per_year) // 12

    # ---- hooks ----------------------------------------------------------------------------------
    def on_month_start(self, ctx: PolicyContext) -> None:
        self.counts = dict.fromkeys(self.counts, 0)
        p, t = self.params, ctx.month
        if p.groups_per_year == 0:
            return
        for _ in range(self.starting(t)):
            self._recruit(ctx)
        # The group's one ladder channel: active members step up more easily while it runs.
        for g in self.running(t):
            active = g.members[g.active]
            ctx.scale("mod_ladder_up", active, 1.0 + p.ladder_effect * self.effect)
            ctx.scale("mod_offer", active, 1.0 + p.job_search_effect * self.effect)
        # What members learnt about searching fades after their group's end.
        if p.search_effect_months > 0 and p.job_search_effect > 0:
            for g in self.groups:
                since = t - (g.start + self.duration()) + 1
                if since >= 1:
                    fade = np.exp(-since / p.search_effect_months)
                    ctx.scale("mod_offer", g.members[g.active],
                              1.0 + p.job_search_effect * self.effect * fade)
        own = self._own_degree(ctx)
        tied = np.flatnonzero(own > 0)
        ctx.scale("mod_job_loss", tied, (1.0 - p.job_loss_reduction_per_tie)
                  ** np.minimum(own[tied], p.job_loss_ties_max))

    # ---- the funnel -------------------------------------------------------------------------
    def _pool(self, ctx: PolicyContext) -> np.ndarray:
        """Eligible mothers: on assistance, in the target group, never a member, at the
        ladder step, and within the recruitment rule."""
        m, p, t = ctx.mothers, self.params, ctx.month
        on = ctx.on_assistance()
        ok = (ctx.target_group(on, p.max_child_age_months, p.include_pregnant)
              & (self.member_of[on] < 0) & (m.ladder[on] >= p.min_ladder_step))
        if p.recruitment == "coach_contact":
            ok &= m.last_contact[on] == t - 1
        elif p.recruitment == "dedicated_coaches":
            ok &= np.isin(on, ctx.participants_of("dedicated_coaches"))
        elif p.recruitment == "intake":
            ok &= np.isin(on, self._others_intake(ctx))
        return on[ok]

    def _others_intake(self, ctx: PolicyContext) -> np.ndarray:
        """Mothers who attended the intake of another peer-group format of the scenario."""
        ids = [np.flatnonzero(q.intake_attended) for q in ctx.policies_named(self.name)
               if q is not self and isinstance(q, PeerGroups)]
        return np.unique(np.concatenate(ids)) if ids else np.zeros(0, dtype=np.int64)

    def acceptance(self, ctx: PolicyContext, ids: np.ndarray) -> np.ndarray:
        """Probability that each of ``ids`` registers once asked."""
        m, p = ctx.mothers, self.params
        no_care = (ctx.needs_care(ids) & (m.childcare_place[ids] < 0)
                   & ~np.bool_(p.childcare_during_sessions))
        chance = (p.acceptance_rate
                  * (1.0 + p.acceptance_confidence_effect * (2.0 * m.confidence[ids] - 1.0))
                  * (1.0 + p.acceptance_trust_effect * (2.0 * m.trust_services[ids] - 1.0))
                  * np.where(no_care, p.acceptance_no_childcare_factor, 1.0)
                  * np.where(m.exempt[ids], p.acceptance_exempt_factor, 1.0))
        return np.clip(chance, 0.0, 1.0)

    def _recruit(self, ctx: PolicyContext) -> None:
        m, p, t = ctx.mothers, self.params, ctx.month
        pool = self._pool(ctx)
        fresh = pool[~self.informed[pool]]
        self.informed[fresh] = True
        self.counts["informed"] += len(fresh)
        # Keyed by recruitment round: two rounds in one month draw afresh for each.
        self.rounds += 1
        r = self.rounds
        still = self.waiting[(m.status[self.waiting] == Status.ON_ASSISTANCE)
                             & (self.member_of[self.waiting] < 0)]
        pool = pool[~np.isin(pool, still)]
        order = ctx.uniform(f"select:{r}", pool)
        if p.priority_min_child_age_months:
            older = t - m.youngest_birth_month[pool] >= p.priority_min_child_age_months
            order = order - older  # the preferred first, at random within each
        pool = pool[np.argsort(order, kind="stable")]
        before = self.approached[pool]
        k = p.selected_per_group
        again = pool[before][: round(p.reselect_share * k)]
        new = pool[~before][: k - len(again)]
        selected = np.concatenate([again, new, pool[before][len(again):][: k - len(again)
                                                                         - len(new)]])
        invited = selected[~self.approached[selected]]
        self.approached[invited] = True
        self.counts["selected"] += len(selected)
        self.counts["invited"] += len(invited)
        asked = selected
        if p.intake and p.recruitment != "intake":
            # The newly invited, and those selected again who did not come last time.
            due = selected[~self.intake_attended[selected]]
            no_care = ctx.needs_care(due) & ~np.bool_(p.childcare_during_sessions)
            chance = p.intake_attendance * np.where(no_care, p.attendance_no_childcare_factor,
                                                    1.0)
            came = due[ctx.uniform(f"intake:{r}", due) < chance]
            self.intake_attended[came] = True
            self.counts["intake_attended"] += len(came)
            if len(came):
                self.counts["intake_meetings"] += max(1, round(len(came) / p.intake_meeting_size))
            asked = selected[self.intake_attended[selected]]
        registered = asked[ctx.uniform(f"accept:{r}", asked) < self.acceptance(ctx, asked)]
        self.counts["registered"] += len(registered)
        queue = np.concatenate([still, registered])
        members, self.waiting = queue[: p.group_size], queue[p.group_size:]
        if len(members) == 0:
            return
        gid = len(self.groups)
        self.groups.append(Group(gid, t, members, np.ones(len(members), dtype=bool),
                                 ctx.network.new_group(f"{self.label}:{gid}")))
        self.member_of[members] = gid
        self.counts["new_groups"] += 1
        if p.arrange_childcare:
            self._arrange_places(ctx, members)

    def _arrange_places(self, ctx: PolicyContext, ids: np.ndarray) -> None:
        """A free place at her provider for each member with a young child and no place
        who wants one; where none is free she is registered without the lag and waits."""
        m = ctx.mothers
        need = ids[ctx.needs_care(ids) & (m.childcare_place[ids] < 0)]
        # She takes a place as she registers for one herself: as far as she trusts formal
        # care (mothers who do not want their child in care, 004:1058).
        need = need[ctx.uniform("arranged_take_up", need) < m.trust_childcare[need]]
        need = need[np.lexsort((need, m.provider[need]))]
        general, _reserved = ctx.occupied()
        free = np.array([max(c.places - c.reserved - g, 0)
                         for c, g in zip(ctx.providers, general)], dtype=np.int64)
        provider = m.provider[need].astype(np.int64)
        rank = np.arange(len(need)) - np.searchsorted(provider, provider)
        got = need[rank < free[provider]]
        ctx.give_places(got, m.provider[got], reserved=False)
        self.counts["places_arranged"] += len(got)
        ctx.register_for_childcare(need[rank >= free[provider]],
                                   since=ctx.month - ctx.params.childcare_registration_lag_months)

    def on_month_end(self, ctx: PolicyContext) -> dict[str, float]:
        p, t = self.params, ctx.month
        if p.groups_per_year:
            for g in self.running(t):
                self._session_month(ctx, g, t - g.start)
            self._fade(ctx)
            ctx.refresh_ties()
        return self.report(ctx)

    def _session_month(self, ctx: PolicyContext, g: Group, k: int) -> None:
        m, p = ctx.mothers, self.params
        gone = ~np.isin(m.status[g.members], FOLLOWED)
        g.active &= ~gone
        if k == 0:
            self._no_shows(ctx, g)
        active = g.members[g.active]
        sessions, hours, internship = self.schedule(k)
        young = ctx.needs_care(active)
        working = (m.status[active] == Status.IN_WORK) | m.parttime[active]
        chance = (p.attendance_base
                  * np.where(m.stress_event[active], p.attendance_sick_child_factor, 1.0)
                  * np.where((m.barriers[active] & LANGUAGE) != 0, p.attendance_language_factor, 1.0)
                  * np.where(young & ~np.bool_(p.childcare_during_sessions),
                             p.attendance_no_childcare_factor, 1.0)
                  * np.where(working, p.attendance_work_factor, 1.0))
        if p.facilitator == "none":
            chance = chance * (1.0 - p.self_run_attendance_decay) ** k
        attend = active[ctx.uniform("attend", active) < chance]

        if internship:
            # An internship needs care for a young child: a formal place or an arrangement.
            cared = ~young | (m.childcare_place[active] >= 0) | m.informal_care[active]
            self.counts["internship_without_care"] += int((~cared).sum())
            if k == p.intensive_months:
                # Work-experience places are finite: the ready members draw for them.
                ready = active[cared]
                ready = ready[np.argsort(ctx.uniform("placement", ready), kind="stable")]
                g.interns = ready[: p.internship_places]
                self.counts["placements"] += len(g.interns)
                self.counts["unplaced"] += len(ready) - len(g.interns)
            if k == p.intensive_months + p.internship_months - 1:
                done = active[cared & np.isin(active, attend) & np.isin(active, g.interns)]
                done = done[ctx.uniform("internship", done) < p.internship_completion]
                done = done[(m.status[done] == Status.ON_ASSISTANCE) & ~m.parttime[done]]
                kept = done[ctx.uniform("internship_step", done) < p.internship_step_kept]
                ctx.raise_ladder(kept, LADDER_PARTTIME - 1)
        if sessions > 0:
            self._effects(ctx, attend, sessions * hours)
            self._ties(ctx, g, attend)
            g.hours[np.isin(g.members, attend)] += sessions * hours
            self.counts["sessions"] += sessions
            if p.childcare_during_sessions:
                self.counts["childcare_sessions"] += sessions * int(ctx.needs_care(attend).sum())
        self.counts["attendees"] += len(attend)

        leave = p.dropout_hazard + np.where((m.barriers[active] & LANGUAGE) != 0,
                                            p.dropout_language_course, 0.0)
        drop = active[ctx.uniform("dropout", active) < leave]
        g.active &= ~np.isin(g.members, drop)
        self.counts["dropouts"] += len(drop)
        if k == self.duration() - 1:
            self.counts["completed"] += int(g.active.sum())

    def _no_shows(self, ctx: PolicyContext, g: Group) -> None:
        """In the first month, some registered members do not show up (more often in a
        month with a stress event): they leave the group unstarted and may be selected
        again later."""
        m, p = ctx.mothers, self.params
        placed = g.members[g.active]
        chance = p.no_show_share * np.where(m.stress_event[placed], p.no_show_stress_factor, 1.0)
        absent = placed[ctx.uniform(f"no_show:{g.gid}", placed) < chance]
        kept = ~np.isin(g.members, absent)  # a no-show never was a member
        g.members, g.active, g.hours = g.members[kept], g.active[kept], g.hours[kept]
        self.member_of[absent] = -1
        self.counts["no_shows"] += len(absent)
        self.counts["new_members"] += len(placed) - len(absent)

    def _effects(self, ctx: PolicyContext, ids: np.ndarray, hours: float) -> None:
        m, p = ctx.mothers, self.params

        def gain(per_10_hours: float) -> np.float32:
            share = min(per_10_hours * self.effect, 1.0)  # at most the whole gap
            return np.float32(1.0 - (1.0 - share) ** (hours / 10.0))

        g = gain(p.confidence_gain_per_10_hours)
        before = m.confidence[ids].copy()
        ctx.gain("confidence", ids, g)
        ctx.keep("confidence_own", ids,
                 np.float32(p.durable_share) * (m.confidence[ids] - before), cap=False)
        ctx.gain("trust_services", ids, gain(p.trust_gain_per_10_hours))
        if p.childcare_during_sessions:
            c = gain(p.childcare_trust_gain_per_10_hours)
            young = ids[ctx.needs_care(ids)]
            ctx.gain("trust_childcare", young, c)

    def _ties(self, ctx: PolicyContext, g: Group, attend: np.ndarray) -> None:
        """Pairs of attendees not yet tied form a tie with a probability per month of meeting."""
        if len(attend) < 2:
            return
        net = ctx.network
        i, j = np.triu_indices(len(attend), k=1)
        a, b = np.minimum(attend[i], attend[j]), np.maximum(attend[i], attend[j])
        mine = (net.group == g.network_id) & net.active
        span = np.int64(ctx.mothers.n)
        new = ~np.isin(a * span + b, net.a[mine] * span + net.b[mine])
        chance = self.params.tie_per_month * self.effect
        form = new & (ctx.generator(f"ties:{g.gid}").random(len(a)) < chance)
        net.add_edges(a[form], b[form], g.network_id, ctx.month,
                      fades=self.params.facilitator == "none")

    def _own_edges(self, ctx: PolicyContext) -> np.ndarray:
        net = ctx.network
        own = np.array([g.network_id for g in self.groups], dtype=np.int64)
        return net.active & np.isin(net.group, own)

    def _own_degree(self, ctx: PolicyContext) -> np.ndarray:
        net, n = ctx.network, ctx.mothers.n
        mask = self._own_edges(ctx)
        return (np.bincount(net.a[mask], minlength=n) + np.bincount(net.b[mask], minlength=n))[:n]

    def _fade(self, ctx: PolicyContext) -> None:
        """Ties of a self-run group fade while it runs; every group's ties fade once it
        has stopped meeting."""
        net, p, t = ctx.network, self.params, ctx.month
        if not self.groups:
            return
        ended = np.array([g.network_id for g in self.groups
                          if t - g.start >= self.duration()], dtype=np.int64)
        rate = np.where(np.isin(net.group, ended), p.tie_fade_after_end_per_month, 0.0)
        if p.facilitator == "none":
            rate = np.maximum(rate, np.where(net.fades, p.tie_fade_per_month, 0.0))
        edges = np.flatnonzero(self._own_edges(ctx) & (rate > 0))
        if len(edges) == 0:
            return
        net.dissolve(edges[ctx.generator("fade").random(len(edges)) < rate[edges]])

    def report(self, ctx: PolicyContext) -> dict[str, float]:
        p, c = self.params, self.counts
        running = self.running(ctx.month)
        cost = (c["sessions"] * p.cost_per_session_eur
                + c["new_groups"] * p.cost_per_group_start_eur
                + c["childcare_sessions"] * p.childcare_cost_per_child_session_eur)
        return {
            "peer_groups_running": len(running),
            "peer_groups_started": c["new_groups"],
            "peer_group_sessions": float(c["sessions"]),
            "peer_group_childcare_child_sessions": float(c["childcare_sessions"]),
            "peer_group_participants": int(sum(g.active.sum() for g in running)),
            "peer_group_informed": c["informed"],
            "peer_group_selected": c["selected"],
            "peer_group_invited": c["invited"],
            "peer_group_intake_attended": c["intake_attended"],
            "peer_group_intake_meetings": c["intake_meetings"],
            "peer_group_registered": c["registered"],
            "peer_group_waiting": int((ctx.mothers.status[self.waiting]
                                       == Status.ON_ASSISTANCE).sum()),
            "peer_group_no_shows": c["no_shows"],
            "peer_group_new_members": c["new_members"],
            "peer_group_completed": c["completed"],
            "peer_group_attendees": c["attendees"],
            "peer_group_dropouts": c["dropouts"],
            "peer_group_childcare_places_arranged": c["places_arranged"],
            "peer_group_internship_without_childcare": c["internship_without_care"],
            "peer_group_internship_placements": c["placements"],
            "peer_group_internship_unplaced": c["unplaced"],
            "peer_ties": int(self._own_edges(ctx).sum()) if self.groups else 0,
            "cost_eur": float(cost),
        }
