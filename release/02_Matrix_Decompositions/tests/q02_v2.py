from otter.test_files import test_case

OK_FORMAT = False

name = 'q02_v2'
points = 0.0

@test_case(points=0.0, hidden=False)
def test_q02_v2_errors_match_singular_values(compression_errors):
    import numpy as np
    from aimath import checks as C
    rng = np.random.default_rng(5)
    t = np.linspace(0.0, 1.0, 40)
    img = np.exp(-np.subtract.outer(t, t) ** 2 / 0.02) + 0.05 * rng.standard_normal((40, 40))
    errs = C.call_student(compression_errors, img, 12, C.new_axes())
    s = np.linalg.svd(img, compute_uv=False)
    tail = np.sqrt(np.cumsum((s ** 2)[::-1])[::-1] / np.sum(s ** 2))
    C.assert_close(errs, tail[1:13], rtol=1e-8, atol=1e-10, name="relative errors for k = 1..12")
