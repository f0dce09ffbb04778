from otter.test_files import test_case

OK_FORMAT = False

name = 'q00_2'
points = 0.25

@test_case(points=0.25, hidden=False)
def test_q00_2_hand_cases(mean_squared_error):
    from aimath import checks as C
    out = C.call_student(mean_squared_error, [1.0, 2.0, 3.0], [1.0, 2.0, 5.0])
    C.assert_scalar_close(out, 4.0 / 3.0, rtol=1e-10, atol=1e-12, name="mean_squared_error")
    out = C.call_student(mean_squared_error, [[0.0, 0.0]], [[3.0, -4.0]])
    C.assert_scalar_close(out, 12.5, rtol=1e-10, atol=1e-12, name="mean_squared_error")
