"""Durable experiment results: parts as runs finish, a manifest, resume and compaction.

Layout of a result directory::

    manifest.json        experiment name, file hash, digest, package version, seeds, status,
                         files: the SHA-256 of every file written into the directory
    experiment.yaml      copy of the experiment file
    scenario-NAME.yaml   the resolved scenarios (model experiments)
    design.parquet       one row per design point: factor values (and SALib-scale x.NAME)
    parts/               while running: runs-START-STOP-SHA256.parquet (runs START..STOP-1,
                         named with the SHA-256 of the file), monthly-START-STOP-SHA256.parquet
                         when monthly series are stored
    runs.parquet         at the end: one row per run, sorted by run
    monthly.parquet      at the end, when asked: run, scenario, month, metric, value

**Durability.** A part is written to a temporary file, flushed to disk and renamed, so a
part either exists whole or not at all; a run counts as done when its runs part exists
(the monthly part is renamed first). After a crash or ``kill -9`` the same command finds
the finished parts, runs only the missing runs, and compacts: parts never overlap and are
concatenated in run order, so the result is the same as an uninterrupted run's.

**Checksums.** A part whose bytes do not match the checksum in its name (a machine crash,
a bad disk) is deleted on resume, or when compaction reads it, and its runs are run again.
The compacted files and the design are listed with their checksums in the manifest; a
finished directory whose files do not match them is refused with one line.

**Identity.** The manifest holds the experiment's digest (what determines its runs), the
package version and the digest of the model's code (:func:`simulate.io.code_digest`); a
directory holding another experiment's results, or results of another version or of
other code, is refused: a resume never mixes runs of two models. A lock file keeps two
processes from writing the same directory.

**Other people's files.** A new result directory is built beside ``--out`` (a hidden
temporary directory) and renamed into place once its manifest is written, so a directory
without a manifest is never one of ours: it is used only when empty, and otherwise
refused without writing anything into it (not even the lock file). Inside a result
directory only the files this module and :mod:`simulate.experiments.outputs` write are
ever replaced or removed; anything else (notes, a subfolder) is left alone.

**Memory.** Parts are streamed into the final files one at a time, in row groups of
:data:`ROW_GROUP_RUNS` runs (:data:`ROW_GROUP_MONTHLY_ROWS` monthly rows); nothing holds
all runs.
"""

from __future__ import annotations

import contextlib
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self, TextIO

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from simulate import __version__
from simulate.experiments.spec import Experiment
from simulate.io import (
    TMP,
    atomic_dir,
    atomic_write,
    code_digest,
    damaged_file,
    file_checksums,
    read_manifest,
    sha256_bytes,
    sha256_file,
    stale_temporary,
    write_json,
    write_manifest,
    write_parquet,
)
from simulate.schema import InputError

try:  # advisory locking is POSIX only; elsewhere the lock is skipped
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]  # the checks below skip the lock

RESULT_KIND = "pathways-experiment"
MANIFEST = "manifest.json"
PARTS = "parts"
RUNS = "runs.parquet"
MONTHLY = "monthly.parquet"
DESIGN = "design.parquet"
LOCK = ".lock"
# Row groups of the compacted files: large enough for fast column reads, small enough
# that compaction holds little.
ROW_GROUP_RUNS = 65_536
ROW_GROUP_MONTHLY_ROWS = 1_048_576
# A part's name carries the SHA-256 of its bytes, recorded as it is written.
PART_NAME = re.compile(r"^(runs|monthly)-(\d+)-(\d+)-([0-9a-f]{64})\.parquet$")


def sample_column(factor: str) -> str:
    """The design table's column of a sampled factor's raw value (SALib's sample, before
    the factor turns it into a model value)."""
    return f"x.{factor}"


def _part_fields(name: str) -> re.Match[str]:
    """The fields of a part file's name (kind, first run, stop, checksum)."""
    match = PART_NAME.match(name)
    if match is None:
        raise ValueError(f"{name} is not the name of a part file")
    return match


def runs_schema(experiment: Experiment) -> pa.Schema:
    """Columns of the runs table: ids, factor values, outputs (floats)."""
    types = {bool: pa.bool_(), int: pa.int64(), float: pa.float64(), str: pa.string()}
    fields = [pa.field("run", pa.int64()), pa.field("point", pa.int64()),
              pa.field("replicate", pa.int64()), pa.field("seed", pa.int64())]
    fields += [pa.field(f.name, types[f.parameter.type]) for f in experiment.design.factors]
    fields += [pa.field(name, pa.float64()) for name in experiment.columns]
    return pa.schema(fields)


MONTHLY_SCHEMA = pa.schema([("run", pa.int64()), ("scenario", pa.string()),
                            ("month", pa.int64()), ("metric", pa.string()),
                            ("value", pa.float64())])


class ResultStore:
    """The result directory of one experiment. Use as a context manager.

    Args:
        out: The directory.
        experiment: The experiment whose results it holds.
        command: The command line that runs it, for the manifest.
    """

    def __init__(self, out: str | Path, experiment: Experiment, command: str | None = None) -> None:
        self.out = Path(out)
        self.command = command
        self.parts = self.out / PARTS
        self.experiment = experiment
        self._lock: TextIO | None = None
        self.done = np.zeros(experiment.runs, dtype=bool)
        self.complete = False

    # ---- opening ------------------------------------------------------------------------
    def __enter__(self) -> Self:
        self.open()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def open(self) -> None:
        """Take the directory (creating it) and find which runs are done.

        A new directory is built beside ``out`` and renamed into place with its manifest,
        so ``out`` is absent, empty, or a result with a manifest. An existing directory is
        used only if it is empty or holds this experiment's results; nothing in any other
        directory is written, moved or deleted.

        Raises:
            InputError: if the directory holds something else, or is in use.
        """
        if self.out.is_symlink() or (self.out.exists() and not self.out.is_dir()):
            raise self._error("exists and is not a directory; use a new or empty --out "
                              "directory")
        if self._read_manifest() is None:
            self._create()
        self._check(self._created_manifest())  # before anything is written there
        self._take_lock()
        manifest = self._created_manifest()  # as it is now that we hold the lock
        self._check(manifest)
        self._remove_temporaries()
        self._verify(manifest)
        self.complete = manifest.get("status") == "complete" and (self.out / RUNS).exists()
        if self.complete:
            self.done[:] = True
        else:
            self._scan_parts()

    def close(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def _error(self, message: str) -> InputError:
        return InputError(self.out, "", message, "experiment")

    def _take_lock(self) -> None:
        try:
            self._lock = open(self.out / LOCK, "a")  # noqa: SIM115 (held until close)
        except OSError as err:
            raise self._error(f"cannot use the directory ({err.strerror or err})") from None
        if fcntl is None:
            return
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.close()
            raise self._error("is being written by another running sweep; wait for it to "
                              "finish or use another --out directory") from None

    def _read_manifest(self) -> dict | None:
        """The manifest; None for a directory that does not exist or is empty.

        Raises:
            InputError: for a directory that is not an experiment's result.
        """
        try:
            if not self.out.is_dir() or not any(self.out.iterdir()):
                return None
        except OSError as err:
            raise self._error(f"cannot be read ({err.strerror or err})") from None
        if not (self.out / MANIFEST).is_file():
            raise self._error("exists and is not an experiment result directory (no "
                              "manifest.json), so nothing is written there; use a new or "
                              "empty --out directory")
        manifest = read_manifest(self.out)
        if manifest is None:
            raise self._error("manifest.json is unreadable; move the directory away or use "
                              "another --out directory")
        if manifest.get("kind") != RESULT_KIND:
            raise self._error("holds other results (its manifest.json is not an experiment's); "
                              "use another --out directory")
        return manifest

    def _created_manifest(self) -> dict:
        manifest = self._read_manifest()
        if manifest is None:  # emptied by another process since it was created
            raise self._error("was emptied while it was being opened; run again")
        return manifest

    def _check(self, manifest: dict) -> None:
        e = self.experiment
        if manifest.get("digest") != e.digest():
            raise self._error(
                f"holds results of another experiment ({manifest.get('experiment')!r}, digest "
                f"{manifest.get('digest')}); this is {e.name!r} (digest {e.digest()}); use "
                "another --out directory, or delete it to start again")
        if manifest.get("package_version") != __version__:
            raise self._error(
                f"holds results of package version {manifest.get('package_version')}, this is "
                f"{__version__}; runs would not be comparable: use another --out directory")
        if manifest.get("code_digest") != code_digest():
            # Resuming across a change of the model's code would mix two models' runs.
            shown = str(manifest.get("code_digest") or "none recorded")[:12]
            raise self._error(
                f"holds runs of other model code (code digest {shown}, this is "
                f"{code_digest()[:12]}), which must not be mixed with new ones; to start "
                "afresh, move the directory away (or delete it) and run the same command, or "
                "use another --out directory")

    def _create(self) -> None:
        """Write the first files in a directory beside ``out``, then rename it into place."""
        e = self.experiment
        with atomic_dir(self.out) as tmp:
            design = pd.DataFrame(e.matrix.rows, columns=e.matrix.names)
            design.insert(0, "point", np.arange(len(design), dtype=np.int64))
            if e.matrix.x is not None:  # the sampled factors, joined at once
                x = pd.DataFrame(e.matrix.x[:, : len(e.design.futures)],
                                 columns=[sample_column(f.name) for f in e.design.futures])
                design = pd.concat([design, x], axis=1)
            write_parquet(design, tmp / DESIGN)
            source = Path(e.source)
            if source.is_file():
                atomic_write(tmp / "experiment.yaml", source.read_bytes())
            for scenario in getattr(e.evaluator, "scenarios", []):
                atomic_write(tmp / f"scenario-{scenario.name}.yaml", scenario.to_yaml())
            (tmp / LOCK).touch()
            (tmp / PARTS).mkdir()
            # The manifest goes last and lists the files with their checksums.
            write_manifest(tmp, self._manifest("running"))

    def _manifest(self, status: str) -> dict[str, Any]:
        e = self.experiment
        return {
            "kind": RESULT_KIND, "experiment": e.name, "description": e.description,
            "file": e.source, "file_sha256": e.file_sha256, "digest": e.digest(),
            "package_version": __version__, "code_digest": code_digest(),
            "command": self.command,
            "seed": e.seed, "replications": e.replications,
            "seeds": (f"replicate r of every design point uses the random streams of (seed "
                      f"{e.seed}, replicate r) for r = 0..{e.replications - 1}; the design is "
                      f"drawn from stream 'experiment.design' of seed {e.seed}"),
            "design": e.design.describe(), "points": e.points, "runs": e.runs,
            "outputs": list(e.outputs), "columns": e.columns, "monthly": e.monthly,
            "evaluator": e.evaluator.describe(), "status": status,
            "created": _now(),
        }

    def _write_manifest(self, manifest: dict[str, Any]) -> None:
        write_json(manifest, self.out / MANIFEST)

    def _verify(self, manifest: dict) -> None:
        """Refuse results whose files do not match the checksums recorded when they were
        written (the design and, once complete, the compacted runs)."""
        names = [DESIGN, RUNS, MONTHLY] if manifest.get("status") == "complete" else [DESIGN]
        problem = damaged_file(self.out, manifest, names)
        if problem:
            raise self._error(f"{problem}; move the directory away and run the same command "
                              "to run the experiment afresh, or use another --out directory")

    def _remove_temporaries(self) -> None:
        """Temporaries of our own files that a killed command left. Nobody else writes
        parts while we hold the lock; a report may be written beside them by a running
        ``simulate report``, so elsewhere only those of processes that are gone go."""
        for directory in (self.out, self.parts):
            if not directory.is_dir():
                continue
            for entry in directory.iterdir():
                match = TMP.match(entry.name)
                if match is None or not entry.is_file() or entry.is_symlink():
                    continue
                if directory == self.parts:
                    if PART_NAME.match(match["name"]) or _PART_BEFORE_NAME.match(match["name"]):
                        entry.unlink(missing_ok=True)
                elif _ours(match["name"]) and stale_temporary(entry):
                    entry.unlink(missing_ok=True)

    # ---- parts -------------------------------------------------------------------------------
    def _scan_parts(self) -> None:
        self.parts.mkdir(exist_ok=True)
        found: dict[str, dict[tuple[int, int], Path]] = {"runs": {}, "monthly": {}}
        for path in self.parts.iterdir():
            match = PART_NAME.match(path.name)
            if match is None or not path.is_file() or path.is_symlink():
                continue  # not a part (its temporaries are gone): not ours to touch
            found[match[1]][(int(match[2]), int(match[3]))] = path
        monthly = found["monthly"]
        for span, path in found["runs"].items():
            paired = monthly.get(span)
            if not self._intact(path, span) or (
                    self.experiment.monthly and (paired is None or not self._intact(paired))):
                path.unlink()
                continue
            self.done[span[0]:span[1]] = True
        for span, path in monthly.items():
            if not self.done[span[0]:span[1]].all():
                path.unlink()

    def _intact(self, path: Path, span: tuple[int, int] | None = None) -> bool:
        """The part has the checksum in its name (and, for a runs part, one row per run of
        a span that no other part covers)."""
        if sha256_file(path) != _part_fields(path.name)[4]:
            return False  # damaged after it was written
        try:
            meta = pq.read_metadata(path)
        except (OSError, pa.ArrowException):  # pragma: no cover (the checksum matched)
            return False
        return span is None or (meta.num_rows == span[1] - span[0]
                                and span[1] <= self.experiment.runs
                                and not self.done[span[0]:span[1]].any())

    def write(self, start: int, stop: int, runs: bytes, monthly: bytes | None = None) -> None:
        """Store the finished runs ``start..stop-1`` (Parquet bytes of the tables), each
        part named with the SHA-256 of its bytes."""
        if monthly is not None:
            atomic_write(self.parts / _part_name("monthly", start, stop, monthly), monthly,
                         clean=False)
        atomic_write(self.parts / _part_name("runs", start, stop, runs), runs, clean=False)
        self.done[start:stop] = True

    def _spans(self, kind: str) -> list[tuple[int, int, Path]]:
        spans = []
        for path in self.parts.iterdir():
            match = PART_NAME.match(path.name)
            if match and match[1] == kind and path.is_file() and not path.is_symlink():
                spans.append((int(match[2]), int(match[3]), path))
        return sorted(spans)

    # ---- compaction ----------------------------------------------------------------------------
    def compact(self) -> bool:
        """Concatenate the parts in run order into the final files, then remove them.

        Each part's checksum is verified as it is read. A part that fails it is removed and
        its runs are marked as not done: the caller runs them again and compacts again.

        Returns:
            True when the final files are written; False when a part was damaged.

        Raises:
            RuntimeError: if runs are missing (call only when every run is done).
        """
        if self.complete:
            return True
        spans = self._spans("runs")
        expected = 0
        for start, stop, _ in spans:
            if start != expected:
                raise RuntimeError(f"runs {expected}..{start - 1} are missing")
            expected = stop
        if expected != self.experiment.runs:
            raise RuntimeError(f"runs {expected}..{self.experiment.runs - 1} are missing")
        try:
            _concatenate([p for *_, p in spans], self.out / RUNS,
                         runs_schema(self.experiment), ROW_GROUP_RUNS)
            if self.experiment.monthly:
                _concatenate([p for *_, p in self._spans("monthly")], self.out / MONTHLY,
                             MONTHLY_SCHEMA, ROW_GROUP_MONTHLY_ROWS)
        except _Damaged as damaged:
            match = _part_fields(damaged.path.name)
            start, stop = int(match[2]), int(match[3])
            for kind in ("runs", "monthly"):
                for first, last, path in self._spans(kind):
                    if (first, last) == (start, stop):
                        path.unlink()
            self.done[start:stop] = False
            return False
        manifest = json.loads((self.out / MANIFEST).read_text())
        names = [RUNS, *([MONTHLY] if self.experiment.monthly else [])]
        manifest.update(status="complete", completed=_now(),
                        files={**manifest.get("files", {}), **file_checksums(self.out, names)})
        self._write_manifest(manifest)
        for kind in ("runs", "monthly"):
            for *_, path in self._spans(kind):
                path.unlink()
        with contextlib.suppress(OSError):
            self.parts.rmdir()  # left in place if it holds anything that is not ours
        self.complete = True
        return True

    def record_outputs(self, names: list[str]) -> None:
        """Add the checksums of output files written into the directory to its manifest."""
        manifest = read_manifest(self.out) or {}
        manifest["files"] = {**manifest.get("files", {}), **file_checksums(self.out, names)}
        self._write_manifest(manifest)


def record_outputs(out: str | Path, experiment: Experiment, paths: list[Path]) -> None:
    """Record the checksums of outputs written into a finished experiment's directory."""
    with ResultStore(out, experiment) as store:
        store.record_outputs([Path(p).name for p in paths])


class _Damaged(Exception):
    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.path = path


def _part_name(kind: str, start: int, stop: int, data: bytes) -> str:
    return f"{kind}-{start:09d}-{stop:09d}-{sha256_bytes(data)}.parquet"


# Parts as named before their names carried a checksum (only their temporaries matter).
_PART_BEFORE_NAME = re.compile(r"^(runs|monthly)-(\d+)-(\d+)\.parquet$")


def _concatenate(paths: list[Path], target: Path, schema: pa.Schema, limit: int) -> None:
    """Stream Parquet files into one, in row groups of about ``limit`` rows, atomically."""

    def write(tmp: Path) -> None:
        buffer: list[pa.Table] = []
        rows = 0
        with pq.ParquetWriter(tmp, schema) as writer:
            for path in paths:
                data = path.read_bytes()
                if sha256_bytes(data) != _part_fields(path.name)[4]:
                    raise _Damaged(path)
                table = pq.read_table(pa.BufferReader(data), schema=schema)
                buffer.append(table)
                rows += table.num_rows
                if rows >= limit:
                    writer.write_table(pa.concat_tables(buffer), row_group_size=rows)
                    buffer, rows = [], 0
            if buffer:
                writer.write_table(pa.concat_tables(buffer), row_group_size=rows)

    atomic_write(target, write)


def _ours(name: str) -> bool:
    """Whether a file of this name is one this module (or the outputs) writes."""
    return (PART_NAME.match(name) is not None or name in (MANIFEST, RUNS, MONTHLY, DESIGN,
                                                           "experiment.yaml")
            or (name.startswith("scenario-") and name.endswith(".yaml"))
            or name.endswith((".parquet", ".csv", ".html")))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def read_runs(out: str | Path, columns: list[str] | None = None) -> pd.DataFrame:
    """The runs table of a finished experiment (only ``columns`` if given)."""
    return pd.read_parquet(Path(out) / RUNS, columns=columns)


def read_design(out: str | Path) -> pd.DataFrame:
    """The design points of an experiment's result directory."""
    return pd.read_parquet(Path(out) / DESIGN)
