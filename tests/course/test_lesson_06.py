"""Fairness and sharpness of Lesson 06 (Optimization Fundamentals).

For every exercise: alternative correct implementations (different valid methods) must score full marks,
and one mutant per "mistake to catch" of the curriculum must fail at least one hidden test.
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy

from aimath.checks.meta import Exercise, assert_fair_and_sharp

# --------------------------------------------------------------------------------------------------
# 06.1 is_convex_quadratic


def convex_cholesky(Q, tol=1e-10):
    """PSD test by attempting a Cholesky factorization of the shifted symmetric part."""
    Q = np.asarray(Q, dtype=float)
    S = 0.5 * (Q + Q.T)
    shift = tol * max(1.0, float(np.linalg.norm(Q, 2)))
    try:
        # S + shift*I is PD iff lambda_min(S) > -shift; the tests stay far from equality
        np.linalg.cholesky(S + shift * np.eye(S.shape[0]))
        return True
    except np.linalg.LinAlgError:
        return False


def convex_svd_fro(Q, tol=1e-10):
    """lambda_min of the symmetric part from scipy's eigh (subset) with the Frobenius norm as scale."""
    import scipy.linalg

    Q = np.asarray(Q, dtype=float)
    S = (Q + Q.T) / 2
    lam_min = scipy.linalg.eigh(S, eigvals_only=True, subset_by_index=[0, 0])[0]
    return bool(lam_min >= -tol * max(1.0, float(np.linalg.norm(Q, "fro"))))


def mutant_eigvalsh_of_Q(Q, tol=1e-10):
    Q = np.asarray(Q, dtype=float)
    return bool(np.linalg.eigvalsh(Q)[0] >= -tol * max(1.0, float(np.linalg.norm(Q, 2))))


def mutant_strict_positivity(Q, tol=1e-10):
    Q = np.asarray(Q, dtype=float)
    S = 0.5 * (Q + Q.T)
    return bool(np.linalg.eigvalsh(S)[0] > tol * max(1.0, float(np.linalg.norm(Q, 2))))


def mutant_eig_complex(Q, tol=1e-10):
    Q = np.asarray(Q, dtype=float)
    vals = np.linalg.eig(Q)[0]
    return bool(np.min(vals.real) >= -tol * max(1.0, float(np.linalg.norm(Q, 2))))


def mutant_largest_eigenvalue(Q, tol=1e-10):
    """eigvalsh sorts ascending; taking [-1] tests lambda_max (not a listed mistake: proves the power of the
    random-matrix test)."""
    Q = np.asarray(Q, dtype=float)
    return bool(np.linalg.eigvalsh(0.5 * (Q + Q.T))[-1] >= -tol * max(1.0, float(np.linalg.norm(Q, 2))))


def mutant_symmetrizes_in_place(Q, tol=1e-10):
    """Overwrites the caller's array with its symmetric part (not a listed mistake: proves the power of the
    no-mutation test)."""
    if isinstance(Q, np.ndarray) and Q.dtype == float:
        Q += Q.T.copy()
        Q *= 0.5
    else:
        Q = 0.5 * (np.asarray(Q, dtype=float) + np.asarray(Q, dtype=float).T)
    return bool(np.linalg.eigvalsh(Q)[0] >= -tol * max(1.0, float(np.linalg.norm(Q, 2))))


# --------------------------------------------------------------------------------------------------
# 06.2 solve_equality_qp


def _qp_inputs(Q, c, A, b):
    Q = np.asarray(Q, dtype=float)
    c = np.asarray(c, dtype=float).reshape(-1)
    d = c.size
    return Q, c, np.asarray(A, dtype=float).reshape(-1, d), np.asarray(b, dtype=float).reshape(-1)


def qp_lstsq_kkt(Q, c, A, b):
    """The same KKT system, assembled by index assignment and solved by least squares."""
    Q, c, A, b = _qp_inputs(Q, c, A, b)
    d, m = c.size, A.shape[0]
    K = np.zeros((d + m, d + m))
    K[:d, :d] = Q
    K[:d, d:] = A.T
    K[d:, :d] = A
    sol = np.linalg.lstsq(K, np.concatenate([-c, b]), rcond=None)[0]
    return sol[:d], sol[d:]


def qp_null_space(Q, c, A, b):
    """Null-space method (N&W §16.2): x = x_p + Z z with A Z = 0, then lam from A^T lam = -(Qx + c)."""
    Q, c, A, b = _qp_inputs(Q, c, A, b)
    m = A.shape[0]
    if m == 0:
        return np.linalg.solve(Q, -c), np.zeros(0)
    U, s, Vt = np.linalg.svd(A)
    x_p = Vt[:m].T @ ((U.T @ b) / s)
    Z = Vt[m:].T
    z = np.linalg.solve(Z.T @ Q @ Z, -Z.T @ (Q @ x_p + c))
    x = x_p + Z @ z
    lam = np.linalg.lstsq(A.T, -(Q @ x + c), rcond=None)[0]
    return x, lam


def mutant_lambda_sign(Q, c, A, b):
    Q, c, A, b = _qp_inputs(Q, c, A, b)
    d, m = c.size, A.shape[0]
    sol = np.linalg.solve(np.block([[Q, A.T], [A, np.zeros((m, m))]]), np.concatenate([-c, b]))
    return sol[:d], -sol[d:]


def mutant_blocks_misplaced(Q, c, A, b):
    Q, c, A, b = _qp_inputs(Q, c, A, b)
    d = c.size
    K = np.block([[Q, A], [A.T, np.zeros((d, d))]])  # A and A^T swapped
    sol = np.linalg.solve(K, np.concatenate([-c, b]))
    return sol[:d], sol[d:]


def mutant_blocks_rows_swapped(Q, c, A, b):
    """The block rows of the KKT matrix in the wrong order: a square system that runs for every shape."""
    Q, c, A, b = _qp_inputs(Q, c, A, b)
    d, m = c.size, A.shape[0]
    K = np.block([[A, np.zeros((m, m))], [Q, A.T]])
    sol = np.linalg.solve(K, np.concatenate([-c, b]))
    return sol[:d], sol[d:]


def mutant_q_inverse(Q, c, A, b):
    Q, c, A, b = _qp_inputs(Q, c, A, b)
    Qi = np.linalg.inv(Q)
    lam = np.linalg.solve(A @ Qi @ A.T, -b - A @ Qi @ c) if A.shape[0] else np.zeros(0)
    return -Qi @ (c + A.T @ lam), lam


# --------------------------------------------------------------------------------------------------
# 06.3 project_onto_simplex


def simplex_bisection(v):
    """Bisection on the threshold theta of sum(max(v - theta, 0)) = 1, then the exact theta on the support."""
    v = np.asarray(v, dtype=float).reshape(-1)
    lo, hi = v.min() - 1.0, v.max()
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if np.maximum(v - mid, 0.0).sum() > 1.0:
            lo = mid
        else:
            hi = mid
    support = v > hi
    theta = (v[support].sum() - 1.0) / support.sum()
    return np.maximum(v - theta, 0.0)


def simplex_michelot(v):
    """Michelot (1986): repeatedly project onto the affine hull of the support and drop negative coordinates."""
    v = np.asarray(v, dtype=float).reshape(-1)
    active = np.ones(v.size, dtype=bool)
    while True:
        theta = (v[active].sum() - 1.0) / active.sum()
        new_active = active & (v - theta > 0)
        if new_active.sum() == active.sum():
            break
        active = new_active
    return np.where(active, v - theta, 0.0)


def mutant_clip_renormalize(v):
    v = np.asarray(v, dtype=float)
    w = np.maximum(v, 0.0)
    return w / w.sum()


def mutant_sort_ascending(v):
    v = np.asarray(v, dtype=float)
    u = np.sort(v)
    css = np.cumsum(u)
    j = np.arange(1, v.size + 1)
    rho = np.nonzero(u - (css - 1.0) / j > 0)[0][-1]
    theta = (css[rho] - 1.0) / (rho + 1)
    return np.maximum(v - theta, 0.0)


def mutant_rho_off_by_one(v):
    v = np.asarray(v, dtype=float)
    u = np.sort(v)[::-1]
    css = np.cumsum(u)
    j = np.arange(1, v.size + 1)
    rho = np.nonzero(u - (css - 1.0) / j > 0)[0][-1]
    theta = (css[rho] - 1.0) / max(rho, 1)  # 0-based rho used as the count
    return np.maximum(v - theta, 0.0)


def mutant_softmax(v):
    v = np.asarray(v, dtype=float)
    e = np.exp(v - v.max())
    return e / e.sum()


# --------------------------------------------------------------------------------------------------
# 06.4 kkt_check


def kkt_loops_euclidean(grad_f, grads_g, grads_h, g_vals, h_vals, mu, lam, tol=1e-8):
    """Loops over constraints; Euclidean norm of the stationarity residual."""
    grad_f = [float(v) for v in np.asarray(grad_f, dtype=float).ravel()]
    d = len(grad_f)
    r = list(grad_f)
    for gi, mi in zip(np.asarray(grads_g, dtype=float).reshape(-1, d), np.asarray(mu, dtype=float).ravel()):
        r = [a + mi * b for a, b in zip(r, gi)]
    for hj, lj in zip(np.asarray(grads_h, dtype=float).reshape(-1, d), np.asarray(lam, dtype=float).ravel()):
        r = [a + lj * b for a, b in zip(r, hj)]
    g = [float(v) for v in np.asarray(g_vals, dtype=float).ravel()]
    h = [float(v) for v in np.asarray(h_vals, dtype=float).ravel()]
    mu = [float(v) for v in np.asarray(mu, dtype=float).ravel()]
    return {
        "stationarity": sum(a * a for a in r) ** 0.5 <= tol,
        "primal_feasibility": all(v <= tol for v in g) and all(abs(v) <= tol for v in h),
        "dual_feasibility": all(v >= -tol for v in mu),
        "complementary_slackness": all(abs(a * b) <= tol for a, b in zip(mu, g)),
    }


def kkt_einsum_maxnorm(grad_f, grads_g, grads_h, g_vals, h_vals, mu, lam, tol=1e-8):
    """einsum for the residual; max-based checks."""
    grad_f = np.asarray(grad_f, dtype=float)
    d = grad_f.size
    Gg = np.asarray(grads_g, dtype=float).reshape(-1, d)
    Gh = np.asarray(grads_h, dtype=float).reshape(-1, d)
    mu = np.asarray(mu, dtype=float)
    g = np.asarray(g_vals, dtype=float)
    h = np.asarray(h_vals, dtype=float)
    r = grad_f + np.einsum("md,m->d", Gg, mu) + np.einsum("pd,p->d", Gh, np.asarray(lam, dtype=float))
    worst = lambda a: float(np.max(a, initial=-np.inf))  # noqa: E731
    return {
        "stationarity": worst(np.abs(r)) <= tol,
        "primal_feasibility": max(worst(g), worst(np.abs(h))) <= tol,
        "dual_feasibility": worst(-mu) <= tol,
        "complementary_slackness": worst(np.abs(mu * g)) <= tol,
    }


def _kkt_parts(grad_f, grads_g, grads_h, g_vals, h_vals, mu, lam):
    grad_f = np.asarray(grad_f, dtype=float)
    d = grad_f.size
    return (grad_f, np.asarray(grads_g, dtype=float).reshape(-1, d), np.asarray(grads_h, dtype=float).reshape(-1, d),
            np.asarray(g_vals, dtype=float), np.asarray(h_vals, dtype=float), np.asarray(mu, dtype=float),
            np.asarray(lam, dtype=float))


def mutant_kkt_sign(grad_f, grads_g, grads_h, g_vals, h_vals, mu, lam, tol=1e-8):
    grad_f, Gg, Gh, g, h, mu, lam = _kkt_parts(grad_f, grads_g, grads_h, g_vals, h_vals, mu, lam)
    r = grad_f - Gg.T @ mu - Gh.T @ lam
    return {"stationarity": bool(np.all(np.abs(r) <= tol)),
            "primal_feasibility": bool(np.all(g <= tol) and np.all(np.abs(h) <= tol)),
            "dual_feasibility": bool(np.all(mu >= -tol)),
            "complementary_slackness": bool(np.all(np.abs(mu * g) <= tol))}


def mutant_kkt_exact_complementarity(grad_f, grads_g, grads_h, g_vals, h_vals, mu, lam, tol=1e-8):
    grad_f, Gg, Gh, g, h, mu, lam = _kkt_parts(grad_f, grads_g, grads_h, g_vals, h_vals, mu, lam)
    r = grad_f + Gg.T @ mu + Gh.T @ lam
    return {"stationarity": bool(np.all(np.abs(r) <= tol)),
            "primal_feasibility": bool(np.all(g <= tol) and np.all(np.abs(h) <= tol)),
            "dual_feasibility": bool(np.all(mu >= -tol)),
            "complementary_slackness": bool(np.all(mu * g == 0))}


def mutant_kkt_ignores_h(grad_f, grads_g, grads_h, g_vals, h_vals, mu, lam, tol=1e-8):
    """Primal feasibility checks the inequalities only (not one of the listed mistakes: proves the
    power of the infeasible-point test)."""
    grad_f, Gg, Gh, g, h, mu, lam = _kkt_parts(grad_f, grads_g, grads_h, g_vals, h_vals, mu, lam)
    r = grad_f + Gg.T @ mu + Gh.T @ lam
    return {"stationarity": bool(np.all(np.abs(r) <= tol)),
            "primal_feasibility": bool(np.all(g <= tol)),
            "dual_feasibility": bool(np.all(mu >= -tol)),
            "complementary_slackness": bool(np.all(np.abs(mu * g) <= tol))}


def mutant_kkt_abs_g(grad_f, grads_g, grads_h, g_vals, h_vals, mu, lam, tol=1e-8):
    grad_f, Gg, Gh, g, h, mu, lam = _kkt_parts(grad_f, grads_g, grads_h, g_vals, h_vals, mu, lam)
    r = grad_f + Gg.T @ mu + Gh.T @ lam
    return {"stationarity": bool(np.all(np.abs(r) <= tol)),
            "primal_feasibility": bool(np.all(np.abs(g) <= tol) and np.all(np.abs(h) <= tol)),
            "dual_feasibility": bool(np.all(mu >= -tol)),
            "complementary_slackness": bool(np.all(np.abs(mu * g) <= tol))}


# --------------------------------------------------------------------------------------------------
# 06.5 water_filling


def water_bisection(alpha, total):
    """Bisection on the level L in [min alpha, min alpha + total], 200 halvings, then the exact level."""
    alpha = np.asarray(alpha, dtype=float)
    total = float(total)
    lo, hi = alpha.min(), alpha.min() + total
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if np.maximum(0.0, mid - alpha).sum() < total:
            lo = mid
        else:
            hi = mid
    wet = alpha <= hi
    level = (total + alpha[wet].sum()) / wet.sum()
    return np.maximum(0.0, level - alpha)


def water_active_set(alpha, total):
    """Start with all channels wet and drop dry ones until the level is consistent (loop form)."""
    alpha = np.asarray(alpha, dtype=float)
    total = float(total)
    wet = np.ones(alpha.size, dtype=bool)
    while True:
        level = (total + alpha[wet].sum()) / wet.sum()
        new_wet = wet & (alpha < level)
        if new_wet.sum() == wet.sum() or new_wet.sum() == 0:
            break
        wet = new_wet
    return np.maximum(0.0, level - alpha)


def mutant_negative_allocations(alpha, total):
    alpha = np.asarray(alpha, dtype=float)
    level = (float(total) + alpha.sum()) / alpha.size
    return level - alpha


def mutant_loose_bisection(alpha, total):
    alpha = np.asarray(alpha, dtype=float)
    total = float(total)
    lo, hi = alpha.min(), alpha.min() + total
    while hi - lo > 1e-4:
        mid = 0.5 * (lo + hi)
        if np.maximum(0.0, mid - alpha).sum() < total:
            lo = mid
        else:
            hi = mid
    return np.maximum(0.0, 0.5 * (lo + hi) - alpha)


def mutant_absolute_stopping_rule(alpha, total):
    """Bisection until hi - lo <= 1e-12 in absolute terms: never stops once the spacing of floats near the
    level exceeds 1e-12 (a level of about 1e5 or more), so the CPU time limit ends it (not a listed
    mistake: proves the power of the huge-total test)."""
    alpha = np.asarray(alpha, dtype=float)
    total = float(total)
    lo, hi = alpha.min(), alpha.min() + total
    while hi - lo > 1e-12:
        mid = 0.5 * (lo + hi)
        if np.maximum(0.0, mid - alpha).sum() < total:
            lo = mid
        else:
            hi = mid
    wet = alpha <= hi
    level = (total + alpha[wet].sum()) / wet.sum()
    return np.maximum(0.0, level - alpha)


def mutant_wrong_active_count(alpha, total):
    alpha = np.asarray(alpha, dtype=float)
    total = float(total)
    a = np.sort(alpha)
    k = np.arange(1, a.size + 1)
    levels = (total + np.cumsum(a)) / k
    wet = np.nonzero(a < levels)[0]
    i = wet[-1] if wet.size else 0
    level = levels[min(i + 1, a.size - 1)]  # one channel too many
    return np.maximum(0.0, level - alpha)


# --------------------------------------------------------------------------------------------------
# 06.6 lagrange_candidates_sym


def lagrange_parallel_gradients():
    """Eliminate lambda: grad f || grad h  <=>  det[grad f, grad h] = 0, together with h = 0."""
    x, y = sympy.symbols("x y", real=True)
    f = x**2 * y
    h = x**2 + y**2 - 3
    det = sympy.diff(f, x) * sympy.diff(h, y) - sympy.diff(f, y) * sympy.diff(h, x)
    return [(s[x], s[y]) for s in sympy.solve([det, h], [x, y], dict=True)]


def lagrange_nonlinsolve():
    """sympy.nonlinsolve on the full Lagrange system, then drop the multiplier."""
    x, y, lam = sympy.symbols("x y lambda", real=True)
    f = x**2 * y
    h = x**2 + y**2 - 3
    L = f - lam * h  # the other sign convention gives the same points
    sols = sympy.nonlinsolve([sympy.diff(L, x), sympy.diff(L, y), h], [x, y, lam])
    return [(s[0], s[1]) for s in sols]


def mutant_divide_by_x():
    x, y, lam = sympy.symbols("x y lambda", real=True)
    h = x**2 + y**2 - 3
    # 2xy + 2 lam x = 0 divided by x: y + lam = 0
    sols = sympy.solve([y + lam, x**2 + 2 * lam * y, h], [x, y, lam], dict=True)
    return [(s[x], s[y]) for s in sols]


def mutant_only_maxima():
    x, y, lam = sympy.symbols("x y lambda", real=True)
    f = x**2 * y
    h = x**2 + y**2 - 3
    L = f + lam * h
    sols = sympy.solve([sympy.diff(L, x), sympy.diff(L, y), h], [x, y, lam], dict=True)
    pts = [(s[x], s[y]) for s in sols]
    best = max(f.subs({x: p[0], y: p[1]}) for p in pts)
    return [p for p in pts if f.subs({x: p[0], y: p[1]}) == best]


def mutant_floats():
    """The right points as floating-point numbers (the exercise asks for exact SymPy numbers)."""
    x, y, lam = sympy.symbols("x y lambda", real=True)
    f = x**2 * y
    h = x**2 + y**2 - 3
    L = f + lam * h
    sols = sympy.solve([sympy.diff(L, x), sympy.diff(L, y), h], [x, y, lam], dict=True)
    return [(sympy.N(s[x]), sympy.N(s[y])) for s in sols]


def mutant_with_lambda():
    x, y, lam = sympy.symbols("x y lambda", real=True)
    f = x**2 * y
    h = x**2 + y**2 - 3
    L = f + lam * h
    sols = sympy.solve([sympy.diff(L, x), sympy.diff(L, y), h], [x, y, lam], dict=True)
    return [(s[x], s[y], s[lam]) for s in sols]


# --------------------------------------------------------------------------------------------------

EXERCISES = [
    Exercise(
        "q06_1",
        alternatives={"Cholesky of the shifted symmetric part": convex_cholesky,
                      "scipy eigh subset, Frobenius scale": convex_svd_fro},
        mutants={"eigvalsh on non-symmetric Q": mutant_eigvalsh_of_Q,
                 "requires strict positivity": mutant_strict_positivity,
                 "np.linalg.eig (complex values) of Q": mutant_eig_complex,
                 "lambda_max instead of lambda_min (extra)": mutant_largest_eigenvalue,
                 "symmetrizes Q in place (extra)": mutant_symmetrizes_in_place},
    ),
    Exercise(
        "q06_2",
        alternatives={"KKT system by lstsq": qp_lstsq_kkt, "null-space method": qp_null_space},
        mutants={"lambda sign flipped": mutant_lambda_sign,
                 "KKT blocks misplaced (A and A^T swapped: crashes unless m = d)": mutant_blocks_misplaced,
                 "KKT block rows in the wrong order (runs)": mutant_blocks_rows_swapped,
                 "eliminate x via Q^-1": mutant_q_inverse},
    ),
    Exercise(
        "q06_3",
        alternatives={"bisection on theta": simplex_bisection, "Michelot active set": simplex_michelot},
        mutants={"clip then renormalize": mutant_clip_renormalize,
                 "sorted ascending": mutant_sort_ascending,
                 "rho off by one": mutant_rho_off_by_one,
                 "softmax": mutant_softmax},
    ),
    Exercise(
        "q06_4",
        alternatives={"loops, Euclidean norm": kkt_loops_euclidean, "einsum, max norm": kkt_einsum_maxnorm},
        mutants={"stationarity sign convention": mutant_kkt_sign,
                 "exact complementary slackness": mutant_kkt_exact_complementarity,
                 "|g| <= tol": mutant_kkt_abs_g,
                 "primal feasibility ignores h (extra)": mutant_kkt_ignores_h},
    ),
    Exercise(
        "q06_5",
        alternatives={"bisection on the level": water_bisection, "iterative active set": water_active_set},
        mutants={"ignores x >= 0": mutant_negative_allocations,
                 "loose bisection (1e-4)": mutant_loose_bisection,
                 "level from the wrong number of channels": mutant_wrong_active_count,
                 "absolute 1e-12 bisection stop, never ends at huge levels (extra)": mutant_absolute_stopping_rule},
    ),
    Exercise(
        "q06_6",
        alternatives={"parallel gradients (no lambda)": lagrange_parallel_gradients,
                      "nonlinsolve, other sign": lagrange_nonlinsolve},
        mutants={"dropped the x = 0 branch": mutant_divide_by_x,
                 "only the maxima": mutant_only_maxima,
                 "returns lambda with the points": mutant_with_lambda,
                 "floats instead of exact numbers (extra)": mutant_floats},
    ),
]


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.question)
def test_fair_and_sharp(exercise):
    assert_fair_and_sharp("06", exercise)
