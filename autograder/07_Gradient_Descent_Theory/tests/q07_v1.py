from otter.test_files import test_case

OK_FORMAT = False

name = 'q07_v1'
points = 0.0

@test_case(points=0.0, hidden=False)
def test_q07_v1_matches_optimizers(plot_optimizer_paths, gradient_descent, sgd_momentum, adam):
    import numpy as np
    from aimath import checks as C

    Q = np.diag([1.0, 25.0])
    # f is evaluated on a 200x200 contour grid: define it where the student's code runs, since
    # 40,000 calls back into the grader would exceed the time limit.
    f = C.student_side_function(
        "import numpy as np\nQ = np.diag([1.0, 25.0])\ndef f(x):\n    return 0.5 * float(x @ Q @ x)\n", "f")
    grad = lambda x: Q @ x
    x0 = np.array([-4.0, 1.5])
    ax = C.new_axes()
    paths = C.call_student(plot_optimizer_paths, f, grad, x0, 30, 0.07, 0.1, 0.3, 0.5, ax, timeout=10.0)
    if not isinstance(paths, dict) or set(paths) != {"gd", "momentum", "adam"}:
        C.fail('return a dict with the keys "gd", "momentum" and "adam"')
    expected = {
        "gd": C.call_student(gradient_descent, grad, x0, 0.07, 30),
        "momentum": C.call_student(sgd_momentum, lambda x, t: grad(x), x0, 0.1, 0.5, 30),
        "adam": C.call_student(adam, lambda x, t: grad(x), x0, 0.3, 0.9, 0.999, 1e-8, 30),
    }
    for name in ("gd", "momentum", "adam"):
        C.assert_shape(paths[name], (31, 2), name=f"{name} trajectory")
        C.assert_close(paths[name], expected[name], rtol=1e-8, atol=1e-10,
                       name=f"{name} trajectory versus your own optimizer")
    if len(C.axes_line_data(ax)) < 3:
        C.fail("draw the three paths on ax")
