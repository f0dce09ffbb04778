from otter.test_files import test_case

OK_FORMAT = False

name = 'q05_6'
points = 2.0

@test_case(points=0.625, hidden=False)
def test_q05_6_examples(newton_step):
    import numpy as np
    from aimath import checks as C

    out = C.call_student(newton_step, np.array([2.0, 4.0]), np.diag([2.0, 4.0]), np.array([1.0, 1.0]))
    C.assert_close(out, np.zeros(2), rtol=1e-8, atol=1e-10, name="newton_step with H = diag(2, 4)")
    A = np.array([[3.0, 1.0], [1.0, 2.0]])
    b = np.array([1.0, 1.0])
    x = np.array([5.0, -2.0])
    out = C.call_student(newton_step, A @ x - b, A, x)
    C.assert_close(out, np.array([0.2, 0.4]), rtol=1e-8, atol=1e-10,
                   name="one Newton step on 0.5 x^T A x - b^T x (lands on the minimizer)")


@test_case(points=0.5, hidden=True)
def test_q05_6_nonsymmetric(newton_step):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    for rng in C.spawn_rngs("05.6", 2):
        d = 4
        H = rng.normal(size=(d, d)) + 3.0 * np.eye(d)
        g = rng.normal(size=d)
        x = rng.normal(size=d)
        C.assert_close(C.call_student(newton_step, g, H, x), ref.newton_step(g, H, x), rtol=1e-8, atol=1e-10,
                       name="Newton step with a non-symmetric H")


@test_case(points=0.25, hidden=True)
def test_q05_6_quadratic(newton_step):
    import numpy as np
    from aimath import checks as C

    rng = C.spawn_rngs("05.6-quadratic", 1)[0]
    B = rng.normal(size=(5, 5))
    A = B @ B.T + np.eye(5)
    b = rng.normal(size=5)
    x = rng.normal(size=5)
    C.assert_close(C.call_student(newton_step, A @ x - b, A, x), np.linalg.solve(A, b), rtol=1e-8, atol=1e-10,
                   name="one Newton step on a quadratic (must land on the minimizer)")


@test_case(points=0.375, hidden=True)
def test_q05_6_indefinite(newton_step):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    Q, _ = np.linalg.qr(np.array([[1.0, 2.0, 0.0], [0.0, 1.0, 1.0], [1.0, 0.0, 1.0]]))
    H = Q @ np.diag([3.0, -1.0, 0.5]) @ Q.T
    g = np.array([0.3, -1.2, 0.8])
    x = np.array([1.0, 0.5, -2.0])
    C.assert_close(C.call_student(newton_step, g, H, x), ref.newton_step(g, H, x), rtol=1e-8, atol=1e-10,
                   name="Newton step with an indefinite H")


@test_case(points=0.25, hidden=True)
def test_q05_6_one_dimensional(newton_step):
    import numpy as np
    from aimath import checks as C

    out = C.call_student(newton_step, np.array([3.0]), np.array([[-2.0]]), np.array([1.0]))
    C.assert_close(out, np.array([2.5]), rtol=1e-8, atol=1e-10, name="Newton step in d = 1")
