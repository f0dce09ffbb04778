from otter.test_files import test_case

OK_FORMAT = False

name = 'q03_1'
points = 3.0

@test_case(points=0.5, hidden=False)
def test_q03_1_linear_map(numerical_jacobian):
    import numpy as np
    from aimath import checks as C
    A = np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 0.5]])
    J = C.call_student(numerical_jacobian, lambda x: A @ x, np.array([0.3, -0.7]))
    C.assert_shape(J, (3, 2), name="Jacobian of x -> A x (A is 3x2)")
    C.assert_close(J, A, **C.T3, name="Jacobian of x -> A x")


@test_case(points=0.5, hidden=False)
def test_q03_1_scalar_function(numerical_jacobian):
    import numpy as np
    from aimath import checks as C
    # f(x) = x0^2 + 3 x0 x1 has gradient (2 x0 + 3 x1, 3 x0) = (8, 3) at x = (1, 2)
    J = C.call_student(numerical_jacobian, lambda x: x[0] ** 2 + 3.0 * x[0] * x[1], np.array([1.0, 2.0]))
    C.assert_shape(J, (1, 2), name="Jacobian of a scalar function of 2 variables")
    C.assert_close(J, np.array([[8.0, 3.0]]), **C.T3, name="Jacobian of x0^2 + 3 x0 x1 at (1, 2)")


@test_case(points=0.5, hidden=True)
def test_q03_1_random_smooth_maps(numerical_jacobian):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    for rng in C.spawn_rngs("03.1", 3):
        A = rng.normal(size=(3, 4))
        x = rng.uniform(-1.5, 1.5, size=4)

        def f(v, A=A):
            return np.sin(A @ v) * (1.0 + v[0] ** 2)

        exact = np.cos(A @ x)[:, None] * A * (1.0 + x[0] ** 2)
        exact[:, 0] += np.sin(A @ x) * 2.0 * x[0]
        J = C.call_student(numerical_jacobian, f, x)
        C.assert_close(J, ref.numerical_jacobian(f, x), rtol=1e-8, atol=1e-10,
                       name="Jacobian vs the same-h central difference")
        C.assert_close(J, exact, **C.T3, name="Jacobian vs the analytic Jacobian")
        J_coarse = C.call_student(numerical_jacobian, f, x, h=1e-2)
        C.assert_close(J_coarse, ref.numerical_jacobian(f, x, h=1e-2), rtol=1e-8, atol=1e-10,
                       name="Jacobian with h = 1e-2 (the h argument must be used)")


@test_case(points=0.5, hidden=True)
def test_q03_1_exponential_needs_central(numerical_jacobian):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()

    def f(v):
        return np.exp(3.0 * v)

    x = np.array([2.0])
    J = C.call_student(numerical_jacobian, f, x)
    C.assert_shape(J, (1, 1), name="Jacobian of a map R -> R")
    C.assert_close(J, ref.numerical_jacobian(f, x), rtol=1e-8, atol=1e-10,
                   name="Jacobian vs the same-h central difference (is it a central difference?)")


@test_case(points=0.25, hidden=True)
def test_q03_1_shapes_m1_n1_wide(numerical_jacobian):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("03.1", 4)[3]
    B = rng.normal(size=(2, 5))
    cases = [
        ("scalar f of 3 variables (m = 1)", lambda v: float(np.sum(np.tanh(v) * np.arange(1.0, 4.0))),
         rng.normal(size=3)),
        ("f of 1 variable into R^3 (n = 1)", lambda v: np.array([v[0], v[0] ** 2, np.sin(v[0])]),
         rng.normal(size=1)),
        ("f from R^5 to R^2 (m != n)", lambda v: np.tanh(B @ v) + v[:2] ** 3, rng.normal(size=5)),
    ]
    for label, f, x in cases:
        J = C.call_student(numerical_jacobian, f, x)
        C.assert_close(J, ref.numerical_jacobian(f, x), rtol=1e-8, atol=1e-10, name=label)


@test_case(points=0.25, hidden=True)
def test_q03_1_integer_input(numerical_jacobian):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()

    def f(v):
        return np.array([v[0] * v[1], v[1] ** 2 + v[2], np.exp(v[2]) * v[0]])

    x = np.array([1, 2, -1])
    J = C.call_student(numerical_jacobian, f, x)
    C.assert_close(J, ref.numerical_jacobian(f, x), rtol=1e-8, atol=1e-10,
                   name="Jacobian at an integer-valued x (perturb a float copy)")


@test_case(points=0.5, hidden=True)
def test_q03_1_input_unchanged(numerical_jacobian):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("03.1", 5)[4]
    M = rng.normal(size=(4, 4))

    def f(v):
        return np.tanh(M @ v) * v

    x = rng.normal(size=4)
    # call_student fails the test if x (or its dtype) is different after the call
    J = C.call_student(numerical_jacobian, f, x, check_mutation=True)
    C.assert_close(J, ref.numerical_jacobian(f, x), rtol=1e-8, atol=1e-10, name="Jacobian of tanh(M x) * x")
    J_list = C.call_student(numerical_jacobian, f, x.tolist(), check_mutation=True)
    C.assert_close(J_list, ref.numerical_jacobian(f, x), rtol=1e-8, atol=1e-10, name="Jacobian at a list x")
