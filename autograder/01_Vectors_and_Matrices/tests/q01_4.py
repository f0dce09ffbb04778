from otter.test_files import test_case

OK_FORMAT = False

name = 'q01_4'
points = 2.0

@test_case(points=0.5, hidden=False)
def test_q01_4_hand_case(matrix_of_linear_map):
    import numpy as np
    from aimath import checks as C

    def f(v):  # R^2 -> R^3, one vector at a time
        vec = np.asarray(v, dtype=np.float64)
        if vec.shape != (2,):
            raise ValueError("f takes one vector of shape (2,)")
        return np.array([vec[0] + 2.0 * vec[1], 3.0 * vec[1], -vec[0]])

    M = C.call_student(matrix_of_linear_map, f, 2)
    C.assert_close(M, np.array([[1.0, 2.0], [0.0, 3.0], [-1.0, 0.0]]), rtol=1e-10, atol=1e-12,
                   name="matrix of f", require_ndarray=True)


@test_case(points=0.5, hidden=True)
def test_q01_4_random_linear_maps(matrix_of_linear_map):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    for rng, (d_out, d_in) in zip(C.spawn_rngs("01.4", 3), [(3, 5), (5, 3), (4, 4)]):
        A = rng.standard_normal((d_out, d_in)) * 4.0 + 1.0

        def f(v, A=A):
            v = np.asarray(v, dtype=float)
            if v.shape != (A.shape[1],):
                raise ValueError("f takes one vector at a time")
            return A @ v

        out = C.call_student(matrix_of_linear_map, f, d_in)
        C.assert_close(out, ref.matrix_of_linear_map(f, d_in), rtol=1e-10, atol=1e-12,
                       name="matrix of a random linear map", require_ndarray=True)


@test_case(points=0.5, hidden=True)
def test_q01_4_non_square_and_single_input(matrix_of_linear_map):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()

    def f32(v):  # R^3 -> R^2
        v = np.asarray(v, dtype=float)
        if v.shape != (3,):
            raise ValueError("f takes one vector of shape (3,)")
        return np.array([2.0 * v[0] - v[2], v[1] + 5.0 * v[2]])

    def f13(v):  # R^1 -> R^3
        v = np.asarray(v, dtype=float)
        if v.shape != (1,):
            raise ValueError("f takes one vector of shape (1,)")
        return v[0] * np.array([1.5, -2.0, 0.25])

    for f, d_in, what in [(f32, 3, "a map R^3 -> R^2"), (f13, 1, "a map R^1 -> R^3")]:
        out = C.call_student(matrix_of_linear_map, f, d_in)
        C.assert_close(out, ref.matrix_of_linear_map(f, d_in), rtol=1e-10, atol=1e-12,
                       name=f"matrix of {what}", require_ndarray=True)


@test_case(points=0.25, hidden=True)
def test_q01_4_integer_valued_map(matrix_of_linear_map):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    A = np.array([[1, -2, 0, 3], [4, 0, -1, 2]])

    def f(v):  # returns an int64 array, and a list for the last basis vector
        v = np.asarray(v)
        if v.shape != (4,):
            raise ValueError("f takes one vector of shape (4,)")
        out = A @ np.rint(v).astype(np.int64)
        return out.tolist() if v[3] != 0 else out

    out = C.call_student(matrix_of_linear_map, f, 4)
    C.assert_close(out, ref.matrix_of_linear_map(f, 4), rtol=1e-10, atol=1e-12,
                   name="matrix of an integer-valued map (must be float64)", require_ndarray=True)
    if np.asarray(out).dtype != np.float64:
        C.fail("the matrix must have dtype float64 even when f returns integers")


@test_case(points=0.25, hidden=True)
def test_q01_4_one_vector_per_call(matrix_of_linear_map):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("01.4-calls", 1)[0]
    A = rng.standard_normal((2, 6))
    shapes = []

    def f(v):  # only valid on a single vector; records every call
        v = np.asarray(v, dtype=float)
        shapes.append(v.shape)
        if v.shape != (6,):
            raise ValueError("f takes one vector of shape (6,)")
        return A @ v

    out = C.call_student(matrix_of_linear_map, f, 6)
    if any(shape != (6,) for shape in shapes):
        C.fail("f was called on something other than a single vector of shape (d_in,)")
    C.assert_close(out, ref.matrix_of_linear_map(f, 6), rtol=1e-10, atol=1e-12, name="matrix of f",
                   require_ndarray=True)
