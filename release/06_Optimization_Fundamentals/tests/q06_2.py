from otter.test_files import test_case

OK_FORMAT = False

name = 'q06_2'
points = 0.8999999999999999

@test_case(points=0.3, hidden=False)
def test_q06_2_shapes(solve_equality_qp):
    import numpy as np
    from aimath import checks as C

    Q = np.diag([1.0, 2.0, 3.0, 4.0])
    c = np.array([1.0, -1.0, 0.5, 0.0])
    A = np.array([[1.0, 1.0, 1.0, 1.0], [1.0, -1.0, 0.0, 2.0]])
    b = np.array([1.0, 0.0])
    out = C.call_student(solve_equality_qp, Q, c, A, b)
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("solve_equality_qp must return a tuple (x, lam)")
    x, lam = out
    C.assert_shape(x, (4,), name="x")
    C.assert_shape(lam, (2,), name="lam")
    if np.asarray(x).dtype != np.float64 or np.asarray(lam).dtype != np.float64:
        C.fail("x and lam must be float64 arrays")


@test_case(points=0.3, hidden=False)
def test_q06_2_hand_case(solve_equality_qp):
    import numpy as np
    from aimath import checks as C

    # minimize 0.5 ||x||^2 subject to x1 + x2 = 1: x = (1/2, 1/2), and x + lam (1, 1) = 0 gives lam = -1/2
    out = C.call_student(solve_equality_qp, np.eye(2), np.zeros(2), np.array([[1.0, 1.0]]), np.array([1.0]))
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("solve_equality_qp must return a pair (x, lam)")
    x, lam = out
    C.assert_close(x, np.array([0.5, 0.5]), rtol=1e-8, atol=1e-10, name="x")
    C.assert_close(lam, np.array([-0.5]), rtol=1e-8, atol=1e-10,
                   name="lam (sign convention L = f + lam^T (A x - b))")


@test_case(points=0.3, hidden=False)
def test_q06_2_kkt_residuals(solve_equality_qp):
    import numpy as np
    from aimath import checks as C

    rng = np.random.default_rng(1)
    B = rng.standard_normal((5, 5))
    Q = B @ B.T + np.eye(5)
    c = rng.standard_normal(5)
    A = rng.standard_normal((2, 5))
    b = rng.standard_normal(2)
    out = C.call_student(solve_equality_qp, Q, c, A, b)
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("solve_equality_qp must return a pair (x, lam)")
    x, lam = out
    x = np.asarray(x, dtype=float)
    lam = np.asarray(lam, dtype=float)
    C.assert_kkt_residuals({
        "stationarity |Qx + c + A^T lam|": float(np.abs(Q @ x + c + A.T @ lam).max()),
        "feasibility |Ax - b|": float(np.abs(A @ x - b).max()),
    }, 1e-9)
