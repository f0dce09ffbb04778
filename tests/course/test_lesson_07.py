"""Fairness and sharpness of Lesson 07 (Gradient Descent Theory).

For every exercise: alternative correct implementations (different valid methods) must score full marks,
and one mutant per "mistake to catch" of the curriculum must fail at least one hidden test.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch  # imported here: an import inside a timed call would count against its 1 s CPU limit

from aimath.checks.meta import Exercise, assert_fair_and_sharp

# --------------------------------------------------------------------------------------------------
# 07.1 gradient_descent


def gd_list_of_copies(grad, x0, lr, n_steps):
    """Collect new arrays in a list and stack them."""
    x = np.asarray(x0, dtype=float).copy()
    rows = [x]
    for _ in range(n_steps):
        x = x - lr * np.asarray(grad(x), dtype=float)
        rows.append(x)
    return np.vstack(rows)


def gd_preallocated_rows(grad, x0, lr, n_steps):
    """Fill a preallocated array row by row, reading the previous row."""
    x0 = np.asarray(x0, dtype=float).ravel()
    out = np.zeros((n_steps + 1, x0.size))
    out[0] = x0
    for t in range(n_steps):
        out[t + 1] = out[t] - lr * np.asarray(grad(out[t].copy()), dtype=float)
    return out


def mutant_gd_excludes_x0(grad, x0, lr, n_steps):
    x = np.asarray(x0, dtype=float).copy()
    rows = []
    for _ in range(n_steps):
        x = x - lr * grad(x)
        rows.append(x)
    return np.array(rows).reshape(n_steps, x.size)


def mutant_gd_same_object(grad, x0, lr, n_steps):
    x = np.array(x0, dtype=float)
    rows = [x]
    for _ in range(n_steps):
        x -= lr * grad(x)  # in place: every row is the same array
        rows.append(x)
    return np.array(rows)


def mutant_gd_mutates_x0(grad, x0, lr, n_steps):
    x = np.asarray(x0, dtype=float)  # no copy for a float array: the caller's x0 is updated in place
    rows = [x.copy()]
    for _ in range(n_steps):
        x -= lr * grad(x)
        rows.append(x.copy())
    return np.array(rows)


# --------------------------------------------------------------------------------------------------
# 07.2 quadratic_gd_step_and_rate


def step_rate_svd(Q):
    """Singular values equal the eigenvalues of an SPD matrix."""
    s = np.linalg.svd(np.asarray(Q, dtype=float), compute_uv=False)
    L, mu = s[0], s[-1]
    return float(2.0 / (L + mu)), float((L - mu) / (L + mu))


def step_rate_norms(Q):
    """L = ||Q||_2 and mu = 1 / ||Q^-1||_2."""
    Q = np.asarray(Q, dtype=float)
    L = np.linalg.norm(Q, 2)
    mu = 1.0 / np.linalg.norm(np.linalg.inv(Q), 2)
    kappa = L / mu
    return float(2.0 / (L + mu)), float((kappa - 1.0) / (kappa + 1.0))


def mutant_step_one_over_L(Q):
    lam = np.linalg.eigvalsh(np.asarray(Q, dtype=float))
    kappa = lam[-1] / lam[0]
    return float(1.0 / lam[-1]), float((kappa - 1) / (kappa + 1))


def mutant_inverted_kappa(Q):
    lam = np.linalg.eigvalsh(np.asarray(Q, dtype=float))
    kappa = lam[0] / lam[-1]
    return float(2.0 / (lam[0] + lam[-1])), float((kappa - 1) / (kappa + 1))


def mutant_step_two_over_L(Q):
    """The stability limit 2/L used as the step (not a listed mistake: proves the power of the Q = cI test)."""
    lam = np.linalg.eigvalsh(np.asarray(Q, dtype=float))
    return float(2.0 / lam[-1]), float((lam[-1] - lam[0]) / (lam[-1] + lam[0]))


def mutant_diagonal_entries(Q):
    diag = np.diag(np.asarray(Q, dtype=float))
    L, mu = diag.max(), diag.min()
    return float(2.0 / (L + mu)), float((L - mu) / (L + mu))


# --------------------------------------------------------------------------------------------------
# 07.3 sgd_momentum


def momentum_lr_scaled_velocity(grad, x0, lr, beta, n_steps, nesterov=False):
    """Sutskever-style buffer u = lr * v (u <- beta u + lr g; x <- x - u): identical for a constant lr."""
    x = np.asarray(x0, dtype=float).copy()
    rows = [x]
    u = np.zeros_like(x)
    for t in range(1, n_steps + 1):
        g = np.asarray(grad(x, t), dtype=float)
        u = beta * u + lr * g
        x = x - (lr * g + beta * u if nesterov else u)
        rows.append(x)
    return np.array(rows)


def momentum_torch(grad, x0, lr, beta, n_steps, nesterov=False):
    """torch.optim.SGD itself, in float64."""
    x0 = np.asarray(x0, dtype=float)
    p = torch.tensor(x0.copy(), dtype=torch.float64)
    p.requires_grad_(True)
    opt = torch.optim.SGD([p], lr=lr, momentum=beta, nesterov=nesterov)
    rows = [x0.copy()]
    for t in range(1, n_steps + 1):
        opt.zero_grad()
        p.grad = torch.tensor(np.asarray(grad(p.detach().numpy().copy(), t), dtype=float))
        opt.step()
        rows.append(p.detach().numpy().copy())
    return np.array(rows)


def mutant_momentum_ema(grad, x0, lr, beta, n_steps, nesterov=False):
    x = np.asarray(x0, dtype=float).copy()
    rows = [x]
    v = np.zeros_like(x)
    for t in range(1, n_steps + 1):
        g = grad(x, t)
        v = beta * v + (1 - beta) * g
        x = x - lr * (g + beta * v if nesterov else v)
        rows.append(x)
    return np.array(rows)


def mutant_momentum_old_velocity(grad, x0, lr, beta, n_steps, nesterov=False):
    x = np.asarray(x0, dtype=float).copy()
    rows = [x]
    v = np.zeros_like(x)
    for t in range(1, n_steps + 1):
        g = grad(x, t)
        x = x - lr * (g + beta * v if nesterov else (v if t > 1 else g))  # uses v_{t-1}
        v = g if t == 1 else beta * v + g
        rows.append(x)
    return np.array(rows)


def mutant_momentum_lookahead(grad, x0, lr, beta, n_steps, nesterov=False):
    """Nesterov done as 'gradient at the look-ahead point x - lr beta v' instead of PyTorch's form."""
    x = np.asarray(x0, dtype=float).copy()
    rows = [x]
    v = np.zeros_like(x)
    for t in range(1, n_steps + 1):
        g = grad(x - lr * beta * v, t) if nesterov else grad(x, t)
        v = beta * v + g
        x = x - lr * v
        rows.append(x)
    return np.array(rows)


# --------------------------------------------------------------------------------------------------
# 07.4 adam


def adam_efficient_form(grad, x0, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, n_steps=100):
    """Kingma & Ba §2 (end): alpha_t = lr sqrt(1 - b2^t)/(1 - b1^t) with eps rescaled to eps sqrt(1 - b2^t)."""
    x = np.asarray(x0, dtype=float).copy()
    rows = [x]
    m = np.zeros_like(x)
    v = np.zeros_like(x)
    for t in range(1, n_steps + 1):
        g = np.asarray(grad(x, t), dtype=float)
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g**2
        c2 = np.sqrt(1 - beta2**t)
        alpha_t = lr * c2 / (1 - beta1**t)
        x = x - alpha_t * m / (np.sqrt(v) + eps * c2)
        rows.append(x)
    return np.array(rows)


def adam_torch(grad, x0, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, n_steps=100):
    """torch.optim.Adam itself, in float64."""
    x0 = np.asarray(x0, dtype=float)
    p = torch.tensor(x0.copy(), dtype=torch.float64)
    p.requires_grad_(True)
    opt = torch.optim.Adam([p], lr=lr, betas=(beta1, beta2), eps=eps)
    rows = [x0.copy()]
    for t in range(1, n_steps + 1):
        opt.zero_grad()
        p.grad = torch.tensor(np.asarray(grad(p.detach().numpy().copy(), t), dtype=float))
        opt.step()
        rows.append(p.detach().numpy().copy())
    return np.array(rows)


def _adam_variant(grad, x0, lr, beta1, beta2, eps, n_steps, *, correct=True, t0=1, eps_inside=False, g_not_sq=False):
    x = np.asarray(x0, dtype=float).copy()
    rows = [x]
    m = np.zeros_like(x)
    v = np.zeros_like(x)
    for t in range(t0, n_steps + t0):
        g = np.asarray(grad(x, t - t0 + 1), dtype=float)
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * (g if g_not_sq else g * g)
        m_hat = m / (1 - beta1**t) if correct else m
        v_hat = v / (1 - beta2**t) if correct else v
        with np.errstate(all="ignore"):
            denom = np.sqrt(v_hat + eps) if eps_inside else np.sqrt(v_hat) + eps
            x = x - lr * m_hat / denom
        rows.append(x)
    return np.array(rows)


def mutant_adam_no_bias_correction(grad, x0, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, n_steps=100):
    return _adam_variant(grad, x0, lr, beta1, beta2, eps, n_steps, correct=False)


def mutant_adam_t_from_zero(grad, x0, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, n_steps=100):
    return _adam_variant(grad, x0, lr, beta1, beta2, eps, n_steps, t0=0)


def mutant_adam_t_off_by_one(grad, x0, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, n_steps=100):
    return _adam_variant(grad, x0, lr, beta1, beta2, eps, n_steps, t0=2)


def mutant_adam_eps_inside(grad, x0, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, n_steps=100):
    return _adam_variant(grad, x0, lr, beta1, beta2, eps, n_steps, eps_inside=True)


def mutant_adam_v_accumulates_g(grad, x0, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, n_steps=100):
    return _adam_variant(grad, x0, lr, beta1, beta2, eps, n_steps, g_not_sq=True)


# --------------------------------------------------------------------------------------------------
# 07.5 minibatch_indices


def batches_array_split(n, batch_size, rng):
    perm = rng.permutation(n)
    return list(np.split(perm, np.arange(batch_size, n, batch_size)))


def batches_while_loop(n, batch_size, rng):
    perm = rng.permutation(n)
    out, start = [], 0
    while start < n:
        out.append(perm[start:min(start + batch_size, n)].copy())
        start += batch_size
    return out


def mutant_batches_drop_last(n, batch_size, rng):
    perm = rng.permutation(n)
    return [perm[i:i + batch_size] for i in range(0, n - batch_size + 1, batch_size)]


def mutant_batches_with_replacement(n, batch_size, rng):
    idx = rng.integers(0, n, size=n)
    return [idx[i:i + batch_size] for i in range(0, n, batch_size)]


def mutant_batches_extra_rng_call(n, batch_size, rng):
    rng.random()  # e.g. a stray draw before the permutation
    perm = rng.permutation(n)
    return [perm[i:i + batch_size] for i in range(0, n, batch_size)]


# --------------------------------------------------------------------------------------------------
# 07.6 sgd_linear_regression


def sgd_per_sample_average(X, y, lr, n_epochs, batch_size, rng):
    """Average the per-sample gradients in an explicit loop; one step per batch."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    for _ in range(n_epochs):
        perm = rng.permutation(n)
        for start in range(0, n, batch_size):
            idx = perm[start:start + batch_size]
            g = np.zeros(d)
            for i in idx:
                g += X[i] * (X[i] @ w - y[i])
            w = w - lr * g / len(idx)
    return w


def sgd_einsum_mean(X, y, lr, n_epochs, batch_size, rng):
    """einsum for the residual-weighted mean of the batch rows."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    for _ in range(n_epochs):
        perm = rng.permutation(n)
        for batch in np.split(perm, np.arange(batch_size, n, batch_size)):
            r = np.einsum("bd,d->b", X[batch], w) - y[batch]
            w = w - lr * np.einsum("bd,b->d", X[batch], r) / batch.size
    return w


def mutant_sgd_sum(X, y, lr, n_epochs, batch_size, rng):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.zeros(X.shape[1])
    for _ in range(n_epochs):
        perm = rng.permutation(len(y))
        for s in range(0, len(y), batch_size):
            b = perm[s:s + batch_size]
            w = w - lr * X[b].T @ (X[b] @ w - y[b])
    return w


def mutant_sgd_unpaired_y(X, y, lr, n_epochs, batch_size, rng):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.zeros(X.shape[1])
    for _ in range(n_epochs):
        perm = rng.permutation(len(y))
        for s in range(0, len(y), batch_size):
            b = perm[s:s + batch_size]
            yb = y[s:s + batch_size]  # y not shuffled with X
            w = w - lr * X[b].T @ (X[b] @ w - yb) / len(b)
    return w


def mutant_sgd_per_sample_updates(X, y, lr, n_epochs, batch_size, rng):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.zeros(X.shape[1])
    for _ in range(n_epochs):
        perm = rng.permutation(len(y))
        for s in range(0, len(y), batch_size):
            for i in perm[s:s + batch_size]:
                w = w - lr * X[i] * (X[i] @ w - y[i])
    return w


# --------------------------------------------------------------------------------------------------
# 07.7 backtracking_line_search


def backtracking_powers(f, grad_x, x, d, alpha0=1.0, rho=0.5, c=1e-4, max_iter=60):
    """Trial k computed as alpha0 * rho**k."""
    x = np.asarray(x, dtype=float)
    d = np.asarray(d, dtype=float)
    slope = float(np.dot(np.asarray(grad_x, dtype=float), d))
    if slope >= 0:
        raise ValueError("not a descent direction")
    fx = f(x)
    for k in range(max_iter):
        alpha = alpha0 * rho**k
        if f(x + alpha * d) <= fx + c * alpha * slope:
            return float(alpha)
    return float(alpha0 * rho**max_iter)


def backtracking_while(f, grad_x, x, d, alpha0=1.0, rho=0.5, c=1e-4, max_iter=60):
    """A while loop with an explicit counter; the Armijo test written as a decrease ratio."""
    x = np.asarray(x, dtype=float)
    d = np.asarray(d, dtype=float)
    slope = float(np.sum(np.asarray(grad_x, dtype=float) * d))
    if not slope < 0:
        raise ValueError("grad_x @ d must be negative")
    fx = float(f(x))
    alpha, k = float(alpha0), 0
    while k < max_iter and not (f(x + alpha * d) - fx <= c * alpha * slope):
        alpha *= rho
        k += 1
    return alpha


def mutant_backtracking_reversed(f, grad_x, x, d, alpha0=1.0, rho=0.5, c=1e-4, max_iter=60):
    x = np.asarray(x, dtype=float)
    d = np.asarray(d, dtype=float)
    slope = float(np.asarray(grad_x, dtype=float) @ d)
    if slope >= 0:
        raise ValueError("not a descent direction")
    fx = f(x)
    alpha = alpha0
    for _ in range(max_iter):
        if f(x + alpha * d) >= fx + c * alpha * slope:
            return alpha
        alpha *= rho
    return alpha


def mutant_backtracking_grad_norm(f, grad_x, x, d, alpha0=1.0, rho=0.5, c=1e-4, max_iter=60):
    x = np.asarray(x, dtype=float)
    d = np.asarray(d, dtype=float)
    g = np.asarray(grad_x, dtype=float)
    if g @ d >= 0:
        raise ValueError("not a descent direction")
    fx = f(x)
    alpha = alpha0
    for _ in range(max_iter):
        if f(x + alpha * d) <= fx - c * alpha * (g @ g):  # ||grad||^2 instead of grad^T d
            return alpha
        alpha *= rho
    return alpha


def mutant_backtracking_strict_ascent_check(f, grad_x, x, d, alpha0=1.0, rho=0.5, c=1e-4, max_iter=60):
    """Raises only for grad^T d > 0, so an orthogonal direction slips through (not a listed mistake: proves the
    power of the ascent-direction test)."""
    x = np.asarray(x, dtype=float)
    d = np.asarray(d, dtype=float)
    slope = float(np.asarray(grad_x, dtype=float) @ d)
    if slope > 0:
        raise ValueError("not a descent direction")
    fx = f(x)
    alpha = alpha0
    for _ in range(max_iter):
        if f(x + alpha * d) <= fx + c * alpha * slope:
            return alpha
        alpha *= rho
    return alpha


def mutant_backtracking_no_cap(f, grad_x, x, d, alpha0=1.0, rho=0.5, c=1e-4, max_iter=60):
    x = np.asarray(x, dtype=float)
    d = np.asarray(d, dtype=float)
    slope = float(np.asarray(grad_x, dtype=float) @ d)
    if slope >= 0:
        raise ValueError("not a descent direction")
    fx = f(x)
    alpha = alpha0
    while f(x + alpha * d) > fx + c * alpha * slope:
        alpha *= rho
    return alpha


# --------------------------------------------------------------------------------------------------

EXERCISES = [
    Exercise(
        "q07_1",
        alternatives={"list of new arrays": gd_list_of_copies, "preallocated rows": gd_preallocated_rows},
        mutants={"excludes x0": mutant_gd_excludes_x0,
                 "appends the same object": mutant_gd_same_object,
                 "mutates the caller's x0": mutant_gd_mutates_x0},
    ),
    Exercise(
        "q07_2",
        alternatives={"singular values": step_rate_svd, "norms of Q and Q^-1": step_rate_norms},
        mutants={"step 1/L": mutant_step_one_over_L,
                 "inverted kappa": mutant_inverted_kappa,
                 "diagonal entries": mutant_diagonal_entries,
                 "step 2/L (extra)": mutant_step_two_over_L},
    ),
    Exercise(
        "q07_3",
        alternatives={"lr-scaled velocity (Sutskever form)": momentum_lr_scaled_velocity,
                      "torch.optim.SGD": momentum_torch},
        mutants={"EMA form (1 - beta)": mutant_momentum_ema,
                 "updates x with v_{t-1}": mutant_momentum_old_velocity,
                 "wrong Nesterov look-ahead": mutant_momentum_lookahead},
    ),
    Exercise(
        "q07_4",
        alternatives={"efficient form (Kingma & Ba §2)": adam_efficient_form, "torch.optim.Adam": adam_torch},
        mutants={"no bias correction": mutant_adam_no_bias_correction,
                 "t starts at 0": mutant_adam_t_from_zero,
                 "t off by one": mutant_adam_t_off_by_one,
                 "eps inside the square root": mutant_adam_eps_inside,
                 "v accumulates g": mutant_adam_v_accumulates_g},
    ),
    Exercise(
        "q07_5",
        alternatives={"np.split": batches_array_split, "while loop with copies": batches_while_loop},
        mutants={"drops the last partial batch": mutant_batches_drop_last,
                 "sampling with replacement": mutant_batches_with_replacement,
                 "extra rng call": mutant_batches_extra_rng_call},
    ),
    Exercise(
        "q07_6",
        alternatives={"per-sample loop, averaged": sgd_per_sample_average, "einsum": sgd_einsum_mean},
        mutants={"sum instead of mean": mutant_sgd_sum,
                 "shuffles X without y": mutant_sgd_unpaired_y,
                 "per-sample updates inside a batch": mutant_sgd_per_sample_updates},
    ),
    Exercise(
        "q07_7",
        alternatives={"alpha0 * rho**k": backtracking_powers, "while loop, decrease ratio": backtracking_while},
        mutants={"inequality reversed": mutant_backtracking_reversed,
                 "||grad||^2 instead of grad^T d": mutant_backtracking_grad_norm,
                 "no iteration cap": mutant_backtracking_no_cap,
                 "accepts grad^T d = 0 (extra)": mutant_backtracking_strict_ascent_check},
    ),
]


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.question)
def test_fair_and_sharp(exercise):
    assert_fair_and_sharp("07", exercise)
