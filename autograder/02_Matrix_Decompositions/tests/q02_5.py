from otter.test_files import test_case

OK_FORMAT = False

name = 'q02_5'
points = 2.0

@test_case(points=0.25, hidden=False)
def test_q02_5_full_rank_returns_data(pca_reconstruct):
    import numpy as np
    from aimath import checks as C
    X = np.array([[1.0, 2.0, 0.0], [3.0, -1.0, 2.0], [0.0, 0.5, 1.0], [2.0, 2.0, 2.0], [4.0, 0.0, -1.0]])
    out = C.call_student(pca_reconstruct, X, 3)
    C.assert_shape(out, (5, 3), name="pca_reconstruct(X, 3)")
    C.assert_close(out, X, rtol=1e-8, atol=1e-10, name="pca_reconstruct(X, d)")


@test_case(points=0.25, hidden=False)
def test_q02_5_points_on_a_line(pca_reconstruct):
    import numpy as np
    from aimath import checks as C
    # Points on the line through (2, 4) with direction (1, 2): one component reconstructs them
    # exactly, and zero components give the mean (2, 4) in every row.
    X = np.array([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]])
    C.assert_close(C.call_student(pca_reconstruct, X, 1), X, rtol=1e-8, atol=1e-10, name="pca_reconstruct(X, 1)")
    C.assert_close(C.call_student(pca_reconstruct, X, 0), np.array([[2.0, 4.0]] * 3), rtol=1e-8, atol=1e-10,
                   name="pca_reconstruct(X, 0)")


@test_case(points=0.5, hidden=True)
def test_q02_5_random_with_offset(pca_reconstruct):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    for rng, (n, d, k) in zip(C.spawn_rngs("02.5/random", 3), [(40, 6, 2), (30, 4, 3), (100, 8, 5)]):
        X = rng.standard_normal((n, d)) @ rng.standard_normal((d, d)) + rng.uniform(20.0, 50.0, d)
        C.assert_close(C.call_student(pca_reconstruct, X, k), ref.pca_reconstruct(X, k),
                       rtol=1e-8, atol=1e-10, name="reconstruction")


@test_case(points=0.25, hidden=True)
def test_q02_5_zero_components(pca_reconstruct):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("02.5/k-zero", 1)[0]
    X = rng.standard_normal((20, 5)) * 3.0 + 4.0
    C.assert_close(C.call_student(pca_reconstruct, X, 0), ref.pca_reconstruct(X, 0),
                   rtol=1e-8, atol=1e-10, name="reconstruction with k = 0")


@test_case(points=0.25, hidden=True)
def test_q02_5_all_components(pca_reconstruct):
    import numpy as np
    from aimath import checks as C
    rng = C.spawn_rngs("02.5/k-d", 1)[0]
    X = rng.standard_normal((25, 6)) @ rng.standard_normal((6, 6)) - 7.0
    C.assert_close(C.call_student(pca_reconstruct, X, 6), X, rtol=1e-8, atol=1e-10, name="reconstruction with k = d")


@test_case(points=0.25, hidden=True)
def test_q02_5_repeated_variances_in_kept_block(pca_reconstruct):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    # Exactly whitened samples: variances (9, 9, 1, 0.25); k = 2 keeps the tied pair whole.
    rng = C.spawn_rngs("02.5/tied", 1)[0]
    n, d = 30, 4
    Z0 = rng.standard_normal((n, d))
    Q, _ = np.linalg.qr(Z0 - Z0.mean(axis=0))
    R, _ = np.linalg.qr(rng.standard_normal((d, d)))
    X = (Q * np.sqrt(n - 1.0) * np.array([3.0, 3.0, 1.0, 0.5])) @ R.T + np.array([1.0, 2.0, 3.0, 4.0])
    C.assert_close(C.call_student(pca_reconstruct, X, 2), ref.pca_reconstruct(X, 2),
                   rtol=1e-8, atol=1e-10, name="reconstruction")


@test_case(points=0.25, hidden=True)
def test_q02_5_fewer_samples_than_features(pca_reconstruct):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("02.5/wide", 1)[0]
    X = rng.standard_normal((7, 12)) * 2.0 + 3.0
    C.assert_close(C.call_student(pca_reconstruct, X, 3), ref.pca_reconstruct(X, 3),
                   rtol=1e-8, atol=1e-10, name="reconstruction")
