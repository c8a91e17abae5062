"""Every number the model uses, declared once.

A :class:`Parameter` carries its default, unit, plausible range, hard bounds and
source (a citation, or the word "assumption"). Validation of scenario files, the
parameter documentation (``simulate params``), the SALib problem of a sensitivity
analysis and the assumptions table of a report all read these declarations; nothing
else in the code holds a number that a user might want to change.

Following EMA Workbench, each parameter has a *kind*:

- ``uncertainty``: something nobody controls and the sources do not pin down (hazards,
  effect sizes); the default target of sensitivity analysis and calibration;
- ``lever``: something a municipality chooses (caseloads, places, staffing);
- ``fact``: a sourced figure (the assistance norm, the cohort's age);
- ``setting``: a modelling convention (months of a known pregnancy).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from simulate.schema import check_number, describe_number, fmt, is_boolean

KINDS = ("uncertainty", "lever", "fact", "setting")
ASSUMPTION = "assumption"
# Qualitative findings of the Dutch evaluation reports and practice descriptions of programmes
# for mothers on assistance; numbers attached to them are assumptions unless said otherwise.
PRACTICE = "evaluation and practice reports"


@dataclass(frozen=True)
class Parameter:
    """One declared parameter.

    Attributes:
        name: Identifier used in scenario files and code.
        default: Default value.
        unit: Unit, in words ("per month", "EUR per month", "share").
        range: Plausible (low, high): the bounds a sensitivity analysis explores.
        source: Where the default comes from, or "assumption".
        doc: One sentence on what it means.
        kind: One of :data:`KINDS`.
        group: Section of a scenario file it belongs to ("population" or "parameters").
        bounds: Hard validity bounds (low, high); ``None`` means unbounded on that side.
        type: ``float``, ``int``, ``bool`` or ``str``.
        choices: Allowed values for ``str`` parameters.
        doc_nl: ``doc`` in Dutch, for the Dutch report (when empty, the report takes it
            from :mod:`simulate.report.parameters_nl`).
        unit_nl: ``unit`` in Dutch (likewise).
        source_nl: ``source`` in Dutch (likewise).
        calibrated_to: Names of the targets (``simulate validate``) or evidence checks
            whose published figure this value was set from (fitted or tuned). An evidence
            check that depends on such a parameter shows consistency, not evidence: it is
            reported as ``calibrated``, never ``pass`` (docs/evidence.md).
    """

    name: str
    default: Any
    unit: str
    range: tuple[float, float] | None
    source: str
    doc: str
    kind: str = "uncertainty"
    group: str = "parameters"
    bounds: tuple[float | None, float | None] = (None, None)
    type: type = float
    choices: tuple[str, ...] | None = None
    doc_nl: str = ""
    unit_nl: str = ""
    source_nl: str = ""
    calibrated_to: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{self.name}: kind {self.kind!r} is not one of {KINDS}")
        # A declaration whose own default fails validation is a programming error.
        self.check(self.default)
        if self.range is not None:
            lo, hi = self.range
            if not lo <= hi:
                raise ValueError(f"{self.name}: range {self.range} is not ordered")
            self.check(lo)
            self.check(hi)

    @property
    def is_assumption(self) -> bool:
        return self.source.strip().lower().startswith(ASSUMPTION)

    def allowed(self) -> str:
        """Human description of the allowed values, used in error messages."""
        if self.type is bool:
            return "true or false"
        if self.type is str:
            return "one of " + ", ".join(self.choices or ())
        return describe_number(self.type is int, *self.bounds, self.unit)

    def check(self, value: Any) -> Any:
        """Return ``value`` coerced to this parameter's type.

        Raises:
            ValueError: with a message naming the value and what is allowed.
        """
        if self.type is bool:
            if is_boolean(value):
                return bool(value)
            raise ValueError(f"{value!r} is not allowed; expected {self.allowed()}")
        if self.type is str:
            if isinstance(value, str) and (self.choices is None or value in self.choices):
                return str(value)
            raise ValueError(f"{value!r} is not allowed; expected {self.allowed()}")
        return check_number(value, self.type is int, *self.bounds, self.unit)

    def plausible(self, value: Any) -> str | None:
        """A warning when a valid number lies outside the plausible range, else None."""
        if self.range is None or self.type not in (int, float) or (
                self.range[0] <= value <= self.range[1]):
            return None
        return (f"{fmt(value)} is outside the plausible range {fmt(self.range[0])} to "
                f"{fmt(self.range[1])} ({self.unit}); check that it is meant")


class ParameterError(ValueError):
    """A bad value for a named parameter (``str()`` is "NAME: message")."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name, self.message = name, message


# Helpers that fix unit and bounds for common shapes of parameter, so that a
# declaration reads as one line of meaning.
def share(name, default, range, source, doc, **kw) -> Parameter:
    return Parameter(name, default, kw.pop("unit", "share"), range, source, doc,
                     bounds=(0.0, 1.0), **kw)


def hazard(name, default, range, source, doc, **kw) -> Parameter:
    return Parameter(name, default, kw.pop("unit", "probability per month"), range, source,
                     doc, bounds=(0.0, 1.0), **kw)


# Hard bounds of the helpers unless a declaration narrows them (lo=, hi=): every number has
# both, so that no value can make a run infeasible on a laptop.
FACTOR_MAX = 100.0
COUNT_MAX = 10_000
AMOUNT_MAX = 1e7


def factor(name, default, range, source, doc, lo=0.0, hi=FACTOR_MAX, **kw) -> Parameter:
    return Parameter(name, default, kw.pop("unit", "multiplier"), range, source, doc,
                     bounds=(lo, hi), **kw)


def count(name, default, range, source, doc, lo=0, hi=COUNT_MAX, **kw) -> Parameter:
    return Parameter(name, default, kw.pop("unit", "count"), range, source, doc,
                     bounds=(lo, hi), type=int, **kw)


def amount(name, default, range, source, doc, lo=0.0, hi=AMOUNT_MAX, **kw) -> Parameter:
    return Parameter(name, default, kw.pop("unit"), range, source, doc,
                     bounds=(lo, hi), **kw)


ROTTERDAM = "Rotterdam evaluation (2025), cohort of 855"
# Published figures the mechanisms below rest on (docs/evidence.md lists them with the
# parameters they inform).
DIVOSA_PARTTIME = ("Divosa (2019), Parttime werk in de bijstand (Benchmark Werk & Inkomen): "
                   "every month 8% of people on assistance earn from part-time or flexible "
                   "work, typically EUR 489 a month; they leave for work almost 3 times as "
                   "often as others, single parents and women 4 times; the longer on "
                   "assistance, the less part-time work")
CBS_DURATION = ("CBS (2008), Korter in de bijstand, makkelijker eruit: in 2006 the assistance "
                "of 22% of those on it for less than a year ended, of 8% of those on it for "
                "more than three years")
CPB_EXPERIMENTS = ("CPB (2022), Vervolgonderzoek experimenten Participatiewet: exempting "
                   "recipients from their obligations did not lower work two years on "
                   "(Utrecht: 24% working 12+ hours a week against 15%; no effect in "
                   "Deventer and Wageningen)")
LONE_PARENT_OBLIGATIONS = ("Avram, Brewer & Salvatori (2018), Labour Economics 51: work-search "
                           "requirements for UK single parents raised exits from benefit, "
                           "about half of them into (mostly part-time) work")
CBS_SANCTIONS = ("CBS (2007), Kortdurende bijstandsuitkeringen vaker gekort: 0.9% of the "
                 "benefits in payment had a financial sanction running, four times as often "
                 "in spells under a year as in spells of five years or more")
INSPECTIE_SANCTIONS = ("Inspectie SZW (2017), Handhaving arbeidsverplichtingen: the legal "
                       "minimum sanction for breaching the work obligations is a cut of a "
                       "month's benefit; many municipalities do not enforce the obligations")
SANCTIONS_WORK = ("Van den Berg, Van der Klaauw & Van Ours (2004), J. Labor Econ. 22: a "
                  "sanction substantially raises the transition from welfare to work "
                  "(Rotterdam)")
DURABILITY = ("work_exit_lasts_6_months", "work_exit_lasts_18_months",
              "work_exit_back_on_assistance")
DIVOSA_REENTRY = ("Divosa (2015), monitor in- en uitstroom 2014: of those whose assistance "
                  "ended through enforcement, 28% are back within six months")
POP = {"group": "population"}

CORE: tuple[Parameter, ...] = (
    # ---- population: the initial stock and the composition of inflow ----------------
    count("size", 1190, (100, 1_000_000),
          "CBS via the municipality, 2022: women on assistance with a child under 5 in "
          "Charlois, Feijenoord and IJsselmonde",
          "Initial stock of mothers on assistance.", lo=1, hi=2_000_000,
          unit="mothers", kind="fact", **POP),
    count("child_age_limit_months", 60, (24, 60),
          PRACTICE + ": target group configurable up to a child under 5",
          "Mothers enter the modelled population pregnant or with a youngest child under "
          "this age; once in, they are followed until they leave assistance.", lo=1,
          hi=216, unit="months", kind="setting", **POP),
    count("target_child_age_months", 24, (12, 60),
          "Rotterdam evaluation (2025): the programme's target group is a child under 2 or pregnant",
          "Target group of programmes and of the period sample: youngest child under "
          "this age, or pregnant.", lo=1, hi=216, unit="months", kind="setting", **POP),
    amount("age_mean_years", 31.4, (28.0, 35.0),
           ROTTERDAM + ": mean age 31.4 of the period sample; calibrated in "
           "scenarios/baseline.yaml so that the sample, older than at entry, has that mean "
           "(docs/calibration.md)",
           "Mean age of mothers at entry.", unit="years", kind="fact", **POP),
    amount("age_sd_years", 6.3, (4.0, 8.0),
           ROTTERDAM + ": sd 6.3 of the period sample; calibrated in scenarios/baseline.yaml "
           "to that sd (docs/calibration.md)",
           "Standard deviation of age at entry.", unit="years", kind="fact", lo=0.5, hi=30.0,
           **POP),
    amount("age_min_years", 18.0, (16.0, 21.0), ASSUMPTION + ": adult assistance",
           "Youngest age at entry (ages are truncated here).", unit="years",
           kind="setting", **POP),
    share("share_education_no_basic", 0.033, (0.01, 0.1), ROTTERDAM,
          "Share without basic education.", kind="fact", **POP),
    share("share_education_mbo_or_lower", 0.721, (0.6, 0.85), ROTTERDAM,
          "Share with mbo or lower (excluding no basic education).", kind="fact", **POP),
    share("share_education_hbo_wo", 0.048, (0.02, 0.1), ROTTERDAM,
          "Share with hbo or wo; the rest is other or unknown.", kind="fact", **POP),
    share("share_entry_student_finance", 0.204, (0.15, 0.25), ROTTERDAM,
          "Entry reason: end of student finance.", kind="fact", **POP),
    share("share_entry_income_loss", 0.117, (0.08, 0.15), ROTTERDAM,
          "Entry reason: loss of other income.", kind="fact", **POP),
    share("share_entry_relationship_end", 0.092, (0.06, 0.12), ROTTERDAM,
          "Entry reason: end of a relationship; the rest is other.", kind="fact", **POP),
    share("inflow_returning_share", 0.42, (0.15, 0.55),
          ASSUMPTION + "; calibrated in scenarios/baseline.yaml so that, with the returns of "
          "mothers who left during the simulation, 44.5% of inflow is a return (" + ROTTERDAM
          + ", 004:428; docs/calibration.md)",
          "Share of entrants from outside who return after an exit from before the "
          "simulation started.", **POP),
    share("barrier_debts_prevalence", 0.26, (0.1, 0.45), ASSUMPTION,
          "Share with problematic debts at entry.", **POP),
    share("barrier_health_prevalence", 0.2, (0.08, 0.35), ASSUMPTION,
          "Share with mental or physical health problems at entry.", **POP),
    share("barrier_language_prevalence", 0.15, (0.05, 0.3), ASSUMPTION,
          "Share with a language barrier at entry.", **POP),
    share("barrier_care_prevalence", 0.12, (0.05, 0.25), ASSUMPTION,
          "Share with a heavy care burden (beyond the young child) at entry.", **POP),
    share("barrier_registration_at_entry", 0.8, (0.5, 1.0),
          ASSUMPTION + "; calibrated in scenarios/baseline.yaml, with the prevalences, to 47% "
          "with a registered barrier at entry (" + ROTTERDAM + "; docs/calibration.md)",
          "Probability that the coach registers a present barrier at intake, for a mother "
          "with trust in services 0.5 (it scales with disclosure_trust_effect, as at "
          "contacts).", **POP),
    amount("network_ties_mean", 2.0, (0.5, 4.0), ASSUMPTION + "; " + PRACTICE + ": networks are small",
           "Mean number of supportive ties at entry (Poisson).", unit="ties", hi=100.0, **POP),
    share("network_working_share", 0.3, (0.1, 0.5),
          ASSUMPTION + "; " + PRACTICE + ": ties are mostly people without work",
          "Share of ties that are people in work.", **POP),
    share("confidence_mean", 0.45, (0.3, 0.6), ASSUMPTION,
          "Mean self-confidence (self-efficacy) at entry, on a 0-1 scale.", **POP),
    share("trust_services_mean", 0.45, (0.3, 0.6), ASSUMPTION,
          "Mean trust in services at entry, 0-1.", **POP),
    share("trust_childcare_mean", 0.45, (0.3, 0.6), ASSUMPTION,
          "Mean trust in formal childcare at entry, 0-1; a mother's trust is also the "
          "probability that she registers for, or takes, formal care when a job needs it.",
          **POP),
    share("stress_mean", 0.4, (0.2, 0.6), ASSUMPTION,
          "Mean stress at entry, 0-1 (high means little energy).", **POP),
    amount("psych_logit_sd", 0.8, (0.3, 1.5), ASSUMPTION,
           "Spread between mothers of confidence, trust and stress (logit-normal sd).",
           unit="logit units", **POP),
    share("knows_topup_share", 0.5, (0.3, 0.7),
          PRACTICE + ": half of interviewed mothers did not know that a top-up benefit continues",
          "Share who know that assistance tops up part-time pay.", kind="fact", **POP),
    share("exemption_at_entry_share", 0.3, (0.15, 0.5),
          ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 55.2% with any exemption "
          "(" + ROTTERDAM + "; docs/calibration.md)",
          "Share exempted from the work obligation at entry.", **POP),
    share("inflow_share_pregnant", 0.25, (0.1, 0.4), ASSUMPTION,
          "Share of inflow that is pregnant at entry.", **POP),
    amount("inflow_child_age_mean_months", 14.0, (6.0, 30.0), ASSUMPTION,
           "Mean age of the youngest child at entry, for those not pregnant "
           "(exponential, truncated at the age limit).", unit="months", lo=0.1, **POP),
    amount("older_children_mean", 0.5, (0.2, 1.0),
           ASSUMPTION + "; " + ROTTERDAM + ": 94% have exactly one child under 2",
           "Mean number of children besides the youngest (Poisson).", unit="children", hi=10.0,
           **POP),
    share("stock_share_pregnant", 0.08, (0.03, 0.15), ASSUMPTION,
          "Share of the initial stock that is pregnant.", **POP),
    amount("stock_mean_months_on_assistance", 30.0, (12.0, 60.0), ASSUMPTION,
           "Mean months already on assistance in the initial stock (exponential).",
           unit="months", lo=0.1, **POP),
    share("entry_ladder_step1_share", 0.2, (0.1, 0.35), ASSUMPTION,
          "Share entering at participation-ladder step 1 (isolated).", **POP),
    share("entry_ladder_step2_share", 0.35, (0.2, 0.45), ASSUMPTION,
          "Share entering at step 2 (social contacts).", **POP),
    share("entry_ladder_step3_share", 0.3, (0.15, 0.4), ASSUMPTION,
          "Share entering at step 3 (organised activities); the rest enter at step 4.",
          **POP),
    share("initial_formal_childcare_share", 0.08, (0.02, 0.2), ASSUMPTION,
          "Share of entrants already registered for a formal childcare place (their "
          "registration lag has passed).", **POP),
    share("inflow_rate_per_month", 0.042, (0.005, 0.07),
          ASSUMPTION + "; calibrated in scenarios/baseline.yaml so that the stock stays near "
          "its initial size (docs/calibration.md)",
          "Women entering the modelled population per month (pregnant or with a young "
          "child, on assistance) as a share of the initial stock size: new and returning "
          "entrants, and women already on assistance whose pregnancy becomes known.",
          unit="share of size per month", **POP),
    share("inflow_transfer_share", 0.3, (0.1, 0.8),
          ASSUMPTION + "; many mothers were on assistance before they became pregnant (MODEL.md; "
          "004:194-196: 52% of Rotterdam women aged 15-44 on assistance for 3 years or more); "
          "calibrated in scenarios/baseline.yaml to that figure (docs/calibration.md)",
          "Share of those entering the modelled population who were already on assistance "
          "when their pregnancy became known: they bring their months on assistance with "
          "them and are not inflow into assistance.", **POP),
    amount("transfer_past_months_mean", 36.0, (12.0, 120.0),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml, with inflow_transfer_share, "
           "to 52% on assistance for 3 years or more (004:194-196; docs/calibration.md)",
           "Mean months on assistance already behind a woman who becomes pregnant while on "
           "assistance, before truncation (exponential, truncated at her adult months: no "
           "more months than she has been older than age_min_years).", unit="months",
           lo=0.1, **POP),
    count("burn_in_months", 120, (24, 240),
          ASSUMPTION + ": the slowest pools (mothers in work, followed for "
          "work_followup_months, and leavers who may return, whose returns feed the stock) "
          "settle within about ten years of a synthetic start (docs/model.md)",
          "Months simulated before month 0, with every lever at its default and without "
          "programmes, so that queues, the pool of mothers in work and returns are level "
          "from month 0; simulated once per seed and replicate and shared by every scenario "
          "that has the same world (the same values of every parameter but the levers).",
          lo=0, hi=600, unit="months", kind="setting", **POP),

    # ---- demography --------------------------------------------------------------------
    hazard("pregnancy_hazard_per_month", 0.01, (0.004, 0.02), ASSUMPTION,
           "Monthly probability that a mother becomes (known to be) pregnant."),
    amount("pregnancy_max_age_years", 45.0, (42.0, 48.0),
           ASSUMPTION + ": births after 45 are rare", "No new pregnancies from this age.",
           unit="years", kind="setting"),
    count("pregnancy_known_months", 7, (6, 8), ASSUMPTION + ": pregnancy registered at about 2 months",
          "Months from a pregnancy becoming known to the birth.", lo=1, hi=9,
          unit="months", kind="setting"),

    # ---- exemptions -------------------------------------------------------------------
    hazard("exemption_request_hazard", 0.004, (0.001, 0.015),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 8% of exemptions being the "
           "one a single parent with a child under 5 may request (004:428; docs/calibration.md)",
           "Monthly probability that a single parent with a child under 5 requests and gets "
           "an exemption."),
    hazard("exemption_health_hazard", 0.03, (0.01, 0.08),
           ASSUMPTION + "; 004:428: exemptions have several reasons",
           "Monthly probability of an exemption for health reasons, with an active health "
           "barrier."),
    hazard("exemption_care_hazard", 0.03, (0.01, 0.08),
           ASSUMPTION + "; 004:428: exemptions have several reasons",
           "Monthly probability of an exemption for care reasons, with a heavy care burden."),
    hazard("exemption_other_hazard", 0.008, (0.002, 0.03),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 55.2% with any exemption "
           "(" + ROTTERDAM + ", 004:418; docs/calibration.md)",
           "Monthly probability of an exemption for other reasons (social or medical "
           "circumstances of the household)."),
    count("exemption_child_age_limit_months", 60, (60, 60),
          PRACTICE + ": single parents with a child under 5 may request an exemption (004:190)",
          "An exemption on request needs a youngest child under this age; a review ends it "
          "once the child is older.", lo=0, hi=216, unit="months",
          kind="fact"),
    share("exemption_temporary_share", 0.78, (0.6, 0.9),
          ROTTERDAM + ": exemptions were mostly temporary (78%, 004:418)",
          "Share of exemptions granted for a limited time (reviewed every "
          "exemption_review_months); the rest are reviewed every "
          "exemption_long_review_months.", kind="fact"),
    count("exemption_review_months", 6, (3, 12),
          PRACTICE + ": exemptions are reviewed every 6 months (004:190)",
          "Months between reviews of a temporary exemption.", lo=1, hi=60, unit="months",
          kind="fact"),
    count("exemption_long_review_months", 24, (12, 48), ASSUMPTION,
          "Months between reviews of a long-term exemption.", lo=1, hi=240, unit="months"),
    share("exemption_renewal_prob", 0.6, (0.3, 0.8), ASSUMPTION + "; " + PRACTICE + ": mostly temporary",
          "Probability that a review renews an exemption whose reason still holds (a "
          "review ends a health or care exemption once the barrier is resolved, and one "
          "on request once the child reaches exemption_child_age_limit_months).",
          unit="probability"),

    # ---- coaches and contact ----------------------------------------------------------
    amount("regular_caseload_target", 120.0, (60.0, 200.0),
           ASSUMPTION + "; Rotterdam evaluation (2025): regular caseloads are high (Samen voor Zuid: about 80)",
           "Mothers per regular coach that sets how many regular coaches there are.",
           unit="mothers per coach", kind="lever", lo=10.0, hi=10_000.0),
    count("regular_caseload_max", 150, (80, 250), ASSUMPTION,
          "Most mothers a regular coach takes on; beyond it mothers wait for a coach.",
          lo=1, unit="mothers per coach", kind="lever"),
    amount("coach_hours_per_month", 130.0, (100.0, 156.0),
           ASSUMPTION + ": a full-time post of 36 hours a week less leave",
           "Working hours of a coach per month.", unit="hours per month", kind="setting", lo=1.0,
           hi=744.0),
    share("coach_client_time_share", 0.4, (0.25, 0.6), ASSUMPTION,
          "Share of a coach's hours spent on client contact."),
    amount("hours_per_contact", 1.5, (1.0, 3.0), ASSUMPTION + ": incl. preparation and report",
           "Coach hours per client contact.", unit="hours", lo=0.1, hi=100.0),
    factor("exempt_contact_factor", 0.5, (0.2, 1.0), ASSUMPTION,
           "Contact rate of an exempted mother relative to others."),
    share("trust_gain_per_contact", 0.08, (0.02, 0.15), ASSUMPTION,
          "Share of the gap to full trust in services closed by one contact.",
          unit="share of gap"),
    share("psych_reversion_per_month", 0.1, (0.03, 0.2),
          ASSUMPTION + "; gains from a short course last months, not years: the JOBS trial's "
          "effect on work was smaller at 12 months than at 6 (Brenninkmeijer & Blonk 2012)",
          "Monthly pull of confidence and trust back to the mother's own level.",
          unit="share of gap per month"),
    share("barrier_detection_per_contact", 0.3, (0.1, 0.6), ASSUMPTION,
          "Probability that a contact detects (and registers) each unregistered barrier of a "
          "mother with trust in services 0.5 (see disclosure_trust_effect).",
          unit="probability"),
    share("disclosure_trust_effect", 0.8, (0.3, 1.0),
          ASSUMPTION + "; 004:655: without trust mothers do not tell what holds them back; "
          "004:1078",
          "How much trust in services raises disclosure: detection and referral uptake are "
          "their value at trust 0.5 times (1 + effect x (2 x trust - 1)), so from "
          "(1 - effect) at no trust to (1 + effect) at full trust.", unit="relative change"),
    share("referral_uptake_per_contact", 0.4, (0.15, 0.8),
          ASSUMPTION + "; 004:655: trust is needed before help is accepted",
          "Probability that a contact gets the referral of a registered barrier taken up (help "
          "with debts, health, language or care), at trust 0.5; only referrals taken up "
          "resolve.", unit="probability"),
    hazard("barrier_debts_resolution", 0.04, (0.02, 0.08), ASSUMPTION,
           "Monthly probability that a referred debt problem is resolved."),
    hazard("barrier_health_resolution", 0.05, (0.02, 0.1), ASSUMPTION,
           "Monthly probability that a referred health problem is resolved."),
    hazard("barrier_language_resolution", 0.03, (0.01, 0.06), ASSUMPTION,
           "Monthly probability that a referred language barrier is resolved."),
    hazard("barrier_care_resolution", 0.05, (0.02, 0.1), ASSUMPTION,
           "Monthly probability that a referred care burden is resolved."),
    share("topup_info_per_contact", 0.05, (0.0, 0.2), ASSUMPTION,
          "Probability that a contact teaches a mother that the top-up continues.",
          unit="probability"),
    hazard("lapse_hazard", 0.02, (0.005, 0.1),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 0.9% of benefits with a "
           "sanction running (" + CBS_SANCTIONS + ")",
           "Monthly probability that a mother with the work obligation breaches it (does not "
           "apply, refuses suitable work, misses a re-integration appointment), with full "
           "trust in services and no stress; noticed, it brings a sanction (79.6% of "
           "sanctions are for the work obligation: Divosa Benchmark 2020).",
           calibrated_to=("sanctioned_share",)),
    hazard("no_show_hazard", 0.02, (0.005, 0.1),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 14% of leavers leaving "
           "for non-cooperation (" + ROTTERDAM + "; docs/calibration.md)",
           "Probability that a mother misses a coach's appointment and does not answer, so "
           "that her benefit is suspended and stopped (exit for non-cooperation), with full "
           "trust in services and no stress; exempted mothers too.",
           calibrated_to=("exit_noncooperation",)),
    hazard("info_lapse_hazard", 0.003, (0.0, 0.02),
           ASSUMPTION + ": data matching finds a few unreported changes",
           "Monthly probability that a mother does not meet the information duty (a changed "
           "situation not reported, papers not handed in), with full trust in services and "
           "no stress; exempted mothers keep this duty. Noticed, it stops the benefit (exit "
           "for non-cooperation)."),
    factor("lapse_low_trust_effect", 1.0, (0.0, 3.0), ASSUMPTION,
           "Extra relative risk of a lapse with no trust in services."),
    factor("lapse_stress_effect", 0.5, (0.0, 2.0), ASSUMPTION,
           "Extra relative risk of a lapse at full stress."),
    share("lapse_notice_per_contact", 0.7, (0.4, 0.95),
          ASSUMPTION + "; Hainmueller et al. (2016), Scand. J. Econ. 118(4): lower caseloads "
          "brought more monitoring and more sanctions",
          "Probability that a lapse is noticed when the mother has a coach contact that "
          "month.", unit="probability"),
    share("lapse_admin_check_rate", 0.1, (0.02, 0.3),
          ASSUMPTION + "; " + INSPECTIE_SANCTIONS,
          "Probability that a breach of the work obligation is noticed without a contact.",
          unit="probability"),
    share("info_admin_check_rate", 0.1, (0.02, 0.3),
          ASSUMPTION + ": data matching (Suwinet) notices some unreported changes without "
          "a contact; most stops follow an appointment or a request she does not answer",
          "Probability that an unmet information duty is noticed without a contact.",
          unit="probability"),
    share("sanction_benefit_cut_share", 1.0, (0.2, 1.0), INSPECTIE_SANCTIONS,
          "Share of the benefit withheld while a sanction runs (the legal minimum is the "
          "whole benefit for a month; some municipalities cut less).", kind="fact"),
    count("sanction_months", 1, (1, 3), INSPECTIE_SANCTIONS + " (one to three months)",
          "Months a sanction's benefit cut lasts.", lo=1, hi=24, unit="months"),
    factor("sanction_search_effect", 1.5, (1.0, 2.5),
           SANCTIONS_WORK + "; the size here is an assumption",
           "Chance of a job offer in the months after a sanction relative to before (she "
           "searches harder), for sanction_effect_months."),
    count("sanction_effect_months", 6, (3, 12), ASSUMPTION,
          "Months after a sanction during which she searches harder.", lo=1, hi=60,
          unit="months"),
    amount("regular_coach_cost_per_month_eur", 6500.0, (4500.0, 9000.0),
           ASSUMPTION + ": employer cost of a full-time work coach",
           "Cost of one regular coach per month; the number of regular coaches follows "
           "regular_caseload_target.", unit="EUR per coach per month"),

    # ---- participation ladder ------------------------------------------------------------
    hazard("ladder_up_base", 0.05, (0.02, 0.1), ASSUMPTION,
           "Monthly probability of a step up at confidence 0.5, without contact; it scales "
           "with confidence_floor + confidence."),
    share("confidence_floor", 0.5, (0.25, 1.0), ASSUMPTION,
          "Part of the chances of a step up and of a job offer that does not depend on "
          "confidence: they scale with (confidence_floor + confidence) / (confidence_floor "
          "+ 0.5), which is 1 at confidence 0.5.",
          unit="confidence units", kind="setting"),
    hazard("ladder_down_base", 0.015, (0.005, 0.04), ASSUMPTION,
           "Monthly probability of a step down without stress."),
    factor("ladder_contact_effect", 1.0, (0.2, 2.0), ASSUMPTION,
           "Extra relative chance of a step up in a month with coach contact."),
    factor("ladder_network_effect", 0.5, (0.0, 1.5), ASSUMPTION,
           "Extra relative chance of a step up with a full network (it grows linearly with "
           "ties until then)."),
    count("ladder_network_full_ties", 6, (3, 10), ASSUMPTION,
          "Supportive ties at which the network's push up the ladder is full.", lo=1,
          hi=100, unit="ties", kind="setting"),
    share("ladder_barrier_penalty", 0.25, (0.1, 0.5), ASSUMPTION,
          "Relative drop in the chance of a step up per active barrier.",
          unit="share per barrier"),
    factor("ladder_exempt_factor", 0.9, (0.6, 1.0),
           ASSUMPTION + "; a single parent's exemption covers the work obligation, not the "
           "duty to take part in re-integration (Kamerstuk 31 519); who gets an exemption "
           "(illness, care, a very young child) is in the barriers and the child's age",
           "Chance of a step up of an exempted mother relative to an otherwise equal mother "
           "without an exemption (the exemption's own effect, not who gets one)."),
    factor("ladder_stress_effect", 1.0, (0.0, 3.0), ASSUMPTION,
           "Extra relative risk of a step down at full stress."),
    factor("ladder_fast_change_effect", 1.0, (0.0, 3.0),
           ASSUMPTION + "; " + PRACTICE + ": fast change can cause a setback",
           "Extra relative risk of a step down shortly after a step up."),
    count("fast_change_window_months", 2, (1, 4), ASSUMPTION,
          "Months after a step up during which a setback is more likely.", lo=1, hi=24,
          unit="months"),
    factor("ladder_event_down_factor", 2.0, (1.0, 4.0), ASSUMPTION,
           "Relative risk of a step down in a month with a stress event."),
    share("confidence_gain_step_up", 0.06, (0.02, 0.12), ASSUMPTION,
          "Share of the gap to full confidence closed by a step up.", unit="share of gap"),
    share("confidence_loss_step_down", 0.06, (0.02, 0.12), ASSUMPTION,
          "Share of confidence lost by a step down.", unit="share of level"),
    share("confidence_loss_failed_offer", 0.05, (0.0, 0.12), ASSUMPTION,
          "Share of confidence lost when a job offer fails.", unit="share of level"),
    hazard("stress_event_base", 0.08, (0.03, 0.15),
           ASSUMPTION + "; " + PRACTICE + ": stress events and sick children push down",
           "Monthly probability of a stress event (a sick child, a crisis)."),
    share("stress_event_jump", 0.3, (0.1, 0.5), ASSUMPTION,
          "Share of the gap to full stress added by a stress event.", unit="share of gap"),
    share("stress_recovery_per_month", 0.15, (0.05, 0.3), ASSUMPTION,
          "Monthly pull of stress back to its baseline.", unit="share of gap per month"),
    share("stress_barrier_effect", 0.1, (0.0, 0.2), ASSUMPTION,
          "Baseline stress added per active barrier.", unit="stress per barrier"),
    factor("stress_event_debt_factor", 1.5, (1.0, 3.0), ASSUMPTION,
           "Relative risk of a stress event with problematic debts."),

    # ---- job search and employers --------------------------------------------------------
    count("search_min_step", 4, (3, 5), PRACTICE + ": mothers at the top steps search",
          "Lowest ladder step at which a mother searches for work.", lo=1, hi=6,
          unit="ladder step", kind="setting"),
    factor("exempt_search_factor", 0.85, (0.6, 1.2),
           LONE_PARENT_OBLIGATIONS + "; " + CPB_EXPERIMENTS + ": the sources disagree on the "
           "size, so the range spans both",
           "Chance of a job offer of an exempted mother relative to an otherwise equal mother "
           "with the work obligation (the obligation's own effect on search; who gets an "
           "exemption, for illness, care or a very young child, is in the barriers and the "
           "child's age)."),
    factor("infant_search_factor", 0.5, (0.2, 1.0),
           ASSUMPTION + ": few mothers start a job in their child's first year",
           "Chance of a job offer (and of part-time work) of a mother whose youngest child is "
           "under infant_age_months, relative to others."),
    count("infant_age_months", 12, (6, 18), ASSUMPTION,
          "Age of the youngest child below which infant_search_factor applies.", lo=0,
          hi=60, unit="months", kind="setting"),
    factor("pregnant_search_factor", 0.3, (0.0, 0.6), ASSUMPTION,
           "Search intensity of a pregnant mother relative to others."),
    hazard("job_offer_base", 0.09, (0.02, 0.9),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 25% of leavers leaving for "
           "work (" + ROTTERDAM + "; docs/calibration.md)",
           "Monthly probability of an offer for a searching mother with mbo, confidence "
           "0.5, no barriers or ties in work, at a risk-neutral employer; it scales with "
           "confidence_floor + confidence."),
    factor("offer_factor_no_basic", 0.5, (0.3, 0.8), ASSUMPTION,
           "Offer chance without basic education relative to mbo or lower."),
    factor("offer_factor_hbo_wo", 1.6, (1.2, 2.5), ASSUMPTION,
           "Offer chance with hbo or wo relative to mbo or lower."),
    factor("offer_factor_other_education", 0.9, (0.6, 1.1), ASSUMPTION,
           "Offer chance with other or unknown education relative to mbo or lower."),
    factor("offer_factor_language", 0.6, (0.3, 0.9), ASSUMPTION,
           "Offer chance with an active language barrier."),
    factor("offer_factor_health", 0.6, (0.3, 0.9), ASSUMPTION,
           "Offer chance with an active health barrier."),
    factor("offer_contact_effect", 0.5, (0.0, 1.5),
           ASSUMPTION + "; lower caseloads brought more job offers from caseworkers "
           "(Böheim, Eppel & Mahringer 2023) and more registered vacancies (Hainmueller "
           "et al. 2016)",
           "Extra relative chance of a job offer in a month with coach contact (the coach "
           "proposes vacancies)."),
    factor("offer_working_tie_effect", 0.15, (0.0, 0.4), ASSUMPTION,
           "Extra relative offer chance per tie with someone in work."),
    count("offer_working_ties_max", 4, (2, 8), ASSUMPTION,
          "Most ties in work that raise the offer chance.", lo=0, hi=100, unit="ties",
          kind="setting"),
    count("employers", 12, (5, 50), ASSUMPTION,
          "Employers (or employer segments) in the local labour market.", lo=1, hi=10_000,
          unit="employers", kind="setting"),
    share("employer_risk_mean", 0.3, (0.1, 0.5),
          ASSUMPTION + "; " + PRACTICE + ": employers perceive risk in hiring mothers of young children",
          "Mean perceived risk: the share of offers an employer withholds from a mother "
          "whose youngest child needs care."),
    amount("employer_spread", 10.0, (4.0, 30.0), ASSUMPTION,
           "Concentration of employers' risk and flexibility around their means (Beta); "
           "lower is more varied.", unit="concentration", lo=0.1, hi=10_000.0),
    amount("employer_size_concentration", 2.0, (0.5, 10.0), ASSUMPTION,
           "Concentration of the employers' shares of vacancies (Dirichlet); lower means a "
           "few large employers, higher means employers of similar size.",
           unit="concentration", lo=0.01, hi=10_000.0),
    share("employer_flexible_share_mean", 0.35, (0.15, 0.6), ASSUMPTION,
          "Mean share of an employer's vacancies in flexible or school-time hours."),
    amount("vacancies_per_100_mothers", 25.0, (10.0, 50.0),
           ASSUMPTION + ": the modelled mothers are a small part of the local labour market, "
           "so vacancies seldom run out for them (the metric offers_over_vacancies shows "
           "when they do)",
           "Vacancies open to the modelled mothers per month per 100 mothers of the "
           "initial stock; caps the offers employers make.", unit="vacancies per month", hi=1000.0),
    amount("parttime_hours_per_week", 8.0, (4.0, 20.0),
           DIVOSA_PARTTIME + ": EUR 489 a month is about 8 hours a week at the minimum wage",
           "Hours of part-time or flexible work alongside assistance.", unit="hours per week",
           lo=1.0, hi=80.0),
    amount("fulltime_hours_per_week", 32.0, (28.0, 38.0), ASSUMPTION,
           "Hours of a regular job.", unit="hours per week", kind="setting", lo=1.0, hi=80.0),
    amount("hourly_wage_eur", 14.06, (13.0, 18.0),
           ASSUMPTION + ": about the statutory minimum wage in 2025",
           "Gross hourly wage of an offer.", unit="EUR per hour", lo=0.01),
    amount("weeks_per_month", 4.33, (4.33, 4.33), "52 weeks / 12 months",
           "Weeks in a month.", unit="weeks", kind="setting", lo=1.0, hi=5.0),
    share("offer_acceptance", 0.85, (0.6, 0.95), ASSUMPTION,
          "Probability of accepting a workable offer whose believed monthly gain is well "
          "above acceptance_gain_reference_eur.", unit="probability"),
    amount("acceptance_gain_reference_eur", 100.0, (25.0, 250.0),
           ASSUMPTION + "; " + PRACTICE + ": an offer needs an income gain the mother believes "
           "in (004:538)",
           "Believed monthly net income gain at which half of the otherwise willing mothers "
           "accept an offer.", unit="EUR per month"),
    amount("acceptance_gain_scale_eur", 60.0, (20.0, 150.0), ASSUMPTION,
           "Spread of the acceptance curve around the reference gain (logistic scale).",
           unit="EUR per month", lo=1.0),
    share("net_pay_share", 0.88, (0.8, 0.95),
          ASSUMPTION + ": net pay at about the minimum wage, after taxes, premiums and credits",
          "Net pay as a share of gross pay; assistance is set against net income."),
    share("employer_arranged_care_factor", 0.4, (0.1, 1.0),
          ASSUMPTION + "; employers ask whether childcare is arranged and turn mothers down "
          "without it (004:630-650, 004:1207)",
          "Perceived risk of hiring a mother whose childcare is arranged (a formal place or "
          "an informal arrangement), relative to one without.", unit="multiplier"),
    factor("parttime_search_factor", 1.0, (0.3, 2.0),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml so that, with who works "
           "part-time, part-time workers leave for work about 3.5 times as often as others ("
           + DIVOSA_PARTTIME + ")",
           "Chance of an offer of a regular job for a mother in part-time work, relative to "
           "an otherwise equal mother without it (the stepping stone: an employer and "
           "references); she searches at any ladder step.", calibrated_to=("parttime_exit_ratio",)),
    hazard("parttime_offer_base", 0.1, (0.01, 0.9),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 8% of mothers on assistance "
           "with part-time work in a month (" + DIVOSA_PARTTIME + ")",
           "Monthly probability of an offer of part-time or flexible work (parttime_hours_per"
           "_week, topped up by assistance) for a mother on assistance at ladder step "
           "parttime_min_step or up who is not in part-time work, with the profile of "
           "job_offer_base; it goes through the employers' vacancies and risk, her "
           "acceptance and childcare like any offer.", calibrated_to=("parttime_on_assistance",)),
    count("parttime_min_step", 3, (2, 4),
          ASSUMPTION + ": part-time or flexible work beside organised activities",
          "Lowest ladder step at which a mother on assistance may be offered part-time work.",
          lo=1, hi=6, unit="ladder step", kind="setting"),
    factor("parttime_job_loss_factor", 2.0, (1.0, 4.0),
           ASSUMPTION + ": most part-time work on assistance is flexible or on call",
           "Risk of losing part-time work on assistance relative to a regular job."),

    # ---- childcare --------------------------------------------------------------------
    count("childcare_need_age_months", 48, (36, 54),
          "Dutch school age 4: younger children need daycare during work",
          "Below this age of the youngest child, a job needs childcare.", lo=0, hi=216,
          unit="months", kind="fact"),
    amount("childcare_places_per_100_mothers", 20.0, (5.0, 40.0),
           ASSUMPTION + "; with informal_care_per_tie it sets how many job starts rely on "
           "formal care (docs/calibration.md)",
           "Formal childcare places open to the modelled mothers per 100 mothers of the "
           "initial stock: the general supply of the local market, which a municipality "
           "does not set (places it buys for a programme are reserved_childcare.places).",
           unit="places", hi=1000.0),
    count("childcare_providers", 4, (1, 20), ASSUMPTION, "Childcare providers.",
          lo=1, hi=10_000, unit="providers", kind="setting"),
    count("childcare_registration_lag_months", 2, (1, 4),
          ASSUMPTION + "; " + PRACTICE + ": first come, first served, with a registration lag",
          "Months between registering for a place and being able to get one.",
          lo=0, hi=24, unit="months"),
    hazard("childcare_register_prob", 0.04, (0.01, 0.1), ASSUMPTION,
           "Monthly probability that a mother at step 3 or up registers for a place, "
           "times her trust in formal childcare."),
    factor("informal_care_register_factor", 3.0, (1.0, 6.0),
           ASSUMPTION + "; new places mostly replace informal care (Havnes & Mogstad 2011, "
           "J. Public Econ. 95): mothers who work on informal care want a formal place most",
           "Chance that a working mother on informal care registers for a place, relative "
           "to a mother at step 3 or up without work (the chance is capped at 1)."),
    count("childcare_place_min_step", 3, (3, 4),
          PRACTICE + ": a place usually requires a job or course first",
          "Lowest ladder step (organised activities) at which a queued mother can get a "
          "place.", lo=1, hi=6, unit="ladder step", kind="setting"),
    share("informal_care_per_tie", 0.12, (0.03, 0.5),
          ASSUMPTION + "; calibrated in scenarios/baseline.yaml to the declared share of job "
          "starts that rely on informal care (docs/calibration.md)",
          "Probability that one supportive tie can take on the care a job needs, when a "
          "mother without arranged care has accepted an offer that needs it; the "
          "arrangement then lasts until it breaks down.", unit="probability"),
    factor("flexible_informal_factor", 1.5, (1.0, 2.5), ASSUMPTION,
           "Relative chance of informal care for flexible or school-time hours."),
    share("peer_tie_care_weight", 0.5, (0.1, 1.0),
          ASSUMPTION + "; participants of group trajectories sometimes mind each other's "
          "children (004:1154)",
          "A tie made in a peer group counts as this share of a supportive tie when a mother "
          "asks her network to take on childcare.", unit="ties per peer tie"),
    hazard("informal_care_breakdown_hazard", 0.03, (0.01, 0.08),
           ASSUMPTION + "; networks are small, mostly without work and unreliable (004:570, "
           "004:1154, 000:27)",
           "Monthly probability that an informal care arrangement breaks down."),
    factor("informal_breakdown_event_factor", 3.0, (1.5, 6.0),
           ASSUMPTION + "; 000:27: when children are ill there is no network to fall back on",
           "Relative risk that an informal arrangement breaks down in a month with a stress "
           "event (a sick child, a crisis)."),
    share("job_loss_on_care_breakdown", 0.5, (0.2, 0.8), ASSUMPTION,
          "Probability that a working mother loses her job when her informal care breaks "
          "down and she has no formal place.", unit="probability"),
    amount("childcare_net_cost_eur", 120.0, (30.0, 300.0),
           ASSUMPTION + ": what a mother at about the minimum wage pays herself for formal care "
           "after the childcare allowance (kinderopvangtoeslag, about 96% of the maximum "
           "hourly rate at the lowest incomes) and the provider's price above that rate",
           "Monthly cost of formal childcare a working mother pays herself for "
           "childcare_cost_hours_per_week hours of care a week (scaled by a job's hours).",
           unit="EUR per month"),
    amount("childcare_cost_hours_per_week", 20.0, (20.0, 20.0),
           ASSUMPTION + ": the hours of care childcare_net_cost_eur is stated for",
           "Hours of care a week that childcare_net_cost_eur pays for.", unit="hours per week",
           kind="setting", lo=1.0, hi=80.0),
    share("childcare_trust_gain_per_month", 0.04, (0.0, 0.1), ASSUMPTION,
          "Share of the gap to full trust in childcare closed per month of formal care.",
          unit="share of gap per month"),

    # ---- other exits ------------------------------------------------------------------
    hazard("study_exit_hazard", 0.008, (0.003, 0.027),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 27% of leavers leaving "
           "for study (" + ROTTERDAM + "; docs/calibration.md)",
           "Monthly probability of leaving for study (student finance)."),
    factor("study_young_factor", 2.0, (1.0, 4.0), ASSUMPTION,
           "Relative chance of leaving for study under the young age."),
    amount("study_young_age_years", 27.0, (23.0, 30.0),
           "Student finance rules favour study before 30", "Age below which study is likelier.",
           unit="years", kind="setting"),
    factor("study_student_finance_factor", 1.5, (1.0, 3.0), ASSUMPTION,
           "Relative chance of leaving for study after entering at the end of student "
           "finance."),
    hazard("partner_exit_hazard", 0.004, (0.001, 0.03),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 10% of leavers leaving "
           "for a partner's income (" + ROTTERDAM + "; docs/calibration.md)",
           "Monthly probability of leaving because of a partner's income."),
    hazard("other_exit_hazard", 0.009, (0.003, 0.04),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 24% of leavers leaving "
           "for other reasons (" + ROTTERDAM + "; docs/calibration.md)",
           "Monthly probability of leaving for other or unknown reasons."),
    factor("contact_exit_effect", 6.5, (0.0, 10.0),
           "Böheim, Eppel & Mahringer (2023), J. Labour Market Res. 57: more caseworker time "
           "moved women out of the labour force more than into work; the size is fitted to "
           "that trial (the evidence checks caseworker_benefit_days and "
           "caseworker_out_of_work_days then report calibrated)",
           "Extra relative hazard of leaving assistance for other reasons in a month with a "
           "coach's appointment: the hassle and threat of being watched make some who can do "
           "without assistance leave.", calibrated_to=("caseworker_benefit_days",
                                                        "caseworker_out_of_work_days")),

    # ---- duration dependence -----------------------------------------------------------
    share("duration_dependence_floor", 0.4, (0.05, 0.9),
          CBS_DURATION + " (with who stays, not only what staying does, so the floor alone "
          "may lie below that ratio); calibrated in "
          "scenarios/baseline.yaml, with duration_dependence_months, to the stock's yearly "
          "outflow and to long-term recipients (docs/calibration.md)",
          "Chance of leaving assistance (a job offer, part-time work, study, a partner's "
          "income, other exits) after a long time on assistance relative to its start: "
          "each is multiplied by floor + (1 - floor) x exp(-months on assistance / "
          "duration_dependence_months).", unit="relative chance",
          calibrated_to=("stock_outflow_12m",)),
    amount("duration_dependence_months", 24.0, (6.0, 60.0),
           ASSUMPTION + "; calibrated with duration_dependence_floor",
           "Months on assistance over which the chance of leaving falls towards its floor "
           "(e-folding time).", unit="months", lo=0.5, hi=600.0,
           calibrated_to=("stock_outflow_12m",)),
    count("duration_break_months", 6, (0, 24),
          ASSUMPTION + ": a short interruption does not make a long-term recipient a "
          "newcomer",
          "A return within this many months of leaving continues the count of months on "
          "assistance (the months away not counted); a later return starts it afresh.",
          lo=0, hi=120, unit="months", kind="setting"),

    # ---- job loss and returns ----------------------------------------------------------
    hazard("job_loss_hazard", 0.012, (0.005, 0.03),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml, with the early factor, to "
           "CBS: of those who left assistance for a job in 2021, 82% were employed without "
           "assistance after 6 months and 72% after 18 months, 9% back on assistance "
           "(CBS 2024, Cohortonderzoek bijstandsuitstroom naar werk 2021)",
           "Monthly probability of losing a job after the first months.",
           calibrated_to=DURABILITY),
    factor("job_loss_early_factor", 6.0, (2.0, 10.0),
           ASSUMPTION + "; " + PRACTICE + ": most likely in the first months (CBS: 18% not "
           "employed without assistance 6 months after a job start)",
           "Extra relative risk of job loss at the job start, fading with tenure.",
           calibrated_to=DURABILITY),
    amount("job_loss_early_decay_months", 3.0, (1.0, 8.0), ASSUMPTION,
           "Months over which the early extra risk of job loss fades (e-folding time).",
           unit="months", lo=0.1),
    factor("job_loss_stress_event_factor", 1.5, (1.0, 3.0),
           ASSUMPTION + "; employers' biggest fear is constant sick children at home "
           "(004:630-650)",
           "Relative risk of job loss in a month with a stress event (a sick child)."),
    count("job_loss_ladder_step", 4, (3, 4), ASSUMPTION + ": she keeps her work experience",
          "Participation-ladder step of a mother back on assistance (or without her "
          "part-time job) after losing a job.", lo=1, hi=4, unit="ladder step",
          kind="setting"),
    share("return_after_job_loss", 0.8, (0.4, 0.95),
          ASSUMPTION + "; CBS: 9% of those who left for a job in 2021 were back on "
          "assistance 18 months later",
          "Probability that a mother who loses a job that took her off assistance returns "
          "to assistance (the others find other income).", unit="probability"),
    amount("return_after_job_loss_delay_months", 3.0, (1.0, 12.0),
           ASSUMPTION + ": unemployment insurance (WW) comes first for those who qualify (26 "
           "of the last 36 weeks worked), for three months or more; those who do not "
           "qualify return at once",
           "Mean months from a job loss to the return to assistance (geometric).",
           unit="months"),
    share("return_noncooperation_share", 0.32, (0.2, 0.6),
          DIVOSA_REENTRY + ": with return_noncooperation_delay_months of 3, 32% return and "
          "29% within six months",
          "Probability that a mother stopped for non-cooperation applies again.",
          unit="probability"),
    amount("return_noncooperation_delay_months", 3.0, (1.0, 9.0), ASSUMPTION,
           "Mean months from a stop for non-cooperation to the new application (geometric).",
           unit="months"),
    hazard("return_study_hazard", 0.01, (0.003, 0.03),
           ASSUMPTION + "; study stops (MODEL.md)",
           "Monthly probability that a mother who left for study stops and returns."),
    hazard("return_partner_hazard", 0.008, (0.003, 0.02),
           ASSUMPTION + "; the partner's income ends with a relationship breakdown (MODEL.md)",
           "Monthly probability that a mother who left for a partner's income returns."),
    hazard("return_other_hazard", 0.01, (0.003, 0.03), ASSUMPTION,
           "Monthly probability that a mother who left for other reasons returns."),
    count("exit_followup_months", 60, (24, 120), ASSUMPTION,
          "Months after an exit (or a job loss) during which a return to assistance is "
          "simulated; a later return counts as outside inflow.", lo=1, hi=1200,
          unit="months", kind="setting"),
    count("work_followup_months", 60, (24, 120),
          ASSUMPTION + "; CBS follows job leavers for 18 months",
          "Months after an exit to work during which job loss is simulated; after that she "
          "is no longer followed.", lo=1, hi=1200, unit="months", kind="setting"),

    # ---- money ------------------------------------------------------------------------
    amount("assistance_norm_eur", 1345.45, (1200.0, 1500.0),
           "Rijksoverheid, Participatiewet norm for a single parent aged 21+, 1 Jan 2025",
           "Assistance per month incl. holiday pay.", unit="EUR per month", kind="fact"),
    share("earnings_disregard_rate", 0.125, (0.0, 0.25),
          "Participatiewet earnings disregard, July 2024",
          "Share of earnings a mother on assistance may keep.", kind="fact"),
    amount("earnings_disregard_cap_eur", 167.79, (0.0, 300.0),
           "Participatiewet earnings disregard, July 2024",
           "Most earnings a mother on assistance may keep.", unit="EUR per month",
           kind="fact"),
)

# Shares that partition a population must not add up to more than one.
SHARE_GROUPS: tuple[tuple[str, ...], ...] = (
    ("share_education_no_basic", "share_education_mbo_or_lower", "share_education_hbo_wo"),
    ("share_entry_student_finance", "share_entry_income_loss", "share_entry_relationship_end"),
    ("entry_ladder_step1_share", "entry_ladder_step2_share", "entry_ladder_step3_share"),
)

# Products of parameters that must stay at most a bound. The three exits of step 7 each own
# a third of one uniform draw (simulate/steps/exits.py), so each exit's largest monthly
# hazard (with its factors at their largest) must stay at most 1/3; the plausible ranges
# reach at most 0.24.
PRODUCT_LIMITS: tuple[tuple[tuple[str, ...], float], ...] = (
    (("study_exit_hazard", "study_young_factor", "study_student_finance_factor"), 1 / 3),
    (("partner_exit_hazard",), 1 / 3),
    (("other_exit_hazard",), 1 / 3),
)


class ParameterSet(Mapping[str, Parameter]):
    """An ordered, name-indexed collection of declarations."""

    def __init__(self, params: Iterable[Parameter],
                 share_groups: tuple[tuple[str, ...], ...] = (),
                 product_limits: tuple[tuple[tuple[str, ...], float], ...] = ()) -> None:
        self._params: dict[str, Parameter] = {}
        for p in params:
            if p.name in self._params:
                raise ValueError(f"parameter {p.name!r} is declared twice")
            self._params[p.name] = p
        self.share_groups = share_groups
        self.product_limits = product_limits

    def __getitem__(self, name: str) -> Parameter:
        return self._params[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._params)

    def __len__(self) -> int:
        return len(self._params)

    def defaults(self) -> dict[str, Any]:
        return {name: p.default for name, p in self._params.items()}

    def in_group(self, group: str) -> list[Parameter]:
        return [p for p in self._params.values() if p.group == group]

    def of_kind(self, *kinds: str) -> list[Parameter]:
        return [p for p in self._params.values() if p.kind in kinds]

    def _group_totals(self, value: Callable[[str], Any]
                      ) -> Iterator[tuple[tuple[str, ...], Any, float, float]]:
        """Each share group's total and each limited product (factors after the first
        counted as at least 1), with its bound and the rounding margin above it: for one
        set of values or, when ``value`` gives arrays, for many points at once."""
        for names in self.share_groups:
            yield names, sum(value(n) for n in names), 1.0, 1e-9
        for names, bound in self.product_limits:
            product = value(names[0])
            for n in names[1:]:
                product = product * np.maximum(value(n), 1.0)
            yield names, product, bound, 1e-12

    def first_group_violation(self, columns: Mapping[str, Sequence[Any]],
                              base: Mapping[str, Any], points: int) -> int | None:
        """The first of ``points`` points that ``check_groups`` would refuse: ``columns``
        holds the values per point of the parameters that vary, ``base`` the others. None
        when every point keeps the groups and limits."""
        def column(name: str) -> np.ndarray:
            if name in columns:
                return np.asarray(columns[name], dtype=float)
            return np.full(points, float(base[name]))

        bad = np.zeros(points, dtype=bool)
        for _, total, bound, margin in self._group_totals(column):
            bad |= total > bound + margin
        return int(np.argmax(bad)) if bad.any() else None

    def check_groups(self, values: Mapping[str, Any]) -> tuple[str, str] | None:
        """Return (name, message) for the first share group adding up to more than 1, or
        the first product of parameters above its limit."""
        for names, total, bound, margin in self._group_totals(values.__getitem__):
            if total <= bound + margin:
                continue
            if (names, bound) in self.product_limits:
                listed = " x ".join(names)
                return names[0], (f"{listed} (factors below 1 counted as 1) is {total:.3f}; "
                                  f"at most {bound:.3f} is allowed")
            listed = " + ".join(names)
            return names[-1], f"shares {listed} add up to {total:.3f}; at most 1 is allowed"
        return None


PARAMETERS = ParameterSet(CORE, SHARE_GROUPS, PRODUCT_LIMITS)


class Params:
    """Validated parameter values, read as attributes (``params.study_exit_hazard``).

    Build with :meth:`Params.from_overrides`; change with :meth:`replace`, which returns a
    new object: policies and sweeps never mutate shared parameter values.

    Args:
        values: Complete, already validated values.
        declarations: The declarations the values belong to (the core model's, or a
            policy's).
    """

    __slots__ = ("declarations", "values")

    def __init__(self, values: Mapping[str, Any] | None = None,
                 declarations: ParameterSet = PARAMETERS) -> None:
        object.__setattr__(self, "declarations", declarations)
        object.__setattr__(self, "values", dict(values if values is not None
                                                else declarations.defaults()))

    def __getattr__(self, name: str) -> Any:
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Params are read-only; use replace()")

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Params) and self.values == other.values

    def __repr__(self) -> str:
        return f"Params({self.values!r})"

    def __reduce__(self):
        return (Params, (self.values, self.declarations))

    @classmethod
    def from_overrides(cls, overrides: Mapping[str, Any] | None = None,
                       declarations: ParameterSet = PARAMETERS) -> Params:
        """Defaults updated by ``overrides``.

        Raises:
            ParameterError: (a ValueError) naming the parameter and what is wrong, for an
                unknown name or a bad value.
        """
        values = declarations.defaults()
        for name, value in (overrides or {}).items():
            if name not in declarations:
                raise ParameterError(name, "unknown parameter")
            try:
                values[name] = declarations[name].check(value)
            except ValueError as err:
                raise ParameterError(name, str(err)) from None
        bad = declarations.check_groups(values)
        if bad:
            raise ParameterError(*bad)
        return cls(values, declarations)

    def replace(self, **changes: Any) -> Params:
        merged = dict(self.values)
        merged.update(changes)
        return Params.from_overrides(merged, self.declarations)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.values)

    def world(self) -> Params:
        """These values with every lever at its declared default: the world before month 0.

        The burn-in runs under it (:class:`simulate.model.PathwaysModel`). The world's
        uncertainties, facts and settings shape the burn-in; what a municipality chooses
        (its levers and programmes) takes effect at month 0 on the burned-in world. So a
        run's burn-in never depends on its levers, and ``run``, ``compare``,
        :func:`simulate.evaluate`, sweeps, evidence checks, EMA Workbench and Mesa give
        the same numbers for the same values, seed and replicate.
        """
        levers = {p.name: p.default for p in self.declarations.of_kind("lever")}
        if all(self.values[name] == value for name, value in levers.items()):
            return self
        return Params.from_overrides({**self.values, **levers}, self.declarations)
