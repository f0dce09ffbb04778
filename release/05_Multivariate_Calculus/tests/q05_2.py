from otter.test_files import test_case

OK_FORMAT = False

name = 'q05_2'
points = 1.0

@test_case(points=0.5, hidden=False)
def test_q05_2_origin_and_minimum(rosenbrock_grad_hess):
    import numpy as np
    from aimath import checks as C

    out = C.call_student(rosenbrock_grad_hess, np.array([0.0, 0.0]))
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("rosenbrock_grad_hess must return a tuple (grad, hess)")
    C.assert_close(out[0], np.array([-2.0, 0.0]), rtol=1e-10, atol=1e-12, name="gradient at (0, 0)")
    C.assert_close(out[1], np.array([[2.0, 0.0], [0.0, 200.0]]), rtol=1e-10, atol=1e-12, name="Hessian at (0, 0)")
    out = C.call_student(rosenbrock_grad_hess, np.array([1.0, 1.0]))
    C.assert_close(out[0], np.zeros(2), rtol=1e-10, atol=1e-12, name="gradient at the minimizer (1, 1)")


@test_case(points=0.5, hidden=False)
def test_q05_2_hand_checked_point(rosenbrock_grad_hess):
    import numpy as np
    from aimath import checks as C

    out = C.call_student(rosenbrock_grad_hess, np.array([-1.5, 2.0]))
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("rosenbrock_grad_hess must return a tuple (grad, hess)")
    C.assert_close(out[0], np.array([-155.0, -50.0]), rtol=1e-10, atol=1e-12, name="gradient at (-1.5, 2)")
    C.assert_close(out[1], np.array([[1902.0, 600.0], [600.0, 200.0]]), rtol=1e-10, atol=1e-12, name="Hessian at (-1.5, 2)")
