from otter.test_files import test_case

OK_FORMAT = False

name = 'q01_3'
points = 0.5

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
