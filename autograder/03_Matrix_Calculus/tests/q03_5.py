from otter.test_files import test_case

OK_FORMAT = False

name = 'q03_5'
points = 5.0

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


@test_case(points=0.75, hidden=True)
def test_q03_5_random_vs_reference(mlp_loss_and_grads):
    import functools

    from aimath import checks as C
    ref = C.reference()
    for rng in C.spawn_rngs("03.5", 2):
        params = {"W1": rng.normal(0, 0.6, (4, 5)), "b1": rng.normal(0, 0.3, 5), "W2": rng.normal(0, 0.6, (5, 3)),
                  "b2": rng.normal(0, 0.3, 3)}
        X, y = rng.normal(0.5, 1.0, (9, 4)), rng.integers(0, 3, 9)
        loss, grads = C.call_student(mlp_loss_and_grads, params, X, y, 0.05)
        loss_ref, grads_ref = ref.mlp_loss_and_grads(params, X, y, 0.05)
        C.assert_scalar_close(loss, loss_ref, **C.T1, name="loss")
        C.assert_structure(grads, grads_ref, {k: functools.partial(C.assert_close, **C.T2) for k in grads_ref},
                           name="grads")


@test_case(points=0.75, hidden=True)
def test_q03_5_data_gradient_without_reg(mlp_loss_and_grads):
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("03.5", 3)[2]
    params = {"W1": rng.normal(0, 0.6, (3, 4)), "b1": rng.normal(0, 0.3, 4), "W2": rng.normal(0, 0.8, (4, 3)),
              "b2": rng.normal(0, 0.3, 3)}
    X, y = rng.normal(0.3, 1.0, (7, 3)), rng.integers(0, 3, 7)
    loss, grads = C.call_student(mlp_loss_and_grads, params, X, y, 0.0)
    loss_ref, grads_ref = ref.mlp_loss_and_grads(params, X, y, 0.0)
    C.assert_scalar_close(loss, loss_ref, **C.T1, name="loss with reg = 0")
    for key in grads_ref:
        C.assert_close(grads[key], grads_ref[key], **C.T2, name=f"grads[{key!r}] with reg = 0")
    C.check_gradient(lambda p: C.call_student(mlp_loss_and_grads, p, X, y, 0.0)[0], lambda _: grads, params,
                     h=1e-6, rel_tol=1e-6, name="grads with reg = 0")


@test_case(points=0.5, hidden=True)
def test_q03_5_large_reg(mlp_loss_and_grads):
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("03.5", 4)[3]
    params = {"W1": rng.normal(0, 0.6, (3, 4)), "b1": rng.normal(0, 0.5, 4), "W2": rng.normal(0, 0.6, (4, 3)),
              "b2": rng.normal(0, 0.5, 3)}
    X, y = rng.normal(size=(6, 3)), rng.integers(0, 3, 6)
    loss, grads = C.call_student(mlp_loss_and_grads, params, X, y, 25.0)
    loss_ref, grads_ref = ref.mlp_loss_and_grads(params, X, y, 25.0)
    C.assert_scalar_close(loss, loss_ref, **C.T1, name="loss with a large reg")
    for key in grads_ref:
        C.assert_close(grads[key], grads_ref[key], **C.T2, name=f"grads[{key!r}] with a large reg")


@test_case(points=0.5, hidden=True)
def test_q03_5_single_sample(mlp_loss_and_grads):
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("03.5", 5)[4]
    params = {"W1": rng.normal(0, 0.6, (4, 3)), "b1": rng.normal(0, 0.3, 3), "W2": rng.normal(0, 0.6, (3, 4)),
              "b2": rng.normal(0, 0.3, 4)}
    X, y = rng.normal(size=(1, 4)), rng.integers(0, 4, 1)
    loss, grads = C.call_student(mlp_loss_and_grads, params, X, y, 0.2)
    loss_ref, grads_ref = ref.mlp_loss_and_grads(params, X, y, 0.2)
    C.assert_scalar_close(loss, loss_ref, **C.T1, name="loss for a single sample")
    for key in grads_ref:
        C.assert_close(grads[key], grads_ref[key], **C.T2, name=f"grads[{key!r}] for a single sample")


@test_case(points=0.25, hidden=True)
def test_q03_5_two_classes(mlp_loss_and_grads):
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("03.5", 6)[5]
    params = {"W1": rng.normal(0, 0.6, (2, 5)), "b1": rng.normal(0, 0.3, 5), "W2": rng.normal(0, 0.6, (5, 2)),
              "b2": rng.normal(0, 0.3, 2)}
    X, y = rng.normal(size=(8, 2)), rng.integers(0, 2, 8)
    loss, grads = C.call_student(mlp_loss_and_grads, params, X, y, 0.1)
    loss_ref, grads_ref = ref.mlp_loss_and_grads(params, X, y, 0.1)
    C.assert_scalar_close(loss, loss_ref, **C.T1, name="loss for K = 2")
    for key in grads_ref:
        C.assert_close(grads[key], grads_ref[key], **C.T2, name=f"grads[{key!r}] for K = 2")


@test_case(points=0.5, hidden=True)
def test_q03_5_large_logits(mlp_loss_and_grads):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("03.5", 7)[6]
    params = {"W1": rng.normal(0, 0.6, (3, 4)), "b1": rng.normal(0, 0.3, 4), "W2": rng.normal(0, 300.0, (4, 3)),
              "b2": np.array([800.0, -500.0, 0.0])}
    X, y = rng.normal(size=(6, 3)), np.array([0, 1, 2, 1, 2, 0])
    loss, grads = C.call_student(mlp_loss_and_grads, params, X, y, 0.01)
    loss_ref, grads_ref = ref.mlp_loss_and_grads(params, X, y, 0.01)
    C.assert_scalar_close(loss, loss_ref, **C.T1, name="loss for logits of order 1e3 (stable log-softmax)")
    for key in grads_ref:
        C.assert_close(grads[key], grads_ref[key], **C.T2, name=f"grads[{key!r}] for logits of order 1e3")


@test_case(points=0.25, hidden=True)
def test_q03_5_inputs_unchanged(mlp_loss_and_grads):
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("03.5", 8)[7]
    params = {"W1": rng.normal(0, 0.6, (3, 4)), "b1": rng.normal(0, 0.3, 4), "W2": rng.normal(0, 0.6, (4, 3)),
              "b2": rng.normal(0, 0.3, 3)}
    X, y = rng.normal(size=(5, 3)), rng.integers(0, 3, 5)
    # params, X and y must be unchanged (values and dtypes); X and y are also accepted as lists
    loss, grads = C.call_student(mlp_loss_and_grads, params, X.tolist(), y.tolist(), 0.1, check_mutation=True)
    loss_ref, grads_ref = ref.mlp_loss_and_grads(params, X, y, 0.1)
    C.assert_scalar_close(loss, loss_ref, **C.T1, name="loss")
    for key in grads_ref:
        C.assert_close(grads[key], grads_ref[key], **C.T2, name=f"grads[{key!r}]")
