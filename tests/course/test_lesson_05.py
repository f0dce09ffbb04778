"""Lesson 05 (Multivariate Calculus): every exercise is fair (alternative correct implementations score
full marks) and sharp (each mistake listed in the curriculum fails at least one hidden test)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.linalg
import sympy
import torch  # imported here, not inside a timed call (the first import takes longer than a call may)

from aimath.checks.meta import Exercise, assert_fair_and_sharp

# --------------------------------------------------------------------------------------------------
# 05.1 directional_derivative


def directional_normalize_first(grad_f, x, v):
    v = np.asarray(v, dtype=float)
    n = np.linalg.norm(v)
    if n == 0:
        raise ValueError("zero direction")
    u = v / n
    return float(np.dot(grad_f(np.asarray(x, dtype=float)), u))


def directional_math(grad_f, x, v):
    comps = [float(c) for c in np.ravel(v)]
    length = math.hypot(*comps)
    if length == 0.0:
        raise ValueError("zero direction")
    g = [float(c) for c in np.ravel(grad_f(np.array(x, dtype=float)))]
    return math.fsum(gi * vi for gi, vi in zip(g, comps)) / length


def mutant_directional_not_normalized(grad_f, x, v):
    return float(np.dot(grad_f(np.asarray(x, dtype=float)), np.asarray(v, dtype=float)))


def mutant_directional_elementwise(grad_f, x, v):
    v = np.asarray(v, dtype=float)
    n = np.linalg.norm(v)
    if n == 0:
        raise ValueError("zero direction")
    return np.asarray(grad_f(np.asarray(x, dtype=float))) * v / n


# --------------------------------------------------------------------------------------------------
# 05.2 rosenbrock_grad_hess


def rosen_expanded_polynomial(x, a=1.0, b=100.0):
    x1, x2 = (float(v) for v in x)
    g = np.array([-2 * a + 2 * x1 - 4 * b * x1 * x2 + 4 * b * x1**3, 2 * b * x2 - 2 * b * x1**2])
    H = np.array([[2 - 4 * b * x2 + 12 * b * x1**2, -4 * b * x1], [-4 * b * x1, 2 * b]])
    return g, H


def rosen_residual_structure(x, a=1.0, b=100.0):
    """f = r1^2 + r2^2 with r = (a - x, sqrt(b)(y - x^2)): grad = 2 J^T r, H = 2 J^T J + 2 sum r_i Hess(r_i)."""
    x1, x2 = np.asarray(x, dtype=float)
    sb = math.sqrt(b)
    r = np.array([a - x1, sb * (x2 - x1**2)])
    J = np.array([[-1.0, 0.0], [-2.0 * sb * x1, sb]])
    hess_r2 = np.array([[-2.0 * sb, 0.0], [0.0, 0.0]])
    return 2.0 * J.T @ r, 2.0 * J.T @ J + 2.0 * r[1] * hess_r2


def rosen_torch_autograd(x, a=1.0, b=100.0):
    """Gradient by reverse mode, Hessian rows by differentiating each gradient entry again."""
    z = torch.tensor(np.asarray(x, dtype=float), dtype=torch.float64, requires_grad=True)
    f = (a - z[0]) ** 2 + b * (z[1] - z[0] ** 2) ** 2
    (g,) = torch.autograd.grad(f, z, create_graph=True)
    rows = [torch.autograd.grad(g[i], z, retain_graph=True)[0] for i in range(2)]
    return g.detach().numpy().copy(), torch.stack(rows).numpy().copy()


def mutant_rosen_hardcoded_b(x, a=1.0, b=100.0):
    x1, x2 = np.asarray(x, dtype=float)
    g = np.array([-2.0 * (a - x1) - 4.0 * b * x1 * (x2 - x1**2), 2.0 * b * (x2 - x1**2)])
    H = np.array([[1200.0 * x1**2 - 400.0 * x2 + 2.0, -4.0 * b * x1], [-4.0 * b * x1, 2.0 * b]])
    return g, H


def mutant_rosen_sign_error(x, a=1.0, b=100.0):
    x1, x2 = np.asarray(x, dtype=float)
    _, H = rosen_expanded_polynomial(x, a, b)
    g = np.array([2.0 * (a - x1) - 4.0 * b * x1 * (x2 - x1**2), 2.0 * b * (x2 - x1**2)])
    return g, H


def mutant_rosen_asymmetric_hessian(x, a=1.0, b=100.0):
    x1, _ = np.asarray(x, dtype=float)
    g, H = rosen_expanded_polynomial(x, a, b)
    H = H.copy()
    H[1, 0] = -2.0 * b * x1
    return g, H


# --------------------------------------------------------------------------------------------------
# 05.3 taylor_approx


def taylor_row_loop(f0, g, H, dx, order):
    g = np.asarray(g, dtype=float)
    H = np.asarray(H, dtype=float)
    dx = np.asarray(dx, dtype=float)

    def one(v):
        value = float(f0)
        if order >= 1:
            value += float(g @ v)
        if order >= 2:
            value += 0.5 * float(v @ (H @ v))
        return value

    if dx.ndim == 1:
        return one(dx)
    return np.array([one(row) for row in dx])


def taylor_symmetrized(f0, g, H, dx, order):
    H = np.asarray(H, dtype=float)
    dx = np.asarray(dx, dtype=float)
    batch = np.atleast_2d(dx)
    S = 0.5 * (H + H.T)
    out = np.full(batch.shape[0], float(f0))
    if order >= 1:
        out += batch @ np.asarray(g, dtype=float)
    if order == 2:
        out += 0.5 * np.sum((batch @ S) * batch, axis=1)
    return out if dx.ndim == 2 else out[0]


def taylor_tensordot(f0, g, H, dx, order):
    dx = np.asarray(dx, dtype=float)
    value = np.zeros(dx.shape[:-1]) + float(f0)
    if order >= 1:
        value = value + np.tensordot(dx, np.asarray(g, dtype=float), axes=([-1], [0]))
    if order >= 2:
        value = value + 0.5 * np.sum(np.tensordot(dx, np.asarray(H, dtype=float), axes=([-1], [0])) * dx, axis=-1)
    return value


def mutant_taylor_missing_half(f0, g, H, dx, order):
    dx = np.asarray(dx, dtype=float)
    value = np.full(dx.shape[:-1], float(f0))
    if order >= 1:
        value = value + dx @ np.asarray(g, dtype=float)
    if order == 2:
        value = value + np.einsum("...i,ij,...j->...", dx, np.asarray(H, dtype=float), dx)
    return value


def mutant_taylor_batch_matrix_product(f0, g, H, dx, order):
    dx = np.asarray(dx, dtype=float)
    value = float(f0)
    if order >= 1:
        value = value + dx @ np.asarray(g, dtype=float)
    if order == 2:
        value = value + 0.5 * dx @ np.asarray(H, dtype=float) @ dx.T
    return np.zeros(dx.shape[:-1]) + value


def mutant_taylor_order_one_with_H(f0, g, H, dx, order):
    dx = np.asarray(dx, dtype=float)
    value = np.full(dx.shape[:-1], float(f0))
    if order >= 1:
        value = value + dx @ np.asarray(g, dtype=float) + 0.5 * np.einsum("...i,ij,...j->...", dx, np.asarray(H, dtype=float), dx)
    return value


def mutant_taylor_order_zero_scalar(f0, g, H, dx, order):
    """Order 0 returns f0 itself, a scalar, even for a batch of displacements (not one of the listed
    mistakes: it shows that the order-0 edge-case test has teeth)."""
    if order == 0:
        return float(f0)
    return taylor_tensordot(f0, g, H, dx, order)


# --------------------------------------------------------------------------------------------------
# 05.4 taylor_test_residuals


def residuals_linear_model_first(f, grad_f, x0, d, eps):
    x0 = np.asarray(x0, dtype=float)
    d = np.asarray(d, dtype=float)
    eps = np.atleast_1d(np.asarray(eps, dtype=float))
    f0 = f(x0)
    gd = np.dot(grad_f(x0), d)
    values = np.array([f(x0 + e * d) for e in eps], dtype=float)
    linear_model = f0 + eps * gd
    return np.abs(values - linear_model)


def residuals_difference_quotient(f, grad_f, x0, d, eps):
    """|eps| * |(f(x0 + eps d) - f(x0)) / eps - grad.d|: the same quantity, computed as a scaled slope error."""
    x0 = np.asarray(x0, dtype=float)
    d = np.asarray(d, dtype=float)
    f0 = float(f(x0))
    gd = float(np.sum(np.asarray(grad_f(x0), dtype=float) * d))
    return np.array([abs(e) * abs((float(f(x0 + e * d)) - f0) / e - gd) for e in np.atleast_1d(eps)], dtype=float)


def residuals_fromiter(f, grad_f, x0, d, eps):
    x0 = np.array(x0, dtype=float)
    d = np.array(d, dtype=float)
    eps = np.atleast_1d(np.array(eps, dtype=float))
    f0 = float(f(x0))
    gd = math.fsum(np.asarray(grad_f(x0), dtype=float) * d)
    return np.fromiter((abs(float(f(x0 + e * d)) - f0 - e * gd) for e in eps), dtype=float, count=eps.size)


def mutant_residuals_no_abs(f, grad_f, x0, d, eps):
    x0 = np.asarray(x0, dtype=float)
    d = np.asarray(d, dtype=float)
    gd = float(np.asarray(grad_f(x0)) @ d)
    return np.array([float(f(x0 + e * d)) - float(f(x0)) - e * gd for e in np.atleast_1d(eps)])


def mutant_residuals_eps_squared(f, grad_f, x0, d, eps):
    x0 = np.asarray(x0, dtype=float)
    d = np.asarray(d, dtype=float)
    gd = float(np.asarray(grad_f(x0)) @ d)
    return np.array([abs(float(f(x0 + e * d)) - float(f(x0)) - e**2 * gd) for e in np.atleast_1d(eps)])


def mutant_residuals_gradient_at_shifted_point(f, grad_f, x0, d, eps):
    x0 = np.asarray(x0, dtype=float)
    d = np.asarray(d, dtype=float)
    out = []
    for e in np.atleast_1d(eps):
        x = x0 + e * d
        out.append(abs(float(f(x)) - float(f(x0)) - e * float(np.asarray(grad_f(x)) @ d)))
    return np.array(out)


# --------------------------------------------------------------------------------------------------
# 05.5 polar_partials


def polar_jacobian_transpose(grad_xy, r, theta):
    J = np.array([[np.cos(theta), -r * np.sin(theta)], [np.sin(theta), r * np.cos(theta)]])
    return J.T @ np.asarray(grad_xy, dtype=float)


def polar_complex(grad_xy, r, theta):
    """(fx + i fy) e^{-i theta} = (df/dr) + i (df/dtheta) / r."""
    fx, fy = (float(v) for v in grad_xy)
    w = complex(fx, fy) * complex(math.cos(theta), -math.sin(theta))
    return np.array([w.real, r * w.imag])


def mutant_polar_missing_r(grad_xy, r, theta):
    fx, fy = np.asarray(grad_xy, dtype=float)
    return np.array([fx * np.cos(theta) + fy * np.sin(theta), fy * np.cos(theta) - fx * np.sin(theta)])


def mutant_polar_sign_error(grad_xy, r, theta):
    fx, fy = np.asarray(grad_xy, dtype=float)
    return np.array([fx * np.cos(theta) + fy * np.sin(theta), r * (fy * np.cos(theta) + fx * np.sin(theta))])


def mutant_polar_swapped(grad_xy, r, theta):
    return polar_jacobian_transpose(grad_xy, r, theta)[::-1].copy()


# --------------------------------------------------------------------------------------------------
# 05.6 newton_step


def newton_lu(g, H, x):
    factor = scipy.linalg.lu_factor(np.asarray(H, dtype=float))
    return np.asarray(x, dtype=float) - scipy.linalg.lu_solve(factor, np.asarray(g, dtype=float))


def newton_lstsq(g, H, x):
    step = np.linalg.lstsq(np.asarray(H, dtype=float), np.asarray(g, dtype=float), rcond=None)[0]
    return np.asarray(x, dtype=float) - step


def newton_qr(g, H, x):
    Q, R = np.linalg.qr(np.asarray(H, dtype=float))
    step = scipy.linalg.solve_triangular(R, Q.T @ np.asarray(g, dtype=float))
    return np.asarray(x, dtype=float) - step


def mutant_newton_plus(g, H, x):
    return np.asarray(x, dtype=float) + np.linalg.solve(np.asarray(H, dtype=float), np.asarray(g, dtype=float))


def mutant_newton_row_vector_inverse(g, H, x):
    return np.asarray(x, dtype=float) - np.asarray(g, dtype=float) @ np.linalg.inv(np.asarray(H, dtype=float))


def mutant_newton_transposed(g, H, x):
    return np.asarray(x, dtype=float) - np.linalg.solve(np.asarray(H, dtype=float).T, np.asarray(g, dtype=float))


# --------------------------------------------------------------------------------------------------
# 05.7 logistic_loss_grad_sym


def _logistic_symbols():
    return sympy.symbols("w1 w2 x1 x2 y", real=True)


def logistic_closed_form():
    w1, w2, x1, x2, y = _logistic_symbols()
    m = y * (w1 * x1 + w2 * x2)
    return [-y * x1 / (1 + sympy.exp(m)), -y * x2 / (1 + sympy.exp(m))]


def logistic_jacobian():
    w1, w2, x1, x2, y = _logistic_symbols()
    loss = sympy.Matrix([sympy.log(1 + sympy.exp(-y * (w1 * x1 + w2 * x2)))])
    J = loss.jacobian([w1, w2])
    return [sympy.simplify(J[0, 0]), sympy.simplify(J[0, 1])]


def logistic_sigmoid_form():
    w1, w2, x1, x2, y = _logistic_symbols()
    z = -y * (w1 * x1 + w2 * x2)
    sigma = sympy.exp(z) / (1 + sympy.exp(z))
    return [-y * x1 * sigma, -y * x2 * sigma]


def mutant_logistic_missing_minus_y():
    w1, w2, x1, x2, y = _logistic_symbols()
    m = y * (w1 * x1 + w2 * x2)
    return [x1 / (1 + sympy.exp(m)), x2 / (1 + sympy.exp(m))]


def mutant_logistic_wrt_x():
    w1, w2, x1, x2, y = _logistic_symbols()
    loss = sympy.log(1 + sympy.exp(-y * (w1 * x1 + w2 * x2)))
    return [sympy.diff(loss, x1), sympy.diff(loss, x2)]


def mutant_logistic_missing_x():
    w1, w2, x1, x2, y = _logistic_symbols()
    m = y * (w1 * x1 + w2 * x2)
    return [-y / (1 + sympy.exp(m)), -y / (1 + sympy.exp(m))]


# --------------------------------------------------------------------------------------------------

EXERCISES = [
    Exercise(
        "q05_1",
        alternatives={
            "normalize v, then dot": directional_normalize_first,
            "math.hypot and math.fsum": directional_math,
        },
        mutants={
            "v not normalized": mutant_directional_not_normalized,
            "returns the vector grad * v": mutant_directional_elementwise,
        },
    ),
    Exercise(
        "q05_2",
        alternatives={
            "expanded polynomial": rosen_expanded_polynomial,
            "residual (Gauss-Newton) structure": rosen_residual_structure,
            "torch.func autograd": rosen_torch_autograd,
        },
        mutants={
            "H00 with b = 100 hard-coded": mutant_rosen_hardcoded_b,
            "sign error in df/dx": mutant_rosen_sign_error,
            "asymmetric Hessian": mutant_rosen_asymmetric_hessian,
        },
    ),
    Exercise(
        "q05_3",
        alternatives={
            "loop over rows": taylor_row_loop,
            "symmetrized H, elementwise quadratic form": taylor_symmetrized,
            "tensordot": taylor_tensordot,
        },
        mutants={
            "missing 1/2": mutant_taylor_missing_half,
            "dx @ H @ dx.T on a batch (n x n)": mutant_taylor_batch_matrix_product,
            "order 1 includes H": mutant_taylor_order_one_with_H,
            "order 0 returns a scalar for a batch": mutant_taylor_order_zero_scalar,
        },
    ),
    Exercise(
        "q05_4",
        alternatives={
            "vectorized linear model": residuals_linear_model_first,
            "scaled difference quotient": residuals_difference_quotient,
            "np.fromiter with math.fsum": residuals_fromiter,
        },
        mutants={
            "absolute value dropped": mutant_residuals_no_abs,
            "eps^2 in the linear term": mutant_residuals_eps_squared,
            "gradient evaluated at x0 + eps d": mutant_residuals_gradient_at_shifted_point,
        },
    ),
    Exercise(
        "q05_5",
        alternatives={
            "Jacobian transpose": polar_jacobian_transpose,
            "complex rotation": polar_complex,
        },
        mutants={
            "factor r missing in df/dtheta": mutant_polar_missing_r,
            "sign of the -r sin(theta) term": mutant_polar_sign_error,
            "outputs swapped": mutant_polar_swapped,
        },
    ),
    Exercise(
        "q05_6",
        alternatives={
            "scipy LU factor/solve": newton_lu,
            "least squares": newton_lstsq,
            "QR and a triangular solve": newton_qr,
        },
        mutants={
            "x + H^-1 g": mutant_newton_plus,
            "g @ inv(H)": mutant_newton_row_vector_inverse,
            "solve with H.T": mutant_newton_transposed,
        },
    ),
    Exercise(
        "q05_7",
        alternatives={
            "closed form -y x / (1 + exp(y w.x))": logistic_closed_form,
            "sympy Matrix.jacobian, simplified": logistic_jacobian,
            "sigmoid written with exp(z) / (1 + exp(z))": logistic_sigmoid_form,
        },
        mutants={
            "missing -y factor": mutant_logistic_missing_minus_y,
            "derivative with respect to x": mutant_logistic_wrt_x,
            "chain-rule factor x_i dropped": mutant_logistic_missing_x,
        },
    ),
]


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.question)
def test_fair_and_sharp(exercise):
    assert_fair_and_sharp("05", exercise)
