"""Lesson 03 (Matrix Calculus): the tests are fair to correct methods and sharp against the listed mistakes.

For every exercise: alternative correct implementations by other valid methods (must pass every test)
and one mutant per "mistake to catch" of the curriculum (must fail at least one hidden test).
"""

from __future__ import annotations

import numpy as np
import pytest
import scipy.special
import sympy
import torch

from aimath.checks.meta import Exercise, assert_fair_and_sharp

# --------------------------------------------------------------------------------------------------
# 03.1 Numerical Jacobian


def jacobian_inplace_restore(f, x, h=1e-6):
    """Perturb one entry of a float copy in place and restore it after each column."""
    work = np.array(x, dtype=float)
    columns = []
    for j in range(work.size):
        saved = work[j]
        work[j] = saved + h
        upper = np.ravel(np.asarray(f(work.copy()), dtype=float))
        work[j] = saved - h
        lower = np.ravel(np.asarray(f(work.copy()), dtype=float))
        work[j] = saved
        columns.append((upper - lower) / (2 * h))
    return np.column_stack(columns)


def jacobian_stacked_points(f, x, h=1e-6):
    """Evaluate f on all 2n perturbed points (rows of x ± h I) first, then difference the blocks."""
    base = np.asarray(x, dtype=float)
    n = base.size
    points = np.concatenate([base + h * np.eye(n), base - h * np.eye(n)])
    values = np.array([np.atleast_1d(np.asarray(f(p), dtype=float)) for p in points])
    return ((values[:n] - values[n:]) / (2 * h)).T


def mutant_forward_differences(f, x, h=1e-6):
    base = np.array(x, dtype=float)
    f0 = np.ravel(np.asarray(f(base), dtype=float))
    return np.column_stack([(np.ravel(np.asarray(f(base + h * e), dtype=float)) - f0) / h for e in np.eye(base.size)])


def mutant_transposed(f, x, h=1e-6):
    base = np.array(x, dtype=float)
    rows = [(np.ravel(np.asarray(f(base + h * e), dtype=float)) - np.ravel(np.asarray(f(base - h * e), dtype=float)))
            / (2 * h) for e in np.eye(base.size)]
    return np.array(rows)  # (n, m)


def mutant_inplace_no_restore(f, x, h=1e-6):
    work = np.asarray(x, dtype=float)  # no copy for a float array: perturbs the caller's x
    columns = []
    for j in range(work.size):
        work[j] += h
        upper = np.ravel(np.asarray(f(work), dtype=float))
        work[j] -= 2 * h
        lower = np.ravel(np.asarray(f(work), dtype=float))
        columns.append((upper - lower) / (2 * h))
    return np.column_stack(columns)


def mutant_integer_perturbation(f, x, h=1e-6):
    base = np.array(x)  # keeps an integer dtype
    columns = []
    for j in range(base.size):
        up, down = base.copy(), base.copy()
        up[j] += h  # truncated back to an integer
        down[j] -= h
        columns.append((np.ravel(np.asarray(f(up), dtype=float)) - np.ravel(np.asarray(f(down), dtype=float))) / (2 * h))
    return np.column_stack(columns)


# --------------------------------------------------------------------------------------------------
# 03.2 Quadratic form


def quad_einsum(A, b, x):
    A, b, x = (np.asarray(a, dtype=float) for a in (A, b, x))
    grad = np.einsum("ij,j->i", A, x) + np.einsum("ji,j->i", A, x) + b
    return grad, np.einsum("ij->ij", A) + np.einsum("ij->ji", A)


def quad_symmetric_part(A, b, x):
    A = np.asarray(A, dtype=float)
    S = 0.5 * (A + A.T)
    return 2.0 * S @ np.asarray(x, dtype=float) + np.asarray(b, dtype=float), 2.0 * S


def mutant_quad_2Ax(A, b, x):
    A = np.asarray(A, dtype=float)
    return 2.0 * A @ np.asarray(x, dtype=float) + np.asarray(b, dtype=float), A + A.T


def mutant_quad_hessian_2A(A, b, x):
    A = np.asarray(A, dtype=float)
    return (A + A.T) @ np.asarray(x, dtype=float) + np.asarray(b, dtype=float), 2.0 * A


def mutant_quad_forgets_b(A, b, x):
    A = np.asarray(A, dtype=float)
    return (A + A.T) @ np.asarray(x, dtype=float), A + A.T


# --------------------------------------------------------------------------------------------------
# 03.3 Softmax Jacobian


def softmax_jac_einsum(z):
    s = scipy.special.softmax(np.asarray(z, dtype=float), axis=-1)
    eye = np.eye(s.shape[-1])
    return np.einsum("...i,ij->...ij", s, eye) - np.einsum("...i,...j->...ij", s, s)


def softmax_jac_loop(z):
    z = np.asarray(z, dtype=float)
    flat = z.reshape(-1, z.shape[-1])
    out = np.empty((flat.shape[0], z.shape[-1], z.shape[-1]))
    for k, row in enumerate(flat):
        s = np.exp(row - scipy.special.logsumexp(row))
        out[k] = np.diag(s) - np.outer(s, s)
    return out.reshape(z.shape + (z.shape[-1],))


def mutant_softmax_unstable(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z)
    s = e / e.sum(axis=-1, keepdims=True)
    return s[..., :, None] * np.eye(z.shape[-1]) - s[..., :, None] * s[..., None, :]


def mutant_softmax_wrong_axes(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    s = e / e.sum(axis=-1, keepdims=True)
    # the 1-D outer product s[:, None] * s[None, :], applied to a batch: pairs batch rows, not classes
    return s[..., :, None] * np.eye(z.shape[-1]) - s[:, None] * s[None, :]


def mutant_softmax_diag_only(z):
    s = scipy.special.softmax(np.asarray(z, dtype=float), axis=-1)
    return s[..., :, None] * np.eye(s.shape[-1])


# --------------------------------------------------------------------------------------------------
# 03.4 Linear layer backward


def linear_backward_einsum(X, W, b, dY):
    X, W, dY = (np.asarray(a, dtype=float) for a in (X, W, dY))
    return np.einsum("nm,dm->nd", dY, W), np.einsum("nd,nm->dm", X, dY), np.einsum("nm->m", dY)


def linear_backward_per_sample(X, W, b, dY):
    X, W, dY = (np.asarray(a, dtype=float) for a in (X, W, dY))
    dX = np.zeros_like(X)
    dW = np.zeros_like(W)
    db = np.zeros(W.shape[1])
    for i in range(X.shape[0]):
        dX[i] = W @ dY[i]
        dW += np.outer(X[i], dY[i])
        db += dY[i]
    return dX, dW, db


def mutant_linear_db_not_summed(X, W, b, dY):
    X, W, dY = (np.asarray(a, dtype=float) for a in (X, W, dY))
    return dY @ W.T, X.T @ dY, dY


def mutant_linear_dW_transposed(X, W, b, dY):
    X, W, dY = (np.asarray(a, dtype=float) for a in (X, W, dY))
    return dY @ W.T, dY.T @ X, dY.sum(axis=0)


def mutant_linear_averaged(X, W, b, dY):
    X, W, dY = (np.asarray(a, dtype=float) for a in (X, W, dY))
    n = X.shape[0]
    return dY @ W.T, X.T @ dY / n, dY.mean(axis=0)


# --------------------------------------------------------------------------------------------------
# 03.5 Two-layer MLP


def _mlp(params, X, y, reg, *, scale=1.0, sign=1.0, tanh_prime=lambda h: 1.0 - h**2, reg_factor=2.0,
         reg_biases=False):
    """One parametrized implementation for the mutants (scale/sign/tanh'/reg factor/bias decay)."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=int)
    W1, b1, W2, b2 = (np.asarray(params[k], dtype=float) for k in ("W1", "b1", "W2", "b2"))
    n = X.shape[0]
    H = np.tanh(X @ W1 + b1)
    Z = H @ W2 + b2
    logp = Z - scipy.special.logsumexp(Z, axis=1, keepdims=True)
    penalty = np.sum(W1**2) + np.sum(W2**2) + (np.sum(b1**2) + np.sum(b2**2) if reg_biases else 0.0)
    loss = -logp[np.arange(n), y].mean() + reg * penalty
    onehot = np.eye(W2.shape[1])[y]
    dZ = sign * (np.exp(logp) - onehot) / n * scale
    dA = (dZ @ W2.T) * tanh_prime(H)
    grads = {"W1": X.T @ dA + reg_factor * reg * W1, "b1": dA.sum(0), "W2": H.T @ dZ + reg_factor * reg * W2,
             "b2": dZ.sum(0)}
    if reg_biases:
        grads["b1"] = grads["b1"] + 2 * reg * b1
        grads["b2"] = grads["b2"] + 2 * reg * b2
    return float(loss), grads


def mlp_onehot_logsumexp(params, X, y, reg):
    return _mlp(params, X, y, reg)


def mlp_per_sample_loop(params, X, y, reg):
    """Backpropagate one sample at a time and average; softmax by explicit max shift."""
    X = np.asarray(X, dtype=float)
    W1, b1, W2, b2 = (np.asarray(params[k], dtype=float) for k in ("W1", "b1", "W2", "b2"))
    n = X.shape[0]
    grads = {"W1": np.zeros_like(W1), "b1": np.zeros_like(b1), "W2": np.zeros_like(W2), "b2": np.zeros_like(b2)}
    total = 0.0
    for x_i, y_i in zip(X, np.asarray(y, dtype=int)):
        h = np.tanh(x_i @ W1 + b1)
        z = h @ W2 + b2
        m = z.max()
        lse = m + np.log(np.sum(np.exp(z - m)))
        total += lse - z[y_i]
        g = np.exp(z - lse)
        g[y_i] -= 1.0
        grads["W2"] += np.outer(h, g)
        grads["b2"] += g
        a = (W2 @ g) * (1.0 - h * h)
        grads["W1"] += np.outer(x_i, a)
        grads["b1"] += a
    grads = {k: v / n for k, v in grads.items()}
    grads["W1"] += 2 * reg * W1
    grads["W2"] += 2 * reg * W2
    return float(total / n + reg * (np.sum(W1**2) + np.sum(W2**2))), grads


def mlp_torch_autograd(params, X, y, reg):
    tensors = {k: torch.tensor(np.asarray(v, dtype=float), dtype=torch.float64, requires_grad=True)
               for k, v in params.items()}
    Xt = torch.tensor(np.asarray(X, dtype=float), dtype=torch.float64)
    yt = torch.tensor(np.asarray(y, dtype=np.int64))
    logits = torch.tanh(Xt @ tensors["W1"] + tensors["b1"]) @ tensors["W2"] + tensors["b2"]
    loss = torch.nn.functional.cross_entropy(logits, yt) + reg * (tensors["W1"].pow(2).sum() + tensors["W2"].pow(2).sum())
    grads = torch.autograd.grad(loss, list(tensors.values()))
    return float(loss.detach()), {k: g.numpy() for k, g in zip(tensors, grads)}


def mutant_mlp_summed_gradient(params, X, y, reg):
    return _mlp(params, X, y, reg, scale=np.asarray(X).shape[0])


def mutant_mlp_gradient_sign(params, X, y, reg):
    return _mlp(params, X, y, reg, sign=-1.0)


def mutant_mlp_tanh_prime(params, X, y, reg):
    return _mlp(params, X, y, reg, tanh_prime=lambda h: 1.0 - h)


def mutant_mlp_reg_factor(params, X, y, reg):
    return _mlp(params, X, y, reg, reg_factor=1.0)


def mutant_mlp_regularized_biases(params, X, y, reg):
    return _mlp(params, X, y, reg, reg_biases=True)


# --------------------------------------------------------------------------------------------------
# 03.6 Logistic Hessian


def logistic_hessian_einsum(X, w):
    X = np.asarray(X, dtype=float)
    p = scipy.special.expit(X @ np.asarray(w, dtype=float))
    return np.einsum("ni,n,nj->ij", X, p * (1.0 - p), X) / X.shape[0]


def logistic_hessian_outer_products(X, w):
    X = np.asarray(X, dtype=float)
    t = X @ np.asarray(w, dtype=float)
    H = np.zeros((X.shape[1], X.shape[1]))
    for x_i, t_i in zip(X, t):
        H += scipy.special.expit(t_i) * scipy.special.expit(-t_i) * np.outer(x_i, x_i)
    return H / X.shape[0]


def logistic_hessian_explicit_diag(X, w):
    X = np.asarray(X, dtype=float)
    p = scipy.special.expit(X @ np.asarray(w, dtype=float))
    return X.T @ np.diag(p * (1.0 - p)) @ X / X.shape[0]


def mutant_logistic_no_mean(X, w):
    X = np.asarray(X, dtype=float)
    p = scipy.special.expit(X @ np.asarray(w, dtype=float))
    return (X.T * (p * (1.0 - p))) @ X


def mutant_logistic_p_only(X, w):
    X = np.asarray(X, dtype=float)
    p = scipy.special.expit(X @ np.asarray(w, dtype=float))
    return (X.T * p) @ X / X.shape[0]


def mutant_logistic_n_by_n(X, w):
    X = np.asarray(X, dtype=float)
    p = scipy.special.expit(X @ np.asarray(w, dtype=float))
    return X @ np.diag(p * (1.0 - p)) @ X.T / X.shape[0]


# --------------------------------------------------------------------------------------------------
# 03.7 [torch] VJP and JVP


def vjp_jvp_double_backward(f, x, v, u):
    """VJP by torch.autograd.grad; JVP by the double-VJP trick (differentiate J^T w with respect to w)."""
    xx = x.detach().clone().requires_grad_(True)
    y = f(xx)
    (vjp,) = torch.autograd.grad(y, xx, grad_outputs=v, retain_graph=True)
    w = torch.zeros_like(y, requires_grad=True)
    (jtw,) = torch.autograd.grad(y, xx, grad_outputs=w, create_graph=True)
    (jvp,) = torch.autograd.grad(jtw, w, grad_outputs=u)
    return vjp.detach(), jvp.detach()


def vjp_jvp_autograd_functional(f, x, v, u):
    _, vjp = torch.autograd.functional.vjp(f, x.detach(), v)
    _, jvp = torch.autograd.functional.jvp(f, x.detach(), u)
    return vjp, jvp


def mutant_vjp_is_jv(f, x, v, u):
    """Returns J v (forward mode with v as the tangent) in place of v^T J."""
    _, jv = torch.func.jvp(f, (x.detach(),), (v,))
    _, jvp = torch.func.jvp(f, (x.detach(),), (u,))
    return jv, jvp


def mutant_not_detached(f, x, v, u):
    xx = x.detach().clone().requires_grad_(True)
    y = f(xx)
    (vjp,) = torch.autograd.grad(y, xx, grad_outputs=v, create_graph=True)
    _, jvp = torch.func.jvp(f, (x.detach(),), (u,))
    return vjp, jvp


def mutant_wrong_shape(f, x, v, u):
    _, pullback = torch.func.vjp(f, x.detach())
    _, jvp = torch.func.jvp(f, (x.detach(),), (u,))
    return pullback(v)[0].reshape(1, -1), jvp.reshape(-1, 1)


def mutant_float32(f, x, v, u):
    x32 = x.detach().float()
    _, pullback = torch.func.vjp(lambda t: f(t.double()).float(), x32)
    _, jvp = torch.func.jvp(lambda t: f(t.double()).float(), (x32,), (u.float(),))
    return pullback(v.float())[0], jvp


# --------------------------------------------------------------------------------------------------
# 03.8 [sympy] Derivative of a trace

_A, _X, _B = (sympy.MatrixSymbol(name, 3, 3) for name in "AXB")


def trace_derivative_entrywise():
    """Expand tr(A X B) into entries and differentiate with respect to every X[i, j]."""
    scalar = sum(_A[a, b] * _X[b, c] * _B[c, a] for a in range(3) for b in range(3) for c in range(3))
    return sympy.ImmutableMatrix(3, 3, lambda i, j: sympy.diff(scalar, _X[i, j]))


def trace_derivative_mutable_matrix():
    """The entrywise derivative returned as a mutable sympy.Matrix (not a MatrixExpr): accepted."""
    return sympy.Matrix(trace_derivative_entrywise())


def trace_derivative_cyclic():
    """tr(A X B) = tr(B A X) = <(B A)^T, X>."""
    return (_B * _A).T


def mutant_trace_AB():
    return _A * _B


def mutant_trace_BA():
    return _B * _A


def mutant_trace_numerator_layout():
    return (_A.T * _B.T).T


# --------------------------------------------------------------------------------------------------

EXERCISES = [
    Exercise(
        "q03_1",
        alternatives={"in-place perturb and restore": jacobian_inplace_restore,
                      "all 2n points stacked": jacobian_stacked_points},
        mutants={"forward differences": mutant_forward_differences, "transposed (n, m)": mutant_transposed,
                 "x perturbed in place, not restored": mutant_inplace_no_restore,
                 "int array perturbed (h truncated)": mutant_integer_perturbation},
    ),
    Exercise(
        "q03_2",
        alternatives={"einsum": quad_einsum, "symmetric part 2Sx": quad_symmetric_part},
        mutants={"2Ax": mutant_quad_2Ax, "H = 2A": mutant_quad_hessian_2A, "forgets b": mutant_quad_forgets_b},
    ),
    Exercise(
        "q03_3",
        alternatives={"scipy softmax + einsum": softmax_jac_einsum, "loop with logsumexp": softmax_jac_loop},
        mutants={"unstable softmax": mutant_softmax_unstable, "outer product over wrong axes": mutant_softmax_wrong_axes,
                 "diag(s) only": mutant_softmax_diag_only},
    ),
    Exercise(
        "q03_4",
        alternatives={"einsum": linear_backward_einsum, "per-sample outer products": linear_backward_per_sample},
        mutants={"db = dY": mutant_linear_db_not_summed, "dW = dY^T X": mutant_linear_dW_transposed,
                 "averaged over the batch": mutant_linear_averaged},
    ),
    Exercise(
        "q03_5",
        alternatives={"one-hot + logsumexp": mlp_onehot_logsumexp, "per-sample loop": mlp_per_sample_loop,
                      "torch autograd": mlp_torch_autograd},
        mutants={"gradient of the summed loss": mutant_mlp_summed_gradient,
                 "softmax gradient sign": mutant_mlp_gradient_sign, "tanh' = 1 - tanh": mutant_mlp_tanh_prime,
                 "regularizer gradient without 2": mutant_mlp_reg_factor,
                 "biases regularized": mutant_mlp_regularized_biases},
    ),
    Exercise(
        "q03_6",
        alternatives={"einsum + expit": logistic_hessian_einsum, "sum of outer products": logistic_hessian_outer_products,
                      "explicit diag(n x n) in the middle": logistic_hessian_explicit_diag},
        mutants={"missing 1/n": mutant_logistic_no_mean, "p instead of p(1-p)": mutant_logistic_p_only,
                 "n x n matrix X D X^T": mutant_logistic_n_by_n},
    ),
    Exercise(
        "q03_7",
        alternatives={"autograd.grad + double-vjp": vjp_jvp_double_backward,
                      "torch.autograd.functional": vjp_jvp_autograd_functional},
        mutants={"J v returned as the vjp": mutant_vjp_is_jv, "not detached": mutant_not_detached,
                 "wrong shape": mutant_wrong_shape, "cast to float32": mutant_float32},
    ),
    Exercise(
        "q03_8",
        alternatives={"entrywise differentiation": trace_derivative_entrywise, "cyclic trace (BA)^T": trace_derivative_cyclic,
                      "entrywise, as a mutable sympy.Matrix": trace_derivative_mutable_matrix},
        mutants={"AB": mutant_trace_AB, "BA": mutant_trace_BA, "numerator layout": mutant_trace_numerator_layout},
    ),
]


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.question)
def test_fair_and_sharp(exercise):
    assert_fair_and_sharp("03", exercise)
