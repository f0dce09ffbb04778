from otter.test_files import test_case

OK_FORMAT = False

name = 'q04_1'
points = 1.0

@test_case(points=0.5, hidden=False)
def test_q04_1_examples(lp_norm):
    import numpy as np
    from aimath import checks as C

    x = np.array([3.0, -4.0])
    for p, expected in [(1, 7.0), (2, 5.0), (np.inf, 4.0)]:
        out = C.call_student(lp_norm, x, p)
        C.assert_scalar_close(out, expected, rtol=1e-10, atol=1e-12, name=f"lp_norm([3, -4], p={p})")
    out = C.call_student(lp_norm, np.array([1.0, -2.0, 2.0]), 3)
    C.assert_scalar_close(out, 17.0 ** (1 / 3), rtol=1e-10, atol=1e-12, name="lp_norm([1, -2, 2], p=3)")


@test_case(points=0.5, hidden=False)
def test_q04_1_axis_and_ordering(lp_norm):
    import numpy as np
    from aimath import checks as C

    M = np.arange(12.0).reshape(3, 4) - 5.0
    rows = C.call_student(lp_norm, M, 2)
    C.assert_close(rows, np.sqrt(np.sum(M**2, axis=1)), rtol=1e-10, atol=1e-12, name="lp_norm(M, 2) (rows)")
    cols = C.call_student(lp_norm, M, 2, 0)
    C.assert_close(cols, np.sqrt(np.sum(M**2, axis=0)), rtol=1e-10, atol=1e-12, name="lp_norm(M, 2, axis=0)")
    x = np.array([0.5, -1.5, 2.0, -0.25, 1.0])
    values = [float(C.call_student(lp_norm, x, p)) for p in (1, 1.5, 2, 4, np.inf)]
    if not all(a >= b for a, b in zip(values, values[1:])):
        C.fail("||x||_p must not increase with p (||x||_inf <= ||x||_4 <= ||x||_2 <= ||x||_1.5 <= ||x||_1)")
