from otter.test_files import test_case

OK_FORMAT = False

name = 'q03_4'
points = 1.0

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
