from otter.test_files import test_case

OK_FORMAT = False

name = 'q03_6'
points = 1.0

@test_case(points=0.5, hidden=False)
def test_q03_6_hand_case(logistic_hessian):
    import numpy as np
    from aimath import checks as C
    # w = 0: p = 1/2, p (1 - p) = 1/4, H = (1/2)(1/4) X^T X = diag(1/8, 1/2)
    H = C.call_student(logistic_hessian, np.array([[1.0, 0.0], [0.0, 2.0]]), np.array([0.0, 0.0]))
    C.assert_close(H, np.array([[0.125, 0.0], [0.0, 0.5]]), **C.T1, name="H at w = 0")


@test_case(points=0.5, hidden=False)
def test_q03_6_symmetric_psd(logistic_hessian):
    import numpy as np
    from aimath import checks as C
    rng = np.random.default_rng(6)
    H = C.call_student(logistic_hessian, rng.normal(size=(10, 3)), rng.normal(size=3))
    C.assert_shape(H, (3, 3), name="H for X of shape (10, 3)")
    C.assert_psd(H, tol=1e-12, name="H")
