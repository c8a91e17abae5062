"""A report a municipality can read: one self-contained HTML file (plotly embedded)."""

from __future__ import annotations

from pathlib import Path

from simulate.report.build import build
from simulate.report.load import load_output
from simulate.report.text import LANGUAGES


def build_report(directory: str | Path, lang: str = "en") -> str:
    """The report for an output directory of ``simulate run/compare/sweep/sensitivity``."""
    if lang not in LANGUAGES:
        raise ValueError(f"language {lang!r} is not one of {LANGUAGES}")
    return build(load_output(directory), lang)


__all__ = ["LANGUAGES", "build_report"]
