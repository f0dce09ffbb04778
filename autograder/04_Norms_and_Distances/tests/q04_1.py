from otter.test_files import test_case

OK_FORMAT = False

name = 'q04_1'
points = 3.0

@test_case(points=0.5, hidden=False)
def test_q04_1_examples(lp_norm):
    import numpy as np
    from aimath import checks as C

    x = np.array([3.0, -4.0])
    for p, expected in [(1, 7.0), (2, 5.0), (np.inf, 4.0)]:
        out = C.call_student(lp_norm, x, p)
        C.assert_scalar_close(out, expected, rtol=1e-10, atol=1e-12, name=f"lp_norm([3, -4], p={p})")
    out = C.call_student(lp_norm, np.array([1.0, -2.0, 2.0]), 3)
    C.assert_scalar_close(out, 17.0 ** (1 / 3), rtol=1e-10, atol=1e-12, name="lp_norm([1, -2, 2], p=3)")


@test_case(points=0.5, hidden=False)
def test_q04_1_axis_and_ordering(lp_norm):
    import numpy as np
    from aimath import checks as C

    M = np.arange(12.0).reshape(3, 4) - 5.0
    rows = C.call_student(lp_norm, M, 2)
    C.assert_close(rows, np.sqrt(np.sum(M**2, axis=1)), rtol=1e-10, atol=1e-12, name="lp_norm(M, 2) (rows)")
    cols = C.call_student(lp_norm, M, 2, 0)
    C.assert_close(cols, np.sqrt(np.sum(M**2, axis=0)), rtol=1e-10, atol=1e-12, name="lp_norm(M, 2, axis=0)")
    x = np.array([0.5, -1.5, 2.0, -0.25, 1.0])
    values = [float(C.call_student(lp_norm, x, p)) for p in (1, 1.5, 2, 4, np.inf)]
    if not all(a >= b for a, b in zip(values, values[1:])):
        C.fail("||x||_p must not increase with p (||x||_inf <= ||x||_4 <= ||x||_2 <= ||x||_1.5 <= ||x||_1)")


@test_case(points=0.5, hidden=True)
def test_q04_1_random(lp_norm):
    import numpy as np
    from aimath import checks as C

    for rng in C.spawn_rngs("04.1", 2):
        X = rng.normal(0.5, 3.0, size=(6, 9))
        for p in (1, 1.5, 2, 3, 4, np.inf):
            for axis in (-1, 0):
                out = C.call_student(lp_norm, X, p, axis)
                C.assert_close(out, np.linalg.norm(X, ord=p, axis=axis), rtol=1e-10, atol=1e-12,
                               name=f"lp_norm on a random matrix, p={p}, axis={axis}")
        x = rng.normal(size=11)
        C.assert_scalar_close(C.call_student(lp_norm, x, 2.5), np.linalg.norm(x, ord=2.5),
                              rtol=1e-10, atol=1e-12, name="lp_norm of a 1-D vector, p=2.5")


@test_case(points=0.25, hidden=True)
def test_q04_1_negative_entries_odd_p(lp_norm):
    import numpy as np
    from aimath import checks as C

    rng = C.spawn_rngs("04.1-negative", 1)[0]
    x = -np.abs(rng.normal(2.0, 1.0, size=7))
    for p in (1, 3):
        C.assert_scalar_close(C.call_student(lp_norm, x, p), np.linalg.norm(x, ord=p), rtol=1e-10, atol=1e-12,
                              name=f"lp_norm of a vector with negative entries, p={p}")
    X = rng.normal(0.0, 2.0, size=(4, 6))
    C.assert_close(C.call_student(lp_norm, X, 3, -1), np.linalg.norm(X, ord=3, axis=-1), rtol=1e-10,
                   atol=1e-12, name="lp_norm of mixed-sign rows, p=3")


@test_case(points=0.25, hidden=True)
def test_q04_1_p_infinity(lp_norm):
    import numpy as np
    from aimath import checks as C

    rng = C.spawn_rngs("04.1-inf", 1)[0]
    X = rng.normal(size=(5, 3))
    X[np.arange(3), np.arange(3)] = -10.0 - np.arange(3)  # the largest |entry| of some slices is negative
    for axis in (0, -1):
        C.assert_close(C.call_student(lp_norm, X, np.inf, axis), np.max(np.abs(X), axis=axis), rtol=1e-10,
                       atol=1e-12, name=f"lp_norm with p=inf, axis={axis}")
    C.assert_scalar_close(C.call_student(lp_norm, X[0], float("inf")), np.max(np.abs(X[0])), rtol=1e-10,
                          atol=1e-12, name="lp_norm with p=float('inf') on a vector")


@test_case(points=0.5, hidden=True)
def test_q04_1_overflow(lp_norm):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    cases = [
        (np.full(4, 1e200), 2),
        (np.array([1e300, -3e299, 2.5e299, 0.0, -1e-300]), 1),
        (np.array([1e300, -3e299, 2.5e299, 0.0, -1e-300]), 2),
        (np.array([-1e300, 3e299, 2.5e299, 7.0]), 3),
        (np.full(5, 1e-200), 2),
    ]
    for i, (x, p) in enumerate(cases):
        out = C.call_student(lp_norm, x, p, warnings_as_errors=True)
        C.assert_scalar_close(out, ref.lp_norm(x, p), rtol=1e-10, atol=1e-12,
                              name=f"lp_norm on extreme-magnitude case {i + 1} (p={p})")
    X = np.array([[1e250, -2e250, 3e249], [1.0, 2.0, 2.0]])
    out = C.call_student(lp_norm, X, 2, -1, warnings_as_errors=True)
    C.assert_close(out, ref.lp_norm(X, 2, -1), rtol=1e-10, atol=1e-12, name="row norms of a matrix with huge rows")


@test_case(points=0.25, hidden=True)
def test_q04_1_zero_slices(lp_norm):
    import numpy as np
    from aimath import checks as C

    rng = C.spawn_rngs("04.1-zero", 1)[0]
    X = rng.normal(size=(4, 5))
    X[2] = 0.0
    for p in (1, 2, 3, np.inf):
        out = C.call_student(lp_norm, X, p, -1, warnings_as_errors=True)
        C.assert_close(out, np.linalg.norm(X, ord=p, axis=-1), rtol=1e-10, atol=1e-12,
                       name=f"lp_norm with an all-zero row, p={p}")
    Y = rng.normal(size=(3, 3))
    Y[:, 1] = 0.0
    out = C.call_student(lp_norm, Y, 2, 0, warnings_as_errors=True)
    C.assert_close(out, np.linalg.norm(Y, ord=2, axis=0), rtol=1e-10, atol=1e-12,
                   name="lp_norm with an all-zero column, axis=0")
    out = C.call_student(lp_norm, np.zeros(6), 1.5, warnings_as_errors=True)
    C.assert_scalar_close(out, 0.0, rtol=1e-10, atol=1e-12, name="lp_norm of the zero vector")


@test_case(points=0.25, hidden=True)
def test_q04_1_square_axis0(lp_norm):
    import numpy as np
    from aimath import checks as C

    rng = C.spawn_rngs("04.1-square", 1)[0]
    S = rng.normal(size=(5, 5)) + np.diag(np.arange(5.0)) * 3.0
    for p in (1, 2, 3):
        C.assert_close(C.call_student(lp_norm, S, p, 0), np.linalg.norm(S, ord=p, axis=0), rtol=1e-10,
                       atol=1e-12, name=f"lp_norm of a square matrix along axis=0, p={p}")
