"""Structural predicates (curriculum §6.3): properties a result must have whatever its values.

They need no reference, so public tests can use them (rows of a softmax sum to 1, a Hessian is PSD,
QR/LU factors are orthonormal or triangular).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .compare import _as_array, _check_kind, _fmt_index
from .errors import CheckFailure


def _float_array(x: Any, name: str, ndim: int | None = None) -> np.ndarray:
    """A real numeric array (any int/float dtype), finite, optionally of a given ndim."""
    arr = _as_array(x, name)
    _check_kind(arr, "biuf", name)
    if ndim is not None and arr.ndim != ndim:
        raise CheckFailure(f"{name}: expected a {ndim}-D array, got shape {arr.shape}")
    if not np.isfinite(arr).all():
        index = tuple(np.argwhere(~np.isfinite(arr))[0])
        raise CheckFailure(f"{name}: non-finite entry{_fmt_index(index)}")
    return arr.astype(float)


def _square(x: Any, name: str) -> np.ndarray:
    arr = _float_array(x, name, ndim=2)
    if arr.shape[0] != arr.shape[1]:
        raise CheckFailure(f"{name}: expected a square matrix, got shape {arr.shape}")
    return arr


def _require_small(values: np.ndarray, limit: float, what: str, tol_text: str, name: str) -> None:
    """Fail at the largest entry of `values` if it exceeds `limit`."""
    if values.size and values.max() > limit:
        index = np.unravel_index(int(np.argmax(values)), values.shape)
        raise CheckFailure(f"{name}: {what} {values[index]:.1e}{_fmt_index(index)} exceeds {tol_text}")


def assert_simplex(p: Any, axis: int = -1, atol: float = 1e-10, *, name: str = "output") -> None:
    """Every slice along `axis` is a probability vector: entries ≥ −atol, sum within atol of 1."""
    arr = _float_array(p, name)
    if arr.ndim == 0:
        raise CheckFailure(f"{name}: expected an array of probabilities, got a scalar")
    _require_small(-arr, atol, "negative entry of size", f"atol {atol:.1e}", name)
    sums = np.abs(arr.sum(axis=axis) - 1.0)
    _require_small(sums, atol, f"sum along axis {axis} misses 1 by", f"atol {atol:.1e}", name)


def _symmetric(M: Any, atol: float, name: str) -> tuple[np.ndarray, float]:
    """The square matrix M after checking |M − Mᵀ| ≤ atol·scale, and its scale max(1, max|M|)."""
    arr = _square(M, name)
    scale = max(1.0, float(np.abs(arr).max(initial=0.0)))
    _require_small(np.abs(arr - arr.T), atol * scale, "asymmetry |M - Mᵀ|", f"atol {atol:.1e}·scale", name)
    return arr, scale


def assert_symmetric(M: Any, atol: float = 1e-12, *, name: str = "matrix") -> None:
    """M is square and |M − Mᵀ| ≤ atol·scale entrywise (scale = max(1, max|M|))."""
    _symmetric(M, atol, name)


def assert_psd(M: Any, tol: float = 1e-10, *, name: str = "matrix") -> None:
    """M is symmetric (within tol·scale) and its smallest eigenvalue is ≥ −tol·scale."""
    arr, scale = _symmetric(M, tol, name)
    if arr.size == 0:
        return
    smallest = float(np.linalg.eigvalsh((arr + arr.T) / 2)[0])
    if smallest < -tol * scale:
        raise CheckFailure(f"{name}: smallest eigenvalue {smallest:.1e} is below -tol·scale (tol {tol:.1e})")


def assert_orthonormal_columns(Q: Any, atol: float = 1e-10, *, name: str = "matrix") -> None:
    """|QᵀQ − I| ≤ atol entrywise: the columns are unit length and mutually orthogonal."""
    arr = _float_array(Q, name, ndim=2)
    if arr.shape[1] > arr.shape[0]:
        raise CheckFailure(f"{name}: shape {arr.shape} has more columns than rows, so they cannot be orthonormal")
    gram_error = np.abs(arr.T @ arr - np.eye(arr.shape[1]))
    _require_small(gram_error, atol, "|QᵀQ - I|", f"atol {atol:.1e}", name)


def assert_permutation_matrix(P: Any, *, name: str = "matrix") -> None:
    """P is square with entries exactly 0 or 1 and a single 1 in every row and every column."""
    arr = _square(P, name)
    not_binary = (arr != 0) & (arr != 1)
    if not_binary.any():
        index = tuple(np.argwhere(not_binary)[0])
        raise CheckFailure(f"{name}: entry{_fmt_index(index)} is neither 0 nor 1")
    for axis, what in ((1, "row"), (0, "column")):
        counts = arr.sum(axis=axis)
        if (counts != 1).any():
            raise CheckFailure(f"{name}: {what} {int(np.argmax(counts != 1))} does not contain exactly one 1")


def assert_triangular(
    M: Any, lower: bool = True, unit_diagonal: bool = False, atol: float = 1e-12, *, name: str = "matrix"
) -> None:
    """Entries above (lower=True) or below the diagonal are ≤ atol·scale; with `unit_diagonal`, the
    diagonal is 1 within atol. Rectangular factors (e.g. U of a wide LU) are allowed."""
    arr = _float_array(M, name, ndim=2)
    scale = max(1.0, float(np.abs(arr).max(initial=0.0)))
    outside = np.triu(arr, 1) if lower else np.tril(arr, -1)
    side = "above" if lower else "below"
    _require_small(np.abs(outside), atol * scale, f"entry {side} the diagonal of size", f"atol {atol:.1e}·scale", name)
    if unit_diagonal:
        diag_error = np.abs(np.diagonal(arr) - 1.0)
        _require_small(diag_error, atol, "diagonal entry misses 1 by", f"atol {atol:.1e}", name)
