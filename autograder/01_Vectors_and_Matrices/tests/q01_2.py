from otter.test_files import test_case

OK_FORMAT = False

name = 'q01_2'
points = 3.0

@test_case(points=0.5, hidden=False)
def test_q01_2_hand_cases(coordinates_in_basis):
    import numpy as np
    from aimath import checks as C
    B = np.array([[1.0, 1.0], [0.0, 1.0]])  # b1 = (1, 0), b2 = (1, 1)
    c = C.call_student(coordinates_in_basis, B, np.array([3.0, 2.0]))
    C.assert_close(c, np.array([1.0, 2.0]), rtol=1e-8, atol=1e-10, name="coordinates of (3, 2)", require_ndarray=True)
    X = np.array([[3.0, 2.0], [1.0, 1.0], [0.0, -1.0]])
    Cs = C.call_student(coordinates_in_basis, B, X)
    C.assert_close(Cs, np.array([[1.0, 2.0], [0.0, 1.0], [1.0, -1.0]]), rtol=1e-8, atol=1e-10,
                   name="coordinates of three points (rows)", require_ndarray=True)


@test_case(points=0.5, hidden=False)
def test_q01_2_points_are_reconstructed(coordinates_in_basis):
    import numpy as np
    from aimath import checks as C
    rng = np.random.default_rng(101)
    B = rng.standard_normal((3, 3)) + 3.0 * np.eye(3)
    X = rng.standard_normal((5, 3))
    Cs = C.call_student(coordinates_in_basis, B, X)
    C.assert_shape(Cs, (5, 3), name="coordinates")
    C.assert_close(np.asarray(Cs) @ B.T, X, rtol=1e-8, atol=1e-10, name="C @ B.T (should give back X)")


@test_case(points=0.5, hidden=True)
def test_q01_2_random_batches(coordinates_in_basis):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    for rng, (n, d) in zip(C.spawn_rngs("01.2", 3), [(7, 4), (2, 5), (30, 3)]):
        U = np.linalg.qr(rng.standard_normal((d, d)))[0]
        W = np.linalg.qr(rng.standard_normal((d, d)))[0]
        B = 3.0 * (U * np.logspace(0, -3, d)) @ W.T  # non-symmetric, condition number 1e3
        X = 5.0 * rng.standard_normal((n, d)) + 2.0
        out = C.call_student(coordinates_in_basis, B, X)
        C.assert_close(out, ref.coordinates_in_basis(B, X), rtol=1e-8, atol=1e-10, name="coordinates",
                       require_ndarray=True)
        relative = np.linalg.norm(np.asarray(out) @ B.T - X) / np.linalg.norm(X)
        if not relative <= 1e-10:
            C.fail(f"relative residual ||C B^T - X|| / ||X|| = {relative:.1e} exceeds 1e-10")


@test_case(points=0.5, hidden=True)
def test_q01_2_square_batch(coordinates_in_basis):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    for rng, d in zip(C.spawn_rngs("01.2-square", 2), (4, 6)):
        B = rng.standard_normal((d, d)) + np.diag(np.linspace(2.0, 4.0, d))
        B[0, -1] += 3.0  # clearly non-symmetric
        X = rng.standard_normal((d, d)) - 1.0  # n = d points: a transposed solve would run silently
        out = C.call_student(coordinates_in_basis, B, X)
        C.assert_close(out, ref.coordinates_in_basis(B, X), rtol=1e-8, atol=1e-10,
                       name="coordinates of a square batch (n = d)", require_ndarray=True)


@test_case(points=0.25, hidden=True)
def test_q01_2_single_vector(coordinates_in_basis):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("01.2-vector", 1)[0]
    B = rng.standard_normal((5, 5)) + 4.0 * np.eye(5)
    B[1, 3] -= 2.5
    x = rng.standard_normal(5) * 3.0
    out = C.call_student(coordinates_in_basis, B, x)
    C.assert_close(out, ref.coordinates_in_basis(B, x), rtol=1e-8, atol=1e-10,
                   name="coordinates of a single vector", require_ndarray=True)


@test_case(points=0.25, hidden=True)
def test_q01_2_orthonormal_basis(coordinates_in_basis):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("01.2-orthonormal", 1)[0]
    Q = np.linalg.qr(rng.standard_normal((3, 3)))[0]
    X = rng.standard_normal((6, 3))
    out = C.call_student(coordinates_in_basis, Q, X)
    C.assert_close(out, ref.coordinates_in_basis(Q, X), rtol=1e-8, atol=1e-10,
                   name="coordinates in an orthonormal basis", require_ndarray=True)


@test_case(points=0.5, hidden=True)
def test_q01_2_one_dimension_and_no_points(coordinates_in_basis):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    B1 = np.array([[2.5]])
    for X in (np.array([[5.0], [-1.0], [0.5], [10.0]]), np.array([-4.0])):
        out = C.call_student(coordinates_in_basis, B1, X)
        C.assert_close(out, ref.coordinates_in_basis(B1, X), rtol=1e-8, atol=1e-10,
                       name="coordinates for d = 1", require_ndarray=True)
    B3 = np.array([[1.0, 2.0, 0.0], [0.0, 1.0, 3.0], [1.0, 0.0, 1.0]])
    out = C.call_student(coordinates_in_basis, B3, np.zeros((0, 3)))
    C.assert_close(out, np.zeros((0, 3)), name="coordinates of an empty batch (n = 0)", require_ndarray=True)
