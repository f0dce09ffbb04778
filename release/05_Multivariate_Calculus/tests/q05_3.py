from otter.test_files import test_case

OK_FORMAT = False

name = 'q05_3'
points = 0.5

@test_case(points=0.5, hidden=False)
def test_q05_3_examples(taylor_approx):
    import numpy as np
    from aimath import checks as C

    g = np.array([1.0, 2.0])
    H = np.array([[2.0, 0.0], [0.0, 4.0]])
    dx = np.array([1.0, 1.0])
    for order, expected in ((0, 1.0), (1, 4.0), (2, 7.0)):
        C.assert_scalar_close(C.call_student(taylor_approx, 1.0, g, H, dx, order), expected, rtol=1e-10, atol=1e-12,
                              name=f"order-{order} model at dx = (1, 1)")
    batch = np.array([[1.0, 1.0], [0.0, 0.0], [1.0, 0.0]])
    C.assert_close(C.call_student(taylor_approx, 1.0, g, H, batch, 2), np.array([7.0, 1.0, 3.0]), rtol=1e-10,
                   atol=1e-12, name="order-2 model on a batch of 3 displacements")
