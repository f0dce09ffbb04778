"""Structural predicates: correct objects pass, near misses fail with a located message."""

import numpy as np
import pytest
import scipy.linalg
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from aimath import checks as C
from aimath.checks import CheckFailure


@settings(max_examples=50, deadline=None)
@given(arrays(np.float64, (4, 6), elements=st.floats(-50, 50)))
def test_softmax_rows_are_on_the_simplex(logits):
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    C.assert_simplex(e / e.sum(axis=1, keepdims=True))
    C.assert_simplex((e / e.sum(axis=0, keepdims=True)), axis=0)


def test_simplex_near_misses():
    p = np.array([[0.2, 0.3, 0.5], [0.1, 0.1, 0.8]])
    with pytest.raises(CheckFailure, match=r"sum along axis -1 misses 1 by 1.0e-06 at index 1"):
        C.assert_simplex(p + np.array([[0, 0, 0], [0, 0, 1e-6]]))
    with pytest.raises(CheckFailure, match=r"negative entry of size 1.0e-03 at index \(0, 0\)"):
        C.assert_simplex(np.array([[-1e-3, 0.5, 0.501]]))
    with pytest.raises(CheckFailure, match="non-finite"):
        C.assert_simplex(np.array([np.nan, 1.0]))
    with pytest.raises(CheckFailure, match="sum along axis 0"):
        C.assert_simplex(p, axis=0)


def test_symmetric_and_psd():
    rng = np.random.default_rng(0)
    B = rng.standard_normal((5, 3))
    G = B @ B.T  # PSD of rank 3
    C.assert_symmetric(G)
    C.assert_psd(G)
    asym = G.copy()
    asym[0, 4] += 1e-6
    with pytest.raises(CheckFailure, match=r"asymmetry \|M - Mᵀ\| 1.0e-06 at index \((0, 4|4, 0)\)"):
        C.assert_symmetric(asym)
    with pytest.raises(CheckFailure, match="smallest eigenvalue -1.0e-03 is below"):
        C.assert_psd(G - 1e-3 * np.eye(5))
    with pytest.raises(CheckFailure, match="square"):
        C.assert_psd(B)


def test_orthonormal_columns():
    Q = np.linalg.qr(np.random.default_rng(1).standard_normal((6, 3)))[0]
    C.assert_orthonormal_columns(Q)
    C.assert_orthonormal_columns(np.zeros((4, 0)))
    with pytest.raises(CheckFailure, match=r"\|QᵀQ - I\| 2.0e-02 at index \(1, 1\)"):
        C.assert_orthonormal_columns(Q * np.array([1.0, 1.01, 1.0]))
    with pytest.raises(CheckFailure, match="more columns than rows"):
        C.assert_orthonormal_columns(Q.T)


def test_permutation_matrix():
    P = np.eye(4)[[2, 0, 3, 1]]
    C.assert_permutation_matrix(P)
    C.assert_permutation_matrix(P.astype(bool))
    C.assert_permutation_matrix(scipy.linalg.lu(np.random.default_rng(2).standard_normal((4, 4)))[0])
    with pytest.raises(CheckFailure, match="neither 0 nor 1"):
        C.assert_permutation_matrix(P * 0.5)
    doubled = P.copy()
    doubled[0] = doubled[1]
    with pytest.raises(CheckFailure, match="row 0 does not contain exactly one 1|column . does not"):
        C.assert_permutation_matrix(doubled)


def test_triangular_factors_of_lu():
    A = np.random.default_rng(3).standard_normal((4, 6))
    _, L, U = scipy.linalg.lu(A)
    C.assert_triangular(L, lower=True, unit_diagonal=True)
    C.assert_triangular(U, lower=False)
    with pytest.raises(CheckFailure, match="entry above the diagonal"):
        C.assert_triangular(U, lower=True)
    with pytest.raises(CheckFailure, match="diagonal entry misses 1 by"):
        C.assert_triangular(2 * L, unit_diagonal=True)
    nearly = L.copy()
    nearly[0, 3] = 1e-9
    with pytest.raises(CheckFailure, match=r"at index \(0, 3\)"):
        C.assert_triangular(nearly)
