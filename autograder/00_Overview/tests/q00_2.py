from otter.test_files import test_case

OK_FORMAT = False

name = 'q00_2'
points = 1.0

@test_case(points=0.25, hidden=False)
def test_q00_2_hand_cases(mean_squared_error):
    from aimath import checks as C
    out = C.call_student(mean_squared_error, [1.0, 2.0, 3.0], [1.0, 2.0, 5.0])
    C.assert_scalar_close(out, 4.0 / 3.0, rtol=1e-10, atol=1e-12, name="mean_squared_error")
    out = C.call_student(mean_squared_error, [[0.0, 0.0]], [[3.0, -4.0]])
    C.assert_scalar_close(out, 12.5, rtol=1e-10, atol=1e-12, name="mean_squared_error")


@test_case(points=0.25, hidden=True)
def test_q00_2_random_vs_reference(mean_squared_error):
    from aimath import checks as C
    ref = C.reference()
    for rng, shape in zip(C.spawn_rngs("00.2", 3), [(37,), (6, 4), (2, 3, 5)]):
        y_true = 3.0 + 2.0 * rng.standard_normal(shape)
        y_pred = y_true + 0.5 * rng.standard_normal(shape)
        out = C.call_student(mean_squared_error, y_true, y_pred)
        expected = ref.mean_squared_error(y_true, y_pred)
        C.assert_scalar_close(out, expected, rtol=1e-10, atol=1e-12, name="MSE")


@test_case(points=0.25, hidden=True)
def test_q00_2_shape_mismatch_raises(mean_squared_error):
    import numpy as np
    from aimath import checks as C
    rng = C.spawn_rngs("00.2-shapes", 1)[0]
    y = rng.standard_normal(5)
    C.assert_raises(ValueError, mean_squared_error, y, y.reshape(-1, 1) + 1.0)
    C.assert_raises(ValueError, mean_squared_error, y.reshape(-1, 1), y - 1.0)
    C.assert_raises(ValueError, mean_squared_error, y, np.zeros(4))


@test_case(points=0.25, hidden=True)
def test_q00_2_edge_values(mean_squared_error):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("00.2-edges", 1)[0]
    cases = [
        ([2.5], [-1.0]),  # n = 1
        (rng.integers(-20, 20, size=9), rng.integers(-20, 20, size=9)),  # integers
        (1e8 + rng.standard_normal(8), -1e8 + rng.standard_normal(8)),  # large values
    ]
    for y_true, y_pred in cases:
        out = C.call_student(mean_squared_error, y_true, y_pred)
        expected = ref.mean_squared_error(y_true, y_pred)
        C.assert_scalar_close(out, expected, rtol=1e-10, atol=1e-12, name="MSE")
