from otter.test_files import test_case

OK_FORMAT = False

name = 'q04_5'
points = 0.625

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
