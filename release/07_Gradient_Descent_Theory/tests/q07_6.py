from otter.test_files import test_case

OK_FORMAT = False

name = 'q07_6'
points = 0.9

@test_case(points=0.4, hidden=False)
def test_q07_6_shape_and_start(sgd_linear_regression):
    import numpy as np
    from aimath import checks as C

    X = np.arange(12.0).reshape(4, 3)
    y = np.array([1.0, 0.0, -1.0, 2.0])
    w = C.call_student(sgd_linear_regression, X, y, 0.01, 0, 2, np.random.default_rng(0))
    C.assert_shape(w, (3,), name="w")
    if np.asarray(w).dtype != np.float64:
        C.fail("w must be a float64 array")
    C.assert_close(w, np.zeros(3), rtol=1e-12, atol=1e-14, name="w after 0 epochs (must be w0 = 0)")


@test_case(points=0.5, hidden=False)
def test_q07_6_converges_on_noiseless_data(sgd_linear_regression):
    import numpy as np
    from aimath import checks as C

    rng = np.random.default_rng(7)
    X = rng.standard_normal((64, 3)) + np.array([1.0, 0.0, -0.5])
    w_true = np.array([1.5, -2.0, 0.5])
    y = X @ w_true  # noiseless: the least-squares solution is w_true
    w = np.asarray(C.call_student(sgd_linear_regression, X, y, 0.1, 200, 8, np.random.default_rng(1)), dtype=float)
    err = float(np.linalg.norm(w - w_true))
    if not err <= 1e-6:
        C.fail(f"after 200 epochs on noiseless data ||w - w_OLS|| = {err:.2e} (expected <= 1e-6)")
