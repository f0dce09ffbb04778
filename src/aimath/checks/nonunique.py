"""Comparisons for outputs that are not unique (curriculum §3.3, §6.3).

Each helper compares what the mathematics determines (eigenspace projectors, jointly signed rank-1
terms, Gram matrices, clusterings up to relabelling, multisets, optimal values) and never what an
algorithm happens to return, so that every correct method passes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np

from .calling import call_student
from .compare import _as_array, _call_comparator, _check_shape, _compare_values, assert_close
from .errors import CheckFailure
from .predicates import _float_array, assert_orthonormal_columns


def _columns(x: Any, name: str) -> np.ndarray:
    """A finite real 2-D array; a 1-D vector becomes one column."""
    arr = _float_array(x, name)
    if arr.ndim == 1:
        return arr[:, None]
    if arr.ndim != 2:
        raise CheckFailure(f"{name}: expected a vector or a matrix, got shape {arr.shape}")
    return arr


def _basis(A: np.ndarray, rank_tol: float) -> np.ndarray:
    """Orthonormal basis of the column space; singular values ≤ rank_tol·σ₁ count as zero."""
    U, s, _ = np.linalg.svd(A, full_matrices=False)
    rank = int(np.sum(s > rank_tol * s[0])) if s.size and s[0] > 0 else 0
    return U[:, :rank]


def _clusters(values: np.ndarray, rtol: float) -> list[np.ndarray]:
    """Runs of consecutive (sorted) values whose gaps are ≤ rtol·max|values|."""
    if values.size == 0:
        return []
    gap_tol = rtol * float(np.abs(values).max())
    breaks = np.flatnonzero(np.abs(np.diff(values)) > gap_tol) + 1
    return np.split(np.arange(values.size), breaks)


def _positions(index: np.ndarray) -> str:
    return f"position {int(index[0])}" if index.size == 1 else f"positions {[int(i) for i in index]} (tied)"


def _check_descending(values: np.ndarray, tie_rtol: float, name: str) -> None:
    rises = np.diff(values) > tie_rtol * max(1.0, float(np.abs(values).max(initial=0.0)))
    if rises.any():
        i = int(np.argmax(rises))
        raise CheckFailure(f"{name}: not in descending order (position {i + 1} is larger than position {i})")


def _spectrum(values: Any, ref_values: np.ndarray, rtol: float, tie_rtol: float, name: str) -> np.ndarray:
    """Student eigen/singular values: shape, descending order, then T2-style closeness.

    The absolute tolerance is rtol·max(1, max|λ|): a backward-stable method errs by about
    eps·‖S‖ on every eigenvalue, so small eigenvalues are judged relative to the largest.
    """
    vals = _float_array(values, name)
    _check_shape(vals, ref_values.shape, name)
    _check_descending(vals, tie_rtol, name)
    _compare_values(vals, ref_values, rtol=rtol, atol=rtol, name=name)
    return vals


def _prefixed(name: str, part: str) -> str:
    return f"{name} {part}" if name else part


# --------------------------------------------------------------------------------------------------


def assert_columns_equal_up_to_sign(
    A: Any, B: Any, *, atol: float = 1e-8, axis: int = 0, name: str = "columns"
) -> None:
    """Every column (axis=0) or row (axis=1) of A equals the one of the reference B up to sign:
    min(‖a−b‖∞, ‖a+b‖∞) ≤ atol·scale. Only for simple eigen/singular values and Gram–Schmidt columns."""
    a, b = _float_array(A, name), _float_array(B, "reference")
    _check_shape(a, b.shape, name)
    if a.ndim == 1:
        a, b = a[:, None], b[:, None]
    elif axis == 1:
        a, b = a.T, b.T
    what = "row" if axis == 1 and a.shape[1] > 1 else "column"
    if a.size == 0:
        return
    scale = max(1.0, float(np.abs(b).max()))
    errors = np.minimum(np.abs(a - b).max(axis=0), np.abs(a + b).max(axis=0))
    worst = int(np.argmax(errors))
    if errors[worst] > atol * scale:
        raise CheckFailure(
            f"{name}: {what} {worst} differs from the expected one (up to sign) by {errors[worst]:.1e} "
            f"(max abs), exceeding atol {atol:.1e}·scale"
        )


def assert_same_subspace(
    A: Any, B: Any, *, atol: float = 1e-8, rank_tol: float = 1e-10, name: str = "subspace"
) -> None:
    """The columns of A span the same subspace as those of the reference B: equal ranks (by SVD) and
    ‖P_A − P_B‖₂ ≤ atol. The feedback gives the largest principal angle."""
    a, b = _columns(A, name), _columns(B, "reference")
    if a.shape[0] != b.shape[0]:
        raise CheckFailure(f"{name}: vectors of length {a.shape[0]} do not match the expected length")
    Ua, Ub = _basis(a, rank_tol), _basis(b, rank_tol)
    if Ua.shape[1] != Ub.shape[1]:
        raise CheckFailure(f"{name}: spans a subspace of dimension {Ua.shape[1]}; the expected dimension differs")
    if Ua.shape[1] == 0:
        return
    gap = float(np.linalg.norm(Ua @ Ua.T - Ub @ Ub.T, 2))
    if gap > atol:
        from scipy.linalg import subspace_angles

        angle = float(np.max(subspace_angles(Ua, Ub)))
        raise CheckFailure(
            f"{name}: projector difference ‖P - P_ref‖₂ = {gap:.1e} exceeds atol {atol:.1e} "
            f"(largest principal angle {angle:.1e} rad)"
        )


def _check_cluster_projectors(V: np.ndarray, R: np.ndarray, clusters: list[np.ndarray], atol: float, name: str) -> None:
    """Per cluster of equal eigenvalues, span(V[:, I]) = span(R[:, I]) via ‖V_I V_Iᵀ − R_I R_Iᵀ‖₂."""
    gaps = [float(np.linalg.norm(V[:, i] @ V[:, i].T - R[:, i] @ R[:, i].T, 2)) for i in clusters]
    if gaps and max(gaps) > atol:
        worst = int(np.argmax(gaps))
        raise CheckFailure(
            f"{name}: the columns at {_positions(clusters[worst])} span the wrong eigenspace: "
            f"‖P - P_ref‖₂ = {gaps[worst]:.1e} exceeds {atol:.1e}"
        )


def assert_same_eigensystem(
    vals: Any,
    vecs: Any,
    ref_vals: Any,
    ref_vecs: Any = None,
    *,
    matrix: Any = None,
    cluster_rtol: float = 1e-8,
    rtol: float = 1e-8,
    name: str = "",
) -> None:
    """A (partial) symmetric eigendecomposition equals the reference, whatever basis it picked
    inside a repeated eigenspace.

    Checks: eigenvalues in descending order and close to `ref_vals` (rtol, atol = rtol·max|λ|);
    eigenvectors as orthonormal columns (atol rtol); for each cluster of reference eigenvalues (gaps
    ≤ cluster_rtol·max|λ|) the projector onto the student's vectors equals the reference projector
    (a simple eigenvalue is the sign-invariant special case). The reference eigenspaces come from
    `ref_vecs`, or, when only `matrix` is given, from `np.linalg.eigh(matrix)`. With `matrix`, also
    ‖SV − VΛ‖₂ ≤ rtol·max(1, ‖S‖₂).
    """
    if ref_vecs is None and matrix is None:
        raise ValueError("assert_same_eigensystem needs ref_vecs or matrix")
    vals_name, vecs_name = _prefixed(name, "eigenvalues"), _prefixed(name, "eigenvectors")
    ref_vals = _float_array(ref_vals, "reference eigenvalues", ndim=1)
    S = None if matrix is None else _float_array(matrix, "matrix", ndim=2)
    if ref_vecs is not None:
        R = _float_array(ref_vecs, "reference eigenvectors", ndim=2)
    else:
        R = np.linalg.eigh((S + S.T) / 2)[1][:, ::-1][:, : ref_vals.size]
    lam = _spectrum(vals, ref_vals, rtol, cluster_rtol, vals_name)
    V = _float_array(vecs, vecs_name, ndim=2)
    _check_shape(V, R.shape, vecs_name)
    assert_orthonormal_columns(V, atol=rtol, name=vecs_name)
    _check_cluster_projectors(V, R, _clusters(ref_vals, cluster_rtol), rtol, vecs_name)
    if S is not None:
        residual = float(np.linalg.norm(S @ V - V * lam, 2))
        if residual > rtol * max(1.0, float(np.linalg.norm(S, 2))):
            raise CheckFailure(
                f"{vecs_name}: residual ‖SV - VΛ‖₂ = {residual:.1e} exceeds rtol {rtol:.1e}·max(1, ‖S‖₂)"
            )


def assert_svd_equivalent(
    U: Any, s: Any, Vt: Any, A: Any, k: int, *, rtol: float = 1e-8, tie_rtol: float = 1e-8, name: str = ""
) -> None:
    """(U, s, Vt) is a rank-k truncated SVD of A, whatever signs and tie-bases it picked.

    Checks shapes (m, k), (k,), (k, n); s descending and close to A's top-k singular values (rtol,
    atol = rtol·σ₁); orthonormal columns of U and rows of Vt; then per cluster of tied singular
    values (gaps ≤ tie_rtol·σ₁): the block term Σ σᵢuᵢvᵢᵀ equals the reference one (for a simple σ
    this is the rank-1 term, invariant to flipping uᵢ and vᵢ together; for a tie it fixes the left and
    right projectors and their pairing). A tied block cut by k has no unique top part; its vectors
    must satisfy A vᵢ = σᵢuᵢ and Aᵀuᵢ = σᵢvᵢ instead. All with atol rtol·max(1, σ₁).
    """
    A = _float_array(A, "matrix", ndim=2)
    m, n = A.shape
    Ur, sr, Vtr = np.linalg.svd(A, full_matrices=False)
    s_name = _prefixed(name, "singular values")
    U = _float_array(U, _prefixed(name, "U"))
    Vt = _float_array(Vt, _prefixed(name, "Vt"))
    _check_shape(U, (m, k), _prefixed(name, "U"))
    _check_shape(Vt, (k, n), _prefixed(name, "Vt"))
    s = _spectrum(s, sr[:k], rtol, tie_rtol, s_name)
    assert_orthonormal_columns(U, atol=rtol, name=_prefixed(name, "U"))
    assert_orthonormal_columns(Vt.T, atol=rtol, name=_prefixed(name, "Vt (rows)"))
    findings = [_svd_cluster_error(A, U, s, Vt, Ur, sr, Vtr, cluster[cluster < k], cluster.size)
                for cluster in _clusters(sr, tie_rtol) if cluster[0] < k]
    tol = rtol * max(1.0, float(sr[0]) if sr.size else 0.0)
    if findings and max(findings)[0] > tol:
        error, what, positions = max(findings)
        raise CheckFailure(
            f"{_prefixed(name, 'singular vectors')}: {what} at {positions} differs by {error:.1e} (max abs), "
            f"exceeding rtol {rtol:.1e}·max(1, σ₁)"
        )


def _svd_cluster_error(A: np.ndarray, U: np.ndarray, s: np.ndarray, Vt: np.ndarray, Ur: np.ndarray,
                       sr: np.ndarray, Vtr: np.ndarray, index: np.ndarray, cluster_size: int
                       ) -> tuple[float, str, str]:
    """(error, what was compared, positions) for one cluster of tied singular values."""
    if index.size == cluster_size:
        block = (U[:, index] * s[index]) @ Vt[index]
        error = float(np.abs(block - (Ur[:, index] * sr[index]) @ Vtr[index]).max())
        what = "rank-1 term σᵢuᵢvᵢᵀ" if index.size == 1 else "block Σσᵢuᵢvᵢᵀ"
    else:
        sigma = sr[index]
        error = max(
            float(np.abs(A @ Vt[index].T - U[:, index] * sigma).max()),
            float(np.abs(A.T @ U[:, index] - Vt[index].T * sigma).max()),
        )
        what = "singular-pair residual (Av - σu, Aᵀu - σv)"
    return error, what, _positions(index)


def assert_equal_up_to_orthogonal(
    Y: Any, Y_ref: Any, *, center: bool = True, rtol: float = 1e-8, name: str = "embedding"
) -> None:
    """Y equals Y_ref up to a rotation/reflection (and, with `center`, a translation): the (centered)
    Gram matrices agree within rtol·max(1, max|G_ref|). The feedback adds the residual left after
    the best orthogonal alignment (Procrustes)."""
    y, yr = _columns(Y, name), _columns(Y_ref, "reference")
    _check_shape(y, yr.shape, name)
    if center:
        y, yr = y - y.mean(axis=0), yr - yr.mean(axis=0)
    G, Gr = y @ y.T, yr @ yr.T
    error = float(np.abs(G - Gr).max(initial=0.0))
    if error > rtol * max(1.0, float(np.abs(Gr).max(initial=0.0))):
        from scipy.linalg import orthogonal_procrustes

        Q, _ = orthogonal_procrustes(y, yr)
        residual = float(np.linalg.norm(y @ Q - yr)) / max(1.0, float(np.linalg.norm(yr)))
        raise CheckFailure(
            f"{name}: Gram matrices differ by {error:.1e} (max abs), exceeding rtol {rtol:.1e}·scale; "
            f"after the best rotation/reflection the points still miss by {residual:.1e} (relative Frobenius)"
        )


def _adjusted_rand_index(table: np.ndarray) -> float:
    def pairs(x: np.ndarray) -> float:
        return float((x * (x - 1) / 2).sum())

    n = table.sum()
    total, rows, cols = pairs(table), pairs(table.sum(axis=1)), pairs(table.sum(axis=0))
    expected = rows * cols / (n * (n - 1) / 2) if n > 1 else 0.0
    maximum = (rows + cols) / 2
    return 1.0 if maximum == expected else (total - expected) / (maximum - expected)


def assert_labels_equivalent(
    labels: Any, ref_labels: Any, *, min_agreement: float = 1.0, name: str = "labels"
) -> None:
    """Two clusterings agree up to a renaming of the clusters: same number of clusters, and under the
    best one-to-one renaming (Hungarian matching on the contingency table) at least `min_agreement`
    of the points carry matching labels. The feedback adds the adjusted Rand index."""
    from scipy.optimize import linear_sum_assignment

    got, ref = _as_array(labels, name), _as_array(ref_labels, "reference")
    _check_shape(got, ref.shape, name)
    if got.dtype.kind not in "iu" or got.ndim != 1:
        raise CheckFailure(f"{name}: expected a 1-D array of integer labels, got dtype {got.dtype}, shape {got.shape}")
    if got.size == 0:
        return
    got_ids, got_inv = np.unique(got, return_inverse=True)
    ref_ids, ref_inv = np.unique(ref, return_inverse=True)
    if got_ids.size != ref_ids.size:
        raise CheckFailure(f"{name}: found {got_ids.size} clusters; the expected number of clusters differs")
    table = np.zeros((got_ids.size, ref_ids.size), dtype=np.int64)
    np.add.at(table, (got_inv, ref_inv), 1)
    rows, cols = linear_sum_assignment(table, maximize=True)
    agreement = table[rows, cols].sum() / got.size
    if agreement < min_agreement - 1e-12:
        raise CheckFailure(
            f"{name}: only {100 * agreement:.1f} % of the points agree with the expected clustering under the "
            f"best relabelling (required {100 * min_agreement:.1f} %; adjusted Rand index "
            f"{_adjusted_rand_index(table):.3f})"
        )


def _numeric(item: Any, point: Mapping[Any, Any] | None) -> np.ndarray:
    """An item (number, array, tuple of them, SymPy object) as a flat complex vector."""
    if isinstance(item, (list, tuple)):
        parts = [_numeric(part, point) for part in item]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=complex)
    if type(item).__module__.startswith("sympy"):
        from .symbolic import _elements, _evaluate

        return np.array([_evaluate(e, point) for e in _elements(item)[1]], dtype=complex)
    return _as_array(item, "item").astype(complex).ravel()


def _distance_matrix(items: list[Any], refs: list[Any]) -> np.ndarray:
    """Max-abs distances between items and references, at 3 sample points if they hold symbols."""
    from .symbolic import _free_symbols, _sample_points

    symbols = _free_symbols(items + refs)
    points = _sample_points(symbols, None, np.random.default_rng(20240601), 3) if symbols else [None]
    D = np.zeros((len(items), len(refs)))
    for point in points:
        got = [_numeric(item, point) for item in items]
        want = [_numeric(ref, point) for ref in refs]
        for i, g in enumerate(got):
            for j, w in enumerate(want):
                ok = g.shape == w.shape and np.isfinite(g).all() and np.isfinite(w).all()
                D[i, j] = max(D[i, j], float(np.abs(g - w).max(initial=0.0)) if ok else np.inf)
    return D


def assert_unordered_close(
    items: Iterable[Any],
    ref_items: Iterable[Any],
    *,
    comparator: Callable[..., Any] = assert_close,
    name: str = "items",
) -> None:
    """`items` equals `ref_items` as a multiset: Hungarian matching on pairwise distances (numbers,
    arrays, tuples, or SymPy objects evaluated numerically), then `comparator(item, ref)` per pair."""
    from scipy.optimize import linear_sum_assignment

    if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
        raise CheckFailure(f"{name}: expected a collection of items, got {type(items).__name__}")
    items, refs = list(items), list(ref_items)
    if len(items) != len(refs):
        raise CheckFailure(f"{name}: has {len(items)} items; the expected number differs")
    if not items:
        return
    try:
        D = _distance_matrix(items, refs)
    except CheckFailure as exc:
        raise CheckFailure(f"{name}: an item could not be evaluated as numbers ({exc})") from None
    rows, cols = linear_sum_assignment(np.where(np.isfinite(D), D, 1e100))
    for i, j in zip(rows, cols):
        _call_comparator(comparator, items[i], refs[j], f"{name}[{i}]")


def assert_objective_close(
    objective: Callable[[Any], Any], x: Any, f_star: float, *, rtol: float = 1e-8, name: str = "objective"
) -> None:
    """For problems with non-unique minimizers: objective(x) is within rtol·max(1, |f*|) of the
    optimal value f*."""
    value = _as_array(objective(x), name)
    if value.ndim != 0 or not np.isfinite(value):
        raise CheckFailure(f"{name}: the objective at your solution is not a finite number")
    gap = float(value.real) - float(f_star)
    if abs(gap) > rtol * max(1.0, abs(float(f_star))):
        side = "above" if gap > 0 else "below (is the solution feasible?)"
        raise CheckFailure(
            f"{name}: the value at your solution is {abs(gap):.1e} {side} the optimal value, "
            f"exceeding rtol {rtol:.1e}·max(1, |f*|)"
        )


def assert_kkt_residuals(
    residuals: Mapping[str, Any], tol: float, *, scale: float = 1.0, name: str = "KKT"
) -> None:
    """Every named residual (stationarity, feasibility, complementarity; scalars or arrays, judged by
    their largest absolute entry) is ≤ tol·scale, where the caller sets `scale` for the problem's
    magnitude (default 1)."""
    for key, residual in residuals.items():
        size = np.abs(_as_array(residual, f"{name} {key} residual"))
        worst = float(size.max(initial=0.0)) if np.isfinite(size).all() else np.inf
        if worst > tol * scale:
            raise CheckFailure(f"{name}: {key} residual {worst:.1e} exceeds tol {tol:.1e}·scale")


def assert_equivariant(
    fn: Callable[..., Any],
    args: tuple[Any, ...],
    transform_in: Callable[[tuple[Any, ...]], tuple[Any, ...]],
    transform_out: Callable[[Any], Any],
    *,
    name: str = "output",
    **close_kw: Any,
) -> None:
    """fn(*transform_in(args)) ≈ transform_out(fn(*args)) by `assert_close(**close_kw)`, e.g. permuting
    nodes or tokens permutes the output (15.6, 17.5). `fn` is called through `call_student`."""
    base = call_student(fn, *args)
    moved = call_student(fn, *transform_in(tuple(args)))
    assert_close(moved, transform_out(base), name=f"{name} for the transformed input vs the transformed {name}",
                 **close_kw)
