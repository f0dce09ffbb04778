from otter.test_files import test_case

OK_FORMAT = False

name = 'q03_7'
points = 3.0

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


@test_case(points=0.75, hidden=True)
def test_q03_7_random_nonlinear(vjp_and_jvp):
    import torch
    from aimath import checks as C
    for rng in C.spawn_rngs("03.7", 2):
        A, c = rng.normal(size=(3, 5)), rng.normal(size=3)
        source = (
            "import torch\n"
            f"A = torch.tensor({A.tolist()!r}, dtype=torch.float64)\n"
            f"c = torch.tensor({c.tolist()!r}, dtype=torch.float64)\n"
            "def f(x):\n"
            "    return torch.tanh(A @ x + c) * (x ** 2).sum()\n"
        )
        local = {}
        exec(source, local)
        x, v, u = (torch.tensor(rng.normal(size=k), dtype=torch.float64) for k in (5, 3, 5))
        J = torch.autograd.functional.jacobian(local["f"], x)
        vjp, jvp = C.call_student(vjp_and_jvp, C.student_side_function(source, "f"), x, v, u, timeout=5.0)
        C.assert_close(vjp, (v @ J).numpy(), **C.T2, name="vjp (m = 3, n = 5)")
        C.assert_close(jvp, (J @ u).numpy(), **C.T2, name="jvp (m = 3, n = 5)")


@test_case(points=0.5, hidden=True)
def test_q03_7_square_nonsymmetric(vjp_and_jvp):
    import torch
    from aimath import checks as C
    rng = C.spawn_rngs("03.7", 3)[2]
    A, B = rng.normal(size=(4, 4)), rng.normal(size=(4, 4))
    source = (
        "import torch\n"
        f"A = torch.tensor({A.tolist()!r}, dtype=torch.float64)\n"
        f"B = torch.tensor({B.tolist()!r}, dtype=torch.float64)\n"
        "def f(x):\n"
        "    return A @ torch.tanh(x) + torch.tanh(B @ x) * x[0]\n"
    )
    local = {}
    exec(source, local)
    x, v, u = (torch.tensor(rng.normal(size=4), dtype=torch.float64) for _ in range(3))
    J = torch.autograd.functional.jacobian(local["f"], x)
    vjp, jvp = C.call_student(vjp_and_jvp, C.student_side_function(source, "f"), x, v, u, timeout=5.0)
    C.assert_close(vjp, (v @ J).numpy(), **C.T2, name="vjp (m = n = 4, J not symmetric)")
    C.assert_close(jvp, (J @ u).numpy(), **C.T2, name="jvp (m = n = 4, J not symmetric)")


@test_case(points=0.25, hidden=True)
def test_q03_7_dtype_shape_detached(vjp_and_jvp):
    import torch
    from aimath import checks as C
    rng = C.spawn_rngs("03.7", 4)[3]
    A = rng.normal(size=(2, 3))
    source = (
        "import torch\n"
        f"A = torch.tensor({A.tolist()!r}, dtype=torch.float64)\n"
        "def f(x):\n"
        "    return torch.tanh(A @ x).sum() * (A @ x)\n"
    )
    x, v, u = (torch.tensor(rng.normal(size=k), dtype=torch.float64) for k in (3, 2, 3))
    out = C.call_student(vjp_and_jvp, C.student_side_function(source, "f"), x, v, u, timeout=5.0)
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("vjp_and_jvp must return a tuple (vjp, jvp)")
    for name, t, shape in zip(("vjp", "jvp"), out, ((3,), (2,))):
        if not isinstance(t, torch.Tensor):
            C.fail(f"{name} must be a torch.Tensor")
        if t.dtype != torch.float64:
            C.fail(f"{name} must have dtype torch.float64")
        C.assert_shape(t, shape, name=name)
        if t.requires_grad:
            C.fail(f"{name} must be detached from the autograd graph (requires_grad is True)")


@test_case(points=0.5, hidden=True)
def test_q03_7_inputs_unchanged(vjp_and_jvp):
    import torch
    from aimath import checks as C
    rng = C.spawn_rngs("03.7", 5)[4]
    A = rng.normal(size=(3, 2))
    source = (
        "import torch\n"
        f"A = torch.tensor({A.tolist()!r}, dtype=torch.float64)\n"
        "def f(x):\n"
        "    return torch.sin(A @ x) + x.sum() ** 2\n"
    )
    local = {}
    exec(source, local)
    x, v, u = (torch.tensor(rng.normal(size=k), dtype=torch.float64) for k in (2, 3, 2))
    J = torch.autograd.functional.jacobian(local["f"], x)
    # x, v and u must be unchanged after the call (checked by call_student); x arrives with requires_grad=False
    vjp, jvp = C.call_student(vjp_and_jvp, C.student_side_function(source, "f"), x, v, u, timeout=5.0,
                              check_mutation=True)
    C.assert_close(vjp, (v @ J).numpy(), **C.T2, name="vjp (m = 3, n = 2)")
    C.assert_close(jvp, (J @ u).numpy(), **C.T2, name="jvp (m = 3, n = 2)")
