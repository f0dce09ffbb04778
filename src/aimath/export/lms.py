"""Grade files for LMS import: plain CSV, Canvas, Moodle and Blackboard (formats: docs/exports.md).

Shared rules. One row per student with a result (students without one are left out, so an import
never touches their grades). A result that could not be graded is written as its status text, never
as a 0. Scores get the course late policy and the lesson's `points_scale`, with at most 2 decimals.
Text cells that a spreadsheet would run as a formula get a leading apostrophe, because student ids
come from file names that students choose. Files are written whole or not at all.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..config import LatePolicy, LessonEntry
from ..grade.results import SubmissionResult
from ..gradebook import Student
from ..report import category, explain_status, score_text
from .late import LatePenalty, late_penalty

# Canvas's importer silently drops every column whose header contains one of these (case-sensitive),
# taking the grades in it along: canvas-lms app/models/gradebook_importer.rb, NON_ASSIGNMENT_COLUMN_HEADERS.
CANVAS_DROPPED_HEADER_WORDS = (
    "Current Score", "Current Points", "Current Grade",
    "Final Score", "Final Points", "Final Grade",
    "Override Score", "Override Grade", "Override Status",
)
MOODLE_IDENTIFIERS = {  # Moodle's user mapping field: (our column header, the roster field)
    "email": ("Email address", "email"),
    "username": ("Username", "sis_login_id"),
    "idnumber": ("ID number", "sis_user_id"),
    "userid": ("User ID", "id"),
}


def _text(value: str) -> str:
    # A lone "-" is Moodle's "no grade" and no formula; we never write negative numbers.
    return "'" + value if len(value) > 1 and value[0] in "=+-@\t\r" else value


def _write_csv(path: str | os.PathLike[str], rows: list[list[str]], *, quote_all: bool = False) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.part")
    try:
        with partial.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL).writerows(
                [[_text(cell) for cell in row] for row in rows]
            )
        os.replace(partial, path)  # a half-written file is never left where someone would import it
    finally:
        partial.unlink(missing_ok=True)


@dataclass(frozen=True)
class _Grade:
    result: SubmissionResult
    late_days: float
    late: LatePenalty
    points: float | None  # what the LMS gets: late policy and scale applied; None when not graded

    @property
    def cell(self) -> str:
        return self.result.status if self.points is None else score_text(self.points)


def _grades(
    results: Iterable[SubmissionResult],
    *,
    scale: float,
    late_days: Mapping[str, float] | None,
    policy: LatePolicy | None,
) -> list[_Grade]:
    grades: dict[str, _Grade] = {}
    for result in results:
        if result.student_id in grades:
            raise ValueError(f"two results for student {result.student_id}: export one result per student "
                             "(Gradebook.latest_results)")
        days = (late_days or {}).get(result.student_id, 0.0)
        late = late_penalty(days, policy) if policy else LatePenalty(0, 1.0, "")
        scored = category(result.status) != "error"
        points = result.score * late.factor * scale if scored else None
        grades[result.student_id] = _Grade(result, days, late, points)
    return list(grades.values())


def _points_possible(grades: list[_Grade], scale: float) -> str:
    return score_text(max(g.result.max_score for g in grades) * scale) if grades else ""


def _lms_column(lesson: LessonEntry, setting: str, default: str | None = None) -> str:
    """What names the lesson's grade column in the LMS (`setting` of its config entry)."""
    if lesson.practice:
        raise ValueError(f"lesson {lesson.id} is a practice lesson: it has no LMS grade column")
    value = getattr(lesson, setting)
    if value is None and default is None:
        raise ValueError(f"lesson {lesson.id} has no {setting} in grading_config.yml")
    return str(value if value is not None else default)


def _people(roster: Iterable[Student]) -> dict[str, Student]:
    return {student.id: student for student in roster}


def _by_name(grades: list[_Grade], people: Mapping[str, Student]) -> list[_Grade]:
    def key(grade: _Grade) -> tuple[str, str]:
        student = people.get(grade.result.student_id)
        return (student.name.casefold() if student else "", grade.result.student_id)

    return sorted(grades, key=key)


def _natural(name: str) -> list[object]:
    # q02_10 after q02_9
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def export_csv(
    results: Iterable[SubmissionResult],
    path: str | os.PathLike[str],
    *,
    late_days: Mapping[str, float] | None = None,
    policy: LatePolicy | None = None,
) -> None:
    """Plain CSV: one row per student, one column per question, the total, late days, the final score
    after the late policy, and the status. Scores of an ungraded submission are empty, not 0."""
    grades = sorted(_grades(results, scale=1.0, late_days=late_days, policy=policy), key=lambda g: g.result.student_id)
    questions = sorted({q for g in grades for q in g.result.questions}, key=_natural)
    rows = [["student_id", *questions, "total", "max_score", "late_days", "final", "status"]]
    for grade in grades:
        result = grade.result
        if grade.points is None:
            scores = ["" for _ in questions] + ["", score_text(result.max_score), score_text(grade.late_days), ""]
        else:
            per_question = [score_text(result.questions[q]["score"]) if q in result.questions else "" for q in questions]
            scores = per_question + [score_text(result.score), score_text(result.max_score),
                                     score_text(grade.late_days), score_text(grade.points)]
        rows.append([result.student_id, *scores, result.status])
    _write_csv(path, rows)


def export_canvas(
    results: Iterable[SubmissionResult],
    lesson_entry: LessonEntry,
    roster: Iterable[Student],
    path: str | os.PathLike[str],
    *,
    late_days: Mapping[str, float] | None = None,
    policy: LatePolicy | None = None,
) -> None:
    """A CSV for Canvas's Gradebook > Import: students matched by Canvas user ID (then SIS ids, then
    name), the lesson's column matched by its Canvas assignment id."""
    column = f"{lesson_entry.title} ({_lms_column(lesson_entry, 'canvas_assignment_id')})"
    dropped = [word for word in CANVAS_DROPPED_HEADER_WORDS if word in column]
    if dropped:
        raise ValueError(f"Canvas drops any column whose header contains {dropped[0]!r}, with its grades; "
                         f"change the title of lesson {lesson_entry.id} ({lesson_entry.title!r})")
    if re.search(r"[\r\n]", column):
        raise ValueError(f"the title of lesson {lesson_entry.id} has a line break; Canvas could not read its id")
    grades = _grades(results, scale=lesson_entry.points_scale, late_days=late_days, policy=policy)
    people = _people(roster)
    rows = [
        ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", column],
        # Canvas's own export writes the row label with leading spaces; its importer looks for the words.
        ["    Points Possible", "", "", "", "", _points_possible(grades, lesson_entry.points_scale)],
    ]
    for grade in _by_name(grades, people):
        student = people.get(grade.result.student_id, Student(grade.result.student_id))
        rows.append([student.name, student.id, student.sis_user_id, student.sis_login_id, student.section, grade.cell])
    _write_csv(path, rows)


def _require(people: Mapping[str, Student], grades: list[_Grade], field: str, what: str) -> None:
    missing = [g.result.student_id for g in grades if not getattr(people.get(g.result.student_id), field, "")]
    if missing:
        shown = ", ".join(sorted(missing)[:10]) + (" ..." if len(missing) > 10 else "")
        raise ValueError(f"{len(missing)} student(s) have no {what} in the roster ({shown}); import the roster "
                         "first: the LMS rejects the whole file for one unknown student")


def _feedback(grade: _Grade) -> str:
    """One line for the LMS's feedback field; hidden tests are named, never their messages."""
    result = grade.result
    if grade.points is None:
        return explain_status(result.status)
    parts = [f"{score_text(result.score)} / {score_text(result.max_score)} points"]
    if grade.late.note:
        parts.append(grade.late.note)
    failed = [f"{t.question} {t.name}" + (" (hidden test)" if t.hidden else "") for t in result.tests if not t.passed]
    if failed:
        parts.append("failed: " + ", ".join(failed))
    if category(result.status) == "partial":
        parts.append(explain_status(result.status))
    return ". ".join(parts)


def export_moodle(
    results: Iterable[SubmissionResult],
    lesson_entry: LessonEntry,
    roster: Iterable[Student],
    path: str | os.PathLike[str],
    *,
    identifier: Literal["email", "username", "idnumber", "userid"] = "email",
    late_days: Mapping[str, float] | None = None,
    policy: LatePolicy | None = None,
) -> None:
    """A CSV for Moodle's Grades > Import > CSV file: an identifier column, then `<item> (Real)` and
    `<item> (Feedback)`. An ungraded submission gets "-" (no grade) and its status as feedback,
    because Moodle rejects the whole file for a grade that is not a number."""
    item = _lms_column(lesson_entry, "moodle_item", default=lesson_entry.title)
    label, field = MOODLE_IDENTIFIERS[identifier]
    grades = _grades(results, scale=lesson_entry.points_scale, late_days=late_days, policy=policy)
    people = {**{g.result.student_id: Student(g.result.student_id) for g in grades}, **_people(roster)}
    _require(people, grades, field, label.lower())
    rows = [[label, f"{item} (Real)", f"{item} (Feedback)"]]
    for grade in _by_name(grades, people):
        student = people[grade.result.student_id]
        cell = "-" if grade.points is None else grade.cell
        rows.append([getattr(student, field), cell, _feedback(grade)])
    _write_csv(path, rows)


def _last_first(name: str) -> tuple[str, str]:
    if "," in name:
        last, first = name.split(",", 1)
        return last.strip(), first.strip()
    first, _, last = name.strip().rpartition(" ")
    return last, first


def export_blackboard(
    results: Iterable[SubmissionResult],
    lesson_entry: LessonEntry,
    roster: Iterable[Student],
    path: str | os.PathLike[str],
    *,
    late_days: Mapping[str, float] | None = None,
    policy: LatePolicy | None = None,
) -> None:
    """A CSV for Blackboard Learn's Grade Center > Work Offline > Upload: students matched by
    Username (the roster's sis_login_id), the column by the id after "|"; every field quoted."""
    column_id = _lms_column(lesson_entry, "blackboard_column_id")
    grades = _grades(results, scale=lesson_entry.points_scale, late_days=late_days, policy=policy)
    people = _people(roster)
    _require(people, grades, "sis_login_id", "username (sis_login_id)")
    possible = _points_possible(grades, lesson_entry.points_scale)
    column = f"{lesson_entry.title} [Total Pts: {possible} Score] |{column_id}"
    rows = [["Last Name", "First Name", "Username", "Student ID", column]]
    for grade in _by_name(grades, people):
        student = people[grade.result.student_id]
        rows.append([*_last_first(student.name), student.sis_login_id, student.sis_user_id, grade.cell])
    _write_csv(path, rows, quote_all=True)
