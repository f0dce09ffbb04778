"""`aimath demo`: a synthetic class for one lesson, graded end to end.

The class is made from the lesson's own material: the executed solutions (full marks), the release
notebook (blank), the course mutants of `tests/course/test_lesson_NN.py` (partly wrong answers), and
three submissions that misbehave: a broken notebook, one that hangs, and one that tampers with the
grader. File names follow Canvas's bulk download, including a late one and names with commas and quotes.
"""

from __future__ import annotations

import ast
import csv
import importlib.util
import inspect
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

from .checks.meta import graded_functions, lesson_bundle
from .config import Limits

TAMPERING = '''\
import builtins, json, os, pathlib
import numpy as np
np.allclose = lambda *a, **k: True                      # make every comparison pass
np.testing.assert_allclose = lambda *a, **k: None
try:
    import aimath.checks as _checks
    _checks.assert_close = lambda *a, **k: None
except Exception:
    pass
for guess in ["../autograder", "/autograder/source", os.path.expanduser("~")]:
    for path in pathlib.Path(guess).glob("**/reference.py") if os.path.isdir(guess) else []:
        print(path.read_text()[:2000])                    # try to leak the reference solutions
for guess in ["gradebook.sqlite", "../gradebook.sqlite", "../../gradebook.sqlite"]:
    try:
        pathlib.Path(guess).write_text("overwritten")    # try to wipe the gradebook
    except OSError:
        pass
print(json.dumps({"score": 1000, "status": "graded"}))  # and print a fake result
'''

# Tighter than a course's limits, so the hanging submission costs the demo seconds, not minutes.
DEMO_LIMITS = Limits(seconds_per_call=5, seconds_per_submission=15, memory_mb=2048, output_kb=64, workers=2)

HANG = "while True:  # a submission that never finishes\n    pass\n"


@dataclass(frozen=True)
class DemoStudent:
    name: str
    user_id: int
    kind: str
    late: bool = False

    def file_name(self, submission_id: int, stem: str) -> str:
        """Canvas bulk-download name: <name>_[LATE_]<user_id>_<submission_id>_<original>."""
        slug = "".join(ch for ch in self.name.lower() if ch.isalnum())
        return f"{slug}_{'LATE_' if self.late else ''}{self.user_id}_{submission_id}_{stem}.ipynb"


def _clean(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return notebook


def course_mutants(root: Path, lesson: str) -> list[tuple[str, str, str]]:
    """(question, graded function, source of a mutant renamed to it) from the lesson's course tests."""
    path = root / "tests" / "course" / f"test_lesson_{lesson}.py"
    if not path.is_file():
        return []
    spec = importlib.util.spec_from_file_location(f"aimath_demo_mutants_{lesson}", path)
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(path.parent))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(path.parent))
    bundle = lesson_bundle(lesson, root)
    mutants = []
    for exercise in getattr(module, "EXERCISES", []):
        for implementation in exercise.mutants.values():
            pairs = implementation.items() if isinstance(implementation, dict) else [
                (graded_functions(bundle, exercise.question)[0], implementation)]
            for graded, function in pairs:
                tree = ast.parse(inspect.getsource(function).lstrip())
                tree.body[0].name = graded
                mutants.append((exercise.question, graded, ast.unparse(tree)))
            break  # one mistake per exercise is enough for a demo class
    return mutants


def synthesize_class(root: Path, lesson_stem: str, target: Path) -> tuple[list[Path], Path]:
    """Write the submissions and a roster; return their paths."""
    lesson = lesson_stem[:2]
    solved = _clean(nbformat.read(root / "solutions" / f"{lesson_stem}.ipynb", as_version=4))
    blank = nbformat.read(root / "release" / lesson_stem / f"{lesson_stem}.ipynb", as_version=4)
    mutants = course_mutants(root, lesson)

    def with_cells(*sources: str, at_end: bool = True, base: nbformat.NotebookNode = solved) -> nbformat.NotebookNode:
        notebook = nbformat.from_dict(json.loads(nbformat.writes(base)))
        cells = [nbformat.v4.new_code_cell(s) for s in sources]
        notebook.cells = notebook.cells + cells if at_end else cells + notebook.cells
        for i, cell in enumerate(notebook.cells):
            cell.id = f"demo-{i:03d}"
        return notebook

    students = [
        (DemoStudent("Ada Lovelace", 1001, "full marks"), solved),
        (DemoStudent("Blank, Bob", 1002, "blank"), blank),
    ]
    for k in range(0, len(mutants), 3):
        chunk = mutants[k : k + 3]
        name = ["Carl Gauss", "Emmy Noether", "Srinivasa Ramanujan", "Sofia Kovalevskaya", "Alan Turing"][len(students) % 5]
        students.append((DemoStudent(name, 1003 + k, f"mistakes in {', '.join(sorted({q for q, _, _ in chunk}))}",
                                     late=k == 0), with_cells(*(src for _, _, src in chunk))))
        if len(students) >= 6:
            break
    students += [
        (DemoStudent("Pat O'Brien, Jr.", 1101, "broken notebook"), None),
        (DemoStudent("Hal Ting", 1102, "hangs"), with_cells(HANG, at_end=False)),
        # Tampering on top of a blank notebook: if the attack gained anything, the score would show it.
        (DemoStudent("Mallory \"Mal\" Hacker", 1103, "tampering"), with_cells(TAMPERING, base=blank)),
    ]

    folder = target / "submissions"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for submission_id, (student, notebook) in enumerate(students, start=50001):
        path = folder / student.file_name(submission_id, lesson_stem)
        if notebook is None:
            path.write_text('{"cells": [ {"cell_type": "code", "source": "x = ', encoding="utf-8")  # truncated JSON
        else:
            path.write_text(nbformat.writes(notebook), encoding="utf-8")
        paths.append(path)

    roster = target / "roster.csv"
    with roster.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "name", "email", "sis_user_id", "sis_login_id", "section"])
        for student, _ in students:
            login = "".join(ch for ch in student.name.lower() if ch.isalpha())[:8]
            writer.writerow([student.user_id, student.name, f"{login}@example.edu", f"S{student.user_id}", login, "MATH-A"])
    (target / "class.json").write_text(json.dumps(
        [{"name": s.name, "user_id": s.user_id, "kind": s.kind, "late": s.late} for s, _ in students], indent=2) + "\n")
    return paths, roster
