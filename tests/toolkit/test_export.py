"""LMS exports: exact Canvas header and quoting, statuses instead of zeros, Moodle, Blackboard,
Gradescope results.json, the plain CSV, and the late policy."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from test_gradebook_samples import HIDDEN_SECRET, PUBLIC_MESSAGE, sample_result

from aimath.config import LatePolicy, LessonEntry
from aimath.export import (
    export_blackboard,
    export_canvas,
    export_csv,
    export_moodle,
    late_penalty,
    to_gradescope_json,
)
from aimath.grade.results import PARTIAL_RESTARTED, error_status
from aimath.gradebook import Student

LESSON = LessonEntry(
    id="02", title="Matrix Decompositions", source="source/02_Matrix_Decompositions.ipynb",
    canvas_assignment_id=4567, moodle_item="Lesson 02", blackboard_column_id="_123_1", points_scale=2.0,
)
ROSTER = [
    Student("1001", 'O\'Brien, Siobhán "Shiv"', "shiv@example.edu", "S1001", "sobrien", "MATH-A, evening"),
    Student("1002", "Ana Lima", "ana@example.edu", "S1002", "alima", "MATH-B"),
    Student("1003", "=HYPERLINK(\"http://x\")", "eq@example.edu", "S1003", "eq", "MATH-B"),
]
TIMED_OUT = error_status("timed out after 120 s")


def results() -> list:
    return [
        sample_result("1001"),  # 4.5 / 5.5
        sample_result("1002", status=TIMED_OUT),
        sample_result("1003", passed=(True,) * 4),  # 5.5
    ]


def read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def canvas_reads(rows: list[list[str]]) -> dict:
    """The parts of canvas-lms's GradebookImporter (app/models/gradebook_importer.rb) that decide
    whether a file imports and what it means, restated for this header shape."""
    header = rows[0]
    assert len(header) > 3 and "Student" in header[0] and "ID" in header[1]
    assert re.search(r"SIS\s+User\s+ID", header[2]) and re.search(r"SIS\s+Login\s+ID", header[3])
    assert "Section" in header[4]  # the last student-information column, else "Invalid header row"
    dropped = re.compile("|".join(["Current Score", "Current Points", "Current Grade", "Final Score", "Final Points",
                                   "Final Grade", "Override Score", "Override Grade", "Override Status"]))
    columns = [h for h in header[5:] if not dropped.search(h)]
    assignments = [re.fullmatch(r"(.*)\s\((\d+)\)", h).groups() for h in columns]
    points = [row for row in rows[1:] if "Points Possible" in row[0]]
    students = [row for row in rows[1:] if "Points Possible" not in row[0]]
    return {"assignments": assignments, "points": points, "students": students}


def test_canvas_header_is_exact_and_readable_by_the_importer(tmp_path: Path) -> None:
    path = tmp_path / "canvas.csv"
    export_canvas(results(), LESSON, ROSTER, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "Student,ID,SIS User ID,SIS Login ID,Section,Matrix Decompositions (4567)"
    assert lines[1] == "    Points Possible,,,,,11"  # 5.5 points, points_scale 2
    read = canvas_reads(read_rows(path))
    assert read["assignments"] == [("Matrix Decompositions", "4567")]


def test_canvas_cells_quote_names_and_round_trip_with_the_csv_module(tmp_path: Path) -> None:
    path = tmp_path / "canvas.csv"
    export_canvas(results(), LESSON, ROSTER, path)
    students = canvas_reads(read_rows(path))["students"]
    assert students == [
        ["'=HYPERLINK(\"http://x\")", "1003", "S1003", "eq", "MATH-B", "11"],  # formula neutralized
        ["Ana Lima", "1002", "S1002", "alima", "MATH-B", TIMED_OUT],  # a status, never a silent 0
        ['O\'Brien, Siobhán "Shiv"', "1001", "S1001", "sobrien", "MATH-A, evening", "9"],
    ]
    raw = path.read_text(encoding="utf-8")
    assert '"O\'Brien, Siobhán ""Shiv""",1001' in raw and '"MATH-A, evening"' in raw


def test_canvas_scores_have_at_most_two_decimals_and_unknown_students_keep_their_id(tmp_path: Path) -> None:
    path = tmp_path / "canvas.csv"
    one_third = LESSON.model_copy(update={"points_scale": 1 / 3})
    export_canvas([sample_result("9999")], one_third, [], path)
    [row] = canvas_reads(read_rows(path))["students"]
    assert row == ["", "9999", "", "", "", "1.5"]
    assert read_rows(path)[1][5] == "1.83"  # 5.5 / 3


@pytest.mark.parametrize(
    ("update", "message"),
    [
        ({"title": "Final Grade Review"}, "'Final Grade'"),
        ({"title": "Current Points of Interest"}, "'Current Points'"),
        ({"canvas_assignment_id": None}, "no canvas_assignment_id"),
        ({"practice": True}, "practice lesson"),
    ],
)
def test_canvas_refuses_columns_the_importer_would_drop_or_misplace(tmp_path: Path, update: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        export_canvas(results(), LESSON.model_copy(update=update), ROSTER, tmp_path / "canvas.csv")
    assert not (tmp_path / "canvas.csv").exists()


def test_one_result_per_student(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="two results for student 1001"):
        export_csv([sample_result("1001"), sample_result("1001", variant="b")], tmp_path / "x.csv")


def test_late_policy_grace_per_day_and_limit() -> None:
    policy = LatePolicy(grace_minutes=15, penalty_per_day=0.1, max_late_days=5)
    assert late_penalty(0.0, policy).factor == 1.0
    assert late_penalty(10 / 1440, policy).days == 0  # within the grace
    assert late_penalty(20 / 1440, policy).days == 1  # past it: a started day counts
    assert late_penalty(2.0000000001, policy).days == 2
    two = late_penalty(1.5, policy)
    assert (two.days, two.factor, two.note) == (2, 0.8, "late 2 days: -20%")
    assert late_penalty(5.2, policy).note == "late 6 days: past the 5-day limit, no credit"
    assert late_penalty(5.2, policy).factor == 0.0
    assert late_penalty(30, LatePolicy(penalty_per_day=0.25)).factor == 0.0  # never below 0


def test_exports_apply_the_late_policy(tmp_path: Path) -> None:
    policy = LatePolicy(grace_minutes=15, penalty_per_day=0.1, max_late_days=5)
    late = {"1001": 1.5, "1003": 9.0}
    export_canvas(results(), LESSON, ROSTER, tmp_path / "canvas.csv", late_days=late, policy=policy)
    grades = {row[1]: row[5] for row in canvas_reads(read_rows(tmp_path / "canvas.csv"))["students"]}
    assert grades == {"1001": "7.2", "1002": TIMED_OUT, "1003": "0"}  # 4.5 * 0.8 * 2; past the limit

    export_csv(results(), tmp_path / "plain.csv", late_days=late, policy=policy)
    plain = {row[0]: row for row in read_rows(tmp_path / "plain.csv")}
    assert plain["1001"][-4:] == ["5.5", "1.5", "3.6", "graded"]


def test_plain_csv_has_question_columns_and_blank_scores_for_errors(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    export_csv(results() + [sample_result("1004", status=PARTIAL_RESTARTED)], path)
    rows = read_rows(path)
    assert rows[0] == ["student_id", "q02_1", "q02_2", "total", "max_score", "late_days", "final", "status"]
    assert rows[1] == ["1001", "3", "1.5", "4.5", "5.5", "0", "4.5", "graded"]
    assert rows[2] == ["1002", "", "", "", "5.5", "0", "", TIMED_OUT]
    assert rows[4] == ["1004", "3", "1.5", "4.5", "5.5", "0", "4.5", PARTIAL_RESTARTED]


def test_moodle_gets_no_grade_and_the_reason_for_errors(tmp_path: Path) -> None:
    path = tmp_path / "moodle.csv"
    export_moodle(results(), LESSON, ROSTER, path)
    rows = read_rows(path)
    assert rows[0] == ["Email address", "Lesson 02 (Real)", "Lesson 02 (Feedback)"]
    by_email = {row[0]: row for row in rows[1:]}
    assert by_email["ana@example.edu"][1] == "-" and "ran longer than the time limit" in by_email["ana@example.edu"][2]
    assert by_email["shiv@example.edu"][1:] == [
        "9", "4.5 / 5.5 points. failed: q02_2 test_q02_2_small",
    ]
    assert HIDDEN_SECRET not in path.read_text(encoding="utf-8") and PUBLIC_MESSAGE not in path.read_text(encoding="utf-8")


def test_moodle_feedback_names_failed_hidden_tests_but_not_their_messages(tmp_path: Path) -> None:
    path = tmp_path / "moodle.csv"
    export_moodle([sample_result("1002", passed=(True, False, True, True))], LESSON, ROSTER, path, identifier="username")
    assert read_rows(path)[1] == ["alima", "7", "3.5 / 5.5 points. failed: q02_1 test_q02_1_reference (hidden test)"]
    assert HIDDEN_SECRET not in path.read_text(encoding="utf-8")


def test_moodle_and_blackboard_refuse_students_missing_from_the_roster(tmp_path: Path) -> None:
    for export in (export_moodle, export_blackboard):
        with pytest.raises(ValueError, match="1 student\\(s\\) have no .* in the roster \\(7777\\)"):
            export([sample_result("7777")], LESSON, ROSTER, tmp_path / "out.csv")


def test_blackboard_quotes_every_field_and_puts_the_column_id_after_a_bar(tmp_path: Path) -> None:
    path = tmp_path / "blackboard.csv"
    export_blackboard(results(), LESSON, ROSTER, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == '"Last Name","First Name","Username","Student ID","Matrix Decompositions [Total Pts: 11 Score] |_123_1"'
    assert all(re.fullmatch(r'("([^"]|"")*",)*"([^"]|"")*"', line) for line in lines)
    assert read_rows(path)[1:] == [
        ["'=HYPERLINK(\"http://x\")", "", "eq", "S1003", "11"],  # one word: a last name
        ["Lima", "Ana", "alima", "S1002", TIMED_OUT],
        ["O'Brien", 'Siobhán "Shiv"', "sobrien", "S1001", "9"],
    ]


def test_gradescope_results_json(tmp_path: Path) -> None:
    data = to_gradescope_json(sample_result())
    json.dumps(data)  # serializable as is
    assert (data["score"], data["execution_time"]) == (4.5, 1)
    by_name = {test["name"]: test for test in data["tests"]}
    public, hidden = by_name["q02_2 test_q02_2_small"], by_name["q02_1 test_q02_1_reference"]
    assert public == {"name": "q02_2 test_q02_2_small", "score": 0.0, "max_score": 1.0, "status": "failed",
                      "visibility": "visible", "output": PUBLIC_MESSAGE}
    assert hidden["visibility"] == "after_published" and "output" not in hidden and hidden["status"] == "passed"
    assert HIDDEN_SECRET not in json.dumps(data)

    failed = to_gradescope_json(sample_result(status=TIMED_OUT))
    assert failed["score"] == 0.0 and failed["tests"] == []
    assert "ran longer than the time limit" in failed["output"] and failed["extra_data"]["status"] == TIMED_OUT
