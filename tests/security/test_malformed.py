"""Malformed, duplicate and oddly named submissions, graded in the same batch as the attacks."""

from __future__ import annotations

import json
import sqlite3

import pytest

from aimath.grade.results import GRADED


@pytest.mark.parametrize("student, status", [
    ("malformed-json", "error: not a notebook (invalid JSON at line 1)"),
    ("malformed-empty", "error: the file is empty"),
    ("malformed-binary", "error: not a notebook (a binary file)"),
    ("malformed-latin1", "error: not a notebook (the file is not UTF-8 text)"),
    ("malformed-v3", "error: notebook format 3 is too old; open and save it in Jupyter (format 4)"),
    ("malformed-nocode", "error: the notebook has no code cells"),
    ("malformed-rkernel", "error: the notebook's kernel language is r, not Python"),
    ("malformed-huge", "error: the file is larger than 32 MB"),
])
def test_malformed_files_are_recorded_with_their_reason(graded, student, status):
    result = graded.result(student)
    assert (result.status, result.score, result.tests) == (status, 0.0, [])
    saved = json.loads((graded.paths["out"] / "results" / f"{student}.json").read_text())
    assert saved["status"] == status


def test_a_resubmission_counts_and_the_first_stays_in_the_history(graded):
    saved = json.loads((graded.paths["out"] / "results" / "123.json").read_text())
    assert (saved["status"], saved["score"], saved["file"]) == (GRADED, 13.0, "ann_LATE_123_1002_lesson.ipynb")
    with sqlite3.connect(graded.paths["out"] / "gradebook.sqlite") as db:
        rows = db.execute("SELECT s.submission_id, r.score FROM submissions s JOIN results r ON r.submission = s.id"
                          " WHERE s.student_id = '123' ORDER BY s.submission_id").fetchall()
    assert rows == [("1001", 0.0), ("1002", 13.0)]


def test_the_same_file_twice_is_graded_once(graded):
    graded_bob = [r for r in graded.outcome.results if r.student_id == "124"]
    assert [(r.file, r.score) for r in graded_bob] == [("bob_124_2002_lesson.ipynb", 13.0)]
    assert json.loads((graded.paths["out"] / "results" / "124.json").read_text())["score"] == 13.0


def test_names_with_spaces_quotes_and_commas(graded):
    result = graded.result("O'Brien, Ann Marie")
    assert (result.status, result.score, result.file) == (GRADED, 13.0, "O'Brien, Ann Marie.ipynb")
    assert (graded.paths["out"] / "results" / "O'Brien, Ann Marie.json").is_file()
    assert list((graded.paths["out"] / "feedback").glob("O_Brien__Ann_Marie_99-*.md"))
