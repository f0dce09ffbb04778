from otter.test_files import test_case

OK_FORMAT = False

name = 'q06_1'
points = 0.6

@test_case(points=0.3, hidden=False)
def test_q06_1_hand_cases(is_convex_quadratic):
    import numpy as np
    from aimath import checks as C

    cases = [
        ([[2.0, -1.0], [-1.0, 2.0]], True),   # eigenvalues 1, 3
        ([[1.0, 2.0], [2.0, 1.0]], False),    # eigenvalues -1, 3
        ([[1.0, 0.0], [0.0, 0.0]], True),     # PSD, singular
    ]
    for Q, expected in cases:
        out = C.call_student(is_convex_quadratic, np.array(Q))
        if np.ndim(out) != 0 or np.asarray(out).dtype != np.bool_:
            C.fail("is_convex_quadratic must return a bool")
        if bool(out) != expected:
            C.fail(f"is_convex_quadratic({Q}) should be {expected}")


@test_case(points=0.3, hidden=False)
def test_q06_1_negation_property(is_convex_quadratic):
    import numpy as np
    from aimath import checks as C

    rng = np.random.default_rng(0)
    for d in (2, 3, 5):
        B = rng.standard_normal((d, d))
        Q = B @ B.T + 0.5 * np.eye(d)  # positive definite
        if not bool(C.call_student(is_convex_quadratic, Q)):
            C.fail(f"a positive definite {d}x{d} matrix must give True")
        if bool(C.call_student(is_convex_quadratic, -Q)):
            C.fail(f"a negative definite {d}x{d} matrix must give False")
