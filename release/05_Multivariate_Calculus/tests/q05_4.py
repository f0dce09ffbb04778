from otter.test_files import test_case

OK_FORMAT = False

name = 'q05_4'
points = 1.0

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
