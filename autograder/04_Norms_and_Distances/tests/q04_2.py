from otter.test_files import test_case

OK_FORMAT = False

name = 'q04_2'
points = 2.0

@test_case(points=0.375, hidden=False)
def test_q04_2_examples(cosine_similarity_matrix):
    import numpy as np
    from aimath import checks as C

    A = np.array([[1.0, 0.0], [1.0, 1.0]])
    B = np.array([[0.0, 2.0], [3.0, 0.0], [-1.0, -1.0]])
    r = 1 / np.sqrt(2)
    expected = np.array([[0.0, 1.0, -r], [r, r, -1.0]])
    S = C.call_student(cosine_similarity_matrix, A, B)
    C.assert_close(S, expected, rtol=1e-10, atol=1e-12, name="cosine_similarity_matrix(A, B)")


@test_case(points=0.25, hidden=False)
def test_q04_2_properties(cosine_similarity_matrix):
    import numpy as np
    from aimath import checks as C

    rng = np.random.default_rng(0)
    A = rng.normal(size=(4, 3))
    B = rng.normal(size=(6, 3))
    S = C.call_student(cosine_similarity_matrix, A, B)
    C.assert_shape(S, (4, 6), name="similarity matrix")
    S = np.asarray(S)
    if not (np.all(S <= 1.0) and np.all(S >= -1.0)):
        C.fail("cosine similarities must lie in [-1, 1]")
    C.assert_close(np.diag(C.call_student(cosine_similarity_matrix, A, A)), np.ones(4), rtol=1e-10, atol=1e-12,
                   name="diagonal of cosine_similarity_matrix(A, A)")
    C.assert_close(C.call_student(cosine_similarity_matrix, 2.0 * A, 0.5 * B), S, rtol=1e-10, atol=1e-12,
                   name="similarities after rescaling the rows (must not change)")
    C.assert_close(C.call_student(cosine_similarity_matrix, B, A), S.T, rtol=1e-10, atol=1e-12,
                   name="cosine_similarity_matrix(B, A) vs the transpose")


@test_case(points=0.375, hidden=True)
def test_q04_2_random(cosine_similarity_matrix):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    for rng in C.spawn_rngs("04.2", 2):
        A = rng.normal(0.7, 2.0, size=(5, 3))
        B = rng.normal(-0.3, 1.0, size=(7, 3))
        C.assert_close(C.call_student(cosine_similarity_matrix, A, B), ref.cosine_similarity_matrix(A, B),
                       rtol=1e-10, atol=1e-12, name="cosine similarities of random rows (n_a != n_b != d)")


@test_case(points=0.375, hidden=True)
def test_q04_2_zero_rows(cosine_similarity_matrix):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    rng = C.spawn_rngs("04.2-zero", 1)[0]
    A = rng.normal(size=(4, 5))
    A[1] = 0.0
    B = rng.normal(size=(3, 5))
    B[2] = 0.0
    C.assert_close(C.call_student(cosine_similarity_matrix, A, B), ref.cosine_similarity_matrix(A, B),
                   rtol=1e-10, atol=1e-12, name="similarities with zero rows (must be 0, not nan)")


@test_case(points=0.25, hidden=True)
def test_q04_2_parallel_rows(cosine_similarity_matrix):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    rng = C.spawn_rngs("04.2-parallel", 1)[0]
    v = rng.normal(size=6)
    w = rng.normal(size=6)
    A = np.stack([v, 3.7 * v, -0.2 * v, w])
    B = np.stack([1e3 * v, -v, 0.1 * w, v + w, w])
    S = C.call_student(cosine_similarity_matrix, A, B)
    C.assert_close(S, ref.cosine_similarity_matrix(A, B), rtol=1e-10, atol=1e-12,
                   name="similarities of identical, parallel and anti-parallel rows")
    # Many identical / parallel / anti-parallel pairs: unclipped, about a quarter of them round beyond +-1.
    V = rng.normal(size=(40, 6))
    for P, Q in ((V, V), (V, 2.5 * V), (V, -0.3 * V), (A, B)):
        S = np.asarray(C.call_student(cosine_similarity_matrix, P, Q), dtype=float)
        if not (np.all(S <= 1.0) and np.all(S >= -1.0)):
            C.fail("similarities of identical or (anti-)parallel rows must be clipped to [-1, 1]")


@test_case(points=0.375, hidden=True)
def test_q04_2_tiny_rows(cosine_similarity_matrix):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    rng = C.spawn_rngs("04.2-tiny", 1)[0]
    A = rng.normal(size=(3, 4))
    A[0] *= 1e-150
    B = rng.normal(size=(5, 4))
    B[3] *= 1e-150
    C.assert_close(C.call_student(cosine_similarity_matrix, A, B), ref.cosine_similarity_matrix(A, B),
                   rtol=1e-10, atol=1e-12, name="similarities involving tiny non-zero rows")
