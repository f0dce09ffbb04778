from otter.test_files import test_case

OK_FORMAT = False

name = 'q02_8'
points = 2.0

@test_case(points=0.25, hidden=False)
def test_q02_8_returns_two_expressions(eigvals_2x2_symmetric_sym):
    import sympy
    from aimath import checks as C
    roots = C.call_student(eigvals_2x2_symmetric_sym)
    if not (isinstance(roots, (list, tuple)) and len(roots) == 2):
        C.fail("eigvals_2x2_symmetric_sym must return a list of two SymPy expressions")
    a, b, c = sympy.symbols("a b c", real=True)
    for r in roots:
        C.assert_sympy_type(r, sympy.Expr)
        C.assert_uses_only_symbols(r, {a, b, c})


@test_case(points=0.25, hidden=False)
def test_q02_8_hand_example(eigvals_2x2_symmetric_sym):
    import sympy
    from aimath import checks as C
    roots = C.call_student(eigvals_2x2_symmetric_sym)
    if not (isinstance(roots, (list, tuple)) and len(roots) == 2):
        C.fail("eigvals_2x2_symmetric_sym must return a list of two SymPy expressions")
    a, b, c = sympy.symbols("a b c", real=True)
    # [[2, 1], [1, 2]] has eigenvalues 3 and 1.
    values = sorted(complex(sympy.N(sympy.sympify(r).subs({a: 2, b: 1, c: 2}))).real for r in roots)
    C.assert_close(values, [1.0, 3.0], rtol=1e-10, atol=1e-12, name="eigenvalues of [[2, 1], [1, 2]]")


@test_case(points=0.75, hidden=True)
def test_q02_8_symbolic_equivalence(eigvals_2x2_symmetric_sym):
    import sympy
    from aimath import checks as C
    ref = C.reference()
    roots = C.call_student(eigvals_2x2_symmetric_sym)
    if not (isinstance(roots, (list, tuple)) and len(roots) == 2):
        C.fail("eigvals_2x2_symmetric_sym must return a list of two SymPy expressions")
    for r in roots:
        C.assert_sympy_type(r, sympy.Expr)
    s1, s2 = roots
    r1, r2 = ref.eigvals_2x2_symmetric_sym()
    # Either order; failing that, compare the pair through its sum and product (a pair of numbers
    # is determined by them), which also accepts forms whose order changes across the domain.
    same = (C.sympy_equal(s1, r1) and C.sympy_equal(s2, r2)) or (C.sympy_equal(s1, r2) and C.sympy_equal(s2, r1))
    if not same:
        same = C.sympy_equal(s1 + s2, r1 + r2) and C.sympy_equal(s1 * s2, r1 * r2)
    if not same:
        C.fail("the two expressions are not the eigenvalues of [[a, b], [b, c]] (in either order)")


@test_case(points=0.25, hidden=True)
def test_q02_8_numeric_random(eigvals_2x2_symmetric_sym):
    import numpy as np
    import sympy
    from aimath import checks as C
    roots = C.call_student(eigvals_2x2_symmetric_sym)
    if not (isinstance(roots, (list, tuple)) and len(roots) == 2):
        C.fail("eigvals_2x2_symmetric_sym must return a list of two SymPy expressions")
    a, b, c = sympy.symbols("a b c", real=True)
    rng = C.spawn_rngs("02.8/numeric", 1)[0]
    for _ in range(10):
        av, bv, cv = (float(t) for t in rng.uniform(-5.0, 5.0, size=3))
        got = []
        for r in roots:
            try:
                got.append(complex(sympy.N(sympy.sympify(r).subs({a: av, b: bv, c: cv}), 30)))
            except (TypeError, ValueError):
                C.fail("the expressions do not evaluate to numbers for real a, b, c")
        if max(abs(z.imag) for z in got) > 1e-12:
            C.fail("the eigenvalues evaluate to complex numbers for some real a, b, c")
        want = np.linalg.eigvalsh(np.array([[av, bv], [bv, cv]]))
        C.assert_close(np.sort([z.real for z in got]), want, rtol=1e-8, atol=1e-10,
                       name="eigenvalues at random real a, b, c")


@test_case(points=0.5, hidden=True)
def test_q02_8_special_cases(eigvals_2x2_symmetric_sym):
    import sympy
    from aimath import checks as C
    roots = C.call_student(eigvals_2x2_symmetric_sym)
    if not (isinstance(roots, (list, tuple)) and len(roots) == 2):
        C.fail("eigvals_2x2_symmetric_sym must return a list of two SymPy expressions")
    a, b, c = sympy.symbols("a b c", real=True)
    # The unordered pair {x, y} is fixed by x + y and x * y (the larger root is a for some a, c and
    # c for others, so the roots cannot be matched one by one here).
    # b = 0: a diagonal matrix, eigenvalues {a, c}; a = c: eigenvalues {a + |b|, a - |b|}.
    for which, sub, total, product in (("b = 0", {b: 0}, a + c, a * c), ("a = c", {c: a}, 2 * a, a ** 2 - b ** 2)):
        x, y = (sympy.sympify(r).subs(sub) for r in roots)
        if not (C.sympy_equal(x + y, total) and C.sympy_equal(x * y, product)):
            C.fail(f"the eigenvalues are wrong in the special case {which}")
