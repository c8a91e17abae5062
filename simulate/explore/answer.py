"""The answer as the page shows it: headline numbers from a comparison table, in words.

Every number is read from :attr:`simulate.compare.Comparison.table`, the table ``simulate
compare`` writes, and formatted as the report formats it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from simulate.compare import SUFFIXES, Comparison
from simulate.explore.words import t
from simulate.report.cards import value
from simulate.report.text import TEXT, alike, auto, missing, money, number

# Outcomes known by more than one name, the current name first (none today; a renamed
# outcome keeps its old name here while results written before the rename are read).
ALIASES: dict[str, tuple[str, ...]] = {}
# Routes by which mother-months and benefit are saved, where the comparison splits them
# (``mother_months_saved_via_<route>_X``, ``benefit_saved_via_<route>_eur_X``).
ROUTES = ("work", "noncooperation", "other_exits")

Estimate = tuple[float, float, float]
# Ratios of means, whose interval is unbounded when the denominator's reaches zero.
RATIOS = ("net_cost_per_extra_exit_to_work",)


def estimate(table: pd.DataFrame, alt: str, stem: str, suffix: str = "total") -> Estimate:
    """Mean and 95% interval of ``<stem>_<suffix>`` (or of a name it is also known by);
    NaN when the table has none of them."""
    for name in ALIASES.get(stem, (stem,)):
        found = value(table, alt, f"{name}_{suffix}" if suffix else name)
        if not missing(found[0]) or not missing(found[1]):
            return found
    return (np.nan, np.nan, np.nan)


def has(table: pd.DataFrame, outcome: str) -> bool:
    return bool((table.outcome == outcome).any())


def with_every_name(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with the rows of an outcome known by several names (:data:`ALIASES`)
    also under the names it lacks, so that code reading any of them finds it."""
    present = set(table.outcome.astype(str))
    extra: list[pd.DataFrame] = []
    for names in ALIASES.values():
        for suffix in SUFFIXES:
            have = next((n for n in names if f"{n}_{suffix}" in present), None)
            if have is None:
                continue
            rows = table[table.outcome == f"{have}_{suffix}"]
            extra.extend(rows.assign(outcome=f"{other}_{suffix}") for other in names
                         if f"{other}_{suffix}" not in present)
    return pd.concat([table, *extra], ignore_index=True) if extra else table


def chance_of_paying_back(comparison: Comparison) -> float | None:
    """The chance, over plausible worlds, that the programme pays for itself within the
    horizon.

    Plausible worlds (many draws of the uncertain parameters, each simulated in pairs) are
    not simulated yet, so there is no such chance to give: None, and the page shows
    nothing for it.
    """
    return None


@dataclass(frozen=True)
class Tile:
    """One headline number with its interval and, where the table has them, its parts."""

    key: str
    label: str
    outcome: str
    mean: float
    low: float
    high: float
    text: str
    interval: str
    span: str = ""
    parts: tuple[Tile, ...] = field(default_factory=tuple)


def _tile(key: str, label: str, table: pd.DataFrame, alt: str, stem: str, lang: str,
          months: int, suffix: str = "total", fmt=auto) -> Tile:
    mean, lo, hi = estimate(table, alt, stem, suffix)
    outcome = next((f"{n}_{suffix}" if suffix else n for n in ALIASES.get(stem, (stem,))
                    if has(table, f"{n}_{suffix}" if suffix else n)), stem)
    if stem == "break_even_month":
        def show(x: float, lang: str) -> str:
            return t(lang, "not_within", m=months) if missing(x) else number(x, lang)
        fmt_ = show
    else:
        fmt_ = alike(fmt, (mean, lo, hi))
    if stem == "break_even_month" and missing(lo) and missing(hi):
        interval = t(lang, "not_within_either")
    elif missing(lo) and missing(hi):
        # A ratio has no bounds when its denominator is not clearly above zero.
        interval = (TEXT[lang]["interval_open"] if stem in RATIOS and not missing(mean)
                    else t(lang, "no_interval"))
    else:
        interval = t(lang, "interval", lo=fmt_(lo, lang), hi=fmt_(hi, lang))
    span = "" if missing(lo) and missing(hi) else f"{fmt_(lo, lang)} – {fmt_(hi, lang)}"
    return Tile(key, label, outcome, mean, lo, hi, fmt_(mean, lang), interval, span)


def _routes(table: pd.DataFrame, alt: str, lang: str, months: int, template: str,
            fmt) -> tuple[Tile, ...]:
    parts = []
    for route in ROUTES:
        stem = template.format(route=route)
        if has(table, f"{stem}_total"):
            parts.append(_tile(f"via_{route}", t(lang, f"via_{route}"), table, alt, stem,
                               lang, months, fmt=fmt))
    return tuple(parts)


def tiles(comparison: Comparison, lang: str, months: int) -> list[Tile]:
    """The headline numbers of the one alternative of ``comparison``: extra exits to work,
    mother-months and benefit saved (split by route where the table splits them), cost,
    net cost per extra exit to work and the break-even month, each with its interval."""
    table = comparison.table
    alt = comparison.alternatives[0]
    out = [_tile("work", t(lang, "tile_work", m=months), table, alt, "extra_exits_work", lang,
                 months)]
    for key, label, stem, template, fmt in (
            ("months", "tile_months", "mother_months_saved",
             "mother_months_saved_via_{route}", auto),
            ("benefit", "tile_benefit", "benefit_saved_eur",
             "benefit_saved_via_{route}_eur", money)):
        tile = _tile(key, t(lang, label), table, alt, stem, lang, months, fmt=fmt)
        out.append(Tile(**{**tile.__dict__,
                           "parts": _routes(table, alt, lang, months, template, fmt)}))
    out.append(_tile("cost", t(lang, "tile_cost"), table, alt, "intervention_cost_eur", lang,
                     months, fmt=money))
    coaches = _tile("coaches", t(lang, "tile_coaches"), table, alt, "regular_coach_cost_eur",
                    lang, months, fmt=money)
    if not missing(coaches.mean) and round(coaches.mean) != 0:
        out.append(coaches)
    out.append(_tile("per_exit", t(lang, "tile_per_exit"), table, alt,
                     "net_cost_per_extra_exit_to_work", lang, months, fmt=money))
    out.append(_tile("break_even", t(lang, "tile_break_even"), table, alt, "break_even_month",
                     lang, months, suffix=""))
    chance = chance_of_paying_back(comparison)
    if chance is not None:
        out.append(Tile("chance", t(lang, "tile_chance", m=months), "chance_of_paying_back",
                        chance, np.nan, np.nan, f"{number(100 * chance, lang)}%", ""))
    return out
