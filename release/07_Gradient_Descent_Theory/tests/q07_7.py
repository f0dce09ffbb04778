from otter.test_files import test_case

OK_FORMAT = False

name = 'q07_7'
points = 0.6

@test_case(points=0.3, hidden=False)
def test_q07_7_first_trial_accepted(backtracking_line_search):
    import numpy as np
    from aimath import checks as C

    f = lambda z: 0.5 * float(z @ z)
    x = np.array([1.0, 1.0])
    g = x.copy()
    alpha = C.call_student(backtracking_line_search, f, g, x, -g)
    C.assert_scalar_close(alpha, 1.0, rtol=1e-10, atol=1e-12, name="alpha for f = |x|^2/2, d = -grad (alpha0 = 1)")


@test_case(points=0.3, hidden=False)
def test_q07_7_hand_case(backtracking_line_search):
    import numpy as np
    from aimath import checks as C

    # f = x^2/2 at x = 1 with the overshooting direction d = -4: phi(a) = (1 - 4a)^2 / 2.
    # Armijo with c = 1e-4 holds iff a <= 0.49995, so 1 and 0.5 are rejected and 0.25 is accepted.
    f = lambda z: 0.5 * float(z[0] ** 2)
    alpha = C.call_student(backtracking_line_search, f, np.array([1.0]), np.array([1.0]), np.array([-4.0]))
    C.assert_scalar_close(alpha, 0.25, rtol=1e-10, atol=1e-12, name="alpha for the hand case")
