from otter.test_files import test_case

OK_FORMAT = False

name = 'q07_4'
points = 4.0

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


@test_case(points=0.6, hidden=True)
def test_q07_4_random_stochastic(adam):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    for k, rng in enumerate(C.spawn_rngs("07.4-random", 3)):
        d = int(rng.integers(2, 7))
        B = rng.standard_normal((d, d))
        Q = B @ B.T / d + 0.1 * np.eye(d)
        n = int(rng.integers(30, 120))
        noise = rng.standard_normal((n + 1, d)) * 0.5
        grad = lambda x, t, Q=Q, noise=noise: Q @ x + noise[t]
        x0 = rng.standard_normal(d) * 2.0
        traj = C.call_student(adam, grad, x0, 0.05, 0.9, 0.999, 1e-8, n)
        C.assert_close(traj, ref.adam(grad, x0, 0.05, 0.9, 0.999, 1e-8, n), rtol=1e-8, atol=1e-10,
                       name=f"trajectory (noisy quadratic {k + 1})")


@test_case(points=0.6, hidden=True)
def test_q07_4_tiny_gradients(adam):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    rng = C.spawn_rngs("07.4-tiny", 1)[0]
    scale = np.array([1e-6, 3e-7, 2e-6])
    noise = rng.standard_normal((41, 3))
    grad = lambda x, t: scale * (x - 1.0 + 0.5 * noise[t])
    x0 = np.array([0.0, 2.0, -1.0])
    traj = C.call_student(adam, grad, x0, 0.01, 0.9, 0.999, 1e-8, 40)
    C.assert_close(traj, ref.adam(grad, x0, 0.01, 0.9, 0.999, 1e-8, 40), rtol=1e-8, atol=1e-10,
                   name="trajectory with gradients of size 1e-6 (where eps is added matters)")


@test_case(points=0.3, hidden=True)
def test_q07_4_zero_gradient_components(adam):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    grad = lambda x, t: np.array([x[0] - 2.0, 0.0, 3.0 * x[2]])
    x0 = np.array([0.0, 5.0, 1.0])
    traj = C.call_student(adam, grad, x0, 0.1, 0.9, 0.999, 1e-8, 25)
    C.assert_close(traj, ref.adam(grad, x0, 0.1, 0.9, 0.999, 1e-8, 25), rtol=1e-8, atol=1e-10,
                   name="trajectory with a zero gradient component")


@test_case(points=0.3, hidden=True)
def test_q07_4_single_step(adam):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    grad = lambda x, t: np.array([0.3, -2.0e-7, 40.0])
    x0 = np.array([1.0, 1.0, 1.0])
    for eps in (1e-8, 1e-3):
        traj = C.call_student(adam, grad, x0, 0.2, 0.9, 0.999, eps, 1)
        C.assert_close(traj, ref.adam(grad, x0, 0.2, 0.9, 0.999, eps, 1), rtol=1e-8, atol=1e-10,
                       name="trajectory with n_steps = 1")


@test_case(points=0.5, hidden=True)
def test_q07_4_hyperparameters(adam):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    Q = np.diag([1.0, 10.0])
    grad = lambda x, t: Q @ x + 0.1 * np.array([np.cos(t), np.sin(2 * t)])
    x0 = np.array([2.0, -1.0])
    for lr, b1, b2, eps in [(0.1, 0.5, 0.9, 1e-3), (0.02, 0.95, 0.99, 1e-6), (0.3, 0.0, 0.5, 1e-8)]:
        traj = C.call_student(adam, grad, x0, lr, b1, b2, eps, 30)
        C.assert_close(traj, ref.adam(grad, x0, lr, b1, b2, eps, 30), rtol=1e-8, atol=1e-10,
                       name="trajectory with non-default beta1, beta2, eps")


@test_case(points=0.5, hidden=True)
def test_q07_4_long_run_defaults(adam):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    Q = np.diag([1.0, 100.0])
    grad = lambda x, t: Q @ x
    x0 = np.array([-3.0, 1.0])
    traj = C.call_student(adam, grad, x0, n_steps=400, check_mutation=True, check_global_rng=True)
    C.assert_close(traj, ref.adam(grad, x0, n_steps=400), rtol=1e-8, atol=1e-10,
                   name="trajectory with the default hyper-parameters (400 steps)")
