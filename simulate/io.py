"""Writing results: whole directories appear at once, or not at all."""

from __future__ import annotations

import contextlib
import json
import os
import shlex
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from simulate.schema import InputError


# Manifest kinds of result directories that a new run or comparison may replace.
REPLACEABLE = ("pathways-run", "pathways-compare")


def check_replaceable(path: str | Path) -> Path:
    """The resolved ``path`` if a result may be written there.

    Raises:
        InputError: when ``path`` exists and is neither empty nor an earlier result of
            ``simulate run`` or ``simulate compare``: nothing else is ever deleted.
    """
    path = Path(path).expanduser().resolve()
    if path.exists():
        if not path.is_dir():
            raise InputError(path, "", "exists and is a file; choose another --out", "output")
        manifest = path / "manifest.json"
        kind = None
        if manifest.exists():
            try:
                kind = json.loads(manifest.read_text()).get("kind")
            except (OSError, ValueError, AttributeError):
                kind = None
        if any(path.iterdir()) and kind not in REPLACEABLE:
            raise InputError(path, "", "exists and is not an earlier result of simulate run or "
                             "compare, so it is not replaced; choose another --out or empty it",
                             "output")
    return path


@contextlib.contextmanager
def atomic_dir(path: str | Path) -> Iterator[Path]:
    """Yield a temporary directory that replaces ``path`` only if the block succeeds.

    ``path`` must pass :func:`check_replaceable`. A failure or an interrupt leaves ``path``
    as it was: never a half-written result.
    """
    path = check_replaceable(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
    umask = os.umask(0)
    os.umask(umask)
    tmp.chmod(0o777 & ~umask)  # mkdtemp makes it private; results are ordinary files
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = None
    if path.exists():
        old = path.with_name(f".{path.name}.old-{os.getpid()}")
        path.rename(old)
    tmp.rename(path)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def write_parquet(frame: pd.DataFrame, path: str | Path) -> None:
    """Write a frame to Parquet atomically (temporary file, then rename)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    frame.to_parquet(tmp, index=False)
    os.replace(tmp, path)


def write_json(data, path: str | Path) -> None:
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(json.dumps(data, indent=2, default=_jsonable) + "\n")
    os.replace(tmp, path)


def _jsonable(value):
    if hasattr(value, "item"):
        return value.item()
    return str(value)


def command_line(argv: list[str] | None = None) -> str:
    """The command as typed (``argv`` or this process's arguments), for manifests."""
    return shlex.join(["simulate", *(sys.argv[1:] if argv is None else argv)])
