from otter.test_files import test_case

OK_FORMAT = False

name = 'q06_5'
points = 3.0

@test_case(points=0.1, hidden=False)
def test_q06_5_shape_dtype(water_filling):
    import numpy as np
    from aimath import checks as C

    x = C.call_student(water_filling, np.array([0.5, 1.0, 2.0, 0.1]), 1.5)
    C.assert_shape(x, (4,), name="x")
    if np.asarray(x).dtype != np.float64:
        C.fail("x must be a float64 array")


@test_case(points=0.4, hidden=False)
def test_q06_5_hand_case(water_filling):
    import numpy as np
    from aimath import checks as C

    # alpha = (1, 2, 4), total = 2: level 2.5, x = (1.5, 0.5, 0)
    x = C.call_student(water_filling, np.array([1.0, 2.0, 4.0]), 2.0)
    C.assert_close(x, np.array([1.5, 0.5, 0.0]), rtol=1e-8, atol=1e-10, name="water_filling([1, 2, 4], 2)")
    # the same channels in another order: the allocation follows its channel
    x = C.call_student(water_filling, np.array([4.0, 1.0, 2.0]), 2.0)
    C.assert_close(x, np.array([0.0, 1.5, 0.5]), rtol=1e-8, atol=1e-10, name="water_filling([4, 1, 2], 2)")


@test_case(points=0.3, hidden=False)
def test_q06_5_kkt_properties(water_filling):
    import numpy as np
    from aimath import checks as C

    rng = np.random.default_rng(5)
    for n, total in [(4, 1.0), (10, 3.0), (25, 0.7)]:
        alpha = rng.uniform(0.2, 3.0, n)
        x = np.asarray(C.call_student(water_filling, alpha, total), dtype=float)
        if (x < -1e-12).any():
            C.fail("allocations must be non-negative")
        if abs(x.sum() - total) > 1e-9 * max(1.0, total):
            C.fail("allocations must sum to total")
        wet = x > 1e-12
        level = float(np.mean(alpha[wet] + x[wet]))
        C.assert_close(x, np.maximum(0.0, level - alpha), rtol=0, atol=1e-9,
                       name="x versus max(0, level - alpha) (one common water level)")


@test_case(points=0.6, hidden=True)
def test_q06_5_random_vs_reference(water_filling):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    for k, rng in enumerate(C.spawn_rngs("06.5-random", 6)):
        n = int(rng.integers(2, 40))
        alpha = rng.uniform(0.05, 5.0, n)
        total = float(rng.uniform(0.1, 10.0))
        x = C.call_student(water_filling, alpha, total)
        C.assert_close(x, ref.water_filling(alpha, total), rtol=1e-8, atol=1e-10,
                       name=f"allocation (random problem {k + 1})")


@test_case(points=0.2, hidden=True)
def test_q06_5_zero_total(water_filling):
    import numpy as np
    from aimath import checks as C

    rng = C.spawn_rngs("06.5-zero", 1)[0]
    alpha = rng.uniform(0.1, 2.0, 7)
    x = C.call_student(water_filling, alpha, 0.0)
    C.assert_close(x, np.zeros(7), rtol=1e-8, atol=1e-10, name="allocation with total = 0")


@test_case(points=0.2, hidden=True)
def test_q06_5_one_channel(water_filling):
    import numpy as np
    from aimath import checks as C

    x = C.call_student(water_filling, np.array([0.7]), 3.25)
    C.assert_close(x, np.array([3.25]), rtol=1e-8, atol=1e-10, name="allocation with one channel")


@test_case(points=0.3, hidden=True)
def test_q06_5_huge_total(water_filling):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    rng = C.spawn_rngs("06.5-huge", 1)[0]
    alpha = rng.uniform(0.1, 4.0, 9)
    for total in (1e6, 3.3e4):
        x = C.call_student(water_filling, alpha, total)
        C.assert_close(x, ref.water_filling(alpha, total), rtol=1e-8, atol=1e-10,
                       name="allocation with a huge total (all channels wet, nearly equal)")


@test_case(points=0.2, hidden=True)
def test_q06_5_equal_alphas(water_filling):
    import numpy as np
    from aimath import checks as C

    x = C.call_student(water_filling, np.full(6, 1.3), 2.4)
    C.assert_close(x, np.full(6, 0.4), rtol=1e-8, atol=1e-10, name="allocation with equal noise levels")


@test_case(points=0.2, hidden=True)
def test_q06_5_descending_alphas(water_filling):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    alpha = np.array([5.0, 3.5, 2.2, 1.9, 0.6, 0.3])
    x = C.call_student(water_filling, alpha, 2.0)
    C.assert_close(x, ref.water_filling(alpha, 2.0), rtol=1e-8, atol=1e-10,
                   name="allocation with alpha sorted in descending order")


@test_case(points=0.3, hidden=True)
def test_q06_5_dry_channels(water_filling):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    # several rounds of "drop the dry channel" are needed; negative allocations are not allowed
    cases = [(np.array([0.1, 1.5, 2.0, 10.0]), 1.0), (np.array([3.0, 0.2, 7.5, 0.4, 5.0, 0.3]), 0.9),
             (np.array([0.5, 0.9, 1.4, 2.0, 2.7]), 1.6)]
    for k, (alpha, total) in enumerate(cases):
        x = C.call_student(water_filling, alpha, total)
        if (np.asarray(x, dtype=float) < -1e-12).any():
            C.fail(f"negative allocation in case {k + 1}: the constraint x >= 0 is ignored")
        C.assert_close(x, ref.water_filling(alpha, total), rtol=1e-8, atol=1e-10,
                       name=f"allocation with dry channels (case {k + 1})")


@test_case(points=0.2, hidden=True)
def test_q06_5_inputs(water_filling):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    alpha = [2, 1, 3]
    x = C.call_student(water_filling, alpha, 2, check_mutation=True, check_global_rng=True)
    C.assert_close(x, ref.water_filling(np.array(alpha, dtype=float), 2.0), rtol=1e-8, atol=1e-10,
                   name="allocation for list/int inputs")
    C.call_student(water_filling, np.array([0.3, 0.9, 0.1]), 0.5, check_mutation=True, check_global_rng=True)
