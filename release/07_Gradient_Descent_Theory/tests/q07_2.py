from otter.test_files import test_case

OK_FORMAT = False

name = 'q07_2'
points = 0.6

@test_case(points=0.3, hidden=False)
def test_q07_2_hand_case(quadratic_gd_step_and_rate):
    import numpy as np
    from aimath import checks as C

    out = C.call_student(quadratic_gd_step_and_rate, np.diag([1.0, 3.0]))
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("return a pair (step, rate)")
    # L = 3, mu = 1: step = 2/4, kappa = 3, rate = 2/4
    C.assert_scalar_close(out[0], 0.5, rtol=1e-10, atol=1e-12, name="step for diag(1, 3)")
    C.assert_scalar_close(out[1], 0.5, rtol=1e-10, atol=1e-12, name="rate for diag(1, 3)")


@test_case(points=0.3, hidden=False)
def test_q07_2_scaling_property(quadratic_gd_step_and_rate):
    import numpy as np
    from aimath import checks as C

    Q = np.array([[4.0, 1.0, 0.0], [1.0, 3.0, 0.5], [0.0, 0.5, 2.0]])
    out = C.call_student(quadratic_gd_step_and_rate, Q)
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("quadratic_gd_step_and_rate must return a pair (step, rate)")
    step, rate = out
    out = C.call_student(quadratic_gd_step_and_rate, 10.0 * Q)
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("quadratic_gd_step_and_rate must return a pair (step, rate)")
    step10, rate10 = out
    C.assert_scalar_close(step10, float(step) / 10.0, rtol=1e-10, atol=1e-12, name="step for 10 Q (must be step / 10)")
    C.assert_scalar_close(rate10, float(rate), rtol=1e-10, atol=1e-12, name="rate for 10 Q (must not change)")
    if not 0.0 <= float(rate) < 1.0:
        C.fail("the rate of a positive definite Q must lie in [0, 1)")
