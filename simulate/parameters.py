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

import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

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
        lo, hi = self.bounds
        what = "an integer" if self.type is int else "a number"
        if lo is not None and hi is not None:
            return f"{what} from {_fmt(lo)} to {_fmt(hi)} ({self.unit})"
        if lo is not None:
            return f"{what} of at least {_fmt(lo)} ({self.unit})"
        if hi is not None:
            return f"{what} of at most {_fmt(hi)} ({self.unit})"
        return f"{what} ({self.unit})"

    def check(self, value: Any) -> Any:
        """Return ``value`` coerced to this parameter's type.

        Raises:
            ValueError: with a message naming the value and what is allowed.
        """
        if self.type is bool:
            if isinstance(value, bool):
                return value
            raise ValueError(f"{value!r} is not allowed; expected {self.allowed()}")
        if self.type is str:
            if isinstance(value, str) and (self.choices is None or value in self.choices):
                return value
            raise ValueError(f"{value!r} is not allowed; expected {self.allowed()}")
        # Numbers: YAML gives bool for yes/no/true, which Python treats as int. Refuse it.
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"{value!r} is not a number; expected {self.allowed()}")
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"{value!r} is not allowed; expected {self.allowed()}")
        if self.type is int:
            if isinstance(value, float):
                if not value.is_integer():
                    raise ValueError(f"{value!r} is not an integer; expected {self.allowed()}")
                value = int(value)
        else:
            value = float(value)
        lo, hi = self.bounds
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            raise ValueError(f"{_fmt(value)} is out of range; expected {self.allowed()}")
        return value


def _fmt(x: float) -> str:
    return f"{x:g}" if isinstance(x, float) else str(x)


# Helpers that fix unit and bounds for common shapes of parameter, so that a
# declaration reads as one line of meaning.
def share(name, default, range, source, doc, **kw) -> Parameter:
    return Parameter(name, default, kw.pop("unit", "share"), range, source, doc,
                     bounds=(0.0, 1.0), **kw)


def hazard(name, default, range, source, doc, **kw) -> Parameter:
    return Parameter(name, default, kw.pop("unit", "probability per month"), range, source,
                     doc, bounds=(0.0, 1.0), **kw)


def factor(name, default, range, source, doc, **kw) -> Parameter:
    return Parameter(name, default, kw.pop("unit", "multiplier"), range, source, doc,
                     bounds=(0.0, None), **kw)


def count(name, default, range, source, doc, lo=0, hi=None, **kw) -> Parameter:
    return Parameter(name, default, kw.pop("unit", "count"), range, source, doc,
                     bounds=(lo, hi), type=int, **kw)


def amount(name, default, range, source, doc, **kw) -> Parameter:
    return Parameter(name, default, kw.pop("unit"), range, source, doc,
                     bounds=(0.0, None), **kw)


ROTTERDAM = "Rotterdam evaluation (2025), cohort of 855"
POP = {"group": "population"}

CORE: tuple[Parameter, ...] = (
    # ---- population: the initial stock and the composition of inflow ----------------
    count("size", 1190, (100, 1_000_000),
          "CBS via the municipality, 2022: women on assistance with a child under 5 in "
          "Charlois, Feijenoord and IJsselmonde",
          "Initial stock of mothers on assistance.", lo=1, hi=10_000_000,
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
           "Standard deviation of age at entry.", unit="years", kind="fact", **POP),
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
    share("inflow_returning_share", 0.42, (0.25, 0.55),
          ASSUMPTION + "; calibrated in scenarios/baseline.yaml so that 44.5% of inflow is a "
          "return (" + ROTTERDAM + "; docs/calibration.md)",
          "Share of outside inflow that returns after an exit before the simulation.", **POP),
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
          "Probability that the coach registers a present barrier at intake.", **POP),
    amount("network_ties_mean", 2.0, (0.5, 4.0), ASSUMPTION + "; " + PRACTICE + ": networks are small",
           "Mean number of supportive ties at entry (Poisson).", unit="ties", **POP),
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
           "(exponential, truncated at the age limit).", unit="months", **POP),
    amount("older_children_mean", 0.5, (0.2, 1.0),
           ASSUMPTION + "; " + ROTTERDAM + ": 94% have exactly one child under 2",
           "Mean number of children besides the youngest (Poisson).", unit="children", **POP),
    share("stock_share_pregnant", 0.08, (0.03, 0.15), ASSUMPTION,
          "Share of the initial stock that is pregnant.", **POP),
    amount("stock_mean_months_on_assistance", 30.0, (12.0, 60.0), ASSUMPTION,
           "Mean months already on assistance in the initial stock (exponential).",
           unit="months", **POP),
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
    share("inflow_rate_per_month", 0.042, (0.02, 0.07),
          ASSUMPTION + "; calibrated in scenarios/baseline.yaml so that the stock stays near "
          "its initial size (docs/calibration.md)",
          "Outside inflow per month as a share of the initial stock size.",
          unit="share of size per month", **POP),

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
    hazard("exemption_start_hazard_per_month", 0.012, (0.004, 0.03),
           ASSUMPTION + "; not separable from the share exempt at entry by the one "
           "exemption figure, so left at this value (docs/calibration.md)",
           "Monthly probability that a mother without an exemption gets one."),
    count("exemption_child_age_limit_months", 60, (60, 60),
          PRACTICE + ": single parents with a child under 5 may request an exemption",
          "An exemption needs a youngest child under this age (or a pregnancy); a review "
          "ends it once the child is older.", lo=0, hi=216, unit="months", kind="fact"),
    count("exemption_review_months", 6, (3, 12),
          PRACTICE + ": exemptions are reviewed every 6 months",
          "Months between exemption reviews.", lo=1, hi=60, unit="months", kind="fact"),
    share("exemption_renewal_prob", 0.6, (0.3, 0.8), ASSUMPTION + "; " + PRACTICE + ": mostly temporary",
          "Probability that a review renews the exemption.", unit="probability"),

    # ---- coaches and contact ----------------------------------------------------------
    amount("regular_caseload_target", 120.0, (60.0, 200.0),
           ASSUMPTION + "; Rotterdam evaluation (2025): regular caseloads are high (Samen voor Zuid: about 80)",
           "Mothers per regular coach that sets how many regular coaches there are.",
           unit="mothers per coach", kind="lever"),
    count("regular_caseload_max", 150, (80, 250), ASSUMPTION,
          "Most mothers a regular coach takes on; beyond it mothers wait for a coach.",
          lo=1, unit="mothers per coach", kind="lever"),
    amount("coach_hours_per_month", 130.0, (100.0, 156.0),
           ASSUMPTION + ": a full-time post of 36 hours a week less leave",
           "Working hours of a coach per month.", unit="hours per month", kind="lever"),
    share("coach_client_time_share", 0.4, (0.25, 0.6), ASSUMPTION,
          "Share of a coach's hours spent on client contact."),
    amount("hours_per_contact", 1.5, (1.0, 3.0), ASSUMPTION + ": incl. preparation and report",
           "Coach hours per client contact.", unit="hours"),
    factor("exempt_contact_factor", 0.5, (0.2, 1.0), ASSUMPTION,
           "Contact rate of an exempted mother relative to others."),
    share("trust_gain_per_contact", 0.08, (0.02, 0.15), ASSUMPTION,
          "Share of the gap to full trust in services closed by one contact.",
          unit="share of gap"),
    share("psych_reversion_per_month", 0.03, (0.0, 0.1), ASSUMPTION,
          "Monthly pull of confidence and trust back to the mother's own level.",
          unit="share of gap per month"),
    share("barrier_detection_per_contact", 0.3, (0.1, 0.6), ASSUMPTION,
          "Probability that a contact detects (and refers) each unregistered barrier.",
          unit="probability"),
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
    hazard("missed_agreement_base", 0.02, (0.005, 0.06),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 14% of leavers leaving "
           "for non-cooperation (" + ROTTERDAM + "; docs/calibration.md)",
           "Monthly probability of a missed agreement with recent contact and full trust."),
    factor("missed_no_contact_effect", 2.0, (0.5, 4.0), ASSUMPTION,
           "Extra relative risk of a missed agreement after the full no-contact period."),
    count("missed_no_contact_months", 12, (6, 24), ASSUMPTION,
          "Months without contact after which the extra risk of a missed agreement is full "
          "(it grows linearly until then).", lo=1, hi=120, unit="months", kind="setting"),
    factor("missed_low_trust_effect", 1.0, (0.0, 3.0), ASSUMPTION,
           "Extra relative risk of a missed agreement with no trust in services."),
    count("noncooperation_threshold", 2, (1, 4), ASSUMPTION,
          "Missed agreements without a contact in between that end assistance.",
          lo=1, hi=24, unit="missed agreements"),

    # ---- participation ladder ------------------------------------------------------------
    hazard("ladder_up_base", 0.05, (0.02, 0.1), ASSUMPTION,
           "Monthly probability of a step up at confidence 0.5, without contact; it scales "
           "with 0.5 + confidence."),
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
    factor("ladder_exempt_factor", 0.4, (0.1, 1.0), ASSUMPTION,
           "Chance of a step up of an exempted mother relative to others."),
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
    factor("exempt_search_factor", 0.3, (0.0, 0.6), ASSUMPTION,
           "Search intensity of an exempted mother relative to others."),
    factor("pregnant_search_factor", 0.3, (0.0, 0.6), ASSUMPTION,
           "Search intensity of a pregnant mother relative to others."),
    hazard("job_offer_base", 0.09, (0.05, 0.6),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml, jointly with "
           "informal_care_per_tie, to 25% of leavers leaving for work (" + ROTTERDAM
           + "; docs/calibration.md)",
           "Monthly probability of an offer for a searching mother with mbo, confidence "
           "0.5, no barriers or ties in work, at a risk-neutral employer; it scales with "
           "0.5 + confidence."),
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
           "lower is more varied.", unit="concentration"),
    amount("employer_size_concentration", 2.0, (0.5, 10.0), ASSUMPTION,
           "Concentration of the employers' shares of vacancies (Dirichlet); lower means a "
           "few large employers, higher means employers of similar size.",
           unit="concentration"),
    share("employer_flexible_share_mean", 0.35, (0.15, 0.6), ASSUMPTION,
          "Mean share of an employer's vacancies in flexible or school-time hours."),
    amount("vacancies_per_100_mothers", 6.0, (2.0, 15.0), ASSUMPTION,
           "Vacancies open to the modelled mothers per month per 100 mothers of the "
           "initial stock; caps the offers employers make.", unit="vacancies per month"),
    amount("parttime_hours_per_week", 20.0, (12.0, 24.0), ASSUMPTION + ": school-time hours",
           "Hours of a flexible or school-time job.", unit="hours per week", kind="setting"),
    amount("fulltime_hours_per_week", 32.0, (28.0, 38.0), ASSUMPTION,
           "Hours of a regular job.", unit="hours per week", kind="setting"),
    amount("hourly_wage_eur", 14.06, (13.0, 18.0),
           ASSUMPTION + ": about the statutory minimum wage in 2025",
           "Gross hourly wage of an offer.", unit="EUR per hour"),
    amount("weeks_per_month", 4.33, (4.33, 4.33), "52 weeks / 12 months",
           "Weeks in a month.", unit="weeks", kind="setting"),
    share("decline_parttime_unaware", 0.8, (0.5, 1.0),
          ASSUMPTION + "; " + PRACTICE + ": an offer needs an income gain the mother believes in",
          "Probability of declining a part-time offer when unaware that the top-up "
          "continues.", unit="probability"),
    share("offer_acceptance", 0.75, (0.5, 0.95), ASSUMPTION,
          "Probability of accepting an offer that is otherwise workable.", unit="probability"),
    factor("parttime_search_factor", 1.0, (0.3, 1.5), ASSUMPTION,
           "Search for a regular job by a mother in part-time work relative to others."),

    # ---- childcare --------------------------------------------------------------------
    count("childcare_need_age_months", 48, (36, 54),
          "Dutch school age 4: younger children need daycare during work",
          "Below this age of the youngest child, a job needs childcare.", lo=0, hi=216,
          unit="months", kind="fact"),
    amount("childcare_places_per_100_mothers", 10.0, (4.0, 25.0), ASSUMPTION,
           "Formal childcare places open to the modelled mothers per 100 mothers of the "
           "initial stock.", unit="places", kind="lever"),
    count("childcare_providers", 4, (1, 20), ASSUMPTION, "Childcare providers.",
          lo=1, hi=10_000, unit="providers", kind="setting"),
    count("childcare_registration_lag_months", 2, (1, 4),
          ASSUMPTION + "; " + PRACTICE + ": first come, first served, with a registration lag",
          "Months between registering for a place and being able to get one.",
          lo=0, hi=24, unit="months"),
    hazard("childcare_register_prob", 0.04, (0.01, 0.1), ASSUMPTION,
           "Monthly probability that a mother at step 3 or up registers for a place, "
           "times her trust in formal childcare."),
    count("childcare_place_min_step", 3, (3, 4),
          PRACTICE + ": a place usually requires a job or course first",
          "Lowest ladder step (organised activities) at which a queued mother can get a "
          "place.", lo=1, hi=6, unit="ladder step", kind="setting"),
    share("informal_care_per_tie", 0.12, (0.03, 0.5),
          ASSUMPTION + "; calibrated in scenarios/baseline.yaml, jointly with job_offer_base, "
          "to 25% of leavers leaving for work (" + ROTTERDAM + "; docs/calibration.md)",
          "Probability that one supportive tie can provide the care a job needs.",
          unit="probability"),
    factor("flexible_informal_factor", 1.5, (1.0, 2.5), ASSUMPTION,
           "Relative chance of informal care for flexible or school-time hours."),
    share("childcare_trust_gain_per_month", 0.04, (0.0, 0.1), ASSUMPTION,
          "Share of the gap to full trust in childcare closed per month of formal care.",
          unit="share of gap per month"),

    # ---- other exits ------------------------------------------------------------------
    hazard("study_exit_hazard", 0.008, (0.003, 0.02),
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
    hazard("partner_exit_hazard", 0.004, (0.001, 0.01),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 10% of leavers leaving "
           "for a partner's income (" + ROTTERDAM + "; docs/calibration.md)",
           "Monthly probability of leaving because of a partner's income."),
    hazard("other_exit_hazard", 0.009, (0.003, 0.02),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 24% of leavers leaving "
           "for other reasons (" + ROTTERDAM + "; docs/calibration.md)",
           "Monthly probability of leaving for other or unknown reasons."),

    # ---- job loss and return ------------------------------------------------------------
    hazard("job_loss_hazard", 0.003, (0.001, 0.01),
           ASSUMPTION + ", with the early factor gives about 9% back within 18 months (CBS)",
           "Monthly probability of losing a job after the first months."),
    factor("job_loss_early_factor", 2.0, (0.5, 5.0),
           ASSUMPTION + "; " + PRACTICE + ": most likely in the first months",
           "Extra relative risk of job loss at the job start, fading with tenure."),
    amount("job_loss_early_decay_months", 6.0, (2.0, 12.0), ASSUMPTION,
           "Months over which the early extra risk of job loss fades (e-folding time).",
           unit="months"),
    count("job_loss_ladder_step", 4, (3, 4), ASSUMPTION + ": she keeps her work experience",
          "Participation-ladder step of a mother back on assistance (or without her "
          "part-time job) after losing a job.", lo=1, hi=4, unit="ladder step",
          kind="setting"),
    share("return_after_job_loss", 0.8, (0.5, 1.0), ASSUMPTION,
          "Probability that a mother who loses her job returns to assistance.",
          unit="probability"),
    count("work_followup_months", 60, (24, 120),
          ASSUMPTION + "; CBS follows job leavers for 18 months",
          "Months after an exit to work during which job loss and return are simulated; "
          "after that she is no longer followed.", lo=1, hi=1200, unit="months",
          kind="setting"),

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


class ParameterSet(Mapping[str, Parameter]):
    """An ordered, name-indexed collection of declarations."""

    def __init__(self, params: Iterable[Parameter],
                 share_groups: tuple[tuple[str, ...], ...] = ()) -> None:
        self._params: dict[str, Parameter] = {}
        for p in params:
            if p.name in self._params:
                raise ValueError(f"parameter {p.name!r} is declared twice")
            self._params[p.name] = p
        self.share_groups = share_groups

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

    def check_groups(self, values: Mapping[str, Any]) -> tuple[str, str] | None:
        """Return (name, message) for the first share group adding up to more than 1."""
        for names in self.share_groups:
            total = sum(values[n] for n in names)
            if total > 1.0 + 1e-9:
                listed = " + ".join(names)
                return names[-1], f"shares {listed} add up to {total:.3f}; at most 1 is allowed"
        return None


PARAMETERS = ParameterSet(CORE, SHARE_GROUPS)


class Params:
    """Validated parameter values, read as attributes (``params.study_exit_hazard``).

    Build with :meth:`Params.from_overrides`; change with :meth:`replace`, which returns a
    new object: policies and sweeps never mutate shared parameter values.

    Args:
        values: Complete, already validated values.
        declarations: The declarations the values belong to (the core model's, or a
            policy's).
    """

    __slots__ = ("values", "declarations")

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
            ValueError: "NAME: what is wrong" for an unknown name or a bad value.
        """
        values = declarations.defaults()
        for name, value in (overrides or {}).items():
            if name not in declarations:
                raise ValueError(f"{name}: unknown parameter")
            try:
                values[name] = declarations[name].check(value)
            except ValueError as err:
                raise ValueError(f"{name}: {err}") from None
        bad = declarations.check_groups(values)
        if bad:
            raise ValueError(f"{bad[0]}: {bad[1]}")
        return cls(values, declarations)

    def replace(self, **changes: Any) -> Params:
        merged = dict(self.values)
        merged.update(changes)
        return Params.from_overrides(merged, self.declarations)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.values)
