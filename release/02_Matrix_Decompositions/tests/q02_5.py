from otter.test_files import test_case

OK_FORMAT = False

name = 'q02_5'
points = 0.5

@test_case(points=0.25, hidden=False)
def test_q02_5_full_rank_returns_data(pca_reconstruct):
    import numpy as np
    from aimath import checks as C
    X = np.array([[1.0, 2.0, 0.0], [3.0, -1.0, 2.0], [0.0, 0.5, 1.0], [2.0, 2.0, 2.0], [4.0, 0.0, -1.0]])
    out = C.call_student(pca_reconstruct, X, 3)
    C.assert_shape(out, (5, 3), name="pca_reconstruct(X, 3)")
    C.assert_close(out, X, rtol=1e-8, atol=1e-10, name="pca_reconstruct(X, d)")


@test_case(points=0.25, hidden=False)
def test_q02_5_points_on_a_line(pca_reconstruct):
    import numpy as np
    from aimath import checks as C
    # Points on the line through (2, 4) with direction (1, 2): one component reconstructs them
    # exactly, and zero components give the mean (2, 4) in every row.
    X = np.array([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]])
    C.assert_close(C.call_student(pca_reconstruct, X, 1), X, rtol=1e-8, atol=1e-10, name="pca_reconstruct(X, 1)")
    C.assert_close(C.call_student(pca_reconstruct, X, 0), np.array([[2.0, 4.0]] * 3), rtol=1e-8, atol=1e-10,
                   name="pca_reconstruct(X, 0)")
