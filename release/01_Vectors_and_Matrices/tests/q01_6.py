from otter.test_files import test_case

OK_FORMAT = False

name = 'q01_6'
points = 1.0

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
