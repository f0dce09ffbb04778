from otter.test_files import test_case

OK_FORMAT = False

name = 'q01_7'
points = 1.0

@test_case(points=0.25, hidden=False)
def test_q01_7_hand_case(rotate_points_2d):
    import numpy as np
    from aimath import checks as C
    theta = np.arctan2(0.8, 0.6)  # cos = 0.6, sin = 0.8
    X = np.array([[1.0, 0.0], [0.0, 1.0], [2.0, 2.0]])
    out = C.call_student(rotate_points_2d, X, theta)
    C.assert_close(out, np.array([[0.6, 0.8], [-0.8, 0.6], [-0.4, 2.8]]), rtol=1e-10, atol=1e-12,
                   name="rotated points", require_ndarray=True)


@test_case(points=0.25, hidden=True)
def test_q01_7_random_vs_reference(rotate_points_2d):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    for rng in C.spawn_rngs("01.7", 3):
        X = rng.standard_normal((9, 2)) * 5.0 + 1.0
        theta = float(rng.uniform(0.3, 2.8))
        out = C.call_student(rotate_points_2d, X, theta)
        C.assert_close(out, ref.rotate_points_2d(X, theta), rtol=1e-10, atol=1e-12, name="rotated points",
                       require_ndarray=True)


@test_case(points=0.25, hidden=True)
def test_q01_7_quarter_turn_and_zero_angle(rotate_points_2d):
    import numpy as np
    from aimath import checks as C
    out = C.call_student(rotate_points_2d, np.array([[1.0, 0.0]]), np.pi / 2)
    C.assert_close(out, np.array([[0.0, 1.0]]), rtol=1e-15, atol=1e-15, name="(1, 0) rotated by pi/2",
                   require_ndarray=True)
    X = C.spawn_rngs("01.7-zero", 1)[0].standard_normal((4, 2))
    out = C.call_student(rotate_points_2d, X, 0.0)
    C.assert_close(out, X, rtol=1e-10, atol=1e-12, name="points rotated by 0", require_ndarray=True)


@test_case(points=0.25, hidden=True)
def test_q01_7_negative_angle_and_no_points(rotate_points_2d):
    import numpy as np
    from aimath import checks as C
    ref = C.reference()
    X = C.spawn_rngs("01.7-negative", 1)[0].standard_normal((6, 2)) * 3.0
    out = C.call_student(rotate_points_2d, X, -np.pi / 3)
    C.assert_close(out, ref.rotate_points_2d(X, -np.pi / 3), rtol=1e-10, atol=1e-12,
                   name="points rotated by a negative angle", require_ndarray=True)
    out = C.call_student(rotate_points_2d, np.zeros((0, 2)), 1.0)
    C.assert_close(out, np.zeros((0, 2)), name="rotation of an empty set of points", require_ndarray=True)
