"""Project workers beside the regular coaches (Rotterdam: three project workers).

After the mid-2023 change in Rotterdam, three project workers did "het leeuwendeel" of the
programme's work next to the mothers' regular coaching (004:294, 004:1043): a mother keeps
her own coach and gets a project worker as well. Each month, while the workers have room,
mothers from the programme's pool (attendees of the start meetings, clients of the
dedicated coaches, or the whole target group) become clients; each worker
(a Mesa agent, :class:`simulate.agents.ProjectWorkerAgent`) divides her client hours over her clients.
A contact runs through the model's contact mechanism (trust gained, more barriers told and
referrals taken up with trust: 004:655) and pushes up the ladder. Clients looking for work
get the dedicated jobcoach at the employers' desk while the jobcoach has room (004:947,
004:1045), which raises their chance of an offer. A client who starts a job gets aftercare
(004:947, 004:1043), which lowers early job loss. After the programme period, or when she
leaves assistance otherwise, she is back with her coach only. Effect sizes are uncertain
parameters; the list of clients is open to the scenario's other programmes
(``participants_of("project_workers")``), so a group can recruit the workers' clients.
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from simulate.parameters import (
    ASSUMPTION,
    ASSUMPTION_NL,
    Parameter,
    ParameterSet,
    count,
    factor,
    share,
)
from simulate.policies.base import (
    Metric,
    Policy,
    State,
    cost_metric,
    register,
    target_group_parameters,
)
from simulate.policies.context import PolicyContext
from simulate.population import NEVER
from simulate.states import Status
from simulate.steps.coaching import least_loaded


@register
class ProjectWorkers(Policy):
    """Project workers who add contacts, a jobcoach and aftercare to the regular coaching."""

    name = "project_workers"
    title = "project workers"
    title_nl = "projectmedewerkers"
    parameters = ParameterSet((
        count("workers", 3, (0, 10), "004:294, 004:1043: three project workers",
              "Project workers (posts).", unit="workers", kind="lever", hi=1000,
              doc_nl="Projectmedewerkers (formatieplaatsen).",
              unit_nl="medewerkers",
              source_nl="004:294, 004:1043: drie projectmedewerkers"),
        Parameter("hours_per_month", 130.0, "hours per month", (65.0, 156.0),
                  ASSUMPTION + ": a full-time post, as a coach's",
                  "Working hours of a project worker per month.", kind="lever",
                  bounds=(1.0, 744.0),
                  doc_nl="Werkuren van een projectmedewerker per maand.",
                  unit_nl="uur per maand",
                  source_nl="aanname: een voltijdbaan, zoals die van een klantmanager"),
        share("client_time_share", 0.4, (0.25, 0.6),
              ASSUMPTION + "; 004:294: they also organise sessions and keep up the network "
              "on other domains of life",
              "Share of a project worker's hours spent on contact with clients.",
              doc_nl=("Deel van de uren van een projectmedewerker dat naar contact met deelnemers "
                      "gaat."),
              unit_nl="aandeel",
              source_nl=("aanname; 004:294: ze organiseren ook bijeenkomsten en onderhouden het "
                         "netwerk op andere leefgebieden")),
        Parameter("hours_per_contact", 1.5, "hours", (1.0, 3.0), ASSUMPTION,
                  "Project worker hours per client contact, with preparation.",
                  bounds=(0.1, 100.0),
                  doc_nl=("Uren van een projectmedewerker per contact met een deelnemer, inclusief"
                          " voorbereiding."),
                  unit_nl="uur",
                  source_nl=ASSUMPTION_NL),
        count("clients_per_worker", 75, (40, 120),
              ASSUMPTION + "; 004:448: 223 women selected for the project, three workers",
              "Most clients (on assistance or in aftercare) per project worker.", lo=1,
              hi=10_000, unit="mothers per worker", kind="lever",
              doc_nl=("Hoogste aantal deelnemers (in de bijstand of in nazorg) per "
                      "projectmedewerker."),
              unit_nl="moeders per medewerker",
              source_nl=("aanname; 004:448: 223 vrouwen geselecteerd voor het project, drie "
                         "medewerkers")),
        Parameter("recruitment", "target_group", "rule", None,
                  "004:748: a three-way talk at the start meeting, an intake within two weeks",
                  "Whose clients they become: the 'target_group', attendees of the scenario's "
                  "'start_meetings', attendees of a peer-group format's 'intake' (start "
                  "meetings run by the groups' funnel), or clients of its 'dedicated_coaches'.",
                  kind="lever", type=str,
                  choices=("target_group", "start_meetings", "intake", "dedicated_coaches"),
                  doc_nl=("Wie deelnemer wordt: de doelgroep ('target_group'), wie op een "
                          "startbijeenkomst van het scenario was ('start_meetings') of klanten van"
                          " de gespecialiseerde klantmanagers ('dedicated_coaches')."),
                  unit_nl="regel",
                  source_nl=("004:748: een driegesprek op de startbijeenkomst, een intake binnen "
                             "twee weken")),
        *target_group_parameters(),
        count("programme_months", 12, (6, 24), ASSUMPTION,
              "Months a mother stays a client (before a job start).", lo=1, hi=240,
              unit="months", kind="lever",
              doc_nl=("Maanden dat een moeder deelnemer blijft (zolang ze geen baan heeft "
                      "gevonden)."),
              unit_nl="maanden",
              source_nl=ASSUMPTION_NL),
        factor("trust_multiplier", 1.5, (1.0, 2.5),
               ASSUMPTION + "; 004:730: participants felt a warmth they were not used to at "
               "the municipality",
               "Trust in services gained per project worker contact, relative to a coach "
               "contact.",
               doc_nl=("Vertrouwen in de dienstverlening dat een contact met een projectmedewerker"
                       " oplevert, vergeleken met een contact met de klantmanager."),
               unit_nl="factor",
               source_nl=("aanname; 004:730: deelnemers voelden een warmte die ze bij de gemeente "
                          "niet gewend waren")),
        factor("ladder_effect", 0.5, (0.0, 1.5), ASSUMPTION,
               "Extra relative chance of a step up the ladder in a month with a project "
               "worker contact (she works as development and activation coach: 004:294).",
               doc_nl=("Extra relatieve kans op een stap omhoog op de participatieladder in een "
                       "maand met een contact met een projectmedewerker."),
               unit_nl="factor",
               source_nl=ASSUMPTION_NL),
        count("jobcoach_clients", 15, (5, 40),
              ASSUMPTION + "; 004:947, 004:1045: one jobcoach at the employers' desk "
              "specialised in mothers",
              "Most clients looking for work whom the dedicated jobcoach helps at a time.",
              lo=0, hi=10_000, unit="mothers", kind="lever",
              doc_nl="Hoogste aantal werkzoekende deelnemers dat de jobcoach tegelijk helpt.",
              unit_nl="moeders",
              source_nl=("aanname; 004:947, 004:1045: één jobcoach bij het Werkgeversservicepunt, "
                         "gespecialiseerd in moeders")),
        factor("jobcoach_offer_boost", 1.5, (1.0, 3.0),
               ASSUMPTION + "; 004:1045: project workers and the jobcoach search for suitable "
               "jobs",
               "Chance of a job offer in a month with the jobcoach, relative to without.",
               doc_nl="Kans op een baanaanbod in een maand met de jobcoach, vergeleken met zonder.",
               unit_nl="factor",
               source_nl=("aanname; 004:1045: projectmedewerkers en de jobcoach zoeken gericht "
                          "naar geschikte banen")),
        share("jobcoach_fte", 0.5, (0.2, 1.0), ASSUMPTION,
              "Share of a full-time post the jobcoach gives the programme.", unit="FTE",
              kind="lever",
              doc_nl="Deel van een voltijdbaan dat de jobcoach aan het programma besteedt.",
              unit_nl="fte",
              source_nl=ASSUMPTION_NL),
        count("aftercare_months", 6, (0, 12),
              "004:947: aftercare by the project workers; its length is an assumption",
              "Months of aftercare after a client's job start.", lo=0, hi=120,
              unit="months", kind="lever",
              doc_nl="Maanden nazorg na de start van een baan.",
              unit_nl="maanden",
              source_nl="004:947: nazorg door de projectmedewerkers; de duur is een aanname"),
        share("aftercare_job_loss_reduction", 0.3, (0.1, 0.6), ASSUMPTION,
              "Relative drop in the risk of job loss during the project workers' aftercare.",
              kind="uncertainty",
              doc_nl=("Relatieve daling van het risico op baanverlies tijdens de nazorg van de "
                      "projectmedewerkers."),
              unit_nl="aandeel",
              source_nl=ASSUMPTION_NL),
        Parameter("cost_per_fte_month_eur", 6500.0, "EUR per FTE per month", (4500.0, 9000.0),
                  ASSUMPTION + ": employer cost of a full-time post, as a coach's",
                  "Cost of a full-time post (project worker or jobcoach) per month; a "
                  "project worker's post counts as her hours over the coaches' hours.",
                  bounds=(0.0, 1e7),
                  doc_nl=("Kosten van een voltijdbaan (projectmedewerker of jobcoach) per maand; "
                          "de baan van een projectmedewerker telt naar haar uren gedeeld door die "
                          "van een klantmanager."),
                  unit_nl="euro per fte per maand",
                  source_nl=("aanname: werkgeverslasten van een voltijdbaan, zoals die van een "
                             "klantmanager")),
    ))

    metrics = (
        Metric("project_workers_reached", "mothers", "Mothers ever a project worker's client.",
               kind="stock"),
        Metric("project_workers_active", "mothers",
               "Clients now (on assistance, or in aftercare after a job start).", reach=True,
               kind="stock"),
        Metric("project_workers_waiting", "mothers",
               "Mothers in the pool who could not become a client for lack of room.", kind="stock"),
        Metric("project_worker_new_clients", "mothers", "New clients this month.", kind="flow"),
        Metric("project_worker_contacts", "contacts", "Project worker contacts this month.",
               kind="flow"),
        Metric("project_worker_caseload_mean", "mothers per worker",
               "Mean project worker caseload.", chart="caseload",
               words="project workers", words_nl="projectmedewerkers", kind="mean"),
        Metric("project_worker_aftercare", "mothers", "Clients in aftercare this month.",
               kind="stock"),
        Metric("jobcoach_clients", "mothers", "Clients with the jobcoach this month.", kind="stock"),
        Metric("jobcoach_waiting", "mothers",
               "Clients looking for work without the jobcoach for lack of room.", kind="stock"),
        cost_metric("Project workers and the jobcoach's share for the programme."),
    )
    zero: ClassVar[dict[str, Any]] = {"workers": 0}
    uses = ("start_meetings", "peer_groups", "dedicated_coaches")  # whose participants it reads
    state = (
        State("worker", np.int64, -1, "her project worker; -1: not a client now"),
        State("since", np.int32, NEVER, "month she became a client"),
        State("jobcoach", np.bool_, False, "with a job coach"),
    )
    # Read and written as attributes; the mothers' table holds them (Policy.bind).
    worker: np.ndarray
    since: np.ndarray
    jobcoach: np.ndarray

    def setup(self, ctx: PolicyContext) -> None:
        p = self.params
        self.agents = ctx.hire_project_workers(
            p.workers, hours_per_month=p.hours_per_month, client_time_share=p.client_time_share,
            hours_per_contact=p.hours_per_contact, clients_max=p.clients_per_worker)
        self.clients = np.zeros(0, dtype=np.int64)
        self.counts = dict.fromkeys(("waiting", "new", "contacts", "aftercare", "jobcoach",
                                     "jobcoach_waiting"), 0)
        self.load = np.zeros(p.workers, dtype=np.int64)

    def participants(self, ctx: PolicyContext) -> np.ndarray:
        return self.clients

    def ever_participants(self, ctx: PolicyContext) -> np.ndarray:
        return np.flatnonzero(self.since != NEVER)

    def on_month_start(self, ctx: PolicyContext) -> None:
        self.counts = dict.fromkeys(self.counts, 0)
        if not self.agents:
            return
        m, p, t = ctx.mothers, self.params, ctx.month

        coached, aftercare = self._keep(ctx)
        self._recruit(ctx)
        coached = np.union1d(coached, np.flatnonzero(self.since[: m.n] == t))
        self.clients = np.union1d(coached, aftercare)
        self.load = np.bincount(self.worker[self.clients], minlength=len(self.agents))

        # Contacts: each worker's client hours over her clients (aftercare included).
        capacity = np.array([a.contact_capacity for a in self.agents])
        rate = capacity[self.worker[coached]] / np.maximum(self.load[self.worker[coached]], 1)
        met = coached[ctx.uniform("contact", coached) < -np.expm1(-rate)]
        ctx.contact(met, p.trust_multiplier)
        ctx.scale("mod_ladder_up", met, 1.0 + p.ladder_effect)
        self.counts["contacts"] = len(met)

        # The jobcoach: those she helps keep her while they search; free places by lot.
        searching = coached[m.ladder[coached] >= ctx.params.search_min_step]
        self.jobcoach[np.setdiff1d(np.flatnonzero(self.jobcoach[: m.n]), searching)] = False
        new = searching[~self.jobcoach[searching]]
        room = max(p.jobcoach_clients - int(self.jobcoach[searching].sum()), 0)
        new = new[np.argsort(ctx.uniform("jobcoach", new), kind="stable")][:room]
        self.jobcoach[new] = True
        helped = searching[self.jobcoach[searching]]
        ctx.scale("mod_offer", helped, p.jobcoach_offer_boost)
        self.counts["jobcoach"] = len(helped)
        self.counts["jobcoach_waiting"] = len(searching) - len(helped)

        ctx.scale("mod_job_loss", aftercare, 1.0 - p.aftercare_job_loss_reduction)
        self.counts["aftercare"] = len(aftercare)

    def _keep(self, ctx: PolicyContext) -> tuple[np.ndarray, np.ndarray]:
        """Current clients still in the programme: (on assistance, in aftercare); the
        others are released (back with their coach only)."""
        m, p, t = ctx.mothers, self.params, ctx.month
        ids = np.flatnonzero(self.worker[: m.n] >= 0)
        status = m.status[ids]
        working = (status == Status.IN_WORK) | ((status == Status.ON_ASSISTANCE)
                                                & m.parttime[ids])
        new_job = working & (m.job_start[ids] >= self.since[ids])
        after = new_job & (t - m.job_start[ids] <= p.aftercare_months)
        coached = ((status == Status.ON_ASSISTANCE) & ~new_job
                   & (t - self.since[ids] < p.programme_months))
        self.worker[ids[~(after | coached)]] = -1
        self.jobcoach[ids[~coached]] = False
        return ids[coached], ids[after]

    def _recruit(self, ctx: PolicyContext) -> None:
        m, p, t = ctx.mothers, self.params, ctx.month
        on = ctx.on_assistance()
        ok = (ctx.target_group(on, p.max_child_age_months, p.include_pregnant)
              & (self.since[on] == NEVER) & ~m.parttime[on])
        if not p.include_exempt:
            ok &= ~m.exempt[on]
        if p.recruitment == "intake":
            from simulate.policies.peer_groups import PeerGroups
            came = [np.flatnonzero(g.intake_attended) for g in ctx.policies_named("peer_groups")
                    if isinstance(g, PeerGroups)]
            ok &= np.isin(on, np.concatenate(came) if came else [])
        elif p.recruitment != "target_group":
            ok &= np.isin(on, ctx.participants_of(p.recruitment, ever=True))
        pool = on[ok]
        pool = pool[np.argsort(ctx.uniform("priority", pool), kind="stable")]
        current = self.worker[: m.n]
        load = np.bincount(current[current >= 0], minlength=len(self.agents))
        capacity = np.array([a.clients_max for a in self.agents])
        chosen = least_loaded(load, capacity, len(pool))
        got = pool[: len(chosen)]
        self.worker[got] = chosen
        self.since[got] = t
        self.counts["new"] = len(got)
        self.counts["waiting"] = len(pool) - len(got)

    def report(self, ctx: PolicyContext) -> dict[str, float]:
        p, c = self.params, self.counts
        posts = p.workers * p.hours_per_month / ctx.params.coach_hours_per_month
        return {
            "project_workers_reached": int(np.count_nonzero(self.since != NEVER)),
            "project_workers_active": len(self.clients) if self.agents else 0,
            "project_workers_waiting": c["waiting"],
            "project_worker_new_clients": c["new"],
            "project_worker_contacts": c["contacts"],
            "project_worker_caseload_mean": float(self.load.mean()) if self.agents else 0.0,
            "project_worker_aftercare": c["aftercare"],
            "jobcoach_clients": c["jobcoach"],
            "jobcoach_waiting": c["jobcoach_waiting"],
            "cost_eur": ((posts + (p.jobcoach_fte if p.workers else 0.0))
                         * p.cost_per_fte_month_eur),
        }
