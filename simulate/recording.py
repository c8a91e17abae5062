"""What a run records: monthly metrics, assistance spells and children's birth months."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from simulate.states import EXIT_REASONS, Education, EntryReason, Status

if TYPE_CHECKING:
    from simulate.population import Mothers

SPELL_END_REASONS = dict(EXIT_REASONS)


class MonthlyRecord:
    """Metrics by month, stored as one dict per month until the frame is built."""

    def __init__(self) -> None:
        self.rows: list[tuple[int, dict[str, float]]] = []

    def add(self, month: int, metrics: dict[str, float]) -> None:
        self.rows.append((month, metrics))

    def latest(self) -> dict[str, float]:
        return self.rows[-1][1]

    def series(self, metric: str) -> np.ndarray:
        return np.array([m.get(metric, np.nan) for _, m in self.rows], dtype=float)

    def wide(self) -> pd.DataFrame:
        """One row per month, one column per metric."""
        frame = pd.DataFrame([m for _, m in self.rows], index=[t for t, _ in self.rows])
        frame.index.name = "month"
        return frame

    def long(self) -> pd.DataFrame:
        """Tidy frame: month, metric, value (sorted by metric, then month)."""
        wide = self.wide()
        long = wide.reset_index().melt(id_vars="month", var_name="metric", value_name="value")
        return long.sort_values(["metric", "month"], kind="stable").reset_index(drop=True)


class SpellLog:
    """One row per assistance spell, appended in vectorised chunks as spells end."""

    FIELDS = ("mother_id", "entry_month", "start_month", "end_month", "exit_reason", "returning",
              "exempt_ever", "exempt_request_ever", "barrier_registered_at_entry", "education",
              "entry_reason", "age_at_start")

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.chunks: list[dict[str, np.ndarray]] = []

    def _rows(self, mothers: Mothers, ids: np.ndarray, end: np.ndarray, reason: np.ndarray) -> dict:
        start = mothers.spell_start[ids]
        return {
            "mother_id": ids.astype(np.int64),
            "entry_month": mothers.entry_month[ids].astype(np.int64),
            "start_month": start.astype(np.int64),
            "end_month": end.astype(np.float64),
            "exit_reason": reason,
            "returning": mothers.returning[ids].copy(),
            "exempt_ever": mothers.spell_exempt_ever[ids].copy(),
            "exempt_request_ever": mothers.spell_exempt_request[ids].copy(),
            "barrier_registered_at_entry": mothers.spell_barrier_registered[ids].copy(),
            "education": mothers.education[ids].copy(),
            "entry_reason": mothers.entry_reason[ids].copy(),
            "age_at_start": (start - mothers.birth_month[ids]) / 12.0,
        }

    def close(self, mothers: Mothers, ids: np.ndarray, month: int, status: int) -> None:
        """Record the end of the spells of ``ids`` in ``month`` for reason ``status``."""
        if self.enabled and len(ids):
            reason = np.full(len(ids), SPELL_END_REASONS[status], dtype=object)
            self.chunks.append(self._rows(mothers, ids, np.full(len(ids), month), reason))

    def frame(self, mothers: Mothers) -> pd.DataFrame:
        """All spells: the closed ones, then those still open (end_month and reason empty)."""
        open_ids = mothers.ids_where(Status.ON_ASSISTANCE)
        chunks = list(self.chunks)
        chunks.append(self._rows(mothers, open_ids, np.full(len(open_ids), np.nan),
                                 np.full(len(open_ids), None, dtype=object)))
        data = {f: np.concatenate([c[f] for c in chunks]) for f in self.FIELDS}
        frame = pd.DataFrame(data)
        frame["end_month"] = frame["end_month"].astype("Int64")
        frame["exit_reason"] = pd.Categorical(
            frame["exit_reason"], categories=list(SPELL_END_REASONS.values()))
        frame["education"] = pd.Categorical.from_codes(
            frame["education"], categories=[e.name.lower() for e in Education])
        frame["entry_reason"] = pd.Categorical.from_codes(
            frame["entry_reason"], categories=[e.name.lower() for e in EntryReason])
        return frame.sort_values(["mother_id", "start_month"], kind="stable").reset_index(drop=True)


class ChildLog:
    """Birth months of youngest children and of known pregnancies (their due month).

    With the months a pregnancy is known, this tells when a mother belonged to the target
    group (pregnant or a child under the target age): what a period sample needs.
    """

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.ids: list[np.ndarray] = []
        self.months: list[np.ndarray] = []

    def add(self, ids: np.ndarray, birth_months: np.ndarray) -> None:
        if self.enabled and len(ids):
            self.ids.append(np.asarray(ids, dtype=np.int64))
            self.months.append(np.asarray(birth_months, dtype=np.int64))

    def frame(self) -> pd.DataFrame:
        if not self.ids:
            return pd.DataFrame({"mother_id": np.zeros(0, np.int64),
                                 "birth_month": np.zeros(0, np.int64)})
        frame = pd.DataFrame({"mother_id": np.concatenate(self.ids),
                              "birth_month": np.concatenate(self.months)})
        return frame.drop_duplicates().sort_values(["mother_id", "birth_month"]).reset_index(
            drop=True)
