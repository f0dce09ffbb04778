"""Reading an instructor notebook in otter-grader's assign format.

We parse the format ourselves instead of shelling out to `otter assign` because the build must be
byte-for-byte reproducible, must report mistakes by file, cell and marker, and must also produce the
reference module and lesson metadata that otter does not. `tests/toolkit` checks that `otter assign`
still accepts our source notebooks, so an instructor who knows otter can author without learning
anything new.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
import yaml

BEGIN_TEST_CONFIG = re.compile(r'^\s*(?:.\s*=\s*)?""?"?\s*#\s*BEGIN\s*TEST\s*CONFIG', re.IGNORECASE)
END_TEST_CONFIG = re.compile(r'^\s*""?"?\s*#\s*END\s*TEST\s*CONFIG', re.IGNORECASE)
BEGIN_SOLUTION = re.compile(r"^(\s*)#\s*BEGIN\s+SOLUTION(\s+NO\s+PROMPT)?\s*$", re.IGNORECASE)
END_SOLUTION = re.compile(r"^\s*#\s*END\s+SOLUTION\s*$", re.IGNORECASE)
SOLUTION_LINE = re.compile(r"^(\s*)(.*?)\s*#\s*SOLUTION\s*$")
RAW_MARKER = re.compile(r"^\s*#\s*(BEGIN|END)\s+(QUESTION|TESTS|SOLUTION|PROMPT)\b", re.IGNORECASE)
QUESTION_NAME = re.compile(r"^q(\d\d)_(\d+|v\d+)$")
LESSON_FILE = re.compile(r"^(\d\d)_([A-Za-z0-9_]+)$")


class BuildError(ValueError):
    """A mistake in a source notebook, located by file, cell and marker."""


@dataclass
class Cell:
    index: int  # 1-based, as an instructor counts cells in Jupyter
    cell_type: str
    source: str


@dataclass
class TestSpec:
    question: str
    name: str
    points: float
    hidden: bool
    body: str  # the test function's source
    cell: int
    failure_message: str | None = None
    success_message: str | None = None


@dataclass
class Question:
    name: str
    points: float
    cell: int
    items: list[Cell] = field(default_factory=list)  # prompt (markdown) and solution (code) cells
    tests: list[TestSpec] = field(default_factory=list)
    functions: list[str] = field(default_factory=list)

    @property
    def exercise(self) -> str:
        """'q02_1' -> '02.1' (the curriculum's exercise id)."""
        match = QUESTION_NAME.match(self.name)
        return f"{match.group(1)}.{match.group(2)}" if match else self.name


@dataclass
class LessonSource:
    path: Path
    stem: str
    number: str
    config: dict[str, Any]
    parts: list[Cell | Question]  # chapter cells and questions, in notebook order

    @property
    def questions(self) -> list[Question]:
        return [p for p in self.parts if isinstance(p, Question)]

    @property
    def points(self) -> float:
        return sum(q.points for q in self.questions)

    def code_cells(self) -> list[Cell]:
        """Every non-test code cell, solutions included, in notebook order."""
        cells = []
        for part in self.parts:
            items = part.items if isinstance(part, Question) else [part]
            cells.extend(c for c in items if c.cell_type == "code")
        return cells


# --------------------------------------------------------------------------------------------------


def strip_solutions(source: str, where: str) -> str:
    """The student's version of a code cell: solution blocks and `# SOLUTION` lines become `...`."""
    out: list[str] = []
    open_block: tuple[int, str] | None = None
    for number, line in enumerate(source.splitlines(), start=1):
        begin = BEGIN_SOLUTION.match(line)
        if open_block is not None:
            if BEGIN_SOLUTION.match(line):
                raise BuildError(f"{where}, line {number}: '# BEGIN SOLUTION' inside another solution block")
            if END_SOLUTION.match(line):
                open_block = None
            continue
        if begin:
            open_block = (number, begin.group(1))
            if not begin.group(2):
                out.append(f"{begin.group(1)}...")
            continue
        if END_SOLUTION.match(line):
            raise BuildError(f"{where}, line {number}: '# END SOLUTION' without a matching '# BEGIN SOLUTION'")
        marked = SOLUTION_LINE.match(line)
        if marked:
            indent, code = marked.groups()
            assignment = re.match(r"^([\w\.\[\], ]+?)\s*=(?!=)", code)
            out.append(f"{indent}{assignment.group(1)} = ..." if assignment else f"{indent}...")
            continue
        out.append(line)
    if open_block is not None:
        raise BuildError(f"{where}, line {open_block[0]}: '# BEGIN SOLUTION' is never closed by '# END SOLUTION'")
    return "\n".join(out)


def solution_text(source: str) -> str:
    """The instructor's version of a code cell without the solution markers."""
    lines = []
    for line in source.splitlines():
        if BEGIN_SOLUTION.match(line) or END_SOLUTION.match(line):
            continue
        marked = SOLUTION_LINE.match(line)
        lines.append(f"{marked.group(1)}{marked.group(2)}" if marked else line)
    return "\n".join(lines)


def defined_functions(source: str) -> list[str]:
    """Top-level function names defined by a code cell (IPython syntax allowed)."""
    return [n.name for n in python_tree(source)[0].body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]


def python_tree(source: str) -> tuple[ast.Module, str]:
    """A code cell (IPython syntax allowed) as a syntax tree, with the plain Python it was parsed from."""
    from ..grade.notebook import cell_to_python

    python = cell_to_python(source)
    return ast.parse(python), python


def _raw_marker(cell: Cell) -> tuple[str, str] | None:
    first = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
    match = RAW_MARKER.match(first)
    return (match.group(1).upper(), match.group(2).upper()) if match else None


def _yaml_body(cell: Cell, where: str) -> dict[str, Any]:
    body = "\n".join(cell.source.strip().splitlines()[1:])
    try:
        data = yaml.safe_load(body) if body.strip() else {}
    except yaml.YAMLError as exc:
        raise BuildError(f"{where}: the settings under the marker are not valid YAML ({exc})") from None
    if not isinstance(data, dict):
        raise BuildError(f"{where}: expected 'key: value' settings under the marker")
    return data


def _parse_test(cell: Cell, question: Question, where: str) -> TestSpec:
    lines = cell.source.splitlines()
    config: dict[str, Any] = {}
    start = 0
    if lines and BEGIN_TEST_CONFIG.match(lines[0]):
        end = next((i for i, line in enumerate(lines) if END_TEST_CONFIG.match(line)), None)
        if end is None:
            raise BuildError(f"{where}: '# BEGIN TEST CONFIG' is never closed by '# END TEST CONFIG'")
        try:
            config = yaml.safe_load("\n".join(lines[1:end])) or {}
        except yaml.YAMLError as exc:
            raise BuildError(f"{where}: the test config is not valid YAML ({exc})") from None
        start = end + 1
    elif lines and re.search(r"\bhidden\b", lines[0], re.IGNORECASE) and lines[0].lstrip().startswith("#"):
        config = {"hidden": True}
    unknown = set(config) - {"hidden", "points", "failure_message", "success_message"}
    if unknown:
        raise BuildError(f"{where}: unknown test config keys {sorted(unknown)}")
    code = "\n".join(lines[start:])
    try:
        tree = ast.parse(code)
    except SyntaxError as exc:
        raise BuildError(f"{where}: the test does not parse ({exc.msg}, line {exc.lineno})") from None
    functions = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
    others = [n for n in tree.body if not isinstance(n, ast.FunctionDef)]
    if len(functions) != 1 or len(others) > 1 or (others and not isinstance(others[0], ast.Expr)):
        raise BuildError(f"{where}: a test cell holds one test function (and optionally the call that runs it)")
    function = functions[0]
    if not function.name.startswith("test_"):
        raise BuildError(f"{where}: test function {function.name!r} must be named test_...")
    if "points" not in config:
        raise BuildError(f"{where}: test {function.name} has no 'points' in its TEST CONFIG")
    body_lines = code.splitlines()[function.lineno - 1 : function.end_lineno]
    return TestSpec(
        question=question.name,
        name=function.name,
        points=float(config["points"]),
        hidden=bool(config.get("hidden", False)),
        body="\n".join(body_lines),
        cell=cell.index,
        failure_message=config.get("failure_message"),
        success_message=config.get("success_message"),
    )


def parse_lesson(path: Path) -> LessonSource:
    """Parse and validate a source notebook; raise `BuildError` naming file, cell and marker."""
    match = LESSON_FILE.match(path.stem)
    if not match:
        raise BuildError(f"{path}: lesson files are named NN_Title.ipynb")
    try:
        notebook = nbformat.read(path, as_version=4)
    except Exception as exc:  # nbformat raises several unrelated types for unreadable files
        raise BuildError(f"{path}: not a readable notebook ({exc})") from None
    kernel = notebook.metadata.get("kernelspec", {})
    if kernel.get("language", "python") != "python" or not kernel.get("name"):
        raise BuildError(
            f"{path}: the notebook needs a Python kernelspec in its metadata (otter assign reads it); "
            "e.g. `jupytext --set-kernel python3 FILE`"
        )
    cells = [Cell(i + 1, c.cell_type, c.source) for i, c in enumerate(notebook.cells)]
    if not cells or cells[0].cell_type != "raw" or not cells[0].source.lstrip().startswith("# ASSIGNMENT CONFIG"):
        raise BuildError(f"{path}, cell 1: the first cell must be a raw '# ASSIGNMENT CONFIG' cell")
    config = _yaml_body(cells[0], f"{path}, cell 1 (ASSIGNMENT CONFIG)")
    if config.get("name") != path.stem:
        raise BuildError(f"{path}, cell 1 (ASSIGNMENT CONFIG): 'name' must be {path.stem!r}")

    parts: list[Cell | Question] = []
    seen_questions: dict[str, int] = {}
    seen_tests: dict[str, int] = {}
    question: Question | None = None
    in_tests = False
    for cell in cells[1:]:
        where = f"{path}, cell {cell.index}"
        marker = _raw_marker(cell) if cell.cell_type == "raw" else None
        if marker == ("BEGIN", "QUESTION"):
            if question is not None:
                raise BuildError(f"{where} (# BEGIN QUESTION): question {question.name} (cell {question.cell}) is not closed")
            settings = _yaml_body(cell, f"{where} (# BEGIN QUESTION)")
            name = settings.get("name")
            if not isinstance(name, str) or not QUESTION_NAME.match(name) or name[1:3] != match.group(1):
                raise BuildError(f"{where} (# BEGIN QUESTION): name must be q{match.group(1)}_M, got {name!r}")
            if name in seen_questions:
                raise BuildError(f"{where} (# BEGIN QUESTION): duplicate question name {name} (first at cell {seen_questions[name]})")
            if not isinstance(settings.get("points"), (int, float)):
                raise BuildError(f"{where} (# BEGIN QUESTION): question {name} needs numeric 'points'")
            seen_questions[name] = cell.index
            question = Question(name=name, points=float(settings["points"]), cell=cell.index)
            parts.append(question)
        elif marker == ("END", "QUESTION"):
            if question is None:
                raise BuildError(f"{where} (# END QUESTION): no question is open")
            if in_tests:
                raise BuildError(f"{where} (# END QUESTION): '# BEGIN TESTS' of {question.name} is not closed")
            _finish_question(question, path)
            question = None
        elif marker == ("BEGIN", "TESTS"):
            if question is None or in_tests:
                raise BuildError(f"{where} (# BEGIN TESTS): tests must sit inside one question, once opened")
            in_tests = True
        elif marker == ("END", "TESTS"):
            if not in_tests:
                raise BuildError(f"{where} (# END TESTS): no '# BEGIN TESTS' is open")
            in_tests = False
        elif marker is not None:
            raise BuildError(f"{where}: unsupported marker '# {' '.join(marker)}' in a raw cell")
        elif in_tests:
            if cell.cell_type != "code":
                continue
            test = _parse_test(cell, question, where)
            if test.name in seen_tests:
                raise BuildError(f"{where}: test name {test.name} is used twice (first at cell {seen_tests[test.name]})")
            seen_tests[test.name] = cell.index
            question.tests.append(test)
        elif question is not None:
            question.items.append(cell)
        else:
            parts.append(cell)
    if question is not None:
        raise BuildError(f"{path}, cell {question.cell} (# BEGIN QUESTION): question {question.name} is never closed by '# END QUESTION'")
    lesson = LessonSource(path=path, stem=path.stem, number=match.group(1), config=config, parts=parts)
    for cell in cells[1:]:
        if cell.cell_type == "code":
            strip_solutions(cell.source, f"{path}, cell {cell.index}")
    return lesson


def _check_points_as_otter_does(question: Question, total: float, where: str) -> None:
    """`otter assign` adds the test points in floating point and refuses a sum over the question's
    points by any rounding error (0.2 + 0.4 + ... can come to 3.0000000000000004): run its own rule,
    so that the source stays a notebook `otter assign` accepts."""
    from otter.test_files.abstract_test import TestCase, TestFile

    cases = [TestCase(name=t.name, body="", hidden=t.hidden, points=t.points, success_message=None,
                      failure_message=None) for t in question.tests]
    try:
        TestFile.resolve_test_file_points(question.points, cases)
    except ValueError as exc:
        raise BuildError(f"{where}: otter assign refuses its test points ({exc}); its tests add up to "
                         f"{total!r} in floating point: choose points whose sum is exact") from None


def _finish_question(question: Question, path: Path) -> None:
    where = f"{path}, cell {question.cell} (# BEGIN QUESTION {question.name})"
    if not question.tests:
        raise BuildError(f"{where}: the question has no tests")
    total = sum(t.points for t in question.tests)
    if abs(total - question.points) > 1e-9:
        raise BuildError(f"{where}: its tests add up to {total:g} points, the question is worth {question.points:g}")
    _check_points_as_otter_does(question, total, where)
    for cell in question.items:
        if cell.cell_type != "code":
            continue
        cell_where = f"{path}, cell {cell.index}"
        try:
            graded = defined_functions(cell.source)
            stub = defined_functions(strip_solutions(cell.source, cell_where))
        except SyntaxError as exc:
            raise BuildError(f"{cell_where}: the cell does not parse ({exc.msg}, line {exc.lineno})") from None
        missing = [name for name in graded if name not in stub]
        if missing:
            raise BuildError(
                f"{cell_where}: graded function {', '.join(missing)} is missing from the stub "
                "(keep the 'def' line outside '# BEGIN SOLUTION')"
            )
        question.functions.extend(graded)
    if not question.functions:
        raise BuildError(f"{where}: the question defines no graded function")
