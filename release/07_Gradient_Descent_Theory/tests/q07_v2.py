from otter.test_files import test_case

OK_FORMAT = False

name = 'q07_v2'
points = 0.0

@test_case(points=0.0, hidden=False)
def test_q07_v2_slope(plot_gd_convergence):
    import numpy as np
    from aimath import checks as C

    for Q, x0 in [(np.diag([1.0, 10.0]), np.array([1.0, 1.0])),
                  (np.diag([2.0, 5.0, 50.0]), np.array([1.0, -1.0, 0.5]))]:
        ax = C.new_axes()
        slope = C.call_student(plot_gd_convergence, Q, x0, 60, ax)
        if slope is None or np.ndim(slope) != 0:
            C.fail("plot_gd_convergence must return the fitted slope as a number")
        lam = np.linalg.eigvalsh(Q)
        kappa = lam[-1] / lam[0]
        target = 2.0 * np.log((kappa - 1.0) / (kappa + 1.0))
        if abs(float(slope) - target) > 0.05 * abs(target):
            C.fail(f"fitted slope {float(slope):.4f} is not within 5% of 2 log rho = {target:.4f}")
        if len(C.axes_line_data(ax)) < 2:
            C.fail("draw the measured curve and the theoretical line on ax")
