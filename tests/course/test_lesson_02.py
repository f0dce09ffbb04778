"""Lesson 02 (Matrix Decompositions): every exercise is fair (alternative correct implementations,
by genuinely different methods, score full marks) and sharp (each mistake listed in the curriculum
fails at least one hidden test)."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.linalg
import sympy

from aimath.checks.meta import Exercise, assert_fair_and_sharp

# --------------------------------------------------------------------------------------------------
# 02.1 sym_eig_sorted


def eig_scipy_evr_argsort(S):
    S = np.asarray(S, dtype=float)
    w, V = scipy.linalg.eigh(S, driver="evr")
    order = np.argsort(-w, kind="stable")
    return w[order], V[:, order]


def eig_via_svd_of_shifted(S):
    # S + cI is positive definite for c above the spectral radius (Gershgorin bound); for an SPD
    # matrix the SVD is its eigendecomposition, already in descending order, with U = V.
    S = np.asarray(S, dtype=float)
    S = (S + S.T) / 2
    c = np.abs(S).sum(axis=1).max() + 1.0
    _, s, Vt = np.linalg.svd(S + c * np.eye(S.shape[0]))
    return s - c, Vt.T.copy()


def eig_cyclic_jacobi(S):
    # Cyclic Jacobi rotations (Golub & Van Loan §8.5) until the off-diagonal part vanishes.
    A = np.array(S, dtype=float)
    A = (A + A.T) / 2
    n = A.shape[0]
    V = np.eye(n)
    scale = max(np.linalg.norm(A), 1e-300)
    for _ in range(100):
        off = np.linalg.norm(A - np.diag(np.diag(A)))
        if off <= 1e-16 * scale:
            break
        for p in range(n - 1):
            for q in range(p + 1, n):
                if A[p, q] == 0.0:
                    continue
                tau = (A[q, q] - A[p, p]) / (2.0 * A[p, q])
                t = np.sign(tau) / (abs(tau) + np.sqrt(1.0 + tau * tau)) if tau != 0 else 1.0
                c = 1.0 / np.sqrt(1.0 + t * t)
                s = t * c
                J = np.eye(n)
                J[p, p] = J[q, q] = c
                J[p, q], J[q, p] = s, -s
                A = J.T @ A @ J
                V = V @ J
    w = np.diag(A).copy()
    order = np.argsort(-w, kind="stable")
    return w[order], V[:, order]


def mutant_np_linalg_eig(S):
    w, V = np.linalg.eig(np.asarray(S, dtype=float))
    return w.real, V.real


def mutant_np_linalg_eig_sorted(S):
    w, V = np.linalg.eig(np.asarray(S, dtype=float))
    order = np.argsort(-w.real)
    return w.real[order], V.real[:, order]


def mutant_vectors_not_permuted(S):
    w, V = np.linalg.eigh(np.asarray(S, dtype=float))
    return w[::-1].copy(), V


def mutant_vectors_as_rows(S):
    w, V = np.linalg.eigh(np.asarray(S, dtype=float))
    return w[::-1].copy(), V[:, ::-1].T.copy()


def mutant_sorted_by_magnitude(S):
    w, V = np.linalg.eigh(np.asarray(S, dtype=float))
    order = np.argsort(-np.abs(w), kind="stable")
    return w[order], V[:, order]


# --------------------------------------------------------------------------------------------------
# 02.8 eigvals_2x2_symmetric_sym


def eigvals_by_solve():
    a, b, c = sympy.symbols("a b c", real=True)
    lam = sympy.Symbol("lam")
    p = sympy.Matrix([[a, b], [b, c]]).charpoly(lam).as_expr()
    return list(sympy.solve(p, lam))


def eigvals_trace_determinant():
    a, b, c = sympy.symbols("a b c", real=True)
    t, det = a + c, a * c - b ** 2
    root = sympy.sqrt(t ** 2 / 4 - det)
    return [t / 2 - root, t / 2 + root]


def eigvals_matrix_eigenvals():
    a, b, c = sympy.symbols("a b c", real=True)
    return list(sympy.Matrix([[a, b], [b, c]]).eigenvals().keys())


def mutant_discriminant_sign():
    a, b, c = sympy.symbols("a b c", real=True)
    disc = sympy.sqrt((a + c) ** 2 - 4 * b ** 2)
    return [(a + c + disc) / 2, (a + c - disc) / 2]


def mutant_one_root():
    a, b, c = sympy.symbols("a b c", real=True)
    return [(a + c + sympy.sqrt((a - c) ** 2 + 4 * b ** 2)) / 2]


def mutant_returns_polynomial():
    a, b, c = sympy.symbols("a b c", real=True)
    lam = sympy.Symbol("lambda")
    return [lam ** 2 - (a + c) * lam + a * c - b ** 2]


# --------------------------------------------------------------------------------------------------
# 02.2 power_iteration


def power_iteration_inf_norm(A, v0, n_iter):
    # Rescale by the max-norm each step (same directions), normalize in the 2-norm at the end.
    A = np.asarray(A, dtype=float)
    v = np.asarray(v0, dtype=float)
    v = v / np.abs(v).max()
    for _ in range(n_iter):
        w = A @ v
        v = w / np.abs(w).max()
    v = v / np.linalg.norm(v)
    return float(v @ (A @ v)), v


def power_iteration_qr_normalized(A, v0, n_iter):
    # Orthogonal (subspace) iteration with a single column: normalize through a QR factorization.
    A = np.asarray(A, dtype=float)
    Q, _ = np.linalg.qr(np.asarray(v0, dtype=float).reshape(-1, 1))
    for _ in range(n_iter):
        Q, _ = np.linalg.qr(A @ Q)
    v = Q[:, 0].copy()
    lam = (v @ A @ v) / (v @ v)
    return lam, v


def mutant_eigenvalue_as_norm(A, v0, n_iter):
    A = np.asarray(A, dtype=float)
    v = np.asarray(v0, dtype=float) / np.linalg.norm(v0)
    for _ in range(n_iter):
        w = A @ v
        v = w / np.linalg.norm(w)
    return float(np.linalg.norm(A @ v)), v


def mutant_no_per_step_normalization(A, v0, n_iter):
    A = np.asarray(A, dtype=float)
    v = np.asarray(v0, dtype=float)
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(n_iter):
            v = A @ v
        v = v / np.linalg.norm(v)
        return float(v @ A @ v), v


def mutant_unnormalized_vector(A, v0, n_iter):
    A = np.asarray(A, dtype=float)
    v = np.asarray(v0, dtype=float) / np.linalg.norm(v0)
    w = v
    for _ in range(n_iter):
        w = A @ v
        v = w / np.linalg.norm(w)
    return float(v @ A @ v), w


def mutant_normalizes_v0_in_place(A, v0, n_iter):
    # Correct numbers, but v0 is normalized in place: the universal no-mutation check must catch it.
    A = np.asarray(A, dtype=float)
    v = np.asarray(v0, dtype=float)
    v /= np.linalg.norm(v)
    for _ in range(n_iter):
        w = A @ v
        v = w / np.linalg.norm(w)
    return float(v @ A @ v), v


def mutant_iterates_with_transpose(A, v0, n_iter):
    A = np.asarray(A, dtype=float)
    v = np.asarray(v0, dtype=float) / np.linalg.norm(v0)
    for _ in range(n_iter):
        w = A.T @ v
        v = w / np.linalg.norm(w)
    return float(v @ A @ v), v


# --------------------------------------------------------------------------------------------------
# 02.3 truncated_svd, low_rank_approx


def tsvd_gesvd(A, k):
    A = np.asarray(A, dtype=float)
    U, s, Vt = scipy.linalg.svd(A, full_matrices=False, lapack_driver="gesvd")
    return U[:, :k], s[:k], Vt[:k]


def lowrank_left_projection(A, k):
    # A_k = U_k U_k^T A: project the columns of A onto the top-k left singular subspace.
    A = np.asarray(A, dtype=float)
    U, _, _ = scipy.linalg.svd(A, full_matrices=False, lapack_driver="gesvd")
    return U[:, :k] @ (U[:, :k].T @ A)


def _qr_svd(A):
    # R-SVD (Chan 1982): QR first, then the SVD of the small triangular factor.
    A = np.asarray(A, dtype=float)
    m, n = A.shape
    if m >= n:
        Q, R = np.linalg.qr(A)
        Ur, s, Vt = np.linalg.svd(R)
        return Q @ Ur, s, Vt
    Q, R = np.linalg.qr(A.T)
    Ur, s, Vt = np.linalg.svd(R)
    return Vt.T, s, (Q @ Ur).T


def tsvd_via_qr(A, k):
    U, s, Vt = _qr_svd(A)
    return U[:, :k].copy(), s[:k].copy(), Vt[:k].copy()


def lowrank_right_projection(A, k):
    # A_k = A V_k V_k^T: project the rows of A onto the top-k right singular subspace.
    A = np.asarray(A, dtype=float)
    _, _, Vt = _qr_svd(A)
    return (A @ Vt[:k].T) @ Vt[:k]


def mutant_last_k_tsvd(A, k):
    U, s, Vt = np.linalg.svd(np.asarray(A, dtype=float), full_matrices=False)
    p = s.size
    return U[:, p - k:], s[p - k:], Vt[p - k:]


def mutant_last_k_lowrank(A, k):
    U, s, Vt = mutant_last_k_tsvd(A, k)
    return (U * s) @ Vt


def mutant_returns_v(A, k):
    U, s, Vt = np.linalg.svd(np.asarray(A, dtype=float), full_matrices=False)
    return U[:, :k], s[:k], Vt[:k].T


def mutant_full_matrices_tsvd(A, k):
    U, s, Vt = np.linalg.svd(np.asarray(A, dtype=float))
    return U, s[:k], Vt


def mutant_full_matrices_lowrank(A, k):
    U, s, Vt = np.linalg.svd(np.asarray(A, dtype=float))
    kept = np.where(np.arange(s.size) < k, s, 0.0)
    return U @ np.diag(kept) @ Vt


def mutant_lowrank_without_s(A, k):
    U, s, Vt = np.linalg.svd(np.asarray(A, dtype=float), full_matrices=False)
    return U[:, :k] @ Vt[:k]


# --------------------------------------------------------------------------------------------------
# 02.4 pca_fit


def pca_eigh_covariance(X, k):
    X = np.asarray(X, dtype=float)
    C = np.atleast_2d(np.cov(X, rowvar=False))
    w, V = np.linalg.eigh(C)
    order = np.argsort(-w, kind="stable")[:k]
    return X.mean(axis=0), V[:, order].T.copy(), w[order]


def pca_r_svd(X, k):
    # QR of the centered data, then the SVD of R: the same right singular vectors.
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    _, R = np.linalg.qr(X - mean)
    _, s, Vt = np.linalg.svd(R, full_matrices=False)
    return mean, Vt[:k].copy(), s[:k] ** 2 / (X.shape[0] - 1)


def mutant_pca_uncentered(X, k):
    X = np.asarray(X, dtype=float)
    _, s, Vt = np.linalg.svd(X, full_matrices=False)
    return X.mean(axis=0), Vt[:k].copy(), s[:k] ** 2 / (X.shape[0] - 1)


def mutant_pca_divides_by_n(X, k):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    _, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
    return mean, Vt[:k].copy(), s[:k] ** 2 / X.shape[0]


def mutant_pca_cov_rowvar(X, k):
    X = np.asarray(X, dtype=float)
    w, V = np.linalg.eigh(np.cov(X))  # n x n: the samples are treated as variables
    order = np.argsort(-w)[:k]
    return X.mean(axis=0), V[:, order].T.copy(), w[order]


def mutant_pca_components_as_columns(X, k):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    _, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
    return mean, Vt[:k].T.copy(), s[:k] ** 2 / (X.shape[0] - 1)


def mutant_pca_centers_in_place(X, k):
    # Correct numbers, but X is centered in place (input mutation).
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    X -= mean
    _, s, Vt = np.linalg.svd(X, full_matrices=False)
    return mean, Vt[:k].copy(), s[:k] ** 2 / (X.shape[0] - 1)


def mutant_pca_takes_u(X, k):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    U, s, _ = np.linalg.svd(X - mean, full_matrices=False)
    return mean, U[:, :k].T.copy(), s[:k] ** 2 / (X.shape[0] - 1)


# --------------------------------------------------------------------------------------------------
# 02.5 pca_reconstruct


def reconstruct_eigh_projector(X, k):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    w, V = np.linalg.eigh(np.atleast_2d(np.cov(X, rowvar=False)))
    W = V[:, np.argsort(-w, kind="stable")[:k]]  # (d, k), orthonormal columns
    return mean + (X - mean) @ W @ W.T


def reconstruct_truncated_svd(X, k):
    # Eckart-Young: the rank-k truncated SVD of the centered data, plus the mean.
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    U, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
    return mean + (U[:, :k] * s[:k]) @ Vt[:k]


def _top_components(X, k):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    _, _, Vt = np.linalg.svd(X - mean, full_matrices=False)
    return X, mean, Vt


def mutant_mean_not_added_back(X, k):
    X, mean, Vt = _top_components(X, k)
    W = Vt[:k]
    return (X - mean) @ W.T @ W


def mutant_projects_uncentered(X, k):
    X, mean, Vt = _top_components(X, k)
    W = Vt[:k]
    return mean + X @ W.T @ W


def mutant_wrong_orientation(X, k):
    X, mean, Vt = _top_components(X, k)
    B = Vt[:, :k]  # columns of Vt instead of its rows
    return mean + (X - mean) @ B @ B.T


# --------------------------------------------------------------------------------------------------
# 02.6 lu_partial_pivot


def lu_left_looking(A):
    # Left-looking ("gaxpy") elimination (Golub & Van Loan ch. 3): column j of L and U from the
    # earlier columns of L, with the pivot chosen on the updated column.
    W = np.array(A, dtype=float)
    n = W.shape[0]
    L, U = np.eye(n), np.zeros((n, n))
    perm = np.arange(n)
    for j in range(n):
        z = W[:j, j].copy()
        for i in range(j):
            z[i] -= L[i, :i] @ z[:i]
        U[:j, j] = z
        v = W[j:, j] - L[j:, :j] @ z
        p = int(np.argmax(np.abs(v)))
        if p != 0:
            W[[j, j + p]] = W[[j + p, j]]
            L[[j, j + p], :j] = L[[j + p, j], :j]
            perm[[j, j + p]] = perm[[j + p, j]]
            v[[0, p]] = v[[p, 0]]
        U[j, j] = v[0]
        if v[0] != 0.0:
            L[j + 1:, j] = v[1:] / v[0]
    return np.eye(n)[perm], L, U


def lu_gauss_transforms(A):
    # Matrix-product form (Trefethen & Bau, Lecture 21): U = M_{n-1} Pi_{n-1} ... M_1 Pi_1 A and
    # L = P (M_{n-1} Pi_{n-1} ... M_1 Pi_1)^{-1}, built from explicit elementary matrices.
    U = np.array(A, dtype=float)
    n = U.shape[0]
    P = np.eye(n)
    T_inv = np.eye(n)
    for j in range(n - 1):
        p = j + int(np.argmax(np.abs(U[j:, j])))
        Pi = np.eye(n)
        Pi[[j, p]] = Pi[[p, j]]
        U = Pi @ U
        P = Pi @ P
        M_inv = np.eye(n)
        if U[j, j] != 0.0:
            M_inv[j + 1:, j] = U[j + 1:, j] / U[j, j]
        M = 2.0 * np.eye(n) - M_inv  # (I + l e_j^T)^{-1} = I - l e_j^T
        U = M @ U
        U[j + 1:, j] = 0.0
        T_inv = T_inv @ Pi.T @ M_inv
    return P, P @ T_inv, U


def _lu_core(A, *, pivot=True, swap_l=True):
    U = np.array(A, dtype=float)
    n = U.shape[0]
    L = np.eye(n)
    perm = np.arange(n)
    with np.errstate(divide="ignore", invalid="ignore"):
        for j in range(n - 1):
            p = j + int(np.argmax(np.abs(U[j:, j]))) if pivot else j
            if p != j:
                U[[j, p], :] = U[[p, j], :]
                if swap_l:
                    L[[j, p], :j] = L[[p, j], :j]
                perm[[j, p]] = perm[[p, j]]
            if pivot and U[j, j] == 0.0:
                continue
            mult = U[j + 1:, j] / U[j, j]
            L[j + 1:, j] = mult
            U[j + 1:, j:] -= np.outer(mult, U[j, j:])
            U[j + 1:, j] = 0.0
    return np.eye(n)[perm], L, U


def mutant_lu_no_pivoting(A):
    return _lu_core(A, pivot=False)


def mutant_lu_scipy_convention(A):
    P, L, U = _lu_core(A)
    return P.T.copy(), L, U  # A = P L U


def mutant_lu_not_unit_diagonal(A):
    # Crout form: the pivots on the diagonal of L, U unit upper triangular (still P A = L U).
    P, L, U = _lu_core(A)
    d = np.diag(U).copy()
    with np.errstate(divide="ignore", invalid="ignore"):
        return P, L * d, U / d[:, None]


def mutant_lu_l_rows_not_swapped(A):
    return _lu_core(A, swap_l=False)


def mutant_lu_in_place(A):
    # Correct factors, but the elimination overwrites A (np.asarray does not copy a float array).
    U = np.asarray(A, dtype=float)
    n = U.shape[0]
    L = np.eye(n)
    perm = np.arange(n)
    for j in range(n - 1):
        p = j + int(np.argmax(np.abs(U[j:, j])))
        if p != j:
            U[[j, p], :] = U[[p, j], :]
            L[[j, p], :j] = L[[p, j], :j]
            perm[[j, p]] = perm[[p, j]]
        if U[j, j] == 0.0:
            continue
        mult = U[j + 1:, j] / U[j, j]
        L[j + 1:, j] = mult
        U[j + 1:, j:] -= np.outer(mult, U[j, j:])
        U[j + 1:, j] = 0.0
    return np.eye(n)[perm], L, U.copy()


def mutant_lu_calls_scipy(A):
    p, l, u = scipy.linalg.lu(np.asarray(A, dtype=float))  # forbidden in this exercise
    return p.T.copy(), l, u


# --------------------------------------------------------------------------------------------------
# 02.7 least_squares_qr


def lstsq_householder(X, y):
    # Householder QR applied implicitly to y (Trefethen & Bau Alg. 10.1 and 11.2).
    A = np.array(X, dtype=float)
    b = np.array(y, dtype=float)
    n, d = A.shape
    for j in range(d):
        x = A[j:, j].copy()
        v = x.copy()
        v[0] += np.copysign(np.linalg.norm(x), x[0])
        norm_v = np.linalg.norm(v)
        if norm_v == 0.0:
            continue
        v /= norm_v
        A[j:, j:] -= 2.0 * np.outer(v, v @ A[j:, j:])
        b[j:] -= 2.0 * np.outer(v, v @ b[j:]).reshape(b[j:].shape)
    return scipy.linalg.solve_triangular(np.triu(A[:d]), b[:d])


def lstsq_mgs_augmented(X, y):
    # Modified Gram-Schmidt on the augmented matrix [X y] (Bjorck 1967): backward stable for LS.
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    cols = y[:, None] if y.ndim == 1 else y
    d = X.shape[1]
    out = []
    for t in range(cols.shape[1]):
        A = np.column_stack([X, cols[:, t]])
        R = np.zeros((d + 1, d + 1))
        for j in range(d + 1):
            for i in range(j):
                R[i, j] = A[:, i] @ A[:, j]
                A[:, j] -= R[i, j] * A[:, i]
            R[j, j] = np.linalg.norm(A[:, j])
            if j < d:
                A[:, j] /= R[j, j]
        out.append(scipy.linalg.solve_triangular(R[:d, :d], R[:d, d]))
    beta = np.column_stack(out)
    return beta[:, 0] if y.ndim == 1 else beta


def lstsq_pivoted_qr(X, y):
    # Column-pivoted (rank-revealing) QR, X[:, piv] = Q R, then undo the permutation.
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    Q, R, piv = scipy.linalg.qr(X, mode="economic", pivoting=True)
    z = scipy.linalg.solve_triangular(R, Q.T @ y)
    beta = np.empty_like(z)
    beta[piv] = z
    return beta


def mutant_normal_equations(X, y):
    X = np.asarray(X, dtype=float)
    return np.linalg.solve(X.T @ X, X.T @ np.asarray(y, dtype=float))


def mutant_complete_q(X, y):
    Q, R = np.linalg.qr(np.asarray(X, dtype=float), mode="complete")
    return scipy.linalg.solve_triangular(R, Q.T @ np.asarray(y, dtype=float))


def mutant_forgets_qt(X, y):
    X = np.asarray(X, dtype=float)
    _, R = np.linalg.qr(X)
    return scipy.linalg.solve_triangular(R, np.asarray(y, dtype=float)[: X.shape[1]])


def mutant_gram_schmidt_q(X, y):
    # Not a listed mistake, but the lesson warns against it: Q by modified Gram-Schmidt (orthonormal only
    # to ~u kappa), R = Q^T X, then R beta = Q^T y is not backward stable (fails at kappa = 1e7).
    X = np.asarray(X, dtype=float)
    Q = X.copy()
    for j in range(Q.shape[1]):
        for i in range(j):
            Q[:, j] -= (Q[:, i] @ Q[:, j]) * Q[:, i]
        Q[:, j] /= np.linalg.norm(Q[:, j])
    return scipy.linalg.solve_triangular(np.triu(Q.T @ X), Q.T @ np.asarray(y, dtype=float))


def mutant_transposed_r(X, y):
    Q, R = np.linalg.qr(np.asarray(X, dtype=float))
    return np.linalg.solve(R.T, Q.T @ np.asarray(y, dtype=float))


# --------------------------------------------------------------------------------------------------

EXERCISES = [
    Exercise(
        "q02_1",
        alternatives={
            "scipy eigh (evr) + stable argsort": eig_scipy_evr_argsort,
            "SVD of the shifted SPD matrix": eig_via_svd_of_shifted,
            "cyclic Jacobi rotations": eig_cyclic_jacobi,
        },
        mutants={
            "np.linalg.eig (unsorted)": mutant_np_linalg_eig,
            "np.linalg.eig, sorted": mutant_np_linalg_eig_sorted,
            "eigenvalues sorted, vectors not permuted": mutant_vectors_not_permuted,
            "eigenvectors as rows": mutant_vectors_as_rows,
            "sorted by |lambda|": mutant_sorted_by_magnitude,
        },
    ),
    Exercise(
        "q02_8",
        alternatives={
            "sympy.solve of the characteristic polynomial": eigvals_by_solve,
            "trace/determinant formula": eigvals_trace_determinant,
            "Matrix.eigenvals": eigvals_matrix_eigenvals,
        },
        mutants={
            "sign error in the discriminant": mutant_discriminant_sign,
            "only one root": mutant_one_root,
            "returns the polynomial": mutant_returns_polynomial,
        },
    ),
    Exercise(
        "q02_2",
        alternatives={
            "max-norm rescaling": power_iteration_inf_norm,
            "QR-normalized (orthogonal iteration, p = 1)": power_iteration_qr_normalized,
        },
        mutants={
            "eigenvalue = ||Av||": mutant_eigenvalue_as_norm,
            "no per-step normalization": mutant_no_per_step_normalization,
            "unnormalized vector returned": mutant_unnormalized_vector,
            "iterates with A.T": mutant_iterates_with_transpose,
            "normalizes v0 in place (input mutation)": mutant_normalizes_v0_in_place,
        },
    ),
    Exercise(
        "q02_3",
        alternatives={
            "gesvd + U_k U_k^T A": {"truncated_svd": tsvd_gesvd, "low_rank_approx": lowrank_left_projection},
            "R-SVD + A V_k V_k^T": {"truncated_svd": tsvd_via_qr, "low_rank_approx": lowrank_right_projection},
        },
        mutants={
            "last k singular triplets": {"truncated_svd": mutant_last_k_tsvd, "low_rank_approx": mutant_last_k_lowrank},
            "returns V instead of Vt": {"truncated_svd": mutant_returns_v},
            "full_matrices=True shapes": {"truncated_svd": mutant_full_matrices_tsvd,
                                          "low_rank_approx": mutant_full_matrices_lowrank},
            "U_k @ Vt_k without s": {"low_rank_approx": mutant_lowrank_without_s},
        },
    ),
    Exercise(
        "q02_4",
        alternatives={
            "eigh of np.cov(rowvar=False)": pca_eigh_covariance,
            "QR then SVD of R": pca_r_svd,
        },
        mutants={
            "no centering": mutant_pca_uncentered,
            "divides by n": mutant_pca_divides_by_n,
            "np.cov(X) without rowvar=False": mutant_pca_cov_rowvar,
            "components as columns": mutant_pca_components_as_columns,
            "U instead of V": mutant_pca_takes_u,
            "centers X in place (input mutation)": mutant_pca_centers_in_place,
        },
    ),
    Exercise(
        "q02_5",
        alternatives={
            "covariance eigenvector projector": reconstruct_eigh_projector,
            "truncated SVD of the centered data": reconstruct_truncated_svd,
        },
        mutants={
            "mean not added back": mutant_mean_not_added_back,
            "projects uncentered data": mutant_projects_uncentered,
            "wrong orientation of components": mutant_wrong_orientation,
        },
    ),
    Exercise(
        "q02_6",
        alternatives={
            "left-looking (gaxpy) elimination": lu_left_looking,
            "explicit Gauss transforms and permutations": lu_gauss_transforms,
        },
        mutants={
            "no pivoting": mutant_lu_no_pivoting,
            "scipy convention A = P L U": mutant_lu_scipy_convention,
            "L without unit diagonal (Crout)": mutant_lu_not_unit_diagonal,
            "rows of U swapped but not of L": mutant_lu_l_rows_not_swapped,
            "calls scipy.linalg.lu (forbidden)": mutant_lu_calls_scipy,
            "eliminates in place (input mutation)": mutant_lu_in_place,
        },
    ),
    Exercise(
        "q02_7",
        alternatives={
            "Householder QR applied to y": lstsq_householder,
            "MGS on the augmented matrix [X y]": lstsq_mgs_augmented,
            "column-pivoted QR": lstsq_pivoted_qr,
        },
        mutants={
            "normal equations": mutant_normal_equations,
            "mode='complete' Q": mutant_complete_q,
            "forgets Q^T": mutant_forgets_qt,
            "transposed R": mutant_transposed_r,
            "modified Gram-Schmidt Q, R = Q^T X": mutant_gram_schmidt_q,
        },
    ),
]


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.question)
def test_fair_and_sharp(exercise):
    assert_fair_and_sharp("02", exercise)
