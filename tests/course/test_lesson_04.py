"""Lesson 04 (Norms and Distances): every exercise is fair (alternative correct implementations score
full marks) and sharp (each mistake listed in the curriculum fails at least one hidden test)."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pytest
import scipy.linalg
from scipy.spatial.distance import cdist

from aimath.checks.meta import Exercise, assert_fair_and_sharp

# --------------------------------------------------------------------------------------------------
# 04.1 lp_norm


def lp_norm_scaled_linalg(x, p, axis=-1):
    """Scale each slice by its max |entry|, then let np.linalg.norm do the rest."""
    x = np.asarray(x, dtype=float)
    m = np.max(np.abs(x), axis=axis, keepdims=True)
    safe = np.where(m > 0, m, 1.0)
    return np.squeeze(m, axis=axis) * np.linalg.norm(x / safe, ord=p, axis=axis)


def lp_norm_loop_fsum(x, p, axis=-1):
    """One slice at a time in Python floats, with an exactly rounded sum (math.fsum)."""
    x = np.moveaxis(np.asarray(x, dtype=float), axis, -1)
    out = np.empty(x.shape[:-1])
    for index in np.ndindex(out.shape):
        values = [abs(float(v)) for v in x[index]]
        m = max(values)
        if p == math.inf:
            out[index] = m
        elif m == 0.0:
            out[index] = 0.0
        else:
            out[index] = m * math.fsum((v / m) ** p for v in values) ** (1.0 / p)
    return out[()] if out.ndim == 0 else out


def lp_norm_power_of_two_scaling(x, p, axis=-1):
    """Scale by a power of two (exact in binary floating point) instead of by the max itself."""
    a = np.abs(np.asarray(x, dtype=float))
    if np.isinf(p):
        return np.max(a, axis=axis)
    m = np.max(a, axis=axis, keepdims=True)
    _, exponent = np.frexp(m)
    scaled = np.ldexp(a, -exponent)  # every entry now lies in [0, 1)
    return np.squeeze(np.ldexp(np.sum(scaled**p, axis=axis, keepdims=True) ** (1.0 / p), exponent), axis=axis)


def mutant_lp_missing_abs(x, p, axis=-1):
    x = np.asarray(x, dtype=float)
    if p == np.inf:
        return np.max(np.abs(x), axis=axis)
    m = np.max(np.abs(x), axis=axis, keepdims=True)
    safe = np.where(m > 0, m, 1.0)
    with np.errstate(invalid="ignore"):  # negative ** (1/p) is nan: the mistake, not a test problem
        return np.squeeze(m, axis=axis) * np.sum((x / safe) ** p, axis=axis) ** (1.0 / p)


def mutant_lp_inf_not_handled(x, p, axis=-1):
    p = float(p)
    if not math.isfinite(p):
        raise ValueError("only finite p is implemented")
    a = np.abs(np.asarray(x, dtype=float))
    m = np.max(a, axis=axis, keepdims=True)
    safe = np.where(m > 0, m, 1.0)
    return np.squeeze(m, axis=axis) * np.sum((a / safe) ** p, axis=axis) ** (1.0 / p)


def mutant_lp_overflow(x, p, axis=-1):
    a = np.abs(np.asarray(x, dtype=float))
    if p == np.inf:
        return np.max(a, axis=axis)
    return np.sum(a**p, axis=axis) ** (1.0 / p)


def mutant_lp_zero_slice_division(x, p, axis=-1):
    a = np.abs(np.asarray(x, dtype=float))
    if p == np.inf:
        return np.max(a, axis=axis)
    m = np.max(a, axis=axis, keepdims=True)
    return np.squeeze(m, axis=axis) * np.sum((a / m) ** p, axis=axis) ** (1.0 / p)


# --------------------------------------------------------------------------------------------------
# 04.2 cosine_similarity_matrix


def cosine_divide_by_outer_norms(A, B):
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    na = np.sqrt(np.einsum("ij,ij->i", A, A))
    nb = np.sqrt(np.einsum("ij,ij->i", B, B))
    denom = np.outer(na, nb)
    S = np.divide(A @ B.T, denom, out=np.zeros(denom.shape), where=denom > 0)
    return np.clip(S, -1.0, 1.0)


def cosine_via_cdist(A, B):
    """1 − scipy's cosine distance, with exactly-zero rows handled before scipy sees them."""
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    zero_a = ~np.any(A != 0, axis=1)
    zero_b = ~np.any(B != 0, axis=1)
    A_safe = np.where(zero_a[:, None], 1.0, A)
    B_safe = np.where(zero_b[:, None], 1.0, B)
    S = 1.0 - cdist(A_safe, B_safe, "cosine")
    S[zero_a, :] = 0.0
    S[:, zero_b] = 0.0
    return np.clip(S, -1.0, 1.0)


def cosine_pairwise_loop(A, B):
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    S = np.zeros((A.shape[0], B.shape[0]))
    for i, a in enumerate(A):
        for j, b in enumerate(B):
            na, nb = math.sqrt(float(a @ a)), math.sqrt(float(b @ b))
            if na > 0 and nb > 0:
                S[i, j] = min(1.0, max(-1.0, float(a @ b) / na / nb))
    return S


def mutant_cosine_columns_normalized(A, B):
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    na = np.linalg.norm(A, axis=0, keepdims=True)
    nb = np.linalg.norm(B, axis=0, keepdims=True)
    An = np.divide(A, na, out=np.zeros_like(A), where=na > 0)
    Bn = np.divide(B, nb, out=np.zeros_like(B), where=nb > 0)
    return np.clip(An @ Bn.T, -1.0, 1.0)


def mutant_cosine_nan_for_zero_rows(A, B):
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        An = A / np.linalg.norm(A, axis=1, keepdims=True)
        Bn = B / np.linalg.norm(B, axis=1, keepdims=True)
    return np.clip(An @ Bn.T, -1.0, 1.0)


def mutant_cosine_distance(A, B):
    return 1.0 - cosine_divide_by_outer_norms(A, B)


def mutant_cosine_zero_threshold(A, B):
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    na = np.linalg.norm(A, axis=1, keepdims=True)
    nb = np.linalg.norm(B, axis=1, keepdims=True)
    An = np.divide(A, na, out=np.zeros_like(A), where=na >= 1e-12)
    Bn = np.divide(B, nb, out=np.zeros_like(B), where=nb >= 1e-12)
    return np.clip(An @ Bn.T, -1.0, 1.0)


def mutant_cosine_no_clip(A, B):
    """Normalize the rows, multiply, and forget that rounding can leave [-1, 1] (the spec's clip)."""
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    na = np.linalg.norm(A, axis=1, keepdims=True)
    nb = np.linalg.norm(B, axis=1, keepdims=True)
    return np.divide(A, na, out=np.zeros_like(A), where=na > 0) @ np.divide(B, nb, out=np.zeros_like(B), where=nb > 0).T


def mutant_cosine_epsilon_in_norm(A, B):
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    An = A / (np.linalg.norm(A, axis=1, keepdims=True) + 1e-12)
    Bn = B / (np.linalg.norm(B, axis=1, keepdims=True) + 1e-12)
    return np.clip(An @ Bn.T, -1.0, 1.0)


# --------------------------------------------------------------------------------------------------
# 04.3 pairwise_sq_dists


def sq_dists_cdist(X, Y):
    return cdist(np.asarray(X, dtype=float), np.asarray(Y, dtype=float), "sqeuclidean")


def sq_dists_centered_expansion(X, Y):
    """Translate both sets by a common mean first (distances are translation invariant)."""
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    c = np.concatenate([X, Y]).mean(axis=0)
    Xc, Yc = X - c, Y - c
    D = (Xc**2).sum(axis=1)[:, None] + (Yc**2).sum(axis=1)[None, :] - 2.0 * np.dot(Xc, Yc.T)
    return np.clip(D, 0.0, None)


def sq_dists_gram_blocks(X, Y):
    """The expansion written as one block of the joint Gram matrix of [X; Y]."""
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    n = X.shape[0]
    Z = np.vstack([X, Y])
    G = Z @ Z.T
    g = np.diag(G)
    D = g[:n, None] + g[None, n:] - 2.0 * G[:n, n:]
    D[D < 0] = 0.0
    return D


def mutant_sq_dists_no_clamp(X, Y):
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    return (X**2).sum(axis=1)[:, None] + (Y**2).sum(axis=1)[None, :] - 2.0 * X @ Y.T


def mutant_sq_dists_sqrt(X, Y):
    return np.sqrt(sq_dists_centered_expansion(X, Y))


def mutant_sq_dists_wrong_axes(X, Y):
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    D = (X**2).sum(axis=1)[None, :] + (Y**2).sum(axis=1)[:, None] - 2.0 * X @ Y.T
    return np.maximum(D, 0.0)


def mutant_sq_dists_python_loop(X, Y):
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    D = np.empty((X.shape[0], Y.shape[0]))
    for i in range(X.shape[0]):
        for j in range(Y.shape[0]):
            diff = X[i] - Y[j]
            D[i, j] = diff @ diff
    return D


def mutant_sq_dists_broadcast_temporary(X, Y):
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    return ((X[:, None, :] - Y[None, :, :]) ** 2).sum(axis=-1)


# --------------------------------------------------------------------------------------------------
# 04.4 mahalanobis


def mahalanobis_solve(X, mu, Sigma):
    D = np.asarray(X, dtype=float) - np.asarray(mu, dtype=float)
    Z = np.linalg.solve(np.asarray(Sigma, dtype=float), D.T)
    return np.sqrt(np.maximum(np.sum(D.T * Z, axis=0), 0.0))


def mahalanobis_eigen_whitening(X, mu, Sigma):
    lam, V = np.linalg.eigh(np.asarray(Sigma, dtype=float))
    D = np.asarray(X, dtype=float) - np.asarray(mu, dtype=float)
    return np.linalg.norm((D @ V) / np.sqrt(lam), axis=1)


def mahalanobis_cho_solve(X, mu, Sigma):
    D = np.asarray(X, dtype=float) - np.asarray(mu, dtype=float)
    factor = scipy.linalg.cho_factor(np.asarray(Sigma, dtype=float))
    Z = scipy.linalg.cho_solve(factor, D.T)
    return np.sqrt(np.maximum(np.einsum("ij,ji->i", D, Z), 0.0))


def mutant_mahalanobis_sigma_not_inverse(X, mu, Sigma):
    D = np.asarray(X, dtype=float) - np.asarray(mu, dtype=float)
    return np.sqrt(np.einsum("ij,jk,ik->i", D, np.asarray(Sigma, dtype=float), D))


def mutant_mahalanobis_squared(X, mu, Sigma):
    return mahalanobis_solve(X, mu, Sigma) ** 2


def mutant_mahalanobis_no_centering(X, mu, Sigma):
    return mahalanobis_solve(X, np.zeros_like(np.asarray(mu, dtype=float)), Sigma)


def mutant_mahalanobis_n_by_n(X, mu, Sigma):
    D = np.asarray(X, dtype=float) - np.asarray(mu, dtype=float)
    with np.errstate(invalid="ignore"):
        return np.sqrt(D @ np.linalg.inv(np.asarray(Sigma, dtype=float)) @ D.T)


# --------------------------------------------------------------------------------------------------
# 04.5 matrix_norms


def matrix_norms_linalg(A):
    A = np.asarray(A, dtype=float)
    return {
        "fro": float(np.linalg.norm(A, "fro")),
        "spectral": float(np.linalg.norm(A, 2)),
        "nuclear": float(np.linalg.norm(A, "nuc")),
        "l1_induced": float(np.linalg.norm(A, 1)),
        "linf_induced": float(np.linalg.norm(A, np.inf)),
    }


def matrix_norms_loops_and_svd(A):
    A = np.asarray(A, dtype=float)
    m, n = A.shape
    s = scipy.linalg.svdvals(A)
    col_sums = [math.fsum(abs(A[i, j]) for i in range(m)) for j in range(n)]
    row_sums = [math.fsum(abs(A[i, j]) for j in range(n)) for i in range(m)]
    return {
        "fro": math.sqrt(math.fsum(float(v) ** 2 for v in s)),
        "spectral": float(max(s)),
        "nuclear": math.fsum(float(v) for v in s),
        "l1_induced": max(col_sums),
        "linf_induced": max(row_sums),
    }


def matrix_norms_gram(A):
    """Frobenius from the trace of the Gram matrix, spectral from its largest eigenvalue."""
    A = np.asarray(A, dtype=float)
    G = A.T @ A
    return {
        "fro": float(np.sqrt(np.trace(G))),
        "spectral": float(np.sqrt(np.linalg.eigvalsh(G)[-1])),
        "nuclear": float(np.sum(np.linalg.svd(A, compute_uv=False))),
        "l1_induced": float(np.abs(A).sum(axis=0).max()),
        "linf_induced": float(np.abs(A.T).sum(axis=0).max()),
    }


def mutant_norms_swapped_induced(A):
    out = matrix_norms_linalg(A)
    out["l1_induced"], out["linf_induced"] = out["linf_induced"], out["l1_induced"]
    return out


def mutant_norms_spectral_from_eigenvalues(A):
    out = matrix_norms_linalg(A)
    out["spectral"] = float(np.max(np.abs(np.linalg.eigvals(np.asarray(A, dtype=float)))))
    return out


def mutant_norms_nuclear_is_trace(A):
    out = matrix_norms_linalg(A)
    out["nuclear"] = float(np.trace(np.asarray(A, dtype=float)))
    return out


# --------------------------------------------------------------------------------------------------
# 04.6 knn_classify


def knn_lexsort_cdist(X_train, y_train, X_test, k):
    y_train = np.asarray(y_train)
    D = cdist(np.asarray(X_test, dtype=float), np.asarray(X_train, dtype=float))
    index = np.arange(D.shape[1])
    out = np.empty(D.shape[0], dtype=np.int64)
    for i, row in enumerate(D):
        nearest = np.lexsort((index, row))[:k]  # primary key: distance, then training index
        counts = np.bincount(y_train[nearest])
        out[i] = np.flatnonzero(counts == counts.max())[0]
    return out


def knn_python_sorted(X_train, y_train, X_test, k):
    X_train = np.asarray(X_train, dtype=float)
    labels = [int(v) for v in y_train]
    out = []
    for q in np.asarray(X_test, dtype=float):
        d2 = [float(np.sum((x - q) ** 2)) for x in X_train]
        nearest = sorted(range(len(d2)), key=lambda j: (d2[j], j))[:k]
        votes = Counter(labels[j] for j in nearest)
        best = max(votes.values())
        out.append(min(label for label, c in votes.items() if c == best))
    return np.array(out, dtype=np.int64)


def knn_expansion_unique(X_train, y_train, X_test, k):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    y_train = np.asarray(y_train)
    D = (X_test**2).sum(1)[:, None] + (X_train**2).sum(1)[None, :] - 2.0 * X_test @ X_train.T
    order = np.argsort(D, axis=1, kind="stable")[:, :k]
    out = np.empty(X_test.shape[0], dtype=np.int64)
    for i, row in enumerate(order):
        values, counts = np.unique(y_train[row], return_counts=True)  # values sorted ascending
        out[i] = values[np.argmax(counts)]
    return out


def mutant_knn_argpartition(X_train, y_train, X_test, k):
    y_train = np.asarray(y_train)
    D = cdist(np.asarray(X_test, dtype=float), np.asarray(X_train, dtype=float), "sqeuclidean")
    nearest = np.argpartition(D, k - 1, axis=1)[:, :k]
    return np.array([np.argmax(np.bincount(y_train[row])) for row in nearest], dtype=np.int64)


def mutant_knn_off_by_one(X_train, y_train, X_test, k):
    y_train = np.asarray(y_train)
    D = cdist(np.asarray(X_test, dtype=float), np.asarray(X_train, dtype=float), "sqeuclidean")
    nearest = np.argsort(D, axis=1, kind="stable")[:, 1 : k + 1]  # as if the query were in the training set
    return np.array([np.argmax(np.bincount(y_train[row])) for row in nearest], dtype=np.int64)


def mutant_knn_first_occurrence_tie(X_train, y_train, X_test, k):
    y_train = np.asarray(y_train)
    D = cdist(np.asarray(X_test, dtype=float), np.asarray(X_train, dtype=float), "sqeuclidean")
    nearest = np.argsort(D, axis=1, kind="stable")[:, :k]
    # Counter.most_common keeps first-encountered order among equal counts
    return np.array([Counter(y_train[row].tolist()).most_common(1)[0][0] for row in nearest], dtype=np.int64)


# --------------------------------------------------------------------------------------------------

EXERCISES = [
    Exercise(
        "q04_1",
        alternatives={
            "max-scaling then np.linalg.norm": lp_norm_scaled_linalg,
            "per-slice loop with math.fsum": lp_norm_loop_fsum,
            "power-of-two scaling (frexp/ldexp)": lp_norm_power_of_two_scaling,
        },
        mutants={
            "missing abs (odd p on negative entries)": mutant_lp_missing_abs,
            "p = inf not handled": mutant_lp_inf_not_handled,
            "overflow (no scaling)": mutant_lp_overflow,
            "scaling divides by 0 on an all-zero slice": mutant_lp_zero_slice_division,
        },
    ),
    Exercise(
        "q04_2",
        alternatives={
            "A B^T divided by the outer product of norms": cosine_divide_by_outer_norms,
            "1 - scipy cdist cosine distance": cosine_via_cdist,
            "pairwise Python loop": cosine_pairwise_loop,
        },
        mutants={
            "normalizing columns instead of rows": mutant_cosine_columns_normalized,
            "nan from 0/0 on zero rows": mutant_cosine_nan_for_zero_rows,
            "returning the distance 1 - cos": mutant_cosine_distance,
            "zero rows detected with norm < 1e-12": mutant_cosine_zero_threshold,
            "epsilon added to the norm": mutant_cosine_epsilon_in_norm,
            "results not clipped to [-1, 1] (spec)": mutant_cosine_no_clip,
        },
    ),
    Exercise(
        "q04_3",
        alternatives={
            "scipy cdist sqeuclidean": sq_dists_cdist,
            "expansion after centering": sq_dists_centered_expansion,
            "blocks of the joint Gram matrix": sq_dists_gram_blocks,
        },
        mutants={
            "no clamp (negative values)": mutant_sq_dists_no_clamp,
            "returning distances (sqrt)": mutant_sq_dists_sqrt,
            "broadcasting on wrong axes": mutant_sq_dists_wrong_axes,
            "O(n m) Python double loop": mutant_sq_dists_python_loop,
            "(n, m, d) broadcast temporary": mutant_sq_dists_broadcast_temporary,
        },
    ),
    Exercise(
        "q04_4",
        alternatives={
            "np.linalg.solve": mahalanobis_solve,
            "eigendecomposition whitening": mahalanobis_eigen_whitening,
            "scipy cho_factor / cho_solve": mahalanobis_cho_solve,
        },
        mutants={
            "Sigma instead of Sigma^-1": mutant_mahalanobis_sigma_not_inverse,
            "squared distance": mutant_mahalanobis_squared,
            "mu not subtracted": mutant_mahalanobis_no_centering,
            "X @ inv(Sigma) @ X.T (n x n)": mutant_mahalanobis_n_by_n,
        },
    ),
    Exercise(
        "q04_5",
        alternatives={
            "np.linalg.norm with ord": matrix_norms_linalg,
            "svdvals and explicit sums": matrix_norms_loops_and_svd,
            "Gram matrix trace / top eigenvalue": matrix_norms_gram,
        },
        mutants={
            "l1 and linf induced norms swapped": mutant_norms_swapped_induced,
            "spectral norm = max |eigenvalue|": mutant_norms_spectral_from_eigenvalues,
            "nuclear norm = trace": mutant_norms_nuclear_is_trace,
        },
    ),
    Exercise(
        "q04_6",
        alternatives={
            "lexsort on (distance, index) with cdist": knn_lexsort_cdist,
            "sorted() with a (distance, index) key and Counter": knn_python_sorted,
            "expansion distances, stable argsort, np.unique": knn_expansion_unique,
        },
        mutants={
            "np.argpartition without a stable order on ties": mutant_knn_argpartition,
            "off-by-one (k + 1, as if excluding self)": mutant_knn_off_by_one,
            "vote ties by first occurrence": mutant_knn_first_occurrence_tie,
        },
    ),
]


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.question)
def test_fair_and_sharp(exercise):
    assert_fair_and_sharp("04", exercise)
