from otter.test_files import test_case

OK_FORMAT = False

name = 'q00_1'
points = 0.25

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
