from otter.test_files import test_case

OK_FORMAT = False

name = 'q03_2'
points = 2.0

@test_case(points=0.3, hidden=False)
def test_q03_2_hand_case(quadratic_form_grad_hess):
    import numpy as np
    from aimath import checks as C
    # A = [[1, 2], [0, 3]] is not symmetric: A + A^T = [[2, 2], [2, 6]]; at x = (1, 1), b = (1, -1)
    out = C.call_student(quadratic_form_grad_hess, np.array([[1.0, 2.0], [0.0, 3.0]]), np.array([1.0, -1.0]),
                         np.array([1.0, 1.0]))
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("quadratic_form_grad_hess must return a tuple (grad, H)")
    C.assert_close(out[0], np.array([5.0, 7.0]), **C.T1, name="gradient")
    C.assert_close(out[1], np.array([[2.0, 2.0], [2.0, 6.0]]), **C.T1, name="Hessian")


@test_case(points=0.3, hidden=False)
def test_q03_2_shapes_and_symmetry(quadratic_form_grad_hess):
    import numpy as np
    from aimath import checks as C
    A = np.array([[0.5, -1.0, 2.0], [3.0, 1.0, 0.0], [-2.0, 4.0, 1.5]])
    out = C.call_student(quadratic_form_grad_hess, A, np.array([1.0, 0.0, -1.0]), np.array([0.2, -0.4, 1.0]))
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("quadratic_form_grad_hess must return a tuple (grad, H)")
    grad, H = out
    C.assert_shape(grad, (3,), name="gradient")
    C.assert_shape(H, (3, 3), name="Hessian")
    C.assert_symmetric(H, atol=1e-12, name="Hessian")


@test_case(points=0.5, hidden=True)
def test_q03_2_random_nonsymmetric(quadratic_form_grad_hess):
    from aimath import checks as C
    ref = C.reference()
    for rng in C.spawn_rngs("03.2", 3):
        A = rng.normal(size=(4, 4)) * 3.0
        b = rng.normal(size=4)
        x = rng.normal(size=4)
        grad, H = C.call_student(quadratic_form_grad_hess, A, b, x)
        grad_ref, H_ref = ref.quadratic_form_grad_hess(A, b, x)
        C.assert_close(grad, grad_ref, **C.T1, name="gradient (non-symmetric A)")
        C.assert_close(H, H_ref, **C.T1, name="Hessian (non-symmetric A)")


@test_case(points=0.2, hidden=True)
def test_q03_2_one_dimensional(quadratic_form_grad_hess):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    A, b, x = np.array([[-1.5]]), np.array([0.25]), np.array([2.0])
    grad, H = C.call_student(quadratic_form_grad_hess, A, b, x)
    grad_ref, H_ref = ref.quadratic_form_grad_hess(A, b, x)
    C.assert_close(grad, grad_ref, **C.T1, name="gradient for d = 1")
    C.assert_close(H, H_ref, **C.T1, name="Hessian for d = 1")


@test_case(points=0.2, hidden=True)
def test_q03_2_zero_linear_term(quadratic_form_grad_hess):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("03.2", 4)[3]
    A = rng.normal(size=(5, 5))
    b = np.zeros(5)
    x = rng.normal(size=5)
    grad, H = C.call_student(quadratic_form_grad_hess, A, b, x)
    grad_ref, H_ref = ref.quadratic_form_grad_hess(A, b, x)
    C.assert_close(grad, grad_ref, **C.T1, name="gradient with b = 0")
    C.assert_close(H, H_ref, **C.T1, name="Hessian with b = 0")


@test_case(points=0.5, hidden=True)
def test_q03_2_array_like_inputs(quadratic_form_grad_hess):
    from aimath import checks as C
    ref = C.reference()
    A = [[2, -1, 0], [4, 1, 3], [0, -2, 5]]
    b = [1, 0, -3]
    x = [1, -2, 2]
    grad, H = C.call_student(quadratic_form_grad_hess, A, b, x, check_mutation=True)
    grad_ref, H_ref = ref.quadratic_form_grad_hess(A, b, x)
    C.assert_close(grad, grad_ref, **C.T1, name="gradient for integer list inputs (float64 expected)")
    C.assert_close(H, H_ref, **C.T1, name="Hessian for integer list inputs (float64 expected)")
