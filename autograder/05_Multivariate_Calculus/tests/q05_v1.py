from otter.test_files import test_case

OK_FORMAT = False

name = 'q05_v1'
points = 0.0

@test_case(points=0.0, hidden=False)
def test_q05_v1_gradients_and_tangents(plot_gradients_on_contours):
    import numpy as np
    from aimath import checks as C

    f = lambda P: P[..., 0] ** 2 / 4 + P[..., 1] ** 2
    grad_f = lambda P: np.stack([P[..., 0] / 2, 2 * P[..., 1]], axis=-1)
    levels = np.array([0.3, 0.8, 1.5, 0.8, 0.5])
    angles = np.array([0.4, 1.9, 3.3, 4.4, 5.8])
    points = np.stack([2 * np.sqrt(levels) * np.cos(angles), np.sqrt(levels) * np.sin(angles)], axis=1)
    tangents = np.stack([-2 * np.sqrt(levels) * np.sin(angles), np.sqrt(levels) * np.cos(angles)], axis=1)
    ax = C.new_axes()
    grads = C.call_student(plot_gradients_on_contours, ax, f, grad_f, points, 2.0)
    C.assert_close(grads, grad_f(points), rtol=1e-8, atol=1e-10, name="returned gradients")
    grads = np.asarray(grads, dtype=float)
    cosines = np.sum(grads * tangents, axis=1) / (np.linalg.norm(grads, axis=1) * np.linalg.norm(tangents, axis=1))
    C.assert_close(cosines, np.zeros(5), rtol=1e-8, atol=1e-10, name="cosine between gradient and level-set tangent")
    lines = [np.asarray(L, dtype=float) for L in C.axes_line_data(ax)]
    for i, (p, g) in enumerate(zip(points, grads)):
        found = False
        for L in lines:
            if len(L) < 2 or np.linalg.norm(L[-1] - L[0]) == 0:
                continue
            u = (L[-1] - L[0]) / np.linalg.norm(L[-1] - L[0])
            w = p - L[0]
            through_p = abs(u[0] * w[1] - u[1] * w[0]) <= 1e-8 * (1 + np.linalg.norm(w))
            if through_p and abs(u @ g) <= 1e-8 * np.linalg.norm(g):
                found = True
        if not found:
            C.fail(f"no line on the axes is the tangent to the level set through point {i} "
                   "(a segment through the point, orthogonal to the gradient there)")
