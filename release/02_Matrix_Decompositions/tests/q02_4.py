from otter.test_files import test_case

OK_FORMAT = False

name = 'q02_4'
points = 1.25

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
