"""Entry point of the ``simulate`` command.

Each subcommand lives in its own module under :mod:`simulate.cli` and provides
``add_parser(subparsers)``, which registers its arguments and sets ``func``; modules are
found by that function, so adding a subcommand means adding a module. Input errors
(:class:`simulate.schema.InputError`) and usage errors print one line and exit with code 2.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

import simulate.cli
from simulate.io import command_line
from simulate.schema import InputError

# Order in `simulate --help`; modules not listed here follow alphabetically.
ORDER = ("run", "compare", "validate", "evidence", "calibrate", "sweep", "sensitivity", "report",
         "params")


def subcommand_modules() -> list:
    names = [m.name for m in pkgutil.iter_modules(simulate.cli.__path__)]
    modules = [importlib.import_module(f"simulate.cli.{n}") for n in names]
    modules = [m for m in modules if hasattr(m, "add_parser")]
    rank = {name: i for i, name in enumerate(ORDER)}
    return sorted(modules, key=lambda m: (rank.get(m.__name__.rsplit(".", 1)[1], len(ORDER)),
                                          m.__name__))


class OneLineParser(argparse.ArgumentParser):
    """argparse whose errors are one line and exit with code 2."""

    def error(self, message: str):
        self.exit(2, f"usage error: {self.prog}: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="simulate", description=(
        "Simulate mothers on social assistance moving into work, and the policies that "
        "change that path."))
    from simulate import __version__
    parser.add_argument("--version", action="version", version=f"simulate {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)
    sub.required = True
    for module in subcommand_modules():
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as stop:  # usage errors and --help: argparse has printed them
        return int(stop.code or 0)
    args.command_line = command_line(argv)
    try:
        return int(args.func(args) or 0)
    except InputError as err:
        print(err.line(), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; no results were written", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into a reader that stopped early (e.g. head)
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
