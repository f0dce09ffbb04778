from otter.test_files import test_case

OK_FORMAT = False

name = 'q07_2'
points = 2.0

@test_case(points=0.3, hidden=False)
def test_q07_2_hand_case(quadratic_gd_step_and_rate):
    import numpy as np
    from aimath import checks as C

    out = C.call_student(quadratic_gd_step_and_rate, np.diag([1.0, 3.0]))
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("return a pair (step, rate)")
    # L = 3, mu = 1: step = 2/4, kappa = 3, rate = 2/4
    C.assert_scalar_close(out[0], 0.5, rtol=1e-10, atol=1e-12, name="step for diag(1, 3)")
    C.assert_scalar_close(out[1], 0.5, rtol=1e-10, atol=1e-12, name="rate for diag(1, 3)")


@test_case(points=0.3, hidden=False)
def test_q07_2_scaling_property(quadratic_gd_step_and_rate):
    import numpy as np
    from aimath import checks as C

    Q = np.array([[4.0, 1.0, 0.0], [1.0, 3.0, 0.5], [0.0, 0.5, 2.0]])
    out = C.call_student(quadratic_gd_step_and_rate, Q)
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("quadratic_gd_step_and_rate must return a pair (step, rate)")
    step, rate = out
    out = C.call_student(quadratic_gd_step_and_rate, 10.0 * Q)
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("quadratic_gd_step_and_rate must return a pair (step, rate)")
    step10, rate10 = out
    C.assert_scalar_close(step10, float(step) / 10.0, rtol=1e-10, atol=1e-12, name="step for 10 Q (must be step / 10)")
    C.assert_scalar_close(rate10, float(rate), rtol=1e-10, atol=1e-12, name="rate for 10 Q (must not change)")
    if not 0.0 <= float(rate) < 1.0:
        C.fail("the rate of a positive definite Q must lie in [0, 1)")


@test_case(points=0.2, hidden=True)
def test_q07_2_multiple_of_identity(quadratic_gd_step_and_rate):
    import numpy as np
    from aimath import checks as C

    for c in (0.5, 3.0):
        out = C.call_student(quadratic_gd_step_and_rate, c * np.eye(4))
        if not isinstance(out, (tuple, list)) or len(out) != 2:
            C.fail("quadratic_gd_step_and_rate must return a pair (step, rate)")
        step, rate = out
        C.assert_scalar_close(step, 1.0 / c, rtol=1e-10, atol=1e-12, name="step for Q = cI")
        C.assert_scalar_close(rate, 0.0, rtol=1e-10, atol=1e-12, name="rate for Q = cI")


@test_case(points=0.4, hidden=True)
def test_q07_2_diagonal(quadratic_gd_step_and_rate):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    for k, rng in enumerate(C.spawn_rngs("07.2-diag", 3)):
        Q = np.diag(rng.uniform(0.1, 50.0, int(rng.integers(2, 8))))
        step_ref, rate_ref = ref.quadratic_gd_step_and_rate(Q)
        out = C.call_student(quadratic_gd_step_and_rate, Q)
        if not isinstance(out, (tuple, list)) or len(out) != 2:
            C.fail("quadratic_gd_step_and_rate must return a pair (step, rate)")
        step, rate = out
        C.assert_scalar_close(step, step_ref, rtol=1e-10, atol=1e-12, name=f"step (diagonal Q {k + 1})")
        C.assert_scalar_close(rate, rate_ref, rtol=1e-10, atol=1e-12, name=f"rate (diagonal Q {k + 1})")


@test_case(points=0.5, hidden=True)
def test_q07_2_dense_known_eigenvalues(quadratic_gd_step_and_rate):
    import numpy as np
    from aimath import checks as C

    for k, rng in enumerate(C.spawn_rngs("07.2-dense", 3)):
        d = int(rng.integers(3, 9))
        lam = np.sort(rng.uniform(0.5, 200.0, d))
        R, _ = np.linalg.qr(rng.standard_normal((d, d)))
        Q = R @ np.diag(lam) @ R.T
        Q = 0.5 * (Q + Q.T)
        L, mu = lam[-1], lam[0]
        out = C.call_student(quadratic_gd_step_and_rate, Q)
        if not isinstance(out, (tuple, list)) or len(out) != 2:
            C.fail("quadratic_gd_step_and_rate must return a pair (step, rate)")
        step, rate = out
        C.assert_scalar_close(step, 2.0 / (L + mu), rtol=1e-10, atol=1e-12, name=f"step (dense Q {k + 1})")
        C.assert_scalar_close(rate, (L - mu) / (L + mu), rtol=1e-10, atol=1e-12, name=f"rate (dense Q {k + 1})")


@test_case(points=0.3, hidden=True)
def test_q07_2_inputs(quadratic_gd_step_and_rate):
    import numpy as np
    from aimath import checks as C

    Q = [[2, 1], [1, 2]]  # eigenvalues 1 and 3, given as a list of ints
    out = C.call_student(quadratic_gd_step_and_rate, Q, check_mutation=True, check_global_rng=True)
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        C.fail("quadratic_gd_step_and_rate must return a pair (step, rate)")
    step, rate = out
    C.assert_scalar_close(step, 0.5, rtol=1e-10, atol=1e-12, name="step for a list input")
    C.assert_scalar_close(rate, 0.5, rtol=1e-10, atol=1e-12, name="rate for a list input")
    C.call_student(quadratic_gd_step_and_rate, np.array([[5.0, 2.0], [2.0, 1.0]]), check_mutation=True)
