from otter.test_files import test_case

OK_FORMAT = False

name = 'q05_7'
points = 2.0

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


@test_case(points=0.5, hidden=True)
def test_q05_7_positive_label(logistic_loss_grad_sym):
    import sympy
    from aimath import checks as C

    ref = C.reference()
    out = C.call_student(logistic_loss_grad_sym)
    expected = ref.logistic_loss_grad_sym()
    if not isinstance(out, (list, tuple)) or len(out) != 2:
        C.fail("logistic_loss_grad_sym() must return a list of two expressions")
    y = sympy.Symbol("y", real=True)
    for i in range(2):
        C.assert_sympy_equal(sympy.sympify(out[i]).subs(y, 1), expected[i].subs(y, 1), name=f"dl/dw{i + 1} at y = +1")


@test_case(points=0.5, hidden=True)
def test_q05_7_negative_label(logistic_loss_grad_sym):
    import sympy
    from aimath import checks as C

    ref = C.reference()
    out = C.call_student(logistic_loss_grad_sym)
    expected = ref.logistic_loss_grad_sym()
    if not isinstance(out, (list, tuple)) or len(out) != 2:
        C.fail("logistic_loss_grad_sym() must return a list of two expressions")
    y = sympy.Symbol("y", real=True)
    for i in range(2):
        C.assert_sympy_equal(sympy.sympify(out[i]).subs(y, -1), expected[i].subs(y, -1), name=f"dl/dw{i + 1} at y = -1")


@test_case(points=0.375, hidden=True)
def test_q05_7_closed_form(logistic_loss_grad_sym):
    import sympy
    from aimath import checks as C

    out = C.call_student(logistic_loss_grad_sym)
    if not isinstance(out, (list, tuple)) or len(out) != 2:
        C.fail("logistic_loss_grad_sym() must return a list of two expressions")
    w1, w2, x1, x2, y = sympy.symbols("w1 w2 x1 x2 y", real=True)
    margin = y * (w1 * x1 + w2 * x2)
    for i, xi in enumerate((x1, x2)):
        closed_form = -y * xi / (1 + sympy.exp(margin))
        for label in (1, -1):
            C.assert_sympy_equal(sympy.sympify(out[i]).subs(y, label), closed_form.subs(y, label),
                                 name=f"dl/dw{i + 1} vs -y x{i + 1} sigma(-y w.x) at y = {label:+d}")
