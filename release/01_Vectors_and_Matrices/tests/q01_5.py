from otter.test_files import test_case

OK_FORMAT = False

name = 'q01_5'
points = 1.25

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
