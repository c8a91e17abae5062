"""``simulate params``: the declared parameters with unit, default, range and source."""

from __future__ import annotations

import argparse
import json

from simulate.parameters import PARAMETERS
from simulate.policies import REGISTRY


def add_parser(sub) -> None:
    p = sub.add_parser("params", help="list the declared parameters",
                       description="List every declared parameter: the core model's and "
                                   "each policy's.")
    p.add_argument("--kind", choices=["uncertainty", "lever", "fact", "setting"],
                   help="only parameters of this kind")
    p.add_argument("--markdown", action="store_true", help="print a Markdown table")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=main)


def rows(kind: str | None = None) -> list[dict]:
    out = []
    sets = [("model", PARAMETERS)] + [(name, cls.parameters) for name, cls in sorted(REGISTRY.items())]
    for owner, declarations in sets:
        for p in declarations.values():
            if kind and p.kind != kind:
                continue
            name = p.name if owner == "model" else f"{owner}.{p.name}"
            out.append({"name": name, "section": p.group if owner == "model" else "policies",
                        "kind": p.kind, "default": p.default, "unit": p.unit,
                        "range": list(p.range) if p.range else None, "source": p.source,
                        "doc": p.doc, "calibrated_to": list(p.calibrated_to)})
    return out


def main(args: argparse.Namespace) -> int:
    data = rows(args.kind)
    if args.json:
        print(json.dumps(data, indent=1))
    elif args.markdown:
        print(markdown(data))
    else:
        for r in data:
            rng = "" if r["range"] is None else f" [{r['range'][0]:g} .. {r['range'][1]:g}]"
            print(f"{r['name']} = {r['default']} {r['unit']}{rng} ({r['kind']}): {r['doc']} "
                  f"Source: {r['source']}.{calibrated(r, '')}")
    return 0


def markdown(data: list[dict]) -> str:
    lines = ["| name | section | kind | default | unit | plausible range | source | meaning |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in data:
        rng = "" if r["range"] is None else f"{r['range'][0]:g} to {r['range'][1]:g}"
        lines.append(f"| `{r['name']}` | {r['section']} | {r['kind']} | {r['default']} | "
                     f"{r['unit']} | {rng} | {r['source']}{calibrated(r, '`')} | {r['doc']} |")
    return "\n".join(lines)


def calibrated(row: dict, quote: str) -> str:
    """" Calibrated to: NAME, NAME." for a value set from those targets or checks (their
    agreement shows consistency, not evidence), else nothing."""
    names = row["calibrated_to"]
    if not names:
        return ""
    return " Calibrated to: " + ", ".join(f"{quote}{n}{quote}" for n in names) + "."
