from otter.test_files import test_case

OK_FORMAT = False

name = 'q02_1'
points = 1.0

@test_case(points=0.25, hidden=False)
def test_q02_1_types_and_shapes(sym_eig_sorted):
    import numpy as np
    from aimath import checks as C
    out = C.call_student(sym_eig_sorted, [[4, 1, 0], [1, 3, 0], [0, 0, -2]])
    if not (isinstance(out, tuple) and len(out) == 2):
        C.fail("sym_eig_sorted must return a tuple (vals, vecs)")
    vals, vecs = out
    C.assert_shape(vals, (3,), name="vals")
    C.assert_shape(vecs, (3, 3), name="vecs")
    for name, arr in (("vals", vals), ("vecs", vecs)):
        if not (isinstance(arr, np.ndarray) and arr.dtype == np.float64):
            C.fail(f"{name} must be a float64 NumPy array")


@test_case(points=0.5, hidden=False)
def test_q02_1_hand_example(sym_eig_sorted):
    import numpy as np
    from aimath import checks as C
    # [[2, 1], [1, 2]] has eigenvalues 3 and 1 with eigenvectors (1, 1)/sqrt(2) and (1, -1)/sqrt(2).
    vals, vecs = C.call_student(sym_eig_sorted, np.array([[2.0, 1.0], [1.0, 2.0]]))
    C.assert_close(vals, np.array([3.0, 1.0]), rtol=1e-8, atol=1e-10, name="vals")
    expected = np.array([[1.0, 1.0], [1.0, -1.0]]) / np.sqrt(2.0)
    C.assert_columns_equal_up_to_sign(np.asarray(vecs), expected, atol=1e-8)


@test_case(points=0.25, hidden=False)
def test_q02_1_eigen_equation(sym_eig_sorted):
    import numpy as np
    from aimath import checks as C
    rng = np.random.default_rng(2024)
    B = rng.standard_normal((5, 5))
    S = B + B.T
    vals, vecs = C.call_student(sym_eig_sorted, S)
    vals, vecs = np.asarray(vals), np.asarray(vecs)
    C.assert_shape(vecs, (5, 5), name="vecs")
    if np.any(np.diff(vals) > 0):
        C.fail("eigenvalues must be sorted in descending order")
    C.assert_orthonormal_columns(vecs, atol=1e-10)
    C.assert_close(S @ vecs, vecs * vals, rtol=0, atol=1e-9 * np.linalg.norm(S, 2), name="S @ vecs - vecs * vals")
