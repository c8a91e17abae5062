"""Entry point of the ``simulate`` command.

Each subcommand lives in its own module under :mod:`simulate.cli` and provides
``add_parser(subparsers)``, which registers its arguments and sets ``func``; modules are
found by that function, so adding a subcommand means adding a module. Input errors
(:class:`simulate.schema.InputError`) and usage errors print one line (a line each for
several problems in one file, at most 20) and exit with code 2; input warnings
(:class:`simulate.schema.InputWarning`) print one line each and the command goes on. A
failure of the machine rather than the input (out of memory, a failing disk) prints one
line and exits with code 1.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
import warnings

import simulate.cli
from simulate.io import command_line
from simulate.schema import InputError, InputWarning, one_line

# Order in `simulate --help`; modules not listed here follow alphabetically.
ORDER = ("run", "compare", "validate", "evidence", "calibrate", "sweep", "sensitivity",
         "discover", "report", "params")


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
        self.exit(2, one_line(f"usage error: {self.prog}: {message} (see --help)") + "\n")


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
    with warnings.catch_warnings():
        warnings.simplefilter("always", InputWarning)
        warnings.showwarning = _one_line_warnings(warnings.showwarning)
        try:
            return int(args.func(args) or 0)
        except InputError as err:
            print("\n".join(err.lines()), file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            print("interrupted; no results were written", file=sys.stderr)
            return 130
        except BrokenPipeError:  # output piped into a reader that stopped early (e.g. head)
            sys.stderr.close()
            return 0
        except MemoryError:
            print("error: out of memory; use fewer replications, workers or a smaller "
                  "population", file=sys.stderr)
            return 1
        except OSError as err:  # the machine, not the input (a failing disk, no processes)
            where = f"{err.filename}: " if err.filename else ""
            print(one_line(f"error: {where}{err.strerror or err}"), file=sys.stderr)
            return 1


def _one_line_warnings(show):
    """Print each input warning once, as its one line; other warnings as usual."""
    shown: set[str] = set()

    def showwarning(message, category, filename, lineno, file=None, line=None):
        if not issubclass(category, InputWarning):
            return show(message, category, filename, lineno, file, line)
        text = str(message)
        if text not in shown:
            shown.add(text)
            print(text, file=sys.stderr)

    return showwarning


if __name__ == "__main__":
    sys.exit(main())
