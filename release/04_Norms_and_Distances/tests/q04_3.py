from otter.test_files import test_case

OK_FORMAT = False

name = 'q04_3'
points = 1.0

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
