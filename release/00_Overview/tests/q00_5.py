from otter.test_files import test_case

OK_FORMAT = False

name = 'q00_5'
points = 0.25

@test_case(points=0.25, hidden=False)
def test_q00_5_shape_endpoints_and_line(plot_sine):
    import numpy as np
    from aimath import checks as C
    ax = C.new_axes()
    pts = C.call_student(plot_sine, ax, 5)
    C.assert_shape(pts, (5, 2), name="returned points")
    pts = np.asarray(pts, dtype=float)
    C.assert_close(pts[:, 0], np.array([0.0, 0.5, 1.0, 1.5, 2.0]) * np.pi, rtol=1e-10, atol=1e-12,
                   name="x column")
    C.assert_close(pts[:, 1], np.sin(pts[:, 0]), rtol=1e-10, atol=1e-12, name="y column")
    lines = C.axes_line_data(ax)
    if len(lines) != 1:
        C.fail(f"plot_sine must draw exactly one line on ax; found {len(lines)}")
    C.assert_close(lines[0], pts, rtol=1e-10, atol=1e-12, name="data of the drawn line")
