from otter.test_files import test_case

OK_FORMAT = False

name = 'q06_v1'
points = 0.0

@test_case(points=0.0, hidden=False)
def test_q06_v1_hand_case(plot_lagrange_tangency):
    import numpy as np
    from aimath import checks as C

    # min x^2 + 4y^2 - 4y  s.t.  x + y = 1:  2x + lam = 0, 8y - 4 + lam = 0  ->  x* = (0.4, 0.6)
    ax = C.new_axes()
    out = C.call_student(plot_lagrange_tangency, np.diag([2.0, 8.0]), np.array([0.0, -4.0]),
                         np.array([1.0, 1.0]), 1.0, ax)
    if not isinstance(out, (tuple, list)) or len(out) != 3:
        C.fail("plot_lagrange_tangency must return (x_star, grad_f, grad_h)")
    C.assert_close(out[0], np.array([0.4, 0.6]), rtol=1e-8, atol=1e-10, name="x_star")
    C.assert_close(out[1], np.array([0.8, 0.8]), rtol=1e-8, atol=1e-10, name="grad_f")
    C.assert_close(out[2], np.array([1.0, 1.0]), rtol=1e-8, atol=1e-10, name="grad_h")
    if len(C.axes_line_data(ax)) < 1:
        C.fail("draw at least the constraint line on ax")


@test_case(points=0.0, hidden=False)
def test_q06_v1_tangency_property(plot_lagrange_tangency):
    import numpy as np
    from aimath import checks as C

    Q = np.array([[3.0, 1.0], [1.0, 2.0]])
    c = np.array([-1.0, 0.5])
    a = np.array([1.0, -2.0])
    b = 2.0
    ax = C.new_axes()
    out = C.call_student(plot_lagrange_tangency, Q, c, a, b, ax)
    if not isinstance(out, (tuple, list)) or len(out) != 3:
        C.fail("plot_lagrange_tangency must return (x_star, grad_f, grad_h)")
    x, gf, gh = (np.asarray(v, dtype=float) for v in out)
    if abs(a @ x - b) > 1e-9:
        C.fail("x_star is not on the constraint line")
    C.assert_close(gf, Q @ x + c, rtol=1e-10, atol=1e-12, name="grad_f = Q x* + c")
    cos = abs(gf @ gh) / (np.linalg.norm(gf) * np.linalg.norm(gh))
    if cos < 1 - 1e-8:
        C.fail(f"grad_f and grad_h are not parallel at x_star: |cos angle| = {cos:.10f}")
    f = lambda z: 0.5 * z @ Q @ z + c @ z
    t = np.array([2.0, 1.0])  # direction of the line
    if min(f(x + s * t) for s in (-0.1, -1e-3, 1e-3, 0.1)) < f(x) - 1e-12:
        C.fail("x_star is not the minimizer along the constraint line")
