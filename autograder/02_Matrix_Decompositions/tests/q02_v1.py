from otter.test_files import test_case

OK_FORMAT = False

name = 'q02_v1'
points = 0.0

@test_case(points=0.0, hidden=False)
def test_q02_v1_ratios(scree_plot):
    import numpy as np
    from aimath import checks as C
    rng = np.random.default_rng(8)
    X = rng.standard_normal((120, 6)) @ rng.standard_normal((6, 6)) + 3.0
    ratios = C.call_student(scree_plot, X, C.new_axes())
    lam = np.linalg.eigvalsh(np.cov(X, rowvar=False))[::-1]
    C.assert_close(ratios, lam / lam.sum(), rtol=1e-8, atol=1e-10, name="explained variance ratios")
    cumulative = np.cumsum(np.asarray(ratios, dtype=float))
    if np.any(np.diff(cumulative) < -1e-12) or abs(cumulative[-1] - 1.0) > 1e-10:
        C.fail("the cumulative explained variance must be nondecreasing and end at 1")
