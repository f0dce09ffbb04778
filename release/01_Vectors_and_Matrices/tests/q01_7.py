from otter.test_files import test_case

OK_FORMAT = False

name = 'q01_7'
points = 0.25

@test_case(points=0.25, hidden=False)
def test_q01_7_hand_case(rotate_points_2d):
    import numpy as np
    from aimath import checks as C
    theta = np.arctan2(0.8, 0.6)  # cos = 0.6, sin = 0.8
    X = np.array([[1.0, 0.0], [0.0, 1.0], [2.0, 2.0]])
    out = C.call_student(rotate_points_2d, X, theta)
    C.assert_close(out, np.array([[0.6, 0.8], [-0.8, 0.6], [-0.4, 2.8]]), rtol=1e-10, atol=1e-12,
                   name="rotated points", require_ndarray=True)
