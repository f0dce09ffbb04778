from otter.test_files import test_case

OK_FORMAT = False

name = 'q05_1'
points = 0.25

@test_case(points=0.25, hidden=False)
def test_q05_1_example(directional_derivative):
    import numpy as np
    from aimath import checks as C

    grad_f = lambda x: np.array([2.0 * x[0], 4.0 * x[1]])  # f = x0^2 + 2 x1^2
    x = np.array([1.0, 1.0])
    out = C.call_student(directional_derivative, grad_f, x, np.array([3.0, 4.0]))
    C.assert_scalar_close(out, 4.4, rtol=1e-10, atol=1e-12, name="directional derivative along v = (3, 4)")
    out = C.call_student(directional_derivative, grad_f, x, np.array([0.0, 2.0]))
    C.assert_scalar_close(out, 4.0, rtol=1e-10, atol=1e-12, name="directional derivative along v = (0, 2)")
