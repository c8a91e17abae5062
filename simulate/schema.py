"""Strict reading of user files (scenarios, experiments, targets).

Every problem becomes an :class:`InputError` naming the file, the field path and what is
allowed; the command-line interface prints it as one line and exits with code 2.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml


class InputError(Exception):
    """A problem with a user's input file.

    Args:
        source: The file (or "<dict>" for input given in code).
        field: Dotted path of the field ("parameters.study_exit_hazard"), or "" for the
            file as a whole.
        message: What is wrong and what is allowed.
        kind: "scenario", "experiment", "targets"... used as the line's prefix.
    """

    def __init__(self, source: str, field: str, message: str, kind: str = "input") -> None:
        self.source, self.field, self.message, self.kind = str(source), field, message, kind
        super().__init__(self.line())

    def line(self) -> str:
        where = f"{self.source}: {self.field}: " if self.field else f"{self.source}: "
        return f"{self.kind} error: {where}{self.message}".replace("\n", " ")


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys instead of silently keeping the last."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False):
    seen: set = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            mark = key_node.start_mark
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (line {mark.line + 1})", mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# YAML 1.1 reads 5e-3 (no dot, or an unsigned exponent) as text; people mean a number.
_UniqueKeyLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)[eE][-+]?[0-9]+$"),
    list("-+0123456789."))


def load_yaml(path: str | Path, kind: str) -> Any:
    """Parse a YAML file; every failure becomes an InputError."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, "", "file not found", kind) from None
    except IsADirectoryError:
        raise InputError(path, "", "is a directory; expected a YAML file", kind) from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(path, "", f"cannot read the file ({err.__class__.__name__})",
                         kind) from None
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 (safe loader subclass)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise InputError(path, "", f"{where}not valid YAML ({problem})", kind) from None


def join(path: str, key: object) -> str:
    return f"{path}.{key}" if path else str(key)


class Reader:
    """Typed access to parsed YAML, raising InputError with the field's path."""

    def __init__(self, source: str | Path, kind: str) -> None:
        self.source, self.kind = str(source), kind

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

    def integer(self, value: Any, field: str, low: int | None = None,
                high: int | None = None) -> int:
        if isinstance(value, float) and math.isfinite(value) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(field, f"expected an integer{_span(low, high)}, got {describe(value)}")
        if (low is not None and value < low) or (high is not None and value > high):
            raise self.error(field, f"{value} is out of range; expected an integer{_span(low, high)}")
        return value

    def number(self, value: Any, field: str, low: float | None = None,
               high: float | None = None) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (
                isinstance(value, float) and not math.isfinite(value)):
            raise self.error(field, f"expected a number{_span(low, high)}, got {describe(value)}")
        if (low is not None and value < low) or (high is not None and value > high):
            raise self.error(field, f"{value:g} is out of range; expected a number{_span(low, high)}")
        return float(value)

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


def _span(low, high) -> str:
    if low is not None and high is not None:
        return f" from {low:g} to {high:g}"
    if low is not None:
        return f" of at least {low:g}"
    if high is not None:
        return f" of at most {high:g}"
    return ""


def describe(value: Any) -> str:
    """Short description of a parsed YAML value for error messages."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"text {shown!r}"
    return repr(value)


def unknown(key: object, allowed: list[str], what: str = "key") -> str:
    close = difflib.get_close_matches(str(key), allowed, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    listed = ", ".join(allowed) if len(allowed) <= 12 else f"see `simulate params` for the {len(allowed)} allowed"
    return f"unknown {what}{hint} (allowed: {listed})"
