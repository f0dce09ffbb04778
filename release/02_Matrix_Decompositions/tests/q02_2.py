from otter.test_files import test_case

OK_FORMAT = False

name = 'q02_2'
points = 1.0

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
