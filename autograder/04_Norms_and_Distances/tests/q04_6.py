from otter.test_files import test_case

OK_FORMAT = False

name = 'q04_6'
points = 3.0

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


@test_case(points=0.5, hidden=True)
def test_q04_6_random(knn_classify):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    for rng in C.spawn_rngs("04.6", 2):
        centers = rng.normal(0.0, 2.0, size=(3, 4))
        y_train = rng.integers(0, 3, size=60)
        X_train = centers[y_train] + rng.normal(size=(60, 4))
        X_test = rng.normal(0.0, 2.5, size=(40, 4))
        for k in (3, 5, 8):
            C.assert_exact(C.call_student(knn_classify, X_train, y_train, X_test, k),
                           ref.knn_classify(X_train, y_train, X_test, k), name=f"k-NN labels of random data, k={k}")


@test_case(points=0.5, hidden=True)
def test_q04_6_distance_ties(knn_classify):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    rng = C.spawn_rngs("04.6-ties", 1)[0]
    base = rng.integers(-3, 4, size=(10, 2)).astype(float)
    X_train = np.vstack([base, base, base])
    y_train = np.concatenate([rng.integers(0, 4, size=10), rng.integers(0, 4, size=10), rng.integers(0, 4, size=10)])
    X_test = rng.integers(-3, 4, size=(40, 2)).astype(float)
    for k in (1, 2, 4, 7):
        C.assert_exact(C.call_student(knn_classify, X_train, y_train, X_test, k),
                       ref.knn_classify(X_train, y_train, X_test, k),
                       name=f"k-NN labels with tied distances (duplicate training points), k={k}")


@test_case(points=0.5, hidden=True)
def test_q04_6_vote_ties(knn_classify):
    import numpy as np
    from aimath import checks as C

    X_train = np.array([[1.0, 0.0], [2.0, 0.0], [3.0, 0.0], [4.0, 0.0], [-1.0, 0.0], [-2.0, 0.0]])
    y_train = np.array([2, 2, 0, 0, 1, 3])
    X_test = np.array([[2.5, 0.0], [-10.0, 0.0], [10.0, 0.0]])
    C.assert_exact(C.call_student(knn_classify, X_train, y_train, X_test, 2), np.array([0, 1, 0]),
                   name="k-NN labels with tied votes, k=2")
    C.assert_exact(C.call_student(knn_classify, X_train, y_train, X_test, 4), np.array([0, 2, 0]),
                   name="k-NN labels with tied votes, k=4")


@test_case(points=0.25, hidden=True)
def test_q04_6_k_extremes(knn_classify):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    rng = C.spawn_rngs("04.6-k", 1)[0]
    X_train = rng.normal(size=(9, 3))
    y_train = np.array([0, 1, 1, 2, 2, 2, 1, 0, 1])
    X_test = rng.normal(size=(6, 3))
    C.assert_exact(C.call_student(knn_classify, X_train, y_train, X_test, 1),
                   ref.knn_classify(X_train, y_train, X_test, 1), name="k-NN labels with k=1")
    C.assert_exact(C.call_student(knn_classify, X_train, y_train, X_test, 9), np.ones(6, dtype=np.int64),
                   name="k-NN labels with k = n_train (the overall majority label)")


@test_case(points=0.25, hidden=True)
def test_q04_6_query_equals_training_point(knn_classify):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    rng = C.spawn_rngs("04.6-self", 1)[0]
    X_train = rng.normal(size=(15, 2))
    y_train = rng.integers(0, 3, size=15)
    X_test = X_train[[3, 8, 11]] + 0.0
    for k in (1, 3):
        C.assert_exact(C.call_student(knn_classify, X_train, y_train, X_test, k),
                       ref.knn_classify(X_train, y_train, X_test, k),
                       name=f"k-NN labels of queries that coincide with training points, k={k}")
