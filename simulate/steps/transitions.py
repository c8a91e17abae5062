"""Leaving and re-entering assistance: the bookkeeping every exit and return shares.

Every exit can come back. When a mother leaves for study, a partner's income, other
reasons or is stopped for non-cooperation, her return is scheduled at once from that
destination's declared process (a share that re-applies and a delay, or a monthly hazard
drawn as a geometric delay): ``return_month``. A mother who left for work returns only
through job loss (:mod:`simulate.steps.job_loss`), which schedules her return the same
way. Returns later than ``exit_followup_months`` are not simulated (the outside inflow's
returning share stands for them and for exits before the simulation).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import numpy as np

from simulate.metrics import core_metrics
from simulate.module import Module
from simulate.parameters import (
    ASSUMPTION,
    CBS_DURATION,
    Parameter,
    ParameterSet,
    amount,
    count,
    share,
)
from simulate.population import NEVER
from simulate.states import LADDER_WORK, Status

if TYPE_CHECKING:
    from simulate.population import Mothers
    from simulate.steps import World

EXIT_METRIC = {
    Status.IN_WORK: "exit_work",
    Status.STUDY: "exit_study",
    Status.PARTNER: "exit_partner",
    Status.NONCOOPERATION: "exit_noncooperation",
    Status.OTHER: "exit_other",
}

# Return processes of exits other than to work: (share who return, mean delay in months),
# as parameter names; a hazard h is a share of 1 with a mean delay of 1 / h.
RETURN_STREAM = {
    Status.STUDY: "study",
    Status.PARTNER: "partner",
    Status.NONCOOPERATION: "noncooperation",
    Status.OTHER: "other",
    Status.JOBLESS: "job_loss",
}


def return_process(p, status: int) -> tuple[float, float]:
    """(share who return, mean delay in months) of an exit to ``status``."""
    if status == Status.NONCOOPERATION:
        return p.return_noncooperation_share, p.return_noncooperation_delay_months
    if status == Status.JOBLESS:
        return p.return_after_job_loss, p.return_after_job_loss_delay_months
    hazard = {Status.STUDY: p.return_study_hazard, Status.PARTNER: p.return_partner_hazard,
              Status.OTHER: p.return_other_hazard}[status]
    return 1.0, (1.0 / hazard if hazard > 0 else np.inf)


def schedule_returns(model: World, ids: np.ndarray, status: int) -> None:
    """Draw whether and when ``ids``, leaving for ``status`` this month, return."""
    if len(ids) == 0:
        return
    m, p, t = model.mothers, model.params, model.month
    name = RETURN_STREAM[status]
    u = model.streams.uniforms([f"return:{name}", f"return_delay:{name}"], t, ids)
    # Per mother in a batch of worlds that differ in it; otherwise one number.
    share = model.value(_RETURN_SHARE[status], ids)
    step = model.value(_RETURN_STEP[status], ids)
    # Geometric delay of at least one month with the given mean: the log of a uniform over
    # log(1 - 1 / mean) rounded up; a step of 0 means no return, infinity one month.
    if np.ndim(step) == 0:
        if step == 0.0:
            m.return_month[ids] = NEVER
            return
        delay = (np.ones(len(ids)) if step == -np.inf
                 else np.ceil(np.log(u[f"return_delay:{name}"]) / step))
    else:
        with np.errstate(divide="ignore", invalid="ignore"):
            delay = np.where(step == -np.inf, 1.0,
                             np.ceil(np.log(u[f"return_delay:{name}"]) / step))
    delay = np.maximum(delay, 1.0)
    back = (u[f"return:{name}"] < share) & (delay <= p.exit_followup_months) & (step != 0.0)
    m.return_month[ids] = np.where(back, t + delay, NEVER).astype(np.int32)


# Per exit: the share who return, and the step of their delay (:func:`_delay_step`), as
# functions of the parameters; the same objects every month, so that a batch of worlds
# computes each once per world (simulate.batch.BatchBurnIn.value).
_RETURN_SHARE = {status: functools.partial(lambda p, s: return_process(p, s)[0], s=status)
                 for status in RETURN_STREAM}
_RETURN_STEP = {status: functools.partial(lambda p, s: _delay_step(*return_process(p, s)),
                                          s=status) for status in RETURN_STREAM}


def _delay_step(share: float, mean: float) -> float:
    """``log(1 - q)`` of the geometric return delay with mean ``mean`` (``q`` its monthly
    chance, at most 1: ``-inf`` for a return the next month); 0 when there is no return."""
    if not np.isfinite(mean) or share <= 0:
        return 0.0
    q = min(1.0 / max(mean, 1.0), 1.0)
    return -np.inf if q >= 1.0 else float(np.log1p(-q))


def duration_factor(model: World, ids: np.ndarray) -> np.ndarray:
    """The chance of leaving assistance after her months on assistance relative to at the
    start: ``floor + (1 - floor) * exp(-months / duration_dependence_months)``, at most 1
    (duration dependence: CBS 2008; parameters in simulate/parameters.py)."""
    months = np.maximum(model.month - model.mothers.duration_since[ids], 0)
    floor = model.value("duration_dependence_floor", ids)
    return floor + (1.0 - floor) * np.exp(
        -months / model.value("duration_dependence_months", ids))


def leave_assistance(model: World, ids: np.ndarray, status: int) -> None:
    """End the assistance spells of ``ids`` with destination ``status``.

    The coach's slot is freed at once. A mother leaving for work keeps her childcare (she
    needs it for the job); anyone else gives up her place, her registration and her
    informal arrangement, and has her return scheduled.
    """
    if len(ids) == 0:
        return
    m, t = model.mothers, model.month
    months_on = t - m.duration_since[ids]
    model.count("exits_under_12m", ids[months_on < 12])
    model.count("exits_36m_plus", ids[months_on >= 36])
    model.spells.close(m, ids, t, status)
    m.status[ids] = status
    m.exit_month[ids] = t
    m.coach[ids] = -1
    m.exempt[ids] = False
    m.parttime[ids] = False
    m.last_sanction[ids] = NEVER
    m.return_month[ids] = NEVER
    if status == Status.IN_WORK:
        m.ladder[ids] = LADDER_WORK
    else:
        release_childcare(m, ids)
        m.earnings_eur[ids] = 0.0
        m.job_start[ids] = NEVER
        schedule_returns(model, ids, status)
    model.count(EXIT_METRIC[status], ids)


def release_childcare(m: Mothers, ids: np.ndarray) -> None:
    """Give up a formal place, a registration and an informal arrangement (she no longer
    needs care for a job or activity)."""
    m.childcare_place[ids] = -1
    m.place_reserved[ids] = False
    m.queue_since[ids] = NEVER
    m.informal_care[ids] = False
    m.informal_since[ids] = NEVER


def return_to_assistance(model: World, ids: np.ndarray) -> None:
    """Start a new (returning) spell for mothers whose scheduled return is due."""
    if len(ids) == 0:
        return
    m, p, t = model.mothers, model.params, model.month
    after_job = m.status[ids] == Status.JOBLESS
    model.count("returns_after_job_loss", ids[after_job])
    m.ladder[ids] = np.where(after_job, p.job_loss_ladder_step,
                             np.minimum(m.ladder[ids], LADDER_WORK - 2))
    m.status[ids] = Status.ON_ASSISTANCE
    m.returning[ids] = True
    m.spell_start[ids] = t
    # After a short break her months on assistance go on counting (the months away do
    # not count); after a longer one they start afresh.
    away = t - m.exit_month[ids]
    m.duration_since[ids] = np.where(away <= p.duration_break_months,
                                     m.duration_since[ids] + away, t)
    m.spell_exempt_ever[ids] = False
    m.spell_exempt_request[ids] = False
    m.spell_barrier_registered[ids] = m.barriers_registered[ids] != 0
    m.job_start[ids] = NEVER
    m.earnings_eur[ids] = 0.0
    m.last_sanction[ids] = NEVER
    m.return_month[ids] = NEVER
    m.coach[ids] = -1
    model.count("inflow_returning", ids)
    model.count("returns_of_leavers", ids)


def returns_step(model: World) -> None:
    """Mothers whose scheduled return falls in this month come back to assistance."""
    m = model.mothers
    due = np.flatnonzero(m.return_month[: m.n] == model.month)
    return_to_assistance(model, due[m.status[due] != Status.ON_ASSISTANCE])


# What this step reads of the model's parameters, declared here; simulate.parameters.PARAMETERS
# holds every module's, in the order of the month's steps.
PARAMETERS: tuple[Parameter, ...] = (
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
)


class Transitions(Module):
    """The bookkeeping every exit and return shares: when a mother who left comes back, and from where."""

    name = "transitions"
    title = "Leaving and returning"
    title_nl = "Uitstroom en terugkeer"
    description = ("The bookkeeping every exit and return shares: when a mother who left comes back, and from where.")
    description_nl = ("De administratie die elke uitstroom en terugkeer delen: wanneer een moeder die uitstroomde terugkomt, en van waar.")
    parameters = ParameterSet(PARAMETERS)
    metrics = core_metrics(
        "returns_of_leavers")
