from otter.test_files import test_case

OK_FORMAT = False

name = 'q06_6'
points = 1.9999999999999998

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


@test_case(points=0.3, hidden=True)
def test_q06_6_count(lagrange_candidates_sym):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    pts = C.call_student(lagrange_candidates_sym)
    if not isinstance(pts, list) or any(not isinstance(p, (tuple, list)) or len(p) != 2 for p in pts):
        C.fail("return a list of (x, y) pairs")
    n_ref = len(ref.lagrange_candidates_sym())
    try:
        vals = np.array([[complex(v).real for v in p] for p in pts]) if pts else np.zeros((0, 2))
    except (TypeError, ValueError):
        C.fail("the coordinates must be SymPy numbers (no free symbols)")
    distinct = len({(round(a, 9), round(b, 9)) for a, b in vals})
    if len(pts) != n_ref or distinct != n_ref:
        C.fail(f"wrong number of stationary points: you returned {len(pts)} ({distinct} distinct); "
               "every solution branch of the Lagrange system counts, each point once")


@test_case(points=0.4, hidden=True)
def test_q06_6_x_zero_branch(lagrange_candidates_sym):
    import numpy as np
    from aimath import checks as C

    pts = C.call_student(lagrange_candidates_sym)
    if not isinstance(pts, list) or any(not isinstance(p, (tuple, list)) or len(p) != 2 for p in pts):
        C.fail("return a list of (x, y) pairs")
    try:
        vals = np.array([[complex(v).real for v in p] for p in pts]) if pts else np.zeros((0, 2))
    except (TypeError, ValueError):
        C.fail("the coordinates must be SymPy numbers (no free symbols)")
    for y0 in (np.sqrt(3.0), -np.sqrt(3.0)):
        if not any(abs(px) < 1e-12 and abs(py - y0) < 1e-12 for px, py in vals):
            C.fail("the branch x = 0 of the Lagrange system is missing (did you divide by x?)")


@test_case(points=0.7, hidden=True)
def test_q06_6_exact_multiset(lagrange_candidates_sym):
    import numpy as np
    import sympy
    from aimath import checks as C

    ref = C.reference()
    pts = C.call_student(lagrange_candidates_sym)
    ref_pts = ref.lagrange_candidates_sym()
    if not isinstance(pts, list) or any(not isinstance(p, (tuple, list)) or len(p) != 2 for p in pts):
        C.fail("return a list of (x, y) pairs")
    if len(pts) != len(ref_pts):
        C.fail(f"wrong number of stationary points (you returned {len(pts)})")
    try:
        num = np.array([[complex(v).real for v in p] for p in pts])
    except (TypeError, ValueError):
        C.fail("the coordinates must be SymPy numbers (no free symbols)")
    num_ref = np.array([[complex(v).real for v in p] for p in ref_pts])
    C.assert_unordered_close(list(num), list(num_ref),
                             comparator=lambda a, b: C.assert_close(a, b, rtol=1e-12, atol=1e-12, name="point"))
    # exactness: no floating-point numbers anywhere, and each coordinate equals its matched reference value
    for p, q in zip(pts, num):
        j = int(np.argmin(np.abs(num_ref - q).max(axis=1)))
        for v, r in zip(p, ref_pts[j]):
            if not isinstance(v, sympy.Expr) or v.has(sympy.Float) or not C.sympy_equal(v, r):
                C.fail("a stationary point is not exact (return SymPy numbers such as sqrt(2), not floats)")
