from otter.test_files import test_case

OK_FORMAT = False

name = 'q02_3'
points = 4.0

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


@test_case(points=1.0, hidden=True)
def test_q02_3_random_tall_and_wide(truncated_svd, low_rank_approx):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    shapes = [(9, 5, 2), (4, 8, 3), (6, 6, 4)]
    for rng, (m, n, k) in zip(C.spawn_rngs("02.3/random", 3), shapes):
        A = rng.standard_normal((m, n)) * 4.0 + 1.0
        U, s, Vt = C.call_student(truncated_svd, A, k)
        C.assert_svd_equivalent(U, s, Vt, A, k)
        C.assert_close(C.call_student(low_rank_approx, A, k), ref.low_rank_approx(A, k),
                       rtol=1e-8, atol=1e-10, name="low_rank_approx")


@test_case(points=0.25, hidden=True)
def test_q02_3_full_rank_k(truncated_svd, low_rank_approx):
    import numpy as np
    from aimath import checks as C
    rng = C.spawn_rngs("02.3/full-k", 1)[0]
    for m, n in [(7, 4), (3, 6)]:
        A = rng.standard_normal((m, n)) * 2.0
        k = min(m, n)
        U, s, Vt = C.call_student(truncated_svd, A, k)
        C.assert_svd_equivalent(U, s, Vt, A, k)
        C.assert_close(C.call_student(low_rank_approx, A, k), A, rtol=1e-8, atol=1e-10,
                       name="low_rank_approx(A, min(m, n))")


@test_case(points=0.5, hidden=True)
def test_q02_3_k_zero(truncated_svd, low_rank_approx):
    import numpy as np
    from aimath import checks as C
    rng = C.spawn_rngs("02.3/k-zero", 1)[0]
    A = rng.standard_normal((5, 3))
    U, s, Vt = C.call_student(truncated_svd, A, 0)
    C.assert_shape(U, (5, 0), name="U_k for k = 0")
    C.assert_shape(s, (0,), name="s_k for k = 0")
    C.assert_shape(Vt, (0, 3), name="Vt_k for k = 0")
    C.assert_close(C.call_student(low_rank_approx, A, 0), np.zeros((5, 3)), rtol=1e-8, atol=1e-10,
                   name="low_rank_approx(A, 0)")


@test_case(points=0.5, hidden=True)
def test_q02_3_tied_singular_values(truncated_svd, low_rank_approx):
    import numpy as np
    from aimath import checks as C
    # A scaled orthogonal matrix: all singular values equal 3, so sigma_k = sigma_{k+1} and the
    # best rank-k approximation is not unique; check what is unique.
    rng = C.spawn_rngs("02.3/ties", 1)[0]
    Q, _ = np.linalg.qr(rng.standard_normal((6, 6)))
    A, k = 3.0 * Q, 2
    U, s, Vt = C.call_student(truncated_svd, A, k)
    U, s, Vt = np.asarray(U, float), np.asarray(s, float), np.asarray(Vt, float)
    C.assert_shape(U, (6, k), name="U_k")
    C.assert_shape(Vt, (k, 6), name="Vt_k")
    C.assert_close(s, np.full(k, 3.0), rtol=1e-8, atol=1e-10, name="s_k")
    C.assert_orthonormal_columns(U, atol=1e-10)
    C.assert_orthonormal_columns(Vt.T, atol=1e-10)
    C.assert_close(A @ Vt.T, U * s, rtol=1e-8, atol=1e-10, name="A v_i - sigma_i u_i")
    Ak = np.asarray(C.call_student(low_rank_approx, A, k), dtype=float)
    C.assert_shape(Ak, (6, 6), name="low_rank_approx")
    C.assert_scalar_close(np.linalg.norm(A - Ak), 3.0 * np.sqrt(6 - k), rtol=1e-8, atol=1e-10,
                          name="||A - A_k||_F")
    if np.linalg.matrix_rank(Ak, tol=1e-8) > k:
        C.fail("low_rank_approx returned a matrix of rank larger than k")


@test_case(points=0.5, hidden=True)
def test_q02_3_rank_deficient(truncated_svd, low_rank_approx):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    # rank(A) = 2 < k = 3: the third singular value is 0 and its singular vectors are arbitrary.
    rng = C.spawn_rngs("02.3/rank-deficient", 1)[0]
    A = rng.standard_normal((7, 2)) @ rng.standard_normal((2, 5)) * 2.0
    k = 3
    U, s, Vt = C.call_student(truncated_svd, A, k)
    U, s, Vt = np.asarray(U, float), np.asarray(s, float), np.asarray(Vt, float)
    C.assert_shape(U, (7, k), name="U_k")
    C.assert_shape(Vt, (k, 5), name="Vt_k")
    _, ref_s, _ = ref.truncated_svd(A, k)
    C.assert_close(s, ref_s, rtol=1e-8, atol=1e-10, name="s_k")
    C.assert_orthonormal_columns(U, atol=1e-10)
    C.assert_orthonormal_columns(Vt.T, atol=1e-10)
    C.assert_close(U @ np.diag(s) @ Vt, A, rtol=1e-8, atol=1e-10, name="U_k diag(s_k) Vt_k")
    C.assert_close(C.call_student(low_rank_approx, A, k), A, rtol=1e-8, atol=1e-10, name="low_rank_approx")
