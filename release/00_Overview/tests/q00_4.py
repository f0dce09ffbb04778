from otter.test_files import test_case

OK_FORMAT = False

name = 'q00_4'
points = 0.25

@test_case(points=0.25, hidden=False)
def test_q00_4_hand_cases(safe_log):
    import numpy as np
    from aimath import checks as C
    out = C.call_student(safe_log, np.array([1.0, np.e, 0.0]), warnings_as_errors=True)
    C.assert_close(out, np.array([0.0, 1.0, np.log(1e-300)]), rtol=1e-10, atol=1e-12, name="safe_log(x)")
    out = C.call_student(safe_log, [[4.0, -1.0]], 0.5, warnings_as_errors=True)
    C.assert_close(out, np.array([[np.log(4.0), np.log(0.5)]]), rtol=1e-10, atol=1e-12, name="safe_log(x, 0.5)")
