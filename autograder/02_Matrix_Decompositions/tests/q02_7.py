from otter.test_files import test_case

OK_FORMAT = False

name = 'q02_7'
points = 3.0

@test_case(points=0.25, hidden=False)
def test_q02_7_shapes(least_squares_qr):
    import numpy as np
    from aimath import checks as C
    rng = np.random.default_rng(31)
    X = rng.standard_normal((10, 3))
    C.assert_shape(C.call_student(least_squares_qr, X, rng.standard_normal(10)), (3,), name="beta for y of shape (n,)")
    C.assert_shape(C.call_student(least_squares_qr, X, rng.standard_normal((10, 2))), (3, 2),
                   name="beta for y of shape (n, m)")


@test_case(points=0.5, hidden=False)
def test_q02_7_line_fit(least_squares_qr):
    import numpy as np
    from aimath import checks as C
    # Fit y = b0 + b1 t to (0, 1), (1, 2), (2, 4): X^T X = [[3, 3], [3, 5]], X^T y = [7, 10],
    # so beta = (5/6, 3/2).
    X = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]])
    y = np.array([1.0, 2.0, 4.0])
    C.assert_close(C.call_student(least_squares_qr, X, y), np.array([5.0 / 6.0, 1.5]), rtol=1e-8, atol=1e-10,
                   name="beta")


@test_case(points=0.25, hidden=False)
def test_q02_7_residual_orthogonal(least_squares_qr):
    import numpy as np
    from aimath import checks as C
    rng = np.random.default_rng(32)
    X = rng.standard_normal((40, 5))
    y = rng.standard_normal(40)
    beta = np.asarray(C.call_student(least_squares_qr, X, y), dtype=float)
    C.assert_shape(beta, (5,), name="beta")
    C.assert_close(X.T @ (y - X @ beta), np.zeros(5), rtol=0, atol=1e-10, name="X^T (y - X beta)")


@test_case(points=0.5, hidden=True)
def test_q02_7_random_problems(least_squares_qr):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    for rng, (n, d) in zip(C.spawn_rngs("02.7/random", 3), [(30, 4), (100, 8), (12, 11)]):
        X = rng.standard_normal((n, d)) * 3.0 + 1.0
        y = rng.standard_normal(n) * 5.0
        C.assert_close(C.call_student(least_squares_qr, X, y), ref.least_squares_qr(X, y),
                       rtol=1e-6, atol=1e-8, name="beta")


@test_case(points=0.5, hidden=True)
def test_q02_7_ill_conditioned(least_squares_qr):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    for rng in C.spawn_rngs("02.7/cond1e7", 2):
        n, d = 100, 6
        left, _ = np.linalg.qr(rng.standard_normal((n, d)))
        right, _ = np.linalg.qr(rng.standard_normal((d, d)))
        X = left @ np.diag(np.logspace(0.0, -7.0, d)) @ right.T   # cond(X) = 1e7
        y = X @ rng.standard_normal(d) + 1e-3 * rng.standard_normal(n)
        C.assert_close(C.call_student(least_squares_qr, X, y), ref.least_squares_qr(X, y),
                       rtol=1e-6, atol=1e-8, name="beta for cond(X) = 1e7")


@test_case(points=0.25, hidden=True)
def test_q02_7_square_system(least_squares_qr):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("02.7/square", 1)[0]
    X = rng.standard_normal((6, 6)) + 3.0 * np.eye(6)
    y = rng.standard_normal(6)
    C.assert_close(C.call_student(least_squares_qr, X, y), ref.least_squares_qr(X, y),
                   rtol=1e-6, atol=1e-8, name="beta for square X")


@test_case(points=0.5, hidden=True)
def test_q02_7_multiple_right_hand_sides(least_squares_qr):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("02.7/multi-rhs", 1)[0]
    X = rng.standard_normal((25, 4)) * 2.0
    Y = rng.standard_normal((25, 3)) * np.array([1.0, 10.0, 0.1])
    C.assert_close(C.call_student(least_squares_qr, X, Y), ref.least_squares_qr(X, Y),
                   rtol=1e-6, atol=1e-8, name="beta for y of shape (n, m)")


@test_case(points=0.25, hidden=True)
def test_q02_7_exact_fit(least_squares_qr):
    import numpy as np
    from aimath import checks as C
    rng = C.spawn_rngs("02.7/exact", 1)[0]
    X = rng.standard_normal((15, 4))
    beta = np.array([2.0, -1.0, 0.5, 3.0])
    C.assert_close(C.call_student(least_squares_qr, X, X @ beta), beta, rtol=1e-6, atol=1e-8,
                   name="beta for an exact fit")
