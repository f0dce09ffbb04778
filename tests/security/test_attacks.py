"""Each attack gains nothing, ends with a recorded status and a clear reason, and leaves the other
submissions of its batch (graded by the same processes, before and after it) with their results."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from aimath.grade.results import GRADED, PARTIAL_RESTARTED

FULL, Q1 = 13.0, 3.0


def needs(graded, confinement, *, landlock: int = 0, or_namespaces: bool = False) -> None:
    """Skip where process mode cannot provide what the attack runs into (old kernels, containers)."""
    found = confinement[graded.mode]
    if graded.mode == "process" and found["landlock"] < landlock and not (or_namespaces and found["namespaces"]):
        pytest.skip(f"process mode here has Landlock ABI {found['landlock']} and namespaces={found['namespaces']}")


def messages(graded, student: str, question: str | None = None) -> set[str]:
    return {t.message for t in graded.result(student).tests if question in (None, t.question)}


def assert_scored(graded, student: str, status: str, score: float) -> None:
    result = graded.result(student)
    assert (result.status, result.score) == (status, score), [(t.name, t.message) for t in result.tests]


def test_the_good_submissions_keep_their_results(graded):
    for student in ("good-first", "zz-good-last", "O'Brien, Ann Marie"):
        assert_scored(graded, student, GRADED, FULL)
        saved = json.loads((graded.paths["out"] / "results" / f"{student}.json").read_text())
        assert (saved["status"], saved["score"], saved["sandbox"]) == (GRADED, FULL, graded.mode)
    assert not graded.outcome.failed, graded.outcome.failed


@pytest.mark.parametrize("attack", ["patch-comparisons", "patch-grader", "fake-json"])
def test_patching_the_grader_from_the_notebook_gains_nothing(graded, attack):
    assert_scored(graded, attack, GRADED, 0.0)


def test_patching_builtins_breaks_only_the_attacker(graded):
    assert_scored(graded, "patch-builtins", "error: the worker stopped (its machinery broke down: did the notebook"
                                            " change Python's builtins?) while running cell 3 of the notebook", 0.0)


def test_objects_built_to_fool_comparisons_are_never_the_students_objects(graded):
    assert_scored(graded, "fool-comparisons", GRADED, 0.0)
    assert not (graded.paths["repo"] / "reduce-pwned").exists()
    assert not Path("reduce-pwned").exists()


def test_hidden_tests_and_reference_cannot_be_read_or_leaked(graded, confinement):
    needs(graded, confinement, landlock=1)
    assert_scored(graded, "read-hidden", GRADED, 0.0)
    leaked = (graded.paths["out"] / "results" / "read-hidden.json").read_text()
    assert "HIDDEN-TEST-MARKER" not in leaked and "HIDDEN-REFERENCE-MARKER" not in leaked
    public = graded.result("read-hidden").tests[0]  # shows the student's own text: its failed reads
    assert public.message.startswith("row_norms raised RuntimeError: ") and "Error(" in public.message
    assert messages(graded, "read-hidden", "q99_5") == {"noisy_mean raised Exception"}


def test_files_outside_the_working_directory_are_untouched(graded, confinement):
    needs(graded, confinement, landlock=1)
    assert_scored(graded, "write-outside", GRADED, 0.0)
    for path, before in graded.digests.items():
        assert hashlib.sha256(Path(path).read_bytes()).hexdigest() == before, path
    with sqlite3.connect(graded.paths["out"] / "gradebook.sqlite") as db:
        recorded = {row[0] for row in db.execute("SELECT student_id FROM submissions")}
    assert {"good-first", "zz-good-last", "write-outside"} <= recorded


def test_exit_at_top_level_is_an_error_status(graded):
    assert_scored(graded, "exit-top", "error: the worker stopped (exit code 3) while running cell 3 of the notebook",
                  0.0)


def test_sys_exit_is_an_exception_like_any_other(graded):
    assert_scored(graded, "sys-exit", GRADED, FULL - Q1)
    assert messages(graded, "sys-exit", "q99_1") == {
        "row_norms raised SystemExit", "row_norms should raise ValueError for this invalid input, not SystemExit"}


@pytest.mark.parametrize("attack, reason", [
    ("segfault", "the worker stopped (killed by SIGSEGV: a crash) in q99_1"),
    ("loop-function", "timed out after 2 s in q99_1"),
])
def test_a_crash_or_hang_in_a_graded_function_restarts_the_worker(graded, attack, reason):
    assert_scored(graded, attack, PARTIAL_RESTARTED, FULL - Q1)
    assert messages(graded, attack, "q99_1") == {reason}


def test_infinite_loop_at_top_level(graded):
    assert_scored(graded, "loop-top", "error: timed out after 12 s (the time limit for the whole submission)"
                                      " while running cell 3 of the notebook", 0.0)


def test_30_gb_allocation_is_a_memory_error(graded):
    assert_scored(graded, "alloc-30gb", GRADED, FULL - Q1)
    assert all("MemoryError" in m for m in messages(graded, "alloc-30gb", "q99_1"))


def test_recursion_bombs(graded):
    assert_scored(graded, "recursion", PARTIAL_RESTARTED, FULL - Q1 - 2.0)
    assert all("RecursionError" in m for m in messages(graded, "recursion", "q99_1"))
    assert messages(graded, "recursion", "q99_5") == {"the worker stopped (killed by SIGSEGV: a crash) in q99_5"}


def test_fork_flood_is_capped(graded):
    assert_scored(graded, "fork-flood", GRADED, FULL - Q1)
    assert all("BlockingIOError" in m for m in messages(graded, "fork-flood", "q99_1"))


def test_background_processes_do_not_outlive_their_cell(graded, confinement):
    if not confinement[graded.mode]["pid_one"] and confinement[graded.mode]["processes"]:
        pytest.skip("no pid namespace here: a daemon that leaves the process group survives")
    assert_scored(graded, "background", GRADED, FULL)
    survivors = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and (proc / "cmdline").read_bytes() in (b"sleep\x003571\x00", b"sleep\x003572\x00"):
                survivors.append(proc.name)
        except OSError:
            continue
    assert survivors == []


def test_a_gigabyte_of_output_is_drained_and_dropped(graded):
    assert_scored(graded, "print-1gb", GRADED, FULL)


def test_no_network(graded, confinement):
    needs(graded, confinement, landlock=4, or_namespaces=True)
    assert_scored(graded, "network", GRADED, FULL)
    assert graded.listener.connections == 0


def test_a_huge_return_value_is_refused(graded):
    assert_scored(graded, "huge-return", GRADED, FULL - Q1)
    assert messages(graded, "huge-return", "q99_1") == {
        "row_norms returned a value larger than the 64 MB the grader accepts"}


def test_the_whole_class_took_bounded_time(graded):
    assert graded.seconds < 120
