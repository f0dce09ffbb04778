"""Reading test files in otter-grader's exception-based format.

A test file is a Python module with `name`, `points` and functions decorated with otter's
`@test_case(points=..., hidden=..., failure_message=...)`. We read that metadata from the syntax tree
and compile the functions ourselves, so that neither otter nor the module's top-level code runs: the
harness must not depend on the student's environment, and a test file must not be able to do more
than define its tests.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class TestFileError(ValueError):
    pass


@dataclass(frozen=True)
class TestCase:
    question: str
    name: str
    function: Callable[..., None]
    parameters: tuple[str, ...]
    points: float
    hidden: bool
    failure_message: str | None = None
    success_message: str | None = None


@dataclass(frozen=True)
class QuestionTests:
    question: str
    points: float
    cases: tuple[TestCase, ...]


_DECORATOR_KEYS = {"name", "points", "hidden", "success_message", "failure_message"}


def _literal(node: ast.AST, where: str) -> Any:
    try:
        return ast.literal_eval(node)
    except ValueError:
        raise TestFileError(f"{where}: test metadata must be a literal") from None


def parse_test_source(source: str, filename: str) -> QuestionTests:
    tree = ast.parse(source, filename=filename)
    question, points, defs = None, None, []
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            if node.targets[0].id == "name":
                question = _literal(node.value, filename)
            elif node.targets[0].id == "points":
                points = _literal(node.value, filename)
        elif isinstance(node, ast.FunctionDef):
            defs.append(node)
    if not isinstance(question, str):
        raise TestFileError(f"{filename}: no question name (a top-level `name = \"qNN_M\"`)")

    namespace: dict[str, Any] = {}
    cases = []
    for func in defs:
        meta: dict[str, Any] = {}
        for decorator in func.decorator_list:
            if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", None) == "test_case":
                meta = {kw.arg: _literal(kw.value, f"{filename}:{func.name}") for kw in decorator.keywords}
        unknown = set(meta) - _DECORATOR_KEYS
        if unknown:
            raise TestFileError(f"{filename}:{func.name}: unknown test_case options {sorted(unknown)}")
        bare = ast.Module(body=[ast.FunctionDef(**{**func.__dict__, "decorator_list": []})], type_ignores=[])
        ast.fix_missing_locations(bare)
        exec(compile(bare, filename, "exec"), namespace)
        cases.append(
            TestCase(
                question=question,
                name=meta.get("name") or func.name,
                function=namespace[func.name],
                parameters=tuple(a.arg for a in func.args.args),
                points=float(meta.get("points") or 0.0),
                hidden=bool(meta.get("hidden", False)),
                failure_message=meta.get("failure_message"),
                success_message=meta.get("success_message"),
            )
        )
    total = float(points) if points is not None else sum(c.points for c in cases)
    return QuestionTests(question=question, points=total, cases=tuple(cases))


def load_test_file(path: Path) -> QuestionTests:
    return parse_test_source(path.read_text(encoding="utf-8"), str(path))


def load_tests_dir(folder: Path) -> list[QuestionTests]:
    """Every `q*.py` test file of a folder, in question order."""
    return [load_test_file(p) for p in sorted(folder.glob("q*.py"), key=lambda p: _question_key(p.stem))]


def _question_key(name: str) -> tuple[tuple[int, int, str], ...]:
    """q02_2 < q02_10 < q02_v1: numbers numerically, then named parts."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in name.split("_"))
