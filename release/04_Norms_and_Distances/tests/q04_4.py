from otter.test_files import test_case

OK_FORMAT = False

name = 'q04_4'
points = 1.0

@test_case(points=0.5, hidden=False)
def test_q04_4_examples(mahalanobis):
    import numpy as np
    from aimath import checks as C

    Sigma = np.array([[4.0, 0.0], [0.0, 1.0]])
    mu = np.array([1.0, 0.0])
    X = np.array([[3.0, 0.0], [1.0, 2.0], [1.0, 0.0], [-1.0, 0.0]])
    out = C.call_student(mahalanobis, X, mu, Sigma)
    C.assert_close(out, np.array([1.0, 2.0, 0.0, 1.0]), rtol=1e-8, atol=1e-10, name="mahalanobis(X, mu, diag(4, 1))")


@test_case(points=0.5, hidden=False)
def test_q04_4_isotropic(mahalanobis):
    import numpy as np
    from aimath import checks as C

    rng = np.random.default_rng(2)
    X = rng.normal(size=(5, 3))
    mu = np.array([0.5, -1.0, 2.0])
    for s in (1.0, 3.0):
        out = C.call_student(mahalanobis, X, mu, s**2 * np.eye(3))
        C.assert_close(out, np.linalg.norm(X - mu, axis=1) / s, rtol=1e-8, atol=1e-10,
                       name=f"mahalanobis with Sigma = {s**2:g} * I (Euclidean distance / {s:g})")
