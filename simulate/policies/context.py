"""What a policy may use: :class:`PolicyContext`.

A policy sees the model through a context, one per policy instance, handed to every hook.
It gives the policy:

- random draws scoped to the policy's label (``ctx.uniform("invite", ids)`` draws stream
  ``"<label>:invite"``), which refuse to hand out the same (stream, month) draws twice for
  the same mother: a second draw would repeat the first's numbers and silently couple
  two decisions (:class:`StreamReuseError`);
- the one target-group predicate (:meth:`PolicyContext.target_group`) and who needs
  childcare;
- the monthly modifier columns (:meth:`PolicyContext.scale`) and a floor on the chance of
  a job offer (:meth:`PolicyContext.floor_offer`);
- this month's accepted job offers (in ``allocate``);
- coaches, childcare places, ties and conversations in which mothers tell what holds them
  back, through a handful of operations;
- the mothers' columns (``ctx.mothers``), read-only, and the writers a policy changes them
  through (``gain``, ``keep``, ``raise_ladder``, ``resolve_barrier``...), each with its guard
  (confidence and trust gained in sessions, a registration, a ladder step).

Exits, offers and job loss stay the model's mechanics, so policies compose.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from simulate.population import ADDITIVE_MODIFIERS, MODIFIERS, NEVER, toward_one
from simulate.states import LADDER_PARTTIME, Status

if TYPE_CHECKING:
    from simulate.model import PathwaysModel
    from simulate.policies.base import Policy
    from simulate.steps.jobs import Offers


class StreamReuseError(RuntimeError):
    """A policy drew the same (stream, month) numbers twice for the same mothers."""


# Levels a policy may move towards 1 (ctx.gain) and the mothers' own lasting levels.
LEVELS = ("confidence", "trust_services", "trust_childcare")
OWN_LEVELS = ("confidence_own", "trust_services_own")


class ReadOnlyMothers:
    """The mothers' columns as a policy sees them: every column read-only (a write raises
    ``ValueError: assignment destination is read-only``); ``n`` and the rest as they are."""

    def __init__(self, mothers) -> None:
        self._mothers = mothers

    def __getattr__(self, name: str):
        value = getattr(self._mothers, name)
        if isinstance(value, np.ndarray):
            value = value.view()
            value.flags.writeable = False
        return value


class PolicyContext:
    """The model as one policy sees it. The model makes one per policy instance.

    Args:
        model: The model.
        policy: The policy this context serves (its label scopes the random streams).
        guard: Refuse a second draw of a (stream, month) for a mother already drawn.
    """

    def __init__(self, model: PathwaysModel, policy: Policy, guard: bool = True) -> None:
        self._model = model
        self.policy = policy
        self.label = policy.label
        self.guard = guard
        self._drawn: dict[str, np.ndarray] = {}
        self._generators: set[str] = set()
        self._month_drawn: int | None = None

    # ---- the model's state ----------------------------------------------------------------
    @property
    def month(self) -> int:
        return self._model.month

    @property
    def params(self):
        """The model's parameters (read-only)."""
        return self._model.params

    @property
    def mothers(self) -> ReadOnlyMothers:
        """The mothers' columns, read-only (:class:`ReadOnlyMothers`): a policy changes
        them through the writers below (``gain``, ``keep``, ``raise_ladder``...)."""
        return ReadOnlyMothers(self._model.mothers)

    # ---- writers: the only way a policy changes the mothers' own columns -----------------------
    def _ids(self, ids: np.ndarray) -> np.ndarray:
        ids = np.asarray(ids)
        if ids.size and (ids.dtype.kind not in "iu" or ids.min() < 0
                         or ids.max() >= self._model.mothers.n):
            raise ValueError(f"policy {self.label!r} wrote to rows that are no mothers")
        return ids

    def _levels(self, column: str) -> np.ndarray:
        if column not in LEVELS:
            raise ValueError(f"{column!r} is not a level a policy may move; use one of {LEVELS}")
        return getattr(self._model.mothers, column)

    def gain(self, column: str, ids: np.ndarray, share) -> np.ndarray:
        """Move ``column`` (a level between 0 and 1: confidence, trust) of ``ids`` the
        fraction ``share`` (a number or one per mother, 0 to 1) of the way to 1; returns the
        increments."""
        col, ids = self._levels(column), self._ids(ids)
        if not np.all((np.asarray(share) >= 0) & (np.asarray(share) <= 1)):
            raise ValueError(f"policy {self.label!r}: a gain's share must lie in 0 to 1")
        return toward_one(col, ids, share)

    def keep(self, column: str, ids: np.ndarray, amount, cap: bool = True) -> None:
        """Add ``amount`` to her own lasting ``column`` (``confidence_own``,
        ``trust_services_own``), at most 1 unless ``cap`` is off."""
        if column not in OWN_LEVELS:
            raise ValueError(f"{column!r} is not an own level; use one of {OWN_LEVELS}")
        col, ids = getattr(self._model.mothers, column), self._ids(ids)
        if cap:
            col[ids] = np.minimum(col[ids] + amount, np.float32(1.0))
        else:
            col[ids] += amount

    def relieve_stress(self, ids: np.ndarray, factor) -> None:
        """Multiply the stress of ``ids`` by ``factor`` (0 to 1)."""
        ids = self._ids(ids)
        if not np.all((np.asarray(factor) >= 0) & (np.asarray(factor) <= 1)):
            raise ValueError(f"policy {self.label!r}: stress relief must be a factor in 0 to 1")
        self._model.mothers.stress[ids] *= factor

    def raise_ladder(self, ids: np.ndarray, step: int) -> None:
        """Put ``ids`` on ladder ``step`` where they stand lower (never higher than unpaid
        work, step 4: paid work is the model's)."""
        if not 1 <= step <= LADDER_PARTTIME - 1:
            raise ValueError(f"policy {self.label!r}: a policy may raise the ladder to steps 1 "
                             f"to {LADDER_PARTTIME - 1}, not {step}")
        ladder, ids = self._model.mothers.ladder, self._ids(ids)
        ladder[ids] = np.maximum(ladder[ids], step)

    def tell_topup(self, ids: np.ndarray) -> None:
        """``ids`` now know that assistance tops up part-time pay."""
        self._model.mothers.knows_topup[self._ids(ids)] = True

    def set_request_factor(self, ids: np.ndarray, factor) -> None:
        """Her chance of requesting an exemption relative to others (1: as others)."""
        if not np.all(np.asarray(factor) >= 0):
            raise ValueError(f"policy {self.label!r}: a request factor cannot be negative")
        self._model.mothers.exemption_request_factor[self._ids(ids)] = factor

    def register_barrier(self, ids: np.ndarray, bit) -> None:
        """Her barrier ``bit`` becomes known (registered) to the services."""
        self._model.mothers.barriers_registered[self._ids(ids)] |= bit

    def refer(self, ids: np.ndarray, bit) -> None:
        """``ids`` take up a referral for their barrier ``bit``."""
        self._model.mothers.barriers_referred[self._ids(ids)] |= bit

    def resolve_barrier(self, ids: np.ndarray, bit) -> None:
        """The barrier ``bit`` of ``ids`` is resolved: gone, and off the coach's register
        and referrals."""
        m, ids = self._model.mothers, self._ids(ids)
        for column in (m.barriers, m.barriers_registered, m.barriers_referred):
            column[ids] &= ~bit

    def add_ties(self, ids: np.ndarray, ties) -> None:
        """``ids`` gain ``ties`` supportive ties of their own (not negative)."""
        if not np.all(np.asarray(ties) >= 0):
            raise ValueError(f"policy {self.label!r}: ties gained cannot be negative")
        self._model.mothers.network_ties[self._ids(ids)] += ties

    @property
    def network(self):
        """Ties between mothers (:class:`simulate.network.Network`)."""
        return self._model.network

    @property
    def offers(self) -> Offers:
        """This month's accepted offers; a policy may set ``care`` in ``allocate``."""
        return self._model.offers

    def on_assistance(self) -> np.ndarray:
        """Ids of the mothers on assistance now."""
        return self._model.mothers.ids_where(Status.ON_ASSISTANCE)

    def target_group(self, ids: np.ndarray, max_child_age_months: int,
                     include_pregnant: bool = True) -> np.ndarray:
        """The one target-group predicate: a youngest child under ``max_child_age_months``,
        or (if included) pregnant."""
        m, t = self._model.mothers, self._model.month
        young = (m.n_children[ids] > 0) & (t - m.youngest_birth_month[ids] < max_child_age_months)
        return young | (m.pregnant[ids] & include_pregnant)

    def needs_care(self, ids: np.ndarray) -> np.ndarray:
        """Whether the youngest child is under school age (a job needs childcare)."""
        from simulate.steps.childcare import needs_care
        return needs_care(self._model, ids)

    def _linked(self, name: str) -> None:
        """Refuse a link to another module that this policy does not declare (``uses``)."""
        if name != self.policy.name and name not in self.policy.uses:
            raise LookupError(f"policy {self.policy.name!r} reads module {name!r}, which its "
                              f"declaration does not name: add it to {type(self.policy).__name__}"
                              ".uses")

    def participants_of(self, name: str, ever: bool = False) -> np.ndarray:
        """Mothers taking part (now, or ever) in the scenario's policies called ``name``
        (a module this policy declares in ``uses``, or its own)."""
        self._linked(name)
        ids = [(p.ever_participants(q) if ever else p.participants(q))
               for p, q in self._model.policy_contexts() if p.name == name]
        return np.unique(np.concatenate(ids)) if ids else np.zeros(0, dtype=np.int64)

    def policies_named(self, name: str) -> list[Policy]:
        """The scenario's instances of the policy registered as ``name`` (declared in
        ``uses``, or its own), to use a service it offers (e.g.
        :func:`simulate.policies.work_experience.request_placement`)."""
        self._linked(name)
        return [p for p, _ in self._model.policy_contexts() if p.name == name]

    def other_participants(self, ever: bool = True) -> np.ndarray:
        """Mothers taking part (now, or ever) in any of the scenario's other policies."""
        ids = [(p.ever_participants(q) if ever else p.participants(q))
               for p, q in self._model.policy_contexts() if p is not self.policy]
        return np.unique(np.concatenate(ids)) if ids else np.zeros(0, dtype=np.int64)

    # ---- randomness ----------------------------------------------------------------------------
    def _check(self, name: str, ids: np.ndarray) -> None:
        if not self.guard:
            return
        if self._month_drawn != self._model.month:
            self._drawn.clear()
            self._generators.clear()
            self._month_drawn = self._model.month
        n = self._model.mothers.n
        seen = self._drawn.get(name)
        if seen is None or len(seen) < n:
            grown = np.zeros(max(n, 16), dtype=bool)
            if seen is not None:
                grown[: len(seen)] = seen
            seen = self._drawn[name] = grown
        again = seen[ids]
        if again.any():
            raise StreamReuseError(
                f"policy {self.label!r} drew stream {name!r} twice in month "
                f"{self._model.month} for {int(again.sum())} mothers; a second draw repeats "
                "the first's numbers: key the stream by what differs (e.g. the group)")
        seen[ids] = True

    def uniform(self, name: str, ids: np.ndarray) -> np.ndarray:
        """One uniform per mother for stream ``<label>:name`` this month."""
        ids = np.asarray(ids)
        full = f"{self.label}:{name}"
        self._check(full, ids)
        return self._model.streams.uniform(full, self._model.month, ids)

    def uniforms(self, names: Sequence[str], ids: np.ndarray) -> dict[str, np.ndarray]:
        """:meth:`uniform` for several streams at once; keys are the short names."""
        ids = np.asarray(ids)
        full = [f"{self.label}:{n}" for n in names]
        for f in full:
            self._check(f, ids)
        draws = self._model.streams.uniforms(full, self._model.month, ids)
        return {n: draws[f] for n, f in zip(names, full)}

    def _drawer(self, names: Sequence[str], ids: np.ndarray, prefix: str = ""):
        """For a mechanism that draws streams ``<label>:<prefix><name>`` for subsets of
        ``ids`` (a conversation draws a barrier's detection only for those who have it):
        the reuse guard marks every name as drawn for all of ``ids`` now, so a second
        conversation with any of them in the month is refused whatever their barriers.
        Returns ``draw(names, who) -> {name: uniforms}``."""
        full = {n: f"{self.label}:{prefix}{n}" for n in names}
        for stream in full.values():
            self._check(stream, ids)
        streams, month = self._model.streams, self._model.month
        def draw(wanted: Sequence[str], who: np.ndarray) -> dict[str, np.ndarray]:
            drawn = streams.uniforms([full[n] for n in wanted], month, who)
            return {n: drawn[full[n]] for n in wanted}
        return draw

    def generator(self, name: str) -> np.random.Generator:
        """A NumPy generator for stream ``<label>:name`` this month (draws not per mother);
        asking twice in a month for the same name is refused."""
        full = f"{self.label}:{name}"
        if self.guard:
            if self._month_drawn != self._model.month:
                self._drawn.clear()
                self._generators.clear()
                self._month_drawn = self._model.month
            if full in self._generators:
                raise StreamReuseError(f"policy {self.label!r} asked for generator {name!r} "
                                       f"twice in month {self._model.month}")
            self._generators.add(full)
        return self._model.streams.generator(full, self._model.month)

    # ---- modifiers -----------------------------------------------------------------------------
    def scale(self, modifier: str, ids: np.ndarray, factor) -> None:
        """Multiply this month's ``modifier`` of ``ids`` by ``factor`` (a number or one per
        mother): ``mod_ladder_up`` (chance of a step up), ``mod_offer`` (of a job offer),
        ``mod_job_loss`` (risk of job loss), ``mod_exit_other`` (hazard of leaving for other
        reasons), ``mod_care_cost`` (the childcare cost she weighs against an offer) or
        ``mod_accept_leaving`` (the chance of accepting an offer that ends assistance)."""
        multipliers = tuple(x for x in MODIFIERS if x not in ADDITIVE_MODIFIERS)
        if modifier not in multipliers:
            raise ValueError(f"{modifier!r} is not a multiplier; use one of {multipliers}")
        column = getattr(self._model.mothers, modifier)
        column[ids] *= np.asarray(factor, dtype=np.float32)

    def shift(self, modifier: str, ids: np.ndarray, amount) -> None:
        """Add ``amount`` (a number or one per mother) to this month's additive ``modifier``
        of ``ids``: ``mod_gain_eur`` (EUR a month added to the net income gain she believes
        a job brings)."""
        if modifier not in ADDITIVE_MODIFIERS:
            raise ValueError(f"{modifier!r} is not an additive modifier; use one of "
                             f"{ADDITIVE_MODIFIERS}")
        column = getattr(self._model.mothers, modifier)
        column[ids] += np.asarray(amount, dtype=np.float32)

    def floor_offer(self, ids: np.ndarray, chance) -> None:
        """Raise this month's chance of a job offer of ``ids`` to at least ``chance`` (an
        employer who knows her, such as her work-experience host), also when she is not at
        a step where mothers search; the offer then goes through the model's vacancies,
        acceptance and childcare like any other."""
        floor = self._model.mothers.offer_floor
        floor[ids] = np.maximum(floor[ids], np.asarray(chance, dtype=np.float32))

    def disclosure(self, ids: np.ndarray) -> np.ndarray:
        """How readily ``ids`` tell what holds them back and take up help, relative to a
        mother of middle trust (the coaching step's rule: more with trust, 004:655)."""
        from simulate.steps.coaching import disclosure
        return disclosure(self._model, ids)

    # ---- coaches -------------------------------------------------------------------------------
    def hire_coaches(self, count: int, *, caseload_max: int, client_time_share: float,
                     trust_multiplier: float = 1.0, contact_effect_multiplier: float = 1.0,
                     gender_sensitive: bool = False) -> np.ndarray:
        """Hire ``count`` coaches for this policy (Mesa agents); returns their indices."""
        from simulate.agents import CoachAgent
        core = self._model.params
        return np.array([CoachAgent(self._model, hours_per_month=core.coach_hours_per_month,
                                    client_time_share=client_time_share,
                                    hours_per_contact=core.hours_per_contact,
                                    caseload_max=caseload_max, programme=self.label,
                                    gender_sensitive=gender_sensitive,
                                    trust_multiplier=trust_multiplier,
                                    contact_effect_multiplier=contact_effect_multiplier).index
                         for _ in range(count)], dtype=np.int64)

    def hire_project_workers(self, count: int, **terms) -> list:
        """Hire ``count`` project workers for this policy (Mesa agents working beside the
        coaches; ``terms`` as :class:`simulate.agents.ProjectWorkerAgent` takes them)."""
        from simulate.agents import ProjectWorkerAgent
        return [ProjectWorkerAgent(self._model, programme=self.label, **terms)
                for _ in range(count)]

    def caseloads(self) -> np.ndarray:
        """Every coach's clients on assistance now (recounted)."""
        from simulate.steps import coaching
        coaching.update_caseloads(self._model)
        return self._model.coaches.caseload

    def assign(self, ids: np.ndarray, coaches: np.ndarray) -> np.ndarray:
        """Give ``ids`` (in order) to the least-loaded of ``coaches`` with room; returns
        those who got one."""
        from simulate.steps import coaching
        return coaching.assign(self._model, ids, coaches)

    def with_programme_coach(self, ids: np.ndarray) -> np.ndarray:
        """Whether each of ``ids`` has a coach of a programme (not a regular coach)."""
        coach = self._model.mothers.coach[ids]
        return (coach >= 0) & ~self._model.coaches.regular[np.maximum(coach, 0)]

    def release_to_regular(self, ids: np.ndarray) -> None:
        """Hand ``ids`` back: they get a regular coach in the coaching step."""
        self._model.mothers.coach[ids] = -1

    def contact(self, ids: np.ndarray, trust_multiplier=1.0, stream: str = "contact") -> None:
        """A programme's contact with ``ids`` (besides the coach's): the coaching step's
        contact mechanism (trust gained, scaled by ``trust_multiplier``; barriers told and
        referrals taken up, more with trust) on the policy's streams ``<stream>:...``. It
        does not count as a coach contact (no lapse noticed, no agreement renewed)."""
        from simulate.steps import coaching
        ids = np.asarray(ids)
        coaching.contact(self._model, ids, trust_multiplier, self._drawer(
            (*coaching.DISCLOSURE_STREAMS, "topup_info"), ids, prefix=f"{stream}:"))

    # ---- childcare -----------------------------------------------------------------------------
    @property
    def providers(self) -> list:
        return self._model.providers

    def occupied(self) -> tuple[np.ndarray, np.ndarray]:
        """Places in use per provider: (general places, reserved places)."""
        from simulate.steps.childcare import occupied
        return occupied(self._model)

    def reserve_places(self, per_provider: Sequence[int] | np.ndarray, additional: bool) -> None:
        """Hold places at the providers for this policy, bought on top of their capacity
        (``additional``) or carved out of it."""
        for provider, k in zip(self._model.providers, per_provider):
            provider.reserved += int(k)
            if additional:
                provider.places += int(k)

    def give_places(self, ids: np.ndarray, providers: np.ndarray, reserved: bool) -> None:
        """Give ``ids`` a formal place at ``providers`` (their registration ends)."""
        m = self._model.mothers
        m.childcare_place[ids] = providers
        m.place_reserved[ids] = reserved
        m.queue_since[ids] = NEVER

    def register_for_childcare(self, ids: np.ndarray, since: int | None = None) -> None:
        """Register ``ids`` (not yet registered, without a place) for a formal place as of
        month ``since`` (default: now; earlier waives the registration lag)."""
        m = self._model.mothers
        ids = ids[(m.queue_since[ids] == NEVER) & (m.childcare_place[ids] < 0)]
        m.queue_since[ids] = self._model.month if since is None else since

    def arrange_informal_care(self, ids: np.ndarray, flexible: bool) -> np.ndarray:
        """``ids`` ask their network to take on care, as for a job (flexible hours or not);
        returns who got an arrangement (which then lasts, and may break down, as any).
        It is the model's own ask: a mother turned down who asks again for a job offer in
        the same month gets the same answer."""
        from simulate.steps.childcare import arrange_informal
        ids = np.asarray(ids, dtype=np.int64)
        return ids[arrange_informal(self._model, ids, np.full(len(ids), flexible))]

    # ---- conversations ---------------------------------------------------------------------------
    def disclose(self, ids: np.ndarray, factor: float = 1.0) -> tuple[int, int]:
        """A conversation (not a coach contact) in which ``ids`` tell what holds them back as
        far as their trust allows (004:655): barriers are detected and registered referrals
        taken up with a coach contact's chances times ``factor``
        (:func:`simulate.steps.coaching.disclose`). Draws this policy's streams
        ``detect:<BARRIER>`` and ``uptake:<BARRIER>``. Returns (barriers detected, referrals
        taken up)."""
        from simulate.steps import coaching
        ids = np.asarray(ids)
        return coaching.disclose(self._model, ids, self._drawer(coaching.DISCLOSURE_STREAMS, ids),
                                 factor)

    # ---- ties ------------------------------------------------------------------------------------
    def refresh_ties(self) -> None:
        """Write each mother's number of active peer ties into her ``peer_ties`` column."""
        self._model.network.refresh(self._model.mothers)
