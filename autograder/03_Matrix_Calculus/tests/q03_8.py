from otter.test_files import test_case

OK_FORMAT = False

name = 'q03_8'
points = 2.0

@test_case(points=0.25, hidden=False)
def test_q03_8_type_and_shape(trace_derivative_sym):
    import sympy
    from aimath import checks as C
    out = C.call_student(trace_derivative_sym)
    if isinstance(out, sympy.MatrixBase):        # an explicit matrix of entries is accepted too
        out = sympy.ImmutableMatrix(out)
    C.assert_sympy_type(out, sympy.MatrixExpr)
    if tuple(out.shape) != (3, 3):
        C.fail("the derivative with respect to a 3x3 matrix X must have shape (3, 3)")


@test_case(points=0.25, hidden=False)
def test_q03_8_independent_of_X(trace_derivative_sym):
    import sympy
    from aimath import checks as C
    # tr(A X B) is linear in X, so its derivative cannot depend on X
    out = C.call_student(trace_derivative_sym)
    if isinstance(out, sympy.MatrixBase):        # an explicit matrix of entries is accepted too
        out = sympy.ImmutableMatrix(out)
    C.assert_sympy_type(out, sympy.MatrixExpr)
    if sympy.MatrixSymbol("X", 3, 3) in out.free_symbols:
        C.fail("the derivative of a linear function of X must not contain X")


@test_case(points=1.0, hidden=True)
def test_q03_8_matches_reference(trace_derivative_sym):
    import sympy
    from aimath import checks as C
    ref = C.reference()
    A, X, B = (sympy.MatrixSymbol(name, 3, 3) for name in "AXB")
    out = C.call_student(trace_derivative_sym)
    if isinstance(out, sympy.MatrixBase):        # an explicit matrix of entries is accepted too
        out = sympy.ImmutableMatrix(out)
    C.assert_sympy_type(out, sympy.MatrixExpr)
    shapes = {A: (3, 3), X: (3, 3), B: (3, 3)}
    # raises a CheckFailure (with the size of the mismatch) unless equal for random non-symmetric A, B
    C.sympy_matrix_equal(out, ref.trace_derivative_sym(), shapes,
                         name="d tr(A X B) / dX at random non-symmetric A and B")


@test_case(points=0.5, hidden=True)
def test_q03_8_layout_with_identity_B(trace_derivative_sym):
    import sympy
    from aimath import checks as C
    # with B = I the function is tr(A X), whose gradient (same shape as X) is A^T, not A
    A, X, B = (sympy.MatrixSymbol(name, 3, 3) for name in "AXB")
    out = C.call_student(trace_derivative_sym)
    if isinstance(out, sympy.MatrixBase):        # an explicit matrix of entries is accepted too
        out = sympy.ImmutableMatrix(out)
    C.assert_sympy_type(out, sympy.MatrixExpr)
    reduced = out.subs(B, sympy.Identity(3))
    C.sympy_matrix_equal(reduced, A.T, {A: (3, 3), X: (3, 3), B: (3, 3)},
                         name="your derivative with B = I (the gradient of tr(A X), shaped like X)")
