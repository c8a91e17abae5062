"""Employers: vacancies, hours (flexible or school-time), perceived risk of hiring mothers."""

from __future__ import annotations

import mesa


class Employer(mesa.Agent):
    """An employer (or employer segment) in the local labour market.

    Args:
        model: The model.
        index: Position in the model's employer list.
        vacancy_share: Share of the market's vacancies this employer has.
        risk_perception: Share of offers withheld from a mother whose youngest child
            needs care (perceived risk of hiring her).
        flexible_share: Share of vacancies in flexible or school-time hours.
    """

    def __init__(self, model, *, index: int, vacancy_share: float, risk_perception: float,
                 flexible_share: float) -> None:
        super().__init__(model)
        self.index = index
        self.vacancy_share = vacancy_share
        self.risk_perception = risk_perception
        self.flexible_share = flexible_share
        self.vacancies = 0   # vacancies open this month (drawn by the job-matching step)
        self.offers_made = 0
