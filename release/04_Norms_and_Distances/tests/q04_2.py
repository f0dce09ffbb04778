from otter.test_files import test_case

OK_FORMAT = False

name = 'q04_2'
points = 0.625

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
