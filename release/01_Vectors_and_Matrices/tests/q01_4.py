from otter.test_files import test_case

OK_FORMAT = False

name = 'q01_4'
points = 0.5

@test_case(points=0.5, hidden=False)
def test_q01_4_hand_case(matrix_of_linear_map):
    import numpy as np
    from aimath import checks as C

    def f(v):  # R^2 -> R^3, one vector at a time
        vec = np.asarray(v, dtype=np.float64)
        if vec.shape != (2,):
            raise ValueError("f takes one vector of shape (2,)")
        return np.array([vec[0] + 2.0 * vec[1], 3.0 * vec[1], -vec[0]])

    M = C.call_student(matrix_of_linear_map, f, 2)
    C.assert_close(M, np.array([[1.0, 2.0], [0.0, 3.0], [-1.0, 0.0]]), rtol=1e-10, atol=1e-12,
                   name="matrix of f", require_ndarray=True)
