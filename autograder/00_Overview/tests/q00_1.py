from otter.test_files import test_case

OK_FORMAT = False

name = 'q00_1'
points = 1.0

@test_case(points=0.25, hidden=False)
def test_q00_1_type_shape_values(as_float_vector):
    import numpy as np
    from aimath import checks as C
    out = C.call_student(as_float_vector, [1, 2.5, -3])
    if not isinstance(out, np.ndarray):
        C.fail("as_float_vector must return a numpy.ndarray (not a list or a scalar)")
    C.assert_shape(out, (3,), name="out")
    if out.dtype != np.float64:
        C.fail(f"out.dtype is {out.dtype}, expected float64")
    C.assert_exact(out, np.array([1.0, 2.5, -3.0]), name="out")


@test_case(points=0.25, hidden=True)
def test_q00_1_random_inputs(as_float_vector):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    for i, rng in enumerate(C.spawn_rngs("00.1", 4)):
        n = int(rng.integers(1, 40))
        values = [float(v) for v in rng.standard_normal(n) * 10.0 ** rng.integers(-3, 4, size=n)]
        if i % 2:
            values = tuple(values)
        out = C.call_student(as_float_vector, values)
        if not isinstance(out, np.ndarray):
            C.fail("as_float_vector must return a numpy.ndarray (not a list or a scalar)")
        if out.dtype != np.float64:
            C.fail(f"out.dtype is {out.dtype}, expected float64")
        C.assert_exact(out, ref.as_float_vector(values), name="out")


@test_case(points=0.125, hidden=True)
def test_q00_1_empty_and_integers(as_float_vector):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    for values in ([], [3, -1, 7, 0], (2**40, -5)):
        out = C.call_student(as_float_vector, values)
        if not isinstance(out, np.ndarray) or out.dtype != np.float64:
            C.fail("for an empty list or a list of integers, the result must be a float64 numpy.ndarray")
        C.assert_exact(out, ref.as_float_vector(values), name="out")


@test_case(points=0.25, hidden=True)
def test_q00_1_copies_array_input(as_float_vector):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("00.1-array", 1)[0]
    for values in (rng.standard_normal(6), np.arange(5, dtype=np.int64), rng.standard_normal(1)):
        out = C.call_student(as_float_vector, values, check_aliasing=True)
        if not isinstance(out, np.ndarray) or out.dtype != np.float64:
            C.fail("for an array input, the result must be a float64 numpy.ndarray")
        C.assert_exact(out, ref.as_float_vector(values), name="out")


@test_case(points=0.125, hidden=True)
def test_q00_1_scalar_raises(as_float_vector):
    import numpy as np
    from aimath import checks as C
    for value in (3.0, 7, np.float64(-2.5), np.array(5.0)):
        C.assert_raises(ValueError, as_float_vector, value)
