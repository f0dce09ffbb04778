from otter.test_files import test_case

OK_FORMAT = False

name = 'q00_4'
points = 1.0

@test_case(points=0.25, hidden=False)
def test_q00_4_hand_cases(safe_log):
    import numpy as np
    from aimath import checks as C
    out = C.call_student(safe_log, np.array([1.0, np.e, 0.0]), warnings_as_errors=True)
    C.assert_close(out, np.array([0.0, 1.0, np.log(1e-300)]), rtol=1e-10, atol=1e-12, name="safe_log(x)")
    out = C.call_student(safe_log, [[4.0, -1.0]], 0.5, warnings_as_errors=True)
    C.assert_close(out, np.array([[np.log(4.0), np.log(0.5)]]), rtol=1e-10, atol=1e-12, name="safe_log(x, 0.5)")


@test_case(points=0.25, hidden=True)
def test_q00_4_random_positive(safe_log):
    from aimath import checks as C
    ref = C.reference()
    for rng, shape in zip(C.spawn_rngs("00.4", 3), [(50,), (7, 3), (2, 4, 6)]):
        x = 10.0 ** rng.uniform(-200, 200, size=shape)
        out = C.call_student(safe_log, x, warnings_as_errors=True)
        C.assert_close(out, ref.safe_log(x), rtol=1e-10, atol=1e-12, name="safe_log(x)")


@test_case(points=0.25, hidden=True)
def test_q00_4_zeros_and_negatives(safe_log):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("00.4-zeros", 1)[0]
    x = rng.standard_normal((6, 5)) * 3.0
    x[rng.random((6, 5)) < 0.3] = 0.0
    x[0, 0], x[1, 1], x[2, 2] = 0.0, -np.inf, -1e300
    out = C.call_student(safe_log, x, warnings_as_errors=True)
    C.assert_close(out, ref.safe_log(x), rtol=1e-10, atol=1e-12, name="safe_log(x)")


@test_case(points=0.25, hidden=True)
def test_q00_4_small_values_and_floor(safe_log):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    x = np.array([1e-5, 3e-7, 2e-3, 1e-5])
    out = C.call_student(safe_log, x, warnings_as_errors=True)
    C.assert_close(out, ref.safe_log(x), rtol=1e-10, atol=1e-12, name="safe_log(x) for small positive x")
    x = np.array([[1e-12, 0.0, -2.0], [1e-5, 3.0, 1e-8]])
    out = C.call_student(safe_log, x, 1e-9, warnings_as_errors=True)
    C.assert_close(out, ref.safe_log(x, 1e-9), rtol=1e-10, atol=1e-12, name="safe_log(x, floor)")
