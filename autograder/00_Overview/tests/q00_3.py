from otter.test_files import test_case

OK_FORMAT = False

name = 'q00_3'
points = 1.0

@test_case(points=0.25, hidden=False)
def test_q00_3_matches_generator(standard_normal_draws):
    import numpy as np
    from aimath import checks as C
    out = C.call_student(standard_normal_draws, 5, np.random.default_rng(2024))
    if not isinstance(out, np.ndarray) or out.dtype != np.float64:
        C.fail("standard_normal_draws must return a float64 numpy.ndarray")
    C.assert_shape(out, (5,), name="out")
    C.assert_exact(out, np.random.default_rng(2024).standard_normal(5), name="draws")


@test_case(points=0.25, hidden=True)
def test_q00_3_fixed_seeds(standard_normal_draws):
    import copy
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    for rng, n in zip(C.spawn_rngs("00.3", 3), (1, 8, 250)):
        twin = copy.deepcopy(rng)
        out = C.call_student(standard_normal_draws, n, rng)
        if not isinstance(out, np.ndarray):
            C.fail("standard_normal_draws must return a numpy.ndarray (not a list)")
        C.assert_exact(out, ref.standard_normal_draws(n, twin), name="draws")


@test_case(points=0.125, hidden=True)
def test_q00_3_state_advances(standard_normal_draws):
    import copy
    from aimath import checks as C
    ref = C.reference()
    rng = C.spawn_rngs("00.3-state", 1)[0]
    twin = copy.deepcopy(rng)
    first = C.call_student(standard_normal_draws, 4, rng)
    second = C.call_student(standard_normal_draws, 4, rng)
    C.assert_exact(first, ref.standard_normal_draws(4, twin), name="first call")
    C.assert_exact(second, ref.standard_normal_draws(4, twin), name="second call with the same generator")


@test_case(points=0.125, hidden=True)
def test_q00_3_n_zero(standard_normal_draws):
    import numpy as np
    from aimath import checks as C
    rng = C.spawn_rngs("00.3-empty", 1)[0]
    out = C.call_student(standard_normal_draws, 0, rng)
    if not isinstance(out, np.ndarray) or out.dtype != np.float64:
        C.fail("for n = 0 the result must still be a float64 numpy.ndarray (of shape (0,))")
    C.assert_exact(out, np.zeros(0), name="draws for n = 0")


@test_case(points=0.25, hidden=True)
def test_q00_3_global_state_untouched(standard_normal_draws):
    import copy
    from aimath import checks as C
    # put the global generators (where the student's code runs) into a state no seed call reproduces
    source = ("def shuffle_global_state():\n"
              "    import random\n    import numpy as np\n"
              "    np.random.seed(918273645)\n    np.random.random_sample(7)\n"
              "    random.seed(918273645)\n    random.random()\n")
    C.student_side_function(source, "shuffle_global_state")()
    ref = C.reference()
    for rng in C.spawn_rngs("00.3-global", 2):
        twin = copy.deepcopy(rng)
        out = C.call_student(standard_normal_draws, 6, rng, check_global_rng=True)
        C.assert_exact(out, ref.standard_normal_draws(6, twin), name="draws")
