from otter.test_files import test_case

OK_FORMAT = False

name = 'q04_6'
points = 1.0

@test_case(points=0.5, hidden=False)
def test_q04_6_examples(knn_classify):
    import numpy as np
    from aimath import checks as C

    X_train = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [5.0, 5.0], [6.0, 5.0]])
    y_train = np.array([0, 0, 1, 1, 1])
    X_test = np.array([[0.1, 0.1], [5.5, 5.0], [0.0, 0.9]])
    out = C.call_student(knn_classify, X_train, y_train, X_test, 3)
    C.assert_exact(out, np.array([0, 1, 0]), name="knn_classify(..., k=3)")
    out = C.call_student(knn_classify, X_train, y_train, X_test, 1)
    C.assert_exact(out, np.array([0, 1, 1]), name="knn_classify(..., k=1)")


@test_case(points=0.5, hidden=False)
def test_q04_6_training_points(knn_classify):
    import numpy as np
    from aimath import checks as C

    rng = np.random.default_rng(3)
    X_train = rng.normal(size=(12, 2))
    y_train = rng.integers(0, 3, size=12)
    out = C.call_student(knn_classify, X_train, y_train, X_train, 1)
    C.assert_exact(out, y_train, name="1-NN labels of the training points themselves")
