"""`check("02.1")`: the public tests, run from a student's notebook.

The release folder holds the public tests in `tests/qNN_M.py`. They run in the student's own kernel
against the notebook's globals; nothing here is a security boundary (the hidden tests run in the
grading engine, not here).
"""

from __future__ import annotations

import html
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .grade.results import TestResult
from .grade.runner import run_in_process
from .grade.testfiles import load_test_file

_EXERCISE = re.compile(r"^(?:q)?(\d\d)[._](\w+)$")


def question_name(exercise: str) -> str:
    """'02.1', '2.1' or 'q02_1' -> 'q02_1'."""
    text = exercise.strip()
    if re.match(r"^\d\.", text):
        text = "0" + text
    match = _EXERCISE.match(text)
    if not match:
        raise ValueError(f"{exercise!r} is not an exercise id such as '02.1'")
    return f"q{match.group(1)}_{match.group(2)}"


@dataclass
class CheckReport:
    question: str
    results: list[TestResult]

    @property
    def score(self) -> float:
        return sum(r.score for r in self.results)

    @property
    def max_score(self) -> float:
        return sum(r.max_score for r in self.results)

    @property
    def passed(self) -> bool:
        return all(r.passed for r in self.results)

    def __repr__(self) -> str:
        head = f"{self.question}: {'all public tests passed' if self.passed else 'some public tests failed'}"
        lines = [f"{head} ({self.score:g}/{self.max_score:g} public points)"]
        for r in self.results:
            mark = "✅" if r.passed else "❌"
            lines.append(f"  {mark} {r.name}" + ("" if r.passed else "\n      " + r.message.replace("\n", "\n      ")))
        if not self.results:
            lines = [f"{self.question}: this exercise has no public tests; its hidden tests run when you submit."]
        elif self.passed:
            lines.append("  Hidden tests run when you submit.")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return "<pre>" + html.escape(repr(self)) + "</pre>"


def check(exercise: str, tests_dir: str | Path = "tests") -> CheckReport:
    """Run the public tests of one exercise against the calling notebook's definitions."""
    name = question_name(exercise)
    path = Path(tests_dir) / f"{name}.py"
    if not path.is_file():
        raise FileNotFoundError(f"no public tests for {exercise} in {Path(tests_dir).resolve()}")
    namespace = sys._getframe(1).f_globals
    results = run_in_process([load_test_file(path)], namespace, include_hidden=False)
    return CheckReport(name, results)
