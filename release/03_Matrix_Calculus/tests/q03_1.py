from otter.test_files import test_case

OK_FORMAT = False

name = 'q03_1'
points = 1.0

@test_case(points=0.5, hidden=False)
def test_q03_1_linear_map(numerical_jacobian):
    import numpy as np
    from aimath import checks as C
    A = np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 0.5]])
    J = C.call_student(numerical_jacobian, lambda x: A @ x, np.array([0.3, -0.7]))
    C.assert_shape(J, (3, 2), name="Jacobian of x -> A x (A is 3x2)")
    C.assert_close(J, A, **C.T3, name="Jacobian of x -> A x")


@test_case(points=0.5, hidden=False)
def test_q03_1_scalar_function(numerical_jacobian):
    import numpy as np
    from aimath import checks as C
    # f(x) = x0^2 + 3 x0 x1 has gradient (2 x0 + 3 x1, 3 x0) = (8, 3) at x = (1, 2)
    J = C.call_student(numerical_jacobian, lambda x: x[0] ** 2 + 3.0 * x[0] * x[1], np.array([1.0, 2.0]))
    C.assert_shape(J, (1, 2), name="Jacobian of a scalar function of 2 variables")
    C.assert_close(J, np.array([[8.0, 3.0]]), **C.T3, name="Jacobian of x0^2 + 3 x0 x1 at (1, 2)")
