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
    m, p = model.mothers, model.params
    believed_benefit = np.where(m.knows_topup[ids], benefit(p, earnings), 0.0)
    now_earnings = m.earnings_eur[ids].astype(np.float64)
    now = np.where(m.parttime[ids], net_pay(p, now_earnings) + benefit(p, now_earnings),
                   p.assistance_norm_eur)
    now_hours = np.where(m.parttime[ids], p.parttime_hours_per_week, 0.0)
    care = np.where(pays_care, (childcare_cost(p, hours) - childcare_cost(p, now_hours))
                    * m.mod_care_cost[ids], 0.0)
    return net_pay(p, earnings) + believed_benefit - now - care + m.mod_gain_eur[ids]
