"""Step 4: stress events and moves up and down the participation ladder.

Confidence, supportive ties (her own network; peer-group ties act through the group's
modifier, docs/model.md) and coach contact push a mother up; active barriers and an
exemption hold her back; stress, stress events (a sick child, a crisis) and a recent step
up ("fast change can cause a setback") push her down. The ladder's steps 1-4 move here;
step 5 (part-time work with a top-up) and 6 (work) come from the job steps. Stress events
also strike mothers in work: a sick child raises the risk of job loss and of informal
care breaking down.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from simulate.compiled import compiled
from simulate.metrics import core_metrics
from simulate.module import Module
from simulate.parameters import (
    ASSUMPTION,
    ASSUMPTION_NL,
    PRACTICE,
    Parameter,
    ParameterSet,
    count,
    factor,
    hazard,
    share,
)
from simulate.population import as_float32, toward_one
from simulate.states import LADDER_PARTTIME, Barrier, Status
from simulate.steps import BOUND_MARGIN

if TYPE_CHECKING:
    from simulate.parameters import Params
    from simulate.steps import World


def network_push(p: Params, ties: np.ndarray, effect: Any = None) -> np.ndarray:
    """Relative chance of a step up from ``ties`` supportive ties: it grows linearly with
    ties up to ``ladder_network_full_ties`` (``effect``: ``ladder_network_effect``, or one
    per row in a batch of worlds)."""
    full = p.ladder_network_full_ties
    effect = p.ladder_network_effect if effect is None else effect
    return 1.0 + effect * (np.minimum(ties, full) / full)


def _stress_loop(followed, jumped, stress, own, barriers, effect, recovery,
                 jump):  # pragma: no cover (compiled)
    """Each followed row's stress, moved towards her own level plus ``effect`` per barrier
    (at most 1) by ``recovery``, then the ``jump`` of a stress event (``jumped``) of the
    way to 1, kept within 0 and 1. A parameter is one value (every row's) or one per row.
    The same float64 operations in the same order as the numpy expression this replaces,
    on the followed rows only, stored in the column's float32."""
    for i in range(followed.size):
        if not followed[i]:
            continue
        bits = barriers[i]
        count = 0
        while bits:
            count += bits & 1
            bits >>= 1
        baseline = min(np.float64(own[i]) + effect[i if effect.size > 1 else 0]
                       * np.float64(count), 1.0)
        level = np.float64(stress[i])
        moved = level + recovery[i if recovery.size > 1 else 0] * (baseline - level)
        if jumped[i]:
            moved += jump[i if jump.size > 1 else 0] * (1 - moved)
        stress[i] = np.float32(min(max(moved, 0.0), 1.0))


_stress = compiled(_stress_loop)


def stress_events(model: World, followed: np.ndarray) -> None:
    """Stress events and stress of the followed mothers (``followed``: a mask over the rows
    in use; on assistance or in work)."""
    m, t = model.mothers, model.month
    n = m.n
    ids = np.flatnonzero(followed)
    barriers = m.barriers[:n]
    # An event needs a uniform below the chance, which is at most the larger of the two.
    u = model.streams.uniform("stress_event", t, ids)
    cand = np.flatnonzero(u < model.most(
        lambda p: max(p.stress_event_base, p.stress_event_base * p.stress_event_debt_factor)))
    base = model.value("stress_event_base", ids[cand])
    with_debts = base * model.value("stress_event_debt_factor", ids[cand])
    debts = (barriers[ids[cand]] & np.uint8(1 << Barrier.DEBTS)) != 0
    hit = ids[cand[u[cand] < np.where(debts, with_debts, base)]]
    m.stress_event[hit] = True
    # Stress moves towards her own level plus the barriers', for the followed, in one
    # compiled pass over the rows (:func:`_stress_loop`).
    rows = np.s_[:n]  # every row in use
    jumped = np.zeros(n, dtype=np.bool_)
    jumped[hit] = True
    _stress(followed, jumped, m.stress[:n], m.stress_own[:n], barriers,
              *(np.atleast_1d(np.asarray(model.value(name, rows), dtype=np.float64))
                for name in ("stress_barrier_effect", "stress_recovery_per_month",
                             "stress_event_jump")))
    model.count("stress_events", hit)


def step(model: World) -> None:
    m, p, t = model.mothers, model.params, model.month
    n = m.n
    status = m.status[:n]
    on_now = status == Status.ON_ASSISTANCE
    stress_events(model, on_now | (status == Status.IN_WORK))

    # A step is possible only where the uniform lies below the largest chance of a step up
    # or at or above one less the largest chance of a step down; the chances are computed
    # for those mothers only (the bounds take a margin for rounding).
    movers = np.flatnonzero(on_now & ~m.parttime[:n])
    u = model.streams.uniform("ladder", t, movers)
    most_up, most_down = largest_chances(model)
    cand = np.flatnonzero((u < most_up) | (u >= 1.0 - most_down))
    movers, u = movers[cand], u[cand]

    # The mother's own supportive ties; ties made in a peer group do not push the ladder
    # here (the group's ladder channel is its members' modifier while it runs).
    met = np.flatnonzero(m.contacted[movers])
    effect = np.zeros(len(movers))
    effect[met] = model.coaches.effect[np.maximum(m.coach[movers[met]], 0)]
    floor = p.confidence_floor
    up = (model.value("ladder_up_base", movers, np.float32) * (floor + m.confidence[movers])
          / (floor + 0.5)
          * (1.0 + model.value("ladder_contact_effect", movers) * effect)
          * network_push(p, m.network_ties[movers], model.value("ladder_network_effect", movers))
          * _barrier_factor(model, movers)
          * np.where(m.exempt[movers], model.value("ladder_exempt_factor", movers), 1.0)
          * m.mod_ladder_up[movers])
    up = np.clip(up, 0.0, 1.0)
    recent = ((t - m.last_step_up[movers])
              <= model.value("fast_change_window_months", movers, np.int64))
    down = (model.value("ladder_down_base", movers, np.float32)
            * (1.0 + model.value("ladder_stress_effect", movers, np.float32) * m.stress[movers])
            * (1.0 + model.value("ladder_fast_change_effect", movers) * recent))
    event = np.flatnonzero(m.stress_event[movers])
    down[event] *= model.value("ladder_event_down_factor", movers[event])
    down = np.minimum(down, 1.0 - up)

    ladder = m.ladder[movers]
    step_up = movers[(u < up) & (ladder < LADDER_PARTTIME - 1)]
    step_down = movers[(u >= 1.0 - down) & (ladder > 1)]
    m.ladder[step_up] += 1
    m.last_step_up[step_up] = t
    toward_one(m.confidence, step_up, model.value("confidence_gain_step_up", step_up, np.float32))
    m.ladder[step_down] -= 1
    m.confidence[step_down] *= as_float32(1.0 - model.value("confidence_loss_step_down",
                                                            step_down))
    model.count("ladder_up", step_up)
    model.count("ladder_down", step_down)


def _barrier_penalty(p: Params) -> np.ndarray:
    """The chance of a step up relative to none, per number of active barriers (0 to 8:
    barriers are the bits of a byte)."""
    return (1.0 - p.ladder_barrier_penalty) ** np.arange(9)


def _barrier_factor(model: World, rows: np.ndarray) -> np.ndarray:
    """:func:`_barrier_penalty` for the active barriers of each of ``rows``, in her own
    world's penalty."""
    active = np.bitwise_count(model.mothers.barriers[rows])
    penalty = model.value("ladder_barrier_penalty", rows)
    if np.isscalar(penalty):
        return _barrier_penalty(model.params)[active]
    return (1.0 - penalty) ** active.astype(np.int64)


def largest_chances(model: World) -> tuple[float, float]:
    """Upper bounds of this month's chances of a step up and of a step down: each factor
    of the chance at its largest (the factors are not negative)."""
    m, p = model.mothers, model.params
    n = m.n
    floor = p.confidence_floor
    effects = np.append(model.coaches.effect, 0.0)
    up = (model.most(lambda p: p.ladder_up_base)
          * (floor + max(float(m.confidence[:n].max(initial=0.0)), 0.0))
          / (floor + 0.5)
          * model.most(lambda p: float(np.max(1.0 + p.ladder_contact_effect * effects)))
          * model.most(lambda p: float(network_push(
              p, np.array([0, p.ladder_network_full_ties])).max()))
          * model.most(lambda p: float(_barrier_penalty(p).max()))
          * model.most(lambda p: max(p.ladder_exempt_factor, 1.0))
          * max(float(m.mod_ladder_up[:n].max(initial=0.0)), 0.0))
    stress = max(float(m.stress[:n].max(initial=0.0)), 0.0)
    down = (model.most(lambda p: p.ladder_down_base * (1.0 + p.ladder_stress_effect * stress))
            * model.most(lambda p: max(1.0 + p.ladder_fast_change_effect, 1.0))
            * model.most(lambda p: max(p.ladder_event_down_factor, 1.0)))
    return min(up * (1.0 + BOUND_MARGIN), 1.0), min(down * (1.0 + BOUND_MARGIN), 1.0)


# What this step reads of the model's parameters, declared here; simulate.parameters.PARAMETERS
# holds every module's, in the order of the month's steps.
PARAMETERS: tuple[Parameter, ...] = (
    # ---- participation ladder ------------------------------------------------------------
    hazard("ladder_up_base", 0.05, (0.02, 0.1), ASSUMPTION,
           "Monthly probability of a step up at confidence 0.5, without contact; it scales "
           "with confidence_floor + confidence.",
           doc_nl=("Kans per maand op een trede omhoog bij zelfvertrouwen 0,5, zonder contact; "
                   "schaalt met confidence_floor + zelfvertrouwen."),
           unit_nl="kans per maand",
           source_nl=ASSUMPTION_NL),
    share("confidence_floor", 0.5, (0.25, 1.0), ASSUMPTION,
          "Part of the chances of a step up and of a job offer that does not depend on "
          "confidence: they scale with (confidence_floor + confidence) / (confidence_floor "
          "+ 0.5), which is 1 at confidence 0.5.",
          unit="confidence units", kind="setting",
          doc_nl=("Deel van de kansen op een trede omhoog en op een baanaanbod dat niet van "
                  "zelfvertrouwen afhangt: ze schalen met (confidence_floor + zelfvertrouwen) / "
                  "(confidence_floor + 0,5), wat 1 is bij zelfvertrouwen 0,5."),
          unit_nl="eenheden zelfvertrouwen",
          source_nl=ASSUMPTION_NL),
    hazard("ladder_down_base", 0.015, (0.005, 0.04), ASSUMPTION,
           "Monthly probability of a step down without stress.",
           doc_nl="Kans per maand op een trede omlaag zonder stress.",
           unit_nl="kans per maand",
           source_nl=ASSUMPTION_NL),
    factor("ladder_contact_effect", 1.0, (0.2, 2.0), ASSUMPTION,
           "Extra relative chance of a step up in a month with coach contact.",
           doc_nl=("Extra relatieve kans op een trede omhoog in een maand met contact met de "
                   "klantmanager."),
           unit_nl="factor",
           source_nl=ASSUMPTION_NL),
    factor("ladder_network_effect", 0.5, (0.0, 1.5), ASSUMPTION,
           "Extra relative chance of a step up with a full network (it grows linearly with "
           "ties until then).",
           doc_nl=("Extra relatieve kans op een trede omhoog met een volledig netwerk (tot dan "
                   "groeit die gelijkmatig met het aantal contacten)."),
           unit_nl="factor",
           source_nl=ASSUMPTION_NL),
    count("ladder_network_full_ties", 6, (3, 10), ASSUMPTION,
          "Supportive ties at which the network's push up the ladder is full.", lo=1,
          hi=100, unit="ties", kind="setting",
          doc_nl=("Steunende contacten waarbij het netwerk volledig helpt om op de ladder te "
                  "stijgen."),
          unit_nl="contacten",
          source_nl=ASSUMPTION_NL),
    share("ladder_barrier_penalty", 0.25, (0.1, 0.5), ASSUMPTION,
          "Relative drop in the chance of a step up per active barrier.",
          unit="share per barrier",
          doc_nl="Relatieve daling van de kans op een trede omhoog per actieve belemmering.",
          unit_nl="deel per belemmering",
          source_nl=ASSUMPTION_NL),
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
           source_nl=ASSUMPTION_NL),
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
          source_nl=ASSUMPTION_NL),
    factor("ladder_event_down_factor", 2.0, (1.0, 4.0), ASSUMPTION,
           "Relative risk of a step down in a month with a stress event.",
           doc_nl=("Relatief risico op een trede omlaag in een maand met een stressvolle "
                   "gebeurtenis."),
           unit_nl="factor",
           source_nl=ASSUMPTION_NL),
    share("confidence_gain_step_up", 0.06, (0.02, 0.12), ASSUMPTION,
          "Share of the gap to full confidence closed by a step up.", unit="share of gap",
          doc_nl="Deel van de afstand tot volledig zelfvertrouwen dat een trede omhoog overbrugt.",
          unit_nl="deel van de afstand",
          source_nl=ASSUMPTION_NL),
    share("confidence_loss_step_down", 0.06, (0.02, 0.12), ASSUMPTION,
          "Share of confidence lost by a step down.", unit="share of level",
          doc_nl="Deel van het zelfvertrouwen dat een trede omlaag kost.",
          unit_nl="deel van het niveau",
          source_nl=ASSUMPTION_NL),
    share("confidence_loss_failed_offer", 0.05, (0.0, 0.12), ASSUMPTION,
          "Share of confidence lost when a job offer fails.", unit="share of level",
          doc_nl="Deel van het zelfvertrouwen dat verloren gaat als een baanaanbod niet doorgaat.",
          unit_nl="deel van het niveau",
          source_nl=ASSUMPTION_NL),
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
          source_nl=ASSUMPTION_NL),
    share("stress_recovery_per_month", 0.15, (0.05, 0.3), ASSUMPTION,
          "Monthly pull of stress back to its baseline.", unit="share of gap per month",
          doc_nl="Hoe snel stress per maand teruggaat naar het basisniveau.",
          unit_nl="deel van de afstand per maand",
          source_nl=ASSUMPTION_NL),
    share("stress_barrier_effect", 0.1, (0.0, 0.2), ASSUMPTION,
          "Baseline stress added per active barrier.", unit="stress per barrier",
          doc_nl="Extra basisstress per actieve belemmering.",
          unit_nl="stress per belemmering",
          source_nl=ASSUMPTION_NL),
    factor("stress_event_debt_factor", 1.5, (1.0, 3.0), ASSUMPTION,
           "Relative risk of a stress event with problematic debts.",
           doc_nl="Relatief risico op een stressvolle gebeurtenis bij problematische schulden.",
           unit_nl="factor",
           source_nl=ASSUMPTION_NL),
)


class Ladder(Module):
    """Steps up and down the participation ladder, and the stress events that set a mother back."""

    name = "ladder"
    title = "The participation ladder"
    title_nl = "De participatieladder"
    description = ("Steps up and down the participation ladder, and the stress events that set a mother back.")
    description_nl = ("Stappen op en neer op de participatieladder, en de tegenslagen die een moeder terugzetten.")
    parameters = ParameterSet(PARAMETERS)
    metrics = core_metrics(
        "ladder_1", "ladder_2", "ladder_3",
        "ladder_4", "ladder_5", "ladder_up",
        "ladder_down", "stress_events")
