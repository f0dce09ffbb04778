"""Calling student code: the universal checks of §6.2 observe what the call did."""

import random
import time
import warnings

import numpy as np
import pytest
import torch

from aimath import checks as C
from aimath.checks import CheckFailure, StudentError
from aimath.checks.calling import CallTimeout


def busy(seconds):
    """Spin for `seconds` of CPU time; returns normally only if nobody interrupted it."""
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass
    return "not interrupted"


def test_call_student_returns_the_result_of_a_clean_call():
    assert C.call_student(lambda x, k=1: x.sum() * k, np.ones(3), k=2) == 6.0


def test_arguments_are_copies_so_the_callers_data_is_safe():
    x = np.arange(3.0)

    def clobber(v):
        v[0] = 99.0
        return v

    with pytest.raises(CheckFailure, match=r"modified its input \(argument 1\)"):
        C.call_student(clobber, x)
    assert x[0] == 0.0


@pytest.mark.parametrize("mutate, match", [
    (lambda a, opts: a.__setitem__(slice(None), a[::-1]), "argument 1"),
    (lambda a, opts: opts["items"].append(1), "a keyword argument"),
    (lambda a, opts: opts["items"].__setitem__(0, 0.0), "a keyword argument"),  # 0 -> 0.0: same value, new type
])
def test_mutation_of_values_types_and_keyword_arguments_is_reported(mutate, match):
    with pytest.raises(CheckFailure, match=match):
        C.call_student(mutate, np.arange(4.0), opts={"items": [0]})
    C.call_student(mutate, np.arange(4.0), opts={"items": [0]}, check_mutation=False)


def test_global_rng_use_is_reported_and_the_rng_argument_is_fine():
    with pytest.raises(CheckFailure, match="used the global random state"):
        C.call_student(lambda n: np.random.rand(n), 3)
    with pytest.raises(CheckFailure, match="used the global random state"):
        C.call_student(lambda n: [random.random() for _ in range(n)], 3)
    C.call_student(lambda rng, n: rng.standard_normal(n), np.random.default_rng(0), 3)
    C.call_student(lambda n: np.random.rand(n), 3, check_global_rng=False)


def test_warnings_as_errors():
    def unsafe_log(p):
        return np.log(p)

    with pytest.warns(RuntimeWarning):
        assert C.call_student(unsafe_log, np.array([0.0, 1.0]))[0] == -np.inf
    with pytest.raises(CheckFailure, match="raised a FloatingPointError; this exercise must run without warnings"):
        C.call_student(unsafe_log, np.array([0.0, 1.0]), warnings_as_errors=True)

    def warns():
        warnings.warn("careful", RuntimeWarning, stacklevel=1)
        return 1

    with pytest.raises(CheckFailure, match="raised a RuntimeWarning"):
        C.call_student(warns, warnings_as_errors=True)
    assert C.call_student(np.log1p, np.array([1e-20]), warnings_as_errors=True)[0] == 1e-20


def test_aliasing_is_reported_only_when_asked():
    x = np.arange(4.0)
    with pytest.raises(CheckFailure, match="shares memory with its input"):
        C.call_student(lambda v: v, x, check_aliasing=True)
    with pytest.raises(CheckFailure, match="shares memory"):
        C.call_student(lambda v: (v[:2], 1), x, check_aliasing=True)
    C.call_student(lambda v: v.copy(), x, check_aliasing=True)
    C.call_student(lambda v: v, x)


def test_timeout_stops_an_infinite_loop():
    def forever():
        while True:
            pass

    start = time.process_time()
    with pytest.raises(CheckFailure, match="did not finish within its CPU time limit"):
        C.call_student(forever, timeout=0.2)
    assert time.process_time() - start < 2


def test_timeout_is_not_catchable_by_the_student():
    def stubborn():
        try:
            busy(5)
        except Exception:
            return "caught"

    with pytest.raises(CheckFailure, match="did not finish"):
        C.call_student(stubborn, timeout=0.1)


def test_nested_time_limits_keep_the_outer_budget():
    with pytest.raises(CallTimeout):
        with C.time_limit(0.2):
            with C.time_limit(0.05):
                pass
            busy(3)  # the outer limit must still fire after the inner block ended
    with pytest.raises(CallTimeout):
        with C.time_limit(0.2):
            with C.time_limit(10):
                busy(3)  # the inner block cannot outlive the outer budget


def test_time_limit_as_a_decorator():
    @C.time_limit(0.1)
    def spin():
        return busy(3)

    with pytest.raises(CallTimeout):
        spin()


def test_forbidden_functions_fail_and_are_restored():
    original = np.linalg.qr

    def uses_qr(A):
        return np.linalg.qr(A)[0]

    with pytest.raises(CheckFailure, match="called numpy.linalg.qr, which is not allowed in this exercise"):
        C.call_student(uses_qr, np.eye(3), forbid=("numpy.linalg.qr", "no.such.module.fn"))
    assert np.linalg.qr is original
    C.call_student(uses_qr, np.eye(3), forbid=["scipy.linalg.lu"])


def test_student_exceptions_become_feedback():
    def broken(x):
        raise KeyError("bad key")

    with pytest.raises(StudentError, match="broken raised KeyError: 'bad key'") as info:
        C.call_student(broken, 1)
    assert info.value.safe_message == "broken raised KeyError"
    with pytest.raises(CheckFailure, match="the graded function is not defined"):
        C.call_student(None, 1)


def test_tensor_arguments_keep_requires_grad():
    x = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)

    def grad_of_square_sum(t):
        (t**2).sum().backward()
        return t.grad

    assert torch.equal(C.call_student(grad_of_square_sum, x), torch.tensor([2.0, 4.0], dtype=torch.float64))
    assert x.grad is None  # the caller's tensor was not touched


def test_assert_raises():
    def validate(x):
        if x < 0:
            raise ValueError("x must be non-negative")
        return x

    C.assert_raises(ValueError, validate, -1)
    C.assert_raises(ValueError, validate, -1, match="non-negative")
    C.assert_raises(Exception, validate, -1)
    with pytest.raises(CheckFailure, match="should raise ValueError for this invalid input, but returned"):
        C.assert_raises(ValueError, validate, 1)
    with pytest.raises(CheckFailure, match="should raise TypeError for this invalid input, not ValueError"):
        C.assert_raises(TypeError, validate, -1)
    with pytest.raises(CheckFailure, match="does not match"):
        C.assert_raises(ValueError, validate, -1, match="positive!")


def test_assert_raises_reports_a_timeout_as_a_timeout():
    def forever(x):
        while True:
            pass

    with pytest.raises(CheckFailure, match="did not finish within its CPU time limit"):
        C.assert_raises(ValueError, forever, -1)


def test_spawn_rngs_are_reproducible_and_independent():
    first = [rng.integers(10**12) for rng in C.spawn_rngs("07.5", 3)]
    again = [rng.integers(10**12) for rng in C.spawn_rngs("07.5", 3)]
    other = [rng.integers(10**12) for rng in C.spawn_rngs("07.6", 3)]
    assert first == again
    assert len(set(first)) == 3 and not set(first) & set(other)
    assert [rng.integers(10**12) for rng in C.spawn_rngs("07.5", 5)][:3] == first
