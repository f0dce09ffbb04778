"""Comparisons for non-unique outputs: correct alternatives pass, the listed mistakes fail."""

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from aimath import checks as C
from aimath.checks import CheckFailure


def random_orthogonal(rng, n):
    Q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    return Q


def symmetric_with(eigenvalues, seed=0):
    Q = random_orthogonal(np.random.default_rng(seed), len(eigenvalues))
    return Q @ np.diag(eigenvalues) @ Q.T


def eigh_descending(S):
    w, V = np.linalg.eigh(S)
    return w[::-1], V[:, ::-1]


# --- columns up to sign / subspaces ------------------------------------------------------------------


def test_columns_up_to_sign_accepts_flips_and_rejects_changes():
    B = random_orthogonal(np.random.default_rng(1), 4)[:, :3]
    C.assert_columns_equal_up_to_sign(B * np.array([1, -1, -1]), B)
    C.assert_columns_equal_up_to_sign((B * np.array([-1, 1, -1])).T, B.T, axis=1)
    C.assert_columns_equal_up_to_sign(-B[:, 0], B[:, 0])
    wrong = B.copy()
    wrong[:, 2] = -wrong[:, 2] + 1e-6
    with pytest.raises(CheckFailure, match="column 2 differs .* by 1.0e-06"):
        C.assert_columns_equal_up_to_sign(wrong, B)
    with pytest.raises(CheckFailure, match="row 1 differs"):
        C.assert_columns_equal_up_to_sign(B.T[[0, 2, 1]], B.T, axis=1)


def test_columns_up_to_sign_rejects_a_half_flipped_column():
    b = np.array([0.6, 0.8])
    with pytest.raises(CheckFailure):
        C.assert_columns_equal_up_to_sign(np.array([0.6, -0.8]), b)


def test_same_subspace_accepts_any_basis_of_the_span():
    rng = np.random.default_rng(2)
    B = rng.standard_normal((6, 3))
    C.assert_same_subspace(B @ rng.standard_normal((3, 3)), B)
    C.assert_same_subspace(np.linalg.qr(B)[0], B)


def test_same_subspace_rejects_a_tilted_subspace_and_reports_the_angle():
    rng = np.random.default_rng(3)
    B = np.linalg.qr(rng.standard_normal((6, 2)))[0]
    tilted = B.copy()
    tilted[:, 1] += 1e-3 * np.linalg.qr(np.hstack([B, rng.standard_normal((6, 1))]))[0][:, 2]
    with pytest.raises(CheckFailure, match=r"‖P - P_ref‖₂ = 1.0e-03 .* principal angle 1.0e-03 rad"):
        C.assert_same_subspace(tilted, B)


def test_same_subspace_rejects_a_different_dimension():
    B = np.eye(4)[:, :2]
    with pytest.raises(CheckFailure, match="dimension 1; the expected dimension differs"):
        C.assert_same_subspace(np.column_stack([B[:, 0], 2 * B[:, 0]]), B)
    with pytest.raises(CheckFailure, match="length 3"):
        C.assert_same_subspace(np.eye(3)[:, :2], B)


# --- eigensystems ------------------------------------------------------------------------------------

REPEATED = [3.0, 2.0, 2.0, 2.0, 1.0]


def test_eigensystem_accepts_eigh_and_a_rotated_basis_in_the_repeated_eigenspace():
    S = symmetric_with(REPEATED)
    w, V = eigh_descending(S)
    C.assert_same_eigensystem(w, V, w, V, matrix=S)
    rotation = random_orthogonal(np.random.default_rng(9), 3)
    V_rotated = V.copy()
    V_rotated[:, 1:4] = V[:, 1:4] @ rotation
    V_rotated[:, 0] *= -1
    assert np.abs(V_rotated[:, 1:4] - V[:, 1:4]).max() > 0.1  # genuinely a different basis
    C.assert_same_eigensystem(w, V_rotated, w, V, matrix=S)
    C.assert_same_eigensystem(w, V_rotated, w, matrix=S)  # reference eigenspaces from the matrix


def test_eigensystem_rejects_np_linalg_eig_output():
    S = symmetric_with(REPEATED)
    w_ref, V_ref = eigh_descending(S)
    w, V = np.linalg.eig(S)
    w, V = w.real, V.real
    assert np.abs(V.T @ V - np.eye(5)).max() > 0.1  # eig's vectors are not orthogonal here
    with pytest.raises(CheckFailure, match="not in descending order"):
        C.assert_same_eigensystem(w, V, w_ref, V_ref, matrix=S)
    order = np.argsort(w)[::-1]
    with pytest.raises(CheckFailure, match=r"eigenvectors: \|QᵀQ - I\|"):
        C.assert_same_eigensystem(w[order], V[:, order], w_ref, V_ref, matrix=S)


def test_eigensystem_rejects_unpermuted_vectors_and_rows():
    S = symmetric_with([4.0, -5.0, 1.0, 2.5], seed=4)
    w, V = np.linalg.eigh(S)
    w_ref, V_ref = eigh_descending(S)
    with pytest.raises(CheckFailure, match="eigenvectors: the columns at position . span the wrong eigenspace"):
        C.assert_same_eigensystem(np.sort(w)[::-1], V, w_ref, V_ref, matrix=S)
    with pytest.raises(CheckFailure, match="span the wrong eigenspace"):
        C.assert_same_eigensystem(w_ref, V_ref.T, w_ref, V_ref)
    by_magnitude = np.argsort(-np.abs(w))
    with pytest.raises(CheckFailure, match="eigenvalues: not in descending order"):
        C.assert_same_eigensystem(w[by_magnitude], V[:, by_magnitude], w_ref, V_ref)


def test_eigensystem_reports_wrong_eigenvalues_and_residuals():
    S = symmetric_with([4.0, 1.0, -2.0], seed=5)
    w, V = eigh_descending(S)
    with pytest.raises(CheckFailure, match="eigenvalues: abs error 1.0e-04 at index 1"):
        C.assert_same_eigensystem(w + np.array([0, 1e-4, 0]), V, w, V)
    with pytest.raises(CheckFailure, match="shape"):
        C.assert_same_eigensystem(w, V[:, :2], w, V)
    with pytest.raises(ValueError):
        C.assert_same_eigensystem(w, V, w)


def test_eigensystem_of_a_1x1_matrix():
    C.assert_same_eigensystem(np.array([2.0]), np.array([[-1.0]]), np.array([2.0]), matrix=np.array([[2.0]]))


# --- SVD ---------------------------------------------------------------------------------------------


def test_svd_accepts_joint_sign_flips_and_rejects_single_flips():
    A = np.random.default_rng(6).standard_normal((6, 4))
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    k = 3
    flips = np.array([-1.0, 1.0, -1.0])
    C.assert_svd_equivalent(U[:, :k] * flips, s[:k], flips[:, None] * Vt[:k], A, k)
    with pytest.raises(CheckFailure, match="rank-1 term σᵢuᵢvᵢᵀ at position 0"):
        C.assert_svd_equivalent(U[:, :k] * flips, s[:k], Vt[:k], A, k)


@pytest.mark.parametrize("mistake", ["last k", "V not Vt", "no full_matrices", "unsorted"])
def test_svd_rejects_the_listed_mistakes(mistake):
    A = np.random.default_rng(7).standard_normal((5, 5))
    U, s, Vt = np.linalg.svd(A)
    k = 2
    answer = {
        "last k": (U[:, -k:], s[-k:], Vt[-k:]),
        "V not Vt": (U[:, :k], s[:k], Vt.T[:k]),
        "no full_matrices": (U, s, Vt),
        "unsorted": (U[:, k - 1::-1], s[k - 1::-1], Vt[k - 1::-1]),
    }[mistake]
    with pytest.raises(CheckFailure):
        C.assert_svd_equivalent(*answer, A, k)


def test_svd_ties_inside_k_and_cut_by_k():
    rng = np.random.default_rng(8)
    Q1, Q2 = random_orthogonal(rng, 5), random_orthogonal(rng, 4)
    A = Q1[:, :4] @ np.diag([3.0, 2.0, 2.0, 1.0]) @ Q2.T
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    R = random_orthogonal(rng, 2)
    U_rot, Vt_rot = U.copy(), Vt.copy()
    U_rot[:, 1:3], Vt_rot[1:3] = U[:, 1:3] @ R, R.T @ Vt[1:3]  # the same block, another basis
    C.assert_svd_equivalent(U_rot[:, :3], s[:3], Vt_rot[:3], A, 3)
    C.assert_svd_equivalent(U_rot[:, :2], s[:2], Vt_rot[:2], A, 2)  # σ₂ = σ₃: the cut is not unique
    with pytest.raises(CheckFailure, match="block Σσᵢuᵢvᵢᵀ"):  # rotating U and Vt independently
        C.assert_svd_equivalent(U_rot[:, :3], s[:3], Vt[:3], A, 3)
    with pytest.raises(CheckFailure, match="singular-pair residual"):
        C.assert_svd_equivalent(U_rot[:, :2], s[:2], Vt[:2], A, 2)


def test_svd_rank_deficient_and_k_zero():
    rng = np.random.default_rng(10)
    A = rng.standard_normal((5, 2)) @ rng.standard_normal((2, 4))
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    C.assert_svd_equivalent(U[:, :3], s[:3], Vt[:3], A, 3)
    C.assert_svd_equivalent(U[:, :4], s, Vt, A, 4)
    C.assert_svd_equivalent(np.zeros((5, 0)), np.zeros(0), np.zeros((0, 4)), A, 0)


# --- embeddings, clusterings, multisets --------------------------------------------------------------


def test_equal_up_to_orthogonal_accepts_rotation_reflection_translation():
    rng = np.random.default_rng(11)
    Y = rng.standard_normal((8, 3))
    Q = random_orthogonal(rng, 3)
    Q[:, 0] *= -1
    C.assert_equal_up_to_orthogonal(Y @ Q + np.array([5.0, -1, 2]), Y)
    with pytest.raises(CheckFailure, match="Gram matrices differ"):
        C.assert_equal_up_to_orthogonal(Y @ Q + np.array([5.0, -1, 2]), Y, center=False)
    with pytest.raises(CheckFailure, match="after the best rotation/reflection the points still miss by"):
        C.assert_equal_up_to_orthogonal(Y * np.array([1.0, 1.0, 1.01]), Y)


def test_labels_equivalent_up_to_renaming():
    ref = np.array([0, 0, 1, 1, 2, 2, 2, 1])
    C.assert_labels_equivalent(np.array([5, 5, 3, 3, 0, 0, 0, 3]), ref)
    almost = np.array([5, 5, 3, 3, 0, 0, 3, 3])
    with pytest.raises(CheckFailure, match=r"87.5 % .* adjusted Rand index"):
        C.assert_labels_equivalent(almost, ref)
    C.assert_labels_equivalent(almost, ref, min_agreement=0.85)
    with pytest.raises(CheckFailure, match="found 2 clusters"):
        C.assert_labels_equivalent(np.array([0, 0, 1, 1, 1, 1, 1, 1]), ref)
    with pytest.raises(CheckFailure, match="integer labels"):
        C.assert_labels_equivalent(ref.astype(float), ref)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(0, 4), min_size=1, max_size=30), st.permutations(range(5)))
def test_labels_equivalent_property_any_relabelling_passes(labels, perm):
    ref = np.array(labels)
    C.assert_labels_equivalent(np.array(perm)[ref], ref)


def test_unordered_close_numeric_and_symbolic():
    ref = [np.array([1.0, 2.0]), np.array([-1.0, 0.5]), np.array([3.0, 3.0])]
    C.assert_unordered_close([ref[2], ref[0], ref[1]], ref)
    with pytest.raises(CheckFailure, match="has 2 items"):
        C.assert_unordered_close(ref[:2], ref)
    with pytest.raises(CheckFailure, match=r"items\[1\]: abs error"):
        C.assert_unordered_close([ref[2], ref[0] + 1e-6, ref[1]], ref)
    # the stationary points of 06.6, as SymPy tuples, in any order and form
    r3 = sp.sqrt(3)
    points = [(0, r3), (0, -r3), (sp.sqrt(2), 1), (-sp.sqrt(2), 1), (sp.sqrt(2), -1), (-sp.sqrt(2), -1)]
    shuffled = [points[i] for i in [3, 0, 5, 1, 4, 2]]
    shuffled[0] = (-sp.sqrt(8) / 2, sp.Integer(1))
    C.assert_unordered_close(shuffled, points)
    with pytest.raises(CheckFailure, match="has 4 items"):
        C.assert_unordered_close(points[2:], points)


def test_unordered_close_symbolic_roots_with_a_sympy_comparator():
    a, b, c = sp.symbols("a b c", real=True)
    disc = sp.sqrt((a - c) ** 2 + 4 * b**2)
    ref = [(a + c + disc) / 2, (a + c - disc) / 2]
    answer = list(sp.Matrix([[a, b], [b, c]]).eigenvals())
    C.assert_unordered_close(answer, ref, comparator=C.assert_sympy_equal)
    C.assert_unordered_close(answer[::-1], ref, comparator=C.assert_sympy_equal)
    wrong = [(a + c + sp.sqrt((a + c) ** 2 - 4 * b**2)) / 2, (a + c - sp.sqrt((a + c) ** 2 - 4 * b**2)) / 2]
    with pytest.raises(CheckFailure, match="differs at a sampled point|is undefined at a sampled point"):
        C.assert_unordered_close(wrong, ref, comparator=C.assert_sympy_equal)


# --- objectives, KKT, equivariance -------------------------------------------------------------------


def test_objective_close():
    def objective(x):
        return float(np.sum((x - 1) ** 2) + 2)

    C.assert_objective_close(objective, np.ones(3), 2.0)
    with pytest.raises(CheckFailure, match="1.0e-04 above the optimal value"):
        C.assert_objective_close(objective, np.ones(3) + np.array([1e-2, 0, 0]), 2.0)
    with pytest.raises(CheckFailure, match="below .is the solution feasible"):
        C.assert_objective_close(objective, np.ones(3), 2.5)
    with pytest.raises(CheckFailure, match="not a finite number"):
        C.assert_objective_close(lambda x: np.nan, np.ones(3), 2.0)


def test_kkt_residuals():
    C.assert_kkt_residuals({"stationarity": 1e-12, "feasibility": np.array([0.0, -1e-13])}, 1e-10)
    with pytest.raises(CheckFailure, match="KKT: complementarity residual 2.0e-06 exceeds tol 1.0e-08·scale"):
        C.assert_kkt_residuals({"stationarity": 0.0, "complementarity": np.array([1e-9, -2e-6])}, 1e-8)
    C.assert_kkt_residuals({"stationarity": 2e-6}, 1e-8, scale=1e3)
    with pytest.raises(CheckFailure, match="stationarity residual inf"):
        C.assert_kkt_residuals({"stationarity": np.nan}, 1e-8)


def test_equivariant_under_permutation():
    rng = np.random.default_rng(12)
    X = rng.standard_normal((5, 3))
    perm = rng.permutation(5)

    def softmax_rows(X):
        e = np.exp(X - X.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def leaky(X):  # depends on row order: not equivariant
        return softmax_rows(X * np.arange(1, X.shape[0] + 1)[:, None])

    C.assert_equivariant(softmax_rows, (X,), lambda args: (args[0][perm],), lambda out: out[perm])
    with pytest.raises(CheckFailure, match="transformed input vs the transformed output: abs error"):
        C.assert_equivariant(leaky, (X,), lambda args: (args[0][perm],), lambda out: out[perm])
