from otter.test_files import test_case

OK_FORMAT = False

name = 'q02_6'
points = 1.25

@test_case(points=0.25, hidden=False)
def test_q02_6_types_and_shapes(lu_partial_pivot):
    import numpy as np
    from aimath import checks as C
    out = C.call_student(lu_partial_pivot, [[2, 1, 1], [4, -6, 0], [-2, 7, 2]],
                         forbid=("scipy.linalg.lu", "scipy.linalg.lu_factor", "scipy.linalg.lu_solve"))
    if not (isinstance(out, tuple) and len(out) == 3):
        C.fail("lu_partial_pivot must return a tuple (P, L, U)")
    for name, arr in zip("PLU", out):
        C.assert_shape(arr, (3, 3), name=name)
        if not (isinstance(arr, np.ndarray) and arr.dtype == np.float64):
            C.fail(f"{name} must be a float64 NumPy array")


@test_case(points=0.5, hidden=False)
def test_q02_6_hand_example(lu_partial_pivot):
    import numpy as np
    from aimath import checks as C
    # [[1, 2], [3, 4]]: |3| > |1|, so swap; multiplier 1/3; U22 = 2 - (1/3) * 4 = 2/3.
    P, L, U = C.call_student(lu_partial_pivot, np.array([[1.0, 2.0], [3.0, 4.0]]),
                             forbid=("scipy.linalg.lu", "scipy.linalg.lu_factor", "scipy.linalg.lu_solve"))
    C.assert_close(P, np.array([[0.0, 1.0], [1.0, 0.0]]), rtol=1e-8, atol=1e-10, name="P")
    C.assert_close(L, np.array([[1.0, 0.0], [1.0 / 3.0, 1.0]]), rtol=1e-8, atol=1e-10, name="L")
    C.assert_close(U, np.array([[3.0, 4.0], [0.0, 2.0 / 3.0]]), rtol=1e-8, atol=1e-10, name="U")


@test_case(points=0.5, hidden=False)
def test_q02_6_factorization_properties(lu_partial_pivot):
    import numpy as np
    from aimath import checks as C
    rng = np.random.default_rng(21)
    A = rng.standard_normal((5, 5)) * 3.0
    P, L, U = (np.asarray(M, dtype=float) for M in C.call_student(
        lu_partial_pivot, A, forbid=("scipy.linalg.lu", "scipy.linalg.lu_factor", "scipy.linalg.lu_solve")))
    norm_a = np.linalg.norm(A)
    C.assert_permutation_matrix(P)
    C.assert_triangular(L, lower=True, unit_diagonal=True, atol=1e-12)
    if np.abs(L).max() > 1.0 + 1e-12:
        C.fail("partial pivoting guarantees |L[i, j]| <= 1; a larger multiplier means a wrong pivot")
    C.assert_triangular(U, lower=False, unit_diagonal=False, atol=1e-14 * norm_a)
    C.assert_close(L @ U, P @ A, rtol=0, atol=1e-12 * norm_a, name="L @ U compared with P @ A")
