from otter.test_files import test_case

OK_FORMAT = False

name = 'q02_7'
points = 1.0

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
