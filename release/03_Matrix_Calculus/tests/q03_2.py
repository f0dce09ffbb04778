from otter.test_files import test_case

OK_FORMAT = False

name = 'q03_2'
points = 0.6

@test_case(points=0.3, hidden=False)
def test_q03_2_hand_case(quadratic_form_grad_hess):
    import numpy as np
    from aimath import checks as C
    # A = [[1, 2], [0, 3]] is not symmetric: A + A^T = [[2, 2], [2, 6]]; at x = (1, 1), b = (1, -1)
    out = C.call_student(quadratic_form_grad_hess, np.array([[1.0, 2.0], [0.0, 3.0]]), np.array([1.0, -1.0]),
                         np.array([1.0, 1.0]))
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("quadratic_form_grad_hess must return a tuple (grad, H)")
    C.assert_close(out[0], np.array([5.0, 7.0]), **C.T1, name="gradient")
    C.assert_close(out[1], np.array([[2.0, 2.0], [2.0, 6.0]]), **C.T1, name="Hessian")


@test_case(points=0.3, hidden=False)
def test_q03_2_shapes_and_symmetry(quadratic_form_grad_hess):
    import numpy as np
    from aimath import checks as C
    A = np.array([[0.5, -1.0, 2.0], [3.0, 1.0, 0.0], [-2.0, 4.0, 1.5]])
    out = C.call_student(quadratic_form_grad_hess, A, np.array([1.0, 0.0, -1.0]), np.array([0.2, -0.4, 1.0]))
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("quadratic_form_grad_hess must return a tuple (grad, H)")
    grad, H = out
    C.assert_shape(grad, (3,), name="gradient")
    C.assert_shape(H, (3, 3), name="Hessian")
    C.assert_symmetric(H, atol=1e-12, name="Hessian")
