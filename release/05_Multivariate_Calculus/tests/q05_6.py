from otter.test_files import test_case

OK_FORMAT = False

name = 'q05_6'
points = 0.625

@test_case(points=0.625, hidden=False)
def test_q05_6_examples(newton_step):
    import numpy as np
    from aimath import checks as C

    out = C.call_student(newton_step, np.array([2.0, 4.0]), np.diag([2.0, 4.0]), np.array([1.0, 1.0]))
    C.assert_close(out, np.zeros(2), rtol=1e-8, atol=1e-10, name="newton_step with H = diag(2, 4)")
    A = np.array([[3.0, 1.0], [1.0, 2.0]])
    b = np.array([1.0, 1.0])
    x = np.array([5.0, -2.0])
    out = C.call_student(newton_step, A @ x - b, A, x)
    C.assert_close(out, np.array([0.2, 0.4]), rtol=1e-8, atol=1e-10,
                   name="one Newton step on 0.5 x^T A x - b^T x (lands on the minimizer)")
