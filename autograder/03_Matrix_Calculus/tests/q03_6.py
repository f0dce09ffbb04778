from otter.test_files import test_case

OK_FORMAT = False

name = 'q03_6'
points = 3.0

@test_case(points=0.5, hidden=False)
def test_q03_6_hand_case(logistic_hessian):
    import numpy as np
    from aimath import checks as C
    # w = 0: p = 1/2, p (1 - p) = 1/4, H = (1/2)(1/4) X^T X = diag(1/8, 1/2)
    H = C.call_student(logistic_hessian, np.array([[1.0, 0.0], [0.0, 2.0]]), np.array([0.0, 0.0]))
    C.assert_close(H, np.array([[0.125, 0.0], [0.0, 0.5]]), **C.T1, name="H at w = 0")


@test_case(points=0.5, hidden=False)
def test_q03_6_symmetric_psd(logistic_hessian):
    import numpy as np
    from aimath import checks as C
    rng = np.random.default_rng(6)
    H = C.call_student(logistic_hessian, rng.normal(size=(10, 3)), rng.normal(size=3))
    C.assert_shape(H, (3, 3), name="H for X of shape (10, 3)")
    C.assert_psd(H, tol=1e-12, name="H")


@test_case(points=0.5, hidden=True)
def test_q03_6_random_vs_reference(logistic_hessian):
    from aimath import checks as C
    ref = C.reference()
    for rng in C.spawn_rngs("03.6", 3):
        X = rng.normal(size=(20, 4)) + rng.normal(size=4)
        w = rng.normal(size=4)
        H = C.call_student(logistic_hessian, X, w)
        C.assert_close(H, ref.logistic_hessian(X, w), **C.T2, name="H (n = 20, d = 4)")
        C.assert_psd(H, tol=1e-10, name="H")


@test_case(points=0.5, hidden=True)
def test_q03_6_matches_gradient_differences(logistic_hessian):
    import numpy as np
    from aimath import checks as C
    rng = C.spawn_rngs("03.6", 4)[3]
    X = rng.normal(size=(12, 3))
    y = (rng.uniform(size=12) < 0.5).astype(float)
    w = rng.normal(size=3)
    H = C.call_student(logistic_hessian, X, w)
    C.assert_shape(H, (3, 3), name="H for X of shape (12, 3)")

    def gradient(v):
        return X.T @ (1.0 / (1.0 + np.exp(-(X @ v))) - y) / len(y)

    C.check_jacobian(gradient, lambda v: np.asarray(H, dtype=float), w, h=1e-6, rtol=1e-5)


@test_case(points=0.5, hidden=True)
def test_q03_6_large_margins(logistic_hessian):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("03.6", 5)[4]
    X = rng.normal(size=(15, 3)) * 300.0
    X[:4] /= 300.0                          # a few moderate margins keep H away from 0
    w = rng.normal(size=3) * 3.0
    H = C.call_student(logistic_hessian, X, w)
    C.assert_close(H, ref.logistic_hessian(X, w), **C.T2, name="H with margins |x_i^T w| up to ~1e3")
    # every margin of size >= 1e3: p is 0 or 1 in float64 and H is (almost) exactly 0, but never nan
    X_far = np.array([[1000.0, 0.0], [0.0, -1000.0], [600.0, 700.0], [-800.0, -300.0]])
    w_far = np.array([1.0, 2.0])
    H = C.call_student(logistic_hessian, X_far, w_far)
    C.assert_close(H, ref.logistic_hessian(X_far, w_far), **C.T2, name="H when every margin is of size >= 1e3")


@test_case(points=0.5, hidden=True)
def test_q03_6_one_sample_one_feature(logistic_hessian):
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("03.6", 6)[5]
    cases = [("n = 1", rng.normal(size=(1, 3)), rng.normal(size=3)),
             ("d = 1", rng.normal(size=(6, 1)), rng.normal(size=1))]
    for label, X, w in cases:
        H = C.call_student(logistic_hessian, X, w)
        C.assert_close(H, ref.logistic_hessian(X, w), **C.T2, name=f"H for {label}")
