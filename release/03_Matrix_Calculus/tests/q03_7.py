from otter.test_files import test_case

OK_FORMAT = False

name = 'q03_7'
points = 1.0

@test_case(points=0.5, hidden=False)
def test_q03_7_linear_map(vjp_and_jvp):
    import torch
    from aimath import checks as C
    f = C.student_side_function(
        "import torch\n"
        "A = torch.tensor([[1.0, 2.0, 0.0], [0.0, -1.0, 3.0]], dtype=torch.float64)\n"
        "def f(x):\n"
        "    return A @ x\n", "f")
    x = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)
    v = torch.tensor([1.0, -1.0], dtype=torch.float64)
    u = torch.tensor([0.0, 1.0, 0.0], dtype=torch.float64)
    # first call may import torch.func machinery: allow a one-time start-up cost
    out = C.call_student(vjp_and_jvp, f, x, v, u, timeout=5.0)
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("vjp_and_jvp must return a tuple (vjp, jvp)")
    for name, t in zip(("vjp", "jvp"), out):
        if not isinstance(t, torch.Tensor) or t.dtype != torch.float64:
            C.fail(f"{name} must be a torch.float64 tensor")
    # J = A: v^T A = (1, 3, -3), A u = column 2 of A = (2, -1)
    C.assert_close(out[0], [1.0, 3.0, -3.0], **C.T2, name="vjp = v^T A")
    C.assert_close(out[1], [2.0, -1.0], **C.T2, name="jvp = A u")


@test_case(points=0.5, hidden=False)
def test_q03_7_adjoint_identity(vjp_and_jvp):
    import torch
    from aimath import checks as C
    # for any v and u, (v^T J) u = v^T (J u): both are the same number
    f = C.student_side_function(
        "import torch\n"
        "B = torch.tensor([[0.5, -1.0, 2.0, 0.0], [1.5, 0.3, -0.7, 1.0]], dtype=torch.float64)\n"
        "def f(x):\n"
        "    return torch.tanh(B @ x) * x.sum()\n", "f")
    x = torch.tensor([0.2, -0.4, 0.9, 0.1], dtype=torch.float64)
    v = torch.tensor([1.0, 2.0], dtype=torch.float64)
    u = torch.tensor([0.3, -1.0, 0.5, 2.0], dtype=torch.float64)
    out = C.call_student(vjp_and_jvp, f, x, v, u, timeout=5.0)
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("vjp_and_jvp must return a tuple (vjp, jvp)")
    vjp, jvp = out
    C.assert_shape(vjp, (4,), name="vjp (x has shape (4,))")
    C.assert_shape(jvp, (2,), name="jvp (f(x) has shape (2,))")
    lhs = float(torch.as_tensor(vjp).detach().double() @ u)
    rhs = float(v @ torch.as_tensor(jvp).detach().double())
    C.assert_scalar_close(lhs, rhs, **C.T2, name="(v^T J) u compared with v^T (J u)")
