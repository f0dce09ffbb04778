from otter.test_files import test_case

OK_FORMAT = False

name = 'q06_2'
points = 3.0

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


@test_case(points=0.6, hidden=True)
def test_q06_2_random_vs_reference(solve_equality_qp):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    for k, rng in enumerate(C.spawn_rngs("06.2-random", 5)):
        d = int(rng.integers(3, 9))
        m = int(rng.integers(1, d))
        G = rng.standard_normal((d, d))
        Q = G @ G.T + np.diag(np.full(d, 0.5))
        c = rng.standard_normal(d) * 3.0 + 1.0
        A = rng.standard_normal((m, d))
        b = rng.standard_normal(m) * 2.0
        x_ref, lam_ref = ref.solve_equality_qp(Q, c, A, b)
        out = C.call_student(solve_equality_qp, Q, c, A, b)
        if not isinstance(out, (tuple, list)) or len(out) != 2:
            C.fail("solve_equality_qp must return a tuple (x, lam)")
        C.assert_close(out[0], x_ref, rtol=1e-8, atol=1e-10, name=f"x (random problem {k + 1})")
        C.assert_close(out[1], lam_ref, rtol=1e-8, atol=1e-10, name=f"lam (random problem {k + 1})")
        x = np.asarray(out[0], dtype=float)
        lam = np.asarray(out[1], dtype=float)
        scale = max(1.0, float(np.abs(Q).max() * np.abs(x_ref).max()), float(np.abs(c).max()), float(np.abs(b).max()))
        C.assert_kkt_residuals({
            "stationarity": float(np.abs(Q @ x + c + A.T @ lam).max()) / scale,
            "primal feasibility": float(np.abs(A @ x - b).max()) / scale,
        }, 1e-9)


@test_case(points=0.3, hidden=True)
def test_q06_2_no_constraints(solve_equality_qp):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    rng = C.spawn_rngs("06.2-none", 1)[0]
    B = rng.standard_normal((4, 4))
    Q = B @ B.T + np.eye(4)
    c = rng.standard_normal(4)
    A = np.zeros((0, 4))
    b = np.zeros(0)
    x_ref, lam_ref = ref.solve_equality_qp(Q, c, A, b)
    out = C.call_student(solve_equality_qp, Q, c, A, b)
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("solve_equality_qp must return a tuple (x, lam)")
    C.assert_close(out[0], x_ref, rtol=1e-8, atol=1e-10, name="x (no constraints)")
    C.assert_shape(out[1], (0,), name="lam (no constraints)")


@test_case(points=0.3, hidden=True)
def test_q06_2_single_constraint(solve_equality_qp):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    rng = C.spawn_rngs("06.2-single", 1)[0]
    B = rng.standard_normal((6, 6))
    Q = B @ B.T + 0.2 * np.eye(6)
    c = rng.standard_normal(6) * 5.0
    A = rng.standard_normal((1, 6))
    b = np.array([2.5])
    x_ref, lam_ref = ref.solve_equality_qp(Q, c, A, b)
    out = C.call_student(solve_equality_qp, Q, c, A, b)
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("solve_equality_qp must return a tuple (x, lam)")
    C.assert_close(out[0], x_ref, rtol=1e-8, atol=1e-10, name="x (one constraint)")
    C.assert_close(out[1], lam_ref, rtol=1e-8, atol=1e-10, name="lam (one constraint)")


@test_case(points=0.6, hidden=True)
def test_q06_2_singular_Q(solve_equality_qp):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    rng = C.spawn_rngs("06.2-singular", 2)
    problems = []
    # exactly singular, diagonal Q; the constraints pin down the null-space directions
    Q = np.diag([2.0, 1.0, 0.0, 3.0, 0.0])
    A = rng[0].standard_normal((2, 5))
    problems.append((Q, rng[0].standard_normal(5), A, rng[0].standard_normal(2)))
    # rank-deficient dense Q = B B^T with rank d - m
    B = rng[1].standard_normal((6, 4))
    problems.append((B @ B.T, rng[1].standard_normal(6), rng[1].standard_normal((2, 6)), rng[1].standard_normal(2)))
    for k, (Q, c, A, b) in enumerate(problems):
        x_ref, lam_ref = ref.solve_equality_qp(Q, c, A, b)
        out = C.call_student(solve_equality_qp, Q, c, A, b)
        if not isinstance(out, (tuple, list)) or len(out) != 2:
            C.fail("solve_equality_qp must return a tuple (x, lam)")
        C.assert_close(out[0], x_ref, rtol=1e-8, atol=1e-10, name=f"x (singular Q, problem {k + 1})")
        C.assert_close(out[1], lam_ref, rtol=1e-8, atol=1e-10, name=f"lam (singular Q, problem {k + 1})")


@test_case(points=0.3, hidden=True)
def test_q06_2_lists_and_mutation(solve_equality_qp):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    Q = [[4.0, 1.0, 0.0], [1.0, 3.0, 0.5], [0.0, 0.5, 2.0]]
    c = [1, -2, 3]
    A = [[1, 2, 3]]
    b = [4]
    x_ref, lam_ref = ref.solve_equality_qp(np.array(Q), np.array(c, float), np.array(A, float), np.array(b, float))
    out = C.call_student(solve_equality_qp, Q, c, A, b, check_mutation=True, check_global_rng=True)
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("solve_equality_qp must return a pair (x, lam)")
    x, lam = out
    C.assert_close(x, x_ref, rtol=1e-8, atol=1e-10, name="x (list inputs)")
    C.assert_close(lam, lam_ref, rtol=1e-8, atol=1e-10, name="lam (list inputs)")
    arrays = (np.array(Q), np.array(c, float), np.array(A, float), np.array(b, float))
    C.call_student(solve_equality_qp, *arrays, check_mutation=True, check_global_rng=True)
