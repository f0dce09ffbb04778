"""Meta-testing (curriculum §6.8): every exercise's tests are fair to correct methods and sharp against
the listed mistakes.

An *alternative* is a correct implementation by another valid method: it must pass every test. A
*mutant* implements one listed mistake: it must fail at least one hidden test. Tests that no mutant
fails are reported as possibly vacuous.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import find_course_root
from ..grade.engine import Bundle, load_bundle
from ..grade.results import TestResult
from ..grade.runner import run_in_process

Implementation = Callable[..., Any] | Mapping[str, Callable[..., Any]]


@dataclass
class Exercise:
    question: str
    alternatives: dict[str, Implementation] = field(default_factory=dict)
    mutants: dict[str, Implementation] = field(default_factory=dict)


@dataclass
class ValidationReport:
    question: str
    reference_failures: list[str] = field(default_factory=list)
    unfair: dict[str, list[str]] = field(default_factory=dict)  # alternative -> failed tests
    surviving_mutants: list[str] = field(default_factory=list)
    possibly_vacuous: list[str] = field(default_factory=list)  # hidden tests no mutant fails

    @property
    def ok(self) -> bool:
        return not (self.reference_failures or self.unfair or self.surviving_mutants)

    def describe(self) -> str:
        lines = [f"{self.question}:"]
        lines += [f"  the reference fails {t}" for t in self.reference_failures]
        for name, failures in self.unfair.items():
            lines += [f"  alternative {name!r} fails {t}" for t in failures]
        lines += [f"  mutant {name!r} passes every hidden test" for name in self.surviving_mutants]
        return "\n".join(lines)


def lesson_bundle(lesson: str, root: Path | None = None) -> Bundle:
    """The built autograder bundle of a lesson ('02'), from the course at or above `root`."""
    matches = sorted((find_course_root(root) / "autograder").glob(f"{lesson}_*/lesson.json"))
    if not matches:
        raise FileNotFoundError(f"lesson {lesson} is not built: run `aimath build {lesson}`")
    return load_bundle(matches[0].parent)


def graded_functions(bundle: Bundle, question: str) -> tuple[str, ...]:
    return next(q.functions for q in bundle.questions if q.name == question)


def _namespace(bundle: Bundle, question: str, implementation: Implementation | None) -> dict[str, Any]:
    namespace = dict(vars(bundle.reference()))
    if implementation is None:
        return namespace
    if callable(implementation):
        functions = graded_functions(bundle, question)
        if len(functions) != 1:
            raise ValueError(f"{question} grades {functions}: give the implementation as a dict by name")
        implementation = {functions[0]: implementation}
    unknown = set(implementation) - set(graded_functions(bundle, question))
    if unknown:
        raise ValueError(f"{question} has no graded function(s) {sorted(unknown)}")
    namespace.update(implementation)
    return namespace


def _run(bundle: Bundle, question: str, implementation: Implementation | None) -> list[TestResult]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    try:
        tests = [t for t in bundle.tests if t.question == question]
        return run_in_process(tests, _namespace(bundle, question, implementation), reference=bundle.reference())
    finally:
        plt.close("all")


def validate_exercise(lesson: str, exercise: Exercise, root: Path | None = None) -> ValidationReport:
    bundle = lesson_bundle(lesson, root)
    report = ValidationReport(exercise.question)
    report.reference_failures = [f"{r.name} ({r.message})" for r in _run(bundle, exercise.question, None) if not r.passed]
    for name, implementation in exercise.alternatives.items():
        failed = [f"{r.name} ({r.message})" for r in _run(bundle, exercise.question, implementation) if not r.passed]
        if failed:
            report.unfair[name] = failed
    killed: set[str] = set()
    hidden_names: list[str] = []
    for name, implementation in exercise.mutants.items():
        results = _run(bundle, exercise.question, implementation)
        hidden_names = [r.name for r in results if r.hidden]
        failed_hidden = {r.name for r in results if r.hidden and not r.passed}
        killed |= failed_hidden
        if not failed_hidden:
            report.surviving_mutants.append(name)
    report.possibly_vacuous = [t for t in hidden_names if t not in killed]
    return report


def assert_fair_and_sharp(lesson: str, exercise: Exercise, root: Path | None = None) -> ValidationReport:
    """Fail (with every problem listed) unless all alternatives pass and every mutant is caught."""
    if len(exercise.alternatives) < 2:
        raise AssertionError(f"{exercise.question}: give at least two alternative correct implementations")
    if not exercise.mutants:
        raise AssertionError(f"{exercise.question}: give one mutant per listed mistake")
    report = validate_exercise(lesson, exercise, root)
    if not report.ok:
        raise AssertionError(report.describe())
    return report
