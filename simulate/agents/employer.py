"""Employers: vacancies, hours (flexible or school-time), perceived risk of hiring mothers.

An :class:`Employer` is a view on one row of the model's ``employer_table`` (the arrays
the job step reads), so editing an agent (``employer.risk_perception = 0.1``) changes
what the model does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import mesa

if TYPE_CHECKING:
    from simulate.model import PathwaysModel


def _row(key: str, doc: str, kind=float) -> property:
    def get(self):
        return kind(self.model.employer_table[key][self.index])

    def set_(self, value):
        self.model.employer_table[key][self.index] = value

    return property(get, set_, doc=doc)


class Employer(mesa.Agent):
    """An employer (or employer segment) in the local labour market.

    Attributes (views on the table):
        vacancy_share: Share of the market's vacancies this employer has.
        risk_perception: Share of offers withheld from a mother who is pregnant or whose
            youngest child needs care; a mother whose childcare is arranged faces
            ``employer_arranged_care_factor`` times this.
        flexible_share: Share of vacancies in flexible or school-time hours.
        vacancies: Vacancies open this month (drawn by the job step).
        offers_made: Offers made this month.
    """

    vacancy_share = _row("share", "Share of the market's vacancies.")
    risk_perception = _row("risk", "Perceived risk of hiring a mother of a young child.")
    flexible_share = _row("flexible", "Share of vacancies in flexible or school-time hours.")
    vacancies = _row("vacancies", "Vacancies open this month.", int)
    offers_made = _row("offers_made", "Offers made this month.", int)

    def __init__(self, model: PathwaysModel, *, index: int) -> None:
        super().__init__(model)
        self.index = index
