from otter.test_files import test_case

OK_FORMAT = False

name = 'q05_1'
points = 1.0

@test_case(points=0.25, hidden=False)
def test_q05_1_example(directional_derivative):
    import numpy as np
    from aimath import checks as C

    grad_f = lambda x: np.array([2.0 * x[0], 4.0 * x[1]])  # f = x0^2 + 2 x1^2
    x = np.array([1.0, 1.0])
    out = C.call_student(directional_derivative, grad_f, x, np.array([3.0, 4.0]))
    C.assert_scalar_close(out, 4.4, rtol=1e-10, atol=1e-12, name="directional derivative along v = (3, 4)")
    out = C.call_student(directional_derivative, grad_f, x, np.array([0.0, 2.0]))
    C.assert_scalar_close(out, 4.0, rtol=1e-10, atol=1e-12, name="directional derivative along v = (0, 2)")


@test_case(points=0.375, hidden=True)
def test_q05_1_random(directional_derivative):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    for rng in C.spawn_rngs("05.1", 2):
        A = rng.normal(size=(4, 4))
        b = rng.normal(size=4)
        grad_f = lambda z, A=A, b=b: A @ np.tanh(z) + b
        x = rng.normal(size=4)
        u = rng.normal(size=4)
        v = 7.0 * u / np.linalg.norm(u)
        C.assert_scalar_close(C.call_student(directional_derivative, grad_f, x, v), ref.directional_derivative(grad_f, x, v),
                              rtol=1e-10, atol=1e-12, name="directional derivative along a direction of length 7")


@test_case(points=0.25, hidden=True)
def test_q05_1_orthogonal_direction(directional_derivative):
    import numpy as np
    from aimath import checks as C

    grad_f = lambda z: np.array([np.cos(z[0]) + z[1], z[0] - 3.0 * z[1] ** 2, 0.5])
    x = np.array([0.4, -1.1, 2.0])
    g = grad_f(x)
    v = np.array([-g[1], g[0], 0.0]) * 2.5
    C.assert_scalar_close(C.call_student(directional_derivative, grad_f, x, v), 0.0, rtol=1e-10, atol=1e-12,
                          name="directional derivative orthogonal to the gradient")


@test_case(points=0.125, hidden=True)
def test_q05_1_zero_direction(directional_derivative):
    import numpy as np
    from aimath import checks as C

    grad_f = lambda z: 2.0 * z
    C.assert_raises(ValueError, directional_derivative, grad_f, np.array([1.0, 2.0]), np.zeros(2))
