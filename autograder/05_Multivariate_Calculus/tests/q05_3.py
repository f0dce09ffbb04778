from otter.test_files import test_case

OK_FORMAT = False

name = 'q05_3'
points = 2.0

@test_case(points=0.5, hidden=False)
def test_q05_3_examples(taylor_approx):
    import numpy as np
    from aimath import checks as C

    g = np.array([1.0, 2.0])
    H = np.array([[2.0, 0.0], [0.0, 4.0]])
    dx = np.array([1.0, 1.0])
    for order, expected in ((0, 1.0), (1, 4.0), (2, 7.0)):
        C.assert_scalar_close(C.call_student(taylor_approx, 1.0, g, H, dx, order), expected, rtol=1e-10, atol=1e-12,
                              name=f"order-{order} model at dx = (1, 1)")
    batch = np.array([[1.0, 1.0], [0.0, 0.0], [1.0, 0.0]])
    C.assert_close(C.call_student(taylor_approx, 1.0, g, H, batch, 2), np.array([7.0, 1.0, 3.0]), rtol=1e-10,
                   atol=1e-12, name="order-2 model on a batch of 3 displacements")


@test_case(points=0.375, hidden=True)
def test_q05_3_random_batch(taylor_approx):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    for rng in C.spawn_rngs("05.3", 2):
        d = 3
        g = rng.normal(size=d)
        H = rng.normal(size=(d, d))
        H = H + H.T
        dx = rng.normal(size=(5, d))
        f0 = rng.normal(2.0, 1.0)
        for order in (1, 2):
            C.assert_close(C.call_student(taylor_approx, f0, g, H, dx, order), ref.taylor_approx(f0, g, H, dx, order),
                           rtol=1e-10, atol=1e-12, name=f"order-{order} model on a random batch (n=5, d=3)")
        C.assert_scalar_close(C.call_student(taylor_approx, f0, g, H, dx[0], 2), ref.taylor_approx(f0, g, H, dx[0], 2),
                              rtol=1e-10, atol=1e-12, name="order-2 model at one random displacement")


@test_case(points=0.375, hidden=True)
def test_q05_3_square_batch(taylor_approx):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    rng = C.spawn_rngs("05.3-square", 1)[0]
    d = 4
    g = rng.normal(size=d)
    H = rng.normal(size=(d, d))
    H = H @ H.T
    dx = rng.normal(size=(d, d))
    C.assert_close(C.call_student(taylor_approx, -0.5, g, H, dx, 2), ref.taylor_approx(-0.5, g, H, dx, 2), rtol=1e-10,
                   atol=1e-12, name="order-2 model on a batch with n = d")


@test_case(points=0.25, hidden=True)
def test_q05_3_order_zero(taylor_approx):
    import numpy as np
    from aimath import checks as C

    g = np.array([1.0, -2.0, 0.5])
    H = np.eye(3)
    dx = np.arange(12.0).reshape(4, 3)
    C.assert_close(C.call_student(taylor_approx, 2.5, g, H, dx, 0), np.full(4, 2.5), rtol=1e-10, atol=1e-12,
                   name="order-0 model on a batch of 4")
    C.assert_scalar_close(C.call_student(taylor_approx, 2.5, g, H, dx[1], 0), 2.5, rtol=1e-10, atol=1e-12,
                          name="order-0 model at one displacement")


@test_case(points=0.25, hidden=True)
def test_q05_3_nonsymmetric_H(taylor_approx):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    g = np.array([0.5, -1.0, 2.0])
    H = np.array([[1.0, 4.0, 0.0], [-2.0, 3.0, 1.0], [0.5, 0.0, -1.0]])
    dx = np.array([0.3, -0.7, 1.1])
    C.assert_scalar_close(C.call_student(taylor_approx, 1.0, g, H, dx, 2), ref.taylor_approx(1.0, g, H, dx, 2),
                          rtol=1e-10, atol=1e-12, name="order-2 model with a non-symmetric H")


@test_case(points=0.25, hidden=True)
def test_q05_3_order_one_ignores_H(taylor_approx):
    import numpy as np
    from aimath import checks as C

    g = np.array([1.5, -0.5])
    H = np.array([[10.0, 3.0], [3.0, 8.0]])
    dx = np.array([[0.2, 0.4], [-1.0, 2.0], [3.0, 0.0]])
    C.assert_close(C.call_student(taylor_approx, 0.25, g, H, dx, 1), 0.25 + dx @ g, rtol=1e-10, atol=1e-12,
                   name="order-1 model (must not involve H)")
