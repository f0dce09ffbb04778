from otter.test_files import test_case

OK_FORMAT = False

name = 'q00_3'
points = 0.25

@test_case(points=0.25, hidden=False)
def test_q00_3_matches_generator(standard_normal_draws):
    import numpy as np
    from aimath import checks as C
    out = C.call_student(standard_normal_draws, 5, np.random.default_rng(2024))
    if not isinstance(out, np.ndarray) or out.dtype != np.float64:
        C.fail("standard_normal_draws must return a float64 numpy.ndarray")
    C.assert_shape(out, (5,), name="out")
    C.assert_exact(out, np.random.default_rng(2024).standard_normal(5), name="draws")
