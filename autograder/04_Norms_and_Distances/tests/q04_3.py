from otter.test_files import test_case

OK_FORMAT = False

name = 'q04_3'
points = 3.0

@test_case(points=0.5, hidden=False)
def test_q04_3_examples(pairwise_sq_dists):
    import numpy as np
    from aimath import checks as C

    X = np.array([[0.0, 0.0], [1.0, 1.0]])
    Y = np.array([[1.0, 0.0], [0.0, 0.0], [3.0, 4.0]])
    expected = np.array([[1.0, 0.0, 25.0], [1.0, 2.0, 13.0]])
    D = C.call_student(pairwise_sq_dists, X, Y)
    C.assert_close(D, expected, rtol=1e-10, atol=1e-12, name="pairwise_sq_dists(X, Y)")


@test_case(points=0.5, hidden=False)
def test_q04_3_properties(pairwise_sq_dists):
    import numpy as np
    from aimath import checks as C

    rng = np.random.default_rng(1)
    X = rng.normal(size=(6, 3))
    Y = rng.normal(size=(4, 3))
    D = C.call_student(pairwise_sq_dists, X, Y)
    C.assert_shape(D, (6, 4), name="distance matrix")
    D = np.asarray(D)
    if not np.all(D >= 0):
        C.fail("squared distances must be >= 0 (clamp at 0)")
    C.assert_close(C.call_student(pairwise_sq_dists, Y, X), D.T, rtol=1e-10, atol=1e-10,
                   name="pairwise_sq_dists(Y, X) vs the transpose")
    shift = np.array([2.0, -1.0, 0.5])
    C.assert_close(C.call_student(pairwise_sq_dists, X + shift, Y + shift), D, rtol=1e-8, atol=1e-10,
                   name="distances after translating both point sets (must not change)")
    DXX = np.asarray(C.call_student(pairwise_sq_dists, X, X))
    C.assert_close(np.diag(DXX), np.zeros(6), rtol=1e-10, atol=1e-10, name="diagonal of pairwise_sq_dists(X, X)")


@test_case(points=0.5, hidden=True)
def test_q04_3_random(pairwise_sq_dists):
    import numpy as np
    from scipy.spatial.distance import cdist
    from aimath import checks as C

    for rng in C.spawn_rngs("04.3", 2):
        X = rng.normal(2.0, 1.5, size=(7, 4))
        Y = rng.normal(-1.0, 1.0, size=(5, 4))
        expected = cdist(X, Y, "sqeuclidean")
        tol = 1e-9 * (np.max(np.sum(X**2, axis=1)) + np.max(np.sum(Y**2, axis=1)))
        scale = max(1.0, float(np.max(np.abs(expected))))
        C.assert_close(C.call_student(pairwise_sq_dists, X, Y), expected, rtol=1e-10, atol=tol / scale,
                       name="squared distances of random point sets")


@test_case(points=0.5, hidden=True)
def test_q04_3_offset_duplicates(pairwise_sq_dists):
    import numpy as np
    from scipy.spatial.distance import cdist
    from aimath import checks as C

    rng = C.spawn_rngs("04.3-offset", 1)[0]
    X = 1e4 + rng.normal(size=(60, 5))
    Y = X + 1e-6 * rng.normal(size=(60, 5))
    for first, second in ((X, X), (X, Y)):
        D = C.call_student(pairwise_sq_dists, first, second)
        C.assert_shape(D, (60, 60), name="distance matrix")
        D = np.asarray(D, dtype=float)
        if not np.all(D >= 0.0):
            C.fail("some squared distances are negative: clamp the result at 0")
        expected = cdist(first, second, "sqeuclidean")
        tol = 1e-9 * (np.max(np.sum(first**2, axis=1)) + np.max(np.sum(second**2, axis=1)))
        scale = max(1.0, float(np.max(np.abs(expected))))
        C.assert_close(D, expected, rtol=1e-10, atol=tol / scale,
                       name="squared distances of points far from the origin")


@test_case(points=0.25, hidden=True)
def test_q04_3_square(pairwise_sq_dists):
    import numpy as np
    from scipy.spatial.distance import cdist
    from aimath import checks as C

    rng = C.spawn_rngs("04.3-square", 1)[0]
    X = rng.normal(1.0, 2.0, size=(4, 4))
    Y = rng.normal(-2.0, 1.0, size=(4, 4))
    expected = cdist(X, Y, "sqeuclidean")
    C.assert_close(C.call_student(pairwise_sq_dists, X, Y), expected, rtol=1e-10, atol=1e-9,
                   name="squared distances with n = m = d")


@test_case(points=0.25, hidden=True)
def test_q04_3_small_shapes(pairwise_sq_dists):
    import numpy as np
    from scipy.spatial.distance import cdist
    from aimath import checks as C

    rng = C.spawn_rngs("04.3-small", 1)[0]
    for n, m, d in ((1, 3, 4), (5, 2, 1), (1, 1, 1)):
        X = rng.normal(size=(n, d))
        Y = rng.normal(size=(m, d))
        C.assert_close(C.call_student(pairwise_sq_dists, X, Y), cdist(X, Y, "sqeuclidean"), rtol=1e-10,
                       atol=1e-9, name=f"squared distances with n={n}, m={m}, d={d}")


@test_case(points=0.5, hidden=True)
def test_q04_3_large(pairwise_sq_dists):
    import numpy as np
    from scipy.spatial.distance import cdist
    from aimath import checks as C

    rng = C.spawn_rngs("04.3-large", 1)[0]
    X = rng.normal(size=(2000, 64))
    Y = rng.normal(0.5, 1.0, size=(2000, 64))
    D = C.call_student(pairwise_sq_dists, X, Y, timeout=1.0)
    C.assert_shape(D, (2000, 2000), name="distance matrix for n = m = 2000")
    rows = np.array([0, 777, 1999])
    expected = cdist(X[rows], Y, "sqeuclidean")
    C.assert_close(np.asarray(D)[rows], expected, rtol=1e-10, atol=1e-9, name="sampled rows of the large distance matrix")
