from otter.test_files import test_case

OK_FORMAT = False

name = 'q01_3'
points = 2.0

@test_case(points=0.5, hidden=False)
def test_q01_3_hand_cases(change_of_basis_matrix):
    import numpy as np
    from aimath import checks as C
    B_from = np.array([[1.0, 1.0], [0.0, 1.0]])
    P = C.call_student(change_of_basis_matrix, B_from, np.eye(2))
    C.assert_close(P, B_from, rtol=1e-8, atol=1e-10, name="P into the standard basis", require_ndarray=True)
    B_to = np.array([[2.0, 0.0], [1.0, 1.0]])
    P = C.call_student(change_of_basis_matrix, B_from, B_to)
    C.assert_close(P, np.array([[0.5, 0.5], [-0.5, 0.5]]), rtol=1e-8, atol=1e-10, name="P", require_ndarray=True)


@test_case(points=0.5, hidden=True)
def test_q01_3_random_bases(change_of_basis_matrix):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    for rng, d in zip(C.spawn_rngs("01.3", 3), (3, 4, 6)):
        B_from = rng.standard_normal((d, d)) + 2.0 * np.eye(d)
        B_to = rng.standard_normal((d, d)) + np.diag(np.linspace(1.5, 3.0, d))
        B_to[0, d - 1] += 2.0
        out = C.call_student(change_of_basis_matrix, B_from, B_to)
        C.assert_close(out, ref.change_of_basis_matrix(B_from, B_to), rtol=1e-8, atol=1e-10,
                       name="change-of-basis matrix", require_ndarray=True)


@test_case(points=0.5, hidden=True)
def test_q01_3_maps_coordinates(change_of_basis_matrix):
    import numpy as np
    from aimath import checks as C
    rng = C.spawn_rngs("01.3-property", 1)[0]
    d = 5
    B_from = rng.standard_normal((d, d)) + 2.5 * np.eye(d)
    B_to = rng.standard_normal((d, d)) - 2.5 * np.eye(d)
    P = np.asarray(C.call_student(change_of_basis_matrix, B_from, B_to), dtype=float)
    C.assert_shape(P, (d, d), name="P")
    c_from = rng.standard_normal((d, 8))  # eight coordinate vectors as columns
    c_to = np.linalg.solve(B_to, B_from @ c_from)
    C.assert_close(P @ c_from, c_to, rtol=1e-8, atol=1e-10, name="P @ c_from (should equal c_to)")


@test_case(points=0.5, hidden=True)
def test_q01_3_same_basis_and_one_dimension(change_of_basis_matrix):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("01.3-edges", 1)[0]
    B = rng.standard_normal((4, 4)) + 3.0 * np.eye(4)
    out = C.call_student(change_of_basis_matrix, B, B)
    C.assert_close(out, np.eye(4), rtol=1e-8, atol=1e-10, name="P for B_from == B_to", require_ndarray=True)
    B_from, B_to = np.array([[3.0]]), np.array([[-2.0]])
    out = C.call_student(change_of_basis_matrix, B_from, B_to)
    C.assert_close(out, ref.change_of_basis_matrix(B_from, B_to), rtol=1e-8, atol=1e-10, name="P for d = 1",
                   require_ndarray=True)
