"""The monthly loop.

One step of :class:`PathwaysModel` is one month. In order:

====  ==========================  ============================================================
 1    ``demography``              births and new pregnancies; inflow of new and returning
                                  mothers and of mothers pregnant while on assistance;
                                  leavers whose scheduled return is due come back
 2    ``exemptions``              exemptions start for their reasons, are reviewed, end
 --   ``policy.on_month_start``   policies set modifiers, assign clients, hold sessions
 3    ``coaching``                coaches meet clients as caseload allows: trust, barriers
                                  disclosed and referrals taken up (more with trust);
                                  lapses, noticed more with contact, bring sanctions and
                                  stops for non-cooperation
 4    ``ladder``                  stress events (also in work); steps up and down the
                                  participation ladder
 5    ``jobs.make_offers``        search; employers offer within vacancies and risk
                                  perception (lower when childcare is arranged); mothers
                                  accept offers whose net gain they believe in; informal
                                  care arranged when a job needs it
 --   ``policy.allocate``         policies hand out scarce resources (reserved places)
 6    ``jobs.start_jobs``,        offers with childcare become jobs, others fail on
      ``childcare``               childcare; informal arrangements break down; places freed
                                  and allocated first come, first served; registrations
 7    ``exits``                   exits to study, partner income, other (returns scheduled)
 8    ``job_loss``                job loss (highest early, after sick children and care
                                  breakdowns); the return to assistance is scheduled
 --   ``policy.on_month_end``     policies report metrics and cost
 9    record                      the month's metrics
====  ==========================  ============================================================

**Burn-in.** Before month 0 the model runs ``burn_in_months`` in the run's *world*
(:meth:`simulate.parameters.Params.world`: its uncertainties, facts and settings, with every
lever at its declared default) and without policies, so that queues, the pool of mothers in
work and the returns of leavers are at their steady level from month 0. Then the run's
levers take effect (staffing), the policies are set up, and month 0 is recorded with no
flows and nothing spent. One rule for every entry point: the world shapes the burn-in,
what a municipality chooses takes effect at month 0. Without a burn-in
(``burn_in_months: 0``) nothing runs before month 0, so the stock is drawn and staffed with
the run's own values.

Mothers live in columns (:mod:`simulate.population`); every step above works on whole
columns. Coaches, childcare providers and employers are Mesa agents. Mothers are Mesa
agents only on request (``mother_agents=True`` or :meth:`PathwaysModel.register_mothers`),
as views on the columns. ``model.datacollector`` collects the headline metrics each month.
"""

from __future__ import annotations

import copy
import functools
import math
from collections import Counter, OrderedDict
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Generic, Protocol, TypeVar

import mesa
import numpy as np

from simulate import memory
from simulate.agents import ChildcareProvider, CoachAgent, Employer, MotherAgent
from simulate.agents.childcare import ProviderTotals, split_places
from simulate.agents.coach import CoachTable
from simulate.groups import Groups
from simulate.metrics import recorded_name
from simulate.network import Network
from simulate.parameters import Params
from simulate.policies.base import Policy
from simulate.policies.context import PolicyContext
from simulate.population import COLUMNS, MODIFIERS, Mothers, draw_mothers
from simulate.recording import ChildLog, MonthlyRecord, SpellLog
from simulate.rng import Streams
from simulate.states import EXIT_REASONS, LADDER_PARTTIME, STATUS_CODES, ExemptionReason, Status
from simulate.steps import (
    World,
    childcare,
    coaching,
    demography,
    exemptions,
    exits,
    job_loss,
    jobs,
    ladder,
)
from simulate.steps.jobs import CARE_KINDS, Offers
from simulate.steps.money import benefit
from simulate.steps.sanctions import sanctioned

# Months after an exit to work at which the durability metrics look at her again (CBS
# follows exits to work 6 and 18 months).
DURABILITY_MONTHS = (6, 18)
# Arrivals are drawn this many months ahead in one pass. Attributes are keyed by mother id
# and arrival counts by month, so the block length changes speed, never results.
ARRIVAL_BLOCK_MONTHS = 12

FLOW_METRICS = ("inflow_new", "inflow_returning", "inflow_transfer",
                *(f"exit_{r}" for r in EXIT_REASONS.values()))
# Counts of the month's events, recorded as they are (0 when nothing happened).
EVENT_METRICS = (
    "coach_contacts", "job_offers", "offers_over_vacancies", "offers_declined",
    "offers_declined_income_belief", "offers_failed_childcare", "job_starts_parttime",
    *(f"job_starts_care_{k}" for k in CARE_KINDS),
    "job_losses", "job_losses_care_breakdown", "returns_after_job_loss", "returns_of_leavers",
    "lapses", "lapses_noticed", "sanctions", "info_lapses", "info_lapses_noticed", "no_shows",
    "exit_work_from_parttime", "exits_under_12m", "exits_36m_plus", "barriers_detected", "referrals_taken_up",
    "barriers_resolved", "informal_care_arranged", "informal_care_breakdowns",
    "childcare_places_allocated", "exemptions_started", "exemptions_ended", "births",
    "stress_events", "ladder_up", "ladder_down")
# The headline metrics as model reporters of ``model.datacollector`` (one value per month,
# month 0 first), so that ``mesa.batch_run`` and Mesa's charts can read them.
REPORTERS = ("on_assistance", "cohort_on_assistance", "in_work",
             *(f"exit_{r}" for r in EXIT_REASONS.values()), "childcare_queue",
             "coach_caseload_mean", "benefit_spending_eur", "intervention_spending_eur")


# Mothers off assistance by the route of their last exit (metrics ``off_assistance_<route>``);
# with ``on_assistance`` they count every mother in the table. JOBLESS and NOT_FOLLOWED are
# routes through work: a mother becomes JOBLESS only by losing the job she left assistance
# for, and NOT_FOLLOWED only when her follow-up after an exit to work ends or when, jobless,
# she will not return (simulate/steps/job_loss.py); every other exit keeps its destination
# as her status (simulate/steps/transitions.py).
OFF_ASSISTANCE_ROUTES: dict[str, tuple[int, ...]] = {
    "work": (Status.IN_WORK, Status.JOBLESS, Status.NOT_FOLLOWED),
    "noncooperation": (Status.NONCOOPERATION,),
    "study": (Status.STUDY,),
    "partner": (Status.PARTNER,),
    "other": (Status.OTHER,),
}


# The metrics of mothers exempted by reason (ExemptionReason's order, NONE left out), and
# of mothers off assistance by route, with a 0/1 matrix from status to route.
_EXEMPT_METRICS = [f"exempt_{r.name.lower()}" for r in ExemptionReason if r != ExemptionReason.NONE]
_ROUTE_METRICS = [f"off_assistance_{route}" for route in OFF_ASSISTANCE_ROUTES]
_ROUTE_OF_STATUS = np.array([[status in codes for codes in OFF_ASSISTANCE_ROUTES.values()]
                             for status in range(STATUS_CODES)], dtype=np.int64)


def _reported(model: PathwaysModel, metric: str) -> float:
    return model.record.latest()[metric]


# Keywords of PathwaysModel itself; a declared parameter must not be named like one.
KEYWORDS = ("params", "policies", "seed", "rng", "replicate", "horizon_months",
            "mother_agents", "record_spells", "streams", "burn_in_params", "scenario")


def _with_values(params: Params, values: dict) -> Params:
    """``params`` with declared core parameters changed by name."""
    dotted = [k for k in values if "." in k]
    if dotted:
        raise ValueError(f"{dotted[0]}: a policy's parameter needs the scenario that lists "
                         "the policy: pass scenario=(a Scenario or a scenario file)")
    return Params.from_overrides({**params.values, **values}, params.declarations)


def _from_scenario(scenario, params, policies, values) -> tuple[Params, list[Policy], int]:
    """The parameters, policies and horizon of a scenario with ``values`` changed."""
    from simulate.clients import scenario_of

    if params is not None or policies:
        raise ValueError("give scenario= or params and policies, not both")
    chosen = scenario_of(scenario)
    if values:
        chosen = chosen.with_values(values, source=chosen.source or chosen.name)
    return chosen.params(), chosen.make_policies(), chosen.horizon_months


class OneWorld:
    """A world whose parameters are the same for every mother (see
    :class:`simulate.steps.World`): a model, or models of one scenario stepped together
    (:mod:`simulate.lockstep`)."""

    params: Params

    def value(self, name, rows: np.ndarray | slice, dtype=None):
        return name(self.params) if callable(name) else getattr(self.params, name)

    def most(self, bound) -> float:
        return bound(self.params)

    def params_for(self, rows: np.ndarray) -> Params:
        return self.params

    def by_block(self, name: str, size: int):
        return getattr(self.params, name)


class PathwaysModel(ProviderTotals, OneWorld, mesa.Model):
    """Mothers on social assistance, their coaches, childcare providers and employers.

    Args:
        params: Parameter values (defaults if omitted).
        policies: Policy modules, called in the given order at each hook.
        seed: Root seed; every random draw follows from it through named streams. When
            neither ``seed`` nor ``rng`` is given, the model seeds itself as every Mesa
            model does, from fresh entropy (so ``mesa.batch_run``'s iterations differ);
            ``model.seed`` is the root seed it drew, and reruns it exactly.
        rng: As Mesa's ``rng``: a seed or ``numpy.random.Generator`` from which the root
            seed is drawn (instead of ``seed``).
        replicate: Replicate number (independent streams per replicate).
        horizon_months: Expected run length, used to size the mothers' table (default: the
            scenario's, else 36).
        mother_agents: Register every mother as a Mesa agent (a view on the columns),
            from the start, as :meth:`register_mothers` does from when it is called.
            Costs memory per mother; meant for inspection and small populations.
        record_spells: Keep the spell and children logs (microdata).
        streams: Use these streams instead of making them from seed and replicate.
        burn_in_params: Parameters whose world (:meth:`Params.world`) the burn-in runs
            in (default: ``params``). The evidence checks pass the base's, so that an
            intervention that changes the world (more childcare places) takes effect at
            month 0 too. Must have the same ``size``.
        scenario: A :class:`simulate.scenario.Scenario` (or a scenario file's path) to
            run instead of ``params`` and ``policies``: its parameters and policies.
        **kwargs: Declared parameters by name, as flat keyword arguments
            (``vacancies_per_100_mothers=40``), so that ``mesa.batch_run`` can sweep them;
            a policy's as ``policy.param`` (``**{"dedicated_coaches.caseload": 60}``, or a
            key of ``batch_run``'s parameters) for a policy the ``scenario`` lists. Values
            are checked against their declarations (numpy scalars are fine).

    Attributes:
        seed: The root seed (given, or drawn as Mesa draws its own).
        datacollector: A Mesa ``DataCollector`` with the headline metrics
            (:data:`REPORTERS`) and the root seed as model reporters, collected every
            month from month 0.
        running: False once the month after the horizon has run: ``mesa.batch_run``
            steps once more than it reports, so that
            ``mesa.batch_run(PathwaysModel, {"seed": range(5), "horizon_months": 24},
            data_collection_period=1)`` reports months 0 to 24 of each run.

    Raises:
        ValueError: for an unknown parameter name or a value that is not allowed
            (:class:`simulate.schema.InputError` when a ``scenario`` is given).
    """

    def __init__(self, params: Params | None = None, policies: Sequence[Policy] = (), *,
                 seed: int | None = None, rng=None, replicate: int = 0,
                 horizon_months: int | None = None, mother_agents: bool = False,
                 record_spells: bool = True, streams: Streams | None = None,
                 burn_in_params: Params | None = None, scenario=None, **kwargs) -> None:
        # Named **kwargs (not **values) so that Mesa's SolaraViz passes declared names on.
        if scenario is not None:
            params, policies, horizon = _from_scenario(scenario, params, policies, kwargs)
            horizon_months = horizon if horizon_months is None else horizon_months
        elif kwargs:
            params = _with_values(params or Params(), kwargs)
        horizon_months = 36 if horizon_months is None else horizon_months
        if streams is None:
            if seed is None:
                # Mesa's own seeding: a generator from ``rng`` (fresh entropy when None),
                # from which the root seed is drawn.
                seed = int(np.random.default_rng(rng).integers(2**63))
            elif rng is not None:
                raise ValueError("give seed or rng, not both")
            streams = Streams(seed, replicate)
            self._own_streams = True
        else:
            self._own_streams = False
        self.streams = streams
        self.seed = self.streams.seed
        super().__init__(seed=int(self.streams.generator("mesa").integers(2**31)))
        params = params or Params()
        burn = burn_in_params or params
        if params.burn_in_months:
            burn = burn.world()
        if burn.size != params.size:
            raise ValueError(f"burn_in_params has size {burn.size}, the run {params.size}; "
                             "they must be equal")
        self.params = burn
        self.policies = list(policies)
        self.contexts = [PolicyContext(self, policy) for policy in self.policies]
        self.horizon_months = horizon_months
        p = burn
        months = params.burn_in_months
        self._t = -months

        self.mothers = Mothers(capacity=stock_capacity(p, horizon_months, months))
        self.network = Network()
        self.spells = SpellLog(record_spells)
        self.children = ChildLog(record_spells)
        self.record = MonthlyRecord()
        self.tally: Counter = Counter()
        self.offers = Offers.empty()
        self._planned: dict[int, tuple[int | None, dict[str, np.ndarray]]] = {}
        self._next_id = 0
        self._mother_views: dict[int, MotherAgent] = {}
        self._views_upto = 0
        self._register_all_mothers = mother_agents

        key = burn_in_key(burn, self.streams.seed, self.streams.replicate, months,
                          record_spells)
        snapshot = BURN_IN_CACHE.get(key) if self._own_streams else None
        if snapshot is not None:
            snapshot.restore(self)
        else:
            self.coaches = CoachTable()
            self._staff_regular_coaches()
            places = round(p.childcare_places_per_100_mothers * p.size / 100.0)
            self.providers = [ChildcareProvider(self, index=i, places=k) for i, k in
                              enumerate(split_places(places, p.childcare_providers))]
            self._make_employers()
            self.add_mothers(p.size, stock=True)
            coaching.assign(self, self.mothers.ids_where(Status.ON_ASSISTANCE),
                            self.coaches.available_regular)
            childcare.allocate_places(self)
            for _ in range(months):
                self._t += 1
                self._month(policies=False)
            # Only a burn-in the cache keeps is copied (a large one would double the
            # memory the table takes, for nothing).
            if months and self._own_streams and BURN_IN_CACHE.fits(BurnIn.size_of(self)):
                BURN_IN_CACHE.put(key, BurnIn.take(self))
        if mother_agents:
            self.register_mothers()
        self._take_effect(params)
        for policy, ctx in self.policy_contexts():
            policy.bind(self.mothers)
            policy.setup(ctx)
        # After the policies' set-up, so places they hold back are not handed out first.
        childcare.allocate_places(self)
        # The initial stock: who is on assistance at month 0 (after any burn-in).
        self.initial_stock = self.mothers.ids_where(Status.ON_ASSISTANCE)
        # Month 0 (the state before the first month) carries every metric the months after
        # it will have; no flows and nothing spent.
        self.tally = Counter()
        self.datacollector = mesa.DataCollector(model_reporters={
            **{name: functools.partial(_reported, metric=name) for name in REPORTERS},
            "seed": "seed"})
        self._record(self._policy_metrics(
            [(policy, policy.report(ctx)) for policy, ctx in self.policy_contexts()],
            zero_cost=True))

    # ---- construction -------------------------------------------------------------------
    def _make_employers(self) -> None:
        self.employer_table = employer_table(self.params, self.streams)
        self.employers = [Employer(self, index=i)
                          for i in range(len(self.employer_table["share"]))]

    def _recreate_agents(self, places: list[int], reserved: list[int]) -> None:
        """Mesa agents viewing tables restored from a snapshot, in the order a fresh build
        creates them (so they get the same unique ids)."""
        for index in range(len(self.coaches)):
            CoachAgent.view(self, index)
        self.providers = [ChildcareProvider(self, index=i, places=k)
                          for i, k in enumerate(places)]
        for provider, k in zip(self.providers, reserved):
            provider.reserved = k
        self.employers = [Employer(self, index=i) for i in range(len(self.employer_table["share"]))]

    def _staff_regular_coaches(self) -> None:
        """As many working regular coaches as the caseload target asks, on current terms.

        Extra coaches are hired; surplus ones retire and their clients wait for a new
        coach. Coaches' hours and caseload limits follow the parameters.
        """
        p, table = self.params, self.coaches
        wanted = math.ceil(p.size / p.regular_caseload_target)
        working = table.available_regular
        for _ in range(wanted - len(working)):
            CoachAgent(self, hours_per_month=p.coach_hours_per_month,
                       client_time_share=p.coach_client_time_share,
                       hours_per_contact=p.hours_per_contact,
                       caseload_max=p.regular_caseload_max)
        retire = working[wanted:]
        table.active[retire] = False
        on = (self.mothers.ids_where(Status.ON_ASSISTANCE) if hasattr(self, "mothers")
              else np.zeros(0, dtype=np.int64))
        if len(retire) and len(on):
            self.mothers.coach[on[np.isin(self.mothers.coach[on], retire)]] = -1
        regular = table.available_regular
        table.hours_per_month[regular] = p.coach_hours_per_month
        table.client_time_share[regular] = p.coach_client_time_share
        table.hours_per_contact[regular] = p.hours_per_contact
        table.capacity[regular] = p.regular_caseload_max

    def _take_effect(self, params: Params) -> None:
        """Switch from the burn-in's parameters to the run's at month 0."""
        self.params = params
        self._staff_regular_coaches()
        places = round(params.childcare_places_per_100_mothers * params.size / 100.0)
        for provider, k in zip(self.providers, split_places(places, params.childcare_providers)):
            provider.places = k
        # Arrivals after month 0 are drawn with the run's parameters.
        self._planned.clear()
        self._next_id = self.mothers.n
        # Spells that ended before month 0 are not this run's microdata.
        self.spells.chunks.clear()
        # Exits to work of the run's months, kept as long as the durability metrics
        # follow them (DURABILITY_MONTHS).
        self._work_exits: dict[int, np.ndarray] = {}
        coaching.update_caseloads(self)

    def add_mothers(self, k: int, stock: bool) -> np.ndarray:
        """Create ``k`` mothers arriving this month; returns their ids."""
        ids = np.arange(self.mothers.n, self.mothers.n + k)
        self._next_id += k
        return self._add(draw_mothers(self.params, self.streams, ids, self.month, stock))

    def add_arrivals(self) -> np.ndarray:
        """Add this month's outside inflow (a Poisson number of new mothers); their ids."""
        if self.month not in self._planned:
            self._next_id = plan_arrivals(self.params, self.streams, self.month,
                                          self._next_id, self._planned)
        first, attrs = self._planned.pop(self.month)
        # Attributes were drawn for specific ids: they must land on exactly those rows.
        assert first is None or first == self.mothers.n, "arrivals out of order"
        return self._add(attrs)

    def _add(self, attrs: dict[str, np.ndarray]) -> np.ndarray:
        m = self.mothers
        k = len(attrs["status"])
        ids = np.arange(m.n, m.n + k)
        if k == 0:
            return ids
        m.add(attrs)
        has_child = ids[m.n_children[ids] > 0]
        self.children.add(has_child, m.youngest_birth_month[has_child])
        expecting = ids[m.pregnant[ids]]
        self.children.add(expecting, m.due_month[expecting])
        if self._register_all_mothers:
            self.register_mothers()
        return ids

    # ---- the month ------------------------------------------------------------------------
    @property
    def month(self) -> int:
        """The current month: negative during the burn-in, 0 at the start of the run."""
        return self._t

    def step(self) -> None:
        """Simulate one month (see the module docstring for the order)."""
        self._t = self.steps
        self._month(policies=True)

    def _month(self, policies: bool) -> None:
        active = list(self.policy_contexts()) if policies else []
        month_steps(self, active)
        if not policies:
            return
        coaching.update_caseloads(self)
        self._record(self._policy_metrics(
            [(policy, policy.on_month_end(ctx)) for policy, ctx in active]))

    def replicates_of(self, ids: np.ndarray, pool: np.ndarray,
                      size: int) -> tuple[np.ndarray, np.ndarray, int]:
        """One replicate: all of ``ids`` and ``pool`` (see :class:`World`)."""
        return np.zeros(len(ids), dtype=np.int64), np.zeros(len(pool), dtype=np.int64), 1

    def search_blocks(self, table: np.ndarray, ids: np.ndarray, u: np.ndarray) -> np.ndarray:
        """One block: the whole ``table`` (see :class:`World`)."""
        return np.minimum(np.searchsorted(table, u), len(table) - 1)

    def count(self, event: str, rows: np.ndarray, each: np.ndarray | None = None) -> None:
        """Add ``rows`` to this month's tally of ``event`` (see :class:`World`)."""
        self.tally[event] += len(rows) if each is None else int(each.sum())

    def policy_contexts(self):
        """(policy, its context) pairs, in the scenario's order."""
        return zip(self.policies, self.contexts)

    @staticmethod
    def metric_name(policy: Policy, key: str) -> str:
        """A policy metric's name in the record (:func:`simulate.metrics.recorded_name`)."""
        return recorded_name(policy.name, policy.label, key)

    def _policy_metrics(self, reports, zero_cost: bool = False) -> dict[str, float]:
        """Check each policy's metrics against its declaration and name them.

        Raises:
            ValueError: a policy returned other metrics than it declares, or two policies'
                metrics have the same name.
        """
        out: dict[str, float] = {}
        for policy, metrics in reports:
            declared = [m.name for m in policy.metrics]
            if sorted(metrics) != sorted(declared):
                extra, missing = set(metrics) - set(declared), set(declared) - set(metrics)
                raise ValueError(f"policy {policy.label!r} reported metrics that differ from "
                                 f"its declaration: extra {sorted(extra)}, missing "
                                 f"{sorted(missing)}")
            for key, value in metrics.items():
                name = self.metric_name(policy, key)
                if name in out:
                    raise ValueError(f"two policies report a metric named {name!r}; give "
                                     "one of them a label")
                out[name] = 0.0 if zero_cost and key == "cost_eur" else value
        return out

    def close(self) -> None:
        """Let this model be garbage-collected once unused.

        Mesa numbers agents in a class-level dictionary keyed by the model
        (``mesa.Agent._ids``), which keeps every model that ever made an agent alive; a
        process running thousands of runs would grow by each. Call this when done with a
        model; it must not create agents (or mother views) afterwards.
        """
        mesa.Agent._ids.pop(self, None)

    def run(self, months: int) -> PathwaysModel:
        for _ in range(months):
            self.step()
        return self

    # ---- recording ------------------------------------------------------------------------
    def _record(self, policy_metrics: dict[str, float] | None = None,
                core: dict[str, float] | None = None) -> None:
        self.record_month(policy_metrics or {}, core)
        self.datacollector.collect(self)
        self.running = self.month <= self.horizon_months

    def record_month(self, policy_metrics: dict[str, float],
                     core: dict[str, float] | None = None) -> None:
        """Note the month's exits to work (the durability metrics follow them) and add its
        metrics to ``record`` (``core``: the model's own metrics, where a lockstep computed
        them for several models at once, :mod:`simulate.lockstep`)."""
        t, m = self.month, self.mothers
        if t >= 1:
            self._work_exits[t] = np.flatnonzero((m.exit_month[: m.n] == t)
                                                 & (m.status[: m.n] == Status.IN_WORK))
            self._work_exits.pop(t - max(DURABILITY_MONTHS) - 1, None)
        self.record.add(t, self.metrics(policy_metrics, core))

    def metrics(self, policy_metrics: dict[str, float],
                core: dict[str, float] | None = None) -> dict[str, float]:
        """This month's metrics, computed from the columns and the month's tally (read
        only: nothing in the model changes), with the policies' (``core``: the model's
        own, computed already)."""
        out = core if core is not None else month_metrics(
            self, Groups(), [self.params], {k: [v] for k, v in self.tally.items()},
            self.initial_stock, self._work_exits,
            np.zeros((1, STATUS_CODES), dtype=np.int64))[0]
        if self.policies:
            reached = [p.ever_participants(ctx) for p, ctx in self.policy_contexts()]
            out["programme_reached"] = len(np.unique(np.concatenate(reached)))
        clash = set(out) & set(policy_metrics)
        if clash:
            raise ValueError(f"policy metrics {sorted(clash)} collide with the model's own")
        out.update(policy_metrics)
        costs = {self.metric_name(p, "cost_eur") for p in self.policies}
        out["intervention_spending_eur"] = float(sum(
            v for k, v in policy_metrics.items() if k in costs))
        return out

    # ---- views for inspection ---------------------------------------------------------------
    @property
    def on_assistance(self) -> int:
        """Mothers on assistance now (handy as a Mesa DataCollector model reporter)."""
        return int(np.count_nonzero(self.mothers.status[: self.mothers.n] == Status.ON_ASSISTANCE))

    def childcare_occupied(self) -> np.ndarray:
        general, reserved = childcare.occupied(self)
        return general + reserved

    def register_mothers(self) -> mesa.agent.AgentSet:
        """Make every mother a Mesa agent (a view on her row), now and as she arrives;
        returns them. From this call on the model behaves as with ``mother_agents=True``."""
        self._register_all_mothers = True
        for i in range(self._views_upto, self.mothers.n):
            if i not in self._mother_views:
                self._mother_views[i] = MotherAgent(self, i)
        self._views_upto = self.mothers.n
        return self.agents_by_type[MotherAgent]

    def mothers_on_assistance(self) -> mesa.agent.AgentSet:
        """The mothers on assistance now, as Mesa agents (registers mothers if needed)."""
        self.register_mothers()
        ids = self.mothers.ids_where(Status.ON_ASSISTANCE)
        return mesa.agent.AgentSet([self._mother_views[int(i)] for i in ids],
                                   random=self.random)

    def mother(self, mother_id: int) -> MotherAgent:
        """The Mesa view of one mother (registered on first use)."""
        if not 0 <= mother_id < self.mothers.n:
            raise IndexError(f"no mother with id {mother_id}; ids run from 0 to "
                             f"{self.mothers.n - 1}")
        if mother_id not in self._mother_views:
            self._mother_views[mother_id] = MotherAgent(self, mother_id)
        return self._mother_views[mother_id]





def month_metrics(world: World, groups: Groups, worlds: Sequence[Params],
                  tallies: Mapping[str, Sequence[int]], initial: np.ndarray,
                  work_exits: Mapping[int, np.ndarray],
                  left_for_good: np.ndarray) -> list[dict[str, float]]:
    """This month's metrics of each group of rows (:mod:`simulate.groups`): a model's one,
    or a batch's replicates (read only).

    Args:
        world: The model or batch.
        groups: Its rows by group.
        worlds: Each group's parameters.
        tallies: The month's count of each event, per group.
        initial: The rows of the initial stock (on assistance at month 0).
        work_exits: By month, the rows of that month's exits to work.
        left_for_good: Per group, mothers by status who are no longer in the columns.
    """
    m, p, t = world.mothers, world.params, world.month
    n = m.n
    status = m.status[:n]
    # Counts over the mothers on assistance take masks aligned with their rows (``mine``);
    # sums and means of amounts gather, so their order is fixed.
    on_now = status == Status.ON_ASSISTANCE
    on = np.flatnonzero(on_now)
    mine = groups.of_rows(on)
    by_code = groups.tabulate(status, STATUS_CODES)
    coach = m.coach[on]
    table = world.coaches
    loads = groups.blocks(np.bincount(coach[coach >= 0], minlength=len(table)))
    active, regular = groups.blocks(table.active), groups.blocks(table.regular)
    general, reserved = childcare.occupied(world)
    child_age = t - m.youngest_birth_month[on]
    target = m.pregnant[on] | ((m.n_children[on] > 0) & (child_age < p.target_child_age_months))
    steps = mine.tabulate(m.ladder[on], LADDER_PARTTIME + 1)
    in_work = status == Status.IN_WORK
    followed = on_now | in_work
    queued = childcare.registered(world)
    queued = queued[childcare.needs_care(world, queued)]
    informal = np.flatnonzero(m.informal_care[:n] & followed)
    exempt = m.exempt[on]
    exempt_rows = on[exempt]
    reasons = groups.tabulate(m.exempt_reason[exempt_rows], len(ExemptionReason), exempt_rows)
    cut = sanctioned(world, on)
    months_on = t - m.duration_since[on]
    parts = groups.split(on, m.earnings_eur[on], cut, m.confidence[on], m.trust_services[on],
                         m.trust_childcare[on], m.stress[on])
    n_regular = (regular & active).sum(axis=1).tolist()
    none = [0] * groups.k  # an event that did not happen (read only)
    on_count = by_code[:, Status.ON_ASSISTANCE].tolist()
    parttime = mine.count(m.parttime[on])
    per_group: dict[str, Sequence] = {
        "on_assistance": on_count,
        "on_assistance_target_group": mine.count(target),
        "cohort_on_assistance": groups.count(status[initial] == Status.ON_ASSISTANCE, initial),
        **{k: tallies.get(k, none) for k in FLOW_METRICS},
        "in_work": by_code[:, Status.IN_WORK].tolist(),
        "jobless": by_code[:, Status.JOBLESS].tolist(),
        "parttime_working": parttime,
        "on_assistance_not_parttime": [a - b for a, b in zip(on_count, parttime)],
        "exit_work_not_parttime": [a - b for a, b in zip(
            tallies.get("exit_work", none), tallies.get("exit_work_from_parttime", none))],
        "on_assistance_under_12m": mine.count(months_on < 12),
        "on_assistance_36m_plus": mine.count(months_on >= 36),
        "exempt": mine.count(exempt),
        **dict(zip(_EXEMPT_METRICS, reasons[:, 1:].T.tolist())),
        **{f"ladder_{s}": steps[:, s].tolist() for s in range(1, LADDER_PARTTIME + 1)},
        "barrier_any": mine.count(m.barriers[on] != 0),
        "barrier_registered_any": mine.count(m.barriers_registered[on] != 0),
        "barrier_referred_any": mine.count(m.barriers_referred[on] != 0),
        "sanctioned": mine.count(cut),
    }
    caseloads = [(load[act], load[act][reg[act]]) for load, act, reg in zip(loads, active, regular)]
    per_group.update({
        "coach_caseload_mean": [float(c.mean()) if len(c) else 0.0 for c, _ in caseloads],
        "coach_caseload_max": [int(c.max()) if len(c) else 0 for c, _ in caseloads],
        "regular_caseload_mean": [float(r.mean()) if len(r) else 0.0 for _, r in caseloads],
        "regular_caseload_max": [int(r.max()) if len(r) else 0 for _, r in caseloads],
        "regular_coaches": n_regular,
        "regular_coach_hours": [k * w.coach_hours_per_month for k, w in zip(n_regular, worlds)],
        "regular_coach_cost_eur": [k * w.regular_coach_cost_per_month_eur
                                   for k, w in zip(n_regular, worlds)],
        "coach_waiting": mine.count(coach < 0),
        "childcare_queue": groups.size(queued),
        "childcare_waiting_for_place": groups.size(childcare.waiting_for_place(world, queued)),
        "childcare_places": groups.blocks(world.provider_places).sum(axis=1).tolist(),
        "childcare_places_used": (groups.blocks(general).sum(axis=1)
                                  + groups.blocks(reserved).sum(axis=1)).tolist(),
        "informal_care_arrangements": groups.size(informal),
        "working_on_informal_care": groups.count(
            (in_work[informal] | m.parttime[informal]) & (m.childcare_place[informal] < 0),
            informal),
        "working_on_formal_care": groups.count(
            (in_work | m.parttime[:n]) & (m.childcare_place[:n] >= 0)),
        **{k: tallies.get(k, none) for k in EVENT_METRICS},
        **{name: [float(part[i].mean()) if len(part[i]) else np.nan for part in parts]
           for i, name in enumerate(("mean_confidence", "mean_trust_services",
                                     "mean_trust_childcare", "mean_stress"), start=2)},
        "benefit_spending_eur": [_benefit_paid(w, *part[:2]) for w, part in zip(worlds, parts)],
    })
    # How the exits to work of some months ago fare now (CBS follows them 6 and 18
    # months): in work without assistance, or back on it.
    for k in DURABILITY_MONTHS:
        cohort = work_exits.get(t - k, np.zeros(0, dtype=np.int64))
        per_group[f"work_exits_{k}m_ago"] = groups.size(cohort)
        per_group[f"work_exits_{k}m_ago_in_work"] = groups.count(
            status[cohort] == Status.IN_WORK, cohort)
        per_group[f"work_exits_{k}m_ago_on_assistance"] = groups.count(
            status[cohort] == Status.ON_ASSISTANCE, cohort)
    by_status = (by_code + left_for_good) @ _ROUTE_OF_STATUS
    per_group.update(zip(_ROUTE_METRICS, by_status.T.tolist()))
    return [{name: values[g] for name, values in per_group.items()} for g in range(groups.k)]


def _benefit_paid(p: Params, earnings: np.ndarray, cut: np.ndarray) -> float:
    """Assistance paid to mothers on it with ``earnings``: the full benefit, except
    alongside earnings and during a sanction's cut (``cut``)."""
    paid = np.full(len(earnings), benefit(p, np.zeros(1))[0])
    earning = np.flatnonzero(earnings)
    paid[earning] = benefit(p, earnings[earning].astype(np.float64))
    paid[np.flatnonzero(cut)] *= 1.0 - p.sanction_benefit_cut_share
    return float(paid.sum())


# Columns that hold this month's events and policies' levers: every month starts them
# afresh (at their fill).
MONTHLY = ("contacted", "stress_event", "care_broke", *MODIFIERS, "offer_floor")


def month_steps(world: World, active: Sequence[tuple[Policy, PolicyContext]] = (),
                hook: Callable[[str], None] | None = None) -> None:
    """The steps of one month (see the module docstring), with the policies ``active``:
    everything but recording. A model runs it on its own mothers; a batch of replicates
    (:mod:`simulate.batch`, :mod:`simulate.lockstep`) on all of theirs at once, calling
    ``hook(name)`` where the policies' hook ``name`` runs (``on_month_start``,
    ``allocate``) instead of ``active``'s."""
    m = world.mothers
    n = m.n
    world.tally = Counter()
    for name in MONTHLY:
        getattr(m, name)[:n] = COLUMNS[name].fill
    if hook is None:
        def hook(name: str) -> None:
            for policy, ctx in active:
                getattr(policy, name)(ctx)

    demography.step(world)
    exemptions.step(world)
    hook("on_month_start")
    coaching.step(world)
    ladder.step(world)
    world.offers = jobs.make_offers(world)
    hook("allocate")
    jobs.start_jobs(world, world.offers)
    childcare.step(world)
    exits.step(world)
    job_loss.step(world)


def employer_table(p: Params, streams: Streams) -> dict[str, np.ndarray]:
    """The employers of a replicate: size shares, risk perception and flexible hours,
    drawn from the replicate's ``employers`` stream."""
    g = streams.generator("employers")
    k = p.employers
    share = g.dirichlet(np.full(k, p.employer_size_concentration))
    c = p.employer_spread

    def beta(mean: float) -> np.ndarray:
        mean = min(max(mean, 1e-6), 1 - 1e-6)
        return g.beta(mean * c, (1 - mean) * c, size=k)

    risk, flexible = beta(p.employer_risk_mean), beta(p.employer_flexible_share_mean)
    return {"share": share, "cum_share": np.cumsum(share) / share.sum(),
            "risk": risk, "flexible": flexible,
            "vacancies": np.zeros(k, dtype=np.int64),
            "offers_made": np.zeros(k, dtype=np.int64)}


def draw_arrivals(p: Params, streams: Streams, t: int,
                  next_id: int) -> tuple[list[int], dict[str, np.ndarray]]:
    """The arrivals of months ``t`` to ``t + ARRIVAL_BLOCK_MONTHS - 1``: how many in each
    month (a Poisson number per month, drawn a year at a time) and their attributes, in
    the order of their ids, from ``next_id`` on."""
    months = np.arange(t, t + ARRIVAL_BLOCK_MONTHS)
    counts = [int(c) for c in arrival_counts(p, streams, t)]
    ids = np.arange(next_id, next_id + sum(counts))
    return counts, draw_mothers(p, streams, ids, np.repeat(months, counts), stock=False)


def arrival_counts(p: Params, streams: Streams, t: int) -> np.ndarray:
    """How many arrive in each of months ``t`` to ``t + ARRIVAL_BLOCK_MONTHS - 1``: a
    Poisson number per month, from the month's own generator."""
    return streams.poisson_each("inflow", np.arange(t, t + ARRIVAL_BLOCK_MONTHS),
                                p.inflow_rate_per_month * p.size)


def plan_arrivals(p: Params, streams: Streams, t: int, next_id: int,
                  planned: dict[int, tuple[int | None, dict[str, np.ndarray]]]) -> int:
    """Draw the arrivals of months ``t`` to ``t + ARRIVAL_BLOCK_MONTHS - 1``
    (:func:`draw_arrivals`) into ``planned`` (month -> first id, attributes); returns the
    next free id."""
    counts, attrs = draw_arrivals(p, streams, t, next_id)
    edges = np.cumsum([0, *counts])
    for i in range(ARRIVAL_BLOCK_MONTHS):
        planned[t + i] = (next_id + int(edges[i]) if counts[i] else None,
                          {k: v[edges[i]:edges[i + 1]] for k, v in attrs.items()})
    return next_id + int(edges[-1])


def stock_capacity(p: Params, horizon_months: int, burn_in_months: int) -> int:
    """Rows to allocate for the mothers of a run: the stock and the expected inflow with a
    margin (the table grows if it needs more)."""
    expected = p.size * (1.0 + 1.2 * p.inflow_rate_per_month
                         * max(horizon_months + burn_in_months, 1))
    return int(expected) + 64


def burn_in_key(burn: Params, seed: int, replicate: int, months: int,
                record_spells: bool) -> tuple:
    """What a burn-in depends on: its parameters, the seed, the replicate, its length and
    whether children are logged."""
    return (tuple(sorted(burn.values.items())), int(seed), int(replicate), int(months),
            bool(record_spells))


class BurnIn:
    """The state of a model at the end of its burn-in, to start other models from.

    The burn-in depends only on its parameters, the seed, the replicate and its length, so
    every scenario of a comparison (and every design point of a sweep over levers or
    policies) starts from the same state: it is simulated once per process and copied.
    """

    def __init__(self, parts: dict) -> None:
        self.parts = parts

    @classmethod
    def take(cls, model: PathwaysModel) -> BurnIn:
        return cls(copy.deepcopy({
            "mothers": model.mothers, "network": model.network, "children": model.children,
            "coaches": model.coaches, "employer_table": model.employer_table,
            "places": [c.places for c in model.providers],
            "reserved": [c.reserved for c in model.providers],
            "next_id": model._next_id, "t": model._t}))

    def restore(self, model: PathwaysModel) -> None:
        parts = copy.deepcopy(self.parts)
        model.mothers, model.network = parts["mothers"], parts["network"]
        model.children, model.coaches = parts["children"], parts["coaches"]
        model.employer_table = parts["employer_table"]
        model._next_id, model._t = parts["next_id"], parts["t"]
        model._recreate_agents(parts["places"], parts["reserved"])

    @property
    def nbytes(self) -> int:
        return self.size_of_parts(self.parts["mothers"], self.parts["network"])

    @staticmethod
    def size_of_parts(mothers: Mothers, network: Network) -> int:
        return mothers.nbytes() + 64 * network.a.nbytes

    @classmethod
    def size_of(cls, model: PathwaysModel) -> int:
        """What a burn-in taken from ``model`` now would weigh (:attr:`nbytes`)."""
        return cls.size_of_parts(model.mothers, model.network)


class _Sized(Protocol):
    @property
    def nbytes(self) -> int: ...


Item = TypeVar("Item", bound=_Sized)


class SizedCache(Generic[Item]):
    """The most recent items (with their ``nbytes``) of this process, within a number of
    entries and a memory budget; an item above a quarter of the budget is not kept."""

    def __init__(self, entries: int = memory.BURN_IN_CACHE_ENTRIES,
                 budget_bytes: int = memory.BURN_IN_CACHE_BYTES) -> None:
        self.entries, self.budget = entries, budget_bytes
        self._items: OrderedDict[Any, Item] = OrderedDict()

    def get(self, key) -> Item | None:
        item = self._items.get(key)
        if item is not None:
            self._items.move_to_end(key)
        return item

    def take(self, key) -> Item | None:
        """The item, which leaves the cache (for an item used once)."""
        return self._items.pop(key, None)

    def __contains__(self, key) -> bool:
        return key in self._items

    def fits(self, nbytes: int) -> bool:
        """Whether an item of ``nbytes`` is small enough to keep."""
        return nbytes <= self.budget // 4

    def put(self, key, item: Item) -> None:
        if not self.fits(item.nbytes):
            return
        self._items[key] = item
        while len(self._items) > self.entries or sum(
                i.nbytes for i in self._items.values()) > self.budget:
            self._items.popitem(last=False)

    def clear(self) -> None:
        self._items.clear()


# The most recent burn-ins of this process.
BURN_IN_CACHE: SizedCache[BurnIn] = SizedCache()
