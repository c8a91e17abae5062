"""The monthly loop.

One step of :class:`PathwaysModel` is one month. In order:

====  ==========================  ============================================================
 1    ``demography``              births and new pregnancies; inflow of new and returning
                                  mothers
 2    ``exemptions``              exemptions start, are reviewed every few months, end
 --   ``policy.on_month_start``   policies set modifiers, assign clients, hold sessions
 3    ``coaching``                coaches meet clients as caseload allows: barriers detected
                                  and referred, trust, agreements; non-cooperation exits
 4    ``ladder``                  stress events; steps up and down the participation ladder
 5    ``jobs.make_offers``        search; employers offer within vacancies and risk
                                  perception; mothers accept offers they believe pay
 --   ``policy.allocate``         policies hand out scarce resources (reserved places)
 6    ``jobs.start_jobs``,        offers with childcare become jobs, others fail on
      ``childcare``               childcare; places freed and allocated first come, first
                                  served; registrations
 7    ``exits``                   exits to study, partner income, other
 8    ``job_loss``                job loss (highest early), return to assistance
 --   ``policy.on_month_end``     policies report metrics and cost
 9    record                      the month's metrics
====  ==========================  ============================================================

Mothers live in columns (:mod:`simulate.population`); every step above works on whole
columns. Coaches, childcare providers and employers are Mesa agents. Mothers are Mesa
agents only on request (``mother_agents=True`` or :meth:`PathwaysModel.register_mothers`),
as views on the columns. ``model.datacollector`` collects the headline metrics each month.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Sequence

import mesa
import numpy as np

from simulate.agents import ChildcareProvider, CoachAgent, Employer, MotherAgent
from simulate.agents.childcare import split_places
from simulate.agents.coach import CoachTable
from simulate.network import Network
from simulate.parameters import Params
from simulate.policies.base import Policy
from simulate.population import MODIFIERS, NEVER, Mothers, draw_mothers
from simulate.recording import ChildLog, MonthlyRecord, SpellLog
from simulate.rng import Streams
from simulate.states import EXIT_REASONS, LADDER_PARTTIME, Status
from simulate.steps import (childcare, coaching, demography, exemptions, exits, job_loss, jobs,
                            ladder)
from simulate.steps.jobs import Offers, benefit

# Arrivals are drawn this many months ahead in one pass. Attributes are keyed by mother id
# and arrival counts by month, so the block length changes speed, never results.
ARRIVAL_BLOCK_MONTHS = 12

FLOW_METRICS = ("inflow_new", "inflow_returning",
                *(f"exit_{r}" for r in EXIT_REASONS.values()))
# The headline metrics as model reporters of ``model.datacollector`` (one value per month,
# month 0 first), so that ``mesa.batch_run`` and Mesa's charts can read them.
REPORTERS = ("on_assistance", "cohort_on_assistance", "in_work",
             *(f"exit_{r}" for r in EXIT_REASONS.values()), "childcare_queue",
             "coach_caseload_mean", "benefit_spending_eur", "intervention_spending_eur")


def _reported(model: PathwaysModel, metric: str) -> float:
    return model.record.latest()[metric]


class PathwaysModel(mesa.Model):
    """Mothers on social assistance, their coaches, childcare providers and employers.

    Args:
        params: Parameter values (defaults if omitted).
        policies: Policy modules, called in the given order at each hook.
        seed: Root seed; every random draw follows from it through named streams.
        replicate: Replicate number (independent streams per replicate).
        horizon_months: Expected run length, used to size the mothers' table.
        mother_agents: Register every mother as a Mesa agent (a view on the columns),
            from the start, as :meth:`register_mothers` does from when it is called.
            Costs memory per mother; meant for inspection and small populations.
        record_spells: Keep the spell and children logs (microdata).
        streams: Use these streams instead of making them from seed and replicate.

    Attributes:
        datacollector: A Mesa ``DataCollector`` with the headline metrics
            (:data:`REPORTERS`) as model reporters, collected every month from month 0.
        running: False once the month after the horizon has run: ``mesa.batch_run``
            steps once more than it reports, so that
            ``mesa.batch_run(PathwaysModel, {"seed": range(5), "horizon_months": 24},
            data_collection_period=1)`` reports months 0 to 24 of each run.
    """

    def __init__(self, params: Params | None = None, policies: Sequence[Policy] = (), *,
                 seed: int = 0, replicate: int = 0, horizon_months: int = 36,
                 mother_agents: bool = False, record_spells: bool = True,
                 streams: Streams | None = None) -> None:
        self.streams = streams or Streams(seed, replicate)
        super().__init__(seed=int(self.streams.generator("mesa").integers(2**31)))
        self.params = params or Params()
        self.policies = list(policies)
        self.horizon_months = horizon_months
        p = self.params

        expected = p.size * (1.0 + 1.2 * p.inflow_rate_per_month * max(horizon_months, 1))
        self.mothers = Mothers(capacity=int(expected) + 64)
        self.network = Network()
        self.spells = SpellLog(record_spells)
        self.children = ChildLog(record_spells)
        self.record = MonthlyRecord()
        self.tally: Counter = Counter()
        self.offers = Offers.empty()
        self._planned: dict[int, dict[str, np.ndarray]] = {}
        self._next_id = 0
        self._mother_views: dict[int, MotherAgent] = {}
        self._views_upto = 0
        self._register_all_mothers = mother_agents

        self.coaches = CoachTable()
        for _ in range(math.ceil(p.size / p.regular_caseload_target)):
            CoachAgent(self, hours_per_month=p.coach_hours_per_month,
                       client_time_share=p.coach_client_time_share,
                       hours_per_contact=p.hours_per_contact,
                       caseload_max=p.regular_caseload_max)
        places = round(p.childcare_places_per_100_mothers * p.size / 100.0)
        self.providers = [ChildcareProvider(self, index=i, places=k) for i, k in
                          enumerate(split_places(places, p.childcare_providers))]
        self._make_employers()

        self.add_mothers(p.size, stock=True)
        coaching.assign(self, self.mothers.ids_where(Status.ON_ASSISTANCE),
                        np.flatnonzero(self.coaches.regular))
        for policy in self.policies:
            policy.setup(self)
        # After the policies' set-up, so places they hold back are not handed out first.
        childcare.allocate_places(self)
        # Month 0 (the state before the first month) carries every metric the months after
        # it will have; nothing is spent in it.
        self.datacollector = mesa.DataCollector(model_reporters={
            name: functools.partial(_reported, metric=name) for name in REPORTERS})
        coaching.update_caseloads(self)
        self._record({k: (0.0 if k.endswith("_cost_eur") else v) for policy in self.policies
                      for k, v in self._policy_metrics(policy, policy.metrics(self)).items()})

    # ---- construction -------------------------------------------------------------------
    def _make_employers(self) -> None:
        p = self.params
        g = self.streams.generator("employers")
        k = p.employers
        share = g.dirichlet(np.full(k, p.employer_size_concentration))
        c = p.employer_spread

        def beta(mean: float) -> np.ndarray:
            mean = min(max(mean, 1e-6), 1 - 1e-6)
            return g.beta(mean * c, (1 - mean) * c, size=k)

        risk, flexible = beta(p.employer_risk_mean), beta(p.employer_flexible_share_mean)
        self.employers = [Employer(self, index=i, vacancy_share=share[i], risk_perception=risk[i],
                                   flexible_share=flexible[i]) for i in range(k)]
        self.employer_table = {"share": share, "cum_share": np.cumsum(share) / share.sum(),
                               "risk": risk, "flexible": flexible}

    def add_mothers(self, k: int, stock: bool) -> np.ndarray:
        """Create ``k`` mothers arriving this month; returns their ids."""
        ids = np.arange(self.mothers.n, self.mothers.n + k)
        self._next_id += k
        return self._add(draw_mothers(self.params, self.streams, ids, self.month, stock))

    def add_arrivals(self) -> np.ndarray:
        """Add this month's outside inflow (a Poisson number of new mothers); their ids."""
        t, p = self.month, self.params
        if t not in self._planned:
            months = np.arange(t, t + ARRIVAL_BLOCK_MONTHS)
            counts = [int(self.streams.generator("inflow", int(s)).poisson(
                p.inflow_rate_per_month * p.size)) for s in months]
            ids = np.arange(self._next_id, self._next_id + sum(counts))
            self._next_id += len(ids)
            attrs = draw_mothers(p, self.streams, ids, np.repeat(months, counts), stock=False)
            edges = np.cumsum([0, *counts])
            for i, s in enumerate(months):
                self._planned[int(s)] = {k: v[edges[i]:edges[i + 1]] for k, v in attrs.items()}
                self._planned[int(s)]["_first_id"] = ids[edges[i]] if counts[i] else None
        attrs = self._planned.pop(t)
        first = attrs.pop("_first_id")
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
        return self.steps

    def step(self) -> None:
        """Simulate one month (see the module docstring for the order)."""
        m = self.mothers
        n = m.n
        self.tally = Counter()
        m.contacted[:n] = False
        m.stress_event[:n] = False
        for name in MODIFIERS:
            getattr(m, name)[:n] = 1.0

        demography.step(self)
        exemptions.step(self)
        for policy in self.policies:
            policy.on_month_start(self)
        coaching.step(self)
        ladder.step(self)
        self.offers = jobs.make_offers(self)
        for policy in self.policies:
            policy.allocate(self, self.streams.generator(f"policy:{policy.label}", self.month))
        jobs.start_jobs(self, self.offers)
        childcare.step(self)
        exits.step(self)
        job_loss.step(self)
        coaching.update_caseloads(self)
        policy_metrics: dict[str, float] = {}
        for policy in self.policies:
            policy_metrics.update(self._policy_metrics(policy, policy.on_month_end(self)))
        self._record(policy_metrics)

    @staticmethod
    def _policy_metrics(policy: Policy, metrics: dict[str, float]) -> dict[str, float]:
        """Name a policy's metrics: its cost as ``<label>_cost_eur``; every metric of a
        labelled instance prefixed by the label, so two instances never collide."""
        out = {}
        for key, value in metrics.items():
            if key == "cost_eur" or policy.label != policy.name:
                key = f"{policy.label}_{key}"
            out[key] = value
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
    def _record(self, policy_metrics: dict[str, float] | None = None) -> None:
        self.record.add(self.month, self.metrics(policy_metrics or {}))
        self.datacollector.collect(self)
        self.running = self.month <= self.horizon_months

    def metrics(self, policy_metrics: dict[str, float]) -> dict[str, float]:
        """This month's metrics, computed from the columns and the month's tally."""
        m, p, t = self.mothers, self.params, self.month
        n = m.n
        status = m.status[:n]
        on = np.flatnonzero(status == Status.ON_ASSISTANCE)
        coaching.update_caseloads(self)
        load = self.coaches.caseload
        regular = load[self.coaches.regular]
        general, reserved = childcare.occupied(self)
        followed = (status == Status.ON_ASSISTANCE) | (status == Status.IN_WORK)
        child_age = t - m.youngest_birth_month[on]
        target = m.pregnant[on] | ((m.n_children[on] > 0) & (child_age < p.target_child_age_months))
        steps = np.bincount(m.ladder[on], minlength=LADDER_PARTTIME + 1)
        tally = self.tally
        out: dict[str, float] = {
            "on_assistance": len(on),
            "on_assistance_target_group": int(target.sum()),
            "cohort_on_assistance": int(np.count_nonzero(
                status[: p.size] == Status.ON_ASSISTANCE)),
            **{k: tally.get(k, 0) for k in FLOW_METRICS},
            "in_work": int(np.count_nonzero(status == Status.IN_WORK)),
            "parttime_working": int(m.parttime[on].sum()),
            "exempt": int(m.exempt[on].sum()),
            **{f"ladder_{s}": int(steps[s]) for s in range(1, LADDER_PARTTIME + 1)},
            "barrier_any": int(np.count_nonzero(m.barriers[on])),
            "barrier_registered_any": int(np.count_nonzero(m.barriers_registered[on])),
            "coach_caseload_mean": float(load.mean()) if len(load) else 0.0,
            "coach_caseload_max": int(load.max()) if len(load) else 0,
            "regular_caseload_mean": float(regular.mean()) if len(regular) else 0.0,
            "regular_caseload_max": int(regular.max()) if len(regular) else 0,
            "coach_waiting": tally.get("coach_waiting", 0),
            "coach_contacts": tally.get("coach_contacts", 0),
            "childcare_queue": int(np.count_nonzero(
                followed & (m.queue_since[:n] != NEVER) & (m.childcare_place[:n] < 0))),
            "childcare_places": int(self.provider_places.sum()),
            "childcare_places_used": int(general.sum() + reserved.sum()),
            "job_offers": tally.get("job_offers", 0),
            "offers_declined_income_belief": tally.get("offers_declined_income_belief", 0),
            "offers_failed_childcare": tally.get("offers_failed_childcare", 0),
            "job_starts_parttime": tally.get("job_starts_parttime", 0),
            "job_losses": tally.get("job_losses", 0),
            "returns_after_job_loss": tally.get("returns_after_job_loss", 0),
            "missed_agreements": tally.get("missed_agreements", 0),
            "births": tally.get("births", 0),
            "mean_confidence": float(m.confidence[on].mean()) if len(on) else np.nan,
            "mean_trust_services": float(m.trust_services[on].mean()) if len(on) else np.nan,
            "mean_trust_childcare": float(m.trust_childcare[on].mean()) if len(on) else np.nan,
            "mean_stress": float(m.stress[on].mean()) if len(on) else np.nan,
            "benefit_spending_eur": float(benefit(p, m.earnings_eur[on].astype(np.float64)).sum()),
        }
        if self.policies:
            reached = [p.ever_participants(self) for p in self.policies]
            out["programme_reached"] = len(np.unique(np.concatenate(reached)))
        out.update(policy_metrics)
        out["intervention_spending_eur"] = float(sum(
            v for k, v in policy_metrics.items() if k.endswith("_cost_eur")))
        return out

    # ---- views for inspection ---------------------------------------------------------------
    @property
    def on_assistance(self) -> int:
        """Mothers on assistance now (handy as a Mesa DataCollector model reporter)."""
        return int(np.count_nonzero(self.mothers.status[: self.mothers.n] == Status.ON_ASSISTANCE))

    @property
    def provider_places(self) -> np.ndarray:
        return np.array([c.places for c in self.providers], dtype=np.int64)

    @property
    def provider_reserved(self) -> np.ndarray:
        return np.array([c.reserved for c in self.providers], dtype=np.int64)

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

