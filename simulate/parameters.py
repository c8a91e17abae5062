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
        doc_nl: ``doc`` in Dutch, for the Dutch report and explorer.
        unit_nl: ``unit`` in Dutch.
        source_nl: ``source`` in Dutch.
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

    def words(self, lang: str) -> tuple[str, str, str]:
        """What it means, its unit and its source in ``lang`` ("en" or "nl")."""
        if lang == "nl":
            return self.doc_nl, self.unit_nl, self.source_nl
        return self.doc, self.unit, self.source

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
          unit="mothers", kind="fact", **POP,
          doc_nl="Beginstand: moeders in de bijstand bij de start.",
          unit_nl="moeders",
          source_nl=("CBS via de gemeente, 2022: vrouwen in de bijstand met een kind onder 5 in "
                     "Charlois, Feijenoord en IJsselmonde")),
    count("child_age_limit_months", 60, (24, 60),
          PRACTICE + ": target group configurable up to a child under 5",
          "Mothers enter the modelled population pregnant or with a youngest child under "
          "this age; once in, they are followed until they leave assistance.", lo=1,
          hi=216, unit="months", kind="setting", **POP,
          doc_nl=("Moeders komen in het model als ze zwanger zijn of hun jongste kind jonger is "
                  "dan deze leeftijd; daarna volgt het model hen tot ze uit de bijstand gaan."),
          unit_nl="maanden",
          source_nl="evaluatie- en praktijkrapporten: doelgroep in te stellen tot een kind onder 5"),
    count("target_child_age_months", 24, (12, 60),
          "Rotterdam evaluation (2025): the programme's target group is a child under 2 or pregnant",
          "Target group of programmes and of the period sample: youngest child under "
          "this age, or pregnant.", lo=1, hi=216, unit="months", kind="setting", **POP,
          doc_nl=("Doelgroep van de interventies en van de periodesteekproef: jongste kind jonger "
                  "dan deze leeftijd, of zwanger."),
          unit_nl="maanden",
          source_nl=("Rotterdamse evaluatie (2025): de doelgroep van het programma is zwanger of "
                     "een kind onder 2")),
    amount("age_mean_years", 31.4, (28.0, 35.0),
           ROTTERDAM + ": mean age 31.4 of the period sample; calibrated in "
           "scenarios/baseline.yaml so that the sample, older than at entry, has that mean "
           "(docs/calibration.md)",
           "Mean age of mothers at entry.", unit="years", kind="fact", **POP,
           doc_nl="Gemiddelde leeftijd van moeders bij instroom.",
           unit_nl="jaar",
           source_nl=("Rotterdamse evaluatie (2025), cohort van 855: gemiddelde leeftijd 31,4 in "
                      "de periodesteekproef; gekalibreerd in scenarios/baseline.yaml zodat de "
                      "steekproef, die ouder is dan bij instroom, dat gemiddelde heeft "
                      "(docs/calibration.md)")),
    amount("age_sd_years", 6.3, (4.0, 8.0),
           ROTTERDAM + ": sd 6.3 of the period sample; calibrated in scenarios/baseline.yaml "
           "to that sd (docs/calibration.md)",
           "Standard deviation of age at entry.", unit="years", kind="fact", lo=0.5, hi=30.0,
           **POP,
           doc_nl="Standaardafwijking van de leeftijd bij instroom.",
           unit_nl="jaar",
           source_nl=("Rotterdamse evaluatie (2025), cohort van 855: standaardafwijking 6,3 in de "
                      "periodesteekproef; gekalibreerd in scenarios/baseline.yaml op die "
                      "standaardafwijking (docs/calibration.md)")),
    amount("age_min_years", 18.0, (16.0, 21.0), ASSUMPTION + ": adult assistance",
           "Youngest age at entry (ages are truncated here).", unit="years",
           kind="setting", **POP,
           doc_nl="Laagste leeftijd bij instroom (jongere leeftijden worden hierop afgerond).",
           unit_nl="jaar",
           source_nl="aanname: bijstand voor volwassenen"),
    share("share_education_no_basic", 0.033, (0.01, 0.1), ROTTERDAM,
          "Share without basic education.", kind="fact", **POP,
          doc_nl="Aandeel zonder afgerond basisonderwijs.",
          unit_nl="aandeel",
          source_nl="Rotterdamse evaluatie (2025), cohort van 855"),
    share("share_education_mbo_or_lower", 0.721, (0.6, 0.85), ROTTERDAM,
          "Share with mbo or lower (excluding no basic education).", kind="fact", **POP,
          doc_nl="Aandeel met mbo of lager (de groep zonder basisonderwijs niet meegeteld).",
          unit_nl="aandeel",
          source_nl="Rotterdamse evaluatie (2025), cohort van 855"),
    share("share_education_hbo_wo", 0.048, (0.02, 0.1), ROTTERDAM,
          "Share with hbo or wo; the rest is other or unknown.", kind="fact", **POP,
          doc_nl="Aandeel met hbo of wo; de rest heeft een andere of onbekende opleiding.",
          unit_nl="aandeel",
          source_nl="Rotterdamse evaluatie (2025), cohort van 855"),
    share("share_entry_student_finance", 0.204, (0.15, 0.25), ROTTERDAM,
          "Entry reason: end of student finance.", kind="fact", **POP,
          doc_nl="Reden van instroom: einde van de studiefinanciering.",
          unit_nl="aandeel",
          source_nl="Rotterdamse evaluatie (2025), cohort van 855"),
    share("share_entry_income_loss", 0.117, (0.08, 0.15), ROTTERDAM,
          "Entry reason: loss of other income.", kind="fact", **POP,
          doc_nl="Reden van instroom: verlies van ander inkomen.",
          unit_nl="aandeel",
          source_nl="Rotterdamse evaluatie (2025), cohort van 855"),
    share("share_entry_relationship_end", 0.092, (0.06, 0.12), ROTTERDAM,
          "Entry reason: end of a relationship; the rest is other.", kind="fact", **POP,
          doc_nl="Reden van instroom: einde van een relatie; de rest heeft een andere reden.",
          unit_nl="aandeel",
          source_nl="Rotterdamse evaluatie (2025), cohort van 855"),
    share("inflow_returning_share", 0.42, (0.15, 0.55),
          ASSUMPTION + "; calibrated in scenarios/baseline.yaml so that, with the returns of "
          "mothers who left during the simulation, 44.5% of inflow is a return (" + ROTTERDAM
          + ", 004:428; docs/calibration.md)",
          "Share of entrants from outside who return after an exit from before the "
          "simulation started.", **POP,
          doc_nl=("Aandeel van de instromers van buiten dat terugkeert na een uitstroom van vóór "
                  "de start van de simulatie."),
          unit_nl="aandeel",
          source_nl=("aanname; gekalibreerd in scenarios/baseline.yaml zodat, met de herinstroom "
                     "van moeders die tijdens de simulatie uitstroomden, 44,5% van de instroom "
                     "herinstroom is (Rotterdamse evaluatie (2025), cohort van 855, 004:428; "
                     "docs/calibration.md)")),
    share("barrier_debts_prevalence", 0.26, (0.1, 0.45), ASSUMPTION,
          "Share with problematic debts at entry.", **POP,
          doc_nl="Aandeel met problematische schulden bij instroom.",
          unit_nl="aandeel",
          source_nl="aanname"),
    share("barrier_health_prevalence", 0.2, (0.08, 0.35), ASSUMPTION,
          "Share with mental or physical health problems at entry.", **POP,
          doc_nl="Aandeel met psychische of lichamelijke gezondheidsproblemen bij instroom.",
          unit_nl="aandeel",
          source_nl="aanname"),
    share("barrier_language_prevalence", 0.15, (0.05, 0.3), ASSUMPTION,
          "Share with a language barrier at entry.", **POP,
          doc_nl="Aandeel met een taalbarrière bij instroom.",
          unit_nl="aandeel",
          source_nl="aanname"),
    share("barrier_care_prevalence", 0.12, (0.05, 0.25), ASSUMPTION,
          "Share with a heavy care burden (beyond the young child) at entry.", **POP,
          doc_nl="Aandeel met zware zorgtaken (naast het jonge kind) bij instroom.",
          unit_nl="aandeel",
          source_nl="aanname"),
    share("barrier_registration_at_entry", 0.8, (0.5, 1.0),
          ASSUMPTION + "; calibrated in scenarios/baseline.yaml, with the prevalences, to 47% "
          "with a registered barrier at entry (" + ROTTERDAM + "; docs/calibration.md)",
          "Probability that the coach registers a present barrier at intake, for a mother "
          "with trust in services 0.5 (it scales with disclosure_trust_effect, as at "
          "contacts).", **POP,
          doc_nl=("Kans dat de klantmanager een aanwezige belemmering bij de intake registreert, "
                  "bij een moeder met vertrouwen in de gemeente 0,5 (schaalt met "
                  "disclosure_trust_effect, zoals bij contacten)."),
          unit_nl="aandeel",
          source_nl=("aanname; gekalibreerd in scenarios/baseline.yaml, met de vóórkomens van "
                     "belemmeringen, op 47% met een geregistreerde belemmering bij instroom "
                     "(Rotterdamse evaluatie (2025), cohort van 855; docs/calibration.md)")),
    amount("network_ties_mean", 2.0, (0.5, 4.0), ASSUMPTION + "; " + PRACTICE + ": networks are small",
           "Mean number of supportive ties at entry (Poisson).", unit="ties", hi=100.0, **POP,
           doc_nl="Gemiddeld aantal steunende contacten bij instroom (Poisson).",
           unit_nl="contacten",
           source_nl="aanname; evaluatie- en praktijkrapporten: netwerken zijn klein"),
    share("network_working_share", 0.3, (0.1, 0.5),
          ASSUMPTION + "; " + PRACTICE + ": ties are mostly people without work",
          "Share of ties that are people in work.", **POP,
          doc_nl="Aandeel van de contacten dat werkt.",
          unit_nl="aandeel",
          source_nl=("aanname; evaluatie- en praktijkrapporten: contacten zijn vooral mensen "
                     "zonder werk")),
    share("confidence_mean", 0.45, (0.3, 0.6), ASSUMPTION,
          "Mean self-confidence (self-efficacy) at entry, on a 0-1 scale.", **POP,
          doc_nl=("Gemiddeld zelfvertrouwen (geloof in eigen kunnen) bij instroom, op een schaal "
                  "van 0 tot 1."),
          unit_nl="aandeel",
          source_nl="aanname"),
    share("trust_services_mean", 0.45, (0.3, 0.6), ASSUMPTION,
          "Mean trust in services at entry, 0-1.", **POP,
          doc_nl=("Gemiddeld vertrouwen in de gemeente en de hulpverlening bij instroom, van 0 tot"
                  " 1."),
          unit_nl="aandeel",
          source_nl="aanname"),
    share("trust_childcare_mean", 0.45, (0.3, 0.6), ASSUMPTION,
          "Mean trust in formal childcare at entry, 0-1; a mother's trust is also the "
          "probability that she registers for, or takes, formal care when a job needs it.",
          **POP,
          doc_nl=("Gemiddeld vertrouwen in formele kinderopvang bij instroom, van 0 tot 1; het "
                  "vertrouwen van een moeder is ook de kans dat ze zich inschrijft voor formele "
                  "opvang, of die gebruikt, als een baan erom vraagt."),
          unit_nl="aandeel",
          source_nl="aanname"),
    share("stress_mean", 0.4, (0.2, 0.6), ASSUMPTION,
          "Mean stress at entry, 0-1 (high means little energy).", **POP,
          doc_nl="Gemiddelde stress bij instroom, van 0 tot 1 (hoog betekent weinig energie).",
          unit_nl="aandeel",
          source_nl="aanname"),
    amount("psych_logit_sd", 0.8, (0.3, 1.5), ASSUMPTION,
           "Spread between mothers of confidence, trust and stress (logit-normal sd).",
           unit="logit units", **POP,
           doc_nl=("Spreiding tussen moeders in zelfvertrouwen, vertrouwen en stress "
                   "(standaardafwijking op logitschaal)."),
           unit_nl="logit-eenheden",
           source_nl="aanname"),
    share("knows_topup_share", 0.5, (0.3, 0.7),
          PRACTICE + ": half of interviewed mothers did not know that a top-up benefit continues",
          "Share who know that assistance tops up part-time pay.", kind="fact", **POP,
          doc_nl="Aandeel dat weet dat de bijstand een deeltijdloon aanvult.",
          unit_nl="aandeel",
          source_nl=("evaluatie- en praktijkrapporten: de helft van de geïnterviewde moeders wist "
                     "niet dat de bijstand een deeltijdloon blijft aanvullen")),
    share("exemption_at_entry_share", 0.3, (0.15, 0.5),
          ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 55.2% with any exemption "
          "(" + ROTTERDAM + "; docs/calibration.md)",
          "Share exempted from the work obligation at entry.", **POP,
          doc_nl="Aandeel met een ontheffing van de arbeidsverplichting bij instroom.",
          unit_nl="aandeel",
          source_nl=("aanname; gekalibreerd in scenarios/baseline.yaml op 55,2% met een ontheffing"
                     " (Rotterdamse evaluatie (2025), cohort van 855; docs/calibration.md)")),
    share("inflow_share_pregnant", 0.25, (0.1, 0.4), ASSUMPTION,
          "Share of inflow that is pregnant at entry.", **POP,
          doc_nl="Aandeel van de instroom dat bij instroom zwanger is.",
          unit_nl="aandeel",
          source_nl="aanname"),
    amount("inflow_child_age_mean_months", 14.0, (6.0, 30.0), ASSUMPTION,
           "Mean age of the youngest child at entry, for those not pregnant "
           "(exponential, truncated at the age limit).", unit="months", lo=0.1, **POP,
           doc_nl=("Gemiddelde leeftijd van het jongste kind bij instroom, voor wie niet zwanger "
                   "is (exponentieel, afgekapt bij de leeftijdsgrens)."),
           unit_nl="maanden",
           source_nl="aanname"),
    amount("older_children_mean", 0.5, (0.2, 1.0),
           ASSUMPTION + "; " + ROTTERDAM + ": 94% have exactly one child under 2",
           "Mean number of children besides the youngest (Poisson).", unit="children", hi=10.0,
           **POP,
           doc_nl="Gemiddeld aantal kinderen naast het jongste (Poisson).",
           unit_nl="kinderen",
           source_nl=("aanname; Rotterdamse evaluatie (2025), cohort van 855: 94% heeft precies "
                      "één kind onder 2")),
    share("stock_share_pregnant", 0.08, (0.03, 0.15), ASSUMPTION,
          "Share of the initial stock that is pregnant.", **POP,
          doc_nl="Aandeel zwangeren in de beginstand.",
          unit_nl="aandeel",
          source_nl="aanname"),
    amount("stock_mean_months_on_assistance", 30.0, (12.0, 60.0), ASSUMPTION,
           "Mean months already on assistance in the initial stock (exponential).",
           unit="months", lo=0.1, **POP,
           doc_nl=("Gemiddeld aantal maanden dat moeders in de beginstand al in de bijstand zitten"
                   " (exponentieel)."),
           unit_nl="maanden",
           source_nl="aanname"),
    share("entry_ladder_step1_share", 0.2, (0.1, 0.35), ASSUMPTION,
          "Share entering at participation-ladder step 1 (isolated).", **POP,
          doc_nl="Aandeel dat instroomt op trede 1 van de participatieladder (geïsoleerd).",
          unit_nl="aandeel",
          source_nl="aanname"),
    share("entry_ladder_step2_share", 0.35, (0.2, 0.45), ASSUMPTION,
          "Share entering at step 2 (social contacts).", **POP,
          doc_nl="Aandeel dat instroomt op trede 2 (sociale contacten).",
          unit_nl="aandeel",
          source_nl="aanname"),
    share("entry_ladder_step3_share", 0.3, (0.15, 0.4), ASSUMPTION,
          "Share entering at step 3 (organised activities); the rest enter at step 4.",
          **POP,
          doc_nl=("Aandeel dat instroomt op trede 3 (georganiseerde activiteiten); de rest begint "
                  "op trede 4."),
          unit_nl="aandeel",
          source_nl="aanname"),
    share("initial_formal_childcare_share", 0.08, (0.02, 0.2), ASSUMPTION,
          "Share of entrants already registered for a formal childcare place (their "
          "registration lag has passed).", **POP,
          doc_nl=("Aandeel instromers dat al ingeschreven staat voor formele kinderopvang (de "
                  "wachttijd na inschrijving is voorbij)."),
          unit_nl="aandeel",
          source_nl="aanname"),
    share("inflow_rate_per_month", 0.042, (0.005, 0.07),
          ASSUMPTION + "; calibrated in scenarios/baseline.yaml so that the stock stays near "
          "its initial size (docs/calibration.md)",
          "Women entering the modelled population per month (pregnant or with a young "
          "child, on assistance) as a share of the initial stock size: new and returning "
          "entrants, and women already on assistance whose pregnancy becomes known.",
          unit="share of size per month", **POP,
          doc_nl=("Vrouwen die per maand in het model komen (zwanger of met een jong kind, in de "
                  "bijstand), als aandeel van de beginstand: nieuwe instromers, herinstromers en "
                  "vrouwen al in de bijstand van wie de zwangerschap bekend wordt."),
          unit_nl="aandeel van de beginstand per maand",
          source_nl=("aanname; gekalibreerd in scenarios/baseline.yaml zodat het bestand ongeveer "
                     "op de beginstand blijft (docs/calibration.md)")),
    share("inflow_transfer_share", 0.3, (0.1, 0.8),
          ASSUMPTION + "; many mothers were on assistance before they became pregnant (MODEL.md; "
          "004:194-196: 52% of Rotterdam women aged 15-44 on assistance for 3 years or more); "
          "calibrated in scenarios/baseline.yaml to that figure (docs/calibration.md)",
          "Share of those entering the modelled population who were already on assistance "
          "when their pregnancy became known: they bring their months on assistance with "
          "them and are not inflow into assistance.", **POP,
          doc_nl=("Aandeel van de vrouwen die in het model komen, dat al in de bijstand zat toen "
                  "hun zwangerschap bekend werd: zij nemen hun maanden in de bijstand mee en zijn "
                  "geen instroom in de bijstand."),
          unit_nl="aandeel",
          source_nl=("aanname; veel moeders zaten al in de bijstand voordat ze zwanger werden "
                     "(MODEL.md; 004:194-196: 52% van de Rotterdamse vrouwen van 15 tot 44 jaar in"
                     " de bijstand zit er 3 jaar of langer in); gekalibreerd in "
                     "scenarios/baseline.yaml op dat cijfer (docs/calibration.md)")),
    amount("transfer_past_months_mean", 36.0, (12.0, 120.0),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml, with inflow_transfer_share, "
           "to 52% on assistance for 3 years or more (004:194-196; docs/calibration.md)",
           "Mean months on assistance already behind a woman who becomes pregnant while on "
           "assistance, before truncation (exponential, truncated at her adult months: no "
           "more months than she has been older than age_min_years).", unit="months",
           lo=0.1, **POP,
           doc_nl=("Gemiddeld aantal maanden dat een vrouw die in de bijstand zwanger wordt al in "
                   "de bijstand zit, vóór afkapping (exponentieel, afgekapt op haar volwassen "
                   "maanden: niet meer maanden dan ze ouder is dan age_min_years)."),
           unit_nl="maanden",
           source_nl=("aanname; gekalibreerd in scenarios/baseline.yaml, samen met "
                      "inflow_transfer_share, op 52% die 3 jaar of langer in de bijstand zit "
                      "(004:194-196; docs/calibration.md)")),
    count("burn_in_months", 120, (24, 240),
          ASSUMPTION + ": the slowest pools (mothers in work, followed for "
          "work_followup_months, and leavers who may return, whose returns feed the stock) "
          "settle within about ten years of a synthetic start (docs/model.md)",
          "Months simulated before month 0, with every lever at its default and without "
          "programmes, so that queues, the pool of mothers in work and returns are level "
          "from month 0; simulated once per seed and replicate and shared by every scenario "
          "that has the same world (the same values of every parameter but the levers).",
          lo=0, hi=600, unit="months", kind="setting", **POP,
          doc_nl=("Maanden die vóór maand 0 worden gesimuleerd, met elke beleidskeuze op haar "
                  "standaardwaarde en zonder interventies, zodat wachtlijsten, de groep werkende "
                  "moeders en herinstroom vanaf maand 0 stabiel zijn; één keer gesimuleerd per "
                  "startwaarde voor het toeval (seed) en herhaling, en gedeeld door elk scenario "
                  "met dezelfde wereld (dezelfde waarden van alles behalve de beleidskeuzes)."),
          unit_nl="maanden",
          source_nl=("aanname: de traagste groepen (werkende moeders, gevolgd gedurende "
                     "work_followup_months, en uitgestroomde moeders die kunnen terugkeren en met "
                     "hun herinstroom het bestand aanvullen) komen binnen ongeveer tien jaar na "
                     "een kunstmatige start in evenwicht (docs/model.md)")),

    # ---- demography --------------------------------------------------------------------
    hazard("pregnancy_hazard_per_month", 0.01, (0.004, 0.02), ASSUMPTION,
           "Monthly probability that a mother becomes (known to be) pregnant.",
           doc_nl="Kans per maand dat een moeder zwanger wordt (en dat bekend wordt).",
           unit_nl="kans per maand",
           source_nl="aanname"),
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

    # ---- exemptions -------------------------------------------------------------------
    hazard("exemption_request_hazard", 0.004, (0.001, 0.015),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 8% of exemptions being the "
           "one a single parent with a child under 5 may request (004:428; docs/calibration.md)",
           "Monthly probability that a single parent with a child under 5 requests and gets "
           "an exemption.",
           doc_nl=("Kans per maand dat een alleenstaande ouder met een kind onder 5 (of zwanger) "
                   "ontheffing aanvraagt en krijgt."),
           unit_nl="kans per maand",
           source_nl=("aanname; gekalibreerd in scenarios/baseline.yaml op 8% ontheffingen op "
                      "verzoek van een alleenstaande ouder met een kind onder 5 (004:428; "
                      "docs/calibration.md)")),
    hazard("exemption_health_hazard", 0.03, (0.01, 0.08),
           ASSUMPTION + "; 004:428: exemptions have several reasons",
           "Monthly probability of an exemption for health reasons, with an active health "
           "barrier.",
           doc_nl=("Kans per maand op een ontheffing om gezondheidsredenen, bij een actief "
                   "gezondheidsprobleem."),
           unit_nl="kans per maand",
           source_nl="aanname; 004:428: ontheffingen hebben verschillende redenen"),
    hazard("exemption_care_hazard", 0.03, (0.01, 0.08),
           ASSUMPTION + "; 004:428: exemptions have several reasons",
           "Monthly probability of an exemption for care reasons, with a heavy care burden.",
           doc_nl="Kans per maand op een ontheffing vanwege zorgtaken, bij een zware zorgtaak.",
           unit_nl="kans per maand",
           source_nl="aanname; 004:428: ontheffingen hebben verschillende redenen"),
    hazard("exemption_other_hazard", 0.008, (0.002, 0.03),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 55.2% with any exemption "
           "(" + ROTTERDAM + ", 004:418; docs/calibration.md)",
           "Monthly probability of an exemption for other reasons (social or medical "
           "circumstances of the household).",
           doc_nl=("Kans per maand op een ontheffing om andere redenen (sociale of medische "
                   "omstandigheden in het huishouden)."),
           unit_nl="kans per maand",
           source_nl=("aanname; gekalibreerd in scenarios/baseline.yaml op 55,2% met een "
                      "ontheffing (Rotterdamse evaluatie (2025), cohort van 855, 004:418; "
                      "docs/calibration.md)")),
    count("exemption_child_age_limit_months", 60, (60, 60),
          PRACTICE + ": single parents with a child under 5 may request an exemption (004:190)",
          "An exemption on request needs a youngest child under this age; a review ends it "
          "once the child is older.", lo=0, hi=216, unit="months",
          kind="fact",
          doc_nl=("Een ontheffing op verzoek vraagt een jongste kind onder deze leeftijd (of een "
                  "zwangerschap); bij een herbeoordeling vervalt ze als het kind ouder is."),
          unit_nl="maanden",
          source_nl=("evaluatie- en praktijkrapporten: alleenstaande ouders met een kind onder 5 "
                     "kunnen ontheffing aanvragen (004:190)")),
    share("exemption_temporary_share", 0.78, (0.6, 0.9),
          ROTTERDAM + ": exemptions were mostly temporary (78%, 004:418)",
          "Share of exemptions granted for a limited time (reviewed every "
          "exemption_review_months); the rest are reviewed every "
          "exemption_long_review_months.", kind="fact",
          doc_nl=("Aandeel ontheffingen dat voor bepaalde tijd wordt verleend (herbeoordeeld elke "
                  "exemption_review_months); de rest wordt elke exemption_long_review_months "
                  "herbeoordeeld."),
          unit_nl="aandeel",
          source_nl=("Rotterdamse evaluatie (2025), cohort van 855: ontheffingen waren meestal "
                     "tijdelijk (78%, 004:418)")),
    count("exemption_review_months", 6, (3, 12),
          PRACTICE + ": exemptions are reviewed every 6 months (004:190)",
          "Months between reviews of a temporary exemption.", lo=1, hi=60, unit="months",
          kind="fact",
          doc_nl="Maanden tussen herbeoordelingen van tijdelijke ontheffingen.",
          unit_nl="maanden",
          source_nl=("evaluatie- en praktijkrapporten: ontheffingen worden elk half jaar "
                     "herbeoordeeld (004:190)")),
    count("exemption_long_review_months", 24, (12, 48), ASSUMPTION,
          "Months between reviews of a long-term exemption.", lo=1, hi=240, unit="months",
          doc_nl="Maanden tussen herbeoordelingen van langdurige ontheffingen.",
          unit_nl="maanden",
          source_nl="aanname"),
    share("exemption_renewal_prob", 0.6, (0.3, 0.8), ASSUMPTION + "; " + PRACTICE + ": mostly temporary",
          "Probability that a review renews an exemption whose reason still holds (a "
          "review ends a health or care exemption once the barrier is resolved, and one "
          "on request once the child reaches exemption_child_age_limit_months).",
          unit="probability",
          doc_nl=("Kans dat een herbeoordeling een ontheffing verlengt, als de reden nog geldt "
                  "(een ontheffing om gezondheids- of zorgredenen vervalt zodra de belemmering is "
                  "opgelost, een ontheffing op verzoek zodra het kind 5 is)."),
          unit_nl="kans",
          source_nl="aanname; evaluatie- en praktijkrapporten: meestal tijdelijk"),

    # ---- coaches and contact ----------------------------------------------------------
    amount("regular_caseload_target", 120.0, (60.0, 200.0),
           ASSUMPTION + "; Rotterdam evaluation (2025): regular caseloads are high (Samen voor Zuid: about 80)",
           "Mothers per regular coach that sets how many regular coaches there are.",
           unit="mothers per coach", kind="lever", lo=10.0, hi=10_000.0,
           doc_nl=("Moeders per reguliere klantmanager; bepaalt hoeveel reguliere klantmanagers er"
                   " zijn."),
           unit_nl="moeders per klantmanager",
           source_nl=("aanname; Rotterdamse evaluatie (2025): reguliere caseloads zijn hoog (Samen"
                      " voor Zuid: ongeveer 80)")),
    count("regular_caseload_max", 150, (80, 250), ASSUMPTION,
          "Most mothers a regular coach takes on; beyond it mothers wait for a coach.",
          lo=1, unit="mothers per coach", kind="lever",
          doc_nl=("Hoogste aantal moeders dat een reguliere klantmanager begeleidt; daarboven "
                  "wachten moeders op een klantmanager."),
          unit_nl="moeders per klantmanager",
          source_nl="aanname"),
    amount("coach_hours_per_month", 130.0, (100.0, 156.0),
           ASSUMPTION + ": a full-time post of 36 hours a week less leave",
           "Working hours of a coach per month.", unit="hours per month", kind="setting", lo=1.0,
           hi=744.0,
           doc_nl="Werkuren van een klantmanager per maand.",
           unit_nl="uur per maand",
           source_nl="aanname: een voltijdsfunctie van 36 uur per week min verlof"),
    share("coach_client_time_share", 0.4, (0.25, 0.6), ASSUMPTION,
          "Share of a coach's hours spent on client contact.",
          doc_nl="Deel van de uren van een klantmanager dat naar klantcontact gaat.",
          unit_nl="aandeel",
          source_nl="aanname"),
    amount("hours_per_contact", 1.5, (1.0, 3.0), ASSUMPTION + ": incl. preparation and report",
           "Coach hours per client contact.", unit="hours", lo=0.1, hi=100.0,
           doc_nl="Uren van de klantmanager per klantcontact.",
           unit_nl="uur",
           source_nl="aanname: inclusief voorbereiding en verslag"),
    factor("exempt_contact_factor", 0.5, (0.2, 1.0), ASSUMPTION,
           "Contact rate of an exempted mother relative to others.",
           doc_nl="Hoe vaak een moeder met ontheffing contact heeft, ten opzichte van anderen.",
           unit_nl="factor",
           source_nl="aanname"),
    share("trust_gain_per_contact", 0.08, (0.02, 0.15), ASSUMPTION,
          "Share of the gap to full trust in services closed by one contact.",
          unit="share of gap",
          doc_nl=("Deel van de afstand tot volledig vertrouwen in de gemeente dat één contact "
                  "overbrugt."),
          unit_nl="deel van de afstand",
          source_nl="aanname"),
    share("psych_reversion_per_month", 0.1, (0.03, 0.2),
          ASSUMPTION + "; gains from a short course last months, not years: the JOBS trial's "
          "effect on work was smaller at 12 months than at 6 (Brenninkmeijer & Blonk 2012)",
          "Monthly pull of confidence and trust back to the mother's own level.",
          unit="share of gap per month",
          doc_nl=("Hoe snel zelfvertrouwen en vertrouwen per maand teruggaan naar het eigen niveau"
                  " van de moeder."),
          unit_nl="deel van de afstand per maand",
          source_nl=("aanname; wat een korte cursus oplevert, houdt maanden stand, geen jaren: het"
                     " effect van het JOBS-experiment op werk was na 12 maanden kleiner dan na 6 "
                     "(Brenninkmeijer & Blonk 2012)")),
    share("barrier_detection_per_contact", 0.3, (0.1, 0.6), ASSUMPTION,
          "Probability that a contact detects (and registers) each unregistered barrier of a "
          "mother with trust in services 0.5 (see disclosure_trust_effect).",
          unit="probability",
          doc_nl=("Kans dat een contact elke nog niet geregistreerde belemmering opmerkt (en "
                  "registreert), bij een moeder met vertrouwen in de gemeente 0,5 (zie "
                  "disclosure_trust_effect)."),
          unit_nl="kans",
          source_nl="aanname"),
    share("disclosure_trust_effect", 0.8, (0.3, 1.0),
          ASSUMPTION + "; 004:655: without trust mothers do not tell what holds them back; "
          "004:1078",
          "How much trust in services raises disclosure: detection and referral uptake are "
          "their value at trust 0.5 times (1 + effect x (2 x trust - 1)), so from "
          "(1 - effect) at no trust to (1 + effect) at full trust.", unit="relative change",
          doc_nl=("Hoeveel vertrouwen in de gemeente de openheid over belemmeringen vergroot: de "
                  "kans op opmerken en op het aannemen van een doorverwijzing is de waarde bij "
                  "vertrouwen 0,5 maal 1 + effect x (2 x vertrouwen - 1), dus van (1 - effect) "
                  "zonder vertrouwen tot (1 + effect) bij volledig vertrouwen."),
          unit_nl="relatieve verandering",
          source_nl=("aanname; 004:655: zonder vertrouwen vertellen moeders niet wat hen "
                     "tegenhoudt; 004:1078")),
    share("referral_uptake_per_contact", 0.4, (0.15, 0.8),
          ASSUMPTION + "; 004:655: trust is needed before help is accepted",
          "Probability that a contact gets the referral of a registered barrier taken up (help "
          "with debts, health, language or care), at trust 0.5; only referrals taken up "
          "resolve.", unit="probability",
          doc_nl=("Kans per contact dat een moeder de doorverwijzing voor een geregistreerde "
                  "belemmering aanneemt (hulp bij schulden, gezondheid, taal of zorg), bij "
                  "vertrouwen 0,5; alleen een aangenomen doorverwijzing kan de belemmering "
                  "oplossen."),
          unit_nl="kans",
          source_nl="aanname; 004:655: er is vertrouwen nodig voordat hulp wordt aangenomen"),
    hazard("barrier_debts_resolution", 0.04, (0.02, 0.08), ASSUMPTION,
           "Monthly probability that a referred debt problem is resolved.",
           doc_nl="Kans per maand dat een doorverwezen schuldenprobleem is opgelost.",
           unit_nl="kans per maand",
           source_nl="aanname"),
    hazard("barrier_health_resolution", 0.05, (0.02, 0.1), ASSUMPTION,
           "Monthly probability that a referred health problem is resolved.",
           doc_nl="Kans per maand dat een doorverwezen gezondheidsprobleem is opgelost.",
           unit_nl="kans per maand",
           source_nl="aanname"),
    hazard("barrier_language_resolution", 0.03, (0.01, 0.06), ASSUMPTION,
           "Monthly probability that a referred language barrier is resolved.",
           doc_nl="Kans per maand dat een doorverwezen taalbarrière is opgelost.",
           unit_nl="kans per maand",
           source_nl="aanname"),
    hazard("barrier_care_resolution", 0.05, (0.02, 0.1), ASSUMPTION,
           "Monthly probability that a referred care burden is resolved.",
           doc_nl="Kans per maand dat een doorverwezen zware zorgtaak is opgelost.",
           unit_nl="kans per maand",
           source_nl="aanname"),
    share("topup_info_per_contact", 0.05, (0.0, 0.2), ASSUMPTION,
          "Probability that a contact teaches a mother that the top-up continues.",
          unit="probability",
          doc_nl=("Kans dat een moeder in een contact hoort dat de bijstand een deeltijdloon "
                  "blijft aanvullen."),
          unit_nl="kans",
          source_nl="aanname"),
    hazard("lapse_hazard", 0.02, (0.005, 0.1),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 0.9% of benefits with a "
           "sanction running (" + CBS_SANCTIONS + ")",
           "Monthly probability that a mother with the work obligation breaches it (does not "
           "apply, refuses suitable work, misses a re-integration appointment), with full "
           "trust in services and no stress; noticed, it brings a sanction (79.6% of "
           "sanctions are for the work obligation: Divosa Benchmark 2020).",
           calibrated_to=("sanctioned_share",),
           doc_nl=("Kans per maand op het niet nakomen van de arbeidsplicht (niet solliciteren, "
                   "passend werk weigeren, een re-integratieafspraak missen), bij volledig "
                   "vertrouwen in de gemeente en zonder stress; opgemerkt leidt het tot een "
                   "maatregel (79,6% van de maatregelen is wegens de arbeidsplicht: Divosa "
                   "Benchmark 2020)."),
           unit_nl="kans per maand",
           source_nl=("aanname; gekalibreerd in scenarios/baseline.yaml op 0,9% van de uitkeringen"
                      " met een lopende maatregel (CBS (2007), Kortdurende bijstandsuitkeringen "
                      "vaker gekort: bij 0,9% van de lopende uitkeringen liep een financiële "
                      "maatregel, vier keer zo vaak bij uitkeringen korter dan een jaar als bij "
                      "uitkeringen van vijf jaar of langer)")),
    hazard("no_show_hazard", 0.02, (0.005, 0.1),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 14% of leavers leaving "
           "for non-cooperation (" + ROTTERDAM + "; docs/calibration.md)",
           "Probability that a mother misses a coach's appointment and does not answer, so "
           "that her benefit is suspended and stopped (exit for non-cooperation), with full "
           "trust in services and no stress; exempted mothers too.",
           calibrated_to=("exit_noncooperation",),
           doc_nl=("Kans per maand dat een moeder niet op een afspraak komt, en niet reageert, "
                   "zodat haar uitkering wordt opgeschort en beëindigd (beëindiging wegens "
                   "niet-medewerking), bij volledig vertrouwen in de gemeente en zonder stress; "
                   "ook moeders met ontheffing."),
           unit_nl="kans per maand",
           source_nl=("aanname; gekalibreerd in scenarios/baseline.yaml op 14% van de uitstroom "
                      "wegens niet meewerken (Rotterdamse evaluatie (2025), cohort van 855; "
                      "docs/calibration.md)")),
    hazard("info_lapse_hazard", 0.003, (0.0, 0.02),
           ASSUMPTION + ": data matching finds a few unreported changes",
           "Monthly probability that a mother does not meet the information duty (a changed "
           "situation not reported, papers not handed in), with full trust in services and "
           "no stress; exempted mothers keep this duty. Noticed, it stops the benefit (exit "
           "for non-cooperation).",
           doc_nl=("Kans per maand op schending van de inlichtingenplicht (een gewijzigde situatie"
                   " niet doorgeven, papieren niet inleveren), bij volledig vertrouwen in de "
                   "gemeente en zonder stress; ook moeders met ontheffing houden deze plicht. "
                   "Opgemerkt beëindigt het de uitkering (beëindiging wegens niet-medewerking)."),
           unit_nl="kans per maand",
           source_nl=("aanname: bestandskoppelingen brengen enkele niet-gemelde wijzigingen aan "
                      "het licht")),
    factor("lapse_low_trust_effect", 1.0, (0.0, 3.0), ASSUMPTION,
           "Extra relative risk of a lapse with no trust in services.",
           doc_nl="Extra relatief risico op een verzuim zonder enig vertrouwen in de gemeente.",
           unit_nl="factor",
           source_nl="aanname"),
    factor("lapse_stress_effect", 0.5, (0.0, 2.0), ASSUMPTION,
           "Extra relative risk of a lapse at full stress.",
           doc_nl="Extra relatief risico op een verzuim bij maximale stress.",
           unit_nl="factor",
           source_nl="aanname"),
    share("lapse_notice_per_contact", 0.7, (0.4, 0.95),
          ASSUMPTION + "; Hainmueller et al. (2016), Scand. J. Econ. 118(4): lower caseloads "
          "brought more monitoring and more sanctions",
          "Probability that a lapse is noticed when the mother has a coach contact that "
          "month.", unit="probability",
          doc_nl=("Kans dat een verzuim wordt opgemerkt als de moeder die maand contact heeft met "
                  "de klantmanager."),
          unit_nl="kans",
          source_nl=("aanname; Hainmueller et al. (2016), Scand. J. Econ. 118(4): lagere caseloads"
                     " brachten meer controle en meer maatregelen")),
    share("lapse_admin_check_rate", 0.1, (0.02, 0.3),
          ASSUMPTION + "; " + INSPECTIE_SANCTIONS,
          "Probability that a breach of the work obligation is noticed without a contact.",
          unit="probability",
          doc_nl="Kans dat het niet nakomen van de arbeidsplicht zonder contact wordt opgemerkt.",
          unit_nl="kans",
          source_nl=("aanname; Inspectie SZW (2017), Handhaving arbeidsverplichtingen: de "
                     "wettelijke minimummaatregel bij het niet nakomen van de "
                     "arbeidsverplichtingen is het inhouden van een maand uitkering; veel "
                     "gemeenten handhaven de verplichtingen niet")),
    share("info_admin_check_rate", 0.1, (0.02, 0.3),
          ASSUMPTION + ": data matching (Suwinet) notices some unreported changes without "
          "a contact; most stops follow an appointment or a request she does not answer",
          "Probability that an unmet information duty is noticed without a contact.",
          unit="probability",
          doc_nl=("Kans dat het niet nakomen van de inlichtingenplicht zonder contact wordt "
                  "opgemerkt."),
          unit_nl="kans",
          source_nl=("aanname: bestandskoppelingen (Suwinet) brengen zonder contact enkele "
                     "niet-gemelde wijzigingen aan het licht; de meeste beëindigingen volgen op "
                     "een afspraak of een verzoek waarop ze niet reageert")),
    share("sanction_benefit_cut_share", 1.0, (0.2, 1.0), INSPECTIE_SANCTIONS,
          "Share of the benefit withheld while a sanction runs (the legal minimum is the "
          "whole benefit for a month; some municipalities cut less).", kind="fact",
          doc_nl=("Deel van de uitkering dat wordt ingehouden zolang een maatregel loopt "
                  "(wettelijk minimaal de hele uitkering gedurende een maand, al verlagen sommige "
                  "gemeenten minder)."),
          unit_nl="aandeel",
          source_nl=("Inspectie SZW (2017), Handhaving arbeidsverplichtingen: de wettelijke "
                     "minimummaatregel bij het niet nakomen van de arbeidsverplichtingen is het "
                     "inhouden van een maand uitkering; veel gemeenten handhaven de verplichtingen"
                     " niet")),
    count("sanction_months", 1, (1, 3), INSPECTIE_SANCTIONS + " (one to three months)",
          "Months a sanction's benefit cut lasts.", lo=1, hi=24, unit="months",
          doc_nl="Maanden dat een maatregel de uitkering verlaagt.",
          unit_nl="maanden",
          source_nl=("Inspectie SZW (2017), Handhaving arbeidsverplichtingen: de wettelijke "
                     "minimummaatregel bij het niet nakomen van de arbeidsverplichtingen is het "
                     "inhouden van een maand uitkering; veel gemeenten handhaven de verplichtingen"
                     " niet (een tot drie maanden)")),
    factor("sanction_search_effect", 1.5, (1.0, 2.5),
           SANCTIONS_WORK + "; the size here is an assumption",
           "Chance of a job offer in the months after a sanction relative to before (she "
           "searches harder), for sanction_effect_months.",
           doc_nl=("Kans op een baanaanbod in de maanden na een maatregel, ten opzichte van "
                   "daarvoor (ze zoekt harder), gedurende sanction_effect_months."),
           unit_nl="factor",
           source_nl=("Van den Berg, Van der Klaauw & Van Ours (2004), J. Labor Econ. 22: een "
                      "maatregel verhoogt de uitstroom uit de bijstand naar werk aanzienlijk "
                      "(Rotterdam); de grootte hier is een aanname")),
    count("sanction_effect_months", 6, (3, 12), ASSUMPTION,
          "Months after a sanction during which she searches harder.", lo=1, hi=60,
          unit="months",
          doc_nl="Maanden na een maatregel waarin ze harder zoekt.",
          unit_nl="maanden",
          source_nl="aanname"),
    amount("regular_coach_cost_per_month_eur", 6500.0, (4500.0, 9000.0),
           ASSUMPTION + ": employer cost of a full-time work coach",
           "Cost of one regular coach per month; the number of regular coaches follows "
           "regular_caseload_target.", unit="EUR per coach per month",
           doc_nl=("Kosten van één reguliere klantmanager per maand; het aantal reguliere "
                   "klantmanagers volgt uit regular_caseload_target."),
           unit_nl="euro per klantmanager per maand",
           source_nl="aanname: loonkosten van een voltijds werkcoach"),

    # ---- participation ladder ------------------------------------------------------------
    hazard("ladder_up_base", 0.05, (0.02, 0.1), ASSUMPTION,
           "Monthly probability of a step up at confidence 0.5, without contact; it scales "
           "with confidence_floor + confidence.",
           doc_nl=("Kans per maand op een trede omhoog bij zelfvertrouwen 0,5, zonder contact; "
                   "schaalt met confidence_floor + zelfvertrouwen."),
           unit_nl="kans per maand",
           source_nl="aanname"),
    share("confidence_floor", 0.5, (0.25, 1.0), ASSUMPTION,
          "Part of the chances of a step up and of a job offer that does not depend on "
          "confidence: they scale with (confidence_floor + confidence) / (confidence_floor "
          "+ 0.5), which is 1 at confidence 0.5.",
          unit="confidence units", kind="setting",
          doc_nl=("Deel van de kansen op een trede omhoog en op een baanaanbod dat niet van "
                  "zelfvertrouwen afhangt: ze schalen met (confidence_floor + zelfvertrouwen) / "
                  "(confidence_floor + 0,5), wat 1 is bij zelfvertrouwen 0,5."),
          unit_nl="eenheden zelfvertrouwen",
          source_nl="aanname"),
    hazard("ladder_down_base", 0.015, (0.005, 0.04), ASSUMPTION,
           "Monthly probability of a step down without stress.",
           doc_nl="Kans per maand op een trede omlaag zonder stress.",
           unit_nl="kans per maand",
           source_nl="aanname"),
    factor("ladder_contact_effect", 1.0, (0.2, 2.0), ASSUMPTION,
           "Extra relative chance of a step up in a month with coach contact.",
           doc_nl=("Extra relatieve kans op een trede omhoog in een maand met contact met de "
                   "klantmanager."),
           unit_nl="factor",
           source_nl="aanname"),
    factor("ladder_network_effect", 0.5, (0.0, 1.5), ASSUMPTION,
           "Extra relative chance of a step up with a full network (it grows linearly with "
           "ties until then).",
           doc_nl=("Extra relatieve kans op een trede omhoog met een volledig netwerk (tot dan "
                   "groeit die gelijkmatig met het aantal contacten)."),
           unit_nl="factor",
           source_nl="aanname"),
    count("ladder_network_full_ties", 6, (3, 10), ASSUMPTION,
          "Supportive ties at which the network's push up the ladder is full.", lo=1,
          hi=100, unit="ties", kind="setting",
          doc_nl=("Steunende contacten waarbij het netwerk volledig helpt om op de ladder te "
                  "stijgen."),
          unit_nl="contacten",
          source_nl="aanname"),
    share("ladder_barrier_penalty", 0.25, (0.1, 0.5), ASSUMPTION,
          "Relative drop in the chance of a step up per active barrier.",
          unit="share per barrier",
          doc_nl="Relatieve daling van de kans op een trede omhoog per actieve belemmering.",
          unit_nl="deel per belemmering",
          source_nl="aanname"),
    factor("ladder_exempt_factor", 0.9, (0.6, 1.0),
           ASSUMPTION + "; a single parent's exemption covers the work obligation, not the "
           "duty to take part in re-integration (Kamerstuk 31 519); who gets an exemption "
           "(illness, care, a very young child) is in the barriers and the child's age",
           "Chance of a step up of an exempted mother relative to an otherwise equal mother "
           "without an exemption (the exemption's own effect, not who gets one).",
           doc_nl=("Kans op een trede omhoog van een moeder met ontheffing, ten opzichte van een "
                   "verder gelijke moeder zonder ontheffing (het effect van de ontheffing zelf, "
                   "niet van wie er een krijgt)."),
           unit_nl="factor",
           source_nl=("aanname; de ontheffing van een alleenstaande ouder geldt voor de "
                      "arbeidsplicht, niet voor de plicht om mee te werken aan re-integratie "
                      "(Kamerstuk 31 519); wie een ontheffing krijgt (ziekte, zorg, een heel jong "
                      "kind) zit in de belemmeringen en de leeftijd van het kind")),
    factor("ladder_stress_effect", 1.0, (0.0, 3.0), ASSUMPTION,
           "Extra relative risk of a step down at full stress.",
           doc_nl="Extra relatief risico op een trede omlaag bij maximale stress.",
           unit_nl="factor",
           source_nl="aanname"),
    factor("ladder_fast_change_effect", 1.0, (0.0, 3.0),
           ASSUMPTION + "; " + PRACTICE + ": fast change can cause a setback",
           "Extra relative risk of a step down shortly after a step up.",
           doc_nl="Extra relatief risico op een trede omlaag kort na een trede omhoog.",
           unit_nl="factor",
           source_nl=("aanname; evaluatie- en praktijkrapporten: snelle verandering kan tot "
                      "terugval leiden")),
    count("fast_change_window_months", 2, (1, 4), ASSUMPTION,
          "Months after a step up during which a setback is more likely.", lo=1, hi=24,
          unit="months",
          doc_nl="Maanden na een trede omhoog waarin terugval waarschijnlijker is.",
          unit_nl="maanden",
          source_nl="aanname"),
    factor("ladder_event_down_factor", 2.0, (1.0, 4.0), ASSUMPTION,
           "Relative risk of a step down in a month with a stress event.",
           doc_nl=("Relatief risico op een trede omlaag in een maand met een stressvolle "
                   "gebeurtenis."),
           unit_nl="factor",
           source_nl="aanname"),
    share("confidence_gain_step_up", 0.06, (0.02, 0.12), ASSUMPTION,
          "Share of the gap to full confidence closed by a step up.", unit="share of gap",
          doc_nl="Deel van de afstand tot volledig zelfvertrouwen dat een trede omhoog overbrugt.",
          unit_nl="deel van de afstand",
          source_nl="aanname"),
    share("confidence_loss_step_down", 0.06, (0.02, 0.12), ASSUMPTION,
          "Share of confidence lost by a step down.", unit="share of level",
          doc_nl="Deel van het zelfvertrouwen dat een trede omlaag kost.",
          unit_nl="deel van het niveau",
          source_nl="aanname"),
    share("confidence_loss_failed_offer", 0.05, (0.0, 0.12), ASSUMPTION,
          "Share of confidence lost when a job offer fails.", unit="share of level",
          doc_nl="Deel van het zelfvertrouwen dat verloren gaat als een baanaanbod niet doorgaat.",
          unit_nl="deel van het niveau",
          source_nl="aanname"),
    hazard("stress_event_base", 0.08, (0.03, 0.15),
           ASSUMPTION + "; " + PRACTICE + ": stress events and sick children push down",
           "Monthly probability of a stress event (a sick child, a crisis).",
           doc_nl="Kans per maand op een stressvolle gebeurtenis (een ziek kind, een crisis).",
           unit_nl="kans per maand",
           source_nl=("aanname; evaluatie- en praktijkrapporten: stressvolle gebeurtenissen en "
                      "zieke kinderen zorgen voor terugval")),
    share("stress_event_jump", 0.3, (0.1, 0.5), ASSUMPTION,
          "Share of the gap to full stress added by a stress event.", unit="share of gap",
          doc_nl=("Deel van de afstand tot maximale stress dat een stressvolle gebeurtenis "
                  "toevoegt."),
          unit_nl="deel van de afstand",
          source_nl="aanname"),
    share("stress_recovery_per_month", 0.15, (0.05, 0.3), ASSUMPTION,
          "Monthly pull of stress back to its baseline.", unit="share of gap per month",
          doc_nl="Hoe snel stress per maand teruggaat naar het basisniveau.",
          unit_nl="deel van de afstand per maand",
          source_nl="aanname"),
    share("stress_barrier_effect", 0.1, (0.0, 0.2), ASSUMPTION,
          "Baseline stress added per active barrier.", unit="stress per barrier",
          doc_nl="Extra basisstress per actieve belemmering.",
          unit_nl="stress per belemmering",
          source_nl="aanname"),
    factor("stress_event_debt_factor", 1.5, (1.0, 3.0), ASSUMPTION,
           "Relative risk of a stress event with problematic debts.",
           doc_nl="Relatief risico op een stressvolle gebeurtenis bij problematische schulden.",
           unit_nl="factor",
           source_nl="aanname"),

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
          source_nl="aanname"),
    factor("pregnant_search_factor", 0.3, (0.0, 0.6), ASSUMPTION,
           "Search intensity of a pregnant mother relative to others.",
           doc_nl="Hoe intensief een zwangere moeder zoekt, ten opzichte van anderen.",
           unit_nl="factor",
           source_nl="aanname"),
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
           source_nl="aanname"),
    factor("offer_factor_hbo_wo", 1.6, (1.2, 2.5), ASSUMPTION,
           "Offer chance with hbo or wo relative to mbo or lower.",
           doc_nl="Kans op een aanbod met hbo of wo, ten opzichte van mbo of lager.",
           unit_nl="factor",
           source_nl="aanname"),
    factor("offer_factor_other_education", 0.9, (0.6, 1.1), ASSUMPTION,
           "Offer chance with other or unknown education relative to mbo or lower.",
           doc_nl=("Kans op een aanbod met een andere of onbekende opleiding, ten opzichte van mbo"
                   " of lager."),
           unit_nl="factor",
           source_nl="aanname"),
    factor("offer_factor_language", 0.6, (0.3, 0.9), ASSUMPTION,
           "Offer chance with an active language barrier.",
           doc_nl="Kans op een aanbod met een actieve taalbarrière.",
           unit_nl="factor",
           source_nl="aanname"),
    factor("offer_factor_health", 0.6, (0.3, 0.9), ASSUMPTION,
           "Offer chance with an active health barrier.",
           doc_nl="Kans op een aanbod met een actief gezondheidsprobleem.",
           unit_nl="factor",
           source_nl="aanname"),
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
           source_nl="aanname"),
    count("offer_working_ties_max", 4, (2, 8), ASSUMPTION,
          "Most ties in work that raise the offer chance.", lo=0, hi=100, unit="ties",
          kind="setting",
          doc_nl="Hoogste aantal werkende contacten dat de kans op een aanbod verhoogt.",
          unit_nl="contacten",
          source_nl="aanname"),
    count("employers", 12, (5, 50), ASSUMPTION,
          "Employers (or employer segments) in the local labour market.", lo=1, hi=10_000,
          unit="employers", kind="setting",
          doc_nl="Werkgevers (of groepen werkgevers) op de lokale arbeidsmarkt.",
          unit_nl="werkgevers",
          source_nl="aanname"),
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
           source_nl="aanname"),
    amount("employer_size_concentration", 2.0, (0.5, 10.0), ASSUMPTION,
           "Concentration of the employers' shares of vacancies (Dirichlet); lower means a "
           "few large employers, higher means employers of similar size.",
           unit="concentration", lo=0.01, hi=10_000.0,
           doc_nl=("Hoe de vacatures over werkgevers zijn verdeeld (Dirichlet); lager betekent "
                   "enkele grote werkgevers, hoger werkgevers van vergelijkbare omvang."),
           unit_nl="concentratie",
           source_nl="aanname"),
    share("employer_flexible_share_mean", 0.35, (0.15, 0.6), ASSUMPTION,
          "Mean share of an employer's vacancies in flexible or school-time hours.",
          doc_nl=("Gemiddeld aandeel vacatures van een werkgever met flexibele uren of "
                  "schooltijden."),
          unit_nl="aandeel",
          source_nl="aanname"),
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
           source_nl="aanname"),
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
          source_nl="aanname"),
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
           source_nl="aanname"),
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

    # ---- childcare --------------------------------------------------------------------
    count("childcare_need_age_months", 48, (36, 54),
          "Dutch school age 4: younger children need daycare during work",
          "Below this age of the youngest child, a job needs childcare.", lo=0, hi=216,
          unit="months", kind="fact",
          doc_nl="Onder deze leeftijd van het jongste kind vraagt een baan kinderopvang.",
          unit_nl="maanden",
          source_nl=("leerplicht vanaf 4 jaar: jongere kinderen hebben opvang nodig tijdens het "
                     "werk")),
    amount("childcare_places_per_100_mothers", 20.0, (5.0, 40.0),
           ASSUMPTION + "; with informal_care_per_tie it sets how many job starts rely on "
           "formal care (docs/calibration.md)",
           "Formal childcare places open to the modelled mothers per 100 mothers of the "
           "initial stock: the general supply of the local market, which a municipality "
           "does not set (places it buys for a programme are reserved_childcare.places).",
           unit="places", hi=1000.0,
           doc_nl=("Plaatsen formele kinderopvang voor de moeders in het model, per 100 moeders "
                   "van de beginstand: het gewone aanbod op de lokale markt, waar de gemeente niet"
                   " over gaat (plaatsen die zij voor een programma inkoopt zijn "
                   "reserved_childcare.places)."),
           unit_nl="plaatsen",
           source_nl=("aanname; bepaalt met informal_care_per_tie hoeveel moeders bij de start van"
                      " een baan op formele opvang steunen (docs/calibration.md)")),
    count("childcare_providers", 4, (1, 20), ASSUMPTION, "Childcare providers.",
          lo=1, hi=10_000, unit="providers", kind="setting",
          doc_nl="Kinderopvangorganisaties.",
          unit_nl="organisaties",
          source_nl="aanname"),
    count("childcare_registration_lag_months", 2, (1, 4),
          ASSUMPTION + "; " + PRACTICE + ": first come, first served, with a registration lag",
          "Months between registering for a place and being able to get one.",
          lo=0, hi=24, unit="months",
          doc_nl="Maanden tussen inschrijving voor een plaats en het kunnen krijgen ervan.",
          unit_nl="maanden",
          source_nl=("aanname; evaluatie- en praktijkrapporten: wie het eerst komt, het eerst "
                     "maalt, na een wachttijd")),
    hazard("childcare_register_prob", 0.04, (0.01, 0.1), ASSUMPTION,
           "Monthly probability that a mother at step 3 or up registers for a place, "
           "times her trust in formal childcare.",
           doc_nl=("Kans per maand dat een moeder op trede 3 of hoger zich inschrijft voor een "
                   "plaats, maal haar vertrouwen in formele kinderopvang."),
           unit_nl="kans per maand",
           source_nl="aanname"),
    factor("informal_care_register_factor", 3.0, (1.0, 6.0),
           ASSUMPTION + "; new places mostly replace informal care (Havnes & Mogstad 2011, "
           "J. Public Econ. 95): mothers who work on informal care want a formal place most",
           "Chance that a working mother on informal care registers for a place, relative "
           "to a mother at step 3 or up without work (the chance is capped at 1).",
           doc_nl=("Kans dat een werkende moeder met informele opvang zich inschrijft voor een "
                   "plaats, ten opzichte van een moeder op trede 3 of hoger zonder werk (de kans "
                   "is hoogstens 1)."),
           unit_nl="factor",
           source_nl=("aanname; nieuwe plaatsen vervangen vooral informele opvang (Havnes & "
                      "Mogstad 2011, J. Public Econ. 95): moeders die werken met informele opvang "
                      "willen het liefst een formele plaats")),
    count("childcare_place_min_step", 3, (3, 4),
          PRACTICE + ": a place usually requires a job or course first",
          "Lowest ladder step (organised activities) at which a queued mother can get a "
          "place.", lo=1, hi=6, unit="ladder step", kind="setting",
          doc_nl=("Laagste trede (georganiseerde activiteiten) waarop een wachtende moeder een "
                  "plaats kan krijgen."),
          unit_nl="trede",
          source_nl=("evaluatie- en praktijkrapporten: voor een plaats is meestal eerst een baan "
                     "of opleiding nodig")),
    share("informal_care_per_tie", 0.12, (0.03, 0.5),
          ASSUMPTION + "; calibrated in scenarios/baseline.yaml to the declared share of job "
          "starts that rely on informal care (docs/calibration.md)",
          "Probability that one supportive tie can take on the care a job needs, when a "
          "mother without arranged care has accepted an offer that needs it; the "
          "arrangement then lasts until it breaks down.", unit="probability",
          doc_nl=("Kans dat één steunend contact de opvang kan overnemen die een baan vraagt, als "
                  "een moeder zonder geregelde opvang een aanbod heeft aangenomen waarvoor die "
                  "nodig is; die informele opvang loopt dan door tot ze wegvalt."),
          unit_nl="kans",
          source_nl=("aanname; gekalibreerd in scenarios/baseline.yaml op het vastgelegde aandeel "
                     "moeders dat bij de start van een baan op informele opvang steunt "
                     "(docs/calibration.md)")),
    factor("flexible_informal_factor", 1.5, (1.0, 2.5), ASSUMPTION,
           "Relative chance of informal care for flexible or school-time hours.",
           doc_nl="Relatieve kans op informele opvang voor flexibele uren of schooltijden.",
           unit_nl="factor",
           source_nl="aanname"),
    share("peer_tie_care_weight", 0.5, (0.1, 1.0),
          ASSUMPTION + "; participants of group trajectories sometimes mind each other's "
          "children (004:1154)",
          "A tie made in a peer group counts as this share of a supportive tie when a mother "
          "asks her network to take on childcare.", unit="ties per peer tie",
          doc_nl=("Een band uit een groepstraject telt als dit deel van een steunend contact "
                  "wanneer een moeder haar netwerk om opvang voor haar kind vraagt."),
          unit_nl="contacten per band",
          source_nl=("aanname; deelnemers aan groepstrajecten passen soms op elkaars kinderen "
                     "(004:1154)")),
    hazard("informal_care_breakdown_hazard", 0.03, (0.01, 0.08),
           ASSUMPTION + "; networks are small, mostly without work and unreliable (004:570, "
           "004:1154, 000:27)",
           "Monthly probability that an informal care arrangement breaks down.",
           doc_nl="Kans per maand dat informele opvang wegvalt (opvang door familie of netwerk).",
           unit_nl="kans per maand",
           source_nl=("aanname; netwerken zijn klein, vooral zonder werk en weinig betrouwbaar "
                      "(004:570, 004:1154, 000:27)")),
    factor("informal_breakdown_event_factor", 3.0, (1.5, 6.0),
           ASSUMPTION + "; 000:27: when children are ill there is no network to fall back on",
           "Relative risk that an informal arrangement breaks down in a month with a stress "
           "event (a sick child, a crisis).",
           doc_nl=("Relatief risico dat informele opvang wegvalt in een maand met een stressvolle "
                   "gebeurtenis (een ziek kind, een crisis)."),
           unit_nl="factor",
           source_nl=("aanname; 000:27: als kinderen ziek zijn, is er geen netwerk om op terug te "
                      "vallen")),
    share("job_loss_on_care_breakdown", 0.5, (0.2, 0.8), ASSUMPTION,
          "Probability that a working mother loses her job when her informal care breaks "
          "down and she has no formal place.", unit="probability",
          doc_nl=("Kans dat een werkende moeder haar baan verliest als haar informele opvang "
                  "wegvalt en ze geen formele plaats heeft."),
          unit_nl="kans",
          source_nl="aanname"),
    amount("childcare_net_cost_eur", 120.0, (30.0, 300.0),
           ASSUMPTION + ": what a mother at about the minimum wage pays herself for formal care "
           "after the childcare allowance (kinderopvangtoeslag, about 96% of the maximum "
           "hourly rate at the lowest incomes) and the provider's price above that rate",
           "Monthly cost of formal childcare a working mother pays herself for "
           "childcare_cost_hours_per_week hours of care a week (scaled by a job's hours).",
           unit="EUR per month",
           doc_nl=("Eigen bijdrage per maand voor formele kinderopvang van een werkende moeder, "
                   "voor childcare_cost_hours_per_week uur opvang per week (naar rato van de uren "
                   "van een baan)."),
           unit_nl="euro per maand",
           source_nl=("aanname: wat een moeder rond het minimumloon zelf betaalt voor formele "
                      "opvang na de kinderopvangtoeslag (ongeveer 96% van de maximum uurprijs bij "
                      "de laagste inkomens) en het deel van de prijs van de opvangorganisatie "
                      "boven die uurprijs")),
    amount("childcare_cost_hours_per_week", 20.0, (20.0, 20.0),
           ASSUMPTION + ": the hours of care childcare_net_cost_eur is stated for",
           "Hours of care a week that childcare_net_cost_eur pays for.", unit="hours per week",
           kind="setting", lo=1.0, hi=80.0,
           doc_nl="Uren opvang per week waarvoor childcare_net_cost_eur geldt.",
           unit_nl="uur per week",
           source_nl="aanname: de uren opvang waarvoor childcare_net_cost_eur is opgegeven"),
    share("childcare_trust_gain_per_month", 0.04, (0.0, 0.1), ASSUMPTION,
          "Share of the gap to full trust in childcare closed per month of formal care.",
          unit="share of gap per month",
          doc_nl=("Deel van de afstand tot volledig vertrouwen in kinderopvang dat elke maand "
                  "formele opvang overbrugt."),
          unit_nl="deel van de afstand per maand",
          source_nl="aanname"),

    # ---- other exits ------------------------------------------------------------------
    hazard("study_exit_hazard", 0.008, (0.003, 0.027),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 27% of leavers leaving "
           "for study (" + ROTTERDAM + "; docs/calibration.md)",
           "Monthly probability of leaving for study (student finance).",
           doc_nl="Kans per maand op uitstroom naar studie (studiefinanciering).",
           unit_nl="kans per maand",
           source_nl=("aanname; gekalibreerd in scenarios/baseline.yaml op 27% uitstroom naar "
                      "studie (Rotterdamse evaluatie (2025), cohort van 855; docs/calibration.md)")),
    factor("study_young_factor", 2.0, (1.0, 4.0), ASSUMPTION,
           "Relative chance of leaving for study under the young age.",
           doc_nl="Relatieve kans op uitstroom naar studie onder de jonge leeftijd.",
           unit_nl="factor",
           source_nl="aanname"),
    amount("study_young_age_years", 27.0, (23.0, 30.0),
           "Student finance rules favour study before 30", "Age below which study is likelier.",
           unit="years", kind="setting",
           doc_nl="Leeftijd waaronder studeren waarschijnlijker is.",
           unit_nl="jaar",
           source_nl="de regels voor studiefinanciering maken studeren vóór 30 aantrekkelijker"),
    factor("study_student_finance_factor", 1.5, (1.0, 3.0), ASSUMPTION,
           "Relative chance of leaving for study after entering at the end of student "
           "finance.",
           doc_nl=("Relatieve kans op uitstroom naar studie na instroom door het einde van de "
                   "studiefinanciering."),
           unit_nl="factor",
           source_nl="aanname"),
    hazard("partner_exit_hazard", 0.004, (0.001, 0.03),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 10% of leavers leaving "
           "for a partner's income (" + ROTTERDAM + "; docs/calibration.md)",
           "Monthly probability of leaving because of a partner's income.",
           doc_nl="Kans per maand op uitstroom door het inkomen van een partner.",
           unit_nl="kans per maand",
           source_nl=("aanname; gekalibreerd in scenarios/baseline.yaml op 10% uitstroom naar een "
                      "inkomen van de partner (Rotterdamse evaluatie (2025), cohort van 855; "
                      "docs/calibration.md)")),
    hazard("other_exit_hazard", 0.009, (0.003, 0.04),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 24% of leavers leaving "
           "for other reasons (" + ROTTERDAM + "; docs/calibration.md)",
           "Monthly probability of leaving for other or unknown reasons.",
           doc_nl="Kans per maand op uitstroom om andere of onbekende redenen.",
           unit_nl="kans per maand",
           source_nl=("aanname; gekalibreerd in scenarios/baseline.yaml op 24% uitstroom om andere"
                      " redenen (Rotterdamse evaluatie (2025), cohort van 855; "
                      "docs/calibration.md)")),
    factor("contact_exit_effect", 6.5, (0.0, 10.0),
           "Böheim, Eppel & Mahringer (2023), J. Labour Market Res. 57: more caseworker time "
           "moved women out of the labour force more than into work; the size is fitted to "
           "that trial (the evidence checks caseworker_benefit_days and "
           "caseworker_out_of_work_days then report calibrated)",
           "Extra relative hazard of leaving assistance for other reasons in a month with a "
           "coach's appointment: the hassle and threat of being watched make some who can do "
           "without assistance leave.", calibrated_to=("caseworker_benefit_days",
                                                        "caseworker_out_of_work_days"),
           doc_nl=("Extra relatieve kans op uitstroom om andere redenen, in een maand met een "
                   "afspraak bij de klantmanager: het gedoe en de dreiging van controle laten "
                   "sommigen die zonder bijstand kunnen, uit de bijstand gaan."),
           unit_nl="factor",
           source_nl=("Böheim, Eppel & Mahringer (2023), J. Labour Market Res. 57: meer tijd van "
                      "de klantmanager bracht vrouwen vaker buiten de beroepsbevolking dan aan het"
                      " werk; de grootte is afgestemd op dat experiment (de toetsen "
                      "caseworker_benefit_days en caseworker_out_of_work_days melden daarom "
                      "'gekalibreerd')")),

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
          calibrated_to=("stock_outflow_12m",),
          doc_nl=("Kans op uitstroom na lange tijd in de bijstand, ten opzichte van het begin: "
                  "elke kans op vertrek (een baanaanbod, parttime werk, studie, het inkomen van "
                  "een partner, andere uitstroom) wordt vermenigvuldigd met ondergrens + (1 - "
                  "ondergrens) x exp(-maanden in de bijstand / duration_dependence_months)."),
          unit_nl="relatieve kans",
          source_nl=("CBS (2008), Korter in de bijstand, makkelijker eruit: in 2006 eindigde de "
                     "bijstand van 22% van wie er korter dan een jaar in zat, en van 8% van wie er"
                     " langer dan drie jaar in zat (mede door wie blijft, niet alleen door wat "
                     "blijven doet, dus de ondergrens alleen kan onder die verhouding liggen); "
                     "gekalibreerd in scenarios/baseline.yaml, samen met "
                     "duration_dependence_months, op de jaarlijkse uitstroom uit het bestand en op"
                     " langdurig bijstandsgerechtigden (docs/calibration.md)")),
    amount("duration_dependence_months", 24.0, (6.0, 60.0),
           ASSUMPTION + "; calibrated with duration_dependence_floor",
           "Months on assistance over which the chance of leaving falls towards its floor "
           "(e-folding time).", unit="months", lo=0.5, hi=600.0,
           calibrated_to=("stock_outflow_12m",),
           doc_nl=("Maanden in de bijstand waarin de kans op uitstroom met een factor e naar de "
                   "ondergrens daalt."),
           unit_nl="maanden",
           source_nl="aanname; gekalibreerd samen met duration_dependence_floor"),
    count("duration_break_months", 6, (0, 24),
          ASSUMPTION + ": a short interruption does not make a long-term recipient a "
          "newcomer",
          "A return within this many months of leaving continues the count of months on "
          "assistance (the months away not counted); a later return starts it afresh.",
          lo=0, hi=120, unit="months", kind="setting",
          doc_nl=("Wie binnen zoveel maanden na uitstroom terugkeert, telt door in haar maanden in"
                  " de bijstand (de maanden ertussen niet meegeteld); bij een latere terugkeer "
                  "begint de telling opnieuw."),
          unit_nl="maanden",
          source_nl=("aanname: door een korte onderbreking wordt een langdurig "
                     "bijstandsgerechtigde geen nieuwkomer")),

    # ---- job loss and returns ----------------------------------------------------------
    hazard("job_loss_hazard", 0.012, (0.005, 0.03),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml, with the early factor, to "
           "CBS: of those who left assistance for a job in 2021, 82% were employed without "
           "assistance after 6 months and 72% after 18 months, 9% back on assistance "
           "(CBS 2024, Cohortonderzoek bijstandsuitstroom naar werk 2021)",
           "Monthly probability of losing a job after the first months.",
           calibrated_to=DURABILITY,
           doc_nl="Kans per maand op baanverlies na de eerste maanden.",
           unit_nl="kans per maand",
           source_nl=("aanname; gekalibreerd in scenarios/baseline.yaml, samen met de factor voor "
                      "vroeg baanverlies, op het CBS: van wie in 2021 uit de bijstand naar werk "
                      "ging, werkte 82% na 6 maanden zonder bijstand en 72% na 18 maanden, en zat "
                      "9% weer in de bijstand (CBS 2024, Cohortonderzoek bijstandsuitstroom naar "
                      "werk 2021)")),
    factor("job_loss_early_factor", 6.0, (2.0, 10.0),
           ASSUMPTION + "; " + PRACTICE + ": most likely in the first months (CBS: 18% not "
           "employed without assistance 6 months after a job start)",
           "Extra relative risk of job loss at the job start, fading with tenure.",
           calibrated_to=DURABILITY,
           doc_nl=("Extra relatief risico op baanverlies bij de start van een baan; het neemt af "
                   "naarmate ze er langer werkt."),
           unit_nl="factor",
           source_nl=("aanname; evaluatie- en praktijkrapporten: het meest waarschijnlijk in de "
                      "eerste maanden (CBS: 18% werkt 6 maanden na de start van een baan niet "
                      "zonder bijstand)")),
    amount("job_loss_early_decay_months", 3.0, (1.0, 8.0), ASSUMPTION,
           "Months over which the early extra risk of job loss fades (e-folding time).",
           unit="months", lo=0.1,
           doc_nl="Maanden waarin het extra risico op vroeg baanverlies met een factor e afneemt.",
           unit_nl="maanden",
           source_nl="aanname"),
    factor("job_loss_stress_event_factor", 1.5, (1.0, 3.0),
           ASSUMPTION + "; employers' biggest fear is constant sick children at home "
           "(004:630-650)",
           "Relative risk of job loss in a month with a stress event (a sick child).",
           doc_nl=("Relatief risico op baanverlies in een maand met een stressvolle gebeurtenis "
                   "(een ziek kind)."),
           unit_nl="factor",
           source_nl=("aanname; werkgevers zijn het meest bang voor kinderen die steeds ziek thuis"
                      " zijn (004:630-650)")),
    count("job_loss_ladder_step", 4, (3, 4), ASSUMPTION + ": she keeps her work experience",
          "Participation-ladder step of a mother back on assistance (or without her "
          "part-time job) after losing a job.", lo=1, hi=4, unit="ladder step",
          kind="setting",
          doc_nl=("Trede op de participatieladder van een moeder die na baanverlies terug is in de"
                  " bijstand (of haar deeltijdbaan kwijt is)."),
          unit_nl="trede",
          source_nl="aanname: ze houdt haar werkervaring"),
    share("return_after_job_loss", 0.8, (0.4, 0.95),
          ASSUMPTION + "; CBS: 9% of those who left for a job in 2021 were back on "
          "assistance 18 months later",
          "Probability that a mother who loses a job that took her off assistance returns "
          "to assistance (the others find other income).", unit="probability",
          doc_nl=("Kans dat een moeder die de baan verliest waarmee ze uit de bijstand ging, "
                  "terugvalt in de bijstand (de anderen vinden ander inkomen)."),
          unit_nl="kans",
          source_nl=("aanname; CBS: van wie in 2021 uitstroomde naar werk, zat 9% 18 maanden later"
                     " weer in de bijstand")),
    amount("return_after_job_loss_delay_months", 3.0, (1.0, 12.0),
           ASSUMPTION + ": unemployment insurance (WW) comes first for those who qualify (26 "
           "of the last 36 weeks worked), for three months or more; those who do not "
           "qualify return at once",
           "Mean months from a job loss to the return to assistance (geometric).",
           unit="months",
           doc_nl=("Gemiddeld aantal maanden van baanverlies tot terugval in de bijstand "
                   "(geometrisch)."),
           unit_nl="maanden",
           source_nl=("aanname: wie aan de wekeneis voldoet (26 van de laatste 36 weken gewerkt) "
                      "krijgt eerst WW, drie maanden of langer; wie dat niet doet, komt direct "
                      "terug in de bijstand")),
    share("return_noncooperation_share", 0.32, (0.2, 0.6),
          DIVOSA_REENTRY + ": with return_noncooperation_delay_months of 3, 32% return and "
          "29% within six months",
          "Probability that a mother stopped for non-cooperation applies again.",
          unit="probability",
          doc_nl=("Aandeel moeders met een beëindiging wegens niet-medewerking dat opnieuw "
                  "bijstand aanvraagt."),
          unit_nl="kans",
          source_nl=("Divosa (2015), monitor in- en uitstroom 2014: van wie de bijstand eindigde "
                     "door handhaving, is 28% binnen zes maanden terug: met "
                     "return_noncooperation_delay_months op 3 keert 32% terug en 29% binnen zes "
                     "maanden")),
    amount("return_noncooperation_delay_months", 3.0, (1.0, 9.0), ASSUMPTION,
           "Mean months from a stop for non-cooperation to the new application (geometric).",
           unit="months",
           doc_nl=("Gemiddeld aantal maanden van een beëindiging wegens niet-medewerking tot de "
                   "nieuwe aanvraag (geometrisch)."),
           unit_nl="maanden",
           source_nl="aanname"),
    hazard("return_study_hazard", 0.01, (0.003, 0.03),
           ASSUMPTION + "; study stops (MODEL.md)",
           "Monthly probability that a mother who left for study stops and returns.",
           doc_nl=("Kans per maand dat een moeder die uitstroomde naar studie stopt en terugkeert "
                   "in de bijstand."),
           unit_nl="kans per maand",
           source_nl="aanname; de studie stopt (MODEL.md)"),
    hazard("return_partner_hazard", 0.008, (0.003, 0.02),
           ASSUMPTION + "; the partner's income ends with a relationship breakdown (MODEL.md)",
           "Monthly probability that a mother who left for a partner's income returns.",
           doc_nl=("Kans per maand dat een moeder die uitstroomde door het inkomen van een partner"
                   " terugkeert in de bijstand."),
           unit_nl="kans per maand",
           source_nl=("aanname; het inkomen van de partner valt weg als de relatie eindigt "
                      "(MODEL.md)")),
    hazard("return_other_hazard", 0.01, (0.003, 0.03), ASSUMPTION,
           "Monthly probability that a mother who left for other reasons returns.",
           doc_nl=("Kans per maand dat een moeder die om andere redenen uitstroomde terugkeert in "
                   "de bijstand."),
           unit_nl="kans per maand",
           source_nl="aanname"),
    count("exit_followup_months", 60, (24, 120), ASSUMPTION,
          "Months after an exit (or a job loss) during which a return to assistance is "
          "simulated; a later return counts as outside inflow.", lo=1, hi=1200,
          unit="months", kind="setting",
          doc_nl=("Maanden na uitstroom of baanverlies waarin herinstroom in de bijstand wordt "
                  "gesimuleerd; latere herinstroom telt als instroom van buiten."),
          unit_nl="maanden",
          source_nl="aanname"),
    count("work_followup_months", 60, (24, 120),
          ASSUMPTION + "; CBS follows job leavers for 18 months",
          "Months after an exit to work during which job loss is simulated; after that she "
          "is no longer followed.", lo=1, hi=1200, unit="months", kind="setting",
          doc_nl=("Maanden na uitstroom naar werk waarin baanverlies wordt gesimuleerd; daarna "
                  "volgt het model haar niet meer."),
          unit_nl="maanden",
          source_nl="aanname; CBS volgt wie een baan verliest 18 maanden"),

    # ---- money ------------------------------------------------------------------------
    amount("assistance_norm_eur", 1345.45, (1200.0, 1500.0),
           "Rijksoverheid, Participatiewet norm for a single parent aged 21+, 1 Jan 2025",
           "Assistance per month incl. holiday pay.", unit="EUR per month", kind="fact",
           doc_nl="Bijstandsnorm per maand, inclusief vakantiegeld.",
           unit_nl="euro per maand",
           source_nl=("Rijksoverheid, bijstandsnorm Participatiewet voor een alleenstaande ouder "
                      "van 21 jaar of ouder, 1 januari 2025")),
    share("earnings_disregard_rate", 0.125, (0.0, 0.25),
          "Participatiewet earnings disregard, July 2024",
          "Share of earnings a mother on assistance may keep.", kind="fact",
          doc_nl=("Deel van de inkomsten dat een moeder in de bijstand mag houden "
                  "(inkomstenvrijlating)."),
          unit_nl="aandeel",
          source_nl="inkomstenvrijlating Participatiewet, juli 2024"),
    amount("earnings_disregard_cap_eur", 167.79, (0.0, 300.0),
           "Participatiewet earnings disregard, July 2024",
           "Most earnings a mother on assistance may keep.", unit="EUR per month",
           kind="fact",
           doc_nl="Hoogste bedrag aan inkomsten dat een moeder in de bijstand mag houden.",
           unit_nl="euro per maand",
           source_nl="inkomstenvrijlating Participatiewet, juli 2024"),
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
