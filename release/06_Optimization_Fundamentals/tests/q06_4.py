from otter.test_files import test_case

OK_FORMAT = False

name = 'q06_4'
points = 0.8999999999999999

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
