from otter.test_files import test_case

OK_FORMAT = False

name = 'q06_4'
points = 2.9999999999999996

@test_case(points=0.3, hidden=False)
def test_q06_4_structure(kkt_check):
    import numpy as np
    from aimath import checks as C

    keys = {"stationarity", "primal_feasibility", "dual_feasibility", "complementary_slackness"}
    out = C.call_student(kkt_check, np.array([2.0]), np.array([[-1.0]]), np.zeros((0, 1)),
                         np.array([0.0]), np.zeros(0), np.array([2.0]), np.zeros(0))
    if not isinstance(out, dict) or set(out) != keys:
        C.fail(f"kkt_check must return a dict with exactly the keys {sorted(keys)}")
    for k in keys:
        if np.ndim(out[k]) != 0 or np.asarray(out[k]).dtype != np.bool_:
            C.fail(f"the value of {k!r} must be a bool")


@test_case(points=0.6, hidden=False)
def test_q06_4_hand_cases(kkt_check):
    import numpy as np
    from aimath import checks as C

    keys = ["stationarity", "primal_feasibility", "dual_feasibility", "complementary_slackness"]
    # min x^2 s.t. g(x) = 1 - x <= 0.  At x = 1: grad f = 2, grad g = -1, g = 0, mu = 2: a KKT point.
    cases = [
        (dict(mu=[2.0]), [True, True, True, True]),
        # same point with mu = 1: stationarity fails (2 - 1 != 0)
        (dict(mu=[1.0]), [False, True, True, True]),
    ]
    for k, (kw, expected) in enumerate(cases):
        out = C.call_student(kkt_check, np.array([2.0]), np.array([[-1.0]]), np.zeros((0, 1)),
                             np.array([0.0]), np.zeros(0), np.array(kw["mu"]), np.zeros(0))
        if not isinstance(out, dict) or set(out) != set(keys):
            C.fail("kkt_check must return a dict with the four keys")
        for key, e in zip(keys, expected):
            if bool(out[key]) != e:
                C.fail(f"hand case {k + 1}: {key!r} should be {e}")


@test_case(points=0.4, hidden=True)
def test_q06_4_active_and_inactive(kkt_check):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    keys = ["stationarity", "primal_feasibility", "dual_feasibility", "complementary_slackness"]
    # min |x - (2, 1)|^2 s.t. x1 + x2 - 2 <= 0 (active), -x1 <= 0 and x2 - 5 <= 0 (inactive); x* = (1.5, 0.5)
    x = np.array([1.5, 0.5])
    grad_f = 2.0 * (x - np.array([2.0, 1.0]))
    Gg = np.array([[1.0, 1.0], [-1.0, 0.0], [0.0, 1.0]])
    g = np.array([x.sum() - 2.0, -x[0], x[1] - 5.0])
    cases = [np.array([1.0, 0.0, 0.0]),   # the KKT multipliers: all four hold
             np.array([1.0, 0.3, 0.0])]   # positive multiplier on an inactive constraint
    for k, mu in enumerate(cases):
        args = (grad_f, Gg, np.zeros((0, 2)), g, np.zeros(0), mu, np.zeros(0))
        expected = ref.kkt_check(*args)
        out = C.call_student(kkt_check, *args)
        if not isinstance(out, dict) or set(out) != set(keys):
            C.fail("kkt_check must return a dict with the four keys")
        for key in keys:
            if bool(out[key]) != expected[key]:
                C.fail(f"active/inactive constraints, case {k + 1}: {key!r} is wrong")


@test_case(points=0.3, hidden=True)
def test_q06_4_negative_mu(kkt_check):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    keys = ["stationarity", "primal_feasibility", "dual_feasibility", "complementary_slackness"]
    # min |x - (2, 1)|^2 s.t. x1 + x2 - 4 <= 0, at the boundary point (2.5, 1.5): stationary only with mu = -1
    x = np.array([2.5, 1.5])
    grad_f = 2.0 * (x - np.array([2.0, 1.0]))  # = (1, 1)
    args = (grad_f, np.array([[1.0, 1.0]]), np.zeros((0, 2)), np.array([x.sum() - 4.0]), np.zeros(0),
            np.array([-1.0]), np.zeros(0))
    expected = ref.kkt_check(*args)
    out = C.call_student(kkt_check, *args)
    if not isinstance(out, dict) or set(out) != set(keys):
        C.fail("kkt_check must return a dict with the four keys")
    for key in keys:
        if bool(out[key]) != expected[key]:
            C.fail(f"negative multiplier case: {key!r} is wrong")


@test_case(points=0.3, hidden=True)
def test_q06_4_infeasible_point(kkt_check):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    keys = ["stationarity", "primal_feasibility", "dual_feasibility", "complementary_slackness"]
    cases = [
        # unconstrained minimizer (2, 1) violates x1 + x2 - 2 <= 0
        (np.zeros(2), np.array([[1.0, 1.0]]), np.zeros((0, 2)), np.array([1.0]), np.zeros(0),
         np.array([0.0]), np.zeros(0)),
        # inequality satisfied, equality violated: h = 0.5
        (np.zeros(2), np.array([[1.0, 1.0]]), np.array([[1.0, -1.0]]), np.array([-0.5]), np.array([0.5]),
         np.array([0.0]), np.array([0.0])),
    ]
    for k, args in enumerate(cases):
        expected = ref.kkt_check(*args)
        out = C.call_student(kkt_check, *args)
        if not isinstance(out, dict) or set(out) != set(keys):
            C.fail("kkt_check must return a dict with the four keys")
        for key in keys:
            if bool(out[key]) != expected[key]:
                C.fail(f"infeasible point, case {k + 1}: {key!r} is wrong")


@test_case(points=0.3, hidden=True)
def test_q06_4_no_equalities(kkt_check):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    keys = ["stationarity", "primal_feasibility", "dual_feasibility", "complementary_slackness"]
    rng = C.spawn_rngs("06.4-noeq", 1)[0]
    # a random KKT point: two active constraints with positive multipliers, one inactive
    d = 4
    Gg = rng.standard_normal((3, d))
    mu = np.array([0.7, 1.9, 0.0])
    grad_f = -(Gg.T @ mu)
    g = np.array([0.0, 0.0, -0.8])
    args = (grad_f, Gg, np.zeros((0, d)), g, np.zeros(0), mu, np.zeros(0))
    expected = ref.kkt_check(*args)
    out = C.call_student(kkt_check, *args, check_mutation=True, check_global_rng=True)
    if not isinstance(out, dict) or set(out) != set(keys):
        C.fail("kkt_check must return a dict with the four keys")
    for key in keys:
        if bool(out[key]) != expected[key]:
            C.fail(f"no equality constraints: {key!r} is wrong")


@test_case(points=0.4, hidden=True)
def test_q06_4_within_tolerance(kkt_check):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    keys = ["stationarity", "primal_feasibility", "dual_feasibility", "complementary_slackness"]
    # the KKT point of the active/inactive case, as a solver would return it: residuals ~1e-12, not 0
    x = np.array([1.5, 0.5])
    grad_f = 2.0 * (x - np.array([2.0, 1.0])) + np.array([2e-12, -1e-12])
    Gg = np.array([[1.0, 1.0], [-1.0, 0.0]])
    g = np.array([-3e-12, -1.5])
    mu = np.array([1.0, 2e-13])
    cases = [
        ((grad_f, Gg, np.zeros((0, 2)), g, np.zeros(0), mu, np.zeros(0)), {}),
        ((grad_f, Gg, np.array([[1.0, -1.0]]), g, np.array([4e-12]), mu, np.array([0.0])), {}),
        # a looser tol: residuals of 1e-6 pass with tol = 1e-3, and a residual of 0.5 does not
        ((grad_f + 1e-6, Gg, np.zeros((0, 2)), g + np.array([1e-6, 0.0]), np.zeros(0), mu, np.zeros(0)), {"tol": 1e-3}),
        ((grad_f + 0.5, Gg, np.zeros((0, 2)), g, np.zeros(0), mu, np.zeros(0)), {"tol": 1e-3}),
    ]
    for k, (args, kw) in enumerate(cases):
        expected = ref.kkt_check(*args, **kw)
        out = C.call_student(kkt_check, *args, **kw)
        if not isinstance(out, dict) or set(out) != set(keys):
            C.fail("kkt_check must return a dict with the four keys")
        for key in keys:
            if bool(out[key]) != expected[key]:
                C.fail(f"residuals within tolerance, case {k + 1}: {key!r} is wrong "
                       "(conditions hold within tol, not exactly)")


@test_case(points=0.4, hidden=True)
def test_q06_4_sign_convention(kkt_check):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    keys = ["stationarity", "primal_feasibility", "dual_feasibility", "complementary_slackness"]
    # min |x - (2, 1)|^2 s.t. x1 + x2 - 2 <= 0, x1 - 2 x2 = 0: x* = (4/3, 2/3), mu = 10/9, lam = 2/9
    x = np.array([4.0 / 3.0, 2.0 / 3.0])
    grad_f = 2.0 * (x - np.array([2.0, 1.0]))
    Gg = np.array([[1.0, 1.0]])
    Gh = np.array([[1.0, -2.0]])
    g = np.array([x.sum() - 2.0])
    h = np.array([x[0] - 2.0 * x[1]])
    cases = [(np.array([10.0 / 9.0]), np.array([2.0 / 9.0])),    # correct multipliers
             (np.array([10.0 / 9.0]), np.array([-2.0 / 9.0]))]   # lambda with the wrong sign
    for k, (mu, lam) in enumerate(cases):
        args = (grad_f, Gg, Gh, g, h, mu, lam)
        expected = ref.kkt_check(*args)
        out = C.call_student(kkt_check, *args)
        if not isinstance(out, dict) or set(out) != set(keys):
            C.fail("kkt_check must return a dict with the four keys")
        for key in keys:
            if bool(out[key]) != expected[key]:
                C.fail(f"equality-and-inequality case {k + 1}: {key!r} is wrong "
                       "(residual is grad f + sum mu_i grad g_i + sum lam_j grad h_j)")
