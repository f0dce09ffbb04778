from otter.test_files import test_case

OK_FORMAT = False

name = 'q05_2'
points = 3.0

@test_case(points=0.5, hidden=False)
def test_q05_2_origin_and_minimum(rosenbrock_grad_hess):
    import numpy as np
    from aimath import checks as C

    out = C.call_student(rosenbrock_grad_hess, np.array([0.0, 0.0]))
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("rosenbrock_grad_hess must return a tuple (grad, hess)")
    C.assert_close(out[0], np.array([-2.0, 0.0]), rtol=1e-10, atol=1e-12, name="gradient at (0, 0)")
    C.assert_close(out[1], np.array([[2.0, 0.0], [0.0, 200.0]]), rtol=1e-10, atol=1e-12, name="Hessian at (0, 0)")
    out = C.call_student(rosenbrock_grad_hess, np.array([1.0, 1.0]))
    C.assert_close(out[0], np.zeros(2), rtol=1e-10, atol=1e-12, name="gradient at the minimizer (1, 1)")


@test_case(points=0.5, hidden=False)
def test_q05_2_hand_checked_point(rosenbrock_grad_hess):
    import numpy as np
    from aimath import checks as C

    out = C.call_student(rosenbrock_grad_hess, np.array([-1.5, 2.0]))
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("rosenbrock_grad_hess must return a tuple (grad, hess)")
    C.assert_close(out[0], np.array([-155.0, -50.0]), rtol=1e-10, atol=1e-12, name="gradient at (-1.5, 2)")
    C.assert_close(out[1], np.array([[1902.0, 600.0], [600.0, 200.0]]), rtol=1e-10, atol=1e-12, name="Hessian at (-1.5, 2)")


@test_case(points=0.5, hidden=True)
def test_q05_2_random_constants(rosenbrock_grad_hess):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    for rng in C.spawn_rngs("05.2", 3):
        x = rng.normal(0.0, 1.5, size=2)
        a = rng.uniform(0.5, 2.0)
        b = rng.uniform(5.0, 50.0)
        out = C.call_student(rosenbrock_grad_hess, x, a, b)
        if not isinstance(out, (tuple, list)) or len(out) != 2:
            C.fail("rosenbrock_grad_hess must return a tuple (grad, hess)")
        g_ref, H_ref = ref.rosenbrock_grad_hess(x, a, b)
        C.assert_close(out[0], g_ref, rtol=1e-10, atol=1e-12, name="gradient for a random point, a and b")
        C.assert_close(out[1], H_ref, rtol=1e-10, atol=1e-12, name="Hessian for a random point, a and b")


@test_case(points=0.5, hidden=True)
def test_q05_2_finite_difference_checks(rosenbrock_grad_hess):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    a, b = 1.5, 20.0
    f = lambda z: (a - z[0]) ** 2 + b * (z[1] - z[0] ** 2) ** 2
    student_grad = lambda z: C.call_student(rosenbrock_grad_hess, z, a, b)[0]
    student_hess = lambda z: C.call_student(rosenbrock_grad_hess, z, a, b)[1]
    exact_grad = lambda z: ref.rosenbrock_grad_hess(z, a, b)[0]
    for x in (np.array([0.7, -0.4]), np.array([-1.2, 1.9])):
        C.check_gradient(f, student_grad, x, name="gradient vs centered differences of f")
        C.check_jacobian(exact_grad, student_hess, x, name="Hessian vs centered differences of the gradient")


@test_case(points=0.25, hidden=True)
def test_q05_2_minimizer(rosenbrock_grad_hess):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    a, b = 2.0, 10.0
    x = np.array([a, a**2])
    out = C.call_student(rosenbrock_grad_hess, x, a, b)
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("rosenbrock_grad_hess must return a tuple (grad, hess)")
    C.assert_close(out[0], np.zeros(2), rtol=1e-10, atol=1e-12, name="gradient at the minimizer (a, a^2)")
    C.assert_close(out[1], ref.rosenbrock_grad_hess(x, a, b)[1], rtol=1e-10, atol=1e-12,
                   name="Hessian at the minimizer (a, a^2)")


@test_case(points=0.25, hidden=True)
def test_q05_2_negative_y(rosenbrock_grad_hess):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    x = np.array([-0.7, -1.3])
    out = C.call_student(rosenbrock_grad_hess, x, 0.5, 3.0)
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("rosenbrock_grad_hess must return a tuple (grad, hess)")
    g_ref, H_ref = ref.rosenbrock_grad_hess(x, 0.5, 3.0)
    C.assert_close(out[0], g_ref, rtol=1e-10, atol=1e-12, name="gradient at a point with y < 0")
    C.assert_close(out[1], H_ref, rtol=1e-10, atol=1e-12, name="Hessian at a point with y < 0")


@test_case(points=0.5, hidden=True)
def test_q05_2_hessian_symmetric(rosenbrock_grad_hess):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    for x in (np.array([0.3, 0.8]), np.array([-2.1, 0.4]), np.array([1.7, -0.6])):
        out = C.call_student(rosenbrock_grad_hess, x, 1.3, 7.0)
        if not isinstance(out, (tuple, list)) or len(out) != 2:
            C.fail("rosenbrock_grad_hess must return a tuple (grad, hess)")
        H = np.asarray(out[1], dtype=float)
        C.assert_shape(H, (2, 2), name="Hessian")
        C.assert_close(H.T, H, rtol=1e-10, atol=1e-12, name="transposed Hessian (must equal the Hessian)")
        C.assert_close(H, ref.rosenbrock_grad_hess(x, 1.3, 7.0)[1], rtol=1e-10, atol=1e-12, name="Hessian")
