from otter.test_files import test_case

OK_FORMAT = False

name = 'q01_5'
points = 4.0

@test_case(points=0.5, hidden=False)
def test_q01_5_hand_case(gram_schmidt):
    import numpy as np
    from aimath import checks as C
    V = np.array([[3.0, 1.0], [4.0, 2.0]])  # q1 = (0.6, 0.8), q2 = (-0.8, 0.6)
    Q = C.call_student(gram_schmidt, V,
                       forbid=("numpy.linalg.qr", "scipy.linalg.qr", "scipy.linalg.orth"))
    C.assert_shape(Q, (2, 2), name="Q")
    C.assert_columns_equal_up_to_sign(Q, np.array([[0.6, -0.8], [0.8, 0.6]]), atol=1e-10, name="Q")


@test_case(points=0.25, hidden=False)
def test_q01_5_drops_dependent_column(gram_schmidt):
    import numpy as np
    from aimath import checks as C
    V = np.array([[1.0, 2.0, 0.0], [1.0, 2.0, 1.0], [0.0, 0.0, 1.0]])  # column 2 = 2 * column 1
    Q = C.call_student(gram_schmidt, V,
                       forbid=("numpy.linalg.qr", "scipy.linalg.qr", "scipy.linalg.orth"))
    C.assert_shape(Q, (3, 2), name="Q (the dependent column must be dropped)")
    expected = np.column_stack([np.array([1.0, 1.0, 0.0]) / np.sqrt(2.0),
                                np.array([-0.5, 0.5, 1.0]) / np.sqrt(1.5)])
    C.assert_columns_equal_up_to_sign(Q, expected, atol=1e-10, name="Q")


@test_case(points=0.5, hidden=False)
def test_q01_5_orthonormal_and_same_span(gram_schmidt):
    import numpy as np
    from aimath import checks as C
    V = np.random.default_rng(5).standard_normal((7, 4))
    Q = C.call_student(gram_schmidt, V,
                       forbid=("numpy.linalg.qr", "scipy.linalg.qr", "scipy.linalg.orth"))
    C.assert_shape(Q, (7, 4), name="Q")
    Qf = np.asarray(Q, dtype=np.float64)
    C.assert_close(Qf.T @ Qf, np.eye(4), rtol=0.0, atol=1e-8, name="Q^T Q (should be the identity)")
    C.assert_close(Qf @ (Qf.T @ V), V, rtol=1e-8, atol=1e-8, name="Q Q^T V (the columns of V must lie in span(Q))")


@test_case(points=0.5, hidden=True)
def test_q01_5_random_vs_reference(gram_schmidt):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    for rng, (d, k) in zip(C.spawn_rngs("01.5", 3), [(8, 5), (12, 3), (5, 5)]):
        V = 3.0 * rng.standard_normal((d, k)) + 1.0
        out = C.call_student(gram_schmidt, V,
                             forbid=("numpy.linalg.qr", "scipy.linalg.qr", "scipy.linalg.orth"))
        expected = ref.gram_schmidt(V)
        C.assert_shape(out, (d, expected.shape[1]), name="Q")
        Q = np.asarray(out, dtype=float)
        err = np.abs(Q.T @ Q - np.eye(Q.shape[1])).max()
        if not err <= 1e-8:
            C.fail(f"the columns of Q are not orthonormal: max |Q^T Q - I| = {err:.1e} > 1e-8")
        C.assert_columns_equal_up_to_sign(Q, expected, atol=1e-8, name="Q")


@test_case(points=0.5, hidden=True)
def test_q01_5_dependent_column_in_middle(gram_schmidt):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("01.5-dependent", 1)[0]
    a, b, c, e = 2.0 * rng.standard_normal((4, 6))
    for V in (np.column_stack([a, b, 2.0 * a - 3.0 * b, c, e]), np.column_stack([a, b, c, b + 0.5 * c, e])):
        out = C.call_student(gram_schmidt, V,
                             forbid=("numpy.linalg.qr", "scipy.linalg.qr", "scipy.linalg.orth"))
        expected = ref.gram_schmidt(V)
        C.assert_shape(out, expected.shape, name="Q (a dependent column in the middle must be dropped)")
        Q = np.asarray(out, dtype=float)
        err = np.abs(Q.T @ Q - np.eye(Q.shape[1])).max()
        if not err <= 1e-8:
            C.fail(f"the columns of Q are not orthonormal: max |Q^T Q - I| = {err:.1e} > 1e-8")
        C.assert_columns_equal_up_to_sign(Q, expected, atol=1e-8, name="Q")


@test_case(points=0.25, hidden=True)
def test_q01_5_relative_drop_rule(gram_schmidt):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("01.5-scale", 1)[0]
    a, b, c = rng.standard_normal((3, 5))
    V = np.column_stack([a, b, 2.0 * a - 3.0 * b, c])  # rank 3: the third column is dependent
    for scale in (1e-12, 1e12):
        Vs = scale * V
        out = C.call_student(gram_schmidt, Vs,
                             forbid=("numpy.linalg.qr", "scipy.linalg.qr", "scipy.linalg.orth"))
        expected = ref.gram_schmidt(Vs)
        C.assert_shape(out, expected.shape,
                       name="Q for a V with very small or very large entries (the drop rule is relative to ||v_j||)")
        C.assert_columns_equal_up_to_sign(np.asarray(out, dtype=float), expected, atol=1e-8, name="Q")


@test_case(points=0.5, hidden=True)
def test_q01_5_zero_columns(gram_schmidt):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("01.5-zero", 1)[0]
    a, b = rng.standard_normal((2, 4))
    z = np.zeros(4)
    for V in (np.column_stack([z, a, b]), np.column_stack([a, z, b, z])):
        out = C.call_student(gram_schmidt, V,
                             forbid=("numpy.linalg.qr", "scipy.linalg.qr", "scipy.linalg.orth"))
        expected = ref.gram_schmidt(V)
        C.assert_shape(out, expected.shape, name="Q (zero columns must be dropped)")
        C.assert_columns_equal_up_to_sign(np.asarray(out, dtype=float), expected, atol=1e-8, name="Q")
    out = C.call_student(gram_schmidt, np.zeros((3, 2)),
                         forbid=("numpy.linalg.qr", "scipy.linalg.qr", "scipy.linalg.orth"))
    C.assert_shape(out, (3, 0), name="Q for an all-zero V")


@test_case(points=0.75, hidden=True)
def test_q01_5_ill_conditioned(gram_schmidt):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    for rng, cond in zip(C.spawn_rngs("01.5-cond", 2), (1e6, 1e7)):
        U = np.linalg.qr(rng.standard_normal((30, 10)))[0]
        W = np.linalg.qr(rng.standard_normal((10, 10)))[0]
        V = (U * np.logspace(0, -np.log10(cond), 10)) @ W.T
        out = C.call_student(gram_schmidt, V,
                             forbid=("numpy.linalg.qr", "scipy.linalg.qr", "scipy.linalg.orth"))
        C.assert_shape(out, (30, 10), name="Q (all columns are independent)")
        Q = np.asarray(out, dtype=float)
        err = np.abs(Q.T @ Q - np.eye(10)).max()
        if not err <= 1e-8:
            C.fail(f"orthogonality lost on an ill-conditioned V: max |Q^T Q - I| = {err:.1e} > 1e-8")
        C.assert_columns_equal_up_to_sign(Q, ref.gram_schmidt(V), atol=1e-8, name="Q")


@test_case(points=0.25, hidden=True)
def test_q01_5_single_column_and_square(gram_schmidt):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("01.5-shapes", 1)[0]
    for V in (rng.standard_normal((5, 1)) * 7.0, rng.standard_normal((6, 6)) + np.eye(6)):
        out = C.call_student(gram_schmidt, V,
                             forbid=("numpy.linalg.qr", "scipy.linalg.qr", "scipy.linalg.orth"))
        expected = ref.gram_schmidt(V)
        C.assert_shape(out, expected.shape, name="Q")
        C.assert_columns_equal_up_to_sign(np.asarray(out, dtype=float), expected, atol=1e-8, name="Q")
