"""Steps 5 and 6b: job search, employer offers, and job starts.

Mothers at the top of the ladder search for a regular job; mothers in part-time work
search at any step. Part-time or flexible work alongside assistance is a state of its own
(Divosa 2019: every month 8% of people on assistance earn from it): mothers from the step of
organised activities up may be offered it, and in it they search for a regular job more
than others (the stepping stone). The chance of either offer falls with her months on
assistance (duration dependence), with a baby, and (for a regular job) when an exemption
lifts the obligation to seek work; it rises for some months after a sanction. Each
mother approaches one employer; the employer makes an offer depending on her profile and
on its perceived risk of hiring a mother whose child needs care, as long as it has
vacancies left this month. Employers ask whether
childcare is arranged and turn mothers down without it (004:630-650, 004:1207): arranged
care (a formal place or an informal arrangement) lowers the perceived risk.

An offer is a regular job (its pay ends assistance) or a flexible / school-time job
(part-time pay, topped up by assistance). A mother takes an offer whose monthly net gain
she believes in (004:538): net pay plus any assistance still paid, less assistance now,
less the childcare she would pay for herself (formal care, unless she has an informal
arrangement). A mother who does not know that the top-up continues believes a part-time
job ends her assistance, so she sees a loss. Acceptance is ``offer_acceptance`` times a
logistic curve in that gain.

A job needs childcare when the youngest child is under school age: a formal place she
holds, her informal arrangement, or a place a programme hands out (policies' ``allocate``
hook). Without one she asks her network: each tie may take it on, and the arrangement
then lasts (:mod:`simulate.steps.childcare`). Otherwise the offer fails and she may
register for a place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from scipy.special import expit

from simulate.metrics import core_metrics
from simulate.module import Module
from simulate.parameters import (
    ASSUMPTION,
    ASSUMPTION_NL,
    CPB_EXPERIMENTS,
    DIVOSA_PARTTIME,
    LONE_PARENT_OBLIGATIONS,
    PRACTICE,
    ROTTERDAM,
    Parameter,
    ParameterSet,
    amount,
    count,
    factor,
    hazard,
    share,
)
from simulate.population import NEVER, as_float32
from simulate.states import LADDER_PARTTIME, Barrier, Education, Status
from simulate.steps.childcare import arrange_informal, needs_care
from simulate.steps.money import believed_gain, benefit
from simulate.steps.transitions import duration_factor, leave_assistance

if TYPE_CHECKING:
    from simulate.steps import World

LANGUAGE = np.uint8(1 << Barrier.LANGUAGE)
HEALTH = np.uint8(1 << Barrier.HEALTH)
CARE_KINDS = ("none_needed", "formal", "informal", "programme")


@dataclass
class Offers:
    """This month's accepted offers (arrays aligned by position)."""

    ids: np.ndarray         # mothers
    employer: np.ndarray
    flexible: np.ndarray    # flexible or school-time hours
    earnings: np.ndarray    # gross EUR per month
    ends_assistance: np.ndarray
    needs_care: np.ndarray
    care: np.ndarray        # childcare secured (policies may set more in allocate)

    @classmethod
    def empty(cls) -> Offers:
        z = np.zeros(0)
        return cls(z.astype(np.int64), z.astype(np.int64), z.astype(bool), z, z.astype(bool),
                   z.astype(bool), z.astype(bool))


def arranged_care(model: World, ids: np.ndarray) -> np.ndarray:
    m = model.mothers
    return (m.childcare_place[ids] >= 0) | m.informal_care[ids]


def choose_employers(model: World, ids: np.ndarray, u: np.ndarray) -> np.ndarray:
    """The employer each of ``ids`` meets, by size share (``u``: one uniform each), among
    her own replicate's employers."""
    return model.search_blocks(model.employer_table["cum_share"], ids, u)


def open_vacancies(model: World) -> np.ndarray:
    """Each employer's vacancies this month: Poisson around its share of the market's."""
    share = model.employer_table["share"]
    return model.streams.poisson(
        "vacancies", model.month,
        model.by_block("vacancies_per_100_mothers", len(share)) * model.params.size / 100.0
        * share)


def education_factor(model: World, ids: np.ndarray) -> Any:
    """The chance of an offer relative to a mother with basic qualifications, by the
    education of each of ``ids`` (in her own world's factors)."""
    education = model.mothers.education[ids]
    levels = (Education.NO_BASIC, Education.HBO_WO, Education.OTHER)
    factors = [model.value(name, ids) for name in
               ("offer_factor_no_basic", "offer_factor_hbo_wo", "offer_factor_other_education")]
    if all(np.isscalar(f) for f in factors):
        by_education = np.ones(len(Education))
        by_education[list(levels)] = factors
        return by_education[education]
    out = np.ones(len(ids))
    for level, f in zip(levels, factors):
        at = education == level
        out[at] = f[at] if isinstance(f, np.ndarray) else f
    return out


def make_offers(model: World) -> Offers:
    """Search and employer offers; returns the offers the mothers accept."""
    m, p, t, s = model.mothers, model.params, model.month, model.streams
    n = m.n
    # Mothers at the top steps, and mothers in part-time work, search for a regular job;
    # from the step of organised activities up a mother may be offered part-time work; an
    # employer who knows her (a policy's floor on her chance of an offer) may make one
    # without her searching.
    on = m.status[:n] == Status.ON_ASSISTANCE
    ladder = m.ladder[:n]
    part = m.parttime[:n]
    seek = np.flatnonzero(on & ((ladder >= min(p.search_min_step, p.parttime_min_step))
                                | part | (m.offer_floor[:n] > 0)))
    if len(seek) == 0:
        # This month's vacancies are open all the same; no offer is made.
        vacancies = open_vacancies(model)
        model.employer_table["vacancies"] = vacancies
        model.employer_table["offers_made"] = np.zeros(len(vacancies), dtype=np.int64)
        return Offers.empty()
    emp = model.employer_table
    employer = choose_employers(model, seek, s.uniform("employer", t, seek))

    edu_factor = education_factor(model, seek)
    bar = m.barriers[seek]
    young = needs_care(model, seek) | m.pregnant[seek]
    risk = emp["risk"][employer] * np.where(
        arranged_care(model, seek), model.value("employer_arranged_care_factor", seek), 1.0)
    floor = p.confidence_floor
    infant = (m.n_children[seek] > 0) & (t - m.youngest_birth_month[seek] < p.infant_age_months)
    # Her profile: what makes an employer offer and her take up work of either kind.
    profile = (edu_factor
               * np.where(m.pregnant[seek], model.value("pregnant_search_factor", seek), 1.0)
               * np.where(infant, model.value("infant_search_factor", seek), 1.0)
               * np.where((bar & LANGUAGE) != 0, model.value("offer_factor_language", seek),
                          1.0)
               * np.where((bar & HEALTH) != 0, model.value("offer_factor_health", seek), 1.0)
               * (1.0 + model.value("offer_working_tie_effect", seek)
                  * np.minimum(m.network_working[seek], p.offer_working_ties_max))
               * (floor + m.confidence[seek]) / (floor + 0.5)
               * np.where(m.contacted[seek], 1.0 + model.value("offer_contact_effect", seek),
                          1.0)
               * np.where(young, 1.0 - risk, 1.0)
               * duration_factor(model, seek)
               * m.mod_offer[seek])
    in_part = m.parttime[seek]
    since = t - m.last_sanction[seek]
    chance = (model.value("job_offer_base", seek) * profile
              * np.where(m.exempt[seek], model.value("exempt_search_factor", seek), 1.0)
              * np.where(in_part, model.value("parttime_search_factor", seek), 1.0)
              * np.where((since >= 0)
                         & (since < model.value("sanction_effect_months", seek, np.int64)),
                         model.value("sanction_search_effect", seek), 1.0))
    # A policy's floor (0 leaves the chance unchanged); only the floor for a non-searcher.
    floor = m.offer_floor[seek]
    searching = (m.ladder[seek] >= p.search_min_step) | in_part
    chance = np.where(searching, np.maximum(chance, floor), floor)
    draws = s.uniforms(["offer", "parttime_offer"], t, seek)
    regular = draws["offer"] < chance
    parttime_chance = np.where(~in_part & (m.ladder[seek] >= p.parttime_min_step),
                               model.value("parttime_offer_base", seek) * profile, 0.0)
    small = ~regular & (draws["parttime_offer"] < parttime_chance)
    hit = regular | small
    small = small[hit]
    ids, employer = seek[hit], employer[hit]

    # Employers offer no more than their vacancies; a random priority decides who is first.
    vacancies = open_vacancies(model)
    order = np.lexsort((s.uniform("offer_rank", t, ids), employer))
    ids, employer, small = ids[order], employer[order], small[order]
    first = np.searchsorted(employer, employer)  # start of each employer's run
    keep = (np.arange(len(ids)) - first) < vacancies[employer]
    model.count("offers_over_vacancies", ids[~keep])
    ids, employer, small = ids[keep], employer[keep], small[keep]
    model.employer_table["vacancies"] = vacancies
    model.employer_table["offers_made"] = np.bincount(employer, minlength=len(vacancies))
    model.count("job_offers", ids)

    # An offer of part-time work is flexible; a regular search finds flexible work as
    # often as the employer has it, except for a mother in part-time work, who only takes
    # a regular job.
    flexible = small | ((s.uniform("flexible", t, ids) < emp["flexible"][employer])
                        & ~m.parttime[ids])
    hours = np.where(flexible, model.value("parttime_hours_per_week", ids),
                     p.fulltime_hours_per_week)
    earnings = hours * p.weeks_per_month * model.value("hourly_wage_eur", ids)
    ends = benefit(model.params_for(ids), earnings) <= 0.0
    need = needs_care(model, ids)
    pays_care = need & ~m.informal_care[ids]
    gain = believed_gain(model, ids, earnings, hours, pays_care)
    # A policy may make leaving assistance feel safer (a case file kept on hold, 004:1106);
    # the multiplier is 1 otherwise.
    leaving = np.where(ends, m.mod_accept_leaving[ids], np.float32(1.0)).astype(np.float64)
    accept = s.uniform("accept", t, ids) < model.value("offer_acceptance", ids) * expit(
        (gain - model.value("acceptance_gain_reference_eur", ids))
        / model.value("acceptance_gain_scale_eur", ids)) * leaving
    model.count("offers_declined", ids[~accept])
    unaware = ~ends & ~m.knows_topup[ids]
    model.count("offers_declined_income_belief", ids[~accept & unaware])

    ids, employer, flexible, earnings, ends, need = (
        ids[accept], employer[accept], flexible[accept], earnings[accept], ends[accept],
        need[accept])
    has = ~need | (m.childcare_place[ids] >= 0) | m.informal_care[ids]
    asked = ids[~has]
    formed = arrange_informal(model, asked, flexible[~has])
    has[~has] = formed
    return Offers(ids, employer, flexible, earnings, ends, need, has)


def start_jobs(model: World, offers: Offers) -> None:
    """Accepted offers with childcare become jobs; the others fail on childcare."""
    m, t = model.mothers, model.month
    ok = offers.care
    failed = offers.ids[~ok]
    m.confidence[failed] *= as_float32(1.0 - model.value("confidence_loss_failed_offer",
                                                         failed))
    unregistered = failed[(m.queue_since[failed] == NEVER) & (m.childcare_place[failed] < 0)]
    register = unregistered[model.streams.uniform("register_after_offer", t, unregistered)
                            < m.trust_childcare[unregistered]]
    m.queue_since[register] = t
    model.count("offers_failed_childcare", failed)

    start = offers.ids[ok]
    need = offers.needs_care[ok]
    formal = m.childcare_place[start] >= 0
    reserved = formal & m.place_reserved[start]
    kinds = {"none_needed": ~need, "formal": need & formal & ~reserved,
             "informal": need & ~formal & m.informal_care[start],
             "programme": need & reserved}
    kinds["programme"] |= need & ~formal & ~m.informal_care[start]
    for kind, mask in kinds.items():
        model.count(f"job_starts_care_{kind}", start[mask])
    m.job_start[start] = t
    m.earnings_eur[start] = offers.earnings[ok]
    leaving = start[offers.ends_assistance[ok]]
    model.count("exit_work_from_parttime", leaving[m.parttime[leaving]])
    leave_assistance(model, leaving, Status.IN_WORK)
    part = start[~offers.ends_assistance[ok]]
    m.parttime[part] = True
    m.ladder[part] = LADDER_PARTTIME
    model.count("job_starts_parttime", part)


# What this step reads of the model's parameters, declared here; simulate.parameters.PARAMETERS
# holds every module's, in the order of the month's steps.
PARAMETERS: tuple[Parameter, ...] = (
    # ---- job search and employers --------------------------------------------------------
    count("search_min_step", 4, (3, 5), PRACTICE + ": mothers at the top steps search",
          "Lowest ladder step at which a mother searches for work.", lo=1, hi=6,
          unit="ladder step", kind="setting",
          doc_nl="Laagste trede van de participatieladder waarop een moeder werk zoekt.",
          unit_nl="trede",
          source_nl="evaluatie- en praktijkrapporten: moeders op de hoogste treden zoeken werk"),
    factor("exempt_search_factor", 0.85, (0.6, 1.2),
           LONE_PARENT_OBLIGATIONS + "; " + CPB_EXPERIMENTS + ": the sources disagree on the "
           "size, so the range spans both",
           "Chance of a job offer of an exempted mother relative to an otherwise equal mother "
           "with the work obligation (the obligation's own effect on search; who gets an "
           "exemption, for illness, care or a very young child, is in the barriers and the "
           "child's age).",
           doc_nl=("Kans op een baanaanbod van een moeder met ontheffing, ten opzichte van een "
                   "verder gelijke moeder met arbeidsplicht (het effect van de plicht zelf op het "
                   "zoeken: wie een ontheffing krijgt, wegens ziekte, zorg of een heel jong kind, "
                   "zit in de belemmeringen en de leeftijd van het kind)."),
           unit_nl="factor",
           source_nl=("Avram, Brewer & Salvatori (2018), Labour Economics 51: "
                      "sollicitatieverplichtingen voor alleenstaande ouders in het Verenigd "
                      "Koninkrijk verhoogden de uitstroom uit de uitkering, voor ongeveer de helft"
                      " naar (meestal parttime) werk; CPB (2022), Vervolgonderzoek experimenten "
                      "Participatiewet: ontheffing van de verplichtingen verlaagde het werken twee"
                      " jaar later niet (Utrecht: 24% werkte 12 uur of meer per week tegen 15%; "
                      "geen effect in Deventer en Wageningen): de bronnen verschillen over de "
                      "grootte, dus de bandbreedte omvat beide")),
    factor("infant_search_factor", 0.5, (0.2, 1.0),
           ASSUMPTION + ": few mothers start a job in their child's first year",
           "Chance of a job offer (and of part-time work) of a mother whose youngest child is "
           "under infant_age_months, relative to others.",
           doc_nl=("Kans op een baanaanbod met een baby (jongste kind jonger dan "
                   "infant_age_months), ook voor parttime werk, ten opzichte van anderen."),
           unit_nl="factor",
           source_nl=("aanname: weinig moeders beginnen aan een baan in het eerste levensjaar van "
                      "hun kind")),
    count("infant_age_months", 12, (6, 18), ASSUMPTION,
          "Age of the youngest child below which infant_search_factor applies.", lo=0,
          hi=60, unit="months", kind="setting",
          doc_nl="Kindleeftijd waaronder infant_search_factor geldt (jongste kind).",
          unit_nl="maanden",
          source_nl=ASSUMPTION_NL),
    factor("pregnant_search_factor", 0.3, (0.0, 0.6), ASSUMPTION,
           "Search intensity of a pregnant mother relative to others.",
           doc_nl="Hoe intensief een zwangere moeder zoekt, ten opzichte van anderen.",
           unit_nl="factor",
           source_nl=ASSUMPTION_NL),
    hazard("job_offer_base", 0.09, (0.02, 0.9),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 25% of leavers leaving for "
           "work (" + ROTTERDAM + "; docs/calibration.md)",
           "Monthly probability of an offer for a searching mother with mbo, confidence "
           "0.5, no barriers or ties in work, at a risk-neutral employer; it scales with "
           "confidence_floor + confidence.",
           doc_nl=("Kans per maand op een baanaanbod voor een werkzoekende moeder met mbo, "
                   "zelfvertrouwen 0,5, zonder belemmeringen of werkende contacten, bij een "
                   "werkgever die geen risico ziet; schaalt met confidence_floor + zelfvertrouwen."),
           unit_nl="kans per maand",
           source_nl=("aanname; gekalibreerd in scenarios/baseline.yaml op 25% uitstroom naar werk"
                      " (Rotterdamse evaluatie (2025), cohort van 855; docs/calibration.md)")),
    factor("offer_factor_no_basic", 0.5, (0.3, 0.8), ASSUMPTION,
           "Offer chance without basic education relative to mbo or lower.",
           doc_nl="Kans op een aanbod zonder basisonderwijs, ten opzichte van mbo of lager.",
           unit_nl="factor",
           source_nl=ASSUMPTION_NL),
    factor("offer_factor_hbo_wo", 1.6, (1.2, 2.5), ASSUMPTION,
           "Offer chance with hbo or wo relative to mbo or lower.",
           doc_nl="Kans op een aanbod met hbo of wo, ten opzichte van mbo of lager.",
           unit_nl="factor",
           source_nl=ASSUMPTION_NL),
    factor("offer_factor_other_education", 0.9, (0.6, 1.1), ASSUMPTION,
           "Offer chance with other or unknown education relative to mbo or lower.",
           doc_nl=("Kans op een aanbod met een andere of onbekende opleiding, ten opzichte van mbo"
                   " of lager."),
           unit_nl="factor",
           source_nl=ASSUMPTION_NL),
    factor("offer_factor_language", 0.6, (0.3, 0.9), ASSUMPTION,
           "Offer chance with an active language barrier.",
           doc_nl="Kans op een aanbod met een actieve taalbarrière.",
           unit_nl="factor",
           source_nl=ASSUMPTION_NL),
    factor("offer_factor_health", 0.6, (0.3, 0.9), ASSUMPTION,
           "Offer chance with an active health barrier.",
           doc_nl="Kans op een aanbod met een actief gezondheidsprobleem.",
           unit_nl="factor",
           source_nl=ASSUMPTION_NL),
    factor("offer_contact_effect", 0.5, (0.0, 1.5),
           ASSUMPTION + "; lower caseloads brought more job offers from caseworkers "
           "(Böheim, Eppel & Mahringer 2023) and more registered vacancies (Hainmueller "
           "et al. 2016)",
           "Extra relative chance of a job offer in a month with coach contact (the coach "
           "proposes vacancies).",
           doc_nl=("Extra relatieve kans op een baanaanbod in een maand met contact met de "
                   "klantmanager (die vacatures voorstelt)."),
           unit_nl="factor",
           source_nl=("aanname; lagere caseloads brachten meer baanaanbiedingen van klantmanagers "
                      "(Böheim, Eppel & Mahringer 2023) en meer gemelde vacatures (Hainmueller et "
                      "al. 2016)")),
    factor("offer_working_tie_effect", 0.15, (0.0, 0.4), ASSUMPTION,
           "Extra relative offer chance per tie with someone in work.",
           doc_nl="Extra relatieve kans op een aanbod per werkend contact.",
           unit_nl="factor",
           source_nl=ASSUMPTION_NL),
    count("offer_working_ties_max", 4, (2, 8), ASSUMPTION,
          "Most ties in work that raise the offer chance.", lo=0, hi=100, unit="ties",
          kind="setting",
          doc_nl="Hoogste aantal werkende contacten dat de kans op een aanbod verhoogt.",
          unit_nl="contacten",
          source_nl=ASSUMPTION_NL),
    count("employers", 12, (5, 50), ASSUMPTION,
          "Employers (or employer segments) in the local labour market.", lo=1, hi=10_000,
          unit="employers", kind="setting",
          doc_nl="Werkgevers (of groepen werkgevers) op de lokale arbeidsmarkt.",
          unit_nl="werkgevers",
          source_nl=ASSUMPTION_NL),
    share("employer_risk_mean", 0.3, (0.1, 0.5),
          ASSUMPTION + "; " + PRACTICE + ": employers perceive risk in hiring mothers of young children",
          "Mean perceived risk: the share of offers an employer withholds from a mother "
          "whose youngest child needs care.",
          doc_nl=("Gemiddelde risicoperceptie: het deel van de aanbiedingen dat een werkgever niet"
                  " doet aan een moeder van wie het jongste kind opvang nodig heeft."),
          unit_nl="aandeel",
          source_nl=("aanname; evaluatie- en praktijkrapporten: werkgevers zien risico's in het "
                     "aannemen van moeders van jonge kinderen")),
    amount("employer_spread", 10.0, (4.0, 30.0), ASSUMPTION,
           "Concentration of employers' risk and flexibility around their means (Beta); "
           "lower is more varied.", unit="concentration", lo=0.1, hi=10_000.0,
           doc_nl=("Hoe dicht de risicoperceptie en flexibiliteit van werkgevers bij hun "
                   "gemiddelde liggen (Beta); lager betekent meer verschil tussen werkgevers."),
           unit_nl="concentratie",
           source_nl=ASSUMPTION_NL),
    amount("employer_size_concentration", 2.0, (0.5, 10.0), ASSUMPTION,
           "Concentration of the employers' shares of vacancies (Dirichlet); lower means a "
           "few large employers, higher means employers of similar size.",
           unit="concentration", lo=0.01, hi=10_000.0,
           doc_nl=("Hoe de vacatures over werkgevers zijn verdeeld (Dirichlet); lager betekent "
                   "enkele grote werkgevers, hoger werkgevers van vergelijkbare omvang."),
           unit_nl="concentratie",
           source_nl=ASSUMPTION_NL),
    share("employer_flexible_share_mean", 0.35, (0.15, 0.6), ASSUMPTION,
          "Mean share of an employer's vacancies in flexible or school-time hours.",
          doc_nl=("Gemiddeld aandeel vacatures van een werkgever met flexibele uren of "
                  "schooltijden."),
          unit_nl="aandeel",
          source_nl=ASSUMPTION_NL),
    amount("vacancies_per_100_mothers", 25.0, (10.0, 50.0),
           ASSUMPTION + ": the modelled mothers are a small part of the local labour market, "
           "so vacancies seldom run out for them (the metric offers_over_vacancies shows "
           "when they do)",
           "Vacancies open to the modelled mothers per month per 100 mothers of the "
           "initial stock; caps the offers employers make.", unit="vacancies per month", hi=1000.0,
           doc_nl=("Vacatures per maand die openstaan voor de moeders in het model, per 100 "
                   "moeders van de beginstand; begrenst het aantal aanbiedingen van werkgevers."),
           unit_nl="vacatures per maand",
           source_nl=("aanname: de moeders in het model zijn een klein deel van de lokale "
                      "arbeidsmarkt, dus de vacatures raken voor hen zelden op (de maatstaf "
                      "offers_over_vacancies laat zien wanneer dat wel gebeurt)")),
    amount("parttime_hours_per_week", 8.0, (4.0, 20.0),
           DIVOSA_PARTTIME + ": EUR 489 a month is about 8 hours a week at the minimum wage",
           "Hours of part-time or flexible work alongside assistance.", unit="hours per week",
           lo=1.0, hi=80.0,
           doc_nl="Uren parttime of flexibel werk naast de bijstand.",
           unit_nl="uur per week",
           source_nl=("Divosa (2019), Parttime werk in de bijstand (Benchmark Werk & Inkomen): "
                      "elke maand heeft 8% van de mensen in de bijstand inkomsten uit parttime of "
                      "flexibel werk, doorgaans € 489 per maand; zij stromen bijna 3 keer zo vaak "
                      "uit naar werk als anderen, alleenstaande ouders en vrouwen 4 keer; hoe "
                      "langer in de bijstand, hoe minder parttime werk: € 489 per maand is "
                      "ongeveer 8 uur per week tegen het minimumloon")),
    amount("fulltime_hours_per_week", 32.0, (28.0, 38.0), ASSUMPTION,
           "Hours of a regular job.", unit="hours per week", kind="setting", lo=1.0, hi=80.0,
           doc_nl="Uren van een gewone baan.",
           unit_nl="uur per week",
           source_nl=ASSUMPTION_NL),
    amount("hourly_wage_eur", 14.06, (13.0, 18.0),
           ASSUMPTION + ": about the statutory minimum wage in 2025",
           "Gross hourly wage of an offer.", unit="EUR per hour", lo=0.01,
           doc_nl="Bruto uurloon van een aanbod.",
           unit_nl="euro per uur",
           source_nl="aanname: ongeveer het wettelijk minimumloon in 2025"),
    amount("weeks_per_month", 4.33, (4.33, 4.33), "52 weeks / 12 months",
           "Weeks in a month.", unit="weeks", kind="setting", lo=1.0, hi=5.0,
           doc_nl="Weken in een maand.",
           unit_nl="weken",
           source_nl="52 weken / 12 maanden"),
    share("offer_acceptance", 0.85, (0.6, 0.95), ASSUMPTION,
          "Probability of accepting a workable offer whose believed monthly gain is well "
          "above acceptance_gain_reference_eur.", unit="probability",
          doc_nl=("Kans dat een moeder een haalbaar aanbod aanneemt, als ze gelooft dat ze er per "
                  "maand ruim meer dan acceptance_gain_reference_eur op vooruitgaat."),
          unit_nl="kans",
          source_nl=ASSUMPTION_NL),
    amount("acceptance_gain_reference_eur", 100.0, (25.0, 250.0),
           ASSUMPTION + "; " + PRACTICE + ": an offer needs an income gain the mother believes "
           "in (004:538)",
           "Believed monthly net income gain at which half of the otherwise willing mothers "
           "accept an offer.", unit="EUR per month",
           doc_nl=("Netto inkomensvooruitgang per maand waarin een moeder gelooft en waarbij de "
                   "helft van de moeders die verder bereid zijn, een aanbod aanneemt."),
           unit_nl="euro per maand",
           source_nl=("aanname; evaluatie- en praktijkrapporten: een moeder neemt een aanbod aan "
                      "als ze gelooft dat ze er in inkomen op vooruitgaat (004:538)")),
    amount("acceptance_gain_scale_eur", 60.0, (20.0, 150.0), ASSUMPTION,
           "Spread of the acceptance curve around the reference gain (logistic scale).",
           unit="EUR per month", lo=1.0,
           doc_nl=("Spreiding van de kans op aannemen rond de referentiewaarde (logistische "
                   "schaal)."),
           unit_nl="euro per maand",
           source_nl=ASSUMPTION_NL),
    share("net_pay_share", 0.88, (0.8, 0.95),
          ASSUMPTION + ": net pay at about the minimum wage, after taxes, premiums and credits",
          "Net pay as a share of gross pay; assistance is set against net income.",
          doc_nl=("Nettoloon als deel van het brutoloon; inkomsten worden netto met de bijstand "
                  "verrekend."),
          unit_nl="aandeel",
          source_nl=("aanname: nettoloon rond het minimumloon, na belastingen, premies en "
                     "heffingskortingen")),
    share("employer_arranged_care_factor", 0.4, (0.1, 1.0),
          ASSUMPTION + "; employers ask whether childcare is arranged and turn mothers down "
          "without it (004:630-650, 004:1207)",
          "Perceived risk of hiring a mother whose childcare is arranged (a formal place or "
          "an informal arrangement), relative to one without.", unit="multiplier",
          doc_nl=("Risicoperceptie van werkgevers bij geregelde opvang (een formele plaats of "
                  "informele opvang), ten opzichte van een moeder zonder."),
          unit_nl="factor",
          source_nl=("aanname; werkgevers vragen of de kinderopvang geregeld is en wijzen moeders "
                     "zonder opvang af (004:630-650, 004:1207)")),
    factor("parttime_search_factor", 1.0, (0.3, 2.0),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml so that, with who works "
           "part-time, part-time workers leave for work about 3.5 times as often as others ("
           + DIVOSA_PARTTIME + ")",
           "Chance of an offer of a regular job for a mother in part-time work, relative to "
           "an otherwise equal mother without it (the stepping stone: an employer and "
           "references); she searches at any ladder step.", calibrated_to=("parttime_exit_ratio",),
           doc_nl=("Kans op een aanbod voor een gewone baan bij parttime werk, ten opzichte van "
                   "een verder gelijke moeder zonder parttime werk (de opstap: een werkgever en "
                   "referenties); ze zoekt op elke trede."),
           unit_nl="factor",
           source_nl=("aanname; gekalibreerd in scenarios/baseline.yaml zodat, gegeven wie "
                      "parttime werkt, parttime werkenden ongeveer 3,5 keer zo vaak uitstromen "
                      "naar werk als anderen (Divosa (2019), Parttime werk in de bijstand "
                      "(Benchmark Werk & Inkomen): elke maand heeft 8% van de mensen in de "
                      "bijstand inkomsten uit parttime of flexibel werk, doorgaans € 489 per "
                      "maand; zij stromen bijna 3 keer zo vaak uit naar werk als anderen, "
                      "alleenstaande ouders en vrouwen 4 keer; hoe langer in de bijstand, hoe "
                      "minder parttime werk)")),
    hazard("parttime_offer_base", 0.1, (0.01, 0.9),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 8% of mothers on assistance "
           "with part-time work in a month (" + DIVOSA_PARTTIME + ")",
           "Monthly probability of an offer of part-time or flexible work (parttime_hours_per"
           "_week, topped up by assistance) for a mother on assistance at ladder step "
           "parttime_min_step or up who is not in part-time work, with the profile of "
           "job_offer_base; it goes through the employers' vacancies and risk, her "
           "acceptance and childcare like any offer.", calibrated_to=("parttime_on_assistance",),
           doc_nl=("Kans per maand op een aanbod van parttime of flexibel werk "
                   "(parttime_hours_per_week, aangevuld met bijstand) voor een moeder in de "
                   "bijstand op trede parttime_min_step of hoger die nog geen parttime werk heeft,"
                   " met het profiel van job_offer_base; zoals elk aanbod loopt het via de "
                   "vacatures en de risicoperceptie van werkgevers, haar besluit om het aan te "
                   "nemen en de kinderopvang."),
           unit_nl="kans per maand",
           source_nl=("aanname; gekalibreerd in scenarios/baseline.yaml op 8% van de moeders in de"
                      " bijstand met parttime werk in een maand (Divosa (2019), Parttime werk in "
                      "de bijstand (Benchmark Werk & Inkomen): elke maand heeft 8% van de mensen "
                      "in de bijstand inkomsten uit parttime of flexibel werk, doorgaans € 489 per"
                      " maand; zij stromen bijna 3 keer zo vaak uit naar werk als anderen, "
                      "alleenstaande ouders en vrouwen 4 keer; hoe langer in de bijstand, hoe "
                      "minder parttime werk)")),
    count("parttime_min_step", 3, (2, 4),
          ASSUMPTION + ": part-time or flexible work beside organised activities",
          "Lowest ladder step at which a mother on assistance may be offered part-time work.",
          lo=1, hi=6, unit="ladder step", kind="setting",
          doc_nl=("Laagste trede van de participatieladder waarop een moeder in de bijstand "
                  "parttime werk kan krijgen."),
          unit_nl="trede",
          source_nl="aanname: parttime of flexibel werk naast georganiseerde activiteiten"),
    factor("parttime_job_loss_factor", 2.0, (1.0, 4.0),
           ASSUMPTION + ": most part-time work on assistance is flexible or on call",
           "Risk of losing part-time work on assistance relative to a regular job.",
           doc_nl=("Risico op verlies van parttime werk naast de bijstand, ten opzichte van een "
                   "gewone baan."),
           unit_nl="factor",
           source_nl=("aanname: het meeste parttime werk naast de bijstand is flexibel of op "
                      "oproepbasis")),
)


class Jobs(Module):
    """Who searches, employers' offers within their vacancies, which offers a mother accepts, and part-time work on assistance."""

    name = "jobs"
    title = "Job search and offers"
    title_nl = "Zoeken naar werk en aanbod van werkgevers"
    description = ("Who searches, employers' offers within their vacancies, which offers a mother accepts, and part-time work on assistance.")
    description_nl = ("Wie zoekt, het aanbod van werkgevers binnen hun vacatures, welk aanbod een moeder aanneemt, en deeltijdwerk naast de bijstand.")
    parameters = ParameterSet(PARAMETERS)
    metrics = core_metrics(
        "job_offers", "offers_over_vacancies", "offers_declined",
        "offers_declined_income_belief", "offers_failed_childcare", "job_starts_parttime",
        "job_starts_care_none_needed", "job_starts_care_formal", "job_starts_care_informal",
        "job_starts_care_programme", "parttime_working", "on_assistance_not_parttime")
