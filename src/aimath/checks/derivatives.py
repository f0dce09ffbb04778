"""Derivative checks (curriculum §6.4): centered differences, gradient checks, the Taylor test,
Jacobians and `torch.autograd.gradcheck`.

All arithmetic is float64 on copies of the evaluation point. Test authors keep points away from kinks
(ReLU, hinge), where finite differences are meaningless.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np

from .compare import _as_array, _check_shape, _fmt_index, assert_close
from .errors import CheckFailure

_EPS = np.finfo(float).eps


def _scalar(value: Any, what: str) -> float:
    arr = np.asarray(value, dtype=float)
    if arr.size != 1:
        raise ValueError(f"{what} must return a scalar, got shape {arr.shape}")
    return float(arr.reshape(()))


def _blocks(x: Any) -> dict[Any, np.ndarray]:
    """Float64 copies of the parameter blocks: {key: array} for a dict, {None: array} otherwise."""
    if isinstance(x, Mapping):
        return {key: np.array(_as_array(value, f"parameter {key!r}"), dtype=float) for key, value in x.items()}
    return {None: np.array(_as_array(x, "x"), dtype=float)}


def _packed(blocks: dict[Any, np.ndarray], like: Any) -> Any:
    return blocks if isinstance(like, Mapping) else blocks[None]


def _centered(f: Callable[[Any], Any], blocks: dict[Any, np.ndarray], like: Any, key: Any,
              index: tuple[int, ...], h: float) -> float:
    """(f(x + h e_i) − f(x − h e_i)) / 2h for one coordinate, restoring it exactly afterwards."""
    block = blocks[key]
    saved = block[index]
    block[index] = saved + h
    plus = _scalar(f(_packed(blocks, like)), "f")
    block[index] = saved - h
    minus = _scalar(f(_packed(blocks, like)), "f")
    block[index] = saved
    return (plus - minus) / (2 * h)


def _coordinates(blocks: dict[Any, np.ndarray], n_coords: int | None,
                 rng: np.random.Generator | None) -> Iterator[tuple[Any, tuple[int, ...]]]:
    """All coordinates, or `n_coords` sampled from every block (so a bias is never skipped)."""
    rng = rng if rng is not None else np.random.default_rng(0)
    for key, block in blocks.items():
        indices = list(np.ndindex(block.shape))
        if n_coords is not None and n_coords < len(indices):
            indices = [indices[i] for i in sorted(rng.choice(len(indices), n_coords, replace=False))]
        for index in indices:
            yield key, index


def numerical_gradient(f: Callable[[Any], Any], x: Any, *, h: float = 1e-6) -> Any:
    """Centered-difference gradient of the scalar function f at x (float64, on a copy of x).

    `x` may be an array or a dict of parameter arrays (CS231n style, f takes the dict); the result
    has the same form.
    """
    blocks = _blocks(x)
    grads = {key: np.zeros_like(block) for key, block in blocks.items()}
    for key, index in _coordinates(blocks, None, None):
        grads[key][index] = _centered(f, blocks, x, key, index, h)
    return _packed(grads, x)


def _block_name(name: str, key: Any) -> str:
    return name if key is None else f"{name}[{key!r}]"


def check_gradient(
    f: Callable[[Any], Any],
    grad: Callable[[Any], Any],
    x: Any,
    *,
    h: float = 1e-6,
    rel_tol: float = 1e-6,
    n_coords: int | None = None,
    rng: np.random.Generator | None = None,
    atol: float | None = None,
    name: str = "gradient",
) -> None:
    """grad(x) matches centered differences of f: relative error |a−n| / max(1e-8, |a|+|n|) ≤ rel_tol
    (CS231n) on every checked coordinate (all, or `n_coords` per parameter block).

    A coordinate whose absolute difference is within the round-off of the differences themselves,
    `atol` (default 1e3·eps·max(1, |f(x)|)/h), also passes: there centered differences cannot resolve
    the gradient, so judging the relative error would fail correct code (e.g. zero entries).
    """
    blocks = _blocks(x)
    analytic = _blocks(grad(_packed({k: b.copy() for k, b in blocks.items()}, x)))
    if analytic.keys() != blocks.keys():
        raise CheckFailure(f"{name}: the gradient must have one entry per parameter block")
    for key in blocks:
        _check_shape(analytic[key], blocks[key].shape, _block_name(name, key))
        if not np.isfinite(analytic[key]).all():
            raise CheckFailure(f"{_block_name(name, key)}: contains inf or nan")
    if atol is None:
        atol = 1e3 * _EPS * max(1.0, abs(_scalar(f(_packed(blocks, x)), "f"))) / h
    failures = []
    for key, index in _coordinates(blocks, n_coords, rng):
        a = analytic[key][index]
        n = _centered(f, blocks, x, key, index, h)
        rel = abs(a - n) / max(1e-8, abs(a) + abs(n))
        if rel > rel_tol and abs(a - n) > atol:
            failures.append((rel, key, index))
    if failures:
        rel, key, index = max(failures, key=lambda failure: failure[0])
        raise CheckFailure(
            f"{_block_name(name, key)}: relative error {rel:.1e}{_fmt_index(index)} exceeds {rel_tol:.1e} "
            f"(against centered differences with h = {h:.0e}; {len(failures)} coordinate(s) fail)"
        )


def taylor_test(
    f: Callable[[Any], Any],
    grad: Callable[[Any], Any],
    x: Any,
    d: Any,
    *,
    eps: Sequence[float] | np.ndarray = (1e-1, 1e-2, 1e-3, 1e-4, 1e-5),
    last: int = 3,
    name: str = "gradient",
) -> float:
    """Log–log slope of r(ε) = |f(x+εd) − f(x) − ε∇f(x)ᵀd| over the `last` smallest ε; returns it.

    A correct gradient gives slope 2, a wrong one about 1 (calibrated 2.00 vs 0.94 for a 1 % error);
    fails below 1.9. Residuals at round-off level (≤ 1e3·eps·max(1, |f(x)|)) carry no slope: they
    are left out, and if fewer than two remain the test passes (exact to round-off; returns inf).
    """
    x = np.array(_as_array(x, "x"), dtype=float)
    d = np.array(_as_array(d, "d"), dtype=float)
    eps = np.sort(np.asarray(eps, dtype=float))[:last]
    f0 = _scalar(f(x.copy()), "f")
    g = np.asarray(_as_array(grad(x.copy()), name), dtype=float)
    _check_shape(g, x.shape, name)
    slope_term = float(np.sum(g * d))
    residuals = np.array([abs(_scalar(f(x + e * d), "f") - f0 - e * slope_term) for e in eps])
    if not np.isfinite(residuals).all():
        raise CheckFailure(f"{name}: the Taylor remainder is not finite")
    above = residuals > 1e3 * _EPS * max(1.0, abs(f0))
    if above.sum() < 2:
        return float("inf")
    slope = float(np.polyfit(np.log(eps[above]), np.log(residuals[above]), 1)[0])
    if slope < 1.9:
        raise CheckFailure(
            f"{name}: the Taylor remainder shrinks with slope {slope:.2f} on a log-log scale (needs ≥ 1.9; "
            "a correct gradient gives 2, a wrong one about 1)"
        )
    return slope


def check_jacobian(
    f: Callable[[Any], Any],
    jac: Callable[[Any], Any],
    x: Any,
    *,
    h: float = 1e-6,
    rtol: float = 1e-5,
    atol: float = 1e-8,
    name: str = "Jacobian",
) -> None:
    """jac(x) has shape (m, n) = (f(x).size, x.size) and matches column-wise centered differences
    within `assert_close(rtol, atol)` (T3 defaults), the differences taken as the reference."""
    x = np.array(_as_array(x, "x"), dtype=float)
    flat = x.ravel()
    columns = []
    for j in range(flat.size):
        step = np.zeros_like(flat)
        step[j] = h
        plus = np.asarray(f((flat + step).reshape(x.shape)), dtype=float).ravel()
        minus = np.asarray(f((flat - step).reshape(x.shape)), dtype=float).ravel()
        columns.append((plus - minus) / (2 * h))
    m = np.asarray(f(x.copy()), dtype=float).size
    numeric = np.stack(columns, axis=1) if columns else np.zeros((m, 0))
    assert_close(jac(x.copy()), numeric, rtol=rtol, atol=atol, name=name)


def torch_gradcheck(
    fn: Callable[..., Any],
    inputs: Sequence[Any],
    *,
    eps: float = 1e-6,
    atol: float = 1e-5,
    rtol: float = 1e-3,
    name: str = "gradient",
) -> None:
    """Autograd gradients of `fn` match finite differences (`torch.autograd.gradcheck`, whose defaults
    are "designed for double precision"): floating inputs are cast to float64 with requires_grad."""
    import torch
    from torch.autograd.gradcheck import GradcheckError

    def prepared(value: Any) -> Any:
        floating = value.is_floating_point() if isinstance(value, torch.Tensor) else np.asarray(value).dtype.kind == "f"
        return torch.as_tensor(value, dtype=torch.float64).detach().clone().requires_grad_(True) if floating else value

    tensors = tuple(prepared(v) for v in inputs)
    try:
        output = fn(*tensors)
    except Exception as exc:
        raise CheckFailure(f"{name}: the function raised {type(exc).__name__}") from None
    outputs = output if isinstance(output, (tuple, list)) else (output,)
    if not any(isinstance(o, torch.Tensor) and o.requires_grad for o in outputs):
        raise CheckFailure(
            f"{name}: the output is not connected to the inputs by autograd (did the code leave torch, "
            "e.g. through .numpy(), .item() or .detach()?)"
        )
    try:
        torch.autograd.gradcheck(fn, tensors, eps=eps, atol=atol, rtol=rtol, raise_exception=True)
    except GradcheckError:
        raise CheckFailure(
            f"{name}: autograd gradients differ from finite differences (gradcheck with eps {eps:.0e}, "
            f"atol {atol:.0e}, rtol {rtol:.0e})"
        ) from None
    except Exception as exc:
        raise CheckFailure(f"{name}: gradcheck could not differentiate the function ({type(exc).__name__})") from None

