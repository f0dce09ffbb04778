from otter.test_files import test_case

OK_FORMAT = False

name = 'q07_1'
points = 2.0

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


@test_case(points=0.4, hidden=True)
def test_q07_1_random_quadratic(gradient_descent):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    for k, rng in enumerate(C.spawn_rngs("07.1-random", 3)):
        d = int(rng.integers(2, 7))
        B = rng.standard_normal((d, d))
        Q = B @ B.T + np.eye(d)
        b = rng.standard_normal(d)
        L = np.linalg.eigvalsh(Q)[-1]
        grad = lambda x, Q=Q, b=b: Q @ x - b
        x0 = rng.standard_normal(d) * 3.0
        n = int(rng.integers(10, 60))
        traj = C.call_student(gradient_descent, grad, x0, 1.0 / L, n)
        C.assert_close(traj, ref.gradient_descent(grad, x0, 1.0 / L, n), rtol=1e-8, atol=1e-10,
                       name=f"trajectory (random quadratic {k + 1})")


@test_case(points=0.3, hidden=True)
def test_q07_1_closed_form(gradient_descent):
    import numpy as np
    from aimath import checks as C

    rng = C.spawn_rngs("07.1-closed", 1)[0]
    Q = np.diag([0.5, 2.0, 7.0])
    R, _ = np.linalg.qr(rng.standard_normal((3, 3)))
    Q = R @ Q @ R.T
    lr = 0.2
    x0 = np.array([1.0, -1.0, 2.0])
    traj = C.call_student(gradient_descent, lambda x: Q @ x, x0, lr, 25)
    M = np.eye(3) - lr * Q
    expected = np.array([np.linalg.matrix_power(M, t) @ x0 for t in range(26)])
    C.assert_close(traj, expected, rtol=1e-8, atol=1e-10, name="trajectory versus (I - lr Q)^t x0")


@test_case(points=0.2, hidden=True)
def test_q07_1_zero_steps(gradient_descent):
    import numpy as np
    from aimath import checks as C

    x0 = np.array([3.0, 1.0, -4.0, 1.5])
    traj = C.call_student(gradient_descent, lambda x: x, x0, 0.1, 0)
    C.assert_close(traj, x0[None, :], rtol=1e-12, atol=1e-14, name="trajectory with n_steps = 0")


@test_case(points=0.2, hidden=True)
def test_q07_1_one_dimensional(gradient_descent):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    grad = lambda x: np.array([4.0 * x[0] ** 3 - 2.0])
    traj = C.call_student(gradient_descent, grad, [1], 0.05, 30)  # list of ints as x0
    C.assert_close(traj, ref.gradient_descent(grad, np.array([1.0]), 0.05, 30), rtol=1e-8, atol=1e-10,
                   name="trajectory in one dimension")


@test_case(points=0.3, hidden=True)
def test_q07_1_nonlinear(gradient_descent):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()

    def grad(z):
        x, y = z
        return np.array([-2 * (1 - x) - 40 * x * (y - x**2), 20 * (y - x**2)])

    x0 = np.array([-1.2, 1.0])
    traj = C.call_student(gradient_descent, grad, x0, 0.01, 80, check_mutation=True, check_global_rng=True)
    C.assert_close(traj, ref.gradient_descent(grad, x0, 0.01, 80), rtol=1e-8, atol=1e-10,
                   name="trajectory on a Rosenbrock-type function")
