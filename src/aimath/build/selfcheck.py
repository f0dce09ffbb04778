"""`aimath check`: the solutions score full marks, the untouched release scores zero, and nothing of the
solutions or the hidden tests leaks into release/."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..grade.results import GRADED, SubmissionResult
from .outputs import lesson_dirs
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


def _grade(bundle: Path, notebook: Path, who: str, sandbox_mode: str | None) -> SubmissionResult:
    from ..grade.engine import grade_notebook

    return grade_notebook(bundle, notebook, student_id=who, sandbox_mode=sandbox_mode)


def check_lesson(root: Path, lesson: LessonSource, *, sandbox_mode: str | None = None) -> LessonCheck:
    """Grade the executed solutions and the untouched release with the grading engine, and look for leaks."""
    dirs = lesson_dirs(root, lesson.stem)
    report = LessonCheck(lesson.stem)
    missing = [p for p in (dirs["autograder"] / "lesson.json", dirs["solutions"]) if not p.is_file()]
    if missing:
        report.problems.append(f"{lesson.stem} is not built ({missing[0].name} missing): run `aimath build {lesson.number}`")
        return report
    solved = _grade(dirs["autograder"], dirs["solutions"], "solutions", sandbox_mode)
    report.reference_score, report.max_score = solved.score, solved.max_score
    if solved.status != GRADED:
        report.problems.append(f"the solutions notebook was not fully graded: {solved.status}")
    for test in solved.tests:
        if not test.passed:
            first_line = test.message.splitlines()[0] if test.message else ""
            report.problems.append(f"the solutions fail {test.question} {test.name}: {first_line}")
    blank = _grade(dirs["autograder"], dirs["release"] / f"{lesson.stem}.ipynb", "release", sandbox_mode)
    for question, scores in blank.questions.items():
        if scores["score"] > 0:
            report.problems.append(f"the untouched release notebook scores {scores['score']:g} on {question} (must be 0)")
    report.problems += find_leaks(lesson, dirs["release"])
    return report
