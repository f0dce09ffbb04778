from otter.test_files import test_case

OK_FORMAT = False

name = 'q03_5'
points = 1.5

@test_case(points=0.5, hidden=False)
def test_q03_5_structure(mlp_loss_and_grads):
    import numpy as np
    from aimath import checks as C
    rng = np.random.default_rng(2)
    params = {"W1": rng.normal(size=(3, 4)), "b1": rng.normal(size=4), "W2": rng.normal(size=(4, 2)),
              "b2": rng.normal(size=2)}
    out = C.call_student(mlp_loss_and_grads, params, rng.normal(size=(5, 3)), np.array([0, 1, 1, 0, 1]), 0.1)
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("mlp_loss_and_grads must return a tuple (loss, grads)")
    loss, grads = out
    if np.ndim(loss) != 0 or not np.isfinite(loss):
        C.fail("the loss must be a finite scalar (a float)")
    if not isinstance(grads, dict) or set(grads) != {"W1", "b1", "W2", "b2"}:
        C.fail('grads must be a dict with the keys "W1", "b1", "W2", "b2"')
    for key, value in params.items():
        C.assert_shape(grads[key], value.shape, name=f"grads[{key!r}]")


@test_case(points=0.5, hidden=False)
def test_q03_5_zero_weights(mlp_loss_and_grads):
    import numpy as np
    from aimath import checks as C
    # all parameters 0: logits 0, p = (1/3, 1/3, 1/3), loss = log 3, only b2 gets a gradient:
    # mean(p - onehot(y)) over y = (0, 0, 1, 2) = (1/3 - 1/2, 1/3 - 1/4, 1/3 - 1/4)
    params = {"W1": np.zeros((2, 3)), "b1": np.zeros(3), "W2": np.zeros((3, 3)), "b2": np.zeros(3)}
    X = np.array([[1.0, 2.0], [-1.0, 0.5], [0.0, 3.0], [2.0, -2.0]])
    out = C.call_student(mlp_loss_and_grads, params, X, np.array([0, 0, 1, 2]), 0.3)
    if not isinstance(out, (tuple, list)) or len(out) != 2 or not isinstance(out[1], dict):
        C.fail("mlp_loss_and_grads must return a tuple (loss, grads) with grads a dict")
    loss, grads = out
    C.assert_scalar_close(loss, np.log(3.0), **C.T1, name="loss")
    C.assert_close(grads["b2"], np.array([-1.0 / 6.0, 1.0 / 12.0, 1.0 / 12.0]), **C.T1, name='grads["b2"]')
    for key in ("W1", "b1", "W2"):
        C.assert_close(grads[key], np.zeros_like(params[key]), **C.T1, name=f"grads[{key!r}]")


@test_case(points=0.5, hidden=False)
def test_q03_5_gradient_check(mlp_loss_and_grads):
    import numpy as np
    from aimath import checks as C
    rng = np.random.default_rng(4)
    params = {"W1": rng.normal(0, 0.7, (3, 4)), "b1": rng.normal(0, 0.5, 4), "W2": rng.normal(0, 0.7, (4, 3)),
              "b2": rng.normal(0, 0.5, 3)}
    X, y, reg = rng.normal(size=(6, 3)), np.array([0, 1, 2, 2, 1, 0]), 0.1
    out = C.call_student(mlp_loss_and_grads, params, X, y, reg)
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("mlp_loss_and_grads must return a tuple (loss, grads)")
    grads = out[1]
    # centered differences of your own loss, every coordinate of every block
    C.check_gradient(lambda p: C.call_student(mlp_loss_and_grads, p, X, y, reg)[0], lambda _: grads, params,
                     h=1e-6, rel_tol=1e-6, name="grads")
