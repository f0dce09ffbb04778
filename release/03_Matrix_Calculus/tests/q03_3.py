from otter.test_files import test_case

OK_FORMAT = False

name = 'q03_3'
points = 1.0

@test_case(points=0.5, hidden=False)
def test_q03_3_two_classes(softmax_jacobian):
    import numpy as np
    from aimath import checks as C
    # s = (1/2, 1/2): J = [[1/4, -1/4], [-1/4, 1/4]]
    J = C.call_student(softmax_jacobian, np.array([0.0, 0.0]))
    C.assert_close(J, np.array([[0.25, -0.25], [-0.25, 0.25]]), **C.T1, name="J at z = (0, 0)")
    # s = (1/4, 3/4): J = [[3/16, -3/16], [-3/16, 3/16]], inside a batch of one
    J = C.call_student(softmax_jacobian, np.array([[0.0, np.log(3.0)]]))
    C.assert_close(J, np.array([[[0.1875, -0.1875], [-0.1875, 0.1875]]]), **C.T1, name="J at z = [(0, log 3)]")


@test_case(points=0.5, hidden=False)
def test_q03_3_properties(softmax_jacobian):
    import numpy as np
    from aimath import checks as C
    z = np.random.default_rng(0).normal(size=(4, 5)) * 2.0
    J = C.call_student(softmax_jacobian, z)
    C.assert_shape(J, (4, 5, 5), name="J for logits of shape (4, 5)")
    for k in range(4):
        C.assert_symmetric(J[k], atol=1e-12, name=f"J[{k}]")
    C.assert_close(np.sum(J, axis=-1), np.zeros((4, 5)), rtol=0.0, atol=1e-12,
                   name="row sums of J (must be 0)")
