"""Symbolic checks (curriculum §6.6): SymPy answers are judged by mathematical equivalence.

`==` in SymPy is structural and `simplify(a − b) == 0` misses true identities, while `.equals()`
returned different answers in different processes during calibration (§4). So the decision is made
by evaluating both expressions at 30 digits on points sampled, with a fixed seed, from each symbol's
stated domain or assumptions. SymPy is imported lazily: `import aimath.checks` stays fast.
"""

from __future__ import annotations

import math
import typing
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from .calling import CallTimeout, time_limit
from .compare import assert_close
from .errors import CheckFailure

_SEED = 20240601  # fixed: the same answer always meets the same sample points
_REAL_RANGE = (-3.0, 3.0)
_LOG10_RANGE = (-2.0, 2.0)  # positive symbols: log-uniform on [1e-2, 1e2]
_INT_RANGE = (-10, 10)


def _is_sympy(obj: Any) -> bool:
    return type(obj).__module__.startswith("sympy")


def _free_symbols(objs: Iterable[Any]) -> list[Any]:
    """The scalar Symbols in SymPy objects (also inside lists/tuples), sorted for determinism.

    Imports SymPy only when there are symbols, so numeric callers stay free of it.
    """
    found: set[Any] = set()
    for obj in objs:
        if isinstance(obj, (list, tuple)):
            found |= set(_free_symbols(obj))
        elif _is_sympy(obj):
            found |= {s for s in getattr(obj, "free_symbols", ()) if s.is_Symbol}
    if not found:
        return []
    import sympy

    return sorted(found, key=sympy.default_sort_key)


def _sample_value(symbol: Any, domain: tuple[float, float] | None, rng: np.random.Generator) -> Any:
    """One value for `symbol`: inside its domain if given (open interval), else from its assumptions."""
    import sympy

    if symbol.is_integer:
        lo, hi = _INT_RANGE
        if domain is not None:
            lo, hi = max(lo, math.ceil(domain[0])), min(hi, math.floor(domain[1]))
        if symbol.is_positive:
            lo = max(lo, 1)
        elif symbol.is_nonnegative:
            lo = max(lo, 0)
        elif symbol.is_negative:
            hi = min(hi, -1)
        elif symbol.is_nonpositive:
            hi = min(hi, 0)
        return sympy.Integer(int(rng.integers(lo, hi + 1)))
    log_uniform = 10 ** rng.uniform(*_LOG10_RANGE)
    if domain is not None:
        lo, hi = map(float, domain)
        if math.isfinite(lo) and math.isfinite(hi):
            value = lo + (hi - lo) * rng.uniform(0.01, 0.99)
        elif math.isfinite(lo):
            value = lo + log_uniform
        elif math.isfinite(hi):
            value = hi - log_uniform
        else:
            value = rng.uniform(*_REAL_RANGE)
    elif symbol.is_positive or symbol.is_nonnegative:
        value = log_uniform
    elif symbol.is_negative or symbol.is_nonpositive:
        value = -log_uniform
    else:
        value = rng.uniform(*_REAL_RANGE)
    return sympy.Float(value, 30)


def _sample_points(
    symbols: list[Any], domains: Mapping[Any, tuple[float, float]] | None, rng: np.random.Generator, count: int
) -> list[dict[Any, Any]]:
    domains = domains or {}
    return [{s: _sample_value(s, domains.get(s), rng) for s in symbols} for _ in range(count)]


def _evaluate(expr: Any, point: Mapping[Any, Any] | None, dps: int = 30) -> complex:
    """The value of `expr` at `point` (evaluated at `dps` digits), or nan where it is undefined."""
    import sympy

    try:
        value = sympy.N(expr, dps, subs=dict(point)) if point else sympy.N(expr, dps)
        return complex(value)
    except (TypeError, ValueError, ArithmeticError, sympy.SympifyError):
        return complex(math.nan)


def _as_sympy(obj: Any) -> Any:
    """A SymPy object, a Python number made SymPy, or None for anything else (strings included)."""
    import sympy

    if isinstance(obj, sympy.MatrixBase):
        return sympy.ImmutableMatrix(obj)
    if isinstance(obj, sympy.Basic):
        return obj
    if isinstance(obj, (int, float, complex)) and not isinstance(obj, bool):
        return sympy.sympify(obj)
    return None


def _elements(obj: Any) -> tuple[tuple[int, ...], list[Any]]:
    import sympy

    if isinstance(obj, sympy.MatrixBase):
        return obj.shape, list(obj)
    return (), [obj]


def _numeric_verdict(
    got: list[Any], want: list[Any], domains: Mapping[Any, tuple[float, float]] | None, n_points: int,
    rtol: float, dps: int
) -> str | None:
    """None if ≥ n_points sampled points (where the reference is defined and real) agree."""
    symbols = _free_symbols(got + want)
    needed = n_points if symbols else 1
    floor = 10.0 ** (10 - dps)  # values this small count as zero: evalf noise of exact zeros
    rng = np.random.default_rng(_SEED)
    valid = 0
    for point in _sample_points(symbols, domains, rng, 10 * needed):
        ref_values = [_evaluate(r, point, dps) for r in want]
        if not all(np.isfinite(r) and abs(r.imag) <= 1e-12 * max(1.0, abs(r)) for r in ref_values):
            continue  # outside the reference's domain
        for g, r in zip(got, ref_values):
            value = _evaluate(g, point, dps)
            if not np.isfinite(value):
                return "is undefined at a sampled point where the expected expression is defined"
            if abs(value - r) > rtol * abs(r) + floor:
                return "differs at a sampled point"
        valid += 1
        if valid >= needed:
            return None
    return "could not be confirmed: too few sample points where the expected expression is defined"


def _simplifies_to_zero(got: list[Any], want: list[Any], timeout: float) -> bool:
    import sympy

    try:
        with time_limit(timeout):
            return all(sympy.simplify(g - r) == 0 for g, r in zip(got, want))
    except CallTimeout:
        return False


def _verdict(
    expr: Any, ref: Any, domains: Mapping[Any, tuple[float, float]] | None, n_points: int, rtol: float,
    dps: int, timeout: float
) -> str | None:
    """None if `expr` equals `ref`, else a student-safe reason.

    Order: structural `==`; numeric sampling; when sampling does not confirm equality,
    `simplify(expr − ref) == 0` under `timeout`. The outcome is the same as trying simplify first,
    but a correct answer never pays for simplify.
    """
    got, want = _as_sympy(expr), _as_sympy(ref)
    if got is None:
        return f"is not a SymPy expression (got {type(expr).__name__})"
    if want is None:
        raise ValueError("the reference must be a SymPy expression or matrix")
    got_shape, got_items = _elements(got)
    want_shape, want_items = _elements(want)
    if got_shape != want_shape:
        return "does not have the expected shape" if want_shape else "is a matrix; a scalar expression is expected"
    if got == want:
        return None
    reason = _numeric_verdict(got_items, want_items, domains, n_points, rtol, dps)
    if reason is None or _simplifies_to_zero(got_items, want_items, timeout):
        return None
    clashes = _name_clashes(_free_symbols([got]), _free_symbols([want]))
    return reason + clashes


def _name_clashes(used: list[Any], expected: list[Any]) -> str:
    """A hint when the answer uses a symbol named like an exercise symbol but with other assumptions."""
    names = {str(s) for s in expected}
    clashes = sorted({str(s) for s in used if str(s) in names and s not in expected})
    if not clashes:
        return ""
    return (f" (the symbol(s) {', '.join(clashes)} are not the exercise's: they were created with different "
            "assumptions; use the symbols the stub defines)")


def sympy_equal(
    expr: Any,
    ref: Any,
    *,
    domains: Mapping[Any, tuple[float, float]] | None = None,
    n_points: int = 20,
    rtol: float = 1e-9,
    dps: int = 30,
    timeout: float = 5.0,
) -> bool:
    """True iff `expr` is mathematically equal to `ref` on the stated domains.

    Structural `==` first; then ≥ `n_points` points sampled (fixed seed) from `domains[symbol]`
    (open intervals; SymPy has no interval assumption) or from the assumptions (positive:
    log-uniform [1e-2, 1e2], negative: its mirror, integer: ints in [−10, 10], otherwise uniform
    [−3, 3]) must agree within rtol at `dps` digits, skipping points where the reference is undefined
    or not real; any disagreement fails unless `simplify(expr − ref) == 0` (within `timeout` CPU
    seconds). `.equals()` is never used: it gave wrong and nondeterministic answers in calibration.
    Matrices are compared entrywise.
    """
    return _verdict(expr, ref, domains, n_points, rtol, dps, timeout) is None


def assert_sympy_equal(
    expr: Any,
    ref: Any,
    *,
    domains: Mapping[Any, tuple[float, float]] | None = None,
    name: str = "expression",
    n_points: int = 20,
    rtol: float = 1e-9,
    dps: int = 30,
    timeout: float = 5.0,
) -> None:
    """`sympy_equal` as a check; the failure names no point or value ("differs at a sampled point")."""
    reason = _verdict(expr, ref, domains, n_points, rtol, dps, timeout)
    if reason is not None:
        raise CheckFailure(f"{name}: {reason}")


def _well_conditioned(rng: np.random.Generator, shape: tuple[int, int]) -> np.ndarray:
    """A random non-symmetric matrix with singular values in [1, 2] (so its condition number ≤ 2)."""
    m, n = shape
    left, _ = np.linalg.qr(rng.standard_normal((m, m)))
    right, _ = np.linalg.qr(rng.standard_normal((n, n)))
    k = min(m, n)
    return (left[:, :k] * rng.uniform(1.0, 2.0, k)) @ right[:, :k].T


def _evaluate_matrix_expr(expr: Any, values: Mapping[Any, Any], name: str) -> np.ndarray:
    """`expr` with `values` substituted, as a float (or complex) array; CheckFailure if not numeric."""
    import sympy

    try:
        result = sympy.sympify(expr).xreplace(dict(values)).doit().evalf()
        is_matrix = isinstance(result, sympy.MatrixBase)
        numbers = np.array([complex(e) for e in (result if is_matrix else [result])])
    except Exception:
        raise CheckFailure(
            f"{name}: does not evaluate to numbers when the exercise's matrices are substituted "
            "(does it use other symbols?)"
        ) from None
    numbers = numbers.reshape(result.shape if is_matrix else ())
    return numbers.real if not np.iscomplex(numbers).any() else numbers


def sympy_matrix_equal(
    expr: Any,
    ref: Any,
    shapes: Mapping[Any, tuple[int, int]],
    *,
    n_trials: int = 5,
    rtol: float = 1e-10,
    name: str = "matrix expression",
) -> None:
    """`expr` equals the matrix expression `ref` for random numeric matrices.

    Every MatrixSymbol in `shapes` is replaced by a random non-symmetric matrix with condition number
    ≤ 2 (scalar symbols are sampled as in `sympy_equal`); the results are compared with
    `assert_close(rtol, atol=rtol/100)` in each of `n_trials` trials (fixed seed). So any equivalent
    form passes, e.g. (BA)ᵀ for AᵀBᵀ. Raises CheckFailure on a mismatch.
    """
    if _as_sympy(expr) is None:
        raise CheckFailure(f"{name}: expected a SymPy matrix expression, got {type(expr).__name__}")
    rng = np.random.default_rng(_SEED)
    scalars = _free_symbols([expr, ref])
    for trial in range(n_trials):
        values: dict[Any, Any] = {m: _sympy_matrix(_well_conditioned(rng, tuple(shape))) for m, shape in shapes.items()}
        values.update(_sample_points(scalars, None, rng, 1)[0])
        want = _evaluate_matrix_expr(ref, values, "reference")
        got = _evaluate_matrix_expr(expr, values, name)
        assert_close(got, want, rtol=rtol, atol=rtol / 100, name=f"{name} (random trial {trial})", dtype_kind="fc")


def _sympy_matrix(values: np.ndarray) -> Any:
    import sympy

    return sympy.ImmutableMatrix(values.tolist())


def assert_uses_only_symbols(expr: Any, allowed: Iterable[Any], *, name: str = "expression") -> None:
    """`expr.free_symbols ⊆ allowed` (e.g. an answer that must be written in η, not p)."""
    allowed = list(allowed)
    extra = [s for s in _free_symbols([expr]) if s not in allowed]
    if extra:
        raise CheckFailure(
            f"{name}: uses symbols outside the allowed ones: {', '.join(map(str, extra))}"
            + _name_clashes(extra, allowed)
        )


def _describe_spec(spec: Any) -> str:
    origin = typing.get_origin(spec)
    if origin is not None:
        return f"{origin.__name__}[{', '.join(_describe_spec(a) for a in typing.get_args(spec))}]"
    if isinstance(spec, tuple):
        return " or ".join(_describe_spec(s) for s in spec)
    return "..." if spec is Ellipsis else spec.__name__


def _describe_value(obj: Any) -> str:
    if isinstance(obj, (list, tuple)):
        inner = sorted({_describe_value(item) for item in obj})
        return f"{type(obj).__name__}[{', '.join(inner)}]"
    return type(obj).__name__


def _matches(obj: Any, spec: Any) -> bool:
    origin, args = typing.get_origin(spec), typing.get_args(spec)
    if origin is list:
        return isinstance(obj, list) and all(_matches(item, args[0]) for item in obj)
    if origin is tuple:
        if not isinstance(obj, tuple):
            return False
        if len(args) == 2 and args[1] is Ellipsis:
            return all(_matches(item, args[0]) for item in obj)
        return len(obj) == len(args) and all(_matches(item, a) for item, a in zip(obj, args))
    if isinstance(spec, tuple):
        return any(_matches(obj, s) for s in spec)
    return isinstance(obj, spec)


def assert_sympy_type(obj: Any, types: Any, *, name: str = "answer") -> None:
    """The answer is a SymPy object of the requested kind, not a float or a string.

    `types` is a class (`sympy.Expr`, `sympy.MatrixBase`), a tuple of classes (any of them), or a
    generic alias such as `list[sympy.Expr]` or `list[tuple[sympy.Expr, sympy.Expr]]`.
    """
    if not _matches(obj, types):
        raise CheckFailure(f"{name}: expected {_describe_spec(types)}, got {_describe_value(obj)}")
