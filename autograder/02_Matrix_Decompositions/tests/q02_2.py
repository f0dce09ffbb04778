from otter.test_files import test_case

OK_FORMAT = False

name = 'q02_2'
points = 3.0

@test_case(points=0.5, hidden=False)
def test_q02_2_diagonal_example(power_iteration):
    import numpy as np
    from aimath import checks as C
    # diag(3, 1): the dominant eigenpair is (3, e1); after 60 steps from (1, 1) the error is ~3^-60.
    out = C.call_student(power_iteration, np.diag([3.0, 1.0]), np.array([1.0, 1.0]), 60)
    if not (isinstance(out, tuple) and len(out) == 2):
        C.fail("power_iteration must return a tuple (lam, v)")
    lam, v = out
    C.assert_scalar_close(lam, 3.0, rtol=1e-8, atol=1e-10, name="lam")
    C.assert_shape(v, (2,), name="v")
    C.assert_columns_equal_up_to_sign(np.asarray(v, dtype=float).reshape(2, 1), np.array([[1.0], [0.0]]), atol=1e-8)


@test_case(points=0.5, hidden=False)
def test_q02_2_eigen_equation(power_iteration):
    import numpy as np
    from aimath import checks as C
    rng = np.random.default_rng(7)
    Q, _ = np.linalg.qr(rng.standard_normal((4, 4)))
    A = Q @ np.diag([5.0, 2.0, -1.0, 0.5]) @ Q.T
    lam, v = C.call_student(power_iteration, A, rng.standard_normal(4), 80)
    v = np.asarray(v, dtype=float)
    C.assert_shape(v, (4,), name="v")
    C.assert_scalar_close(np.linalg.norm(v), 1.0, rtol=1e-10, atol=1e-12, name="norm of v")
    C.assert_close(A @ v, float(lam) * v, rtol=0, atol=1e-8, name="A v - lam v")


@test_case(points=0.5, hidden=True)
def test_q02_2_random_symmetric(power_iteration):
    import numpy as np
    from aimath import checks as C
    for rng, d in zip(C.spawn_rngs("02.2/random", 3), (5, 8, 12)):
        Q, _ = np.linalg.qr(rng.standard_normal((d, d)))
        lam = np.concatenate([[6.0, -3.0], rng.uniform(-2.5, 2.5, d - 2)])
        A = Q @ np.diag(lam) @ Q.T
        got_lam, v = C.call_student(power_iteration, A, rng.standard_normal(d), 80)
        C.assert_scalar_close(got_lam, 6.0, rtol=1e-8, atol=1e-10, name="lam")
        C.assert_shape(v, (d,), name="v")
        C.assert_columns_equal_up_to_sign(np.asarray(v, dtype=float).reshape(d, 1), Q[:, :1], atol=1e-8)


@test_case(points=0.5, hidden=True)
def test_q02_2_negative_dominant(power_iteration):
    import numpy as np
    from aimath import checks as C
    rng = C.spawn_rngs("02.2/negative", 1)[0]
    Q, _ = np.linalg.qr(rng.standard_normal((5, 5)))
    A = Q @ np.diag([-5.0, 2.0, 1.0, -0.5, 0.25]) @ Q.T
    for n_iter in (60, 61):                          # an even and an odd number of sign flips
        lam, v = C.call_student(power_iteration, A, rng.standard_normal(5), n_iter)
        C.assert_scalar_close(lam, -5.0, rtol=1e-8, atol=1e-10, name="lam")
        C.assert_shape(v, (5,), name="v")
        C.assert_columns_equal_up_to_sign(np.asarray(v, dtype=float).reshape(5, 1), Q[:, :1], atol=1e-8)


@test_case(points=0.5, hidden=True)
def test_q02_2_large_eigenvalue_many_steps(power_iteration):
    import numpy as np
    from aimath import checks as C
    rng = C.spawn_rngs("02.2/large", 1)[0]
    Q, _ = np.linalg.qr(rng.standard_normal((6, 6)))
    A = Q @ np.diag([1000.0, 400.0, -300.0, 50.0, 2.0, -1.0]) @ Q.T
    lam, v = C.call_student(power_iteration, A, rng.standard_normal(6), 500)
    C.assert_scalar_close(lam, 1000.0, rtol=1e-8, atol=1e-10, name="lam")
    C.assert_shape(v, (6,), name="v")
    C.assert_columns_equal_up_to_sign(np.asarray(v, dtype=float).reshape(6, 1), Q[:, :1], atol=1e-8)


@test_case(points=0.25, hidden=True)
def test_q02_2_nonsymmetric(power_iteration):
    import numpy as np
    from aimath import checks as C
    rng = C.spawn_rngs("02.2/nonsymmetric", 1)[0]
    X = np.eye(5) + 0.4 * rng.standard_normal((5, 5))      # well-conditioned eigenvector matrix
    A = X @ np.diag([4.0, -2.0, 1.5, 1.0, 0.5]) @ np.linalg.inv(X)
    q1 = X[:, :1] / np.linalg.norm(X[:, 0])
    lam, v = C.call_student(power_iteration, A, rng.standard_normal(5), 100)
    C.assert_scalar_close(lam, 4.0, rtol=1e-8, atol=1e-10, name="lam")
    C.assert_shape(v, (5,), name="v")
    C.assert_columns_equal_up_to_sign(np.asarray(v, dtype=float).reshape(5, 1), q1, atol=1e-8)


@test_case(points=0.25, hidden=True)
def test_q02_2_start_at_eigenvector(power_iteration):
    import numpy as np
    from aimath import checks as C
    rng = C.spawn_rngs("02.2/eigenvector-start", 1)[0]
    Q, _ = np.linalg.qr(rng.standard_normal((4, 4)))
    A = Q @ np.diag([7.0, 3.0, -2.0, 1.0]) @ Q.T
    lam, v = C.call_student(power_iteration, A, 2.5 * Q[:, 0], 60)
    C.assert_scalar_close(lam, 7.0, rtol=1e-8, atol=1e-10, name="lam")
    C.assert_shape(v, (4,), name="v")
    C.assert_columns_equal_up_to_sign(np.asarray(v, dtype=float).reshape(4, 1), Q[:, :1], atol=1e-8)
