"""Sample results shared by the gradebook, report and export tests (no tests in this module).

Also imported by the writer processes of the concurrency tests, so it depends on aimath only.
"""

from __future__ import annotations

import hashlib

from aimath.grade.results import GRADED, SubmissionResult
from aimath.grade.results import TestResult as OneTest  # not collected by pytest as a test class

# Text that only hidden tests carry: it must never reach feedback or an export.
HIDDEN_SECRET = "HIDDEN-SECRET reference value 42.4242"
# A public message that quotes student output: markup and fences that must come out inert.
PUBLIC_MESSAGE = "max abs error 3.1e-04 at [2, 1], atol 1e-10 <script>alert(1)</script> ```x``` [link](http://x)"
QUESTION_POINTS = {"q02_1": 3.0, "q02_2": 2.5}


def sample_result(
    student_id: str = "1001",
    *,
    lesson: str = "02",
    variant: str = "a",
    passed: tuple[bool, bool, bool, bool] = (True, True, False, True),
    status: str = GRADED,
    padding: int = 0,
) -> SubmissionResult:
    """A lesson with two questions, each with a public and a hidden test; `passed` picks which pass.

    An error status gets no tests. `padding` adds zero-point tests (to make records slow to write).
    """
    specs = [
        ("q02_1", "test_q02_1_shapes", False, 1.0, "passed"),
        ("q02_1", "test_q02_1_reference", True, 2.0, HIDDEN_SECRET),
        ("q02_2", "test_q02_2_small", False, 1.0, PUBLIC_MESSAGE),
        ("q02_2", "test_q02_2_reference", True, 1.5, HIDDEN_SECRET),
    ]
    tests = [
        OneTest(q, name, hidden, points if ok else 0.0, points, ok, "passed" if ok and not hidden else message)
        for (q, name, hidden, points, message), ok in zip(specs, passed)
    ]
    tests += [OneTest("q02_1", f"test_pad_{i}", False, 0.0, 0.0, True, "passed") for i in range(padding)]
    if not status.startswith(("graded", "partial")):
        tests = []
    return SubmissionResult.from_tests(
        tests=tests,
        question_points=QUESTION_POINTS,
        student_id=student_id,
        lesson=lesson,
        file=f"{student_id}_{variant}.ipynb",
        sha256=hashlib.sha256(f"{student_id}/{variant}".encode()).hexdigest(),
        status=status,
        sandbox="process",
        seconds=1.25,
    )
