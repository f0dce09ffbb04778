from otter.test_files import test_case

OK_FORMAT = False

name = 'q05_5'
points = 0.625

@test_case(points=0.625, hidden=False)
def test_q05_5_examples(polar_partials):
    import numpy as np
    from aimath import checks as C

    C.assert_close(C.call_student(polar_partials, np.array([1.0, 0.0]), 2.0, 0.0), np.array([1.0, 0.0]), rtol=1e-10,
                   atol=1e-12, name="polar_partials((1, 0), r=2, theta=0)")
    C.assert_close(C.call_student(polar_partials, np.array([0.0, 1.0]), 2.0, 0.0), np.array([0.0, 2.0]), rtol=1e-10,
                   atol=1e-12, name="polar_partials((0, 1), r=2, theta=0)")
    C.assert_close(C.call_student(polar_partials, np.array([3.0, 4.0]), 1.0, np.pi), np.array([-3.0, -4.0]),
                   rtol=1e-10, atol=1e-12, name="polar_partials((3, 4), r=1, theta=pi)")
