from otter.test_files import test_case

OK_FORMAT = False

name = 'q01_v1'
points = 0.0

@test_case(points=0.0, hidden=False)
def test_q01_v1_identity_grid(transformed_grid):
    import numpy as np
    from aimath import checks as C
    ax = C.new_axes()
    G = C.call_student(transformed_grid, np.eye(2), 3, ax)
    C.assert_shape(G, (2, 3, 50, 2), name="G")
    along = np.linspace(-1.0, 1.0, 50)
    for i, t in enumerate([-1.0, 0.0, 1.0]):
        C.assert_close(np.asarray(G)[0, i], np.column_stack([np.full(50, t), along]), rtol=1e-10, atol=1e-12,
                       name=f"G[0, {i}] (vertical line x1 = {t:g})")
        C.assert_close(np.asarray(G)[1, i], np.column_stack([along, np.full(50, t)]), rtol=1e-10, atol=1e-12,
                       name=f"G[1, {i}] (horizontal line x2 = {t:g})")


@test_case(points=0.0, hidden=False)
def test_q01_v1_images_and_drawn_lines(transformed_grid):
    import numpy as np
    from aimath import checks as C
    M = np.array([[1.0, 0.5], [0.2, 1.5]])  # not symmetric: a transpose would show
    n_lines = 5
    along = np.linspace(-1.0, 1.0, 50)
    expected = np.zeros((2, n_lines, 50, 2))
    for i, t in enumerate(np.linspace(-1.0, 1.0, n_lines)):
        expected[0, i] = np.column_stack([np.full(50, t), along]) @ M.T  # image of the line x1 = t
        expected[1, i] = np.column_stack([along, np.full(50, t)]) @ M.T  # image of the line x2 = t
    ax = C.new_axes()
    G = C.call_student(transformed_grid, M, n_lines, ax)
    C.assert_close(G, expected, rtol=1e-10, atol=1e-12, name="G", require_ndarray=True)
    lines = C.axes_line_data(ax)
    if len(lines) != 2 * n_lines:
        C.fail(f"expected {2 * n_lines} lines on ax, found {len(lines)}")
    for k, line in enumerate(lines):
        C.assert_close(line, expected.reshape(-1, 50, 2)[k], rtol=1e-10, atol=1e-12, name=f"drawn line {k}")
