"""Core comparisons: tolerance rule, shapes, dtypes, inf/nan pattern, exact and structural checks."""

from functools import partial

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import array_shapes, arrays

from aimath import checks as C
from aimath.checks import CheckFailure

finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
float_arrays = arrays(np.float64, array_shapes(min_dims=0, max_dims=3, max_side=5), elements=finite)


def test_presets_follow_the_tiers():
    assert C.T0 is None
    assert C.T1 == {"rtol": 1e-10, "atol": 1e-12}
    assert C.T2 == {"rtol": 1e-8, "atol": 1e-10}
    assert C.T3 == {"rtol": 1e-5, "atol": 1e-8}
    assert C.T32 == {"rtol": 1e-5, "atol": 1e-6}


@settings(max_examples=60, deadline=None)
@given(float_arrays)
def test_assert_close_passes_identical_arrays(d):
    C.assert_close(d.copy(), d)


@settings(max_examples=60, deadline=None)
@given(float_arrays, st.floats(-0.01, 0.01))
def test_assert_close_passes_perturbations_well_inside_tolerance(d, u):
    # 1 % of the tolerance allowed at every entry
    tol = 1e-12 * max(1.0, float(np.abs(d).max(initial=0))) + 1e-10 * np.abs(d)
    C.assert_close(d + u * tol, d)


@settings(max_examples=60, deadline=None)
@given(arrays(np.float64, array_shapes(min_dims=1, max_dims=3, max_side=5), elements=finite),
       st.integers(0, 10**6), st.sampled_from([-1.0, 1.0]))
def test_assert_close_fails_perturbations_well_outside_tolerance(d, where, sign):
    tol = 1e-12 * max(1.0, float(np.abs(d).max())) + 1e-10 * np.abs(d)
    actual = d.copy()
    index = np.unravel_index(where % d.size, d.shape)
    actual[index] += sign * 100 * tol[index]
    with pytest.raises(CheckFailure, match="out of tolerance"):
        C.assert_close(actual, d)


def test_assert_close_message_names_worst_index_and_tolerance_but_no_values():
    desired = np.array([[1.2345678, 2.5], [3.75, 4.125], [5.5, 6.0625]])
    actual = desired.copy()
    actual[2, 1] += 3.1e-4
    actual[0, 0] += 1e-6
    with pytest.raises(CheckFailure) as info:
        C.assert_close(actual, desired, name="out")
    message = str(info.value)
    assert message.startswith("out: abs error 3.1e-04 at index (2, 1)")
    assert "atol 1.0e-12·scale + rtol 1.0e-10·|desired|" in message
    assert "2 of 6 entries" in message
    for value in desired.ravel():
        assert f"{value:g}" not in message and f"{value:.1e}" not in message


def test_atol_is_scaled_by_the_largest_reference_entry():
    desired = np.array([1e6, 0.0])
    C.assert_close(desired + np.array([0, 5e-7]), desired)  # 5e-7 ≤ 1e-12·1e6
    with pytest.raises(CheckFailure):
        C.assert_close(desired + np.array([0, 5e-6]), desired)


def test_reference_is_the_desired_side():
    # |a − d| ≤ rtol·|d|: passes with d large, fails with the roles swapped
    C.assert_close(np.array([0.0]), np.array([1.0]), rtol=1.0, atol=1e-12)
    with pytest.raises(CheckFailure):
        C.assert_close(np.array([1.0]), np.array([0.0]), rtol=1.0, atol=1e-12)


@pytest.mark.parametrize("actual", [np.ones((1, 5)), np.ones(()), np.ones((5, 1)), 1.0])
def test_assert_close_requires_the_exact_shape(actual):
    with pytest.raises(CheckFailure, match=r"does not match the expected shape$"):
        C.assert_close(actual, np.ones(5))


def test_shape_message_shows_only_the_actual_shape():
    with pytest.raises(CheckFailure) as info:
        C.assert_close(np.ones((1, 5)), np.ones((7, 3)))
    assert "(1, 5)" in str(info.value) and "7" not in str(info.value)


@pytest.mark.parametrize("actual", [np.ones(3, dtype=int), np.ones(3, dtype=bool), np.ones(3, dtype=complex)])
def test_assert_close_rejects_non_float_dtypes(actual):
    with pytest.raises(CheckFailure, match="is not floating point"):
        C.assert_close(actual, np.ones(3))


def test_dtype_kind_can_be_widened_or_skipped():
    C.assert_close(np.ones(3, dtype=int), np.ones(3), dtype_kind="iuf")
    C.assert_close(np.ones(3, dtype=int), np.ones(3), dtype_kind=None)
    C.assert_close(np.ones(3, dtype=np.float32), np.ones(3))


def test_assert_close_accepts_array_likes_and_tensors():
    C.assert_close([1.0, 2.0], np.array([1.0, 2.0]))
    C.assert_close(torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True) * 1, np.array([1.0, 2.0]))


def test_require_ndarray_rejects_lists_and_tensors():
    for actual in ([1.0, 2.0], torch.tensor([1.0, 2.0], dtype=torch.float64)):
        with pytest.raises(CheckFailure, match="expected a NumPy array"):
            C.assert_close(actual, np.array([1.0, 2.0]), require_ndarray=True)
    C.assert_close(np.array([1.0, 2.0]), [1.0, 2.0], require_ndarray=True)


@pytest.mark.parametrize("actual", ["abc", None, [[1.0], [1.0, 2.0]], {"a": 1}])
def test_unreadable_output_fails_cleanly(actual):
    with pytest.raises(CheckFailure, match="could not be read"):
        C.assert_close(actual, np.ones(2))


def test_nonfinite_pattern_must_match():
    desired = np.array([1.0, np.inf, -np.inf, np.nan])
    C.assert_close(desired.copy(), desired)
    for index, value in [(0, np.nan), (1, -np.inf), (2, 1e308), (3, 0.0)]:
        actual = desired.copy()
        actual[index] = value
        with pytest.raises(CheckFailure, match=f"inf/nan entries differs .* at index {index}"):
            C.assert_close(actual, desired)


def test_nonfinite_ignore_skips_reference_nonfinite_entries_only():
    desired = np.array([1.0, np.nan])
    C.assert_close(np.array([1.0, 5.0]), desired, allow_nonfinite="ignore")
    with pytest.raises(CheckFailure, match="non-finite entry at index 0"):
        C.assert_close(np.array([np.inf, 5.0]), desired, allow_nonfinite="ignore")


def test_complex_values_compare_by_modulus():
    d = np.array([1 + 1j, 2 - 1j])
    C.assert_close(d + 1e-12, d, dtype_kind="c")
    with pytest.raises(CheckFailure):
        C.assert_close(d + 1e-6j, d, dtype_kind="c")


def test_empty_arrays_pass():
    C.assert_close(np.zeros((0, 3)), np.zeros((0, 3)))


# --- assert_scalar_close -----------------------------------------------------------------------------


@pytest.mark.parametrize("actual", [2.0, np.float64(2.0), np.array(2.0), 2, np.int64(2), torch.tensor(2.0)])
def test_scalar_close_accepts_scalar_forms(actual):
    C.assert_scalar_close(actual, 2.0)


@pytest.mark.parametrize("actual, match", [
    (np.array([2.0]), r"expected a scalar, got an array of shape \(1,\)"),
    ([2.0], "expected a scalar"),
    (True, "got a bool"),
    (np.bool_(True), "got a bool"),
    (2.0 + 0j, "is not"),
    (2.1, "abs error"),
])
def test_scalar_close_rejects(actual, match):
    with pytest.raises(CheckFailure, match=match):
        C.assert_scalar_close(actual, 2.0, **C.T1)


def test_scalar_close_message_has_no_index_and_no_value():
    with pytest.raises(CheckFailure) as info:
        C.assert_scalar_close(1.5, 1.234567, name="loss")
    assert str(info.value).startswith("loss: abs error 2.7e-01 exceeds")
    assert "1.23" not in str(info.value)


# --- assert_exact ------------------------------------------------------------------------------------


def test_exact_passes_equal_nested_structures():
    value = {"labels": np.array([0, 2, 1]), "shape": (3, 4), "mask": np.array([True, False]), "tag": "ok"}
    C.assert_exact({**value, "labels": np.array([0, 2, 1], dtype=np.uint8), "shape": [3, 4]}, value)
    C.assert_exact(np.array([1.0, np.nan]), np.array([1.0, np.nan]))
    C.assert_exact(None, None)


@pytest.mark.parametrize("actual, desired, match", [
    (np.array([1, 0]), np.array([True, False]), "is not bool"),
    (np.array([True, False]), np.array([1, 0]), "is not integer"),
    (np.array([0, 1, 2, 4]), np.array([0, 1, 2, 3]), "at index 3 .1 of 4 entries differ"),
    ((3, 5), (3, 4), r"output\[1\]: value differs"),
    ((3,), (3, 4), "has 1 items"),
    ({"a": 1, "b": 2}, {"a": 1, "c": 2}, r"unexpected: \['b'\]; missing: 1"),
    ([1, 2], {"a": 1}, "expected a dict"),
    ("abd", "abc", "string differs"),
    (0, None, "expected None"),
    (np.zeros((2, 2), int), np.zeros(4, int), "shape"),
])
def test_exact_rejects(actual, desired, match):
    with pytest.raises(CheckFailure, match=match):
        C.assert_exact(actual, desired)


def test_exact_message_does_not_show_expected_labels():
    with pytest.raises(CheckFailure) as info:
        C.assert_exact(np.array([7, 7, 7]), np.array([7, 123456, 7]), name="labels")
    assert "123456" not in str(info.value)


# --- assert_shape / assert_structure -----------------------------------------------------------------


def test_assert_shape_with_wildcards():
    C.assert_shape(np.zeros((3, 4)), (None, 4))
    C.assert_shape(torch.zeros(2, 5), (2, 5))
    C.assert_shape(1.0, ())
    for shape in [(3,), (3, 5), (None, 4, 1)]:
        with pytest.raises(CheckFailure, match=r"shape \(3, 4\) does not match the expected shape$"):
            C.assert_shape(np.zeros((3, 4)), shape)


def test_assert_structure_uses_one_comparator_per_leaf():
    template = {"mean": np.array([1.0, 2.0]), "n": 3}
    comparators = {"mean": partial(C.assert_close, **C.T1), "n": C.assert_exact}
    C.assert_structure({"mean": np.array([1.0, 2.0]), "n": 3}, template, comparators)
    with pytest.raises(CheckFailure, match=r"out\['mean'\]: abs error"):
        C.assert_structure({"mean": np.array([1.0, 2.1]), "n": 3}, template, comparators, name="out")
    with pytest.raises(CheckFailure, match=r"output\['n'\]: expected a int, got str"):
        C.assert_structure({"mean": np.array([1.0, 2.0]), "n": "3"}, template, comparators)
    with pytest.raises(CheckFailure, match="keys differ"):
        C.assert_structure({"mean": np.array([1.0, 2.0])}, template, comparators)


def test_assert_structure_on_tuples_names_failing_position_even_without_name_parameter():
    template = (np.array([1.0]), 2.0)

    def strict(a, d):
        if a != d:
            raise CheckFailure("wrong")

    C.assert_structure((np.array([1.0]), np.float64(2.0)), template, {0: C.assert_close, 1: strict})
    with pytest.raises(CheckFailure, match=r"output\[1\]: wrong"):
        C.assert_structure([np.array([1.0]), 3.0], template, {0: C.assert_close, 1: strict})
    with pytest.raises(CheckFailure, match=r"output\[0\]: expected a ndarray, got list"):
        C.assert_structure(([1.0], 2.0), template, {0: C.assert_close, 1: strict})
    with pytest.raises(CheckFailure, match="has 1 items"):
        C.assert_structure((np.array([1.0]),), template, {0: C.assert_close, 1: strict})


def test_assert_structure_needs_a_comparator_for_every_leaf():
    with pytest.raises(ValueError, match="no comparator"):
        C.assert_structure((1, 2), (1, 2), {0: C.assert_exact})
