"""Step 3: coaches meet clients as their caseload allows (then lapses and sanctions).

A contact builds trust in services, detects barriers and gets referrals taken up, can
teach that the top-up continues alongside part-time pay, and renews agreements. What a
mother tells depends on her trust: detection and uptake are their value at trust 0.5
times ``1 + disclosure_trust_effect * (2 * trust - 1)`` (004:655: without trust mothers do
not tell what holds them back). Only referrals taken up resolve.

Lapses, sanctions and stops for non-cooperation follow in the same step
(:mod:`simulate.steps.sanctions`): lower caseloads mean more contact, so more lapses are
noticed, more sanctions imposed and more benefits stopped, besides the help that contact
brings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from simulate.compiled import compiled
from simulate.metrics import core_metrics
from simulate.module import Module
from simulate.parameters import (
    ASSUMPTION,
    ASSUMPTION_NL,
    CBS_SANCTIONS,
    INSPECTIE_SANCTIONS,
    ROTTERDAM,
    SANCTIONS_WORK,
    Parameter,
    ParameterSet,
    amount,
    count,
    factor,
    hazard,
    share,
)
from simulate.population import toward_one
from simulate.states import Barrier, Status
from simulate.steps import sanctions

if TYPE_CHECKING:
    from simulate.steps import World

RESOLUTION = {
    Barrier.DEBTS: "barrier_debts_resolution",
    Barrier.HEALTH: "barrier_health_resolution",
    Barrier.LANGUAGE: "barrier_language_resolution",
    Barrier.CARE: "barrier_care_resolution",
}


def assign(model: World, ids: np.ndarray, coaches: np.ndarray) -> np.ndarray:
    """Give ``ids`` (in order) to the least-loaded of ``coaches`` that have room.

    Fills caseloads level by level, so coaches stay within one client of each other and
    nobody exceeds ``caseload_max``; in a batch, each replicate's mothers among its own
    coaches (:meth:`World.replicates_of`). Returns the ids that got a coach, replicate
    by replicate, each in order. One compiled loop (:func:`_assign_loop`): the same
    choices as :func:`least_loaded` per replicate, which looped over a batch's
    replicates in Python, a fifth of the coaching step.
    """
    ids = np.ascontiguousarray(ids, dtype=np.int64)
    coaches = np.ascontiguousarray(coaches, dtype=np.int64)
    table = model.coaches
    of_id, of_coach, k = model.replicates_of(ids, coaches, len(table))
    got, chosen = _assign(ids, np.ascontiguousarray(of_id, dtype=np.int64), coaches,
                            np.ascontiguousarray(of_coach, dtype=np.int64), table.caseload,
                            table.capacity, k)
    model.mothers.coach[got] = chosen
    return got


def _assign_loop(ids, of_id, pool, of_pool, load, capacity, k):  # pragma: no cover
    """:func:`assign`'s choices: for each replicate ``r`` in turn, its mothers (``ids``
    whose ``of_id`` is ``r``, in order) take the free slots of its coaches (``pool``
    whose ``of_pool`` is ``r``) level by level, then coach by coach in ``pool``'s order
    (:func:`least_loaded`); ``load`` gains the clients. Returns the mothers who got a
    coach and their coaches."""
    got = np.empty(ids.size, dtype=np.int64)
    chosen = np.empty(ids.size, dtype=np.int64)
    n = 0
    mine = np.empty(pool.size, dtype=np.int64)
    before = np.empty(pool.size, dtype=np.int64)
    for r in range(k):
        size = 0
        for j in range(pool.size):
            if of_pool[j] == r:
                mine[size] = pool[j]
                size += 1
        lo, hi, room = 0, 0, False
        for j in range(size):
            w = mine[j]
            before[j] = load[w]
            if capacity[w] > load[w]:
                lo = load[w] if not room or load[w] < lo else lo
                hi = capacity[w] if not room or capacity[w] > hi else hi
                room = True
        if not room:
            continue
        i = 0  # the next of ids to look at
        for level in range(lo, hi):
            for j in range(size):
                if before[j] <= level < capacity[mine[j]]:
                    while i < ids.size and of_id[i] != r:
                        i += 1
                    if i == ids.size:
                        break
                    got[n] = ids[i]
                    chosen[n] = mine[j]
                    load[mine[j]] += 1
                    n += 1
                    i += 1
            else:
                continue
            break
    return got[:n], chosen[:n]


_assign = compiled(_assign_loop)


def least_loaded(load: np.ndarray, capacity: np.ndarray, k: int) -> np.ndarray:
    """For ``k`` newcomers in order, the index of the worker each joins: always the one
    with the lowest load that has room (ties to the lower index); fewer than ``k`` when
    room runs out."""
    room = capacity > load
    if k <= 0 or not room.any():
        return np.zeros(0, dtype=np.int64)
    # Free slots on a grid of (load level the slot brings, worker): read row by row, it
    # lists them by level, then by worker; the first k are taken. It has a row per level
    # from the lowest load to the largest capacity.
    levels = np.arange(load[room].min(), capacity[room].max())[:, None]
    return np.nonzero((load <= levels) & (levels < capacity))[1][:k]


def update_caseloads(model: World) -> np.ndarray:
    """Recount every coach's clients among mothers on assistance; returns their ids."""
    m = model.mothers
    on = m.ids_where(Status.ON_ASSISTANCE)
    coach = m.coach[on]
    model.coaches.caseload[:] = np.bincount(coach[coach >= 0], minlength=len(model.coaches))
    return on


def disclosure(model: World, ids: np.ndarray) -> np.ndarray:
    """Relative willingness to tell and accept help: 1 at trust 0.5 (see module docstring)."""
    effect = model.value("disclosure_trust_effect", ids, np.float32)
    return 1.0 + effect * (2.0 * model.mothers.trust_services[ids] - 1.0)


# The draws of a conversation in which a mother tells what holds her back: one uniform per
# mother for each barrier's detection and each registered referral's uptake (drawn only
# for the mothers to whom it can apply; draws are keyed by id, so that changes nothing).
DISCLOSURE_STREAMS = (*(f"detect:{b.name}" for b in Barrier),
                      *(f"uptake:{b.name}" for b in Barrier))

Uniforms = Callable[[list[str], np.ndarray], dict[str, np.ndarray]]


def disclose(model: World, ids: np.ndarray, uniforms: Uniforms,
             factor: float = 1.0) -> tuple[int, int]:
    """A conversation in which mothers ``ids`` tell what holds them back as far as their
    trust allows (004:655), as at a coach contact: each unregistered barrier is detected
    (and registered), and each registered referral taken up, with its chance per contact
    times :func:`disclosure` times ``factor``.

    Args:
        model: The model.
        ids: The mothers in the conversation.
        uniforms: ``uniforms(stream_names, ids)`` gives the draws of the names in
            :data:`DISCLOSURE_STREAMS`.
        factor: The conversation's chances relative to a coach contact's.

    Returns:
        The numbers of barriers detected and of referrals taken up.
    """
    _, detected, taken = conversation(model, ids, uniforms, factor)
    return int(detected.sum()), int(taken.sum())


def conversation(model: World, ids: np.ndarray, uniforms: Uniforms,
                 factor: float = 1.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`disclose`, returning who had anything to tell and, for each of them, how many
    barriers were detected and how many referrals taken up."""
    m = model.mothers
    tell = disclosure(model, ids) * factor
    detect_p = np.minimum(model.value("barrier_detection_per_contact", ids, tell.dtype) * tell,
                          1.0)
    uptake_p = np.minimum(model.value("referral_uptake_per_contact", ids, tell.dtype) * tell,
                          1.0)
    # As they stand before the conversation (each barrier below changes only its own bit,
    # so all barriers are decided at once): a referral registered before it can be taken
    # up now, an unregistered barrier detected.
    registered = m.barriers_registered[ids]
    pending_all = registered & ~m.barriers_referred[ids]
    unseen_all = m.barriers[ids] & ~registered
    who = np.flatnonzero(pending_all | unseen_all)
    if len(who) == 0:
        return who, who, who
    # One pass draws every barrier's streams for the mothers who have any to tell (a draw
    # is keyed by id, so drawing more of them changes no draw), one row per barrier.
    u = uniforms(list(DISCLOSURE_STREAMS), ids[who])
    bits = _BARRIER_BITS[:, None]
    take = ((pending_all[who] & bits) != 0) & (
        np.stack([u[f"uptake:{b.name}"] for b in Barrier]) < uptake_p[who])
    detect = ((unseen_all[who] & bits) != 0) & (
        np.stack([u[f"detect:{b.name}"] for b in Barrier]) < detect_p[who])
    told = ids[who]
    m.barriers_referred[told] |= _bits_of(take, bits)
    m.barriers_registered[told] |= _bits_of(detect, bits)
    return told, np.count_nonzero(detect, axis=0), np.count_nonzero(take, axis=0)


# Each barrier's bit, in the order of Barrier, and in the order of RESOLUTION.
_BARRIER_BITS = np.array([1 << b for b in Barrier], dtype=np.uint8)
_RESOLUTION_BITS = np.array([1 << b for b in RESOLUTION], dtype=np.uint8)


def _bits_of(chosen: np.ndarray, bits: np.ndarray) -> np.ndarray:
    """A bit mask per column of ``chosen`` (a row per barrier, whose bits ``bits`` are, as
    a column): the bits chosen."""
    return np.bitwise_or.reduce(np.where(chosen, bits, np.uint8(0)), axis=0)


def step(model: World) -> None:
    m, t, s = model.mothers, model.month, model.streams
    table = model.coaches
    on = update_caseloads(model)
    waiting = on[m.coach[on] < 0]
    assign(model, waiting, table.available_regular)

    coached = on[m.coach[on] >= 0]
    # The chance of a contact this month, per coach and whether the client is exempt
    # (one row each), looked up per client.
    rate = table.contacts / np.maximum(table.caseload, 1)
    exempt = rate * model.by_block("exempt_contact_factor", len(table))
    chance = -np.expm1(-np.stack([rate, exempt]))
    row = m.exempt[coached].astype(np.int64)
    row *= len(table)
    row += m.coach[coached]
    appointed = coached[s.uniform("contact", t, coached) < chance.ravel()[row]]
    # Some do not come and do not answer the reminder: the benefit is suspended and
    # stopped (exit for non-cooperation). More appointments, more such stops (Böheim,
    # Eppel & Mahringer 2023: more meetings, more exits from the labour force).
    stop = sanctions.no_shows(model, appointed)
    met = appointed
    if len(stop):
        # They have left assistance, as nobody else here has: their status says who they
        # are more cheaply than a search for them.
        met = appointed[m.status[appointed] == Status.ON_ASSISTANCE]
        on = on[m.status[on] == Status.ON_ASSISTANCE]
    m.contacted[met] = True
    m.last_contact[met] = t
    model.count("coach_contacts", met)
    _contact(model, met)
    _resolve(model, on)

    # Confidence and trust drift back towards the mother's own level, for the mothers on
    # assistance, in one compiled pass (:func:`_revert_loop`).
    r = np.atleast_1d(np.asarray(model.value("psych_reversion_per_month", np.s_[: m.n],
                                             np.float32), dtype=np.float32))
    _revert(m.status[: m.n], int(Status.ON_ASSISTANCE), r, m.trust_services[: m.n],
              m.trust_services_own[: m.n], m.confidence[: m.n], m.confidence_own[: m.n])
    sanctions.step(model, on)


def _revert_loop(status, on, rate, trust, trust_own, confidence,
                 confidence_own):  # pragma: no cover (compiled)
    """Trust and confidence of each row with ``status`` ``on`` move ``rate`` (one value,
    or one per row) of the way back to her own levels, in float32 as numpy computes the
    float32 columns with a float32 rate."""
    for i in range(status.size):
        if status[i] != on:
            continue
        r = rate[i if rate.size > 1 else 0]
        trust[i] = trust[i] + r * (trust_own[i] - trust[i])
        confidence[i] = confidence[i] + r * (confidence_own[i] - confidence[i])


_revert = compiled(_revert_loop)


def _contact(model: World, met: np.ndarray) -> None:
    """A coach contact: trust gained as the coach's trust multiplier allows."""
    s, t = model.streams, model.month
    contact(model, met, model.coaches.trust[model.mothers.coach[met]],
            lambda names, ids: s.uniforms(names, t, ids))


def contact(model: World, met: np.ndarray, trust_multiplier,
            uniforms: Uniforms) -> None:
    """What a contact does: trust, disclosure and referrals, top-up knowledge.

    Args:
        model: The model.
        met: Mothers met this month.
        trust_multiplier: Trust gained per contact relative to a regular coach's (a number
            or one per mother).
        uniforms: ``uniforms(stream_names, ids)`` gives the contact's draws: the coaching
            step's own streams, or a policy's scoped streams for a programme's contacts.
    """
    m = model.mothers
    # At most the whole gap to full trust (a larger multiplier would overshoot past 1).
    multiplier = np.asarray(trust_multiplier)
    gain = np.minimum(model.value("trust_gain_per_contact", met, multiplier.dtype) * multiplier,
                      1.0)
    toward_one(m.trust_services, met, gain)
    told, detected, taken = conversation(model, met, uniforms)
    model.count("barriers_detected", told, detected)
    model.count("referrals_taken_up", told, taken)
    told = met[uniforms(["topup_info"], met)["topup_info"]
               < model.value("topup_info_per_contact", met)]
    m.knows_topup[told] = True


def _resolve(model: World, on: np.ndarray) -> None:
    """Barriers whose referral was taken up resolve over time."""
    m, t = model.mothers, model.month
    referred = on[np.flatnonzero(m.barriers_referred[on])]
    if len(referred) == 0:
        return
    mask = m.barriers_referred[referred]
    u = model.streams.uniforms([f"resolve:{b.name}" for b in RESOLUTION], t, referred)
    bits = _RESOLUTION_BITS[:, None]
    solved = ((mask & bits) != 0) & np.stack(
        [u[f"resolve:{b.name}"] < model.value(name, referred) for b, name in RESOLUTION.items()])
    clear = ~_bits_of(solved, bits)
    m.barriers[referred] &= clear
    m.barriers_registered[referred] &= clear
    m.barriers_referred[referred] &= clear
    model.count("barriers_resolved", referred, np.count_nonzero(solved, axis=0))


# What this step reads of the model's parameters, declared here; simulate.parameters.PARAMETERS
# holds every module's, in the order of the month's steps.
PARAMETERS: tuple[Parameter, ...] = (
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
          source_nl=ASSUMPTION_NL),
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
          source_nl=ASSUMPTION_NL),
    amount("hours_per_contact", 1.5, (1.0, 3.0), ASSUMPTION + ": incl. preparation and report",
           "Coach hours per client contact.", unit="hours", lo=0.1, hi=100.0,
           doc_nl="Uren van de klantmanager per klantcontact.",
           unit_nl="uur",
           source_nl="aanname: inclusief voorbereiding en verslag"),
    factor("exempt_contact_factor", 0.5, (0.2, 1.0), ASSUMPTION,
           "Contact rate of an exempted mother relative to others.",
           doc_nl="Hoe vaak een moeder met ontheffing contact heeft, ten opzichte van anderen.",
           unit_nl="factor",
           source_nl=ASSUMPTION_NL),
    share("trust_gain_per_contact", 0.08, (0.02, 0.15), ASSUMPTION,
          "Share of the gap to full trust in services closed by one contact.",
          unit="share of gap",
          doc_nl=("Deel van de afstand tot volledig vertrouwen in de gemeente dat één contact "
                  "overbrugt."),
          unit_nl="deel van de afstand",
          source_nl=ASSUMPTION_NL),
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
          source_nl=ASSUMPTION_NL),
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
           source_nl=ASSUMPTION_NL),
    hazard("barrier_health_resolution", 0.05, (0.02, 0.1), ASSUMPTION,
           "Monthly probability that a referred health problem is resolved.",
           doc_nl="Kans per maand dat een doorverwezen gezondheidsprobleem is opgelost.",
           unit_nl="kans per maand",
           source_nl=ASSUMPTION_NL),
    hazard("barrier_language_resolution", 0.03, (0.01, 0.06), ASSUMPTION,
           "Monthly probability that a referred language barrier is resolved.",
           doc_nl="Kans per maand dat een doorverwezen taalbarrière is opgelost.",
           unit_nl="kans per maand",
           source_nl=ASSUMPTION_NL),
    hazard("barrier_care_resolution", 0.05, (0.02, 0.1), ASSUMPTION,
           "Monthly probability that a referred care burden is resolved.",
           doc_nl="Kans per maand dat een doorverwezen zware zorgtaak is opgelost.",
           unit_nl="kans per maand",
           source_nl=ASSUMPTION_NL),
    share("topup_info_per_contact", 0.05, (0.0, 0.2), ASSUMPTION,
          "Probability that a contact teaches a mother that the top-up continues.",
          unit="probability",
          doc_nl=("Kans dat een moeder in een contact hoort dat de bijstand een deeltijdloon "
                  "blijft aanvullen."),
          unit_nl="kans",
          source_nl=ASSUMPTION_NL),
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
           source_nl=ASSUMPTION_NL),
    factor("lapse_stress_effect", 0.5, (0.0, 2.0), ASSUMPTION,
           "Extra relative risk of a lapse at full stress.",
           doc_nl="Extra relatief risico op een verzuim bij maximale stress.",
           unit_nl="factor",
           source_nl=ASSUMPTION_NL),
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
          source_nl=ASSUMPTION_NL),
    amount("regular_coach_cost_per_month_eur", 6500.0, (4500.0, 9000.0),
           ASSUMPTION + ": employer cost of a full-time work coach",
           "Cost of one regular coach per month; the number of regular coaches follows "
           "regular_caseload_target.", unit="EUR per coach per month",
           doc_nl=("Kosten van één reguliere klantmanager per maand; het aantal reguliere "
                   "klantmanagers volgt uit regular_caseload_target."),
           unit_nl="euro per klantmanager per maand",
           source_nl="aanname: loonkosten van een voltijds werkcoach"),
)


class Coaching(Module):
    """Regular coaches and their caseloads, contacts, disclosed and registered barriers, referrals to services and their effects."""

    name = "coaching"
    title = "Coaching by the klantmanager"
    title_nl = "Begeleiding door de klantmanager"
    description = ("Regular coaches and their caseloads, contacts, disclosed and registered barriers, referrals to services and their effects.")
    description_nl = ("Reguliere klantmanagers en hun caseload, contactmomenten, gemelde en geregistreerde belemmeringen, doorverwijzingen naar hulp en wat die opleveren.")
    parameters = ParameterSet(PARAMETERS)
    metrics = core_metrics(
        "coach_caseload_mean", "coach_caseload_max", "regular_caseload_mean",
        "regular_caseload_max", "regular_coaches", "regular_coach_hours",
        "regular_coach_cost_eur", "coach_waiting", "coach_contacts",
        "barrier_registered_any", "barrier_referred_any", "barriers_detected",
        "referrals_taken_up", "barriers_resolved")
