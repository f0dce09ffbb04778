from otter.test_files import test_case

OK_FORMAT = False

name = 'q02_6'
points = 4.0

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


@test_case(points=0.75, hidden=True)
def test_q02_6_random_matrices(lu_partial_pivot):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    forbid = ("scipy.linalg.lu", "scipy.linalg.lu_factor", "scipy.linalg.lu_solve")
    for rng, n in zip(C.spawn_rngs("02.6/random", 3), (4, 6, 9)):
        A = rng.standard_normal((n, n)) * 10.0
        P, L, U = (np.asarray(M, dtype=float) for M in C.call_student(lu_partial_pivot, A, forbid=forbid))
        rP, rL, rU = ref.lu_partial_pivot(A)
        norm_a = np.linalg.norm(A)
        C.assert_permutation_matrix(P)
        C.assert_triangular(L, lower=True, unit_diagonal=True, atol=1e-12)
        C.assert_triangular(U, lower=False, unit_diagonal=False, atol=1e-14 * norm_a)
        C.assert_close(L @ U, P @ A, rtol=0, atol=1e-12 * norm_a, name="L @ U compared with P @ A")
        C.assert_close(P, rP, rtol=1e-8, atol=1e-10, name="P")
        C.assert_close(L, rL, rtol=1e-8, atol=1e-10, name="L")
        C.assert_close(U, rU, rtol=1e-8, atol=1e-10, name="U")


@test_case(points=0.25, hidden=True)
def test_q02_6_zero_leading_entry(lu_partial_pivot):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("02.6/a00-zero", 1)[0]
    A = rng.standard_normal((5, 5)) * 2.0
    A[0, 0] = 0.0
    P, L, U = (np.asarray(M, dtype=float) for M in C.call_student(
        lu_partial_pivot, A, forbid=("scipy.linalg.lu", "scipy.linalg.lu_factor", "scipy.linalg.lu_solve")))
    rP, rL, rU = ref.lu_partial_pivot(A)
    C.assert_close(P, rP, rtol=1e-8, atol=1e-10, name="P")
    C.assert_close(L, rL, rtol=1e-8, atol=1e-10, name="L")
    C.assert_close(U, rU, rtol=1e-8, atol=1e-10, name="U")


@test_case(points=0.5, hidden=True)
def test_q02_6_singular_matrices(lu_partial_pivot):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    forbid = ("scipy.linalg.lu", "scipy.linalg.lu_factor", "scipy.linalg.lu_solve")
    rng = C.spawn_rngs("02.6/singular", 1)[0]
    # Column 1 = 2 * column 0: after step 0 the second pivot column is exactly zero (skipped).
    A1 = np.array([[1.0, 2.0, 3.0], [2.0, 4.0, 1.0], [4.0, 8.0, 5.0]])
    # A zero first column, then a regular step.
    A2 = np.array([[0.0, 1.0, 2.0], [0.0, 3.0, 4.0], [0.0, 5.0, 6.0]])
    for A in (A1, A2):
        P, L, U = (np.asarray(M, dtype=float) for M in C.call_student(lu_partial_pivot, A, forbid=forbid))
        rP, rL, rU = ref.lu_partial_pivot(A)
        C.assert_close(P, rP, rtol=1e-8, atol=1e-10, name="P")
        C.assert_close(L, rL, rtol=1e-8, atol=1e-10, name="L")
        C.assert_close(U, rU, rtol=1e-8, atol=1e-10, name="U")
    # A random rank-deficient matrix (pivots at rounding level): properties only.
    A3 = rng.standard_normal((6, 3)) @ rng.standard_normal((3, 6))
    P, L, U = (np.asarray(M, dtype=float) for M in C.call_student(lu_partial_pivot, A3, forbid=forbid))
    norm_a = np.linalg.norm(A3)
    C.assert_permutation_matrix(P)
    C.assert_triangular(L, lower=True, unit_diagonal=True, atol=1e-12)
    if np.abs(L).max() > 1.0 + 1e-12:
        C.fail("partial pivoting guarantees |L[i, j]| <= 1")
    C.assert_triangular(U, lower=False, unit_diagonal=False, atol=1e-14 * norm_a)
    C.assert_close(L @ U, P @ A3, rtol=0, atol=1e-12 * norm_a, name="L @ U compared with P @ A")


@test_case(points=0.25, hidden=True)
def test_q02_6_one_by_one(lu_partial_pivot):
    import numpy as np
    from aimath import checks as C
    P, L, U = C.call_student(lu_partial_pivot, np.array([[-3.5]]),
                             forbid=("scipy.linalg.lu", "scipy.linalg.lu_factor", "scipy.linalg.lu_solve"))
    C.assert_close(P, np.array([[1.0]]), rtol=1e-8, atol=1e-10, name="P")
    C.assert_close(L, np.array([[1.0]]), rtol=1e-8, atol=1e-10, name="L")
    C.assert_close(U, np.array([[-3.5]]), rtol=1e-8, atol=1e-10, name="U")


@test_case(points=0.5, hidden=True)
def test_q02_6_permutation_input(lu_partial_pivot):
    import numpy as np
    from aimath import checks as C
    # A is a 4-cycle permutation matrix, so P A = L U forces L = U = I and P = A^T (not A).
    A = np.eye(4)[[1, 2, 3, 0]]
    P, L, U = C.call_student(lu_partial_pivot, A,
                             forbid=("scipy.linalg.lu", "scipy.linalg.lu_factor", "scipy.linalg.lu_solve"))
    C.assert_close(P, A.T, rtol=1e-8, atol=1e-10, name="P")
    C.assert_close(L, np.eye(4), rtol=1e-8, atol=1e-10, name="L")
    C.assert_close(U, np.eye(4), rtol=1e-8, atol=1e-10, name="U")


@test_case(points=0.25, hidden=True)
def test_q02_6_upper_triangular_input(lu_partial_pivot):
    import numpy as np
    from aimath import checks as C
    rng = C.spawn_rngs("02.6/upper", 1)[0]
    A = np.triu(rng.standard_normal((5, 5))) + np.diag([3.0, -2.0, 4.0, 1.5, -5.0])
    P, L, U = C.call_student(lu_partial_pivot, A,
                             forbid=("scipy.linalg.lu", "scipy.linalg.lu_factor", "scipy.linalg.lu_solve"))
    C.assert_close(P, np.eye(5), rtol=1e-8, atol=1e-10, name="P")
    C.assert_close(L, np.eye(5), rtol=1e-8, atol=1e-10, name="L")
    C.assert_close(U, A, rtol=1e-8, atol=1e-10, name="U")


@test_case(points=0.25, hidden=True)
def test_q02_6_tie_rule(lu_partial_pivot):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    # |A[1, 0]| = |A[2, 0]| = 2: the tie goes to row 1.
    A = np.array([[1.0, 4.0, 2.0], [-2.0, 1.0, 0.0], [2.0, 3.0, 5.0]])
    P, L, U = C.call_student(lu_partial_pivot, A,
                             forbid=("scipy.linalg.lu", "scipy.linalg.lu_factor", "scipy.linalg.lu_solve"))
    rP, rL, rU = ref.lu_partial_pivot(A)
    C.assert_close(P, rP, rtol=1e-8, atol=1e-10, name="P (ties go to the lowest row index)")
    C.assert_close(L, rL, rtol=1e-8, atol=1e-10, name="L")
    C.assert_close(U, rU, rtol=1e-8, atol=1e-10, name="U")
