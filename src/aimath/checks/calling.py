"""Calling student code: the observations only the caller's process can make (curriculum §6.2).

`observe_call` runs in the process that holds the student's function: the test's own process when
tests run in-process, the sandboxed worker under the grading engine. It returns the result together
with a `CallReport` of plain data. `call_student` turns that report into a `CheckFailure`; the
harness decides what an observation costs, never the student's process.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import importlib
import random
import signal
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from .errors import CheckFailure

# The attribute a proxy for a student object implements; the engine's proxies forward the call, with
# its options, to the sandboxed worker and return (result, CallReport as dict).
REMOTE_CALL = "__aimath_call__"


@dataclass(frozen=True)
class CallOptions:
    timeout: float = 1.0
    check_mutation: bool = True
    check_global_rng: bool = True
    warnings_as_errors: bool = False
    check_aliasing: bool = False
    forbid: tuple[str, ...] = ()


@dataclass
class CallReport:
    """What happened during one call; data only, so it can cross the sandbox boundary."""

    mutated: list[int] = field(default_factory=list)  # positions (or -1 for keyword arguments)
    global_rng_changed: bool = False
    warning: str | None = None  # category name only: warning texts can carry student text
    forbidden: str | None = None
    aliased: list[int] = field(default_factory=list)
    error_type: str | None = None
    error_mro: list[str] = field(default_factory=list)
    error_message: str | None = None  # student text: shown for public tests only
    timed_out: bool = False
    cpu_seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CallReport:
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})


class StudentError(CheckFailure):
    """The student's function raised; `detail` is the student's own message (public tests only)."""

    def __init__(self, message: str, detail: str | None = None):
        super().__init__(message if not detail else f"{message}: {detail}")
        self.safe_message = message


class CallTimeout(BaseException):
    """Raised inside the student's call when its CPU budget is spent (BaseException: not catchable by
    a student's `except Exception`)."""


class ForbiddenCall(BaseException):
    def __init__(self, name: str):
        super().__init__(name)
        self.name = name


# --------------------------------------------------------------------------------------------------
# Limits


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `CallTimeout` in the block after `seconds` of process CPU time.

    Uses the profiling timer, so time spent waiting (on a pipe, for a callback) does not count. Only
    the main thread can receive signals; elsewhere the block runs unlimited and the grading engine's
    hard limits still apply. Limits nest: an inner block never outlives the outer budget, and the
    outer timer is re-armed with what is left of it when the inner block ends.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_timer(signum: int, frame: Any) -> None:
        raise CallTimeout()

    previous = signal.signal(signal.SIGPROF, on_timer)
    started = time.process_time()
    outer_remaining, _ = signal.setitimer(signal.ITIMER_PROF, seconds)
    if 0 < outer_remaining < seconds:
        signal.setitimer(signal.ITIMER_PROF, outer_remaining)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
        if outer_remaining > 0:
            left = outer_remaining - (time.process_time() - started)
            signal.setitimer(signal.ITIMER_PROF, max(left, 1e-6))  # fires at once if spent


@contextlib.contextmanager
def forbid_functions(*qualified_names: str) -> Iterator[None]:
    """Replace e.g. ``numpy.linalg.qr`` by a stub that raises while the block runs.

    A nudge, not security (a student may have bound the function before the call); the static scan
    of the submission backs it up.
    """
    saved: list[tuple[Any, str, Any]] = []
    try:
        for qualified in qualified_names:
            module_name, _, attr = qualified.rpartition(".")
            try:
                owner = importlib.import_module(module_name)
            except ImportError:
                continue
            if not hasattr(owner, attr):
                continue
            saved.append((owner, attr, getattr(owner, attr)))

            def stub(*args: Any, _name: str = qualified, **kwargs: Any) -> Any:
                raise ForbiddenCall(_name)

            setattr(owner, attr, stub)
        yield
    finally:
        for owner, attr, original in reversed(saved):
            setattr(owner, attr, original)


# --------------------------------------------------------------------------------------------------
# Observation


def _is_data(value: Any) -> bool:
    if isinstance(value, (np.ndarray, list, dict, tuple, set, bytearray)):
        return True
    return type(value).__module__.startswith("torch") and type(value).__name__ == "Tensor"


def _snapshot(value: Any) -> Any:
    if type(value).__name__ == "Tensor":  # a leaf copy that keeps requires_grad, for autograd exercises
        return value.detach().clone().requires_grad_(value.requires_grad)
    return copy.deepcopy(value)


def _same(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, np.ndarray):
        if a.dtype != b.dtype or a.shape != b.shape:
            return False
        return bool(np.array_equal(a, b, equal_nan=a.dtype.kind in "fc"))
    if type(a).__name__ == "Tensor":
        import torch

        return a.dtype == b.dtype and a.shape == b.shape and bool(torch.equal(a.detach(), b.detach()))
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    try:
        return bool(a == b)
    except Exception:
        return False


def _rng_state() -> tuple[Any, Any]:
    legacy = np.random.get_state()
    return (legacy[0], legacy[1].tobytes(), legacy[2:]), random.getstate()


def _arrays_in(value: Any) -> Iterator[np.ndarray]:
    if isinstance(value, np.ndarray):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _arrays_in(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _arrays_in(item)


def observe_call(
    fn: Callable[..., Any], args: tuple, kwargs: dict, options: CallOptions
) -> tuple[Any, CallReport]:
    """Call `fn` on copies of the arguments and report what the call did."""
    report = CallReport()
    call_args = [_snapshot(a) if _is_data(a) else a for a in args]
    call_kwargs = {k: (_snapshot(v) if _is_data(v) else v) for k, v in kwargs.items()}
    before = [_snapshot(a) if _is_data(a) else None for a in call_args]
    before_kw = {k: _snapshot(v) for k, v in call_kwargs.items() if _is_data(v)}
    rng_before = _rng_state() if options.check_global_rng else None

    result = None
    started = time.process_time()
    with contextlib.ExitStack() as stack:
        if options.warnings_as_errors:
            stack.enter_context(warnings.catch_warnings())
            warnings.simplefilter("error")
            stack.enter_context(np.errstate(over="raise", divide="raise", invalid="raise", under="ignore"))
        stack.enter_context(forbid_functions(*options.forbid))
        try:
            with time_limit(options.timeout):
                result = fn(*call_args, **call_kwargs)
        except CallTimeout:
            report.timed_out = True
        except ForbiddenCall as exc:
            report.forbidden = exc.name
        except (Warning, FloatingPointError) as exc:
            if options.warnings_as_errors:
                report.warning = type(exc).__name__
            else:
                _record_error(report, exc)
        except Exception as exc:
            _record_error(report, exc)
    report.cpu_seconds = time.process_time() - started

    if options.check_mutation:
        report.mutated = [i for i, (a, b) in enumerate(zip(call_args, before)) if b is not None and not _same(a, b)]
        if any(not _same(call_kwargs[k], v) for k, v in before_kw.items()):
            report.mutated.append(-1)
    if options.check_global_rng and rng_before is not None:
        after = _rng_state()
        report.global_rng_changed = not (
            rng_before[1] == after[1]
            and rng_before[0][0] == after[0][0]
            and rng_before[0][1] == after[0][1]
            and rng_before[0][2] == after[0][2]
        )
    if options.check_aliasing and report.error_type is None:
        inputs = [a for a in list(call_args) + list(call_kwargs.values())]
        report.aliased = [
            i
            for i, a in enumerate(inputs)
            if result is a or any(np.shares_memory(out, arr) for out in _arrays_in(result) for arr in _arrays_in(a))
        ]
    return result, report


def _record_error(report: CallReport, exc: BaseException) -> None:
    report.error_type = type(exc).__name__
    report.error_mro = [c.__name__ for c in type(exc).__mro__]
    report.error_message = str(exc)[:500]


# --------------------------------------------------------------------------------------------------
# The test-side API


def run_call(fn: Callable[..., Any], args: tuple, kwargs: dict, options: CallOptions) -> tuple[Any, CallReport]:
    """Call a student function, in this process or (for a proxy) in the sandboxed worker."""
    remote = getattr(type(fn), REMOTE_CALL, None)
    if remote is not None:
        result, report = remote(fn, args, kwargs, options)
        return result, report if isinstance(report, CallReport) else CallReport.from_dict(report)
    return observe_call(fn, args, kwargs, options)


def raise_for_report(report: CallReport, name: str) -> None:
    if report.timed_out:
        raise CheckFailure(f"{name} did not finish within its CPU time limit")
    if report.forbidden:
        raise CheckFailure(f"{name} called {report.forbidden}, which is not allowed in this exercise")
    if report.warning:
        raise CheckFailure(f"{name} raised a {report.warning}; this exercise must run without warnings")
    if report.error_type:
        raise StudentError(f"{name} raised {report.error_type}", report.error_message)
    if report.mutated:
        where = ", ".join("a keyword argument" if i < 0 else f"argument {i + 1}" for i in report.mutated)
        raise CheckFailure(f"{name} modified its input ({where}); functions must not change their arguments")
    if report.global_rng_changed:
        raise CheckFailure(
            f"{name} used the global random state (np.random.* or random.*); use only the rng argument"
        )
    if report.aliased:
        raise CheckFailure(f"{name} returned an object that shares memory with its input; return a new array")


def call_student(
    fn: Callable[..., Any],
    *args: Any,
    timeout: float = 1.0,
    check_mutation: bool = True,
    check_global_rng: bool = True,
    warnings_as_errors: bool = False,
    check_aliasing: bool = False,
    forbid: tuple[str, ...] | list[str] = (),
    **kwargs: Any,
) -> Any:
    """Call a student function under the universal checks; raise `CheckFailure` on any breach."""
    if fn is None or not callable(fn):
        raise CheckFailure("the graded function is not defined (run its cell, and keep its name)")
    options = CallOptions(timeout, check_mutation, check_global_rng, warnings_as_errors, check_aliasing, tuple(forbid))
    result, report = run_call(fn, args, kwargs, options)
    raise_for_report(report, getattr(fn, "__name__", "your function"))
    return result


def assert_raises(exc_type: type[BaseException], fn: Callable[..., Any], *args: Any, match: str | None = None,
                  **kwargs: Any) -> None:
    """The student's function raises `exc_type` (or a subclass) for spec-defined invalid input."""
    import re

    name = getattr(fn, "__name__", "your function")
    _, report = run_call(fn, args, kwargs, CallOptions(check_mutation=False, check_global_rng=False))
    if report.timed_out or report.forbidden:
        raise_for_report(report, name)
    if report.error_type is None:
        raise CheckFailure(f"{name} should raise {exc_type.__name__} for this invalid input, but returned")
    if exc_type.__name__ not in report.error_mro:
        raise CheckFailure(f"{name} should raise {exc_type.__name__} for this invalid input, not {report.error_type}")
    if match is not None and not re.search(match, report.error_message or ""):
        raise CheckFailure(f"{name} raised {exc_type.__name__}, but its message does not match {match!r}")


def spawn_rngs(exercise_id: str, k: int) -> list[np.random.Generator]:
    """`k` reproducible, independent generators for one exercise (seeded from its id)."""
    seed = int.from_bytes(hashlib.sha256(f"aimath:{exercise_id}".encode()).digest()[:8], "little")
    return [np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(k)]
