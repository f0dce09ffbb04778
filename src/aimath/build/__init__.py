"""The build stage: source notebooks -> release, autograder bundles and executed solutions.

Public surface: `build_lessons`, `verify_build`, `check_lessons`, `parse_lesson`, `BuildError`.
"""

from __future__ import annotations

import filecmp
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..config import CourseConfig, LessonEntry
from .outputs import build_lesson, lesson_dirs
from .selfcheck import LessonCheck, check_lesson
from .source import BuildError, LessonSource, parse_lesson

__all__ = ["BuildError", "LessonCheck", "build_lessons", "check_lessons", "parse_lesson", "select_lessons",
           "verify_build"]


def select_lessons(root: Path, config: CourseConfig, keys: list[str] | tuple[str, ...]) -> list[LessonEntry]:
    """The lessons named by `keys` (all lessons whose source exists when empty)."""
    if keys:
        return [config.lesson(k) for k in keys]
    return [entry for entry in config.lessons if (root / entry.source).is_file()]


def _parse(root: Path, entry: LessonEntry) -> LessonSource:
    path = root / entry.source
    if not path.is_file():
        raise BuildError(f"{entry.source}: lesson {entry.id} has no source notebook yet")
    return parse_lesson(path)


def build_lessons(root: Path, config: CourseConfig, entries: list[LessonEntry], *, out_root: Path | None = None,
                  execute: bool = True) -> list[Path]:
    written: list[Path] = []
    for entry in entries:
        written += build_lesson(_parse(root, entry), entry, config, out_root or root, execute=execute)
    return written


@dataclass
class Drift:
    lesson: str
    differing: list[str] = field(default_factory=list)


def _tree_files(path: Path) -> set[str]:
    if path.is_file():
        return {""}
    return {p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


def verify_build(root: Path, config: CourseConfig, entries: list[LessonEntry]) -> list[Drift]:
    """Rebuild into a temporary folder; report every committed file that differs or is missing."""
    drifts = []
    with tempfile.TemporaryDirectory(prefix="aimath-build-check-") as tmp:
        fresh_root = Path(tmp)
        build_lessons(root, config, entries, out_root=fresh_root)
        for entry in entries:
            drift = Drift(entry.id)
            stem = Path(entry.source).stem
            for kind, fresh in lesson_dirs(fresh_root, stem).items():
                committed = lesson_dirs(root, stem)[kind]
                for rel in sorted(_tree_files(fresh) | _tree_files(committed)):
                    a, b = (fresh / rel if rel else fresh), (committed / rel if rel else committed)
                    if not (a.is_file() and b.is_file() and filecmp.cmp(a, b, shallow=False)):
                        drift.differing.append(str(b.relative_to(root)))
            if drift.differing:
                drifts.append(drift)
    return drifts


def check_lessons(root: Path, config: CourseConfig, entries: list[LessonEntry]) -> list[LessonCheck]:
    return [check_lesson(root, _parse(root, entry)) for entry in entries]
