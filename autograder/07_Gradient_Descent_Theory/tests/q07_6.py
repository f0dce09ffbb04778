from otter.test_files import test_case

OK_FORMAT = False

name = 'q07_6'
points = 2.9999999999999996

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


@test_case(points=0.6, hidden=True)
def test_q07_6_random_vs_reference(sgd_linear_regression):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    for k, rng in enumerate(C.spawn_rngs("07.6-random", 3)):
        n = int(rng.integers(40, 120))
        d = int(rng.integers(2, 6))
        X = rng.standard_normal((n, d)) * 0.8 + rng.standard_normal(d)
        y = X @ rng.standard_normal(d) + 0.3 * rng.standard_normal(n) + 1.0
        bs = int(rng.integers(4, 17))
        seed = int(rng.integers(0, 2**31))
        w = C.call_student(sgd_linear_regression, X, y, 0.05, 5, bs, np.random.default_rng(seed))
        C.assert_close(w, ref.sgd_linear_regression(X, y, 0.05, 5, bs, np.random.default_rng(seed)),
                       rtol=1e-8, atol=1e-10, name=f"w (random problem {k + 1})")


@test_case(points=0.4, hidden=True)
def test_q07_6_full_batch(sgd_linear_regression):
    import numpy as np
    from aimath import checks as C

    rng = C.spawn_rngs("07.6-full", 1)[0]
    X = rng.standard_normal((30, 4))
    y = rng.standard_normal(30)
    lr, epochs = 0.1, 12
    w_gd = np.zeros(4)
    for _ in range(epochs):  # batch_size = n is plain gradient descent on the mean loss
        w_gd = w_gd - lr * X.T @ (X @ w_gd - y) / 30
    w = C.call_student(sgd_linear_regression, X, y, lr, epochs, 30, np.random.default_rng(3))
    C.assert_close(w, w_gd, rtol=1e-8, atol=1e-10, name="w with batch_size = n (full-batch gradient descent)")


@test_case(points=0.3, hidden=True)
def test_q07_6_batch_size_one(sgd_linear_regression):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    rng = C.spawn_rngs("07.6-one", 1)[0]
    X = rng.standard_normal((25, 3))
    y = X @ np.array([1.0, 2.0, -1.0]) + 0.1 * rng.standard_normal(25)
    w = C.call_student(sgd_linear_regression, X, y, 0.02, 4, 1, np.random.default_rng(5))
    C.assert_close(w, ref.sgd_linear_regression(X, y, 0.02, 4, 1, np.random.default_rng(5)), rtol=1e-8,
                   atol=1e-10, name="w with batch_size = 1")


@test_case(points=0.3, hidden=True)
def test_q07_6_one_feature(sgd_linear_regression):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    rng = C.spawn_rngs("07.6-d1", 1)[0]
    X = rng.uniform(0.5, 2.0, (40, 1))
    y = 3.0 * X[:, 0] + 0.2 * rng.standard_normal(40)
    w = C.call_student(sgd_linear_regression, X, y, 0.05, 6, 7, np.random.default_rng(9))
    C.assert_close(w, ref.sgd_linear_regression(X, y, 0.05, 6, 7, np.random.default_rng(9)), rtol=1e-8,
                   atol=1e-10, name="w with one feature (d = 1)")


@test_case(points=0.5, hidden=True)
def test_q07_6_batches_and_pairs(sgd_linear_regression):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    rng = C.spawn_rngs("07.6-pairs", 1)[0]
    n = 53  # not a multiple of the batch size: a smaller last batch every epoch
    X = rng.standard_normal((n, 3)) + np.array([2.0, -1.0, 0.0])
    y = X @ np.array([0.5, -1.0, 2.0]) + rng.standard_normal(n) * 0.5 + np.linspace(-2, 2, n)
    w = C.call_student(sgd_linear_regression, X, y, 0.02, 3, 10, np.random.default_rng(21),
                       check_mutation=True, check_global_rng=True)
    C.assert_close(w, ref.sgd_linear_regression(X, y, 0.02, 3, 10, np.random.default_rng(21)), rtol=1e-8,
                   atol=1e-10, name="w with a partial last batch")
