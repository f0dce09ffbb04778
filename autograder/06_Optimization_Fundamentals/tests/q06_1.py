from otter.test_files import test_case

OK_FORMAT = False

name = 'q06_1'
points = 2.0

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


@test_case(points=0.3, hidden=True)
def test_q06_1_random_symmetric(is_convex_quadratic):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    for k, rng in enumerate(C.spawn_rngs("06.1-random", 8)):
        d = int(rng.integers(2, 8))
        B = rng.standard_normal((d, d))
        if k % 2 == 0:
            Q = B @ B.T + 0.05 * np.eye(d)
        else:
            S = B + B.T
            lam = np.linalg.eigvalsh(S)
            Q = S - (lam[0] + 0.3 * (lam[-1] - lam[0])) * np.eye(d)  # lambda_min = -0.3 * spread
        Q = Q * (10.0 ** int(rng.integers(-1, 3)))
        expected = bool(ref.is_convex_quadratic(Q))
        out = C.call_student(is_convex_quadratic, Q)
        if np.ndim(out) != 0 or np.asarray(out).dtype != np.bool_:
            C.fail("is_convex_quadratic must return a bool")
        if bool(out) != expected:
            C.fail(f"wrong answer for random symmetric matrix {k + 1} of 8")


@test_case(points=0.4, hidden=True)
def test_q06_1_non_symmetric(is_convex_quadratic):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    rng = C.spawn_rngs("06.1-nonsym", 1)[0]
    B = rng.standard_normal((4, 4))
    K = rng.standard_normal((4, 4))
    cases = [
        np.array([[1.0, 10.0], [-10.0, 1.0]]),   # symmetric part I: convex
        np.array([[1.0, 10.0], [0.0, 1.0]]),     # real eigenvalues 1, 1 but symmetric part indefinite
        np.array([[1.0, 10.0], [-1.0, 1.0]]),    # complex eigenvalues, symmetric part indefinite
        B @ B.T + 0.1 * np.eye(4) + 5.0 * (K - K.T),  # PD plus a large skew part: convex
        np.array([[2.0, 0.0, 0.0], [6.0, 3.0, 0.0], [0.0, 0.0, 1.0]]),  # lower-triangular, indefinite
    ]
    for k, Q in enumerate(cases):
        expected = bool(ref.is_convex_quadratic(Q))
        out = C.call_student(is_convex_quadratic, Q)
        if np.ndim(out) != 0 or np.asarray(out).dtype != np.bool_:
            C.fail("is_convex_quadratic must return a bool")
        if bool(out) != expected:
            C.fail(f"wrong answer for non-symmetric matrix {k + 1} of {len(cases)}: "
                   "only the symmetric part (Q + Q^T)/2 matters")


@test_case(points=0.3, hidden=True)
def test_q06_1_singular_psd(is_convex_quadratic):
    import numpy as np
    from aimath import checks as C

    rng = C.spawn_rngs("06.1-singular", 1)[0]
    cases = [np.zeros((3, 3)), np.array([[1.0, 1.0], [1.0, 1.0]])]
    for d, k in [(5, 2), (6, 3), (4, 1)]:
        B = rng.standard_normal((d, k)) * 10.0
        cases.append(B @ B.T)  # rank k < d: lambda_min = 0 up to round-off
    for k, Q in enumerate(cases):
        out = C.call_student(is_convex_quadratic, Q)
        if np.ndim(out) != 0 or np.asarray(out).dtype != np.bool_:
            C.fail("is_convex_quadratic must return a bool")
        if not bool(out):
            C.fail(f"singular PSD matrix {k + 1} of {len(cases)} must count as convex "
                   "(lambda_min = 0 up to round-off; compare with -tol * max(1, ||Q||))")


@test_case(points=0.3, hidden=True)
def test_q06_1_one_by_one_and_tol(is_convex_quadratic):
    import numpy as np
    from aimath import checks as C

    cases = [
        (([[2.0]],), True),
        (([[-1.0]],), False),
        (([[0.0]],), True),
        ((np.array([[3]]),), True),                      # integer input
        ((np.diag([10.0, -1.0]), 0.5), True),            # -1 >= -0.5 * 10: within the scaled tol
        ((np.diag([10.0, -1.0]), 1e-3), False),
    ]
    for k, (args, expected) in enumerate(cases):
        out = C.call_student(is_convex_quadratic, *args)
        if np.ndim(out) != 0 or np.asarray(out).dtype != np.bool_:
            C.fail("is_convex_quadratic must return a bool")
        if bool(out) != expected:
            C.fail(f"wrong answer in case {k + 1} of {len(cases)} (1x1 matrices and the tol argument)")


@test_case(points=0.1, hidden=True)
def test_q06_1_input_untouched(is_convex_quadratic):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    rng = C.spawn_rngs("06.1-mutation", 1)[0]
    M = rng.standard_normal((5, 5))
    Q = M @ M.T + rng.standard_normal((5, 5)) * 0.1 - 0.5 * np.eye(5)
    expected = bool(ref.is_convex_quadratic(Q))
    for arg in (Q, Q.tolist()):
        out = C.call_student(is_convex_quadratic, arg, check_mutation=True, check_global_rng=True)
        if np.ndim(out) != 0 or np.asarray(out).dtype != np.bool_ or bool(out) != expected:
            C.fail("wrong answer for a non-symmetric 5x5 matrix given as an array or a list")
