"""`aimath check`: the solutions score full marks, the untouched release scores zero, and nothing of the
solutions or the hidden tests leaks into release/."""

from __future__ import annotations

import ast
import contextlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import nbformat

from ..checks.context import load_module_from_path
from ..grade.runner import run_in_process
from ..grade.testfiles import QuestionTests, load_tests_dir
from .outputs import INIT_LINE, lesson_dirs
from .source import BEGIN_SOLUTION, END_SOLUTION, SOLUTION_LINE, LessonSource

# Lines this short or this generic (imports, defs, returns of a name) appear in any notebook; a leak
# check on them would only produce noise.
_MIN_LEAK_LINE = 24
_GENERIC_PREFIXES = ("#", "def ", "class ", "import ", "from ", '"""', "'''", "return ...")


@dataclass
class LessonCheck:
    lesson: str
    reference_score: float = 0.0
    max_score: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def reference_namespace(module: ModuleType) -> dict[str, Any]:
    return dict(vars(module))


def stub_namespace(release_notebook: Path) -> dict[str, Any]:
    """Run the import and definition statements of the release notebook, as an untouched student would."""
    from IPython.core.inputtransformer2 import TransformerManager

    notebook = nbformat.read(release_notebook, as_version=4)
    namespace: dict[str, Any] = {"__name__": "__main__"}
    for cell in notebook.cells:
        if cell.cell_type != "code" or cell.source.endswith(INIT_LINE):
            continue
        tree = ast.parse(TransformerManager().transform_cell(cell.source))
        keep = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.ClassDef))]
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(ast.Module(body=keep, type_ignores=[]), str(release_notebook), "exec"), namespace)
    return namespace


def _release_text(release_dir: Path) -> str:
    return "\n".join(p.read_text(errors="replace") for p in sorted(release_dir.rglob("*")) if p.is_file())


def _solution_lines(lesson: LessonSource) -> list[str]:
    lines = []
    for cell in lesson.code_cells():
        inside = False
        for raw in cell.source.splitlines():
            if BEGIN_SOLUTION.match(raw):
                inside = True
                continue
            if END_SOLUTION.match(raw):
                inside = False
                continue
            marked = SOLUTION_LINE.match(raw)
            text = (marked.group(2) if marked else raw).strip()
            if (inside or marked) and len(text) >= _MIN_LEAK_LINE and not text.startswith(_GENERIC_PREFIXES):
                lines.append(text)
    return lines


def find_leaks(lesson: LessonSource, release_dir: Path) -> list[str]:
    """Solution lines, hidden test names and hidden-test-only lines found anywhere in release/."""
    text = _release_text(release_dir)
    problems = [f"solution line in release/: {line[:70]}" for line in _solution_lines(lesson) if line in text]
    public_lines = {line.strip() for q in lesson.questions for t in q.tests if not t.hidden for line in t.body.splitlines()}
    for question in lesson.questions:
        for test in (t for t in question.tests if t.hidden):
            if test.name in text:
                problems.append(f"hidden test name in release/: {test.name}")
            for line in test.body.splitlines()[1:]:
                line = line.strip()
                if len(line) >= _MIN_LEAK_LINE and line not in public_lines and line in text and not line.startswith(_GENERIC_PREFIXES):
                    problems.append(f"hidden test line of {test.name} in release/: {line[:70]}")
    return problems


def _scores(questions: list[QuestionTests], namespace: dict[str, Any], reference: ModuleType) -> dict[str, tuple[float, float, list[str]]]:
    by_question: dict[str, tuple[float, float, list[str]]] = {}
    for result in run_in_process(questions, namespace, reference=reference):
        score, max_score, failures = by_question.get(result.question, (0.0, 0.0, []))
        if not result.passed:
            failures = failures + [f"{result.name}: {result.message.splitlines()[0] if result.message else ''}"]
        by_question[result.question] = (score + result.score, max_score + result.max_score, failures)
    return by_question


def check_lesson(root: Path, lesson: LessonSource) -> LessonCheck:
    dirs = lesson_dirs(root, lesson.stem)
    report = LessonCheck(lesson.stem)
    if not (dirs["autograder"] / "reference.py").is_file():
        report.problems.append(f"{lesson.stem} is not built: run `aimath build {lesson.number}`")
        return report
    questions = load_tests_dir(dirs["autograder"] / "tests")
    reference = load_module_from_path(dirs["autograder"] / "reference.py", f"aimath_reference_{lesson.number}")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    try:
        solved = _scores(questions, reference_namespace(reference), reference)
        for name, (score, max_score, failures) in solved.items():
            report.reference_score += score
            report.max_score += max_score
            for failure in failures:
                report.problems.append(f"the solution fails {name} {failure}")
        blank = _scores(questions, stub_namespace(dirs["release"] / f"{lesson.stem}.ipynb"), reference)
        for name, (score, _, _) in blank.items():
            if score > 0:
                report.problems.append(f"the untouched release notebook scores {score:g} on {name} (must be 0)")
    finally:
        plt.close("all")
    report.problems += find_leaks(lesson, dirs["release"])
    return report
