from otter.test_files import test_case

OK_FORMAT = False

name = 'q01_1'
points = 2.0

@test_case(points=0.5, hidden=False)
def test_q01_1_hand_cases(is_linearly_independent):
    import numpy as np
    from aimath import checks as C
    cases = [
        (np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]]), True),  # e1, e2 in R^3
        (np.array([[1.0, 2.0], [2.0, 4.0]]), False),  # second column = 2 * first
        (np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]]), False),  # 3 vectors in R^2
        (np.zeros((3, 0)), True),  # no vectors at all
    ]
    for V, expected in cases:
        out = C.call_student(is_linearly_independent, V)
        if not isinstance(out, (bool, np.bool_)):
            C.fail("is_linearly_independent must return a bool (True or False)")
        C.assert_exact(bool(out), expected, name=f"is_linearly_independent on a {V.shape[0]}x{V.shape[1]} matrix")


@test_case(points=0.25, hidden=True)
def test_q01_1_random_matrices(is_linearly_independent):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    for i, rng in enumerate(C.spawn_rngs("01.1", 6)):
        d = int(rng.integers(3, 9))
        k = int(rng.integers(1, d + 1))
        V = 2.0 * rng.standard_normal((d, k)) + 1.0
        if i % 2 and k >= 2:  # make one column a combination of two others
            V[:, k - 1] = 0.7 * V[:, 0] - 1.3 * V[:, k - 2] if k > 2 else 3.0 * V[:, 0]
        out = C.call_student(is_linearly_independent, V)
        if not isinstance(out, (bool, np.bool_)):
            C.fail("is_linearly_independent must return a bool (True or False)")
        C.assert_exact(bool(out), ref.is_linearly_independent(V), name="answer on a random matrix")


@test_case(points=0.25, hidden=True)
def test_q01_1_more_columns_than_rows(is_linearly_independent):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("01.1-wide", 1)[0]
    for d, k in [(3, 5), (2, 3), (4, 9)]:
        V = rng.standard_normal((d, k))
        out = C.call_student(is_linearly_independent, V)
        if not isinstance(out, (bool, np.bool_)):
            C.fail("is_linearly_independent must return a bool (True or False)")
        C.assert_exact(bool(out), ref.is_linearly_independent(V), name="answer when k > d")
    V = rng.standard_normal((6, 3))  # tall: the rows are dependent, the columns are not
    out = C.call_student(is_linearly_independent, V)
    C.assert_exact(bool(out), ref.is_linearly_independent(V), name="answer on a tall matrix")


@test_case(points=0.25, hidden=True)
def test_q01_1_zero_and_duplicate_columns(is_linearly_independent):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("01.1-degenerate", 1)[0]
    A = rng.standard_normal((5, 3))
    zero_col = np.column_stack([A[:, 0], np.zeros(5), A[:, 1]])
    duplicate = np.column_stack([A[:, 0], A[:, 1], A[:, 2], A[:, 1]])
    all_zero = np.zeros((4, 2))
    for V, what in [(zero_col, "a zero column"), (duplicate, "a duplicate column"), (all_zero, "all-zero columns")]:
        out = C.call_student(is_linearly_independent, V)
        if not isinstance(out, (bool, np.bool_)):
            C.fail("is_linearly_independent must return a bool (True or False)")
        C.assert_exact(bool(out), ref.is_linearly_independent(V), name=f"answer with {what}")


@test_case(points=0.375, hidden=True)
def test_q01_1_scale_invariance(is_linearly_independent):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("01.1-scale", 1)[0]
    U = np.linalg.qr(rng.standard_normal((5, 3)))[0]
    W = np.linalg.qr(rng.standard_normal((3, 3)))[0]
    well = (U * np.array([2.0, 1.0, 0.5])) @ W.T  # condition number 4
    S = np.linalg.qr(rng.standard_normal((3, 3)))[0] @ np.diag([1.5, 1.0, 0.8])
    nearly_dependent = (U * np.array([1.0, 0.3, 1e-14])) @ W.T
    cases = [1e-8 * well, 1e-12 * well, 1e-4 * np.eye(3), 1e-5 * S, 1e6 * nearly_dependent,
             1e-170 * well, 1e170 * well]
    for V in cases:
        out = C.call_student(is_linearly_independent, V)
        if not isinstance(out, (bool, np.bool_)):
            C.fail("is_linearly_independent must return a bool (True or False)")
        C.assert_exact(bool(out), ref.is_linearly_independent(V),
                       name="answer for a matrix with very small or very large entries (the test must be relative)")


@test_case(points=0.375, hidden=True)
def test_q01_1_singular_value_ratios(is_linearly_independent):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    for rng, (d, k) in zip(C.spawn_rngs("01.1-ratios", 3), [(6, 4), (4, 4), (9, 2)]):
        U = np.linalg.qr(rng.standard_normal((d, k)))[0]
        W = np.linalg.qr(rng.standard_normal((k, k)))[0]
        for ratio, tol in [(1e-14, 1e-10), (1e-4, 1e-10), (1e-6, 1e-3), (1e-1, 1e-3)]:
            V = (U * np.logspace(0, np.log10(ratio), k)) @ W.T
            out = C.call_student(is_linearly_independent, V, tol)
            if not isinstance(out, (bool, np.bool_)):
                C.fail("is_linearly_independent must return a bool (True or False)")
            C.assert_exact(bool(out), ref.is_linearly_independent(V, tol),
                           name="answer for a prescribed singular value ratio")
