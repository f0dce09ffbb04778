from otter.test_files import test_case

OK_FORMAT = False

name = 'q04_v1'
points = 0.0

@test_case(points=0.0, hidden=False)
def test_q04_v1_unit_circle_points(plot_lp_unit_circles):
    import numpy as np
    from aimath import checks as C

    ps = (1, 1.5, 2, 4, np.inf)
    ax = C.new_axes()
    pts = C.call_student(plot_lp_unit_circles, ax, ps, 400)
    C.assert_shape(pts, (5, 400, 2), name="returned boundary points")
    pts = np.asarray(pts, dtype=float)
    for P, p_val in zip(pts, ps):
        if p_val == np.inf:
            norms = np.max(np.abs(P), axis=1)
        else:
            norms = np.sum(np.abs(P) ** p_val, axis=1) ** (1.0 / p_val)
        C.assert_close(norms, np.ones(400), rtol=1e-10, atol=1e-12, name=f"l_p norms of the points for p={p_val}")
        steps = np.diff(np.unwrap(np.arctan2(P[:, 1], P[:, 0])))
        if not (np.all(steps > 0) or np.all(steps < 0)) or abs(np.sum(steps)) < 1.9 * np.pi:
            C.fail(f"the points for p={p_val} must go once around the origin, in order of angle")
    if len(C.axes_line_data(ax)) < len(ps):
        C.fail("draw one line per value of p on the given axes")
