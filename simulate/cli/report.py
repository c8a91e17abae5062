"""``simulate report DIR``: one self-contained HTML report from an output directory."""

from __future__ import annotations

import argparse
from pathlib import Path

from simulate.io import atomic_write, check_new_file, damaged_file, read_manifest, seal
from simulate.report import LANGUAGES, build_report
from simulate.schema import InputError

COMMAND = "simulate report"


def add_parser(sub) -> None:
    p = sub.add_parser("report", help="write a self-contained HTML report",
                       description="Build one HTML file (plotly embedded, works offline) from "
                                   "the output directory of simulate run, compare, sweep or "
                                   "sensitivity.")
    p.add_argument("directory", help="output directory")
    p.add_argument("-o", "--output", default=None,
                   help="HTML file to write (default: DIRECTORY/report.html)")
    p.add_argument("--lang", choices=LANGUAGES, default="en", help="language: en or nl")
    p.set_defaults(func=main)


def verify_result(directory: Path) -> None:
    """Refuse a result whose files do not match the checksums in its manifest."""
    manifest = read_manifest(directory)
    problem = damaged_file(directory, manifest) if manifest else None
    if problem:
        raise InputError(directory, "", f"{problem}; run the command that made it again",
                         "report")


def main(args: argparse.Namespace) -> int:
    directory = Path(args.directory)
    if not directory.is_dir():
        raise InputError(directory, "", "no such output directory", "report")
    out = Path(args.output) if args.output else directory / "report.html"
    # Before the work: a new file, or a report this command wrote and nobody changed since.
    check_new_file(out, COMMAND, "-o", "report")
    verify_result(directory)
    page = build_report(directory, args.lang)
    atomic_write(out, seal(page, COMMAND, ("<!--", "-->")))
    print(out.resolve())
    return 0
