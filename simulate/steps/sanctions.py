"""Lapses, monitoring and sanctions (part of step 3, after the coaches' contacts).

Lapses happen with or without contact, more often with low trust and high stress, and
have consequences only when they are noticed: at a contact that month
(``lapse_notice_per_contact``) or by an administrative check. There are two kinds:

- a breach of the work obligation (not applying, refusing suitable work, missing a
  re-integration appointment), by mothers who have the obligation: noticed, it brings a
  sanction, a cut of ``sanction_benefit_cut_share`` of the benefit for
  ``sanction_months`` (the legal minimum is a month's benefit: Inspectie SZW 2017), after
  which she searches harder for a while (:mod:`simulate.steps.jobs`; Van den Berg, Van der
  Klaauw & Van Ours 2004);
- an unmet information duty (a changed situation not reported, papers not handed in),
  which exempted mothers keep too: noticed, it stops the benefit (exit for
  non-cooperation).

Most stops for non-cooperation, though, follow an appointment: a mother who does not come
and does not answer the reminder (``no_show_hazard`` per appointment, more with low trust
and high stress) has her benefit suspended and stopped. More appointments therefore bring
more stops as well as more help.

Lower caseloads mean more contact, so more lapses are noticed, more sanctions imposed and
more benefits stopped (Hainmueller et al. 2016; Böheim, Eppel & Mahringer 2023), besides
the help that contact brings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from simulate.metrics import core_metrics
from simulate.module import Module
from simulate.parameters import ParameterSet
from simulate.states import Status
from simulate.steps import BOUND_MARGIN
from simulate.steps.transitions import leave_assistance

if TYPE_CHECKING:
    from simulate.steps import World


def sanctioned(model: World, ids: np.ndarray) -> np.ndarray:
    """Whether a sanction's benefit cut runs this month."""
    since = model.month - model.mothers.last_sanction[ids]
    return (since >= 0) & (since < model.value("sanction_months", ids, np.int64))


def largest_lapse_factor(model: World) -> float:
    """Upper bound of this month's lapse chance relative to its hazard: each factor at its
    largest over this month's columns (the effects are not negative), with a margin for
    rounding."""
    m = model.mothers
    n = m.n
    distrust = max(1.0 - float(m.trust_services[:n].min(initial=1.0)), 0.0)
    stress = max(float(m.stress[:n].max(initial=0.0)), 0.0)
    return model.most(lambda p: (1.0 + p.lapse_low_trust_effect * distrust)
                      * (1.0 + p.lapse_stress_effect * stress) * (1.0 + BOUND_MARGIN))


def _lapse_chance(model: World, ids: np.ndarray, hazard: str) -> np.ndarray:
    """The chance of ``ids`` to lapse (parameter ``hazard``): the hazard times what low
    trust and stress add (float32, as the columns)."""
    m = model.mothers
    return (model.value(hazard, ids, np.float32)
            * (1.0 + model.value("lapse_low_trust_effect", ids, np.float32)
               * (1.0 - m.trust_services[ids]))
            * (1.0 + model.value("lapse_stress_effect", ids, np.float32) * m.stress[ids]))


def _lapsed(model: World, ids: np.ndarray, hazard: str, stream: str,
            most: float) -> np.ndarray:
    """Those of ``ids`` who lapse this month (stream ``stream``, parameter ``hazard``);
    the chance is computed only where the uniform lies below its largest value."""
    u = model.streams.uniform(stream, model.month, ids)
    cand = np.flatnonzero(u < model.value(hazard, ids) * most)
    near = ids[cand]
    return near[u[cand] < _lapse_chance(model, near, hazard)]


def no_shows(model: World, appointed: np.ndarray) -> np.ndarray:
    """Mothers who miss this month's appointment and do not answer: more often with low
    trust and high stress. Their benefit is stopped at once; returns them."""
    u = model.streams.uniform("no_show", model.month, appointed)
    cand = np.flatnonzero(u < model.value("no_show_hazard", appointed)
                          * largest_lapse_factor(model))
    near = appointed[cand]
    gone = near[u[cand] < _lapse_chance(model, near, "no_show_hazard")]
    model.count("no_shows", gone)
    leave_assistance(model, gone, Status.NONCOOPERATION)
    return gone


def _noticed(model: World, lapse: np.ndarray, check: str, stream: str) -> np.ndarray:
    """Those of ``lapse`` whose lapse is noticed: at a contact this month or by a check
    (parameter ``check``: the chance of one)."""
    admin = model.value(check, lapse)
    notice = np.where(model.mothers.contacted[lapse],
                      1.0 - (1.0 - model.value("lapse_notice_per_contact", lapse))
                      * (1.0 - admin), admin)
    return lapse[model.streams.uniform(stream, model.month, lapse) < notice]


def step(model: World, on: np.ndarray) -> None:
    """Breaches of the work obligation and sanctions; unmet information duties and stops for
    non-cooperation."""
    m, t = model.mothers, model.month
    most = largest_lapse_factor(model)
    obliged = on[~m.exempt[on]]
    lapse = _lapsed(model, obliged, "lapse_hazard", "lapse", most)
    noticed = _noticed(model, lapse, "lapse_admin_check_rate", "lapse_notice")
    m.last_sanction[noticed] = t
    model.count("lapses", lapse)
    model.count("lapses_noticed", noticed)
    model.count("sanctions", noticed)
    # Stopped mothers are no longer on assistance: drawn after the sanctions, on everyone
    # on assistance at the start of the step.
    info = _lapsed(model, on, "info_lapse_hazard", "info_lapse", most)
    stop = _noticed(model, info, "info_admin_check_rate", "info_lapse_notice")
    model.count("info_lapses", info)
    model.count("info_lapses_noticed", stop)
    leave_assistance(model, stop, Status.NONCOOPERATION)


class Sanctions(Module):
    """Breaches of the work obligation and the cut that follows, lapses of the information duty and no-shows that stop the benefit."""

    name = "sanctions"
    title = "Lapses, sanctions and stops"
    title_nl = "Verzuim, maatregelen en stopzettingen"
    description = ("Breaches of the work obligation and the cut that follows, lapses of the information duty and no-shows that stop the benefit.")
    description_nl = ("Schending van de arbeidsplicht en de maatregel die volgt, schending van de inlichtingenplicht en niet verschijnen, die tot stopzetting leiden.")
    parameters = ParameterSet(())
    metrics = core_metrics(
        "sanctioned", "lapses", "lapses_noticed",
        "sanctions", "info_lapses", "info_lapses_noticed",
        "no_shows")
