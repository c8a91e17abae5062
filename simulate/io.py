"""Writing results safely: files and directories appear whole or not at all, and nothing a
user made is ever overwritten, emptied or replaced.

- :func:`atomic_write` is the one way a file is written: into a temporary file beside it
  (``.NAME.tmp-PID-TOKEN``), flushed to disk, renamed over the target, the directory
  flushed too; on any failure the temporary file is removed and the target is as it was.
- :func:`atomic_dir` builds a result directory in a temporary directory beside it and
  swaps it in only when everything was written.
- A directory is replaced only if it is an earlier result of the same command and holds
  nothing else: every file in it is listed with its SHA-256 in its ``manifest.json``
  (:func:`write_manifest`) and still has that checksum, or is a report that
  ``simulate report`` wrote (:func:`seal`). Anything else is refused with one line naming
  a file that was not written by the command.
- Temporaries of a killed command (``.NAME.tmp-PID-TOKEN`` whose process is gone) are
  removed the next time a command writes ``NAME``; nobody else's files are touched.
- Failures to write (a full disk, a read-only or missing directory) become
  :class:`~simulate.schema.InputError` lines of kind ``output``.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import json
import os
import re
import secrets
import shlex
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from simulate.schema import InputError

MANIFEST = "manifest.json"
# Inside a temporary result directory while it is being written; a directory holding it is
# a temporary of ours (and may be removed once its process is gone).
PARTIAL = ".pathways-partial"
TMP = re.compile(r"^\.(?P<name>.+)\.tmp-(?P<pid>\d+)(?:-[0-9a-f]+)?$")
# The result kinds of run and compare, and the files they wrote before manifests listed
# their files (so that older results can still be replaced).
RESULT_FILES = {
    "pathways-run": ("monthly.parquet", "runs.parquet", "spells.parquet", "children.parquet"),
    "pathways-compare": ("monthly.parquet", "runs.parquet", "spells.parquet",
                         "children.parquet", "comparison.parquet", "pairs.parquet"),
}
COMMAND = {"pathways-run": "simulate run", "pathways-compare": "simulate compare",
           "pathways-experiment": "simulate sweep or sensitivity",
           "pathways-evidence": "simulate evidence", "pathways-discover": "simulate discover"}
CHUNK = 1 << 20


# ---- checksums ------------------------------------------------------------------------------
def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def code_digest(root: str | Path | None = None) -> str:
    """SHA-256 over the model's code: every ``.py`` and ``.yaml`` file of the installed
    ``simulate`` package (or of the package at ``root``), by relative path, in sorted
    order. Results made by different code are not mixed (see
    :mod:`simulate.experiments.store`)."""
    return _tree_digest(Path(root)) if root is not None else _installed_digest()


@functools.lru_cache(maxsize=1)
def _installed_digest() -> str:
    return _tree_digest(Path(__file__).resolve().parent)


def _tree_digest(base: Path) -> str:
    digest = hashlib.sha256()
    files = sorted(p for p in base.rglob("*")
                   if p.suffix in (".py", ".yaml") and "__pycache__" not in p.parts)
    for path in files:
        digest.update(path.relative_to(base).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


# ---- writing a file -------------------------------------------------------------------------
def output_error(path: str | Path, err: OSError | str, kind: str = "output") -> InputError:
    """One line for a failure to write ``path``."""
    if isinstance(err, OSError):
        code = err.errno
        reason = err.strerror or str(err)
        wrapped = re.search(r"\[errno (\d+)\]", str(err))  # how pyarrow reports it
        if wrapped:
            code = int(wrapped[1])
            reason = os.strerror(code)
        if code in (errno.ENOSPC, errno.EDQUOT):
            reason += "; free some space and run the same command again"
    else:
        reason = err
    return InputError(path, "", f"cannot write ({reason}); nothing was written there", kind)


def _tmp_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp-{os.getpid()}-{secrets.token_hex(4)}")


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover (platforms without directory handles)
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def atomic_write(path: str | Path, content: bytes | str | Callable[[Path], Any],
                 durable: bool = True, clean: bool = True) -> str:
    """Write a file so that it appears whole or not at all; return its SHA-256.

    Args:
        path: The file to write; its directory must exist.
        content: Bytes, text (UTF-8), or a function that writes the file at the path it is
            given (``lambda tmp: frame.to_parquet(tmp)``).
        durable: Flush the file and its directory to disk before returning, so that it
            survives a machine crash too.
        clean: First remove temporaries of ``path`` that killed processes left (callers
            writing many files into a directory they clean themselves pass False).

    Raises:
        InputError: (kind ``output``) if it cannot be written; ``path`` is then unchanged
            and no temporary file is left.
    """
    path = Path(path)
    if clean:
        remove_stale_temporaries(path)
    tmp = _tmp_path(path)
    try:
        if callable(content):
            content(tmp)
            if durable:
                with open(tmp, "rb+") as f:
                    os.fsync(f.fileno())
            digest = sha256_file(tmp)
        else:
            data = content.encode("utf-8") if isinstance(content, str) else content
            with open(tmp, "wb") as f:
                f.write(data)
                f.flush()
                if durable:
                    os.fsync(f.fileno())
            digest = sha256_bytes(data)
        os.replace(tmp, path)
    except OSError as err:
        raise output_error(path, err) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    if durable:
        _fsync_dir(path.parent)
    return digest


def write_parquet(frame: pd.DataFrame, path: str | Path) -> str:
    """Write a frame to Parquet atomically; return its SHA-256."""
    return atomic_write(path, lambda tmp: frame.to_parquet(tmp, index=False))


def write_csv(frame: pd.DataFrame, path: str | Path) -> str:
    """Write a frame to CSV atomically; return its SHA-256."""
    return atomic_write(path, lambda tmp: frame.to_csv(tmp, index=False))


def write_json(data, path: str | Path) -> str:
    """Write JSON atomically; return its SHA-256."""
    return atomic_write(path, json.dumps(data, indent=2, default=_jsonable) + "\n")


def _jsonable(value):
    if hasattr(value, "item"):
        return value.item()
    return str(value)


# ---- stale temporaries ----------------------------------------------------------------------
def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return True


def stale_temporary(entry: Path, name: str | None = None) -> bool:
    """Whether ``entry`` is a temporary left by a process that is gone (of file ``name``,
    if given): ``.NAME.tmp-PID[-TOKEN]``; a directory must hold :data:`PARTIAL` or be
    empty, so a user's directory of that name is never taken for one."""
    match = TMP.match(entry.name)
    if match is None or (name is not None and match["name"] != name):
        return False
    if _alive(int(match["pid"])):
        return False
    if entry.is_symlink():
        return False
    if entry.is_dir():
        try:
            return (entry / PARTIAL).is_file() or not any(entry.iterdir())
        except OSError:
            return False
    return entry.is_file()


def remove_stale_temporaries(path: str | Path) -> None:
    """Remove the temporaries that killed processes left while writing ``path``."""
    path = Path(path)
    try:
        entries = list(path.parent.iterdir())
    except OSError:
        return
    for entry in entries:
        if stale_temporary(entry, path.name):
            with contextlib.suppress(OSError):
                if entry.is_dir():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()


# ---- sealed single files (reports, calibrated scenarios) ----------------------------------------
def seal(text: str, command: str, comment: tuple[str, str]) -> str:
    """``text`` with a last line saying which command wrote it and the SHA-256 of the rest,
    so that it can later be replaced, and only if unchanged (see :func:`sealed`)."""
    if not text.endswith("\n"):
        text += "\n"
    opening, closing = comment
    tail = f" {closing}" if closing else ""
    return f"{text}{opening} written by {command}; sha256 {sha256_bytes(text.encode())}{tail}\n"


_SEAL = re.compile(rb"\n(?:<!--|#) written by (?P<command>simulate [a-z]+); sha256 "
                   rb"(?P<sha>[0-9a-f]{64})(?: -->)?\n$")


def sealed(path: str | Path, command: str) -> bool:
    """Whether ``path`` is a file ``command`` wrote (:func:`seal`), unchanged since."""
    path = Path(path)
    try:
        if not path.is_file():
            return False
        size = path.stat().st_size
        with open(path, "rb") as f:
            f.seek(max(0, size - 200))
            match = _SEAL.search(f.read())
            if match is None or match["command"].decode() != command:
                return False
            f.seek(0)
            digest, left = hashlib.sha256(), size - len(match[0]) + 1  # the body only
            while left > 0 and (chunk := f.read(min(CHUNK, left))):
                digest.update(chunk)
                left -= len(chunk)
    except OSError:
        return False
    return digest.hexdigest() == match["sha"].decode()


def check_new_file(path: str | Path, command: str, option: str,
                   kind: str = "output") -> Path:
    """Check, before any work, that ``path`` can be written by ``command``.

    ``path`` may be new, or a file that ``command`` wrote earlier and nobody changed since;
    its directory is created if missing. A temporary file is made and removed to prove the
    directory writable.

    Raises:
        InputError: (of ``kind``) naming the path and what to do.
    """
    path = Path(path)
    if path.is_dir():
        raise InputError(path, "", f"is a directory; {option} needs a file name", kind)
    if (path.exists() or path.is_symlink()) and (
            not path.is_file() or path.is_symlink() or not sealed(path, command)):
        raise InputError(path, "", f"exists and is not a file that {command} wrote (or "
                         "was changed since), so it is not replaced; choose another "
                         f"{option} or move it away", kind)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise output_error(path, err, kind) from None
    probe_directory(path.parent, path, kind)
    return path


def probe_directory(directory: Path, shown: Path, kind: str = "output") -> None:
    """Prove ``directory`` writable by creating and removing a temporary file in it."""
    tmp = _tmp_path(directory / "probe")
    try:
        with open(tmp, "wb") as f:
            f.write(b"\0")
    except OSError as err:
        raise output_error(shown, err, kind) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


# ---- result directories -----------------------------------------------------------------------
def read_manifest(directory: Path) -> dict | None:
    """The manifest of a result directory, or None when it has none (or an unreadable one)."""
    try:
        data = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def file_checksums(directory: Path, names: Iterable[str]) -> dict[str, str]:
    return {name: sha256_file(directory / name) for name in sorted(names)}


def damaged_file(directory: Path, manifest: dict,
                 names: Iterable[str] | None = None) -> str | None:
    """What is wrong with the first file the manifest lists (of ``names``, if given) that
    is missing or no longer has the SHA-256 recorded when it was written; None if all are
    intact (or the manifest lists none: results written before manifests did)."""
    files = manifest.get("files")
    if not isinstance(files, dict):
        return None
    for name, expected in files.items():
        if names is not None and name not in names:
            continue
        if not isinstance(name, str) or "/" in name or "\\" in name or name in ("", ".", ".."):
            return f"manifest.json lists {name!r}, which is not a file name of this folder"
        path = directory / name
        if not path.is_file():
            return f"{name} is missing"
        if sha256_file(path) != expected:
            return (f"{name} does not match the checksum recorded when it was written "
                    "(damaged or changed since)")
    return None


def write_manifest(directory: Path, manifest: dict[str, Any]) -> None:
    """Write ``manifest.json`` last, listing every other file of ``directory`` with its
    SHA-256 (``files``): what the command wrote, to be verified before it is trusted."""
    names = [p.name for p in directory.iterdir() if p.is_file() and p.name != MANIFEST
             and p.name != PARTIAL]
    write_json({**manifest, "files": file_checksums(directory, names)}, directory / MANIFEST)


def foreign_entry(directory: Path, manifest: dict, command: str) -> str | None:
    """A reason naming the first entry of ``directory`` that ``command`` did not write (or
    that changed since), or None when every entry is the command's own."""
    files = manifest.get("files")
    if isinstance(files, dict):
        own = {str(k): v for k, v in files.items()}
    else:  # results from before manifests listed their files: the known names
        names = RESULT_FILES.get(str(manifest.get("kind")), ())
        scenarios = manifest.get("scenarios")
        names += tuple(f"scenario-{n}.yaml" for n in scenarios) if isinstance(
            scenarios, dict) else ()
        own = dict.fromkeys(names)
    for entry in sorted(directory.iterdir(), key=lambda p: p.name):
        name = entry.name
        if name in (MANIFEST, PARTIAL) and entry.is_file() and not entry.is_symlink():
            continue
        if name in own and entry.is_file() and not entry.is_symlink():
            expected = own[name]
            if expected is None or sha256_file(entry) == expected:
                continue
            return f"{name} was changed since {command} wrote it"
        if (entry.suffix == ".html" and entry.is_file() and not entry.is_symlink()
                and sealed(entry, "simulate report")):
            continue  # a report built from this result
        return f"holds {name}, which {command} did not write"
    return None


def check_replaceable(path: str | Path, kind: str) -> Path:
    """The resolved ``path`` if a result of ``kind`` may be written there.

    ``path`` may be new, an empty directory, or an earlier result of the same kind that
    holds nothing but the files its command wrote, unchanged.

    Raises:
        InputError: (kind ``output``) naming the path and, where it applies, a file the
            command did not write: nothing is ever deleted that a command did not write.
    """
    path = Path(path).expanduser()
    command = COMMAND[kind]
    if path.is_symlink():
        raise InputError(path, "", "is a symbolic link, so it is not replaced; give the "
                         "directory it points to, or another --out", "output")
    path = path.resolve()
    if not path.exists():
        return path
    if not path.is_dir():
        raise InputError(path, "", "exists and is a file; choose another --out", "output")
    try:
        if not any(path.iterdir()):
            return path
    except OSError as err:
        raise InputError(path, "", f"cannot be read ({err.strerror or err}); choose another "
                         "--out", "output") from None
    manifest = read_manifest(path)
    if manifest is None or manifest.get("kind") != kind:
        raise InputError(path, "", f"exists and is not an earlier result of {command}, so "
                         "it is not written into or replaced; choose another --out (a new or "
                         "empty directory)", "output")
    reason = foreign_entry(path, manifest, command)
    if reason is not None:
        raise InputError(path, "", f"{reason}, so it is not replaced; move that away or "
                         "choose another --out", "output")
    return path


def _new_temporary_dir(path: Path) -> Path:
    """A temporary directory beside ``path``, marked as ours."""
    remove_stale_temporaries(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = _tmp_path(path)
        tmp.mkdir()
    except OSError as err:
        raise output_error(path, err) from None
    try:
        (tmp / PARTIAL).write_text(f"{os.getpid()}\n")
    except OSError as err:
        shutil.rmtree(tmp, ignore_errors=True)
        raise output_error(path, err) from None
    return tmp


@contextlib.contextmanager
def atomic_dir(path: str | Path, kind: str | None = None) -> Iterator[Path]:
    """Yield a temporary directory that takes the place of ``path`` only if the block
    succeeds.

    With ``kind``, ``path`` may be an earlier result of that kind, which is then replaced
    (:func:`check_replaceable`); without, ``path`` must be new or an empty directory. It is
    checked when the block starts, before any work is done in it, and again just before
    the swap. A failure or an interrupt leaves ``path`` as it was and removes the temporary
    directory: never a half-written result. The block writes the files and then
    :func:`write_manifest`.

    Raises:
        InputError: (kind ``output``) if ``path`` may not be replaced or cannot be written.
    """
    def check() -> Path:
        return check_replaceable(path, kind) if kind else check_new_dir(path)

    target = check()
    tmp = _new_temporary_dir(target)
    try:
        try:
            yield tmp
        except InputError as err:
            if err.kind == "output" and err.source.startswith(str(tmp)):  # say where it goes
                raise InputError(target, "", err.message.replace(
                    "nothing was written there", "nothing was written there and an earlier "
                    "result is kept as it was"), "output") from None
            raise
        check()  # nothing was added while the command ran
        try:
            (tmp / PARTIAL).unlink()
            _swap(tmp, target)
        except OSError as err:
            raise output_error(target, err) from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def check_new_dir(path: str | Path) -> Path:
    """The resolved ``path`` if it is new or an empty directory.

    Raises:
        InputError: (kind ``output``) otherwise.
    """
    path = Path(path).expanduser()
    if path.is_symlink() or (path.exists() and not path.is_dir()):
        raise InputError(path, "", "exists and is not a directory; choose another --out",
                         "output")
    path = path.resolve()
    try:
        if path.exists() and any(path.iterdir()):
            raise InputError(path, "", "exists and is not empty, so nothing is written there; "
                             "choose another --out (a new or empty directory)", "output")
    except OSError as err:
        raise InputError(path, "", f"cannot be read ({err.strerror or err}); choose another "
                         "--out", "output") from None
    return path


def _swap(new: Path, path: Path) -> None:
    """Put directory ``new`` at ``path``; an earlier result there is removed."""
    old = None
    if path.exists() and any(path.iterdir()):
        old = _tmp_path(path)
        (path / PARTIAL).write_text(f"{os.getpid()}\n")  # a temporary of ours from now on
        path.rename(old)
    new.rename(path)
    _fsync_dir(path.parent)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def command_line(argv: list[str] | None = None) -> str:
    """The command as typed (``argv`` or this process's arguments), for manifests."""
    return shlex.join(["simulate", *(sys.argv[1:] if argv is None else argv)])
