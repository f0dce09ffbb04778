"""Core comparisons (curriculum §3.2, §6.1): tolerance tiers, exact and structural checks.

Every check takes the reference as `desired` (the tolerance rule is asymmetric) and reports what was
compared, where it missed most and by how much, never the expected values themselves.
"""

from __future__ import annotations

import inspect
import numbers
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from .errors import CheckFailure

# Tolerance tiers of §3.2; every atol is multiplied by scale = max(1, max|desired|).
# T0 (exact) has no tolerances: use `assert_exact`. It is None so that `**T0` fails loudly instead of
# silently meaning some float tolerance.
T0 = None
T1: dict[str, float] = {"rtol": 1e-10, "atol": 1e-12}
T2: dict[str, float] = {"rtol": 1e-8, "atol": 1e-10}
T3: dict[str, float] = {"rtol": 1e-5, "atol": 1e-8}
T32: dict[str, float] = {"rtol": 1e-5, "atol": 1e-6}

_KIND_NAMES = {"b": "bool", "i": "integer", "u": "integer", "f": "floating point", "c": "complex"}


# --------------------------------------------------------------------------------------------------
# Shared private helpers (used by every module of the package)


def _is_tensor(x: Any) -> bool:
    return type(x).__module__.startswith("torch") and hasattr(x, "detach")


def _is_number(x: Any) -> bool:
    """A Python/NumPy number or a SymPy number (e.g. sqrt(3)): something `float()`/`complex()` accepts."""
    return isinstance(x, numbers.Number) or getattr(x, "is_number", False) is True


def _as_array(x: Any, name: str) -> np.ndarray:
    """`x` as a NumPy array (torch tensors via `.detach().cpu().numpy()`); CheckFailure if not numeric."""
    if _is_tensor(x):
        return x.detach().cpu().numpy()
    try:
        arr = np.asarray(x)
    except (ValueError, TypeError):
        raise CheckFailure(f"{name}: could not be read as a numeric array (got {type(x).__name__})") from None
    if arr.dtype.kind == "O" and all(_is_number(e) for e in arr.flat):  # e.g. SymPy numbers
        for dtype in (float, complex):
            try:
                return arr.astype(dtype)
            except (TypeError, ValueError):
                continue
    if arr.dtype.kind not in "biufc":
        raise CheckFailure(f"{name}: could not be read as a numeric array (got {type(x).__name__})")
    return arr


def _fmt_index(index: tuple[int, ...]) -> str:
    if len(index) == 1:
        return f" at index {index[0]}"
    return f" at index {tuple(int(i) for i in index)}" if index else ""


def _scale(desired: np.ndarray) -> float:
    """max(1, max|desired|) over the finite entries: the multiplier of every atol."""
    finite = np.abs(desired[np.isfinite(desired)])
    return max(1.0, float(finite.max())) if finite.size else 1.0


def _check_shape(actual: np.ndarray, shape: tuple[int, ...], name: str) -> None:
    if actual.shape != tuple(shape):
        raise CheckFailure(f"{name}: shape {actual.shape} does not match the expected shape")


def _check_kind(actual: np.ndarray, kinds: str, name: str) -> None:
    if actual.dtype.kind not in kinds:
        wanted = " or ".join(sorted({_KIND_NAMES[k] for k in kinds}))
        raise CheckFailure(f"{name}: dtype {actual.dtype} is not {wanted}")


def _compare_values(
    a: np.ndarray, d: np.ndarray, *, rtol: float, atol: float, name: str, allow_nonfinite: str = "match"
) -> None:
    """abs(a − d) ≤ atol·scale + rtol·abs(d) entrywise, after the inf/nan pattern check."""
    if allow_nonfinite not in ("match", "ignore"):
        raise ValueError("allow_nonfinite must be 'match' or 'ignore'")
    d = d.astype(np.result_type(d.dtype, np.float64))
    a = a.astype(np.result_type(a.dtype, np.float64))
    d_finite = np.isfinite(d)
    if allow_nonfinite == "match":
        a_nan, d_nan = np.isnan(a), np.isnan(d)
        same_pattern = (a_nan == d_nan) & (np.isfinite(a) == d_finite)
        same_pattern &= d_finite | d_nan | (a == d)  # infinities must also agree in sign
        if not same_pattern.all():
            index = tuple(np.argwhere(~same_pattern)[0])
            got = "nan" if np.isnan(a[index]) else ("inf" if np.isinf(a[index]) else "a finite value")
            raise CheckFailure(
                f"{name}: the pattern of inf/nan entries differs from the expected one{_fmt_index(index)} "
                f"(got {got})"
            )
    checked = d_finite
    if allow_nonfinite == "ignore":
        bad = checked & ~np.isfinite(a)
        if bad.any():
            index = tuple(np.argwhere(bad)[0])
            raise CheckFailure(f"{name}: non-finite entry{_fmt_index(index)} where a finite value is expected")
    with np.errstate(invalid="ignore", over="ignore", divide="ignore"):
        err = np.where(checked, np.abs(a - d), 0.0)
        tol = atol * _scale(d) + rtol * np.where(checked, np.abs(d), 0.0)
        failing = err > tol
        ratio = np.where(failing, err / tol, 0.0)
    if failing.any():
        index = np.unravel_index(int(np.argmax(ratio)), a.shape)
        raise CheckFailure(
            f"{name}: abs error {err[index]:.1e}{_fmt_index(index)} exceeds atol {atol:.1e}·scale + "
            f"rtol {rtol:.1e}·|desired| ({int(failing.sum())} of {a.size} entries out of tolerance)"
        )


def _call_comparator(comparator: Callable[..., Any], actual: Any, desired: Any, name: str) -> None:
    """Run comparator(actual, desired), naming the compared part in its failure message."""
    try:
        accepts_name = "name" in inspect.signature(comparator).parameters
    except (TypeError, ValueError):
        accepts_name = False
    if accepts_name:
        comparator(actual, desired, name=name)
        return
    try:
        comparator(actual, desired)
    except CheckFailure as exc:
        raise CheckFailure(f"{name}: {exc}") from None


# --------------------------------------------------------------------------------------------------
# Public comparisons


def assert_close(
    actual: Any,
    desired: Any,
    *,
    rtol: float = 1e-10,
    atol: float = 1e-12,
    name: str = "output",
    dtype_kind: str | None = "f",
    allow_nonfinite: str = "match",
    require_ndarray: bool = False,
) -> None:
    """`actual` matches the reference `desired` within abs(a−d) ≤ atol·scale + rtol·abs(d).

    Unlike `np.testing.assert_allclose`: exact shape match (no broadcasting of a scalar reference),
    dtype kind check (`dtype_kind` lists the allowed kinds, "f" = floating point; ints and bools are
    not float; None skips), inf/nan entries must sit where the reference has them
    (`allow_nonfinite="ignore"` skips entries where the reference is not finite instead), and atol is
    scaled by max(1, max|desired|). `require_ndarray=True` rejects anything but an `np.ndarray` (a list
    where the spec promises an array).
    """
    if require_ndarray and type(actual) is not np.ndarray:
        raise CheckFailure(f"{name}: expected a NumPy array (np.ndarray), got {type(actual).__name__}")
    a = _as_array(actual, name)
    d = _as_array(desired, "reference")
    _check_shape(a, d.shape, name)
    if dtype_kind is not None:
        _check_kind(a, dtype_kind, name)
    _compare_values(a, d, rtol=rtol, atol=atol, name=name, allow_nonfinite=allow_nonfinite)


def assert_scalar_close(
    actual: Any, desired: Any, *, rtol: float = 1e-10, atol: float = 1e-12, name: str = "output"
) -> None:
    """A scalar result (Python number, NumPy scalar or 0-d array; not shape (1,), not bool) matches."""
    if isinstance(actual, (bool, np.bool_)):
        raise CheckFailure(f"{name}: expected a number, got a bool")
    a = _as_array(actual, name)
    if a.ndim != 0:
        raise CheckFailure(f"{name}: expected a scalar, got an array of shape {a.shape}")
    d = _as_array(desired, "reference")
    if d.ndim != 0:
        raise ValueError("assert_scalar_close needs a scalar reference")
    _check_kind(a, "iufc" if d.dtype.kind == "c" else "iuf", name)
    _compare_values(a, d, rtol=rtol, atol=atol, name=name)


def _kind_class(kind: str) -> str:
    return "i" if kind == "u" else kind


def assert_exact(actual: Any, desired: Any, *, name: str = "output") -> None:
    """T0: exact equality of ints, bools, labels, masks, shapes, strings, and tuples/lists/dicts of them.

    Array dtype kinds must agree (a bool mask is not an int array; signed/unsigned ints are the same
    kind); containers are compared recursively, a tuple and a list being interchangeable.
    """
    if desired is None:
        if actual is not None:
            raise CheckFailure(f"{name}: expected None, got {type(actual).__name__}")
        return
    if isinstance(desired, Mapping):
        if not isinstance(actual, Mapping):
            raise CheckFailure(f"{name}: expected a dict, got {type(actual).__name__}")
        extra = sorted(map(str, set(actual) - set(desired)))
        missing = len(set(desired) - set(actual))
        if extra or missing:
            raise CheckFailure(f"{name}: keys differ (unexpected: {extra}; missing: {missing} key(s))")
        for key in desired:
            assert_exact(actual[key], desired[key], name=f"{name}[{key!r}]")
        return
    if isinstance(desired, (tuple, list)):
        if not isinstance(actual, (tuple, list)):
            raise CheckFailure(f"{name}: expected a {type(desired).__name__}, got {type(actual).__name__}")
        if len(actual) != len(desired):
            raise CheckFailure(f"{name}: has {len(actual)} items; the expected number differs")
        for i, (a_item, d_item) in enumerate(zip(actual, desired)):
            assert_exact(a_item, d_item, name=f"{name}[{i}]")
        return
    if isinstance(desired, str):
        if not isinstance(actual, str):
            raise CheckFailure(f"{name}: expected a str, got {type(actual).__name__}")
        if actual != desired:
            raise CheckFailure(f"{name}: the string differs from the expected one")
        return
    a = _as_array(actual, name)
    d = _as_array(desired, "reference")
    _check_shape(a, d.shape, name)
    if _kind_class(a.dtype.kind) != _kind_class(d.dtype.kind):
        raise CheckFailure(f"{name}: dtype {a.dtype} is not {_KIND_NAMES[d.dtype.kind]}")
    equal = a == d
    if d.dtype.kind in "fc":
        equal |= np.isnan(a) & np.isnan(d)
    differ = ~equal
    if differ.any():
        index = tuple(np.argwhere(differ)[0])
        count = f" ({int(differ.sum())} of {a.size} entries differ)" if a.ndim else ""
        raise CheckFailure(f"{name}: value differs from the expected one{_fmt_index(index)}{count}")


def assert_shape(x: Any, shape: Sequence[int | None], *, name: str = "output") -> None:
    """`x` has `shape`, where None entries match any length (like `d2l.check_shape`)."""
    actual = tuple(int(n) for n in (x.shape if hasattr(x, "shape") else np.shape(x)))
    if len(actual) != len(shape) or any(w is not None and w != n for n, w in zip(actual, shape)):
        raise CheckFailure(f"{name}: shape {actual} does not match the expected shape")


def _same_leaf_type(actual: Any, template: Any) -> bool:
    if isinstance(template, np.ndarray):
        return isinstance(actual, np.ndarray)
    if _is_tensor(template):
        return _is_tensor(actual)
    if isinstance(template, (bool, np.bool_)):
        return isinstance(actual, (bool, np.bool_))
    if isinstance(template, (numbers.Number, np.generic)):
        is_number = isinstance(actual, (numbers.Number, np.generic)) and not isinstance(actual, (bool, np.bool_))
        return is_number or (isinstance(actual, np.ndarray) and actual.ndim == 0)
    return isinstance(actual, type(template))


def assert_structure(
    actual: Any,
    template: Any,
    comparators: Mapping[Any, Callable[..., Any]],
    *,
    name: str = "output",
) -> None:
    """A dict or tuple return: same keys (or length) and leaf types as `template`, then
    `comparators[key](actual[key], template[key])` per leaf.

    `template` is the reference's return value; every key (or position) needs a comparator, so that
    no leaf is compared by accident with the wrong tier.
    """
    if isinstance(template, Mapping):
        if not isinstance(actual, Mapping):
            raise CheckFailure(f"{name}: expected a dict, got {type(actual).__name__}")
        keys = list(template)
        extra = sorted(map(str, set(actual) - set(template)))
        missing = len(set(template) - set(actual))
        if extra or missing:
            raise CheckFailure(f"{name}: keys differ (unexpected: {extra}; missing: {missing} key(s))")
    elif isinstance(template, (tuple, list)):
        if not isinstance(actual, (tuple, list)):
            raise CheckFailure(f"{name}: expected a tuple, got {type(actual).__name__}")
        if len(actual) != len(template):
            raise CheckFailure(f"{name}: has {len(actual)} items; the expected number differs")
        keys = list(range(len(template)))
    else:
        raise ValueError("assert_structure needs a dict, tuple or list template")
    uncovered = [k for k in keys if k not in comparators]
    if uncovered:
        raise ValueError(f"assert_structure: no comparator for {uncovered}")
    for key in keys:
        leaf_name = f"{name}[{key!r}]"
        if not _same_leaf_type(actual[key], template[key]):
            raise CheckFailure(
                f"{leaf_name}: expected a {type(template[key]).__name__}, got {type(actual[key]).__name__}"
            )
        _call_comparator(comparators[key], actual[key], template[key], leaf_name)
