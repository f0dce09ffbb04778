"""Notebook intake: a submitted .ipynb, read defensively, as the Python source of its code cells.

IPython syntax (magics, `!shell`, `?help`) becomes Python through IPython's own TransformerManager;
what would reach outside the notebook (shell escapes, `%%bash`-type cell magics, `%pip`) is
neutralized, and the cells that only run tests (otter's `grader.check(...)`/`grader.export(...)`, our
`check(...)`, `import otter`, `otter.Notebook(...)`) are dropped: the grader runs the tests itself.
Anything that is not a readable Python notebook raises `NotebookError` with a reason for the status.
"""

from __future__ import annotations

import ast
import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

MAX_NOTEBOOK_BYTES = 32 << 20
# Cell magics whose body is not Python or reaches outside the notebook: the whole cell is skipped.
FOREIGN_CELL_MAGICS = frozenset({
    "bash", "sh", "script", "system", "python2", "python3", "pypy", "perl", "ruby", "html", "HTML", "javascript",
    "js", "latex", "markdown", "svg", "writefile", "file", "sx", "debug", "pip", "conda",
})
_GRADER_METHODS = frozenset({"check", "check_all", "export", "run_plugin", "to_pdf", "submit"})


# Most cells of a lesson's submissions are the release notebook's own: a grading process converts and
# parses each distinct cell once. Only cells up to this size are remembered, so the caches stay small.
CACHED_CELL_CHARS = 8_000
T = TypeVar("T")


class NotebookError(ValueError):
    """The file is not a gradable Python notebook; the message is the status reason."""


def read_notebook(path: Path, *, max_bytes: int = MAX_NOTEBOOK_BYTES) -> list[tuple[int, str]]:
    """The Python source of each code cell that has code, as (cell number from 1, source)."""
    notebook = _load(path, max_bytes)
    metadata = notebook.get("metadata") if isinstance(notebook.get("metadata"), dict) else {}
    language = _kernel_language(metadata)
    if language and language != "python":
        raise NotebookError(f"the notebook's kernel language is {language[:40]}, not Python")
    cells = []
    for number, cell in enumerate(notebook["cells"], start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        if isinstance(source, list) and all(isinstance(line, str) for line in source):
            source = "".join(source)
        if not isinstance(source, str):
            raise NotebookError(f"not a notebook (code cell {number} has no source text)")
        cells.append((number, source))
    if not cells:
        raise NotebookError("the notebook has no code cells")
    return [(number, python) for number, source in cells if (python := cell_to_python(source)).strip()]


def _load(path: Path, max_bytes: int) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise NotebookError(f"cannot read the file ({exc.strerror})") from None
    if len(data) > max_bytes:
        raise NotebookError(f"the file is larger than {max_bytes >> 20} MB")
    if not data.strip():
        raise NotebookError("the file is empty")
    if b"\0" in data:
        raise NotebookError("not a notebook (a binary file)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotebookError("not a notebook (the file is not UTF-8 text)") from None
    try:
        notebook = json.loads(text)
    except (ValueError, RecursionError) as exc:
        where = f" at line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else ""
        raise NotebookError(f"not a notebook (invalid JSON{where})") from None
    if not isinstance(notebook, dict):
        raise NotebookError("not a notebook (no notebook object)")
    version = notebook.get("nbformat")
    if "worksheets" in notebook or (isinstance(version, int) and version < 4):
        raise NotebookError(f"notebook format {version} is too old; open and save it in Jupyter (format 4)")
    if not isinstance(notebook.get("cells"), list):
        raise NotebookError("not a notebook (no cells)")
    return notebook


def _kernel_language(metadata: dict[str, Any]) -> str:
    for key, field in (("kernelspec", "language"), ("language_info", "name")):
        section = metadata.get(key)
        if isinstance(section, dict) and isinstance(section.get(field), str):
            return section[field].strip().lower()
    return ""


def per_cell_cache(maxsize: int) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """Remember a function of one cell's source for cells up to CACHED_CELL_CHARS long. What it
    returns is shared between submissions, so callers must never change it."""

    def decorate(function: Callable[[str], T]) -> Callable[[str], T]:
        cached = functools.lru_cache(maxsize=maxsize)(function)

        @functools.wraps(function)
        def wrapper(source: str) -> T:
            return cached(source) if len(source) <= CACHED_CELL_CHARS else function(source)

        return wrapper

    return decorate


@per_cell_cache(256)
def parsed_cell(python: str) -> ast.Module | None:
    """The syntax tree of a cell's Python (None for a syntax error)."""
    try:
        return ast.parse(python)
    except (SyntaxError, ValueError):
        return None


@per_cell_cache(1024)
def cell_to_python(source: str) -> str:
    """One cell's code as plain Python: foreign cell magics and test-running statements removed."""
    first = source.lstrip().split("\n", 1)[0]
    if first.startswith("%%") and (first[2:].split() or [""])[0] in FOREIGN_CELL_MAGICS:
        return ""
    try:  # most cells are plain Python, which IPython's transformations leave as it is (ending in \n)
        module = ast.parse(source)
        python = source if source.endswith("\n") else source + "\n"
    except (SyntaxError, ValueError):
        from IPython.core.inputtransformer2 import TransformerManager

        try:
            python = TransformerManager().transform_cell(source)
        except (SyntaxError, ValueError, IndexError):
            return source  # left to fail in the worker, like any cell with a syntax error
        try:
            module = ast.parse(python)
        except (SyntaxError, ValueError):
            return python
    return _drop_test_statements(python, module)


def _drop_test_statements(python: str, module: ast.Module) -> str:
    graders = {"grader"} | {
        t.id for node in module.body if isinstance(node, ast.Assign) and _is_otter_notebook(node.value)
        for t in node.targets if isinstance(t, ast.Name)
    }
    kept = [node for node in module.body if not _runs_tests(node, graders)]
    if len(kept) == len(module.body):
        return python
    module.body = kept
    return ast.unparse(module)


def _is_otter_notebook(value: ast.AST) -> bool:
    return isinstance(value, ast.Call) and dotted_name(value.func) in ("otter.Notebook", "Notebook")


def _runs_tests(node: ast.stmt, graders: set[str]) -> bool:
    if isinstance(node, ast.Import):
        return all(a.name.split(".")[0] == "otter" or a.name == "aimath.student" for a in node.names)
    if isinstance(node, ast.ImportFrom):
        return (node.module or "").split(".")[0] == "otter" or node.module == "aimath.student"
    if isinstance(node, ast.Assign):
        return _is_otter_notebook(node.value)
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        call = node.value
        name = dotted_name(call.func)
        if name == "check":
            return bool(call.args) and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)
        owner, _, method = name.rpartition(".")
        return owner in graders and method in _GRADER_METHODS
    return False


def dotted_name(node: ast.AST) -> str:
    """`a.b.c` for a Name or an Attribute chain on a Name, else ''."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        owner = dotted_name(node.value)
        return f"{owner}.{node.attr}" if owner else ""
    return ""
