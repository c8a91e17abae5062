"""The mothers' table: one NumPy column per state variable, one row (slot) per mother.

A mother's id is her row number; ids are given in order of arrival and never reused,
so per-mother random draws keyed by id are the same in every scenario that shares a
seed. Mothers who leave keep their row (their exit month and destination are data).

The monthly step works on whole columns; :class:`simulate.agents.MotherAgent` is a thin
Mesa view whose attributes read one row of these columns.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray
from scipy.special import expit, logit, ndtr, ndtri
from scipy.stats import poisson

from simulate.metrics import core_metrics
from simulate.module import Module, State
from simulate.parameters import (
    ASSUMPTION,
    ASSUMPTION_NL,
    POP,
    PRACTICE,
    ROTTERDAM,
    Parameter,
    ParameterSet,
    Params,
    amount,
    count,
    share,
)
from simulate.states import Barrier, ExemptionReason, Status

if TYPE_CHECKING:
    from simulate.steps import Draws


@dataclass(frozen=True)
class Column:
    dtype: type
    fill: object
    doc: str


NEVER = -(2**30)  # month sentinel for "never happened"

COLUMNS: dict[str, Column] = {
    "status": Column(np.int8, 0, "Status code (simulate.states.Status)."),
    "birth_month": Column(np.float32, 0.0, "Month of the mother's birth (model months)."),
    "entry_month": Column(np.int32, 0, "Month she first entered the simulation."),
    "education": Column(np.int8, 0, "Education code (simulate.states.Education)."),
    "entry_reason": Column(np.int8, 0, "Entry reason code (simulate.states.EntryReason)."),
    "returning": Column(np.bool_, False, "Current or last spell is a return after an exit."),
    "n_children": Column(np.int8, 0, "Number of children."),
    "youngest_birth_month": Column(np.int32, NEVER, "Birth month of the youngest child."),
    "pregnant": Column(np.bool_, False, "Known to be pregnant."),
    "due_month": Column(np.int32, NEVER, "Month the pregnancy ends in a birth."),
    "barriers": Column(np.uint8, 0, "Bit mask of present barriers (simulate.states.Barrier)."),
    "barriers_registered": Column(np.uint8, 0, "Bit mask of barriers registered by a coach."),
    "barriers_referred": Column(np.uint8, 0, "Bit mask of registered barriers whose referral "
                                "she has taken up (only these resolve)."),
    "network_ties": Column(np.int16, 0, "Supportive ties outside programmes."),
    "network_working": Column(np.int16, 0, "Of those ties, people in work."),
    "peer_ties": Column(np.int16, 0, "Ties to other mothers made in peer groups."),
    "confidence": Column(np.float32, 0.0, "Self-confidence (self-efficacy), 0-1."),
    "confidence_own": Column(np.float32, 0.0, "Her own level of confidence it reverts to."),
    "trust_services": Column(np.float32, 0.0, "Trust in services, 0-1."),
    "trust_services_own": Column(np.float32, 0.0, "Her own level of trust in services."),
    "trust_childcare": Column(np.float32, 0.0, "Trust in formal childcare, 0-1."),
    "stress": Column(np.float32, 0.0, "Stress, 0-1 (high: little energy)."),
    "stress_own": Column(np.float32, 0.0, "Her own level of stress it reverts to."),
    "knows_topup": Column(np.bool_, False, "Knows that assistance tops up part-time pay."),
    "ladder": Column(np.int8, 1, "Participation-ladder step, 1-6."),
    "last_step_up": Column(np.int32, NEVER, "Month of her last step up."),
    "exempt": Column(np.bool_, False, "Exempted from the work obligation."),
    "exempt_since": Column(np.int32, NEVER, "Month the current exemption started."),
    "exempt_reason": Column(np.int8, 0, "Reason of the current or last exemption "
                            "(simulate.states.ExemptionReason)."),
    "exempt_long": Column(np.bool_, False, "The exemption is long-term (reviewed rarely)."),
    "spell_start": Column(np.int32, 0, "Start month of the current or last assistance spell."),
    "duration_since": Column(np.int32, 0, "Month from which her months on assistance count "
                             "(the spell's start, moved on by the months away when she "
                             "returns after a short break)."),
    "spell_exempt_ever": Column(np.bool_, False, "Had an exemption during this spell."),
    "spell_barrier_registered": Column(np.bool_, False,
                                       "A barrier was registered at entry of this spell."),
    "spell_exempt_request": Column(np.bool_, False, "Had an exemption on request (single "
                                   "parent, child under 5) during this spell."),
    "transfer": Column(np.bool_, False, "Entered the modelled population while already on "
                       "assistance (pregnant while on assistance)."),
    "coach": Column(np.int32, -1, "Index of her coach; -1: none."),
    "last_contact": Column(np.int32, NEVER, "Month of her last coach contact."),
    "last_sanction": Column(np.int32, NEVER, "Month of her last sanction (benefit cut) in this "
                            "spell."),
    "contacted": Column(np.bool_, False, "Had a coach contact this month."),
    "stress_event": Column(np.bool_, False, "Had a stress event (e.g. a sick child) this month."),
    "provider": Column(np.int16, 0, "Her local childcare provider."),
    "childcare_place": Column(np.int16, -1, "Provider of the formal place she holds; -1: none."),
    "place_reserved": Column(np.bool_, False, "Her place is one reserved by a programme."),
    "queue_since": Column(np.int32, NEVER, "Month she registered for a place (possibly before "
                          "month 0); NEVER: not registered."),
    "informal_care": Column(np.bool_, False, "Has a lasting informal childcare arrangement."),
    "informal_since": Column(np.int32, NEVER, "Month the informal arrangement began."),
    "care_broke": Column(np.bool_, False, "Her informal arrangement broke down this month."),
    "parttime": Column(np.bool_, False, "On assistance with a part-time job (ladder step 5)."),
    "job_start": Column(np.int32, NEVER, "Start month of her current job."),
    "earnings_eur": Column(np.float32, 0.0, "Gross earnings of her current job per month."),
    "exit_month": Column(np.int32, NEVER, "Month of her last exit from assistance."),
    "return_month": Column(np.int32, NEVER, "Month she will return to assistance after an exit "
                           "or a job loss; NEVER: no return simulated."),
    "mod_ladder_up": Column(np.float32, 1.0, "Policy multiplier on the chance of a step up."),
    "mod_offer": Column(np.float32, 1.0, "Policy multiplier on the chance of a job offer."),
    "mod_job_loss": Column(np.float32, 1.0, "Policy multiplier on the risk of job loss."),
    "mod_exit_other": Column(np.float32, 1.0, "Policy multiplier on the hazard of leaving "
                             "assistance for other reasons."),
    "mod_care_cost": Column(np.float32, 1.0, "Policy multiplier on the formal childcare cost a "
                            "mother weighs when she decides on an offer (a municipal top-up)."),
    "mod_gain_eur": Column(np.float32, 0.0, "Policy correction, in EUR a month, added to the "
                           "net income gain a mother believes a job brings."),
    "mod_accept_leaving": Column(np.float32, 1.0, "Policy multiplier on the chance of "
                                 "accepting an offer that ends assistance."),
    "offer_floor": Column(np.float32, 0.0, "Policy floor on the chance of a job offer this "
                          "month (an employer who knows her, e.g. her work-experience host)."),
    "exemption_request_factor": Column(np.float32, 1.0, "Relative chance of asking for an "
                                       "exemption on request, set by a programme that "
                                       "discusses it with her; 1 outside such a programme."),
}


# Columns that policies set afresh each month; the model resets them to their fill (1 for a
# multiplier, 0 for an amount added) before the hooks.
MODIFIERS = ("mod_ladder_up", "mod_offer", "mod_job_loss", "mod_exit_other", "mod_care_cost",
             "mod_gain_eur", "mod_accept_leaving")
# Of those, the ones added to (EUR amounts) rather than multiplied.
ADDITIVE_MODIFIERS = ("mod_gain_eur",)


class Mothers:
    """Column store for the mothers. ``n`` rows are in use; capacity grows by doubling.

    ``COLUMNS`` says what each column holds and how it starts; the annotations below give
    the type checker the same columns (tests/test_population.py keeps the two in step).
    """

    status: NDArray[np.int8]
    birth_month: NDArray[np.float32]
    entry_month: NDArray[np.int32]
    education: NDArray[np.int8]
    entry_reason: NDArray[np.int8]
    returning: NDArray[np.bool]
    n_children: NDArray[np.int8]
    youngest_birth_month: NDArray[np.int32]
    pregnant: NDArray[np.bool]
    due_month: NDArray[np.int32]
    barriers: NDArray[np.uint8]
    barriers_registered: NDArray[np.uint8]
    barriers_referred: NDArray[np.uint8]
    network_ties: NDArray[np.int16]
    network_working: NDArray[np.int16]
    peer_ties: NDArray[np.int16]
    confidence: NDArray[np.float32]
    confidence_own: NDArray[np.float32]
    trust_services: NDArray[np.float32]
    trust_services_own: NDArray[np.float32]
    trust_childcare: NDArray[np.float32]
    stress: NDArray[np.float32]
    stress_own: NDArray[np.float32]
    knows_topup: NDArray[np.bool]
    ladder: NDArray[np.int8]
    last_step_up: NDArray[np.int32]
    exempt: NDArray[np.bool]
    exempt_since: NDArray[np.int32]
    exempt_reason: NDArray[np.int8]
    exempt_long: NDArray[np.bool]
    spell_start: NDArray[np.int32]
    duration_since: NDArray[np.int32]
    spell_exempt_ever: NDArray[np.bool]
    spell_barrier_registered: NDArray[np.bool]
    spell_exempt_request: NDArray[np.bool]
    transfer: NDArray[np.bool]
    coach: NDArray[np.int32]
    last_contact: NDArray[np.int32]
    last_sanction: NDArray[np.int32]
    contacted: NDArray[np.bool]
    stress_event: NDArray[np.bool]
    provider: NDArray[np.int16]
    childcare_place: NDArray[np.int16]
    place_reserved: NDArray[np.bool]
    queue_since: NDArray[np.int32]
    informal_care: NDArray[np.bool]
    informal_since: NDArray[np.int32]
    care_broke: NDArray[np.bool]
    parttime: NDArray[np.bool]
    job_start: NDArray[np.int32]
    earnings_eur: NDArray[np.float32]
    exit_month: NDArray[np.int32]
    return_month: NDArray[np.int32]
    mod_ladder_up: NDArray[np.float32]
    mod_offer: NDArray[np.float32]
    mod_job_loss: NDArray[np.float32]
    mod_exit_other: NDArray[np.float32]
    mod_care_cost: NDArray[np.float32]
    mod_gain_eur: NDArray[np.float32]
    mod_accept_leaving: NDArray[np.float32]
    offer_floor: NDArray[np.float32]
    exemption_request_factor: NDArray[np.float32]

    def __init__(self, capacity: int = 1024) -> None:
        self.n = 0
        self._capacity = max(int(capacity), 16)
        for name, col in COLUMNS.items():
            setattr(self, name, np.full(self._capacity, col.fill, dtype=col.dtype))
        # Columns that modules declare (a policy's per-mother state), by key.
        self._declared: dict[str, Column] = {}
        self._columns: dict[str, np.ndarray] = {}

    def declare(self, key: str, dtype: Any, fill: Any) -> np.ndarray:
        """Allocate a column a module declared (``key`` unique in the table); it grows with
        the table. Declaring a key again returns the column it has."""
        if key in COLUMNS:
            raise ValueError(f"{key} is one of the model's own columns")
        if key not in self._columns:
            self._declared[key] = Column(dtype, fill, "")
            self._columns[key] = np.full(self._capacity, fill, dtype=dtype)
        return self._columns[key]

    def column(self, key: str) -> np.ndarray:
        """A declared column (its whole capacity; rows ``n`` and up hold its fill)."""
        return self._columns[key]

    def __len__(self) -> int:
        return self.n

    @property
    def capacity(self) -> int:
        """Rows allocated (``n`` of them in use)."""
        return self._capacity

    def add(self, values: dict[str, np.ndarray]) -> np.ndarray:
        """Append mothers; ``values`` maps column names to arrays of equal length.

        Returns:
            The new mothers' ids.
        """
        k = len(next(iter(values.values())))
        if self.n + k > self._capacity:
            new_cap = max(self._capacity * 2, self.n + k)
            for name, col in COLUMNS.items():
                setattr(self, name, _larger(getattr(self, name), new_cap, col, self.n))
            for key, col in self._declared.items():
                self._columns[key] = _larger(self._columns[key], new_cap, col, self.n)
            self._capacity = new_cap
        rows = slice(self.n, self.n + k)
        for name, arr in values.items():
            getattr(self, name)[rows] = arr
        self.n += k
        return np.arange(rows.start, rows.stop)

    def ids_where(self, status: int) -> np.ndarray:
        return np.flatnonzero(self.status[: self.n] == status)

    def nbytes(self) -> int:
        return (sum(getattr(self, name).nbytes for name in COLUMNS)
                + sum(c.nbytes for c in self._columns.values()))


def toward_one(column: np.ndarray, ids: np.ndarray, share) -> np.ndarray:
    """Move ``column`` (a level in 0 to 1: confidence, trust, stress) of ``ids`` the
    fraction ``share`` (a number or one per row) of the way to 1, in the column's type;
    returns the increments. The one place this update is written."""
    step = share * (1 - column[ids])
    if step.dtype != column.dtype:
        step = step.astype(column.dtype)
    column[ids] += step
    return step


def as_float32(x: Any) -> Any:
    """``x`` (a number or one per row) as float32, rounded once from float64: a factor on
    a float32 column (confidence), as ``np.float32(number)`` does for one number."""
    return np.asarray(x).astype(np.float32)[()]


def _larger(old: np.ndarray, capacity: int, col: Column, n: int) -> np.ndarray:
    """``old``'s first ``n`` rows in a column of ``capacity`` rows, the rest ``col.fill``."""
    out: np.ndarray = np.full(capacity, col.fill, dtype=col.dtype)
    out[:n] = old[:n]
    return out


def _truncated_normal(u: np.ndarray, mean: float, sd: float, low: float) -> np.ndarray:
    a = ndtr((low - mean) / sd)
    return mean + sd * ndtri(a + u * (1.0 - a))


def _truncated_exponential(u: np.ndarray, mean: float,
                           upper: float | np.ndarray) -> np.ndarray:
    return -mean * np.log1p(-u * (1.0 - np.exp(-upper / mean)))


@functools.lru_cache(maxsize=64)
def _poisson_cdf(mean: float) -> np.ndarray:
    return poisson.cdf(np.arange(int(mean + 12 * np.sqrt(mean) + 20)), mean)


def _poisson(u: np.ndarray, mean: float) -> np.ndarray:
    """Inverse CDF of a Poisson distribution by table lookup (fast for small means)."""
    if mean <= 0:
        return np.zeros(len(u), dtype=np.int64)
    return np.searchsorted(_poisson_cdf(float(mean)), u, side="left")


def _logit_normal(z: np.ndarray, mean: float, sd: float) -> np.ndarray:
    mean = min(max(mean, 1e-6), 1 - 1e-6)
    return expit(logit(mean) + sd * z).astype(np.float32)


def _category(u: np.ndarray, shares: list[float]) -> np.ndarray:
    """Index of the category whose cumulative share interval holds u; the last takes the rest."""
    return np.searchsorted(np.cumsum(shares), u, side="right").astype(np.int8)


INIT_STREAMS = (
    "age", "duration", "transfer", "transfer_months", "exempt_reason", "exempt_long", "pregnant", "child_age", "older_children", "due", "working_ties",
    "other_ties", "confidence", "trust_services", "trust_childcare", "stress", "exempt",
    "childcare_registered", "returning", "education", "entry_reason", "knows_topup", "ladder",
    "provider", *(f"barrier:{b.name}" for b in Barrier), *(f"registered:{b.name}" for b in Barrier))


def exemption_reasons(p: Params, barriers: np.ndarray, young: np.ndarray,
                      u: np.ndarray) -> np.ndarray:
    """The reason of an exemption at entry, in proportion to the monthly hazards of the
    reasons that apply to each mother (a request needs a child under 5, ``young``; a
    health or care reason needs that barrier)."""
    health = (barriers & np.uint8(1 << Barrier.HEALTH)) != 0
    care = (barriers & np.uint8(1 << Barrier.CARE)) != 0
    # The running sums of the reasons' weights are the edges of their intervals.
    request = young * p.exemption_request_hazard
    with_health = request + health * p.exemption_health_hazard
    with_care = with_health + care * p.exemption_care_hazard
    every = with_care + p.exemption_other_hazard
    x = u * np.maximum(every, 1e-300)
    index = (x > request).astype(np.int8) + (x > with_health) + (x > with_care) + (x > every)
    return (np.minimum(index, 3) + ExemptionReason.REQUEST).astype(np.int8)


def draw_mothers(p: Params, streams: Draws, ids: np.ndarray, month: int | np.ndarray,
                 stock: bool) -> dict[str, np.ndarray]:
    """Attributes of new mothers entering assistance in ``month`` (one, or one per id).

    Every attribute is drawn from its own stream, keyed by mother id, so the attributes of
    mother 1,234 are the same whatever else differs between two scenarios.

    Args:
        p: Parameter values.
        streams: Random streams of the replicate (or of several replicates' rows).
        ids: Ids the new mothers will get.
        month: Month of arrival (0 for the initial stock), or an array of months aligned
            with ``ids``.
        stock: True for the initial stock, which has been on assistance for a while and
            whose children have any age up to the limit.
    """
    k = len(ids)
    month = np.broadcast_to(np.asarray(month, dtype=np.int32), (k,))
    draws = streams.uniforms(["init:" + name for name in INIT_STREAMS], 0, ids)

    def u(name: str) -> np.ndarray:
        return draws["init:" + name]

    def z(name: str) -> np.ndarray:
        return ndtri(draws["init:" + name])

    age = _truncated_normal(u("age"), p.age_mean_years, p.age_sd_years, p.age_min_years)
    # Months on assistance before arrival are at most her months since the youngest age at
    # which she could have entered.
    adult = np.maximum(12.0 * (age - p.age_min_years), 0.0)
    if stock:
        months_on = np.floor(_truncated_exponential(
            u("duration"), p.stock_mean_months_on_assistance, adult))
        spell_start = (month - months_on).astype(np.int32)
        pregnant = u("pregnant") < p.stock_share_pregnant
        child_age = np.floor(u("child_age") * p.child_age_limit_months)
        transfer = np.zeros(k, dtype=bool)
    else:
        # Women already on assistance whose pregnancy becomes known bring their months:
        # no more than her months since the youngest age at which she could have entered.
        transfer = u("transfer") < p.inflow_transfer_share
        past = np.floor(_truncated_exponential(u("transfer_months"),
                                               p.transfer_past_months_mean, adult))
        spell_start = np.where(transfer, month - past, month).astype(np.int32)
        pregnant = u("pregnant") < p.inflow_share_pregnant
        child_age = np.floor(_truncated_exponential(
            u("child_age"), p.inflow_child_age_mean_months, p.child_age_limit_months))
    older = _poisson(u("older_children"), p.older_children_mean).astype(np.int8)
    # Pregnant entrants may be expecting their first child; others have at least one.
    n_children = np.where(pregnant, older, older + 1).astype(np.int8)
    youngest = np.where(n_children > 0, month - child_age, 0).astype(np.int32)
    due = np.where(pregnant, month + np.ceil(u("due") * p.pregnancy_known_months), NEVER)

    # What she tells at intake depends on her trust in services (004:655), as at contacts.
    trust = _logit_normal(z("trust_services"), p.trust_services_mean, p.psych_logit_sd)
    tell = np.minimum(p.barrier_registration_at_entry
                      * (1.0 + p.disclosure_trust_effect * (2.0 * trust - 1.0)), 1.0)
    barriers = np.zeros(k, dtype=np.uint8)
    registered = np.zeros(k, dtype=np.uint8)
    prevalence = {
        Barrier.DEBTS: p.barrier_debts_prevalence,
        Barrier.HEALTH: p.barrier_health_prevalence,
        Barrier.LANGUAGE: p.barrier_language_prevalence,
        Barrier.CARE: p.barrier_care_prevalence,
    }
    for b, prev in prevalence.items():
        bit = np.uint8(1 << b)
        present = u(f"barrier:{b.name}") < prev
        seen = present & (u(f"registered:{b.name}") < tell)
        barriers |= np.where(present, bit, np.uint8(0))
        registered |= np.where(seen, bit, np.uint8(0))

    # Poisson thinning: ties in work and out of work are independent Poisson counts.
    working = _poisson(u("working_ties"), p.network_ties_mean * p.network_working_share)
    ties = (working + _poisson(u("other_ties"), p.network_ties_mean
                               * (1.0 - p.network_working_share))).astype(np.int16)
    working = working.astype(np.int16)
    confidence = _logit_normal(z("confidence"), p.confidence_mean, p.psych_logit_sd)
    stress = _logit_normal(z("stress"), p.stress_mean, p.psych_logit_sd)
    exempt = u("exempt") < p.exemption_at_entry_share
    reason = exemption_reasons(p, barriers, (n_children > 0)
                               & (child_age < p.exemption_child_age_limit_months),
                               u("exempt_reason"))
    registered_for_care = u("childcare_registered") < p.initial_formal_childcare_share
    lag = p.childcare_registration_lag_months
    returning = u("returning") < p.inflow_returning_share

    return {
        "status": np.full(k, Status.ON_ASSISTANCE, dtype=np.int8),
        "birth_month": (month - 12.0 * age).astype(np.float32),
        "entry_month": month.copy(),
        "education": _category(u("education"), [
            p.share_education_no_basic, p.share_education_mbo_or_lower,
            p.share_education_hbo_wo]),
        "entry_reason": _category(u("entry_reason"), [
            p.share_entry_student_finance, p.share_entry_income_loss,
            p.share_entry_relationship_end]),
        "returning": returning,
        "n_children": n_children,
        "youngest_birth_month": youngest,
        "pregnant": pregnant,
        "due_month": due.astype(np.int32),
        "barriers": barriers,
        "barriers_registered": registered,
        "network_ties": ties,
        "network_working": working,
        "confidence": confidence,
        "confidence_own": confidence,
        "trust_services": trust,
        "trust_services_own": trust,
        "trust_childcare": _logit_normal(z("trust_childcare"), p.trust_childcare_mean,
                                         p.psych_logit_sd),
        "stress": stress,
        "stress_own": stress,
        "knows_topup": u("knows_topup") < p.knows_topup_share,
        "ladder": (1 + _category(u("ladder"), [
            p.entry_ladder_step1_share, p.entry_ladder_step2_share,
            p.entry_ladder_step3_share])).astype(np.int8),
        "exempt": exempt,
        "exempt_since": np.where(exempt, spell_start, 0).astype(np.int32),
        "exempt_reason": np.where(exempt, reason, ExemptionReason.NONE).astype(np.int8),
        "exempt_long": exempt & (u("exempt_long") >= p.exemption_temporary_share),
        "spell_start": spell_start,
        "duration_since": spell_start,
        "spell_exempt_ever": exempt,
        "spell_exempt_request": exempt & (reason == ExemptionReason.REQUEST),
        "transfer": transfer,
        "spell_barrier_registered": registered != 0,
        "provider": np.minimum((u("provider") * p.childcare_providers).astype(np.int16),
                               p.childcare_providers - 1),
        "queue_since": np.where(registered_for_care, month - lag, NEVER).astype(np.int32),
    }


# The parameters of the initial stock and of the inflow's composition, declared here;
# simulate.parameters.PARAMETERS holds every module's, in the order of the month's steps.
PARAMETERS: tuple[Parameter, ...] = (
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
          source_nl=ASSUMPTION_NL),
    share("barrier_health_prevalence", 0.2, (0.08, 0.35), ASSUMPTION,
          "Share with mental or physical health problems at entry.", **POP,
          doc_nl="Aandeel met psychische of lichamelijke gezondheidsproblemen bij instroom.",
          unit_nl="aandeel",
          source_nl=ASSUMPTION_NL),
    share("barrier_language_prevalence", 0.15, (0.05, 0.3), ASSUMPTION,
          "Share with a language barrier at entry.", **POP,
          doc_nl="Aandeel met een taalbarrière bij instroom.",
          unit_nl="aandeel",
          source_nl=ASSUMPTION_NL),
    share("barrier_care_prevalence", 0.12, (0.05, 0.25), ASSUMPTION,
          "Share with a heavy care burden (beyond the young child) at entry.", **POP,
          doc_nl="Aandeel met zware zorgtaken (naast het jonge kind) bij instroom.",
          unit_nl="aandeel",
          source_nl=ASSUMPTION_NL),
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
          source_nl=ASSUMPTION_NL),
    share("trust_services_mean", 0.45, (0.3, 0.6), ASSUMPTION,
          "Mean trust in services at entry, 0-1.", **POP,
          doc_nl=("Gemiddeld vertrouwen in de gemeente en de hulpverlening bij instroom, van 0 tot"
                  " 1."),
          unit_nl="aandeel",
          source_nl=ASSUMPTION_NL),
    share("trust_childcare_mean", 0.45, (0.3, 0.6), ASSUMPTION,
          "Mean trust in formal childcare at entry, 0-1; a mother's trust is also the "
          "probability that she registers for, or takes, formal care when a job needs it.",
          **POP,
          doc_nl=("Gemiddeld vertrouwen in formele kinderopvang bij instroom, van 0 tot 1; het "
                  "vertrouwen van een moeder is ook de kans dat ze zich inschrijft voor formele "
                  "opvang, of die gebruikt, als een baan erom vraagt."),
          unit_nl="aandeel",
          source_nl=ASSUMPTION_NL),
    share("stress_mean", 0.4, (0.2, 0.6), ASSUMPTION,
          "Mean stress at entry, 0-1 (high means little energy).", **POP,
          doc_nl="Gemiddelde stress bij instroom, van 0 tot 1 (hoog betekent weinig energie).",
          unit_nl="aandeel",
          source_nl=ASSUMPTION_NL),
    amount("psych_logit_sd", 0.8, (0.3, 1.5), ASSUMPTION,
           "Spread between mothers of confidence, trust and stress (logit-normal sd).",
           unit="logit units", **POP,
           doc_nl=("Spreiding tussen moeders in zelfvertrouwen, vertrouwen en stress "
                   "(standaardafwijking op logitschaal)."),
           unit_nl="logit-eenheden",
           source_nl=ASSUMPTION_NL),
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
          source_nl=ASSUMPTION_NL),
    amount("inflow_child_age_mean_months", 14.0, (6.0, 30.0), ASSUMPTION,
           "Mean age of the youngest child at entry, for those not pregnant "
           "(exponential, truncated at the age limit).", unit="months", lo=0.1, **POP,
           doc_nl=("Gemiddelde leeftijd van het jongste kind bij instroom, voor wie niet zwanger "
                   "is (exponentieel, afgekapt bij de leeftijdsgrens)."),
           unit_nl="maanden",
           source_nl=ASSUMPTION_NL),
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
          source_nl=ASSUMPTION_NL),
    amount("stock_mean_months_on_assistance", 30.0, (12.0, 60.0), ASSUMPTION,
           "Mean months already on assistance in the initial stock (exponential).",
           unit="months", lo=0.1, **POP,
           doc_nl=("Gemiddeld aantal maanden dat moeders in de beginstand al in de bijstand zitten"
                   " (exponentieel)."),
           unit_nl="maanden",
           source_nl=ASSUMPTION_NL),
    share("entry_ladder_step1_share", 0.2, (0.1, 0.35), ASSUMPTION,
          "Share entering at participation-ladder step 1 (isolated).", **POP,
          doc_nl="Aandeel dat instroomt op trede 1 van de participatieladder (geïsoleerd).",
          unit_nl="aandeel",
          source_nl=ASSUMPTION_NL),
    share("entry_ladder_step2_share", 0.35, (0.2, 0.45), ASSUMPTION,
          "Share entering at step 2 (social contacts).", **POP,
          doc_nl="Aandeel dat instroomt op trede 2 (sociale contacten).",
          unit_nl="aandeel",
          source_nl=ASSUMPTION_NL),
    share("entry_ladder_step3_share", 0.3, (0.15, 0.4), ASSUMPTION,
          "Share entering at step 3 (organised activities); the rest enter at step 4.",
          **POP,
          doc_nl=("Aandeel dat instroomt op trede 3 (georganiseerde activiteiten); de rest begint "
                  "op trede 4."),
          unit_nl="aandeel",
          source_nl=ASSUMPTION_NL),
    share("initial_formal_childcare_share", 0.08, (0.02, 0.2), ASSUMPTION,
          "Share of entrants already registered for a formal childcare place (their "
          "registration lag has passed).", **POP,
          doc_nl=("Aandeel instromers dat al ingeschreven staat voor formele kinderopvang (de "
                  "wachttijd na inschrijving is voorbij)."),
          unit_nl="aandeel",
          source_nl=ASSUMPTION_NL),
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
)


class Population(Module):
    """Who is on assistance at the start and who comes in: age, education, children, barriers, network, confidence and trust; the mothers' table and its columns."""

    name = "population"
    title = "The mothers"
    title_nl = "De moeders"
    description = ("Who is on assistance at the start and who comes in: age, education, children, barriers, network, confidence and trust; the mothers' table and its columns.")
    description_nl = ("Wie er bij de start in de bijstand zit en wie er instroomt: leeftijd, opleiding, kinderen, belemmeringen, netwerk, zelfvertrouwen en vertrouwen; de tabel van moeders en haar kolommen.")
    parameters = ParameterSet(PARAMETERS)
    metrics = core_metrics(
        "on_assistance", "on_assistance_target_group", "cohort_on_assistance",
        "on_assistance_under_12m", "on_assistance_36m_plus", "barrier_any",
        "mean_confidence", "mean_trust_services", "mean_trust_childcare",
        "mean_stress")
    state = tuple(State(name, c.dtype, c.fill, c.doc) for name, c in COLUMNS.items())
