from otter.test_files import test_case

OK_FORMAT = False

name = 'q06_3'
points = 3.9999999999999996

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


@test_case(points=0.6, hidden=True)
def test_q06_3_random_vs_reference(project_onto_simplex):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    for k, rng in enumerate(C.spawn_rngs("06.3-random", 6)):
        n = int(rng.integers(2, 60))
        v = rng.standard_normal(n) * float(rng.choice([0.1, 1.0, 5.0])) + float(rng.uniform(-2, 2))
        w_ref = ref.project_onto_simplex(v)
        w = C.call_student(project_onto_simplex, v)
        C.assert_close(w, w_ref, rtol=1e-10, atol=1e-12 * max(1.0, float(np.abs(v).max())),
                       name=f"projection (random vector {k + 1})")


@test_case(points=0.3, hidden=True)
def test_q06_3_already_in_simplex(project_onto_simplex):
    import numpy as np
    from aimath import checks as C

    rng = C.spawn_rngs("06.3-inside", 1)[0]
    for n in (2, 5, 11):
        p = rng.dirichlet(np.ones(n))
        w = C.call_student(project_onto_simplex, p)
        C.assert_close(w, p, rtol=1e-10, atol=1e-12, name="projection of a point already in the simplex")
    vertex = np.array([0.0, 0.0, 1.0, 0.0])
    C.assert_close(C.call_student(project_onto_simplex, vertex), vertex, rtol=1e-10, atol=1e-12,
                   name="projection of a vertex")


@test_case(points=0.4, hidden=True)
def test_q06_3_equal_entries_and_ties(project_onto_simplex):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    cases = [np.full(4, 3.7), np.full(5, -2.0), np.array([0.9, 0.9, 0.1, -0.4, 0.9]),
             np.array([2.0, 2.0, -1.0, 0.5])]
    for k, v in enumerate(cases):
        w = C.call_student(project_onto_simplex, v)
        C.assert_close(w, ref.project_onto_simplex(v), rtol=1e-10, atol=1e-12 * max(1.0, float(np.abs(v).max())),
                       name=f"projection with equal entries or ties (case {k + 1})")


@test_case(points=0.4, hidden=True)
def test_q06_3_negative_and_single(project_onto_simplex):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    cases = [np.array([-1000.0, 0.5, -2000.0, 0.2]), np.array([-5.0, -7.0, -6.5]), np.array([-3.0]),
             np.array([42.0]), np.array([-300.0, -301.0])]
    for k, v in enumerate(cases):
        w = C.call_student(project_onto_simplex, v)
        C.assert_close(w, ref.project_onto_simplex(v), rtol=1e-10,
                       atol=1e-12 * max(1.0, float(np.abs(v).max())),
                       name=f"projection with large negative entries or a single entry (case {k + 1})")


@test_case(points=0.5, hidden=True)
def test_q06_3_large_entries(project_onto_simplex):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    rng = C.spawn_rngs("06.3-large", 1)[0]
    base = rng.uniform(-1.0, 1.0, 8)
    cases = [base + 1e6,                                  # shift invariance: same projection as base
             rng.uniform(-3e6, 3e6, 6),                   # entries ~1e6 far apart: a vertex
             np.array([1e6, 1e6 - 0.25, 1e6 - 3.0])]
    for k, v in enumerate(cases):
        w = C.call_student(project_onto_simplex, v)
        C.assert_close(w, ref.project_onto_simplex(v), rtol=1e-10,
                       atol=1e-12 * max(1.0, float(np.abs(v).max())),
                       name=f"projection with entries ~1e6 (case {k + 1})")


@test_case(points=0.3, hidden=True)
def test_q06_3_kkt_characterization(project_onto_simplex):
    import numpy as np
    from aimath import checks as C

    for k, rng in enumerate(C.spawn_rngs("06.3-kkt", 3)):
        v = rng.standard_normal(int(rng.integers(5, 40))) * 3.0
        w = np.asarray(C.call_student(project_onto_simplex, v), dtype=float)
        C.assert_simplex(w, axis=-1, atol=1e-10)
        support = w > 1e-12
        if not support.any():
            C.fail("the projection has no positive entry")
        theta = float(np.mean(v[support] - w[support]))
        C.assert_close(w, np.maximum(v - theta, 0.0), rtol=0, atol=1e-10,
                       name=f"w versus max(v - theta, 0) (vector {k + 1})")


@test_case(points=0.3, hidden=True)
def test_q06_3_inputs(project_onto_simplex):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    v = [3, -1, 2, 0]  # a list of ints
    w = C.call_student(project_onto_simplex, v, check_mutation=True, check_global_rng=True)
    C.assert_close(w, ref.project_onto_simplex(np.array(v, dtype=float)), rtol=1e-10, atol=3e-12,
                   name="projection of a list of ints")
    C.call_student(project_onto_simplex, np.array([0.5, 2.0, -1.0, 0.25]), check_mutation=True,
                   check_global_rng=True)
