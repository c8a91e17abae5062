"""What a run records: monthly metrics, assistance spells and children's birth months."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from simulate.states import EXIT_REASONS, Education, EntryReason, Status

if TYPE_CHECKING:
    from simulate.population import Mothers

SPELL_END_REASONS = dict(EXIT_REASONS)
# A spell's end reason as stored while running: its place among SPELL_END_REASONS (-1 open).
_REASON_CODE = {status: code for code, status in enumerate(SPELL_END_REASONS)}


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
            reason = np.full(len(ids), _REASON_CODE[status], dtype=np.int8)
            self.chunks.append(self._rows(mothers, ids, np.full(len(ids), month), reason))

    def frame(self, mothers: Mothers) -> pd.DataFrame:
        """All spells by mother and start month (end_month and reason empty for those
        still open). Built a column at a time, so that at a million mothers (ten million
        spells) it needs little more than the frame itself."""
        return self.frame_with(self.still_open(mothers, mothers.ids_where(Status.ON_ASSISTANCE)))

    def still_open(self, mothers: Mothers, ids: np.ndarray) -> dict[str, np.ndarray]:
        """The spells of mothers ``ids``, still on assistance, as open spells (no end)."""
        return self._rows(mothers, ids, np.full(len(ids), np.nan),
                          np.full(len(ids), -1, dtype=np.int8))

    def frame_with(self, still_open: dict[str, np.ndarray]) -> pd.DataFrame:
        """:meth:`frame` with the open spells given (:meth:`still_open`)."""
        chunks = [*self.chunks, still_open]

        def column(name: str) -> np.ndarray:
            return np.concatenate([c[name] for c in chunks])

        order = np.lexsort((column("start_month"), column("mother_id")))  # stable
        data: dict[str, Any] = {}
        for name in self.FIELDS:
            data[name] = column(name)[order]
        data["end_month"] = pd.array(data["end_month"], dtype="Int64")
        data["exit_reason"] = pd.Categorical.from_codes(
            data["exit_reason"], categories=list(SPELL_END_REASONS.values()))
        data["education"] = pd.Categorical.from_codes(
            data["education"], categories=[e.name.lower() for e in Education])
        data["entry_reason"] = pd.Categorical.from_codes(
            data["entry_reason"], categories=[e.name.lower() for e in EntryReason])
        return pd.DataFrame(data, copy=False)


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
