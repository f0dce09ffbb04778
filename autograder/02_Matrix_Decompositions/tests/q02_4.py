from otter.test_files import test_case

OK_FORMAT = False

name = 'q02_4'
points = 4.0

@test_case(points=0.25, hidden=False)
def test_q02_4_types_and_shapes(pca_fit):
    import numpy as np
    from aimath import checks as C
    X = np.arange(24.0).reshape(6, 4) ** 1.3
    out = C.call_student(pca_fit, X, 2)
    if not (isinstance(out, tuple) and len(out) == 3):
        C.fail("pca_fit must return a tuple (mean, components, explained_variance)")
    mean, comps, var = out
    C.assert_shape(mean, (4,), name="mean")
    C.assert_shape(comps, (2, 4), name="components")
    C.assert_shape(var, (2,), name="explained_variance")
    for name, arr in (("mean", mean), ("components", comps), ("explained_variance", var)):
        if not (isinstance(arr, np.ndarray) and arr.dtype == np.float64):
            C.fail(f"{name} must be a float64 NumPy array")


@test_case(points=0.5, hidden=False)
def test_q02_4_points_on_a_line(pca_fit):
    import numpy as np
    from aimath import checks as C
    # Points t * (1, 1) for t = 0, 1, 2, 3: mean (1.5, 1.5); all variance lies along (1, 1)/sqrt(2).
    # Projections are sqrt(2) * (-1.5, -0.5, 0.5, 1.5); their squares sum to 10; 10 / (n - 1) = 10/3.
    X = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0], [3.0, 3.0]])
    mean, comps, var = C.call_student(pca_fit, X, 1)
    C.assert_close(mean, np.array([1.5, 1.5]), rtol=1e-10, atol=1e-12, name="mean")
    C.assert_close(var, np.array([10.0 / 3.0]), rtol=1e-8, atol=1e-10, name="explained_variance")
    C.assert_shape(comps, (1, 2), name="components")
    C.assert_columns_equal_up_to_sign(np.asarray(comps, float).T, np.array([[1.0], [1.0]]) / np.sqrt(2.0),
                                      atol=1e-8)


@test_case(points=0.5, hidden=False)
def test_q02_4_total_variance(pca_fit):
    import numpy as np
    from aimath import checks as C
    rng = np.random.default_rng(12)
    X = rng.standard_normal((30, 4)) @ rng.standard_normal((4, 4)) + 10.0
    mean, comps, var = C.call_student(pca_fit, X, 4)
    comps, var = np.asarray(comps, float), np.asarray(var, float)
    C.assert_shape(comps, (4, 4), name="components")
    C.assert_orthonormal_columns(comps.T, atol=1e-10)
    if np.any(np.diff(var) > 0):
        C.fail("explained_variance must be in descending order")
    # With k = d the variances add up to the total variance, the sum of the per-feature variances.
    C.assert_scalar_close(var.sum(), X.var(axis=0, ddof=1).sum(), rtol=1e-8, atol=1e-10,
                          name="sum of explained_variance for k = d")


@test_case(points=0.75, hidden=True)
def test_q02_4_random_data(pca_fit):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    for rng, (n, d, k) in zip(C.spawn_rngs("02.4/random", 3), [(60, 6, 3), (200, 9, 4), (25, 5, 2)]):
        X = rng.standard_normal((n, d)) @ rng.standard_normal((d, d)) * 2.0 + rng.uniform(-5.0, 5.0, d)
        mean, comps, var = C.call_student(pca_fit, X, k)
        r_mean, r_comps, r_var = ref.pca_fit(X, k)
        C.assert_close(mean, r_mean, rtol=1e-10, atol=1e-12, name="mean")
        C.assert_close(var, r_var, rtol=1e-8, atol=1e-10, name="explained_variance")
        C.assert_shape(comps, (k, d), name="components")
        C.assert_columns_equal_up_to_sign(np.asarray(comps, float).T, r_comps.T, atol=1e-8)


@test_case(points=0.5, hidden=True)
def test_q02_4_large_offset(pca_fit):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("02.4/offset", 1)[0]
    X = rng.standard_normal((80, 5)) * np.array([3.0, 2.0, 1.0, 0.5, 0.2]) + 1e3
    mean, comps, var = C.call_student(pca_fit, X, 2)
    r_mean, r_comps, r_var = ref.pca_fit(X, 2)
    C.assert_close(mean, r_mean, rtol=1e-10, atol=1e-12, name="mean")
    C.assert_close(var, r_var, rtol=1e-8, atol=1e-10, name="explained_variance")
    C.assert_shape(comps, (2, 5), name="components")
    C.assert_columns_equal_up_to_sign(np.asarray(comps, float).T, r_comps.T, atol=1e-8)


@test_case(points=0.5, hidden=True)
def test_q02_4_fewer_samples_than_features(pca_fit):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("02.4/wide", 1)[0]
    X = rng.standard_normal((6, 15)) * 2.0 + 1.0
    mean, comps, var = C.call_student(pca_fit, X, 4)
    r_mean, r_comps, r_var = ref.pca_fit(X, 4)
    C.assert_close(mean, r_mean, rtol=1e-10, atol=1e-12, name="mean")
    C.assert_close(var, r_var, rtol=1e-8, atol=1e-10, name="explained_variance")
    C.assert_shape(comps, (4, 15), name="components")
    C.assert_columns_equal_up_to_sign(np.asarray(comps, float).T, r_comps.T, atol=1e-8)


@test_case(points=0.5, hidden=True)
def test_q02_4_constant_feature_all_components(pca_fit):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("02.4/constant", 1)[0]
    X = rng.standard_normal((40, 4)) * np.array([2.0, 1.0, 0.0, 0.5]) + np.array([1.0, -2.0, 7.0, 3.0])
    mean, comps, var = C.call_student(pca_fit, X, 4)
    r_mean, r_comps, r_var = ref.pca_fit(X, 4)
    C.assert_close(mean, r_mean, rtol=1e-10, atol=1e-12, name="mean")
    C.assert_close(var, r_var, rtol=1e-8, atol=1e-10, name="explained_variance")
    C.assert_shape(comps, (4, 4), name="components")
    C.assert_columns_equal_up_to_sign(np.asarray(comps, float).T, r_comps.T, atol=1e-8)


@test_case(points=0.5, hidden=True)
def test_q02_4_known_axes(pca_fit):
    import numpy as np
    from aimath import checks as C
    # Exactly whitened samples Z (centered, Z^T Z = (n - 1) I) give data whose sample covariance is
    # exactly R diag(sd^2) R^T: the components are the columns of R and the variances sd^2.
    rng = C.spawn_rngs("02.4/analytic", 1)[0]
    n, d = 50, 4
    Z0 = rng.standard_normal((n, d))
    Q, _ = np.linalg.qr(Z0 - Z0.mean(axis=0))
    Z = Q * np.sqrt(n - 1.0)
    R, _ = np.linalg.qr(rng.standard_normal((d, d)))
    sd = np.array([4.0, 2.0, 1.0, 0.5])
    mu = np.array([10.0, -3.0, 0.5, 2.0])
    X = (Z * sd) @ R.T + mu
    mean, comps, var = C.call_student(pca_fit, X, 3)
    C.assert_close(mean, mu, rtol=1e-10, atol=1e-12, name="mean")
    C.assert_close(var, sd[:3] ** 2, rtol=1e-8, atol=1e-10, name="explained_variance")
    C.assert_shape(comps, (3, d), name="components")
    C.assert_columns_equal_up_to_sign(np.asarray(comps, float).T, R[:, :3], atol=1e-8)
