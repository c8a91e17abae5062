"""Money: what a mother is paid and what she believes a job brings.

Assistance is a net amount set against net pay: :func:`benefit` is the norm less net
earnings above the earnings disregard; :func:`net_pay` is gross pay after tax; a working
mother pays part of formal childcare herself (:func:`childcare_cost`). A mother weighs an
offer by the net income gain she believes it brings (:func:`believed_gain`; 004:538),
which the job step (:mod:`simulate.steps.jobs`) turns into acceptance and the monthly
record into benefit spending.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from simulate.metrics import core_metrics
from simulate.module import Module
from simulate.parameters import (
    Parameter,
    ParameterSet,
    amount,
    share,
)

if TYPE_CHECKING:
    from simulate.steps import World


def net_pay(p, earnings: np.ndarray) -> np.ndarray:
    """Net monthly pay of gross ``earnings``."""
    return p.net_pay_share * earnings


def benefit(p, earnings: np.ndarray) -> np.ndarray:
    """Assistance paid alongside gross ``earnings``: the norm less net earnings above the
    disregard (assistance is set against net income)."""
    net = net_pay(p, earnings)
    kept = np.minimum(p.earnings_disregard_rate * net, p.earnings_disregard_cap_eur)
    return np.maximum(p.assistance_norm_eur - np.maximum(net - kept, 0.0), 0.0)


def childcare_cost(p, hours: np.ndarray) -> np.ndarray:
    """Formal childcare a working mother pays herself per month for ``hours`` a week."""
    return p.childcare_net_cost_eur * hours / p.childcare_cost_hours_per_week


def believed_gain(model: World, ids: np.ndarray, earnings: np.ndarray,
                  hours: np.ndarray, pays_care: np.ndarray) -> np.ndarray:
    """Monthly net income gain a mother believes an offer brings: her income with the job
    (net pay, and the top-up if she knows it continues) less her income now (the norm, or
    her part-time pay with its top-up), less the extra formal childcare she would pay.

    Both incomes are net: assistance is a net amount, set against net pay. Policies adjust
    the gain through this month's modifiers: the childcare cost she weighs
    (``mod_care_cost``: a municipal top-up), a correction of her belief (``mod_gain_eur``:
    financial coaching). At their neutral values (1, 0) the gain is exactly the one above.
    """
    m, p = model.mothers, model.params_for(ids)
    believed_benefit = np.where(m.knows_topup[ids], benefit(p, earnings), 0.0)
    now_earnings = m.earnings_eur[ids].astype(np.float64)
    now = np.where(m.parttime[ids], net_pay(p, now_earnings) + benefit(p, now_earnings),
                   p.assistance_norm_eur)
    now_hours = np.where(m.parttime[ids], p.parttime_hours_per_week, 0.0)
    care = np.where(pays_care, (childcare_cost(p, hours) - childcare_cost(p, now_hours))
                    * m.mod_care_cost[ids], 0.0)
    return net_pay(p, earnings) + believed_benefit - now - care + m.mod_gain_eur[ids]


# What this step reads of the model's parameters, declared here; simulate.parameters.PARAMETERS
# holds every module's, in the order of the month's steps.
PARAMETERS: tuple[Parameter, ...] = (
    # ---- money ------------------------------------------------------------------------
    amount("assistance_norm_eur", 1345.45, (1200.0, 1500.0),
           "Rijksoverheid, Participatiewet norm for a single parent aged 21+, 1 Jan 2025",
           "Assistance per month incl. holiday pay.", unit="EUR per month", kind="fact",
           doc_nl="Bijstandsnorm per maand, inclusief vakantiegeld.",
           unit_nl="euro per maand",
           source_nl=("Rijksoverheid, bijstandsnorm Participatiewet voor een alleenstaande ouder "
                      "van 21 jaar of ouder, 1 januari 2025")),
    share("earnings_disregard_rate", 0.125, (0.0, 0.25),
          "Participatiewet earnings disregard, July 2024",
          "Share of earnings a mother on assistance may keep.", kind="fact",
          doc_nl=("Deel van de inkomsten dat een moeder in de bijstand mag houden "
                  "(inkomstenvrijlating)."),
          unit_nl="aandeel",
          source_nl="inkomstenvrijlating Participatiewet, juli 2024"),
    amount("earnings_disregard_cap_eur", 167.79, (0.0, 300.0),
           "Participatiewet earnings disregard, July 2024",
           "Most earnings a mother on assistance may keep.", unit="EUR per month",
           kind="fact",
           doc_nl="Hoogste bedrag aan inkomsten dat een moeder in de bijstand mag houden.",
           unit_nl="euro per maand",
           source_nl="inkomstenvrijlating Participatiewet, juli 2024"),
)


class Money(Module):
    """The benefit, net pay and the childcare a mother pays, what she believes a job would bring, and what assistance and programmes cost."""

    name = "money"
    title = "Benefit, pay and costs"
    title_nl = "Uitkering, loon en kosten"
    description = ("The benefit, net pay and the childcare a mother pays, what she believes a job would bring, and what assistance and programmes cost.")
    description_nl = ("De uitkering, het nettoloon en de eigen bijdrage voor kinderopvang, wat een moeder denkt dat werk oplevert, en wat bijstand en programma's kosten.")
    parameters = ParameterSet(PARAMETERS)
    metrics = core_metrics(
        "benefit_spending_eur", "intervention_spending_eur")
