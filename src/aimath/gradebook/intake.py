"""Submission intake: find the notebooks to grade in what a TA downloaded, and whose each one is.

A path may be a notebook, an otter-grader export zip (the student's notebook inside), a folder as
downloaded from Canvas, Moodle or Gradescope (walked recursively), or a zip of such a folder (Canvas's
"Download Submissions"). Everything here is untrusted: symlinks are never followed, nothing is
extracted outside `workdir`, and archives are capped in total size and member count. A file that
cannot be taken is still returned, with `error` saying why, so no student silently disappears.

Student ids come from file names, through the course's patterns (`CourseConfig.student_id_patterns()`).
Canvas names a bulk-downloaded file `<name>[_LATE]_<user id>_<file id>_<original name>`; the file id
grows with every upload, so it orders a student's resubmissions (it is returned as `submission_id`).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

MAX_UNPACKED_BYTES = 1 << 30  # what one archive (with any zips inside it) may unpack to
MAX_MEMBERS = 10_000  # members of one archive
_NOTEBOOK, _ZIP = ".ipynb", ".zip"
# Never submissions: macOS resource forks (and, by the dot rule, .ipynb_checkpoints and the like).
_SKIPPED_DIRS = ("__MACOSX",)


@dataclass(frozen=True)
class Submission:
    """One submitted file. `path` is the notebook to grade (None when `error` is set)."""

    student_id: str | None
    path: Path | None
    original_name: str  # the file's name as downloaded (the zip's name for a zipped notebook)
    sha256: str | None  # of the notebook; of the received file when it was refused
    submission_id: str | None = None
    late: bool = False
    error: str | None = None
    mtime: float = 0.0  # of the received file: orders duplicates, not a trustworthy submission time


class _Refused(Exception):
    """A received file that cannot be taken; the message is the reason shown to people."""


def _size(n: int) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} bytes"


def _hidden(name: str) -> bool:
    return name.startswith(".") or name in _SKIPPED_DIRS


@dataclass(frozen=True)
class _Identity:
    student_id: str
    submission_id: str | None
    late: bool


def _identify(name: str, patterns: Sequence[re.Pattern[str]]) -> _Identity | None:
    for pattern in patterns:
        match = pattern.search(name)
        if match and match.group("student_id"):
            groups = pattern.groupindex
            if "late" in groups:
                late = bool(match.group("late"))
            else:
                # Canvas writes LATE between the name and the user id; Canvas lowercases names, so an
                # upper-case LATE there is always the flag.
                late = re.search(r"(?:^|_)LATE_$", name[: match.start("student_id")]) is not None
            submission_id = match.group("submission_id") if "submission_id" in groups else None
            return _Identity(match.group("student_id"), submission_id, late)
    return None


def _open_nofollow(path: Path) -> BinaryIO:
    # The file was checked not to be a symlink; O_NOFOLLOW refuses one swapped in since.
    return os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)), "rb")


def _sha256(path: Path) -> str:
    with _open_nofollow(path) as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _unsafe_member(name: str) -> bool:
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return (
        name.startswith(("/", "\\"))
        or ".." in parts
        or (bool(parts) and ":" in parts[0])  # a Windows drive, "C:..."
        or "\0" in name
    )


class _Budget:
    """Bytes an archive may still unpack to, shared with the zips inside it."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0

    def take(self, n: int) -> None:
        self.used += n
        if self.used > self.limit:
            raise _Refused(f"zip bomb: more than {_size(self.limit)} uncompressed")


class _Collector:
    def __init__(self, patterns: Sequence[str], workdir: Path, max_bytes: int, max_members: int) -> None:
        self.patterns = [re.compile(p) for p in patterns]
        for pattern in self.patterns:
            if "student_id" not in pattern.groupindex:
                raise ValueError(f"student id pattern {pattern.pattern!r} has no (?P<student_id>...) group")
        self.workdir = workdir
        self.max_bytes = max_bytes
        self.max_members = max_members
        self.found: list[Submission] = []

    # -- what each kind of path becomes ----------------------------------------------------------

    def take(self, path: Path, *, inside_archive: bool = False, budget: _Budget | None = None) -> None:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            self.refuse(path, "symlink refused", info)
        elif stat.S_ISDIR(info.st_mode):
            for child in sorted(path.iterdir(), key=lambda p: p.name):
                if not _hidden(child.name):
                    self.take(child, inside_archive=inside_archive, budget=budget)
        elif path.suffix.lower() not in (_NOTEBOOK, _ZIP):
            return  # not a submission: PDFs, metadata files, READMEs
        elif not stat.S_ISREG(info.st_mode):
            self.refuse(path, "not a regular file", info)
        elif path.suffix.lower() == _NOTEBOOK:
            self.take_notebook(path, info)
        else:
            self.take_zip(path, info, inside_archive=inside_archive, budget=budget)

    def refuse(self, path: Path, reason: str, info: os.stat_result, sha256: str | None = None) -> None:
        who = _identify(path.name, self.patterns)
        self.found.append(
            Submission(
                student_id=who.student_id if who else None,
                path=None,
                original_name=path.name,
                sha256=sha256,
                submission_id=who.submission_id if who else None,
                late=who.late if who else False,
                error=reason,
                mtime=info.st_mtime,
            )
        )

    def accept(self, who: _Identity, notebook: Path, received: Path, sha256: str, info: os.stat_result) -> None:
        self.found.append(
            Submission(who.student_id, notebook, received.name, sha256, who.submission_id, who.late, None,
                       info.st_mtime)
        )

    def take_notebook(self, path: Path, info: os.stat_result) -> None:
        who = _identify(path.name, self.patterns)
        if who is None:
            self.refuse(path, "cannot tell the student id from the file name", info)
        elif info.st_size > self.max_bytes:
            self.refuse(path, f"notebook too large: {_size(info.st_size)} (limit {_size(self.max_bytes)})", info)
        else:
            self.accept(who, path, path, _sha256(path), info)

    def take_zip(self, path: Path, info: os.stat_result, *, inside_archive: bool, budget: _Budget | None) -> None:
        who = _identify(path.name, self.patterns)
        if who is None and inside_archive:
            self.refuse(path, "cannot tell the student id from the file name", info, _sha256(path))
            return
        budget = budget or _Budget(self.max_bytes)
        target = Path(tempfile.mkdtemp(prefix=f"{path.stem[:40]}-", dir=self.workdir))
        try:
            with _open_nofollow(path) as handle, zipfile.ZipFile(handle) as archive:
                members = self.checked_members(archive)
                if who is None:
                    # A zip whose name names no student is a bundle of submissions (Canvas's
                    # "Download Submissions"): unpack it and take what is inside.
                    for member in members:
                        _extract(archive, member, target, budget)
                else:
                    notebook = _extract(archive, _the_notebook(members), target, budget)
        except _Refused as exc:
            shutil.rmtree(target, ignore_errors=True)
            self.refuse(path, str(exc), info, _sha256(path))
            return
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError) as exc:
            shutil.rmtree(target, ignore_errors=True)
            self.refuse(path, f"not a readable zip file ({exc})", info, _sha256(path))
            return
        if who is None:
            self.take(target, inside_archive=True, budget=budget)
        else:
            self.accept(who, notebook, path, _sha256(notebook), info)

    def checked_members(self, archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
        """The zip's file members, after refusing anything unsafe in the whole archive."""
        members = archive.infolist()
        if len(members) > self.max_members:
            raise _Refused(f"zip has {len(members)} members (limit {self.max_members})")
        declared = sum(m.file_size for m in members)
        if declared > self.max_bytes:
            raise _Refused(f"zip bomb: {_size(declared)} uncompressed")
        seen: set[str] = set()
        files = []
        for member in members:
            if _unsafe_member(member.filename):
                raise _Refused(f"zip contains unsafe path {member.filename}")
            if stat.S_ISLNK(member.external_attr >> 16):
                raise _Refused(f"symlink refused ({member.filename} in the zip)")
            if member.flag_bits & 0x1:
                raise _Refused("zip is encrypted")
            name = member.filename.replace("\\", "/").rstrip("/")
            if name in seen:
                raise _Refused(f"zip has two members named {name}")
            seen.add(name)
            parts = PurePosixPath(name).parts
            if not member.is_dir() and not any(_hidden(part) for part in parts):
                files.append(member)
        return files


def _the_notebook(members: list[zipfile.ZipInfo]) -> zipfile.ZipInfo:
    """The notebook of an otter export: the one at the top level (as otter requires), else the only one."""
    notebooks = [m for m in members if m.filename.lower().endswith(_NOTEBOOK)]
    top = [m for m in notebooks if "/" not in m.filename.replace("\\", "/")]
    candidates = top or notebooks
    if not candidates:
        raise _Refused("no notebook in zip")
    if len(candidates) > 1:
        names = ", ".join(sorted(m.filename for m in candidates))
        raise _Refused(f"zip holds {len(candidates)} notebooks ({names})")
    return candidates[0]


def _extract(archive: zipfile.ZipFile, member: zipfile.ZipInfo, target: Path, budget: _Budget) -> Path:
    """Write one member under `target`, charging its bytes to the budget shared with enclosing archives.

    A zip may lie about sizes, but zipfile inflates no more than the declared size (and then fails
    the CRC check), so the declared total checked up front also bounds what is written."""
    destination = target.joinpath(*PurePosixPath(member.filename.replace("\\", "/")).parts)
    if not destination.resolve().is_relative_to(target.resolve()):  # second line of defence after _unsafe_member
        raise _Refused(f"zip contains unsafe path {member.filename}")
    destination.parent.mkdir(parents=True, exist_ok=True)
    # "xb": never overwrite, never write through a link planted in the folder.
    with archive.open(member) as source, destination.open("xb") as sink:
        while chunk := source.read(1 << 20):
            budget.take(len(chunk))
            sink.write(chunk)
    return destination


def _order(submission: Submission) -> tuple[str, int, float, str]:
    sid = submission.submission_id
    return (
        submission.student_id or "",
        int(sid) if sid and sid.isdigit() else -1,
        submission.mtime,
        submission.original_name,
    )


def collect_submissions(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    patterns: Sequence[str],
    workdir: str | os.PathLike[str],
    *,
    max_bytes: int = MAX_UNPACKED_BYTES,
    max_members: int = MAX_MEMBERS,
) -> list[Submission]:
    """Every submission found under `paths`, grouped by student, each student's latest last.

    Latest means: highest submission id, then newest modification time, then name. All of a
    student's submissions are returned so that the gradebook keeps them as history.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    collector = _Collector(patterns, workdir, max_bytes, max_members)
    for path in paths:
        collector.take(Path(path))
    return sorted(collector.found, key=_order)
