from otter.test_files import test_case

OK_FORMAT = False

name = 'q07_3'
points = 3.0

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


@test_case(points=0.5, hidden=True)
def test_q07_3_random_stochastic(sgd_momentum):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    for k, rng in enumerate(C.spawn_rngs("07.3-random", 3)):
        d = int(rng.integers(2, 6))
        B = rng.standard_normal((d, d))
        Q = B @ B.T / d + 0.2 * np.eye(d)
        n = int(rng.integers(20, 80))
        noise = rng.standard_normal((n + 1, d)) * 0.3
        grad = lambda x, t, Q=Q, noise=noise: Q @ x + noise[t]
        x0 = rng.standard_normal(d)
        lr = 0.05
        beta = float(rng.uniform(0.5, 0.95))
        traj = C.call_student(sgd_momentum, grad, x0, lr, beta, n)
        C.assert_close(traj, ref.sgd_momentum(grad, x0, lr, beta, n), rtol=1e-8, atol=1e-10,
                       name=f"trajectory (noisy quadratic {k + 1})")


@test_case(points=0.2, hidden=True)
def test_q07_3_beta_zero_is_gd(sgd_momentum):
    import numpy as np
    from aimath import checks as C

    Q = np.array([[3.0, 1.0], [1.0, 2.0]])
    x0 = np.array([2.0, -1.0])
    traj = C.call_student(sgd_momentum, lambda x, t: Q @ x, x0, 0.2, 0.0, 15)
    M = np.eye(2) - 0.2 * Q
    expected = np.array([np.linalg.matrix_power(M, t) @ x0 for t in range(16)])
    C.assert_close(traj, expected, rtol=1e-8, atol=1e-10, name="trajectory with beta = 0 (plain GD)")


@test_case(points=0.4, hidden=True)
def test_q07_3_high_momentum_ill_conditioned(sgd_momentum):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    Q = np.diag([1.0, 1000.0])
    x0 = np.array([-3.0, 0.01])
    grad = lambda x, t: Q @ x
    traj = C.call_student(sgd_momentum, grad, x0, 1e-3, 0.99, 300)
    C.assert_close(traj, ref.sgd_momentum(grad, x0, 1e-3, 0.99, 300), rtol=1e-8, atol=1e-10,
                   name="trajectory with beta = 0.99 on an ill-conditioned quadratic")


@test_case(points=0.5, hidden=True)
def test_q07_3_nesterov(sgd_momentum):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    rng = C.spawn_rngs("07.3-nesterov", 1)[0]
    noise = rng.standard_normal((61, 3)) * 0.1
    Q = np.diag([0.5, 4.0, 9.0])
    grad = lambda x, t: Q @ x + noise[t]
    x0 = np.array([1.0, -1.0, 2.0])
    for beta in (0.9, 0.6):
        traj = C.call_student(sgd_momentum, grad, x0, 0.05, beta, 60, nesterov=True)
        C.assert_close(traj, ref.sgd_momentum(grad, x0, 0.05, beta, 60, nesterov=True), rtol=1e-8, atol=1e-10,
                       name="trajectory with nesterov=True")


@test_case(points=0.3, hidden=True)
def test_q07_3_heavy_ball_identity(sgd_momentum):
    import numpy as np
    from aimath import checks as C

    # without Nesterov, the PyTorch rule is the heavy ball: x_t - x_{t-1} = -lr g_t + beta (x_{t-1} - x_{t-2})
    Q = np.array([[2.0, 0.5], [0.5, 1.0]])
    grad = lambda x, t: Q @ x + np.array([np.sin(t), np.cos(t)])
    x0 = np.array([1.5, -0.5])
    lr, beta = 0.1, 0.8
    traj = np.asarray(C.call_student(sgd_momentum, grad, x0, lr, beta, 30), dtype=float)
    C.assert_shape(traj, (31, 2), name="trajectory")
    lhs = traj[2:] - traj[1:-1]
    rhs = np.array([-lr * grad(traj[t - 1], t) + beta * (traj[t - 1] - traj[t - 2]) for t in range(2, 31)])
    C.assert_close(lhs, rhs, rtol=1e-8, atol=1e-10,
                   name="steps versus the heavy-ball identity x_t - x_{t-1} = -lr g_t + beta (x_{t-1} - x_{t-2})")
    C.assert_close(traj[1] - traj[0], -lr * grad(x0, 1), rtol=1e-8, atol=1e-10, name="first step (v_1 = g_1)")


@test_case(points=0.2, hidden=True)
def test_q07_3_inputs(sgd_momentum):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    grad = lambda x, t: 2.0 * x - 1.0
    traj = C.call_student(sgd_momentum, grad, [3, -2], 0.1, 0.5, 12, check_mutation=True, check_global_rng=True)
    C.assert_close(traj, ref.sgd_momentum(grad, np.array([3.0, -2.0]), 0.1, 0.5, 12), rtol=1e-8, atol=1e-10,
                   name="trajectory for a list of ints as x0")
    C.call_student(sgd_momentum, grad, np.array([3.0, -2.0]), 0.1, 0.5, 12, check_mutation=True)
