from otter.test_files import test_case

OK_FORMAT = False

name = 'q05_7'
points = 0.625

@test_case(points=0.625, hidden=False)
def test_q05_7_structure(logistic_loss_grad_sym):
    import sympy
    from aimath import checks as C

    out = C.call_student(logistic_loss_grad_sym)
    C.assert_sympy_type(out, list[sympy.Expr], name="logistic_loss_grad_sym()")
    if len(out) != 2:
        C.fail("logistic_loss_grad_sym() must return a list of two expressions [dl/dw1, dl/dw2]")
    w1, w2, x1, x2, y = sympy.symbols("w1 w2 x1 x2 y", real=True)
    for i, expr in enumerate(out):
        C.assert_uses_only_symbols(expr, {w1, w2, x1, x2, y}, name=f"dl/dw{i + 1}")
    at_zero = {w1: 0, w2: 0, y: 1, x1: 2, x2: -4}
    for i, expected in enumerate((-1.0, 2.0)):
        C.assert_scalar_close(float(out[i].subs(at_zero)), expected, rtol=1e-10, atol=1e-12,
                              name=f"dl/dw{i + 1} at w = 0, y = 1, x = (2, -4)")
