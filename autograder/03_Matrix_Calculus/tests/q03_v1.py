from otter.test_files import test_case

OK_FORMAT = False

name = 'q03_v1'
points = 0.0

@test_case(points=0.0, hidden=False)
def test_q03_v1_grid_data(plot_logistic_loss_surface):
    import numpy as np
    from aimath import checks as C
    rng = np.random.default_rng(30)
    X = rng.normal(size=(25, 2)) + np.array([0.5, -0.3])
    y = (rng.uniform(size=25) < 0.5).astype(float)
    w1, w2 = np.linspace(-3.0, 3.0, 7), np.linspace(-2.0, 4.0, 5)
    out = C.call_student(plot_logistic_loss_surface, X, y, w1, w2, C.new_axes())
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("plot_logistic_loss_surface must return a tuple (loss, grad)")
    expected_loss = np.zeros((5, 7))
    expected_grad = np.zeros((5, 7, 2))
    for i in range(5):
        for j in range(7):
            t = X @ np.array([w1[j], w2[i]])
            expected_loss[i, j] = np.mean(np.log1p(np.exp(t)) - y * t)
            expected_grad[i, j] = X.T @ (1.0 / (1.0 + np.exp(-t)) - y) / 25
    C.assert_close(out[0], expected_loss, **C.T2, name="loss on the grid (row i <-> w2[i], column j <-> w1[j])")
    C.assert_close(out[1], expected_grad, **C.T2, name="gradients on the grid")
