"""``simulate report DIR``: one self-contained HTML report from an output directory."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from simulate.report import LANGUAGES, build_report
from simulate.schema import InputError


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


def main(args: argparse.Namespace) -> int:
    out = Path(args.output) if args.output else Path(args.directory) / "report.html"
    if out.is_dir():
        raise InputError(out, "", "is a directory; give the HTML file to write", "report")
    page = build_report(args.directory, args.lang)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, out)
    print(out.resolve())
    return 0
