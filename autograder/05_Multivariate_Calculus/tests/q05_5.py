from otter.test_files import test_case

OK_FORMAT = False

name = 'q05_5'
points = 2.0

@test_case(points=0.625, hidden=False)
def test_q05_5_examples(polar_partials):
    import numpy as np
    from aimath import checks as C

    C.assert_close(C.call_student(polar_partials, np.array([1.0, 0.0]), 2.0, 0.0), np.array([1.0, 0.0]), rtol=1e-10,
                   atol=1e-12, name="polar_partials((1, 0), r=2, theta=0)")
    C.assert_close(C.call_student(polar_partials, np.array([0.0, 1.0]), 2.0, 0.0), np.array([0.0, 2.0]), rtol=1e-10,
                   atol=1e-12, name="polar_partials((0, 1), r=2, theta=0)")
    C.assert_close(C.call_student(polar_partials, np.array([3.0, 4.0]), 1.0, np.pi), np.array([-3.0, -4.0]),
                   rtol=1e-10, atol=1e-12, name="polar_partials((3, 4), r=1, theta=pi)")


@test_case(points=0.5, hidden=True)
def test_q05_5_random(polar_partials):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    f = lambda x, y: x**2 * y + np.exp(0.5 * x) - np.cos(y)
    grad = lambda x, y: np.array([2 * x * y + 0.5 * np.exp(0.5 * x), x**2 + np.sin(y)])
    for rng in C.spawn_rngs("05.5", 3):
        r = rng.uniform(0.5, 3.0)
        theta = rng.uniform(0.1, 2 * np.pi - 0.1)
        g = grad(r * np.cos(theta), r * np.sin(theta))
        out = C.call_student(polar_partials, g, r, theta)
        C.assert_close(out, ref.polar_partials(g, r, theta), rtol=1e-10, atol=1e-12, name="polar partial derivatives")
        h = 1e-6
        ft = lambda rr, tt: f(rr * np.cos(tt), rr * np.sin(tt))
        numeric = np.array([(ft(r + h, theta) - ft(r - h, theta)) / (2 * h), (ft(r, theta + h) - ft(r, theta - h)) / (2 * h)])
        C.assert_close(out, numeric, rtol=1e-5, atol=1e-8, name="polar partials vs centered differences of f(r cos t, r sin t)")


@test_case(points=0.25, hidden=True)
def test_q05_5_origin(polar_partials):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    g = np.array([1.7, -0.9])
    out = C.call_student(polar_partials, g, 0.0, 0.8)
    C.assert_close(out, ref.polar_partials(g, 0.0, 0.8), rtol=1e-10, atol=1e-12, name="polar partials at r = 0")


@test_case(points=0.375, hidden=True)
def test_q05_5_negative_theta(polar_partials):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    g = np.array([-0.6, 2.3])
    out = C.call_student(polar_partials, g, 1.4, -2.2)
    C.assert_close(out, ref.polar_partials(g, 1.4, -2.2), rtol=1e-10, atol=1e-12, name="polar partials at a negative angle")


@test_case(points=0.25, hidden=True)
def test_q05_5_right_angle(polar_partials):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    g = np.array([1.25, 0.4])
    out = C.call_student(polar_partials, g, 2.5, np.pi / 2)
    C.assert_close(out, ref.polar_partials(g, 2.5, np.pi / 2), rtol=1e-10, atol=1e-12, name="polar partials at theta = pi/2")
