from otter.test_files import test_case

OK_FORMAT = False

name = 'q07_1'
points = 0.6

@test_case(points=0.3, hidden=False)
def test_q07_1_shape_and_first_row(gradient_descent):
    import numpy as np
    from aimath import checks as C

    x0 = np.array([1.0, -2.0, 0.5])
    traj = C.call_student(gradient_descent, lambda x: 2.0 * x, x0, 0.1, 5)
    C.assert_shape(traj, (6, 3), name="trajectory")
    if np.asarray(traj).dtype != np.float64:
        C.fail("the trajectory must be a float64 array")
    C.assert_close(np.asarray(traj)[0], x0, rtol=1e-12, atol=1e-14, name="first row (must be x0)")


@test_case(points=0.3, hidden=False)
def test_q07_1_hand_case(gradient_descent):
    import numpy as np
    from aimath import checks as C

    # f = ||x||^2, grad = 2x, lr = 0.25: every step halves x
    x0 = np.array([4.0, -8.0])
    traj = C.call_student(gradient_descent, lambda x: 2.0 * x, x0, 0.25, 4)
    expected = np.array([x0 * 0.5**t for t in range(5)])
    C.assert_close(traj, expected, rtol=1e-8, atol=1e-10, name="trajectory for grad = 2x, lr = 0.25")
