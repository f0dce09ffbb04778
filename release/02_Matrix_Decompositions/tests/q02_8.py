from otter.test_files import test_case

OK_FORMAT = False

name = 'q02_8'
points = 0.5

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
