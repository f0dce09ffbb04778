from otter.test_files import test_case

OK_FORMAT = False

name = 'q02_3'
points = 1.25

@test_case(points=0.5, hidden=False)
def test_q02_3_shapes(truncated_svd, low_rank_approx):
    import numpy as np
    from aimath import checks as C
    A = np.arange(15.0).reshape(5, 3) ** 1.5
    out = C.call_student(truncated_svd, A, 2)
    if not (isinstance(out, tuple) and len(out) == 3):
        C.fail("truncated_svd must return a tuple (U_k, s_k, Vt_k)")
    U, s, Vt = out
    C.assert_shape(U, (5, 2), name="U_k")
    C.assert_shape(s, (2,), name="s_k")
    C.assert_shape(Vt, (2, 3), name="Vt_k")
    C.assert_shape(C.call_student(low_rank_approx, A, 2), (5, 3), name="low_rank_approx(A, 2)")
    C.assert_shape(C.call_student(low_rank_approx, A.T, 1), (3, 5), name="low_rank_approx(A.T, 1)")


@test_case(points=0.5, hidden=False)
def test_q02_3_hand_example(truncated_svd, low_rank_approx):
    import numpy as np
    from aimath import checks as C
    # A = [[3, 0], [0, -2], [0, 0]] has sigma = (3, 2), u1 = e1, v1 = e1; its best rank-1
    # approximation keeps the 3 and drops the -2.
    A = np.array([[3.0, 0.0], [0.0, -2.0], [0.0, 0.0]])
    U, s, Vt = C.call_student(truncated_svd, A, 1)
    C.assert_close(s, np.array([3.0]), rtol=1e-8, atol=1e-10, name="s_k")
    C.assert_close(np.asarray(U) @ np.diag(s) @ np.asarray(Vt), np.array([[3.0, 0.0], [0.0, 0.0], [0.0, 0.0]]),
                   rtol=1e-8, atol=1e-10, name="U_k diag(s_k) Vt_k")
    C.assert_close(C.call_student(low_rank_approx, A, 1), np.array([[3.0, 0.0], [0.0, 0.0], [0.0, 0.0]]),
                   rtol=1e-8, atol=1e-10, name="low_rank_approx(A, 1)")


@test_case(points=0.25, hidden=False)
def test_q02_3_eckart_young_error(truncated_svd, low_rank_approx):
    import numpy as np
    from aimath import checks as C
    rng = np.random.default_rng(11)
    A = rng.standard_normal((7, 4)) * 3.0
    sigma = np.linalg.svd(A, compute_uv=False)
    A2 = np.asarray(C.call_student(low_rank_approx, A, 2), dtype=float)
    C.assert_shape(A2, (7, 4), name="low_rank_approx(A, 2)")
    C.assert_scalar_close(np.linalg.norm(A - A2), np.sqrt(np.sum(sigma[2:] ** 2)), rtol=1e-8, atol=1e-10,
                          name="||A - A_2||_F")
    if np.linalg.matrix_rank(A2, tol=1e-8 * sigma[0]) > 2:
        C.fail("low_rank_approx(A, 2) has rank larger than 2")
