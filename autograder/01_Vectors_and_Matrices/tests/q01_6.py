from otter.test_files import test_case

OK_FORMAT = False

name = 'q01_6'
points = 3.0

@test_case(points=0.5, hidden=False)
def test_q01_6_hand_cases(project_onto_column_space):
    import numpy as np
    from aimath import checks as C
    A = np.array([[1.0], [1.0]])  # the line x1 = x2
    p = C.call_student(project_onto_column_space, A, np.array([2.0, 0.0]))
    C.assert_close(p, np.array([1.0, 1.0]), rtol=1e-8, atol=1e-10, name="projection of (2, 0)", require_ndarray=True)
    X = np.array([[2.0, 0.0], [0.0, 3.0], [1.0, 1.0]])
    P = C.call_student(project_onto_column_space, A, X)
    C.assert_close(P, np.array([[1.0, 1.0], [1.5, 1.5], [1.0, 1.0]]), rtol=1e-8, atol=1e-10,
                   name="projections of three points (rows)", require_ndarray=True)


@test_case(points=0.5, hidden=False)
def test_q01_6_orthogonal_residual_and_idempotent(project_onto_column_space):
    import numpy as np
    from aimath import checks as C
    rng = np.random.default_rng(61)
    A = rng.standard_normal((5, 2))
    X = rng.standard_normal((4, 5)) * 2.0
    P = np.asarray(C.call_student(project_onto_column_space, A, X), dtype=float)
    C.assert_shape(P, (4, 5), name="projections")
    C.assert_close(A.T @ (X - P).T, np.zeros((2, 4)), rtol=0.0, atol=1e-9,
                   name="A^T (X - P)^T (residuals must be orthogonal to col(A))")
    PP = C.call_student(project_onto_column_space, A, P)
    C.assert_close(PP, P, rtol=1e-8, atol=1e-9, name="projection of the projections (must not change)")


@test_case(points=0.5, hidden=True)
def test_q01_6_random_full_rank(project_onto_column_space):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    for rng, (n, d, k) in zip(C.spawn_rngs("01.6", 3), [(5, 6, 3), (9, 4, 1), (2, 7, 5)]):
        A = 2.0 * rng.standard_normal((d, k)) + 0.5
        X = 3.0 * rng.standard_normal((n, d)) - 1.0
        out = C.call_student(project_onto_column_space, A, X)
        C.assert_close(out, ref.project_onto_column_space(A, X), rtol=1e-8, atol=1e-10, name="projections",
                       require_ndarray=True)
        scale = max(1.0, np.abs(A).max()) * max(1.0, np.abs(X).max())
        residual = np.abs(A.T @ (X - np.asarray(out, dtype=float)).T).max()
        if not residual <= 1e-9 * scale:
            C.fail(f"residuals are not orthogonal to col(A): max |A^T (X - P)^T| = {residual:.1e}")


@test_case(points=0.5, hidden=True)
def test_q01_6_duplicate_columns(project_onto_column_space):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("01.6-duplicates", 1)[0]
    a, b = rng.standard_normal((2, 6))
    for A in (np.column_stack([a, b, a]), np.column_stack([a, b, a + b, 2.0 * a])):
        X = rng.standard_normal((4, 6)) * 2.0
        out = C.call_student(project_onto_column_space, A, X)
        C.assert_close(out, ref.project_onto_column_space(A, X), rtol=1e-8, atol=1e-10,
                       name="projections onto the span of dependent columns", require_ndarray=True)
        again = C.call_student(project_onto_column_space, A, np.asarray(out, dtype=float))
        C.assert_close(again, np.asarray(out, dtype=float), rtol=1e-8, atol=1e-9, name="re-projected projections")


@test_case(points=0.25, hidden=True)
def test_q01_6_square_rank_deficient(project_onto_column_space):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("01.6-square", 1)[0]
    A = rng.standard_normal((4, 2)) @ rng.standard_normal((2, 4))  # rank 2, column space != row space
    X = rng.standard_normal((3, 4))
    out = C.call_student(project_onto_column_space, A, X)
    C.assert_close(out, ref.project_onto_column_space(A, X), rtol=1e-8, atol=1e-10,
                   name="projections for a square rank-2 A", require_ndarray=True)


@test_case(points=0.5, hidden=True)
def test_q01_6_full_space_and_zero_matrix(project_onto_column_space):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("01.6-extremes", 1)[0]
    A = rng.standard_normal((4, 4)) + 2.0 * np.eye(4)  # col(A) is all of R^4
    X = rng.standard_normal((5, 4))
    out = C.call_student(project_onto_column_space, A, X)
    C.assert_close(out, ref.project_onto_column_space(A, X), rtol=1e-8, atol=1e-10,
                   name="projections when col(A) is the whole space", require_ndarray=True)
    Z = np.zeros((3, 2))
    X = rng.standard_normal((2, 3))
    out = C.call_student(project_onto_column_space, Z, X)
    C.assert_close(out, np.zeros((2, 3)), rtol=1e-8, atol=1e-10, name="projections onto col(0)",
                   require_ndarray=True)


@test_case(points=0.25, hidden=True)
def test_q01_6_single_vector(project_onto_column_space):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("01.6-vector", 1)[0]
    a, b = rng.standard_normal((2, 5))
    A = np.column_stack([a, b, a - b])
    x = rng.standard_normal(5) * 4.0
    out = C.call_student(project_onto_column_space, A, x)
    C.assert_close(out, ref.project_onto_column_space(A, x), rtol=1e-8, atol=1e-10,
                   name="projection of a single vector", require_ndarray=True)
