"""Symbolic checks: true identities pass (also where simplify/.equals() fail), false ones fail."""

import time

import pytest
import sympy as sp

from aimath import checks as C
from aimath.checks import CheckFailure

x, y = sp.symbols("x y", real=True)
xp = sp.Symbol("x", positive=True)
p = sp.Symbol("p")
lam = sp.Symbol("lambda", positive=True)


def test_calibration_identity_log_sum_exp():
    # simplify(a − b) ≠ 0 and .equals() is None for this true identity (§4)
    assert C.sympy_equal(sp.log(sp.exp(x) + sp.exp(y)), x + sp.log(1 + sp.exp(y - x)))


def test_calibration_identity_atan_holds_for_positive_x_only():
    assert C.sympy_equal(sp.atan(xp) + sp.atan(1 / xp), sp.pi / 2)
    assert not C.sympy_equal(sp.atan(x) + sp.atan(1 / x), sp.pi / 2)  # false for x < 0
    assert C.sympy_equal(sp.atan(x) + sp.atan(1 / x), sp.pi / 2, domains={x: (0.1, 10)})


def test_structural_and_simplifiable_equalities():
    assert C.sympy_equal(x**2 + 1, x**2 + 1)
    assert C.sympy_equal((x + 1) ** 2, x**2 + 2 * x + 1)
    assert C.sympy_equal(1 / (1 + sp.exp(-x)), sp.exp(x) / (1 + sp.exp(x)))
    assert C.sympy_equal(sp.Integer(2), 2.0)
    assert C.sympy_equal(sp.Rational(1, 3), sp.Float(1 / 3, 30), rtol=1e-15)


def test_near_misses_fail():
    assert not C.sympy_equal(x**2 + 1e-6, x**2)
    assert not C.sympy_equal(sp.log(1 + sp.exp(x)), sp.log(sp.exp(x)))
    assert not C.sympy_equal(1 / lam**2 + 0 * lam, 1 / lam)
    assert not C.sympy_equal(x, y)


def test_domains_for_intervals_sympy_cannot_express():
    fisher = 1 / (p * (1 - p))
    assert C.sympy_equal(1 / p + 1 / (1 - p), fisher, domains={p: (0, 1)})
    assert not C.sympy_equal(1 / p - 1 / (1 - p), fisher, domains={p: (0, 1)})
    # sqrt(p**2) = p only where p > 0
    assert C.sympy_equal(sp.sqrt(p**2), p, domains={p: (0, 1)})
    assert not C.sympy_equal(sp.sqrt(p**2), p, domains={p: (-1, 1)})


def test_points_where_the_reference_is_undefined_are_skipped():
    # log|x| vs log(x) over the reals: the reference log(x) is complex for x < 0, so only x > 0 counts
    assert C.sympy_equal(sp.log(sp.Abs(x)), sp.log(x))
    # the other way round, the answer is complex where the reference is real: it differs
    with pytest.raises(CheckFailure, match="differs at a sampled point"):
        C.assert_sympy_equal(sp.log(x), sp.log(sp.Abs(x)))
    with pytest.raises(CheckFailure, match="is undefined at a sampled point"):
        C.assert_sympy_equal(x / (y - y), x)


def test_integer_symbols():
    n = sp.Symbol("n", integer=True, positive=True)
    assert C.sympy_equal(sp.cos(sp.pi * n), (-1) ** n)
    assert not C.sympy_equal(sp.cos(sp.pi * n), 1)


def test_matrices_compare_entrywise():
    a, b, c = sp.symbols("a b c", real=True)
    M = sp.Matrix([[a, b], [b, c]])
    assert C.sympy_equal(M.T, M)
    assert not C.sympy_equal(M * 2, M)
    with pytest.raises(CheckFailure, match="expected shape"):
        C.assert_sympy_equal(sp.Matrix([a, b]), M)
    with pytest.raises(CheckFailure, match="is a matrix; a scalar expression is expected"):
        C.assert_sympy_equal(M, a)


def test_assert_sympy_equal_messages_reveal_no_point_or_value():
    with pytest.raises(CheckFailure) as info:
        C.assert_sympy_equal(sp.atan(x) + sp.atan(1 / x), sp.pi / 2, name="answer")
    assert str(info.value) == "answer: differs at a sampled point"
    with pytest.raises(CheckFailure, match=r"expression: is not a SymPy expression \(got str\)"):
        C.assert_sympy_equal("x**2", x**2)
    assert not C.sympy_equal("x**2", x**2)


def test_symbols_with_other_assumptions_get_a_hint():
    plain_x = sp.Symbol("x")
    with pytest.raises(CheckFailure, match="symbol.s. x are not the exercise's"):
        C.assert_sympy_equal(plain_x**2, xp**2)


def test_sympy_equal_is_fast_and_deterministic():
    started = time.process_time()
    results = {C.sympy_equal(sp.atan(x) + sp.atan(1 / x), sp.pi / 2) for _ in range(3)}
    assert results == {False}
    start = time.process_time()
    assert C.sympy_equal(sp.log(sp.exp(x) + sp.exp(y)), x + sp.log(1 + sp.exp(y - x)))
    assert time.process_time() - start < 0.1
    assert time.process_time() - started < 5


def test_simplify_timeout_bounds_the_time():
    # not an identity, so simplify is tried; unbounded, it takes over a minute on this expression
    hard = sp.prod([(sp.sin(x) + sp.cos(k * y)) ** 2 for k in range(1, 6)]) - sp.exp(x * y)
    start = time.process_time()
    assert not C.sympy_equal(hard, sp.Integer(0), timeout=0.2)
    assert time.process_time() - start < 2.0


def test_sympy_matrix_equal_accepts_equivalent_forms_and_rejects_mistakes():
    A, X, B = (sp.MatrixSymbol(name, 3, 3) for name in "AXB")
    shapes = {A: (3, 3), B: (3, 3)}
    ref = A.T * B.T
    C.sympy_matrix_equal((B * A).T, ref, shapes)
    explicit = sp.Matrix(3, 3, lambda i, j: sum(A[k, i] * B[j, k] for k in range(3)))
    C.sympy_matrix_equal(explicit, ref, shapes)
    for wrong in (A * B, B * A, A * B.T):
        with pytest.raises(CheckFailure, match=r"matrix expression \(random trial 0\): abs error"):
            C.sympy_matrix_equal(wrong, ref, shapes)
    with pytest.raises(CheckFailure, match="does not evaluate to numbers"):
        C.sympy_matrix_equal(A * X, ref, shapes)
    with pytest.raises(CheckFailure, match="expected a SymPy matrix expression, got list"):
        C.sympy_matrix_equal([[1]], ref, shapes)


def test_sympy_matrix_equal_with_rectangular_shapes_and_scalars():
    A, B = sp.MatrixSymbol("A", 2, 3), sp.MatrixSymbol("B", 3, 4)
    t = sp.Symbol("t", positive=True)
    C.sympy_matrix_equal(t * (A * B), (A * t) * B, {A: (2, 3), B: (3, 4)})
    with pytest.raises(CheckFailure, match="shape"):
        C.sympy_matrix_equal((A * B).T, A * B, {A: (2, 3), B: (3, 4)})


def test_uses_only_symbols():
    eta = sp.Symbol("eta", real=True)
    C.assert_uses_only_symbols(sp.log(1 + sp.exp(eta)), {eta})
    C.assert_uses_only_symbols(sp.Integer(3), set())
    with pytest.raises(CheckFailure, match="uses symbols outside the allowed ones: p"):
        C.assert_uses_only_symbols(sp.log(1 / (1 - p)) + eta, {eta})
    with pytest.raises(CheckFailure, match="not the exercise's"):
        C.assert_uses_only_symbols(sp.Symbol("eta") ** 2, {eta})


def test_sympy_type():
    C.assert_sympy_type(x + 1, sp.Expr)
    C.assert_sympy_type(sp.Matrix([x]), sp.MatrixBase)
    C.assert_sympy_type([x, x**2], list[sp.Expr])
    C.assert_sympy_type([(x, y)], list[tuple[sp.Expr, sp.Expr]])
    C.assert_sympy_type(sp.Matrix([x]), (sp.Expr, sp.MatrixBase))
    for wrong, spec, got in [
        (1.5, sp.Expr, "float"),
        ("x + 1", sp.Expr, "str"),
        ([x, 2.0], list[sp.Expr], r"list\[Symbol, float\]"),
        ((x, y), list[sp.Expr], r"tuple\[Symbol\]"),
        ([(x, y, x)], list[tuple[sp.Expr, sp.Expr]], r"list\[tuple\[Symbol\]\]"),
    ]:
        with pytest.raises(CheckFailure, match=f"answer: expected .*, got {got}$"):
            C.assert_sympy_type(wrong, spec)
