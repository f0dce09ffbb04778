"""The gradebook: one SQLite file with students, submissions, results, per-test results and overrides.

Grading is idempotent and resumable because every result is keyed by the sha256 of the graded file
(`is_current` lets a re-run skip what it already graded) and written in one transaction (a batch killed
half-way loses only the submission it was writing). Several worker processes may write at once.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from pathlib import Path

from ..grade.results import GRADED, SubmissionResult

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE students (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    sis_user_id TEXT NOT NULL DEFAULT '',
    sis_login_id TEXT NOT NULL DEFAULT '',
    section TEXT NOT NULL DEFAULT ''
);
CREATE TABLE submissions (
    id INTEGER PRIMARY KEY,
    lesson TEXT NOT NULL,
    student_id TEXT NOT NULL REFERENCES students(id),
    file TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    received_at TEXT,                       -- ISO 8601, UTC
    late_days REAL NOT NULL DEFAULT 0 CHECK (late_days >= 0),
    submission_id TEXT,                     -- the LMS's id, when the file name carries one
    UNIQUE (lesson, student_id, sha256)
);
CREATE TABLE results (
    submission INTEGER PRIMARY KEY REFERENCES submissions(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    score REAL NOT NULL,
    max_score REAL NOT NULL,
    sandbox TEXT NOT NULL,
    seconds REAL NOT NULL,
    graded_at TEXT NOT NULL,
    json TEXT NOT NULL                      -- the whole SubmissionResult: the record of truth
);
CREATE TABLE test_results (
    submission INTEGER NOT NULL REFERENCES results(submission) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    question TEXT NOT NULL,
    name TEXT NOT NULL,
    hidden INTEGER NOT NULL,
    score REAL NOT NULL,
    max_score REAL NOT NULL,
    passed INTEGER NOT NULL,
    message TEXT NOT NULL,
    PRIMARY KEY (submission, position)
);
CREATE TABLE overrides (
    id INTEGER PRIMARY KEY,
    lesson TEXT NOT NULL,
    student_id TEXT NOT NULL REFERENCES students(id),
    question TEXT,                          -- NULL: the total
    score REAL,                             -- NULL: the override is withdrawn
    reason TEXT NOT NULL,
    who TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX overrides_by_student ON overrides (lesson, student_id);
"""


class GradebookError(RuntimeError):
    """The gradebook file cannot be used (written by a newer aimath, a bad roster, ...)."""


@dataclass(frozen=True)
class Student:
    id: str
    name: str = ""
    email: str = ""
    sis_user_id: str = ""
    sis_login_id: str = ""
    section: str = ""


ROSTER_COLUMNS = tuple(f.name for f in fields(Student))


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _utc(moment: dt.datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        # A naive time is ambiguous by hours, which decides lateness; refuse it rather than guess.
        raise ValueError(f"received_at {moment} has no time zone")
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")  # one width: sortable as text


def _recency(submission_id: str | None, received_at: str | None, row_id: int) -> tuple[int, str, int]:
    """Order of a student's submissions, oldest first: LMS submission id (numeric), then time received,
    then the order they were first recorded (the order intake returns them)."""
    number = int(submission_id) if submission_id and submission_id.isdigit() else -1
    return number, received_at or "", row_id


class Gradebook:
    """The course gradebook in one SQLite file (WAL journal, foreign keys on).

    Open one `Gradebook` per process: SQLite connections must not cross a fork, so a forked child
    that inherits the object transparently opens its own connection.
    """

    def __init__(self, path: str | os.PathLike[str], *, timeout: float = 60.0) -> None:
        self.path = Path(path)
        self._timeout = timeout
        self._conn: sqlite3.Connection | None = None
        self._pid = 0
        self._ensure_schema()

    # -- connection and transactions -------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None or self._pid != os.getpid():
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, so a transaction is exactly
            # the block it should be. `timeout` is SQLite's busy timeout for concurrent writers.
            conn = sqlite3.connect(self.path, timeout=self._timeout, isolation_level=None)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            self._enable_wal(conn)
            self._conn, self._pid = conn, os.getpid()
        return self._conn

    def _enable_wal(self, conn: sqlite3.Connection) -> None:
        # Switching a new database to WAL needs an exclusive lock, and SQLite reports a concurrent
        # switch as "locked" at once instead of waiting out the busy timeout: retry until the timeout.
        deadline = time.monotonic() + self._timeout
        while True:
            try:
                conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)

    @contextmanager
    def _transaction(self, write: bool) -> Iterator[sqlite3.Connection]:
        conn = self._connection()
        # IMMEDIATE takes the write lock up front: a deferred transaction that later upgrades to a
        # writer can fail at once with "database is locked" instead of waiting out the busy timeout.
        conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def _ensure_schema(self) -> None:
        with self._transaction(write=True) as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            elif version != SCHEMA_VERSION:
                raise GradebookError(
                    f"{self.path}: gradebook schema version {version}; this aimath reads version {SCHEMA_VERSION}"
                )

    def close(self) -> None:
        if self._conn is not None and self._pid == os.getpid():
            self._conn.close()
        self._conn = None

    def __enter__(self) -> Gradebook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- results ---------------------------------------------------------------------------------

    def is_current(self, lesson: str, student_id: str, sha256: str) -> bool:
        """Whether this exact file already has a result, so a re-run can skip it."""
        row = self._connection().execute(
            "SELECT 1 FROM submissions s JOIN results r ON r.submission = s.id"
            " WHERE s.lesson = ? AND s.student_id = ? AND s.sha256 = ?",
            (lesson, student_id, sha256),
        ).fetchone()
        return row is not None

    def record(
        self,
        result: SubmissionResult,
        *,
        received_at: dt.datetime | None = None,
        late_days: float | None = None,
        submission_id: str | None = None,
    ) -> None:
        """Store one graded submission in a single transaction.

        Re-recording a file with the same sha256 replaces its result. Its submission facts
        (received_at, late_days, submission_id) are updated where given and kept where not, so a
        regrade that only passes the result does not reset a student's lateness to 0.
        """
        if late_days is not None and not (math.isfinite(late_days) and late_days >= 0):
            raise ValueError(f"late_days must be a finite number >= 0, not {late_days}")
        received = _utc(received_at)
        document = result.to_json()  # before the transaction: a result that cannot be encoded writes nothing
        tests = [
            (i, t.question, t.name, int(t.hidden), t.score, t.max_score, int(t.passed), t.message)
            for i, t in enumerate(result.tests)
        ]
        with self._transaction(write=True) as conn:
            conn.execute("INSERT OR IGNORE INTO students (id) VALUES (?)", (result.student_id,))
            submission = conn.execute(
                "INSERT INTO submissions (lesson, student_id, file, sha256, received_at, late_days, submission_id)"
                " VALUES (?, ?, ?, ?, ?, COALESCE(?, 0), ?)"
                " ON CONFLICT (lesson, student_id, sha256) DO UPDATE SET file = excluded.file,"
                "  received_at = COALESCE(?, received_at), late_days = COALESCE(?, late_days),"
                "  submission_id = COALESCE(?, submission_id)"
                " RETURNING id",
                (result.lesson, result.student_id, result.file, result.sha256, received, late_days, submission_id,
                 received, late_days, submission_id),
            ).fetchone()[0]
            conn.execute("DELETE FROM results WHERE submission = ?", (submission,))  # cascades to test_results
            conn.execute(
                "INSERT INTO results (submission, status, score, max_score, sandbox, seconds, graded_at, json)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (submission, result.status, result.score, result.max_score, result.sandbox, result.seconds,
                 _now(), document),
            )
            conn.executemany(
                "INSERT INTO test_results (submission, position, question, name, hidden, score, max_score, passed,"
                " message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(submission, *test) for test in tests],
            )

    def _attempts(self, conn: sqlite3.Connection, lesson: str, student_id: str | None = None) -> list[sqlite3.Row]:
        """Every graded submission of a lesson (or of one student), oldest first per student."""
        query = (
            "SELECT s.id, s.student_id, s.submission_id, s.received_at, s.late_days, r.json"
            " FROM submissions s JOIN results r ON r.submission = s.id WHERE s.lesson = ?"
        )
        parameters: tuple[str, ...] = (lesson,)
        if student_id is not None:
            query += " AND s.student_id = ?"
            parameters += (student_id,)
        rows = conn.execute(query, parameters).fetchall()
        return sorted(rows, key=lambda r: (r["student_id"], _recency(r["submission_id"], r["received_at"], r["id"])))

    def _latest(self, conn: sqlite3.Connection, lesson: str) -> dict[str, sqlite3.Row]:
        latest: dict[str, sqlite3.Row] = {}
        for row in self._attempts(conn, lesson):
            latest[row["student_id"]] = row  # rows are oldest first, so the last one stays
        return latest

    def latest_results(self, lesson: str) -> list[SubmissionResult]:
        """One result per student, from their latest submission, with overrides applied."""
        with self._transaction(write=False) as conn:
            latest = self._latest(conn, lesson)
            overrides = self._overrides(conn, lesson)
        return [
            _apply_overrides(_load(row), overrides.get(student, {}))
            for student, row in sorted(latest.items())
        ]

    def late_days(self, lesson: str) -> dict[str, float]:
        """Late days of each student's latest submission (what the exports' late policy needs)."""
        with self._transaction(write=False) as conn:
            return {student: row["late_days"] for student, row in sorted(self._latest(conn, lesson).items())}

    def history(self, lesson: str, student_id: str) -> list[SubmissionResult]:
        """Every graded submission of one student, oldest first (the last one is the one that counts),
        as graded: overrides are not applied here."""
        with self._transaction(write=False) as conn:
            rows = self._attempts(conn, lesson, student_id)
        return [_load(row) for row in rows]

    # -- overrides -------------------------------------------------------------------------------

    def set_override(
        self,
        lesson: str,
        student_id: str,
        score: float | None,
        *,
        reason: str,
        who: str,
        question: str | None = None,
    ) -> None:
        """Set a person's score for one question (or, with question=None, the total); None withdraws it.

        An override belongs to the student and lesson, not to one file: it outlives regrades and
        resubmissions. Any override marks the result as graded by a person. Every call is kept as an
        audit trail; the newest one per question counts.
        """
        if score is not None and not (math.isfinite(score) and score >= 0):
            raise ValueError(f"override score must be a finite number >= 0, not {score}")
        if not reason.strip() or not who.strip():
            raise ValueError("an override needs a reason and who made it")
        with self._transaction(write=True) as conn:
            row = self._latest(conn, lesson).get(student_id)
            if row is None:
                raise GradebookError(f"no graded submission of lesson {lesson} for student {student_id}")
            questions = _load(row).questions
            if question is not None and question not in questions:
                known = ", ".join(questions) or "none"
                raise GradebookError(f"lesson {lesson} has no question {question!r} in this result (it has {known})")
            conn.execute(
                "INSERT INTO overrides (lesson, student_id, question, score, reason, who, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (lesson, student_id, question, score, reason, who, _now()),
            )

    @staticmethod
    def _overrides(conn: sqlite3.Connection, lesson: str) -> dict[str, dict[str | None, float]]:
        current: dict[str, dict[str | None, float]] = {}
        rows = conn.execute(
            "SELECT student_id, question, score FROM overrides WHERE lesson = ? ORDER BY id", (lesson,)
        )
        for row in rows:
            mine = current.setdefault(row["student_id"], {})
            if row["score"] is None:
                mine.pop(row["question"], None)
            else:
                mine[row["question"]] = row["score"]
        return current

    # -- roster ----------------------------------------------------------------------------------

    def import_roster(self, csv_path: str | os.PathLike[str]) -> int:
        """Add or update students from a CSV with the columns id,name,email,sis_user_id,sis_login_id,section
        (only id is required). Returns the number of students read."""
        path = Path(csv_path)
        # utf-8-sig: spreadsheets often save a byte-order mark, which would otherwise stick to "id".
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = [name.strip() for name in reader.fieldnames or []]
            unknown = [name for name in header if name not in ROSTER_COLUMNS]
            if "id" not in header or unknown:
                problem = f"unknown column {unknown[0]!r}" if unknown else "no 'id' column"
                raise GradebookError(f"{path}: {problem}; expected the columns {','.join(ROSTER_COLUMNS)}")
            reader.fieldnames = header
            students: dict[str, Student] = {}
            for line, row in enumerate(reader, start=2):
                values = {key: (value or "").strip() for key, value in row.items() if key in ROSTER_COLUMNS}
                if not values.get("id"):
                    raise GradebookError(f"{path}:{line}: the id is empty")
                if values["id"] in students:
                    raise GradebookError(f"{path}:{line}: student {values['id']} is listed twice")
                students[values["id"]] = Student(**values)
        columns = ", ".join(ROSTER_COLUMNS)
        updates = ", ".join(f"{c} = excluded.{c}" for c in ROSTER_COLUMNS[1:])
        with self._transaction(write=True) as conn:
            conn.executemany(
                f"INSERT INTO students ({columns}) VALUES ({', '.join('?' * len(ROSTER_COLUMNS))})"
                f" ON CONFLICT (id) DO UPDATE SET {updates}",
                [tuple(getattr(s, c) for c in ROSTER_COLUMNS) for s in students.values()],
            )
        return len(students)

    def students(self) -> list[Student]:
        rows = self._connection().execute(f"SELECT {', '.join(ROSTER_COLUMNS)} FROM students ORDER BY id")
        return [Student(**dict(row)) for row in rows]


def _load(row: sqlite3.Row) -> SubmissionResult:
    return SubmissionResult.from_dict(json.loads(row["json"]))


def _apply_overrides(result: SubmissionResult, overrides: dict[str | None, float]) -> SubmissionResult:
    if not overrides:
        return result
    questions = {name: dict(totals) for name, totals in result.questions.items()}
    for question, score in overrides.items():
        if question is not None and question in questions:
            questions[question]["score"] = score
    total = overrides.get(None, round(sum(q["score"] for q in questions.values()), 6))
    return replace(result, questions=questions, score=total, status=GRADED)
