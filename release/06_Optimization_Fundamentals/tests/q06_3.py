from otter.test_files import test_case

OK_FORMAT = False

name = 'q06_3'
points = 1.2000000000000002

@test_case(points=0.3, hidden=False)
def test_q06_3_shape_dtype(project_onto_simplex):
    import numpy as np
    from aimath import checks as C

    w = C.call_student(project_onto_simplex, np.array([0.2, -1.0, 3.0, 0.5, 0.0]))
    C.assert_shape(w, (5,), name="w")
    if np.asarray(w).dtype != np.float64:
        C.fail("w must be a float64 array")


@test_case(points=0.5, hidden=False)
def test_q06_3_hand_cases(project_onto_simplex):
    import numpy as np
    from aimath import checks as C

    # v = (0.3, 1.1, -1): theta = (1.1 + 0.3 - 1) / 2 = 0.2, so w = (0.1, 0.9, 0)
    w = C.call_student(project_onto_simplex, np.array([0.3, 1.1, -1.0]))
    C.assert_close(w, np.array([0.1, 0.9, 0.0]), rtol=1e-10, atol=1e-12, name="projection of (0.3, 1.1, -1)")
    # v = (2, 0): theta = 1, w = (1, 0)
    w = C.call_student(project_onto_simplex, np.array([2.0, 0.0]))
    C.assert_close(w, np.array([1.0, 0.0]), rtol=1e-10, atol=1e-12, name="projection of (2, 0)")


@test_case(points=0.4, hidden=False)
def test_q06_3_simplex_and_kkt_form(project_onto_simplex):
    import numpy as np
    from aimath import checks as C

    rng = np.random.default_rng(3)
    for n in (3, 7, 20):
        v = rng.standard_normal(n) * 2.0
        w = np.asarray(C.call_student(project_onto_simplex, v), dtype=float)
        C.assert_simplex(w, axis=-1, atol=1e-10)
        # KKT form: w = max(v - theta, 0) with one common threshold theta
        support = w > 1e-12
        if not support.any():
            C.fail("w has no positive entry")
        theta = float(np.mean(v[support] - w[support]))
        C.assert_close(w, np.maximum(v - theta, 0.0), rtol=0, atol=1e-10,
                       name="w versus max(v - theta, 0) (a projection shifts, it does not rescale)")
