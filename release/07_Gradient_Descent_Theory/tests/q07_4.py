from otter.test_files import test_case

OK_FORMAT = False

name = 'q07_4'
points = 1.2000000000000002

@test_case(points=0.4, hidden=False)
def test_q07_4_shape_and_first_row(adam):
    import numpy as np
    from aimath import checks as C

    x0 = np.array([0.5, -1.0, 2.0])
    traj = C.call_student(adam, lambda x, t: 2.0 * x, x0, 0.01, 0.9, 0.999, 1e-8, 10)
    C.assert_shape(traj, (11, 3), name="trajectory")
    if np.asarray(traj).dtype != np.float64:
        C.fail("the trajectory must be a float64 array")
    C.assert_close(np.asarray(traj)[0], x0, rtol=1e-12, atol=1e-14, name="first row (must be x0)")


@test_case(points=0.4, hidden=False)
def test_q07_4_first_step_is_sign(adam):
    import numpy as np
    from aimath import checks as C

    # |g| >> eps: the first step is -lr * sign(g1) (up to eps/|g| < 1e-11)
    g1 = np.array([2.0e3, -5.0e3, 1.0e4, -3.0e3])
    x0 = np.array([1.0, 2.0, 3.0, 4.0])
    traj = C.call_student(adam, lambda x, t: g1 if t == 1 else np.zeros(4), x0, 0.05, 0.9, 0.999, 1e-8, 1)
    C.assert_close(np.asarray(traj)[1] - x0, -0.05 * np.sign(g1), rtol=1e-10, atol=1e-12,
                   name="first Adam step (must be -lr * sign(g1))")


@test_case(points=0.4, hidden=False)
def test_q07_4_constant_gradient(adam):
    import numpy as np
    from aimath import checks as C

    # constant gradient: bias-corrected m_hat = g and v_hat = g^2, so every step is -lr * g / (|g| + eps)
    g = np.array([3.0, -0.5])
    traj = C.call_student(adam, lambda x, t: g, np.zeros(2), 0.1, 0.9, 0.999, 1e-8, 20)
    step = -0.1 * g / (np.abs(g) + 1e-8)
    expected = np.arange(21)[:, None] * step[None, :]
    C.assert_close(traj, expected, rtol=1e-8, atol=1e-10,
                   name="trajectory for a constant gradient (equal steps thanks to the bias correction)")
