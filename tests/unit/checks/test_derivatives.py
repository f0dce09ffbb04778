"""Derivative checks: true gradients pass, gradients with small errors fail."""

import numpy as np
import pytest
import torch

from aimath import checks as C
from aimath.checks import CheckFailure

rng = np.random.default_rng(0)
A = rng.standard_normal((4, 4))
H = A @ A.T + np.eye(4)
b = rng.standard_normal(4)
X0 = rng.standard_normal(4)


def quadratic(x):
    return 0.5 * x @ H @ x + b @ x


def quadratic_grad(x):
    return H @ x + b


def logistic_loss(x):
    return float(np.sum(np.logaddexp(0, -(A @ x))) + np.exp(x[0]))


def logistic_grad(x):
    s = 1 / (1 + np.exp(A @ x))
    g = -A.T @ s
    g[0] += np.exp(x[0])
    return g


def test_numerical_gradient_of_arrays_and_dicts():
    np.testing.assert_allclose(C.numerical_gradient(quadratic, X0), quadratic_grad(X0), rtol=1e-7)
    params = {"W": rng.standard_normal((3, 2)), "b": rng.standard_normal(2)}
    Z = rng.standard_normal((5, 3))

    def loss(p):
        return float(np.sum((Z @ p["W"] + p["b"]) ** 2))

    grads = C.numerical_gradient(loss, params)
    residual = 2 * (Z @ params["W"] + params["b"])
    np.testing.assert_allclose(grads["W"], Z.T @ residual, rtol=1e-7)
    np.testing.assert_allclose(grads["b"], residual.sum(axis=0), rtol=1e-7)
    assert np.array_equal(params["W"], params["W"].copy())  # the input is untouched


def test_numerical_gradient_leaves_x_untouched():
    x = X0.copy()
    C.numerical_gradient(quadratic, x)
    assert np.array_equal(x, X0)


def test_check_gradient_passes_true_gradients():
    C.check_gradient(quadratic, quadratic_grad, X0)
    C.check_gradient(logistic_loss, logistic_grad, X0)
    C.check_gradient(logistic_loss, logistic_grad, X0, n_coords=2, rng=np.random.default_rng(1))


def test_check_gradient_fails_a_one_percent_error():
    def wrong(x):
        g = logistic_grad(x)
        g[2] *= 1.01
        return g

    with pytest.raises(CheckFailure, match=r"gradient: relative error 5.0e-03 at index 2 exceeds 1.0e-06"):
        C.check_gradient(logistic_loss, wrong, X0)


def test_check_gradient_zero_entries_within_round_off_pass():
    def f(x):  # x[1] does not matter: its true gradient is 0
        return float(np.sum(np.sin(x[[0, 2, 3]])) * 1e3)

    def grad(x):
        g = np.cos(x) * 1e3
        g[1] = 0.0
        return g

    C.check_gradient(f, grad, X0)


def test_check_gradient_samples_every_block_so_a_wrong_bias_is_caught():
    Z = rng.standard_normal((6, 3))
    params = {"W": rng.standard_normal((3, 2)), "b": rng.standard_normal(2)}

    def loss(p):
        return float(np.sum(np.tanh(Z @ p["W"] + p["b"]) ** 2))

    def grad(p, bias_factor=1.0):
        t = np.tanh(Z @ p["W"] + p["b"])
        upstream = 2 * t * (1 - t**2)
        return {"W": Z.T @ upstream, "b": bias_factor * upstream.sum(axis=0)}

    C.check_gradient(loss, grad, params, n_coords=1)
    with pytest.raises(CheckFailure, match=r"gradient\['b'\]: relative error"):
        C.check_gradient(loss, lambda p: grad(p, 1.05), params, n_coords=1)
    with pytest.raises(CheckFailure, match="one entry per parameter block"):
        C.check_gradient(loss, lambda p: {"W": grad(p)["W"]}, params)


def test_check_gradient_rejects_wrong_shapes_and_nonfinite():
    with pytest.raises(CheckFailure, match="shape"):
        C.check_gradient(quadratic, lambda x: quadratic_grad(x)[None], X0)
    with pytest.raises(CheckFailure, match="inf or nan"):
        C.check_gradient(quadratic, lambda x: quadratic_grad(x) * np.nan, X0)


def test_taylor_test_slopes():
    d = rng.standard_normal(4)
    assert 1.9 <= C.taylor_test(logistic_loss, logistic_grad, X0, d) <= 2.1
    assert C.taylor_test(quadratic, quadratic_grad, X0, d) == pytest.approx(2.0, abs=1e-3)
    with pytest.raises(CheckFailure, match=r"slope 0\.\d\d on a log-log scale \(needs ≥ 1.9"):
        C.taylor_test(logistic_loss, lambda x: logistic_grad(x) * 1.01, X0, d)


def test_taylor_test_round_off_residuals_pass():
    c = rng.standard_normal(4)
    assert C.taylor_test(lambda x: float(c @ x), lambda x: c, X0, np.ones(4)) == np.inf


def test_check_jacobian():
    def f(x):
        return np.array([x[0] * x[1], np.sin(x[2]), x[0] ** 2 + x[3]])

    def jac(x):
        return np.array([
            [x[1], x[0], 0, 0],
            [0, 0, np.cos(x[2]), 0],
            [2 * x[0], 0, 0, 1],
        ])

    C.check_jacobian(f, jac, X0)
    with pytest.raises(CheckFailure, match=r"Jacobian: shape \(4, 3\) does not match"):
        C.check_jacobian(f, lambda x: jac(x).T, X0)
    delta = np.zeros((3, 4))
    delta[1, 2] = 1e-3
    with pytest.raises(CheckFailure, match=r"Jacobian: abs error 1.0e-03 at index \(1, 2\)"):
        C.check_jacobian(f, lambda x: jac(x) + delta, X0)


class WrongSquare(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x**2

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return grad_output * 2.02 * x


def test_torch_gradcheck():
    x = np.array([0.3, -1.2, 2.0])
    C.torch_gradcheck(lambda t, w: torch.sum(torch.tanh(t) * w), (x, torch.tensor([1.0, 2.0, 3.0])))
    with pytest.raises(CheckFailure, match="autograd gradients differ from finite differences"):
        C.torch_gradcheck(lambda t: WrongSquare.apply(t).sum(), (x,))
    with pytest.raises(CheckFailure, match="not connected to the inputs by autograd"):
        C.torch_gradcheck(lambda t: torch.tensor(np.sum(t.detach().numpy() ** 2)), (x,))
    with pytest.raises(CheckFailure, match="the function raised ZeroDivisionError"):
        C.torch_gradcheck(lambda t: 1 / 0, (x,))


def test_torch_gradcheck_leaves_integer_inputs_alone():
    index = torch.tensor([2, 0])
    C.torch_gradcheck(lambda t, i: (t[i] ** 3).sum(), (np.array([0.5, 1.5, -0.7]), index))
