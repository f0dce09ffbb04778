"""The grading engine's harness: grade one submitted notebook against an autograder bundle.

Why our own isolation, and not otter-grader's or nbgrader's: both run the tests inside the student's
own Python process, so a submission can replace `np.allclose` or the test runner, read the hidden
tests and print them, rewrite the gradebook, hang forever or exhaust the machine, and their results
come back through pickle. Here the submission runs in a sandboxed worker (`aimath.sandbox`) that only
ever sees data, while this trusted harness loads the tests and the reference module and runs every
test function itself, with proxies for the student's functions. Comparisons and scoring happen only
here, where nothing the student's code does can reach them.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import hashlib
import json
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from ..checks.context import InProcessBackend, load_module_from_path
from ..checks.errors import CheckFailure
from ..config import Limits
from ..sandbox.server import ForkServer, Handle, Worker, WorkerLost, resolve_mode
from .notebook import NotebookError, dotted_name, parsed_cell, per_cell_cache, read_notebook
from .results import GRADED, PARTIAL_RESTARTED, SubmissionResult, TestResult, error_status
from .runner import execute_case, failure_message
from .testfiles import QuestionTests, TestCase, load_tests_dir

PARTIAL_TIME_LIMIT = "partial: time limit"


@dataclass(frozen=True)
class Question:
    name: str
    points: float
    functions: tuple[str, ...]
    forbid: tuple[str, ...]


@dataclass
class Bundle:
    """An autograder bundle: lesson.json, tests/qNN_M.py and reference.py."""

    path: Path
    lesson: str
    name: str
    questions: tuple[Question, ...]
    tests: tuple[QuestionTests, ...]
    limits: Limits
    sandbox: str
    warm: tuple[str, ...] | None  # what the lesson's notebook imports (None: not recorded)
    _reference: ModuleType | None = field(default=None, repr=False)

    @property
    def points(self) -> dict[str, float]:
        return {q.name: q.points for q in self.questions}

    def reference(self) -> ModuleType:
        if self._reference is None:
            self._reference = load_module_from_path(self.path / "reference.py", f"aimath_reference_{self.name}")
        return self._reference


def load_bundle(path: Path) -> Bundle:
    """Read a bundle (cached while its files are unchanged)."""
    path = Path(path).resolve()
    stamp = tuple(p.stat().st_mtime_ns for p in sorted(path.rglob("*.py")) + [path / "lesson.json"])
    return _load_bundle(path, stamp)


@functools.lru_cache(maxsize=8)
def _load_bundle(path: Path, stamp: tuple[int, ...]) -> Bundle:
    config = json.loads((path / "lesson.json").read_text(encoding="utf-8"))
    questions = tuple(
        Question(q["name"], float(q["points"]), tuple(q.get("functions", ())), tuple(q.get("forbid", ())))
        for q in config["questions"]
    )
    return Bundle(path=path, lesson=str(config["lesson"]), name=config["name"], questions=questions,
                  tests=tuple(load_tests_dir(path / "tests")), limits=Limits(**config.get("limits", {})),
                  sandbox=config.get("sandbox", "auto"),
                  warm=tuple(config["warm"]) if isinstance(config.get("warm"), list) else None)


def grade_notebook(
    bundle_dir: str | Path,
    notebook_path: str | Path,
    *,
    student_id: str,
    limits: Limits | None = None,
    sandbox_mode: str | None = None,
    sha256: str | None = None,
    file_name: str | None = None,
) -> SubmissionResult:
    """Grade one notebook: run it in a sandboxed worker, then every test of the bundle here.

    `limits` and `sandbox_mode` default to the bundle's; `sha256` and `file_name` to the file's own.
    """
    started = time.monotonic()
    bundle = load_bundle(Path(bundle_dir))
    limits = limits or bundle.limits
    mode = resolve_mode(sandbox_mode or bundle.sandbox)
    path = Path(notebook_path)
    fields: dict[str, Any] = dict(student_id=student_id, lesson=bundle.lesson, file=file_name or path.name,
                                  sha256=sha256 or _sha256(path), sandbox=mode, question_points=bundle.points)
    try:
        cells = read_notebook(path)
    except NotebookError as exc:
        tests, status = [], error_status(str(exc))
        fields["sandbox"] = "none"  # nothing ran
    else:
        session = _Session(bundle, cells, limits, ForkServer.shared(mode, bundle.warm), end=started + limits.seconds_per_submission)
        tests, status = session.grade()
    return SubmissionResult.from_tests(tests=tests, status=status, seconds=round(time.monotonic() - started, 3),
                                       **fields)


def _sha256(path: Path) -> str:
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return ""


def _failed(case: TestCase, reason: str | Exception) -> TestResult:
    """A test that could not pass; the message is ours, or what `failure_message` lets through."""
    exc = CheckFailure(reason) if isinstance(reason, str) else reason
    return TestResult(case.question, case.name, case.hidden, 0.0, case.points, False, failure_message(case, exc))


class BudgetExhausted(BaseException):
    """The submission's time is up while the harness itself was busy (a slow check of a crafted value)."""


@contextlib.contextmanager
def _budget_alarm(seconds: float) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield  # signals reach only the main thread; the worker's deadlines still apply
        return

    def on_alarm(signum: int, frame: Any) -> None:
        raise BudgetExhausted()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    started = time.monotonic()
    outer, _ = signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:  # a caller's own alarm (a test runner's timeout, say) goes on with what is left of it
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 0.001))


class _Session:
    """Grading one submission: a worker (restarted after a loss), the tests, the time budget."""

    def __init__(self, bundle: Bundle, cells: list[tuple[int, str]], limits: Limits, server: ForkServer, *,
                 end: float):
        self.bundle = bundle
        self.cells = cells
        self.limits = limits
        self.server = server
        self.end = end
        self.worker: Worker | None = None
        self.cut_short = False  # a test lost the worker (killed at a deadline, or crashed)
        self.out_of_time = False
        self.broken: str | None = None  # why the worker could not be restarted

    def grade(self) -> tuple[list[TestResult], str]:
        banned = forbidden_uses([source for _, source in self.cells], self.bundle.questions)
        try:
            try:
                self.start()
            except WorkerLost as exc:
                return [], error_status(exc.reason)
            backend = HarnessBackend(self)
            results = [
                _failed(case, banned[question.question]) if question.question in banned else self.run_case(case, backend)
                for question in self.bundle.tests for case in question.cases
            ]
        finally:
            if self.worker is not None:
                self.worker.close()
        status = PARTIAL_TIME_LIMIT if self.out_of_time else PARTIAL_RESTARTED if self.cut_short else GRADED
        return results, status

    def start(self) -> None:
        self.worker = self.server.spawn(self.limits, end=self.end)
        self.worker.run_cells(self.cells)

    def live_worker(self) -> Worker:
        assert self.worker is not None
        if self.worker.lost:
            if self.broken:
                raise WorkerLost(f"not run: the worker could not be restarted ({self.broken})")
            self.worker.close()
            try:
                self.start()
            except WorkerLost as exc:
                self.broken = exc.reason
                raise
        return self.worker

    def run_case(self, case: TestCase, backend: HarnessBackend) -> TestResult:
        remaining = self.end - time.monotonic()
        total = f"{self.limits.seconds_per_submission:g} s"
        if remaining <= 0:
            self.out_of_time = True
            return _failed(case, f"not run: the submission used up its time limit of {total}")
        worker = None
        try:
            with _budget_alarm(remaining + 1.0):  # the worker's own deadlines fire first, with their reasons
                worker = self.live_worker()
                worker.where = f"in {case.question}"
                try:
                    arguments = worker.resolve_names(list(case.parameters))
                except CheckFailure as exc:  # the worker answered nonsense
                    return _failed(case, exc)
                result = execute_case(case, arguments, backend)
            if worker.lost:  # the test swallowed the loss (a bare except): it still fails
                raise WorkerLost(worker.lost)
            return result
        except WorkerLost as exc:
            self.cut_short = True
            self.out_of_time |= time.monotonic() >= self.end
            return _failed(case, exc.reason)
        except BudgetExhausted:
            self.out_of_time = True
            reason = f"timed out after {total} (the time limit for the whole submission) in {case.question}"
            if worker is not None:
                worker.kill()
                worker.lost = reason
            return _failed(case, reason)


class HarnessBackend:
    """`aimath.checks` context for tests run by the engine: the reference module is loaded here, and
    objects of the student's side (axes, torch functions) are made in the worker and held as handles."""

    def __init__(self, session: _Session):
        self.session = session

    @property
    def worker(self) -> Worker:
        assert self.session.worker is not None
        return self.session.worker

    def reference(self) -> ModuleType:
        return self.session.bundle.reference()

    def new_axes(self) -> Any:
        return self.worker.backend("new_axes")

    def axes_line_data(self, ax: Any) -> list[np.ndarray]:
        if not isinstance(ax, Handle):
            return InProcessBackend().axes_line_data(ax)  # an Axes the test made here
        lines = self.worker.backend("axes_line_data", ax)
        if type(lines) is not list or any(type(line) is not np.ndarray or line.dtype.kind not in "iuf"
                                          for line in lines):
            raise CheckFailure("the lines drawn on the axes could not be read")
        return [line.astype(float) for line in lines]

    def student_side_function(self, source: str, name: str) -> Any:
        return self.worker.backend("student_side_function", source, name, label=name)


# --------------------------------------------------------------------------------------------------
# The static scan behind lesson.json's "forbid"


def forbidden_uses(sources: list[str], questions: tuple[Question, ...]) -> dict[str, str]:
    """question -> reason, for each question whose graded functions, or the module-level code they
    refer to, name a forbidden function. Backs up the run-time check, which an alias made before the
    call (`my_eig = np.linalg.eig`) escapes; dynamic lookups (getattr with a computed name) escape
    this one."""
    if not any(q.forbid for q in questions):
        return {}
    statements: list[ast.stmt] = []
    aliases: dict[str, str] = {}
    star_modules: list[str] = []
    for source in sources:
        module = parsed_cell(source)
        statements += module.body if module else []
        cell_aliases, cell_stars = _import_aliases(source)
        aliases.update(cell_aliases)
        star_modules += cell_stars
    definitions: dict[str, list[ast.AST]] = {}
    for node in statements:
        for name in _bound_names(node):
            definitions.setdefault(name, []).append(node)
    banned = {}
    for question in questions:
        if not question.forbid:
            continue
        used = _qualified_names(_reachable(question.functions, definitions), aliases, star_modules)
        hit = next((f for f in question.forbid for name in used if name == f or name.startswith(f + ".")), None)
        if hit:
            banned[question.name] = f"{', '.join(question.functions)} uses {hit}, which this exercise does not allow"
    return banned


@per_cell_cache(1024)
def _import_aliases(source: str) -> tuple[dict[str, str], tuple[str, ...]]:
    """The names one cell's imports bind (name -> module path), and its `import *` modules."""
    module = parsed_cell(source)
    aliases: dict[str, str] = {}
    star_modules: list[str] = []
    for node in ast.walk(module) if module else ():
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    aliases[alias.asname] = alias.name
                else:
                    top = alias.name.split(".")[0]
                    aliases[top] = top
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                if alias.name == "*":
                    star_modules.append(node.module)
                else:
                    aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return aliases, tuple(star_modules)


def _bound_names(node: ast.stmt) -> list[str]:
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return [node.name]
    if isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return [n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)]
    return []


def _local_names(node: ast.AST) -> set[str]:
    """The names a function binds itself (parameters, assignments, loop and comprehension variables,
    nested definitions), less those it declares global: a student's local `Q` is not the module-level
    `Q` a demo cell computed with a forbidden function. Imports are left out: an import inside the
    function binds a module, which the scan must see. Nested scopes are merged into the function's."""
    if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        return set()
    names: set[str] = set()
    declared_global: set[str] = set()
    for inner in ast.walk(node):
        if isinstance(inner, ast.arg):
            names.add(inner.arg)
        elif isinstance(inner, ast.Name) and isinstance(inner.ctx, ast.Store | ast.Del):
            names.add(inner.id)
        elif isinstance(inner, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) and inner is not node:
            names.add(inner.name)
        elif isinstance(inner, ast.Global):
            declared_global.update(inner.names)
    return names - declared_global


def _reachable(roots: tuple[str, ...], definitions: dict[str, list[ast.AST]]) -> list[tuple[ast.AST, set[str]]]:
    """The definitions of `roots` and of every module-level name they refer to, transitively, each
    with the names it binds locally (which refer to nothing at module level)."""
    seen, pending, nodes = set(), list(roots), []
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        for node in definitions.get(name, []):
            local = _local_names(node)
            nodes.append((node, local))
            pending += [n.id for n in ast.walk(node) if isinstance(n, ast.Name) and n.id not in local]
    return nodes


def _qualified_names(nodes: list[tuple[ast.AST, set[str]]], aliases: dict[str, str],
                     star_modules: list[str]) -> set[str]:
    used = set()
    for root, local in nodes:
        for node in ast.walk(root):
            dotted = ""
            if isinstance(node, ast.Attribute | ast.Name):
                dotted = dotted_name(node)
            elif (isinstance(node, ast.Call) and dotted_name(node.func) == "getattr" and len(node.args) >= 2
                  and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)):
                dotted = f"{dotted_name(node.args[0])}.{node.args[1].value}"
            head, _, rest = dotted.partition(".")
            if head in local:
                continue
            if head in aliases:
                used.add(f"{aliases[head]}.{rest}" if rest else aliases[head])
            elif head:
                used.update(f"{module}.{dotted}" for module in star_modules)
    return used
