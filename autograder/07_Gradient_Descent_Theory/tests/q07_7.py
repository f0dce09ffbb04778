from otter.test_files import test_case

OK_FORMAT = False

name = 'q07_7'
points = 2.0

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


@test_case(points=0.3, hidden=True)
def test_q07_7_steep_function(backtracking_line_search):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    c = 1e-4
    L = 2.0 * (1.0 - c) / (1.5 * 2.0**-20)  # accepted steps: alpha <= 1.5 * 2^-20, so k = 20 halvings
    f = lambda z: 0.5 * L * float(z @ z)
    x = np.array([0.3, -0.2, 0.1])
    g = L * x
    alpha = C.call_student(backtracking_line_search, f, g, x, -g)
    C.assert_scalar_close(alpha, ref.backtracking_line_search(f, g, x, -g), rtol=1e-10, atol=1e-12,
                          name="alpha for a steep quadratic (about 20 halvings)")


@test_case(points=0.3, hidden=True)
def test_q07_7_ascent_direction_raises(backtracking_line_search):
    import numpy as np
    from aimath import checks as C

    f = lambda z: 0.5 * float(z @ z)
    x = np.array([1.0, 2.0])
    C.assert_raises(ValueError, backtracking_line_search, f, x.copy(), x, x.copy())          # ascent
    C.assert_raises(ValueError, backtracking_line_search, f, x.copy(), x, np.array([2.0, -1.0]))  # orthogonal


@test_case(points=0.3, hidden=True)
def test_q07_7_non_gradient_direction(backtracking_line_search):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    f = lambda z: 0.5 * float(z @ z)
    x = np.array([1.0, -2.0])
    g = x.copy()
    cases = [(-4.0 * g, dict(alpha0=1.0, rho=0.8, c=0.3)),    # a long direction
             (-0.1 * g, dict(alpha0=16.0, rho=0.5, c=0.5))]   # a short direction
    for k, (d, kw) in enumerate(cases):
        alpha = C.call_student(backtracking_line_search, f, g, x, d, **kw)
        C.assert_scalar_close(alpha, ref.backtracking_line_search(f, g, x, d, **kw), rtol=1e-10, atol=1e-12,
                              name=f"alpha for a direction d != -grad (case {k + 1}; the test uses grad^T d)")


@test_case(points=0.3, hidden=True)
def test_q07_7_iteration_cap(backtracking_line_search):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    x = np.array([0.5, 0.5])
    f = lambda z: 1.0 + float(np.abs(z - x).sum())  # increases along every direction: never accepted
    g = np.array([1.0, 0.0])                       # a (wrong) gradient that claims d is a descent direction
    d = np.array([-1.0, 0.0])
    alpha = C.call_student(backtracking_line_search, f, g, x, d, 1.0, 0.5, 1e-4, 10)
    C.assert_scalar_close(alpha, ref.backtracking_line_search(f, g, x, d, 1.0, 0.5, 1e-4, 10), rtol=1e-10,
                          atol=1e-12, name="alpha when no trial is accepted within max_iter")


@test_case(points=0.2, hidden=True)
def test_q07_7_parameters(backtracking_line_search):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    f = lambda z: float(np.sum(np.cosh(z)) + z[0] * z[1])
    x = np.array([1.2, -0.4, 0.7])
    g = np.sinh(x) + np.array([x[1], x[0], 0.0])
    # the last case accepts alpha0 immediately
    for k, (alpha0, rho, c) in enumerate([(5.0, 0.3, 1e-4), (2.0, 0.7, 0.25), (1.0, 0.5, 0.01), (0.5, 0.5, 1e-4)]):
        alpha = C.call_student(backtracking_line_search, f, g, x, -g, alpha0, rho, c, 60,
                               check_mutation=True, check_global_rng=True)
        C.assert_scalar_close(alpha, ref.backtracking_line_search(f, g, x, -g, alpha0, rho, c, 60), rtol=1e-10,
                              atol=1e-12, name=f"alpha for other alpha0, rho, c (case {k + 1})")
