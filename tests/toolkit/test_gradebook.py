"""The SQLite gradebook: schema, idempotent records, history and latest, overrides, roster, and its
behaviour under concurrent writers and a writer killed with SIGKILL."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from test_gradebook_samples import sample_result

from aimath.grade.results import GRADED, error_status
from aimath.grade.results import TestResult as OneTest  # not collected by pytest as a test class
from aimath.gradebook import Gradebook, GradebookError, Student

HERE = Path(__file__).parent


@pytest.fixture
def book(tmp_path: Path) -> Gradebook:
    with Gradebook(tmp_path / "gradebook.sqlite") as gradebook:
        yield gradebook


def rows(path: Path, query: str) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(query).fetchall()


def assert_consistent(path: Path) -> None:
    """Integrity, foreign keys, and every result complete: its tests all there, matching its JSON."""
    assert rows(path, "PRAGMA integrity_check") == [("ok",)]
    assert rows(path, "PRAGMA foreign_key_check") == []
    assert rows(path, "SELECT COUNT(*) FROM submissions WHERE id NOT IN (SELECT submission FROM results)") == [(0,)]
    for submission, document in rows(path, "SELECT submission, json FROM results"):
        stored = rows(path, f"SELECT COUNT(*) FROM test_results WHERE submission = {submission}")[0][0]
        assert stored == len(json.loads(document)["tests"])


def test_schema_is_created_versioned_with_wal_and_foreign_keys(book: Gradebook) -> None:
    assert rows(book.path, "PRAGMA user_version") == [(1,)]
    assert rows(book.path, "PRAGMA journal_mode") == [("wal",)]
    tables = {name for (name,) in rows(book.path, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"students", "submissions", "results", "test_results", "overrides"} <= tables
    assert book._connection().execute("PRAGMA foreign_keys").fetchone()[0] == 1
    Gradebook(book.path).close()  # reopening an existing gradebook keeps it


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "gradebook.sqlite"
    Gradebook(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 7")
    with pytest.raises(GradebookError, match="version 7"):
        Gradebook(path)


def test_record_is_idempotent_and_rerecording_replaces(book: Gradebook) -> None:
    result = sample_result()
    assert not book.is_current("02", "1001", result.sha256)
    book.record(result)
    book.record(result)
    assert book.is_current("02", "1001", result.sha256)
    assert not book.is_current("03", "1001", result.sha256)
    assert rows(book.path, "SELECT COUNT(*) FROM submissions") == [(1,)]
    assert rows(book.path, "SELECT COUNT(*) FROM test_results") == [(4,)]

    regraded = sample_result(passed=(True, True, True, True))
    assert regraded.sha256 == result.sha256
    book.record(regraded)
    assert rows(book.path, "SELECT COUNT(*) FROM results") == [(1,)]
    assert book.latest_results("02") == [regraded]
    assert_consistent(book.path)


def test_latest_submission_wins_and_earlier_ones_stay_as_history(book: Gradebook) -> None:
    first, second = sample_result(variant="a"), sample_result(variant="b", passed=(True,) * 4)
    other = sample_result("1002")
    # Recorded out of order: the LMS submission id decides which is latest.
    book.record(second, submission_id="10")
    book.record(first, submission_id="9")  # "9" < "10" only as numbers
    book.record(other)
    assert book.latest_results("02") == [second, other]
    assert book.history("02", "1001") == [first, second]
    assert book.history("02", "nobody") == []


def test_received_time_orders_submissions_without_ids(book: Gradebook) -> None:
    early, late = sample_result(variant="a"), sample_result(variant="b")
    book.record(late, received_at=dt.datetime(2027, 1, 30, 9, tzinfo=dt.UTC))
    # Same instant expressed in another zone sorts by the instant, not by the text.
    book.record(early, received_at=dt.datetime(2027, 1, 30, 8, tzinfo=dt.timezone(dt.timedelta(hours=-0.5))))
    assert book.latest_results("02") == [late]
    with pytest.raises(ValueError, match="time zone"):
        book.record(early, received_at=dt.datetime(2027, 1, 30))


def test_resubmitting_an_earlier_file_makes_it_latest_again(book: Gradebook) -> None:
    a, b = sample_result(variant="a"), sample_result(variant="b")
    book.record(a, submission_id="5")
    book.record(b, submission_id="6")
    book.record(a, submission_id="7")  # the same bytes uploaded again
    assert book.latest_results("02") == [a]
    assert rows(book.path, "SELECT COUNT(*) FROM submissions") == [(2,)]


def test_late_days_are_kept_when_a_regrade_does_not_pass_them(book: Gradebook) -> None:
    result = sample_result()
    book.record(result, late_days=1.5)
    book.record(result)
    assert book.late_days("02") == {"1001": 1.5}
    with pytest.raises(ValueError):
        book.record(result, late_days=-1)


def test_a_failed_record_writes_nothing(book: Gradebook) -> None:
    book.record(sample_result("1002"))
    # A list encodes to JSON but SQLite cannot store it: the failure comes after the submission and
    # result rows were inserted, inside the transaction.
    broken = sample_result()
    broken.tests.append(OneTest("q02_1", "test_bad", False, 0.0, 0.0, True, ["not", "text"]))  # type: ignore[arg-type]
    with pytest.raises(sqlite3.Error):
        book.record(broken)
    assert rows(book.path, "SELECT student_id FROM submissions") == [("1002",)]
    assert not book.is_current("02", "1001", broken.sha256)
    assert_consistent(book.path)


def test_overrides_change_questions_or_total_and_keep_an_audit_trail(book: Gradebook) -> None:
    book.record(sample_result())  # 4.5 of 5.5: q02_1 3/3, q02_2 1.5/2.5
    book.set_override("02", "1001", 2.5, question="q02_2", reason="regraded by hand", who="ta1")
    [result] = book.latest_results("02")
    assert result.questions["q02_2"]["score"] == 2.5 and result.score == 5.5

    book.set_override("02", "1001", 4.0, reason="academic integrity", who="prof")
    assert book.latest_results("02")[0].score == 4.0
    book.set_override("02", "1001", None, reason="withdrawn", who="prof")
    assert book.latest_results("02")[0].score == 5.5
    assert rows(book.path, "SELECT COUNT(*) FROM overrides") == [(3,)]
    assert book.history("02", "1001")[0].score == 4.5  # history is as graded

    # An override outlives a resubmission: it belongs to the student, not the file.
    book.record(sample_result(variant="b", passed=(False,) * 4), submission_id="99")
    assert book.latest_results("02")[0].questions["q02_2"]["score"] == 2.5


def test_an_override_makes_an_error_result_graded(book: Gradebook) -> None:
    book.record(sample_result(status=error_status("timed out after 120 s")))
    book.set_override("02", "1001", 3.0, reason="ran it by hand", who="ta1")
    [result] = book.latest_results("02")
    assert (result.status, result.score) == (GRADED, 3.0)


def test_override_mistakes_are_refused(book: Gradebook) -> None:
    with pytest.raises(GradebookError, match="no graded submission"):
        book.set_override("02", "1001", 1.0, reason="r", who="w")
    book.record(sample_result())
    with pytest.raises(GradebookError, match="no question 'q02_9'"):
        book.set_override("02", "1001", 1.0, question="q02_9", reason="r", who="w")
    with pytest.raises(ValueError):
        book.set_override("02", "1001", float("nan"), reason="r", who="w")
    with pytest.raises(ValueError):
        book.set_override("02", "1001", 1.0, reason=" ", who="w")


def test_roster_import_updates_students_and_names_survive(book: Gradebook, tmp_path: Path) -> None:
    book.record(sample_result("1001"))  # known only by id so far
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "\ufeffid,name,email,sis_user_id,sis_login_id,section\n"
        '1001,"Müller, Jörg ""JJ""",jm@example.edu,S1,jmueller,MATH-A\n'
        "1002,Ana Lima,al@example.edu,S2,alima,MATH-B\n",
        encoding="utf-8",
    )
    assert book.import_roster(roster) == 2
    assert book.students() == [
        Student("1001", 'Müller, Jörg "JJ"', "jm@example.edu", "S1", "jmueller", "MATH-A"),
        Student("1002", "Ana Lima", "al@example.edu", "S2", "alima", "MATH-B"),
    ]
    roster.write_text("id,section\n1002,MATH-C\n", encoding="utf-8")
    book.import_roster(roster)
    assert book.students()[1] == Student("1002", "", "", "", "", "MATH-C")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("student id,name\n1,A\n", "unknown column 'student id'"),
        ("name\nA\n", "no 'id' column"),
        ("id,name\n,A\n", ":2: the id is empty"),
        ("id,name\n1,A\n1,B\n", ":3: student 1 is listed twice"),
    ],
)
def test_roster_mistakes_name_the_problem(book: Gradebook, tmp_path: Path, text: str, message: str) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(text, encoding="utf-8")
    with pytest.raises(GradebookError, match=message):
        book.import_roster(roster)
    assert book.students() == []


def test_a_forked_child_gets_its_own_connection(book: Gradebook) -> None:
    book.record(sample_result("1001"))
    pid = os.fork()
    if pid == 0:  # child: use the inherited object, then leave without running pytest's cleanup
        try:
            book.record(sample_result("1002"))
            os._exit(0)
        except BaseException:
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert [r.student_id for r in book.latest_results("02")] == ["1001", "1002"]


WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[1])
    from aimath.gradebook import Gradebook
    from test_gradebook_samples import sample_result
    path, prefix, count, padding = sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    book = Gradebook(path, timeout=120)
    for i in range(count):
        book.record(sample_result(f"{prefix}{i:05d}", padding=padding))
        print(i, flush=True)
    """
)


def start_writer(tmp_path: Path, db: Path, prefix: str, count: int, padding: int = 0) -> subprocess.Popen[str]:
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, str(script), str(HERE), str(db), prefix, str(count), str(padding)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def test_two_processes_record_at_the_same_time(tmp_path: Path) -> None:
    db = tmp_path / "gradebook.sqlite"  # not created yet: both processes race to create the schema too
    writers = [start_writer(tmp_path, db, prefix, 60, padding=20) for prefix in ("A", "B")]
    for writer in writers:
        _, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err
    assert rows(db, "SELECT COUNT(*) FROM results") == [(120,)]
    assert len(Gradebook(db).latest_results("02")) == 120
    assert_consistent(db)


def test_sigkill_during_a_batch_leaves_the_gradebook_consistent(tmp_path: Path) -> None:
    db = tmp_path / "gradebook.sqlite"
    committed = 0
    for attempt, pause in enumerate((0.0, 0.013, 0.031)):  # different moments in a record
        # Big records make long transactions, so the kill likely lands inside one.
        writer = start_writer(tmp_path, db, f"K{attempt}-", 100_000, padding=400)
        assert writer.stdout is not None and writer.stderr is not None
        for _ in range(3):  # let a few records commit
            assert writer.stdout.readline(), writer.stderr.read()
        time.sleep(pause)
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
        writer.stdout.close()
        writer.stderr.close()
        assert_consistent(db)
        now = rows(db, "SELECT COUNT(*) FROM results")[0][0]
        assert now >= committed + 3
        committed = now

    book = Gradebook(db)  # and the gradebook keeps working
    book.record(sample_result("after"))
    assert len(book.latest_results("02")) == committed + 1
    assert_consistent(db)
