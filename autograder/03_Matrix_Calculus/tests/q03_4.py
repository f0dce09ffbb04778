from otter.test_files import test_case

OK_FORMAT = False

name = 'q03_4'
points = 3.0

@test_case(points=0.5, hidden=False)
def test_q03_4_hand_case(linear_backward):
    import numpy as np
    from aimath import checks as C
    X = np.array([[1.0, 2.0], [3.0, -1.0]])
    W = np.array([[1.0, 0.0, -1.0], [2.0, 1.0, 0.0]])
    b = np.array([0.5, 0.0, 0.0])
    dY = np.array([[1.0, 0.0, 2.0], [0.0, 1.0, -1.0]])
    out = C.call_student(linear_backward, X, W, b, dY)
    if not isinstance(out, (tuple, list)) or len(out) != 3:
        C.fail("linear_backward must return a tuple (dX, dW, db)")
    dX, dW, db = out
    C.assert_close(dX, np.array([[-1.0, 2.0], [1.0, 1.0]]), **C.T1, name="dX")
    C.assert_close(dW, np.array([[1.0, 3.0, -1.0], [2.0, -1.0, 5.0]]), **C.T1, name="dW")
    C.assert_close(db, np.array([1.0, 1.0, 1.0]), **C.T1, name="db")


@test_case(points=0.5, hidden=False)
def test_q03_4_directional_derivative(linear_backward):
    import numpy as np
    from aimath import checks as C
    # L(X, W, b) = sum((X W + b) * dY) changes along (E, V, c) at the rate sum((E W + X V + c) * dY),
    # which must equal <dX, E> + <dW, V> + <db, c>.
    rng = np.random.default_rng(1)
    X, W, b, dY = rng.normal(size=(5, 3)), rng.normal(size=(3, 2)), rng.normal(size=2), rng.normal(size=(5, 2))
    E, V, c = rng.normal(size=(5, 3)), rng.normal(size=(3, 2)), rng.normal(size=2)
    out = C.call_student(linear_backward, X, W, b, dY)
    if not isinstance(out, (tuple, list)) or len(out) != 3:
        C.fail("linear_backward must return a tuple (dX, dW, db)")
    dX, dW, db = out
    C.assert_shape(dX, (5, 3), name="dX")
    C.assert_shape(dW, (3, 2), name="dW")
    C.assert_shape(db, (2,), name="db")
    rate = np.sum(dX * E) + np.sum(dW * V) + np.sum(db * c)
    C.assert_scalar_close(rate, np.sum((E @ W + X @ V + c) * dY), **C.T1,
                          name="<dX, E> + <dW, V> + <db, c> (directional derivative of L)")


@test_case(points=0.5, hidden=True)
def test_q03_4_random_vs_reference(linear_backward):
    from aimath import checks as C
    ref = C.reference()
    for rng in C.spawn_rngs("03.4", 3):
        X, W, b, dY = rng.normal(size=(7, 4)), rng.normal(size=(4, 3)), rng.normal(size=3), rng.normal(size=(7, 3))
        got = C.call_student(linear_backward, X, W, b, dY)
        for name, actual, desired in zip(("dX", "dW", "db"), got, ref.linear_backward(X, W, b, dY)):
            C.assert_close(actual, desired, **C.T1, name=f"{name} (n = 7, d = 4, m = 3)")


@test_case(points=0.5, hidden=True)
def test_q03_4_square_shapes(linear_backward):
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("03.4", 4)[3]
    X, W, b, dY = rng.normal(size=(4, 4)), rng.normal(size=(4, 4)), rng.normal(size=4), rng.normal(size=(4, 4))
    got = C.call_student(linear_backward, X, W, b, dY)
    for name, actual, desired in zip(("dX", "dW", "db"), got, ref.linear_backward(X, W, b, dY)):
        C.assert_close(actual, desired, **C.T1, name=f"{name} (n = d = m = 4)")


@test_case(points=0.5, hidden=True)
def test_q03_4_single_sample_single_output(linear_backward):
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("03.4", 5)[4]
    shapes = [(1, 3, 2), (6, 3, 1)]        # n = 1, then m = 1
    for n, d, m in shapes:
        X, W, b, dY = rng.normal(size=(n, d)), rng.normal(size=(d, m)), rng.normal(size=m), rng.normal(size=(n, m))
        got = C.call_student(linear_backward, X, W, b, dY)
        for name, actual, desired in zip(("dX", "dW", "db"), got, ref.linear_backward(X, W, b, dY)):
            C.assert_close(actual, desired, **C.T1, name=f"{name} (n = {n}, m = {m})")


@test_case(points=0.5, hidden=True)
def test_q03_4_finite_differences(linear_backward):
    import numpy as np
    from aimath import checks as C
    rng = C.spawn_rngs("03.4", 6)[5]
    X, W, b, dY = rng.normal(size=(5, 3)), rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=(5, 4))
    dX, dW, db = C.call_student(linear_backward, X, W, b, dY)
    # L = sum(Y * dY) is linear in each argument, so central differences are exact up to round-off
    blocks = [
        ("dX", dX, lambda M: np.sum((M @ W + b) * dY), X),
        ("dW", dW, lambda M: np.sum((X @ M + b) * dY), W),
        ("db", db, lambda v: np.sum((X @ W + v) * dY), b),
    ]
    for name, analytic, loss, point in blocks:
        C.check_gradient(loss, lambda _, g=analytic: g, point, h=1e-3, rel_tol=1e-7,
                         name=f"{name} (vs finite differences of L = sum(Y * dY))")
