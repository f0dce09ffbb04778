from otter.test_files import test_case

OK_FORMAT = False

name = 'q01_1'
points = 0.5

@test_case(points=0.5, hidden=False)
def test_q01_1_hand_cases(is_linearly_independent):
    import numpy as np
    from aimath import checks as C
    cases = [
        (np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]]), True),  # e1, e2 in R^3
        (np.array([[1.0, 2.0], [2.0, 4.0]]), False),  # second column = 2 * first
        (np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]]), False),  # 3 vectors in R^2
        (np.zeros((3, 0)), True),  # no vectors at all
    ]
    for V, expected in cases:
        out = C.call_student(is_linearly_independent, V)
        if not isinstance(out, (bool, np.bool_)):
            C.fail("is_linearly_independent must return a bool (True or False)")
        C.assert_exact(bool(out), expected, name=f"is_linearly_independent on a {V.shape[0]}x{V.shape[1]} matrix")
