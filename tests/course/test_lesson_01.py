"""Lesson 01 (Vectors and Matrices): every exercise is fair (alternative correct implementations score
full marks) and sharp (each mistake listed in the curriculum fails at least one hidden test).
The 0-point visualization task q01_v1 has public data checks only and is not listed here."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.linalg

from aimath.checks.meta import Exercise, assert_fair_and_sharp

# --------------------------------------------------------------------------------------------------
# 01.1 is_linearly_independent


def independent_svd_ratio(V, tol=1e-10):
    V = np.asarray(V, dtype=float)
    d, k = V.shape
    if k == 0:
        return True
    if k > d:
        return False
    s = scipy.linalg.svdvals(V)
    return bool(s[-1] > tol * s[0])


def independent_matrix_rank(V, tol=1e-10):
    V = np.asarray(V, dtype=float)
    if V.shape[1] == 0:
        return True
    return bool(np.linalg.matrix_rank(V, rtol=tol) == V.shape[1])  # counts sigma > tol * sigma_max


def independent_pivoted_qr(V, tol=1e-10):
    """Rank-revealing QR: |R_kk| / |R_11| estimates sigma_min / sigma_max (far from the threshold here)."""
    V = np.asarray(V, dtype=float)
    d, k = V.shape
    if k == 0:
        return True
    if k > d:
        return False
    R = scipy.linalg.qr(V, mode="r", pivoting=True)[0]
    diag = np.abs(np.diag(R))
    return bool(diag[0] > 0 and diag[-1] > tol * diag[0])


def mutant_determinant(V, tol=1e-10):
    V = np.asarray(V, dtype=float)
    if V.shape[1] == 0:
        return True
    G = V if V.shape[0] == V.shape[1] else V.T @ V
    return bool(abs(np.linalg.det(G)) > tol)


def mutant_absolute_threshold(V, tol=1e-10):
    V = np.asarray(V, dtype=float)
    d, k = V.shape
    if k == 0:
        return True
    if k > d:
        return False
    return bool(np.linalg.svd(V, compute_uv=False)[-1] > tol)


def mutant_rows_instead_of_columns(V, tol=1e-10):
    W = np.asarray(V, dtype=float).T
    d, k = W.shape
    if k == 0:
        return True
    if k > d:
        return False
    s = np.linalg.svd(W, compute_uv=False)
    return bool(s[-1] > tol * s[0])


def mutant_gram_eigenvalues(V, tol=1e-10):
    """Extra mutant (Section 2 of the lesson): eigenvalues of V^T V square the condition number."""
    V = np.asarray(V, dtype=float)
    d, k = V.shape
    if k == 0:
        return True
    if k > d:
        return False
    lam = np.linalg.eigvalsh(V.T @ V)
    return bool(np.sqrt(max(lam[0], 0.0) / lam[-1]) > tol) if lam[-1] > 0 else False


def mutant_non_strict_inequality(V, tol=1e-10):
    """Extra mutant: sigma_min >= tol * sigma_max calls an all-zero matrix independent."""
    V = np.asarray(V, dtype=float)
    d, k = V.shape
    if k == 0:
        return True
    if k > d:
        return False
    s = np.linalg.svd(V, compute_uv=False)
    return bool(s[-1] >= tol * s[0])


# --------------------------------------------------------------------------------------------------
# 01.2 coordinates_in_basis


def coords_solve(B, X):
    B, X = np.asarray(B, dtype=float), np.asarray(X, dtype=float)
    return np.linalg.solve(B, X) if X.ndim == 1 else np.linalg.solve(B, X.T).T


def coords_inverse_transpose(B, X):
    return np.asarray(X, dtype=float) @ np.linalg.inv(np.asarray(B, dtype=float)).T


def coords_lstsq(B, X):
    B, X = np.asarray(B, dtype=float), np.asarray(X, dtype=float)
    rhs = X if X.ndim == 1 else X.T
    sol = np.linalg.lstsq(B, rhs, rcond=None)[0]
    return sol if X.ndim == 1 else sol.T


def coords_lu_factor(B, X):
    B, X = np.asarray(B, dtype=float), np.asarray(X, dtype=float)
    lu_piv = scipy.linalg.lu_factor(B)
    rows = np.atleast_2d(X)
    out = np.vstack([scipy.linalg.lu_solve(lu_piv, x) for x in rows]) if rows.shape[0] else np.zeros((0, B.shape[0]))
    return out[0] if X.ndim == 1 else out


def mutant_x_times_inverse(B, X):
    return np.asarray(X, dtype=float) @ np.linalg.inv(np.asarray(B, dtype=float))


def mutant_solve_with_transpose(B, X):
    B, X = np.asarray(B, dtype=float), np.asarray(X, dtype=float)
    return np.linalg.solve(B.T, X) if X.ndim == 1 else np.linalg.solve(B.T, X.T).T


def mutant_only_vectors(B, X):
    return np.linalg.solve(np.asarray(B, dtype=float), np.asarray(X, dtype=float))  # treats X as columns


# --------------------------------------------------------------------------------------------------
# 01.3 change_of_basis_matrix


def cob_solve(B_from, B_to):
    return np.linalg.solve(np.asarray(B_to, dtype=float), np.asarray(B_from, dtype=float))


def cob_inverse(B_from, B_to):
    return np.linalg.inv(np.asarray(B_to, dtype=float)) @ np.asarray(B_from, dtype=float)


def cob_column_by_column(B_from, B_to):
    B_from, B_to = np.asarray(B_from, dtype=float), np.asarray(B_to, dtype=float)
    return np.column_stack([np.linalg.lstsq(B_to, B_from[:, j], rcond=None)[0] for j in range(B_from.shape[1])])


def mutant_cob_inverse(B_from, B_to):
    return np.linalg.solve(np.asarray(B_from, dtype=float), np.asarray(B_to, dtype=float))


def mutant_cob_transposed(B_from, B_to):
    return np.linalg.solve(np.asarray(B_to, dtype=float), np.asarray(B_from, dtype=float)).T


# --------------------------------------------------------------------------------------------------
# 01.4 matrix_of_linear_map


def map_column_stack(f, d_in):
    return np.column_stack([np.asarray(f(e), dtype=float) for e in np.eye(d_in)])


def map_preallocated(f, d_in):
    first = np.asarray(f(np.eye(d_in)[0]), dtype=float)
    M = np.empty((first.size, d_in))
    M[:, 0] = first
    for j in range(1, d_in):
        e = np.zeros(d_in)
        e[j] = 1.0
        M[:, j] = np.asarray(f(e), dtype=float)
    return M


def map_apply_along_axis(f, d_in):
    return np.apply_along_axis(lambda e: np.asarray(f(e), dtype=float), 0, np.eye(d_in)).astype(float)


def mutant_rows(f, d_in):
    return np.array([np.asarray(f(e), dtype=float) for e in np.eye(d_in)])


def mutant_square(f, d_in):
    M = np.zeros((d_in, d_in))
    for j in range(d_in):
        e = np.zeros(d_in)
        e[j] = 1.0
        M[:, j] = np.asarray(f(e), dtype=float)
    return M


def mutant_batch_call(f, d_in):
    return np.asarray(f(np.eye(d_in)), dtype=float)


# --------------------------------------------------------------------------------------------------
# 01.5 gram_schmidt


def gs_modified(V, tol=1e-10):
    V = np.asarray(V, dtype=float)
    qs = []
    for j in range(V.shape[1]):
        w = V[:, j].copy()
        for q in qs:
            w -= (q @ w) * q
        if np.linalg.norm(w) <= tol * np.linalg.norm(V[:, j]):
            continue
        qs.append(w / np.linalg.norm(w))
    return np.column_stack(qs) if qs else np.zeros((V.shape[0], 0))


def gs_classical_twice(V, tol=1e-10):
    V = np.asarray(V, dtype=float)
    Q = np.zeros((V.shape[0], 0))
    for j in range(V.shape[1]):
        w = V[:, j] - Q @ (Q.T @ V[:, j])
        w = w - Q @ (Q.T @ w)  # re-orthogonalization
        if np.linalg.norm(w) <= tol * np.linalg.norm(V[:, j]):
            continue
        Q = np.column_stack([Q, w / np.linalg.norm(w)])
    return Q


def gs_householder(V, tol=1e-10):
    """Incremental Householder triangularization with the same drop rule; the kept columns of the
    orthogonal factor agree with Gram-Schmidt up to sign (uniqueness of QR with r_jj > 0)."""
    V = np.asarray(V, dtype=float)
    d, k = V.shape
    reflectors = []  # (position, unit vector)
    for j in range(k):
        x = V[:, j].copy()
        for r, h in reflectors:
            x[r:] -= 2.0 * h * (h @ x[r:])
        r = len(reflectors)
        tail = np.linalg.norm(x[r:]) if r < d else 0.0
        if tail <= tol * np.linalg.norm(V[:, j]):
            continue
        h = x[r:].copy()
        h[0] += np.copysign(tail, h[0]) if h[0] != 0 else tail
        reflectors.append((r, h / np.linalg.norm(h)))
    Q = np.zeros((d, len(reflectors)))
    for i in range(len(reflectors)):
        y = np.zeros(d)
        y[i] = 1.0
        for r, h in reversed(reflectors):
            y[r:] -= 2.0 * h * (h @ y[r:])
        Q[:, i] = y
    return Q


def mutant_classical(V, tol=1e-10):
    V = np.asarray(V, dtype=float)
    Q = np.zeros((V.shape[0], 0))
    for j in range(V.shape[1]):
        w = V[:, j] - Q @ (Q.T @ V[:, j])
        if np.linalg.norm(w) <= tol * np.linalg.norm(V[:, j]):
            continue
        Q = np.column_stack([Q, w / np.linalg.norm(w)])
    return Q


def mutant_no_drop(V, tol=1e-10):
    V = np.asarray(V, dtype=float)
    qs = []
    for j in range(V.shape[1]):
        w = V[:, j].copy()
        for _ in range(2):
            for q in qs:
                w -= (q @ w) * q
        with np.errstate(invalid="ignore", divide="ignore"):
            qs.append(w / np.linalg.norm(w))  # normalizes round-off noise (or 0/0)
    return np.column_stack(qs) if qs else np.zeros((V.shape[0], 0))


def mutant_project_on_originals(V, tol=1e-10):
    V = np.asarray(V, dtype=float)
    kept, qs = [], []
    for j in range(V.shape[1]):
        v = V[:, j]
        w = v.copy()
        for u in kept:
            w -= (u @ v) / (u @ u) * u  # projects on the original vectors, not on the q's
        if np.linalg.norm(w) <= tol * np.linalg.norm(v):
            continue
        kept.append(v)
        qs.append(w / np.linalg.norm(w))
    return np.column_stack(qs) if qs else np.zeros((V.shape[0], 0))


def mutant_absolute_drop_threshold(V, tol=1e-10):
    """Extra mutant: drops column j when ||w_j|| <= tol (absolute), so the rule depends on the scale of V."""
    V = np.asarray(V, dtype=float)
    qs = []
    for j in range(V.shape[1]):
        w = V[:, j].copy()
        for _ in range(2):
            for q in qs:
                w -= (q @ w) * q
        if np.linalg.norm(w) <= tol:
            continue
        qs.append(w / np.linalg.norm(w))
    return np.column_stack(qs) if qs else np.zeros((V.shape[0], 0))


def mutant_not_normalized(V, tol=1e-10):
    V = np.asarray(V, dtype=float)
    ws = []
    for j in range(V.shape[1]):
        w = V[:, j].copy()
        for _ in range(2):
            for u in ws:
                w -= (u @ w) / (u @ u) * u
        if np.linalg.norm(w) <= tol * np.linalg.norm(V[:, j]):
            continue
        ws.append(w)  # orthogonal but not unit length
    return np.column_stack(ws) if ws else np.zeros((V.shape[0], 0))


# --------------------------------------------------------------------------------------------------
# 01.6 project_onto_column_space


def proj_pinv(A, X):
    A, X = np.asarray(A, dtype=float), np.asarray(X, dtype=float)
    P = A @ np.linalg.pinv(A, rtol=1e-10)
    return P @ X if X.ndim == 1 else X @ P.T


def proj_lstsq(A, X):
    A, X = np.asarray(A, dtype=float), np.asarray(X, dtype=float)
    rhs = X if X.ndim == 1 else X.T
    coef = np.linalg.lstsq(A, rhs, rcond=1e-10)[0]
    fitted = A @ coef
    return fitted if X.ndim == 1 else fitted.T


def proj_pivoted_qr(A, X):
    A, X = np.asarray(A, dtype=float), np.asarray(X, dtype=float)
    Q, R, _ = scipy.linalg.qr(A, mode="economic", pivoting=True)
    diag = np.abs(np.diag(R))
    rank = int(np.sum(diag > 1e-10 * diag[0])) if diag.size and diag[0] > 0 else 0
    Qr = Q[:, :rank]
    return Qr @ (Qr.T @ X) if X.ndim == 1 else (X @ Qr) @ Qr.T


def mutant_normal_equations(A, X):
    A, X = np.asarray(A, dtype=float), np.asarray(X, dtype=float)
    P = A @ np.linalg.inv(A.T @ A) @ A.T
    return P @ X if X.ndim == 1 else X @ P.T


def mutant_row_space(A, X):
    A, X = np.asarray(A, dtype=float), np.asarray(X, dtype=float)
    _, s, Vt = np.linalg.svd(A, full_matrices=False)
    rank = int(np.sum(s > 1e-10 * s[0])) if s.size and s[0] > 0 else 0
    Wr = Vt[:rank].T  # basis of the row space, not of the column space
    return (X @ Wr) @ Wr.T


def mutant_coefficients(A, X):
    A, X = np.asarray(A, dtype=float), np.asarray(X, dtype=float)
    rhs = X if X.ndim == 1 else X.T
    coef = np.linalg.lstsq(A, rhs, rcond=1e-10)[0]
    return coef if X.ndim == 1 else coef.T


# --------------------------------------------------------------------------------------------------
# 01.7 rotate_points_2d


def rotate_matrix(X, theta):
    c, s = np.cos(theta), np.sin(theta)
    return np.asarray(X, dtype=float) @ np.array([[c, -s], [s, c]]).T


def rotate_complex(X, theta):
    X = np.asarray(X, dtype=float)
    z = (X[:, 0] + 1j * X[:, 1]) * np.exp(1j * theta)
    return np.column_stack([z.real, z.imag])


def rotate_explicit(X, theta):
    X = np.asarray(X, dtype=float)
    c, s = np.cos(theta), np.sin(theta)
    out = np.empty_like(X)
    out[:, 0] = c * X[:, 0] - s * X[:, 1]
    out[:, 1] = s * X[:, 0] + c * X[:, 1]
    return out


def mutant_clockwise(X, theta):
    c, s = np.cos(theta), np.sin(theta)
    return np.asarray(X, dtype=float) @ np.array([[c, -s], [s, c]])


def mutant_degrees(X, theta):
    t = np.deg2rad(theta)
    c, s = np.cos(t), np.sin(t)
    return np.asarray(X, dtype=float) @ np.array([[c, -s], [s, c]]).T


def mutant_transposed_output(X, theta):
    c, s = np.cos(theta), np.sin(theta)
    return np.array([[c, -s], [s, c]]) @ np.asarray(X, dtype=float).T


EXERCISES = [
    Exercise(
        "q01_1",
        alternatives={"scipy svdvals": independent_svd_ratio, "matrix_rank(rtol=tol)": independent_matrix_rank,
                      "pivoted QR": independent_pivoted_qr},
        mutants={"determinant": mutant_determinant, "absolute threshold on sigma_min": mutant_absolute_threshold,
                 "rows instead of columns": mutant_rows_instead_of_columns,
                 "extra: Gram-matrix eigenvalues": mutant_gram_eigenvalues,
                 "extra: >= instead of >": mutant_non_strict_inequality},
    ),
    Exercise(
        "q01_2",
        alternatives={"solve": coords_solve, "X @ inv(B).T": coords_inverse_transpose, "lstsq": coords_lstsq,
                      "LU factor, row by row": coords_lu_factor},
        mutants={"X @ inv(B)": mutant_x_times_inverse, "solve with B.T": mutant_solve_with_transpose,
                 "handles only 1-D input": mutant_only_vectors},
    ),
    Exercise(
        "q01_3",
        alternatives={"solve": cob_solve, "inv(B_to) @ B_from": cob_inverse, "column by column lstsq": cob_column_by_column},
        mutants={"returns P^-1": mutant_cob_inverse, "transposed P": mutant_cob_transposed},
    ),
    Exercise(
        "q01_4",
        alternatives={"column_stack": map_column_stack, "preallocated": map_preallocated,
                      "apply_along_axis": map_apply_along_axis},
        mutants={"images as rows": mutant_rows, "assumes a square matrix": mutant_square,
                 "calls f on a batch": mutant_batch_call},
    ),
    Exercise(
        "q01_5",
        alternatives={"modified GS": gs_modified, "classical GS twice": gs_classical_twice,
                      "Householder": gs_householder},
        mutants={"classical GS": mutant_classical, "no dropping": mutant_no_drop,
                 "projects on the original vectors": mutant_project_on_originals,
                 "not normalized": mutant_not_normalized,
                 "extra: absolute drop threshold": mutant_absolute_drop_threshold},
    ),
    Exercise(
        "q01_6",
        alternatives={"pinv": proj_pinv, "lstsq fitted values": proj_lstsq, "pivoted QR": proj_pivoted_qr},
        mutants={"A inv(A^T A) A^T": mutant_normal_equations, "row space": mutant_row_space,
                 "returns coefficients": mutant_coefficients},
    ),
    Exercise(
        "q01_7",
        alternatives={"X @ R.T": rotate_matrix, "complex multiplication": rotate_complex,
                      "explicit formulas": rotate_explicit},
        mutants={"X @ R (clockwise)": mutant_clockwise, "degrees": mutant_degrees,
                 "returns (2, n)": mutant_transposed_output},
    ),
]


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.question)
def test_fair_and_sharp(exercise):
    assert_fair_and_sharp("01", exercise)
