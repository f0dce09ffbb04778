"""Running test cases and scoring them: shared by the in-process runner and the grading harness."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import ModuleType
from typing import Any

from ..checks.calling import StudentError
from ..checks.context import Backend, InProcessBackend, use_backend
from ..checks.errors import CheckFailure
from .results import TestResult
from .testfiles import QuestionTests, TestCase


def failure_message(case: TestCase, exc: BaseException) -> str:
    """What a student may see of a failure.

    Public tests show the whole message. Hidden tests show only messages our helpers wrote
    (`CheckFailure`), without any text the student's code produced, so a submission cannot smuggle
    hidden inputs out through its own exception messages or a test's bare `assert` text.
    """
    if not case.hidden:
        text = str(exc) or type(exc).__name__
        if not isinstance(exc, AssertionError):
            text = f"{type(exc).__name__}: {text}"
        return f"{case.failure_message}\n{text}" if case.failure_message else text
    if isinstance(exc, StudentError):
        text = exc.safe_message
    elif isinstance(exc, CheckFailure):
        text = str(exc)
    elif isinstance(exc, AssertionError):
        text = "a hidden check failed"
    else:
        text = f"the test stopped with {type(exc).__name__}"
    return f"{case.failure_message} ({text})" if case.failure_message else text


def execute_case(case: TestCase, arguments: Mapping[str, Any], backend: Backend) -> TestResult:
    """Run one test case with the given parameter values; any exception fails it."""
    try:
        with use_backend(backend):
            case.function(**{p: arguments.get(p) for p in case.parameters})
    except Exception as exc:  # a failed test is a result, whatever it raised
        return TestResult(case.question, case.name, case.hidden, 0.0, case.points, False, failure_message(case, exc))
    message = case.success_message or "passed"
    return TestResult(case.question, case.name, case.hidden, case.points, case.points, True, message)


def run_in_process(
    questions: Iterable[QuestionTests],
    namespace: Mapping[str, Any],
    *,
    reference: ModuleType | None = None,
    include_hidden: bool = True,
    on_result: Callable[[TestResult], None] | None = None,
) -> list[TestResult]:
    """Run tests against objects in this process (student notebook, instructor tests, `aimath check`).

    No isolation: use it only on trusted code. The grading engine runs untrusted submissions.
    """
    backend = InProcessBackend(reference)
    results = []
    for question in questions:
        for case in question.cases:
            if case.hidden and not include_hidden:
                continue
            result = execute_case(case, namespace, backend)
            results.append(result)
            if on_result:
                on_result(result)
    return results
