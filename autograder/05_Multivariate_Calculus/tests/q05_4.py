from otter.test_files import test_case

OK_FORMAT = False

name = 'q05_4'
points = 3.0

@test_case(points=0.5, hidden=False)
def test_q05_4_quadratic_example(taylor_test_residuals):
    import numpy as np
    from aimath import checks as C

    f = lambda z: float(z @ z)
    grad_f = lambda z: 2.0 * z
    out = C.call_student(taylor_test_residuals, f, grad_f, np.array([1.0, 2.0]), np.array([1.0, 0.0]),
                         np.array([0.1, 0.01]))
    C.assert_close(out, np.array([0.01, 1e-4]), rtol=1e-8, atol=1e-12, name="residuals of f(x) = x.x along (1, 0)")


@test_case(points=0.5, hidden=False)
def test_q05_4_slopes(taylor_test_residuals):
    import numpy as np
    from aimath import checks as C

    f = lambda z: float(np.sum(np.sin(z)) + z[0] * z[1] ** 2)
    grad_f = lambda z: np.cos(z) + np.array([z[1] ** 2, 2 * z[0] * z[1], 0.0])
    x0 = np.array([0.3, -0.8, 1.1])
    d = np.array([1.0, -2.0, 0.5])
    eps = np.logspace(-1, -5, 5)
    for label, g, ok in (("the correct gradient", grad_f, lambda s: s >= 1.9),
                         ("a gradient with a 1% error", lambda z: 1.01 * grad_f(z), lambda s: s <= 1.2)):
        r = np.asarray(C.call_student(taylor_test_residuals, f, g, x0, d, eps), dtype=float)
        C.assert_shape(r, (5,), name="residuals")
        if not np.all(r > 0):
            C.fail(f"residuals for {label} must be positive")
        slope = np.polyfit(np.log(eps[-3:]), np.log(r[-3:]), 1)[0]
        if not ok(slope):
            C.fail(f"log-log slope {slope:.2f} of the residuals for {label} (expected about 2 for a correct "
                   "gradient, about 1 for a wrong one)")


@test_case(points=0.5, hidden=True)
def test_q05_4_random(taylor_test_residuals):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    for rng in C.spawn_rngs("05.4", 2):
        n = 4
        a = rng.normal(size=n)
        B = rng.normal(size=(n, n))
        Q = B @ B.T / n
        c = rng.uniform(0.5, 2.0, size=n)
        f = lambda z, a=a, Q=Q, c=c: float(np.logaddexp(0.0, a @ z) + 0.5 * z @ Q @ z + np.sum(np.cos(c * z)))
        grad_f = lambda z, a=a, Q=Q, c=c: a / (1.0 + np.exp(-(a @ z))) + Q @ z - c * np.sin(c * z)
        x0 = rng.normal(size=n)
        u = rng.normal(size=n)
        d = 3.0 * u / np.linalg.norm(u)
        eps = np.logspace(-1, -6, 8)
        C.assert_close(C.call_student(taylor_test_residuals, f, grad_f, x0, d, eps),
                       ref.taylor_test_residuals(f, grad_f, x0, d, eps), rtol=1e-10, atol=1e-12,
                       name="Taylor residuals of a random smooth function")


@test_case(points=0.5, hidden=True)
def test_q05_4_quadratic_exact(taylor_test_residuals):
    import numpy as np
    from aimath import checks as C

    A = np.array([[2.0, 1.0, 0.0], [-3.0, 1.5, 0.5], [1.0, 0.0, 0.8]])
    b = np.array([0.5, -1.0, 2.0])
    f = lambda z: float(z @ A @ z + b @ z + 3.0)
    grad_f = lambda z: (A + A.T) @ z + b
    x0 = np.array([0.4, -0.3, 1.2])
    d = np.array([1.0, 2.0, -1.0])
    eps = np.array([0.5, 0.1, 1e-2, 1e-3])
    expected = eps**2 * abs(d @ A @ d)
    C.assert_close(C.call_student(taylor_test_residuals, f, grad_f, x0, d, eps), expected, rtol=1e-8, atol=1e-12,
                   name="residuals of a quadratic (exactly eps^2 |d^T A d|)")


@test_case(points=0.25, hidden=True)
def test_q05_4_single_eps(taylor_test_residuals):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    f = lambda z: float(np.exp(0.5 * z[0]) + z[0] * z[1])
    grad_f = lambda z: np.array([0.5 * np.exp(0.5 * z[0]) + z[1], z[0]])
    x0 = np.array([0.2, -1.0])
    d = np.array([2.0, 1.0])
    for eps in (np.array([1e-3]), [0.2]):
        C.assert_close(C.call_student(taylor_test_residuals, f, grad_f, x0, d, eps),
                       ref.taylor_test_residuals(f, grad_f, x0, d, eps), rtol=1e-10, atol=1e-12,
                       name=f"residuals for a single eps ({type(eps).__name__} input)")


@test_case(points=0.375, hidden=True)
def test_q05_4_concave_direction(taylor_test_residuals):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    f = lambda z: float(-(z @ z) + np.sin(z[0]))
    grad_f = lambda z: -2.0 * z + np.array([np.cos(z[0]), 0.0])
    x0 = np.array([0.5, 1.0])
    d = np.array([-1.0, 3.0])
    eps = np.logspace(-1, -4, 4)
    out = C.call_student(taylor_test_residuals, f, grad_f, x0, d, eps)
    C.assert_close(out, ref.taylor_test_residuals(f, grad_f, x0, d, eps), rtol=1e-10, atol=1e-12,
                   name="residuals along a direction of negative curvature")


@test_case(points=0.375, hidden=True)
def test_q05_4_slope_of_residuals(taylor_test_residuals):
    import numpy as np
    from aimath import checks as C

    f = lambda z: float(np.exp(0.3 * z[0]) + z[1] * z[2] ** 2 - np.log1p(z[1] ** 2))
    grad_f = lambda z: np.array([0.3 * np.exp(0.3 * z[0]), z[2] ** 2 - 2 * z[1] / (1 + z[1] ** 2), 2 * z[1] * z[2]])
    wrong = lambda z: grad_f(z) * np.array([1.0, -1.0, 1.0])
    x0 = np.array([0.6, 0.9, -1.4])
    d = np.array([0.5, 1.0, -0.7])
    eps = np.logspace(-1, -5, 5)
    for label, g, ok in (("the correct gradient", grad_f, lambda s: s >= 1.9), ("a wrong gradient", wrong, lambda s: s <= 1.2)):
        r = np.asarray(C.call_student(taylor_test_residuals, f, g, x0, d, eps), dtype=float)
        C.assert_shape(r, (5,), name="residuals")
        if not np.all(r > 0):
            C.fail(f"residuals for {label} must be positive")
        slope = np.polyfit(np.log(eps[-3:]), np.log(r[-3:]), 1)[0]
        if not ok(slope):
            C.fail(f"the log-log slope of the residuals for {label} is {slope:.2f}")
