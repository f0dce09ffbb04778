"""What a test needs from the process it runs in: the reference module and objects made on the
student's side.

Tests call these functions without knowing where they run. In-process (the student's notebook, the
instructor's tests, `otter run`) the default backend does the obvious thing; the grading engine's
harness installs a backend that makes the objects inside the sandboxed worker and returns handles.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

import numpy as np

from .errors import CheckFailure


class Backend(Protocol):
    def reference(self) -> ModuleType: ...
    def new_axes(self) -> Any: ...
    def axes_line_data(self, ax: Any) -> list[np.ndarray]: ...
    def student_side_function(self, source: str, name: str) -> Callable[..., Any]: ...


def load_module_from_path(path: Path, name: str = "aimath_reference") -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise CheckFailure(f"cannot load the reference module from {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class InProcessBackend:
    """Everything lives in this process."""

    def __init__(self, reference: ModuleType | None = None):
        self._reference = reference

    def reference(self) -> ModuleType:
        if self._reference is None:
            self._reference = load_module_from_path(_find_reference_file())
        return self._reference

    def new_axes(self) -> Any:
        # A bare Figure, not pyplot: switching backends inside a notebook would hide its later figures.
        from matplotlib.figure import Figure

        return Figure().add_subplot()

    def axes_line_data(self, ax: Any) -> list[np.ndarray]:
        return [np.asarray(line.get_xydata(), dtype=float) for line in ax.get_lines()]

    def student_side_function(self, source: str, name: str) -> Callable[..., Any]:
        namespace: dict[str, Any] = {}
        exec(compile(source, f"<test function {name}>", "exec"), namespace)
        return namespace[name]


def _find_reference_file() -> Path:
    """Where `otter run` or a Gradescope bundle keeps reference.py when no harness set it."""
    candidates = [os.environ.get("AIMATH_REFERENCE", ""), "reference.py", "/autograder/source/reference.py"]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    raise CheckFailure("this test needs the lesson's reference module, which only the autograder has")


# The default backend serves code outside any harness (a notebook, `otter run`); a module-level
# instance, so the reference module is loaded once per process.
_DEFAULT_BACKEND = InProcessBackend()
_backend: ContextVar[Backend | None] = ContextVar("aimath_backend", default=None)


def current_backend() -> Backend:
    return _backend.get() or _DEFAULT_BACKEND


@contextlib.contextmanager
def use_backend(backend: Backend) -> Iterator[Backend]:
    token = _backend.set(backend)
    try:
        yield backend
    finally:
        _backend.reset(token)


def reference() -> ModuleType:
    """The lesson's reference module (hidden tests only)."""
    return current_backend().reference()


def new_axes() -> Any:
    """A fresh matplotlib Axes, made where the student's code runs."""
    return current_backend().new_axes()


def axes_line_data(ax: Any) -> list[np.ndarray]:
    """The (n, 2) data of every line drawn on `ax`, in drawing order."""
    return current_backend().axes_line_data(ax)


def student_side_function(source: str, name: str) -> Callable[..., Any]:
    """Define the function `name` from `source` where the student's code runs (for autograd)."""
    return current_backend().student_side_function(source, name)
