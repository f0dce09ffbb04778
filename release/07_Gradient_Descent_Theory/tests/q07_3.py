from otter.test_files import test_case

OK_FORMAT = False

name = 'q07_3'
points = 0.8999999999999999

@test_case(points=0.3, hidden=False)
def test_q07_3_shape_and_first_row(sgd_momentum):
    import numpy as np
    from aimath import checks as C

    x0 = np.array([1.0, 2.0])
    traj = C.call_student(sgd_momentum, lambda x, t: x, x0, 0.1, 0.9, 7)
    C.assert_shape(traj, (8, 2), name="trajectory")
    if np.asarray(traj).dtype != np.float64:
        C.fail("the trajectory must be a float64 array")
    C.assert_close(np.asarray(traj)[0], x0, rtol=1e-12, atol=1e-14, name="first row (must be x0)")


@test_case(points=0.3, hidden=False)
def test_q07_3_hand_case(sgd_momentum):
    import numpy as np
    from aimath import checks as C

    # f = x^2/2 (grad = x), x0 = 1, lr = 0.5, beta = 0.5:
    # g1 = 1, v1 = 1, x1 = 0.5;  g2 = 0.5, v2 = 1.0, x2 = 0;  g3 = 0, v3 = 0.5, x3 = -0.25
    traj = C.call_student(sgd_momentum, lambda x, t: x, np.array([1.0]), 0.5, 0.5, 3)
    C.assert_close(traj, np.array([[1.0], [0.5], [0.0], [-0.25]]), rtol=1e-8, atol=1e-10,
                   name="trajectory for grad = x, lr = 0.5, beta = 0.5")


@test_case(points=0.3, hidden=False)
def test_q07_3_step_index(sgd_momentum):
    import numpy as np
    from aimath import checks as C

    # a gradient that only depends on t: with beta = 0, x_T = x0 - lr * (1 + 2 + ... + T)
    traj = C.call_student(sgd_momentum, lambda x, t: np.array([float(t)]), np.array([0.0]), 0.1, 0.0, 4)
    C.assert_close(traj, np.array([[0.0], [-0.1], [-0.3], [-0.6], [-1.0]]), rtol=1e-8, atol=1e-10,
                   name="trajectory for grad(x, t) = t (the steps are t = 1, 2, ...)")
