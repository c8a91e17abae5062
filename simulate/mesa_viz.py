"""Mesa's SolaraViz on the model: the declared levers as sliders, headline metrics as charts.

Needs the ``viz`` extra (``pip install 'pathways-simulate[viz]'``: Mesa's visualisation,
Solara). Put this in ``app.py`` and run ``solara run app.py``::

    from simulate.mesa_viz import page
    page = page("scenarios/combined.yaml", size=600)

The sidebar has a slider (or a choice, or a tick box) for every lever the scenario has:
the core model's (``regular_caseload_target``) and those of the policies it lists
(``dedicated_coaches.caseload``), each over its declared plausible range and starting at
the scenario's value. *Reset* builds a new model with the values set, *Step* and *Play*
advance it a month at a time; the charts (plotly) show the headline metrics from month 0.
Without a ``seed`` each reset draws a fresh one, as every Mesa model does.
"""

from __future__ import annotations

import math
from typing import Any

import plotly.graph_objects as go
import solara
from mesa.visualization import Slider, SolaraViz
from mesa.visualization.utils import update_counter

from simulate.clients import ScenarioLike, scenario_of
from simulate.model import PathwaysModel
from simulate.parameters import PARAMETERS, Parameter
from simulate.policies import REGISTRY
from simulate.scenario import Scenario

# What the charts show, by chart: metrics of the model's DataCollector.
CHARTS = {
    "Mothers on assistance and in work": ("on_assistance", "in_work", "childcare_queue"),
    "Exits per month": ("exit_work", "exit_study", "exit_partner", "exit_other"),
    "Spending per month (EUR)": ("benefit_spending_eur", "intervention_spending_eur"),
    "Mean caseload of a coach": ("coach_caseload_mean",),
}


def levers(scenario: Scenario) -> dict[str, tuple[Parameter, Any]]:
    """Every lever of ``scenario`` by the name a model takes it under, with its value."""
    values = scenario.params().values
    out: dict[str, tuple[Parameter, Any]] = {
        p.name: (p, values[p.name]) for p in PARAMETERS.of_kind("lever")}
    for spec in scenario.policies:
        policy = spec.make()
        for p in REGISTRY[spec.name].parameters.of_kind("lever"):
            out[f"{spec.key}.{p.name}"] = (p, policy.params[p.name])
    return out


def _step(low: float, high: float) -> float:
    """A round step giving about 100 positions between ``low`` and ``high``."""
    span = high - low
    return 10.0 ** math.floor(math.log10(span / 100.0)) if span > 0 else 1.0


def user_input(name: str, declaration: Parameter, value: Any) -> Any:
    """The SolaraViz input of one lever: a slider over its plausible range, a choice or a
    tick box."""
    label = f"{name} ({declaration.unit})"
    if declaration.type is bool:
        return {"type": "Checkbox", "value": bool(value), "label": name}
    if declaration.type is str:
        return {"type": "Select", "value": value, "values": list(declaration.choices or ()),
                "label": name}
    low, high = declaration.range if declaration.range else (value, value)
    low, high = min(low, value), max(high, value)
    if declaration.type is int:
        return Slider(label, value=int(value), min=int(low), max=int(high), step=1, dtype=int)
    return Slider(label, value=float(value), min=float(low), max=float(high),
                  step=_step(low, high), dtype=float)


def model_params(scenario: ScenarioLike, **fixed: Any) -> dict[str, Any]:
    """SolaraViz's ``model_params``: the scenario and ``fixed`` values as they are, and an
    input for every lever."""
    chosen = scenario_of(scenario)
    inputs = {name: user_input(name, p, value) for name, (p, value) in levers(chosen).items()}
    return {"scenario": chosen, **fixed, **inputs}


def chart(title: str, metrics: tuple[str, ...]):
    """A SolaraViz component: ``metrics`` of the model's DataCollector by month (plotly)."""

    @solara.component
    def Chart(model: PathwaysModel):
        update_counter.get()  # drawn again after every step
        frame = model.datacollector.get_model_vars_dataframe()
        fig = go.Figure([go.Scatter(x=list(range(len(frame))), y=frame[m], name=m,
                                    mode="lines") for m in metrics if m in frame])
        fig.update_layout(title=title, template="plotly_white", height=320,
                          xaxis_title="month", margin={"l": 40, "r": 10, "t": 50, "b": 40},
                          legend={"orientation": "h", "y": -0.25})
        solara.FigurePlotly(fig)

    return Chart


def page(scenario: ScenarioLike = "scenarios/baseline.yaml", *, size: int | None = None,
         seed: int | None = None, name: str = "Pathways"):
    """Mesa's SolaraViz page for ``scenario`` (a :class:`Scenario` or a file's path).

    Args:
        scenario: The scenario: its policies run, its levers get the inputs.
        size: Mothers in the initial stock (default: the scenario's); smaller is faster.
        seed: Root seed of every model the page builds (default: a fresh one each reset).
        name: The page's title.
    """
    chosen = scenario_of(scenario)
    fixed: dict[str, Any] = {"size": size} if size is not None else {}
    if seed is not None:
        fixed["seed"] = seed
    params = model_params(chosen, **fixed)
    start = {k: (v.value if isinstance(v, Slider) else v["value"]) if _is_input(v) else v
             for k, v in params.items()}
    model = PathwaysModel(**start)
    return SolaraViz(model, components=[(chart(t, m), 0) for t, m in CHARTS.items()],
                     model_params=params, name=name)


def _is_input(value: Any) -> bool:
    return isinstance(value, Slider) or (isinstance(value, dict) and "type" in value)


__all__ = ["CHARTS", "chart", "levers", "model_params", "page", "user_input"]
