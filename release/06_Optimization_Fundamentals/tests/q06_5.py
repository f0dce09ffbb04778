from otter.test_files import test_case

OK_FORMAT = False

name = 'q06_5'
points = 0.8

@test_case(points=0.1, hidden=False)
def test_q06_5_shape_dtype(water_filling):
    import numpy as np
    from aimath import checks as C

    x = C.call_student(water_filling, np.array([0.5, 1.0, 2.0, 0.1]), 1.5)
    C.assert_shape(x, (4,), name="x")
    if np.asarray(x).dtype != np.float64:
        C.fail("x must be a float64 array")


@test_case(points=0.4, hidden=False)
def test_q06_5_hand_case(water_filling):
    import numpy as np
    from aimath import checks as C

    # alpha = (1, 2, 4), total = 2: level 2.5, x = (1.5, 0.5, 0)
    x = C.call_student(water_filling, np.array([1.0, 2.0, 4.0]), 2.0)
    C.assert_close(x, np.array([1.5, 0.5, 0.0]), rtol=1e-8, atol=1e-10, name="water_filling([1, 2, 4], 2)")
    # the same channels in another order: the allocation follows its channel
    x = C.call_student(water_filling, np.array([4.0, 1.0, 2.0]), 2.0)
    C.assert_close(x, np.array([0.0, 1.5, 0.5]), rtol=1e-8, atol=1e-10, name="water_filling([4, 1, 2], 2)")


@test_case(points=0.3, hidden=False)
def test_q06_5_kkt_properties(water_filling):
    import numpy as np
    from aimath import checks as C

    rng = np.random.default_rng(5)
    for n, total in [(4, 1.0), (10, 3.0), (25, 0.7)]:
        alpha = rng.uniform(0.2, 3.0, n)
        x = np.asarray(C.call_student(water_filling, alpha, total), dtype=float)
        if (x < -1e-12).any():
            C.fail("allocations must be non-negative")
        if abs(x.sum() - total) > 1e-9 * max(1.0, total):
            C.fail("allocations must sum to total")
        wet = x > 1e-12
        level = float(np.mean(alpha[wet] + x[wet]))
        C.assert_close(x, np.maximum(0.0, level - alpha), rtol=0, atol=1e-9,
                       name="x versus max(0, level - alpha) (one common water level)")
