from otter.test_files import test_case

OK_FORMAT = False

name = 'q01_2'
points = 1.0

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
