"""Strict reading of user files (scenarios, experiments, targets).

Every problem becomes an :class:`InputError` naming the file, the field path and what is
allowed; the command-line interface prints it as one line and exits with code 2. A file
with several independent problems raises :class:`InputErrors`: a line each, at most
:data:`MAX_ERRORS`. A value that is allowed but outside a parameter's plausible range is an
:class:`InputWarning` (one line on stderr).

YAML is read as plain data only, within limits that keep hostile documents from exhausting
time or memory: at most :data:`MAX_YAML_BYTES` bytes, :data:`MAX_YAML_DEPTH` levels of
nesting, :data:`MAX_YAML_VALUES` values once aliases are expanded (an "alias bomb" is
refused before it is expanded) and integers of at most :data:`MAX_INT_DIGITS` digits; keys
must be plain scalars. :func:`check_number` is the one check of numbers against bounds,
used here and by :meth:`simulate.parameters.Parameter.check`.
"""

from __future__ import annotations

import contextlib
import difflib
import math
import numbers
import os
import re
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import yaml

MAX_YAML_BYTES = 1_000_000
MAX_YAML_DEPTH = 32
MAX_YAML_VALUES = 100_000
MAX_INT_DIGITS = 100
MAX_ERRORS = 20


class InputError(Exception):
    """A problem with a user's input file.

    Args:
        source: The file (or "<dict>" for input given in code).
        field: Dotted path of the field ("parameters.study_exit_hazard"), or "" for the
            file as a whole.
        message: What is wrong and what is allowed.
        kind: "scenario", "experiment", "targets"... used as the line's prefix.
    """

    def __init__(self, source: str | os.PathLike[str], field: str, message: str,
                 kind: str = "input") -> None:
        self.source, self.field, self.message, self.kind = str(source), field, message, kind
        super().__init__(self.line())

    def line(self) -> str:
        where = f"{self.source}: {self.field}: " if self.field else f"{self.source}: "
        return one_line(f"{self.kind} error: {where}{self.message}")

    def lines(self) -> list[str]:
        """The lines to print: one per problem."""
        return [self.line()]


def one_line(text: str) -> str:
    """``text`` as one printable line: line breaks and other control characters (which a
    file name or a value may hold) are shown escaped, e.g. ``\\r``."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " else
                   (c.encode("unicode_escape").decode("ascii") if ord(c) < 0x10000
                    else c) for c in text)


class InputErrors(InputError):
    """Several problems with input, each a line (the first gives the attributes)."""

    def __init__(self, errors: list[InputError]) -> None:
        self.errors = [e for err in errors for e in getattr(err, "errors", [err])]
        first = self.errors[0]
        super().__init__(first.source, first.field, first.message, first.kind)

    def lines(self) -> list[str]:
        lines = [e.line() for e in self.errors[:MAX_ERRORS]]
        if len(self.errors) >= MAX_ERRORS:
            lines[-1] += f" (stopped after {MAX_ERRORS} errors)"
        return lines


class InputWarning(UserWarning):
    """An allowed but doubtful input value: its one line is the warning's message."""


@contextlib.contextmanager
def deferred_warnings():
    """Hold back the warnings of a block and give them only if it succeeds: a file with
    errors gets its error lines, not warnings about values that are then moot."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    for w in caught:
        warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)


def rewrap(err: InputError, make: Callable[[InputError], InputError]) -> InputError:
    """``err`` (each of its problems, for :class:`InputErrors`) put in other words."""
    if isinstance(err, InputErrors):
        return InputErrors([make(e) for e in err.errors])
    return make(err)


class _TooLarge(Exception):
    def __init__(self, message: str, mark) -> None:
        super().__init__(message)
        self.line = mark.line + 1 if mark else "?"


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys instead of silently keeping the last."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False):
    seen: set = set()
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise _TooLarge("a key is a list or mapping; keys must be plain text",
                            key_node.start_mark)
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            mark = key_node.start_mark
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (line {mark.line + 1})", mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


def _construct_int(loader: _UniqueKeyLoader, node: yaml.ScalarNode) -> int:
    digits = sum(c.isdigit() for c in str(node.value))
    if digits > MAX_INT_DIGITS:
        raise _TooLarge(f"an integer of {digits} digits; at most {MAX_INT_DIGITS} digits are "
                        "allowed", node.start_mark)
    return loader.construct_yaml_int(node)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_UniqueKeyLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
# YAML 1.1 reads 5e-3 (no dot, or an unsigned exponent) as text; people mean a number.
_UniqueKeyLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)[eE][-+]?[0-9]+$"),
    list("-+0123456789."))


def load_yaml(path: str | Path, kind: str) -> Any:
    """Parse a YAML file within the limits above; every failure becomes an InputError."""
    return parse_yaml(read_input(path, kind), path, kind)


def read_input(path: str | Path, kind: str) -> bytes:
    """The bytes of an input file, at most :data:`MAX_YAML_BYTES` of them."""
    path = Path(path)
    try:
        # Not blocking at open: a named pipe nobody writes to reads as empty, not forever.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as f:
            data = f.read(MAX_YAML_BYTES + 1)
    except FileNotFoundError:
        raise InputError(path, "", "file not found", kind) from None
    except IsADirectoryError:
        raise InputError(path, "", "is a directory; expected a YAML file", kind) from None
    except OSError as err:
        raise InputError(path, "", f"cannot read the file ({err.__class__.__name__})",
                         kind) from None
    except ValueError:  # a NUL character, which no file name can hold
        raise InputError(path, "", "is not a file name (it holds a NUL character)",
                         kind) from None
    if len(data) > MAX_YAML_BYTES:
        raise InputError(path, "", f"is larger than {MAX_YAML_BYTES:,} bytes, the limit for "
                         "an input file", kind)
    return data


def parse_yaml(data: bytes, path: str | Path, kind: str) -> Any:
    """Parse the bytes of an input file (see :func:`load_yaml`)."""
    path = Path(path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(path, "", "cannot read the file (it is not UTF-8 text)", kind) from None
    try:
        _check_shape(text)
        return yaml.load(text, Loader=_UniqueKeyLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        if "nesting depth" in problem:  # the parser's own limit, far above ours
            problem = f"nested more than {MAX_YAML_DEPTH} levels deep"
        raise InputError(path, "", f"{where}not valid YAML ({problem})", kind) from None
    except _TooLarge as err:
        raise InputError(path, "", f"line {err.line}: {err}", kind) from None
    except RecursionError:  # pragma: no cover (the depth limit comes first)
        raise InputError(path, "", f"nested too deeply (at most {MAX_YAML_DEPTH} levels)",
                         kind) from None


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _check_shape(text: str) -> None:
    """Walk the document's parse events (no objects are built) and refuse one nested more
    than :data:`MAX_YAML_DEPTH` levels deep or holding more than :data:`MAX_YAML_VALUES`
    values once aliases are expanded."""
    loader = _Loader(text)
    sizes: dict[str | None, int] = {}    # values under each anchor, aliases expanded
    stack: list[list] = [[None, 0]]  # open collections: [anchor, values so far]
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                stack.append([event.anchor, 1])
                if len(stack) - 1 > MAX_YAML_DEPTH:
                    raise _TooLarge(f"nested more than {MAX_YAML_DEPTH} levels deep; at most "
                                    f"{MAX_YAML_DEPTH} are allowed", event.start_mark)
                continue
            if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                anchor, size = stack.pop()
                if anchor is not None:
                    sizes[anchor] = size
            elif isinstance(event, yaml.ScalarEvent):
                size = 1
                if event.anchor is not None:
                    sizes[event.anchor] = 1
            elif isinstance(event, yaml.AliasEvent):
                size = sizes.get(event.anchor, 1)
            else:
                continue
            stack[-1][1] += size
            if stack[-1][1] > MAX_YAML_VALUES:
                raise _TooLarge(f"holds more than {MAX_YAML_VALUES:,} values once its aliases "
                                f"are expanded; at most {MAX_YAML_VALUES:,} are allowed",
                                event.start_mark)
    finally:
        loader.dispose()


def join(path: str, key: object) -> str:
    return f"{path}.{key}" if path else str(key)


class Reader:
    """Typed access to parsed YAML, raising InputError with the field's path."""

    def __init__(self, source: str | Path, kind: str, warnings: bool = True) -> None:
        self.source, self.kind, self.warnings = str(source), kind, warnings
        self.errors: list[InputError] = []

    def error(self, field: str, message: str) -> InputError:
        return InputError(self.source, field, message, self.kind)

    def mapping(self, value: Any, field: str) -> dict:
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            raise self.error(field, f"expected a mapping (key: value lines), got {describe(value)}")
        for key in value:
            if not isinstance(key, str):
                raise self.error(join(field, key), f"keys must be text, got {describe(key)}")
        return dict(value)

    def sequence(self, value: Any, field: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.error(field, f"expected a list (lines starting with '-'), got {describe(value)}")
        return value

    def known_keys(self, data: Mapping, allowed: Iterable[str], field: str,
                   what: str = "key") -> None:
        allowed = list(allowed)
        for key in data:
            if key not in allowed:
                raise self.error(join(field, key), unknown(key, allowed, what))

    def required(self, data: Mapping, key: str, field: str) -> Any:
        if key not in data or data[key] is None:
            raise self.error(join(field, key), "is required")
        return data[key]

    def text(self, value: Any, field: str, allow_empty: bool = False) -> str:
        if not isinstance(value, str) or not (allow_empty or value.strip()):
            raise self.error(field, f"expected non-empty text, got {describe(value)}")
        return value

    def file_name(self, value: Any, field: str) -> str:
        """A file name relative to the file being read: non-empty text without NUL."""
        name = self.text(value, field)
        if "\x00" in name:
            raise self.error(field, "expected a file name, got text with a NUL character")
        return name

    def integer(self, value: Any, field: str, low: int | None = None,
                high: int | None = None) -> int:
        return self.checked(check_number, value, field, integer=True, low=low, high=high)

    def number(self, value: Any, field: str, low: float | None = None,
               high: float | None = None) -> float:
        return self.checked(check_number, value, field, low=low, high=high)

    def checked(self, check: Callable[..., Any], value: Any, field: str, **kw) -> Any:
        """``check(value, **kw)``, its ValueError raised as this file's InputError."""
        try:
            return check(value, **kw)
        except ValueError as err:
            raise self.error(field, str(err)) from None

    def declared(self, declaration: Any, value: Any, field: str) -> Any:
        """``value`` checked against a parameter's declaration (``check``); a warning line
        when it lies outside the declaration's plausible range (``plausible``)."""
        checked = self.checked(declaration.check, value, field)
        doubt = declaration.plausible(checked)
        if doubt:
            self.warn(field, doubt)
        return checked

    def attempt(self, read: Callable[..., Any], *args, default: Any = None, **kw) -> Any:
        """``read(*args, **kw)``; an InputError it raises is kept (see :meth:`raise_errors`)
        and ``default`` returned, so that the rest of the file is still checked."""
        try:
            return read(*args, **kw)
        except InputError as err:
            self.errors.append(err)
            if sum(len(getattr(e, "errors", [e])) for e in self.errors) >= MAX_ERRORS:
                self.raise_errors()
            return default

    def raise_errors(self) -> None:
        """Raise the problems :meth:`attempt` kept, one line each."""
        if self.errors:
            errors, self.errors = self.errors, []
            raise InputErrors(errors) if len(errors) > 1 or isinstance(
                errors[0], InputErrors) else errors[0]

    def warn(self, field: str, message: str) -> None:
        """One warning line about an allowed but doubtful value."""
        if self.warnings:
            where = f"{self.source}: {field}: " if field else f"{self.source}: "
            warnings.warn(InputWarning(one_line(f"{self.kind} warning: {where}{message}")),
                          stacklevel=2)

    def boolean(self, value: Any, field: str) -> bool:
        if not isinstance(value, bool):
            raise self.error(field, f"expected true or false, got {describe(value)}")
        return value

    def choice(self, value: Any, field: str, choices: Iterable[str]) -> str:
        choices = list(choices)
        if not isinstance(value, str) or value not in choices:
            raise self.error(field, f"{describe(value)} is not allowed; expected one of "
                             + ", ".join(choices))
        return value


def describe_number(integer: bool = False, low: float | None = None,
                    high: float | None = None, unit: str | None = None) -> str:
    """The allowed numbers in words: "an integer from 1 to 1200 (months)"."""
    what = "an integer" if integer else "a number"
    if low is not None and high is not None:
        what += f" from {fmt(low)} to {fmt(high)}"
    elif low is not None:
        what += f" of at least {fmt(low)}"
    elif high is not None:
        what += f" of at most {fmt(high)}"
    return f"{what} ({unit})" if unit else what


def check_number(value: Any, integer: bool = False, low: float | None = None,
                 high: float | None = None, unit: str | None = None) -> int | float:
    """``value`` as an int (``integer``) or a float, if it is one within [low, high].

    The one check of numbers: files (:class:`Reader`), parameter declarations
    (:meth:`simulate.parameters.Parameter.check`) and values given in code
    (:func:`simulate.evaluate`, sweeps, EMA Workbench, Mesa's ``batch_run``) all use it.
    Any real number is one, numpy's and pandas' scalars (``np.int64(4)``,
    ``np.float32(0.5)``) included, and comes back as a plain ``int`` or ``float``.
    True/false, text, NaN and infinities are not numbers; 3.0 is the integer 3.

    Raises:
        ValueError: naming the value and what is allowed.
    """
    # The words of the error are made only for an error: a design's matrix checks every
    # one of its values (1.7 million for a Sobol analysis of forty parameters).
    def allowed() -> str:
        return describe_number(integer, low, high, unit)

    if is_boolean(value) or not isinstance(value, numbers.Real):
        raise ValueError(f"{describe(value)} is not a number; expected {allowed()}")
    if isinstance(value, numbers.Integral):
        value = int(value)
    else:
        given = value
        try:
            value = float(value)
        except OverflowError:  # a fraction beyond any float
            raise ValueError(f"{describe(given)} is out of range; expected {allowed()}") from None
        if not math.isfinite(value):
            raise ValueError(f"{describe(given)} is not a number; expected {allowed()}")
    if integer and isinstance(value, float):
        if not value.is_integer():
            raise ValueError(f"{fmt(value)} is not an integer; expected {allowed()}")
        value = int(value)
    if (low is not None and value < low) or (high is not None and value > high):
        raise ValueError(f"{fmt(value)} is out of range; expected {allowed()}")
    if integer:
        return value
    try:
        return float(value)
    except OverflowError:  # an integer beyond any float
        raise ValueError(f"{fmt(value)} is out of range; expected {allowed()}") from None


def is_boolean(value: Any) -> bool:
    """Whether ``value`` is true/false: Python's or numpy's (``np.True_``)."""
    return isinstance(value, (bool, np.bool_))


def fmt(x: float) -> str:
    """A number as written in messages: integers in full, others in %g form."""
    if isinstance(x, int) and not isinstance(x, bool):
        if abs(x) < 10**20:
            return str(x)
        digits = (len(str(abs(x))) if x.bit_length() < 10_000  # str() refuses huge ints
                  else int(math.log10(abs(x))) + 1)
        return f"{'-' if x < 0 else ''}{abs(x) // 10 ** (digits - 3) / 100:g}e+{digits - 1}"
    return f"{x:g}"


def describe(value: Any) -> str:
    """Short description of a parsed YAML value for error messages."""
    if value is None:
        return "nothing"
    if is_boolean(value):
        return f"{str(bool(value)).lower()} (true/false)"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"text {shown!r}"
    if isinstance(value, (int, float)):
        return fmt(value)
    if isinstance(value, (np.integer, np.floating)):
        return fmt(value.item())
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def unknown(key: object, allowed: Sequence[str], what: str = "key") -> str:
    close = difflib.get_close_matches(str(key), allowed, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    listed = ", ".join(allowed) if len(allowed) <= 12 else f"see `simulate params` for the {len(allowed)} allowed"
    return f"unknown {what}{hint} (allowed: {listed})"
