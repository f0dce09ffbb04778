from otter.test_files import test_case

OK_FORMAT = False

name = 'q04_4'
points = 3.0

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


@test_case(points=0.75, hidden=True)
def test_q04_4_random(mahalanobis):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    for rng in C.spawn_rngs("04.4", 2):
        d = 4
        G = rng.normal(size=(d, d))
        Sigma = G @ G.T + 0.5 * np.eye(d)
        mu = rng.normal(1.0, 2.0, size=d)
        X = mu + rng.normal(size=(9, d)) @ np.linalg.cholesky(Sigma).T
        C.assert_close(C.call_student(mahalanobis, X, mu, Sigma), ref.mahalanobis(X, mu, Sigma), rtol=1e-8,
                       atol=1e-10, name="Mahalanobis distances for a random covariance")


@test_case(points=0.5, hidden=True)
def test_q04_4_correlated(mahalanobis):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    rho = 0.999
    Sigma = np.array([[1.0, rho], [rho, 1.0]])
    mu = np.array([0.3, -0.2])
    X = np.array([[1.0, 1.0], [1.0, -1.0], [0.5, 0.2], [-2.0, 3.0]])
    C.assert_close(C.call_student(mahalanobis, X, mu, Sigma), ref.mahalanobis(X, mu, Sigma), rtol=1e-8,
                   atol=1e-10, name="Mahalanobis distances for strongly correlated features")
    rng = C.spawn_rngs("04.4-cond", 1)[0]
    Q, _ = np.linalg.qr(rng.normal(size=(5, 5)))
    Sigma = Q @ np.diag(np.logspace(0, -6, 5)) @ Q.T
    Sigma = 0.5 * (Sigma + Sigma.T)
    mu = rng.normal(size=5)
    X = mu + rng.normal(size=(6, 5))
    C.assert_close(C.call_student(mahalanobis, X, mu, Sigma), ref.mahalanobis(X, mu, Sigma), rtol=1e-5,
                   atol=1e-8, name="Mahalanobis distances for an ill-conditioned covariance")


@test_case(points=0.25, hidden=True)
def test_q04_4_identity(mahalanobis):
    import numpy as np
    from aimath import checks as C

    rng = C.spawn_rngs("04.4-identity", 1)[0]
    X = rng.normal(size=(7, 3))
    mu = np.array([1.0, -2.0, 0.5])
    C.assert_close(C.call_student(mahalanobis, X, mu, np.eye(3)), np.linalg.norm(X - mu, axis=1), rtol=1e-8,
                   atol=1e-10, name="Mahalanobis distance with Sigma = I (the Euclidean distance)")


@test_case(points=0.5, hidden=True)
def test_q04_4_small_shapes(mahalanobis):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    rng = C.spawn_rngs("04.4-small", 1)[0]
    Sigma = np.array([[2.0, 0.7, 0.1], [0.7, 1.5, -0.4], [0.1, -0.4, 0.8]])
    mu = np.array([0.2, 1.0, -1.5])
    X = rng.normal(size=(1, 3))
    C.assert_close(C.call_student(mahalanobis, X, mu, Sigma), ref.mahalanobis(X, mu, Sigma), rtol=1e-8,
                   atol=1e-10, name="Mahalanobis distance of a single point (shape (1,))")
    X1 = rng.normal(size=(4, 1))
    mu1 = np.array([0.5])
    Sigma1 = np.array([[2.25]])
    C.assert_close(C.call_student(mahalanobis, X1, mu1, Sigma1), np.abs(X1[:, 0] - 0.5) / 1.5, rtol=1e-8,
                   atol=1e-10, name="Mahalanobis distance in d = 1")
