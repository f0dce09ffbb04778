"""Gradescope's results.json (written by the autograder bundle's run_autograder).

Visibility follows the feedback rule: public tests are `visible` with their messages; hidden tests
are `after_published` (students see them once grades are published) and never carry a message.
`hidden` is not used: Gradescope then hides the student's total as well.
"""

from __future__ import annotations

from typing import Any

from ..grade.results import SubmissionResult
from ..report import category, explain_status


def to_gradescope_json(result: SubmissionResult) -> dict[str, Any]:
    tests = []
    for test in result.tests:
        entry: dict[str, Any] = {
            "name": f"{test.question} {test.name}",
            "score": test.score,
            "max_score": test.max_score,
            "status": "passed" if test.passed else "failed",
            "visibility": "after_published" if test.hidden else "visible",
        }
        if not test.hidden:
            entry["output"] = test.message
        tests.append(entry)
    return {
        # Gradescope needs a number; an ungraded submission gets 0 with the reason as its output.
        "score": result.score if category(result.status) != "error" else 0.0,
        "execution_time": round(result.seconds),
        "output": explain_status(result.status),
        "tests": tests,
        "extra_data": {"status": result.status, "sha256": result.sha256, "sandbox": result.sandbox},
    }
