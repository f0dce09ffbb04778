from otter.test_files import test_case

OK_FORMAT = False

name = 'q04_5'
points = 2.0

@test_case(points=0.375, hidden=False)
def test_q04_5_example(matrix_norms):
    import numpy as np
    from aimath import checks as C

    A = np.array([[1.0, -2.0], [3.0, 4.0]])
    out = C.call_student(matrix_norms, A)
    if not isinstance(out, dict) or set(out) != {"fro", "spectral", "nuclear", "l1_induced", "linf_induced"}:
        C.fail("matrix_norms must return a dict with keys fro, spectral, nuclear, l1_induced, linf_induced")
    expected = {"fro": np.sqrt(30.0), "spectral": np.sqrt(15.0 + 5.0 * np.sqrt(5.0)), "nuclear": np.sqrt(50.0),
                "l1_induced": 6.0, "linf_induced": 7.0}
    for key, value in expected.items():
        C.assert_scalar_close(out[key], value, rtol=1e-8, atol=1e-10, name=f"matrix_norms(A)['{key}']")


@test_case(points=0.25, hidden=False)
def test_q04_5_inequalities(matrix_norms):
    import numpy as np
    from aimath import checks as C

    A = np.array([[2.0, -1.0, 0.5], [0.0, 1.0, 3.0]])
    out = C.call_student(matrix_norms, A)
    if not isinstance(out, dict) or set(out) != {"fro", "spectral", "nuclear", "l1_induced", "linf_induced"}:
        C.fail("matrix_norms must return a dict with keys fro, spectral, nuclear, l1_induced, linf_induced")
    for key in out:
        C.assert_shape(out[key], (), name=f"matrix_norms(A)['{key}']")
    s, f, nuc = float(out["spectral"]), float(out["fro"]), float(out["nuclear"])
    if not (s <= f * (1 + 1e-12) and f <= nuc * (1 + 1e-12) and f <= np.sqrt(2) * s * (1 + 1e-12)):
        C.fail("the norms must satisfy spectral <= fro <= nuclear and fro <= sqrt(rank) * spectral")
    if not s <= np.sqrt(float(out["l1_induced"]) * float(out["linf_induced"])) * (1 + 1e-12):
        C.fail("the norms must satisfy spectral <= sqrt(l1_induced * linf_induced)")
    C.assert_scalar_close(out["fro"], np.sqrt(np.sum(A**2)), rtol=1e-8, atol=1e-10, name="matrix_norms(A)['fro']")


@test_case(points=0.5, hidden=True)
def test_q04_5_random_nonsquare(matrix_norms):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    for rng, shape in zip(C.spawn_rngs("04.5", 2), ((5, 3), (3, 7))):
        A = rng.normal(0.3, 1.0, size=shape)
        out = C.call_student(matrix_norms, A)
        expected = ref.matrix_norms(A)
        if not isinstance(out, dict) or set(out) != set(expected):
            C.fail("matrix_norms must return a dict with keys fro, spectral, nuclear, l1_induced, linf_induced")
        for key in expected:
            C.assert_scalar_close(out[key], expected[key], rtol=1e-8, atol=1e-10,
                                  name=f"'{key}' norm of a random {shape[0]}x{shape[1]} matrix")


@test_case(points=0.375, hidden=True)
def test_q04_5_nonnormal(matrix_norms):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    for A in (np.array([[-1.0, 8.0], [0.0, -3.0]]), np.array([[-2.0, 5.0, 1.0], [0.0, -1.0, 4.0], [0.0, 0.0, -0.5]])):
        out = C.call_student(matrix_norms, A)
        expected = ref.matrix_norms(A)
        if not isinstance(out, dict) or set(out) != set(expected):
            C.fail("matrix_norms must return a dict with keys fro, spectral, nuclear, l1_induced, linf_induced")
        for key in expected:
            C.assert_scalar_close(out[key], expected[key], rtol=1e-8, atol=1e-10,
                                  name=f"'{key}' norm of a non-symmetric matrix with negative eigenvalues")


@test_case(points=0.25, hidden=True)
def test_q04_5_rank_one(matrix_norms):
    import numpy as np
    from aimath import checks as C

    rng = C.spawn_rngs("04.5-rank1", 1)[0]
    u = rng.normal(size=4)
    v = rng.normal(size=3)
    A = np.outer(u, v)
    out = C.call_student(matrix_norms, A)
    if not isinstance(out, dict) or set(out) != {"fro", "spectral", "nuclear", "l1_induced", "linf_induced"}:
        C.fail("matrix_norms must return a dict with keys fro, spectral, nuclear, l1_induced, linf_induced")
    target = np.linalg.norm(u) * np.linalg.norm(v)
    for key in ("fro", "spectral", "nuclear"):
        C.assert_scalar_close(out[key], target, rtol=1e-8, atol=1e-10,
                              name=f"'{key}' norm of a rank-1 matrix (all three equal ||u|| ||v||)")
    C.assert_scalar_close(out["l1_induced"], np.max(np.abs(v)) * np.sum(np.abs(u)), rtol=1e-8, atol=1e-10,
                          name="'l1_induced' norm of a rank-1 matrix")
    C.assert_scalar_close(out["linf_induced"], np.max(np.abs(u)) * np.sum(np.abs(v)), rtol=1e-8, atol=1e-10,
                          name="'linf_induced' norm of a rank-1 matrix")


@test_case(points=0.25, hidden=True)
def test_q04_5_one_by_one(matrix_norms):
    import numpy as np
    from aimath import checks as C

    out = C.call_student(matrix_norms, np.array([[-3.0]]))
    if not isinstance(out, dict) or set(out) != {"fro", "spectral", "nuclear", "l1_induced", "linf_induced"}:
        C.fail("matrix_norms must return a dict with keys fro, spectral, nuclear, l1_induced, linf_induced")
    for key in out:
        C.assert_scalar_close(out[key], 3.0, rtol=1e-8, atol=1e-10, name=f"'{key}' norm of a 1x1 matrix with a negative entry")
