from otter.test_files import test_case

OK_FORMAT = False

name = 'q03_3'
points = 3.0

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


@test_case(points=0.5, hidden=True)
def test_q03_3_random_batch(softmax_jacobian):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    for rng in C.spawn_rngs("03.3", 2):
        z = rng.normal(size=(6, 4)) * 3.0 + 1.0
        J = C.call_student(softmax_jacobian, z)
        C.assert_close(J, ref.softmax_jacobian(z), **C.T1, name="J for a batch of 6 logit vectors, K = 4")
        C.assert_close(np.sum(J, axis=-1), np.zeros((6, 4)), rtol=0.0, atol=1e-12, name="row sums of J")


@test_case(points=0.25, hidden=True)
def test_q03_3_square_batch(softmax_jacobian):
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("03.3", 3)[2]
    z = rng.normal(size=(5, 5)) * 2.0        # batch size = K: a wrong-axis broadcast runs silently
    J = C.call_student(softmax_jacobian, z)
    C.assert_close(J, ref.softmax_jacobian(z), **C.T1, name="J for a batch of 5 logit vectors, K = 5")


@test_case(points=0.25, hidden=True)
def test_q03_3_batch_shape_2_3(softmax_jacobian):
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("03.3", 4)[3]
    z = rng.normal(size=(2, 3, 4)) * 2.0
    J = C.call_student(softmax_jacobian, z)
    C.assert_close(J, ref.softmax_jacobian(z), **C.T1, name="J for logits of shape (2, 3, 4)")


@test_case(points=0.5, hidden=True)
def test_q03_3_large_logits(softmax_jacobian):
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("03.3", 5)[4]
    z = rng.choice([-1000.0, 1000.0], size=(3, 5)) + rng.normal(size=(3, 5))
    z[0, :2] = [1000.0, 1000.5]              # two large logits compete in the first row
    J = C.call_student(softmax_jacobian, z, warnings_as_errors=True)
    C.assert_close(J, ref.softmax_jacobian(z), **C.T1, name="J for logits of size 1e3 (stable softmax)")


@test_case(points=0.25, hidden=True)
def test_q03_3_single_class(softmax_jacobian):
    import numpy as np
    from aimath import checks as C
    J = C.call_student(softmax_jacobian, np.array([[2.5], [-7.0], [0.0]]))
    C.assert_close(J, np.zeros((3, 1, 1)), **C.T1, name="J for K = 1 (batch of 3)")
    J = C.call_student(softmax_jacobian, np.array([4.0]))
    C.assert_close(J, np.zeros((1, 1)), **C.T1, name="J for a single logit")


@test_case(points=0.25, hidden=True)
def test_q03_3_finite_differences(softmax_jacobian):
    import numpy as np
    from aimath import checks as C
    rng = C.spawn_rngs("03.3", 6)[5]
    z = rng.normal(size=(3, 6)) * 2.0
    J = C.call_student(softmax_jacobian, z)
    C.assert_shape(J, (3, 6, 6), name="J for logits of shape (3, 6)")

    def softmax(v):
        e = np.exp(v - v.max())
        return e / e.sum()

    C.check_jacobian(softmax, lambda v: np.asarray(J[1], dtype=float), z[1], h=1e-6, rtol=1e-5)
