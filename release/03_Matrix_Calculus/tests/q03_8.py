from otter.test_files import test_case

OK_FORMAT = False

name = 'q03_8'
points = 0.5

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
