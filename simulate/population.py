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
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.special import expit, logit, ndtr, ndtri
from scipy.stats import poisson

from simulate.parameters import Params
from simulate.rng import Streams
from simulate.states import Barrier, ExemptionReason, Status


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


def draw_mothers(p: Params, streams: Streams, ids: np.ndarray, month: int | np.ndarray,
                 stock: bool) -> dict[str, np.ndarray]:
    """Attributes of new mothers entering assistance in ``month`` (one, or one per id).

    Every attribute is drawn from its own stream, keyed by mother id, so the attributes of
    mother 1,234 are the same whatever else differs between two scenarios.

    Args:
        p: Parameter values.
        streams: Random streams of the replicate.
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
