from otter.test_files import test_case

OK_FORMAT = False

name = 'q06_6'
points = 0.6

@test_case(points=0.3, hidden=False)
def test_q06_6_structure(lagrange_candidates_sym):
    import sympy
    from aimath import checks as C

    pts = C.call_student(lagrange_candidates_sym)
    if not isinstance(pts, list) or not pts:
        C.fail("return a non-empty list of (x, y) tuples")
    for p in pts:
        if not isinstance(p, (tuple, list)) or len(p) != 2:
            C.fail("each item must be a pair (x, y), without the multiplier")
        for v in p:
            C.assert_sympy_type(v, sympy.Expr)
            if v.free_symbols:
                C.fail("coordinates must be numbers (no free symbols)")


@test_case(points=0.3, hidden=False)
def test_q06_6_points_are_stationary(lagrange_candidates_sym):
    import sympy
    from aimath import checks as C

    pts = C.call_student(lagrange_candidates_sym)
    if not isinstance(pts, list) or not pts or any(not isinstance(p, (tuple, list)) or len(p) != 2 for p in pts):
        C.fail("return a non-empty list of (x, y) pairs")
    for px, py in pts:
        on_circle = sympy.N(px**2 + py**2 - 3, 30)
        # grad f = (2xy, x^2) parallel to grad h = (2x, 2y):  2xy * 2y - x^2 * 2x = 0
        parallel = sympy.N(4 * px * py**2 - 2 * px**3, 30)
        if abs(complex(on_circle)) > 1e-20:
            C.fail("a returned point is not exactly on the circle x^2 + y^2 = 3 "
                   "(return exact SymPy numbers such as sqrt(2), not floats)")
        if abs(complex(parallel)) > 1e-20:
            C.fail("a returned point does not satisfy the Lagrange condition grad f || grad h exactly")
