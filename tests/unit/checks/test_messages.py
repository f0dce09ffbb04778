"""Failure messages never show the reference values: every helper fails on a reference holding a
distinctive secret, and the message must not contain it in any common format."""

from functools import partial

import numpy as np
import pytest
import sympy as sp

from aimath import checks as C
from aimath.checks import CheckFailure

SECRET = 731941.0625


def secret_forms(value=SECRET):
    return {f"{value:g}", f"{value:.1e}", f"{value:.2e}", f"{value:.3e}", repr(value), str(int(value)), "731,941"}


def secret_matrix():
    Q, _ = np.linalg.qr(np.random.default_rng(0).standard_normal((3, 3)))
    return Q @ np.diag([SECRET, 2.0, 1.0]) @ Q.T


def eigen_case():
    S = secret_matrix()
    w, V = np.linalg.eigh(S)
    return lambda: C.assert_same_eigensystem(w[::-1] + np.array([3.0, 0, 0]), V[:, ::-1], w[::-1], V[:, ::-1], matrix=S)


def svd_case():
    S = secret_matrix()
    U, s, Vt = np.linalg.svd(S)
    return lambda: C.assert_svd_equivalent(U[:, :2], s[:2] + 3.0, Vt[:2], S, 2)


CASES = {
    "assert_close": lambda: C.assert_close(np.array([SECRET + 3.0, 1.0]), np.array([SECRET, 1.0])),
    "assert_close nan": lambda: C.assert_close(np.array([np.nan]), np.array([SECRET])),
    "assert_scalar_close": lambda: C.assert_scalar_close(SECRET + 3.0, SECRET),
    "assert_exact": lambda: C.assert_exact(np.array([1, 2]), np.array([1, int(SECRET)])),
    "assert_exact dict": lambda: C.assert_exact({"k": 1}, {"k": int(SECRET)}),
    "assert_structure": lambda: C.assert_structure(
        (np.array([SECRET + 3.0]),), (np.array([SECRET]),), {0: partial(C.assert_close, **C.T2)}),
    "assert_shape": lambda: C.assert_shape(np.zeros(3), (int(SECRET),)),
    "columns up to sign": lambda: C.assert_columns_equal_up_to_sign(np.array([[SECRET + 3.0]]), np.array([[SECRET]])),
    "same eigensystem": eigen_case(),
    "svd": svd_case(),
    "objective": lambda: C.assert_objective_close(lambda x: SECRET + 3.0, None, SECRET),
    "unordered": lambda: C.assert_unordered_close([np.array([SECRET + 3.0])], [np.array([SECRET])]),
    "equivariant": lambda: C.assert_equivariant(lambda x: x + SECRET, (np.array([1.0]),), lambda a: a,
                                                lambda out: out + 3.0),
    "mean within": lambda: C.assert_mean_within(np.random.default_rng(1).standard_normal(100), SECRET),
    "var within": lambda: C.assert_var_within(np.random.default_rng(1).standard_normal(100), SECRET),
    "chi2": lambda: C.assert_chi2(np.array([900, 100]), np.array([0.5, 0.5])),
    "sympy": lambda: C.assert_sympy_equal(sp.Symbol("x", real=True) + SECRET + 3, sp.Symbol("x", real=True) + SECRET),
    "sympy matrix": lambda: C.sympy_matrix_equal(
        sp.MatrixSymbol("A", 2, 2) * (SECRET + 3), sp.MatrixSymbol("A", 2, 2) * SECRET, {sp.MatrixSymbol("A", 2, 2): (2, 2)}),
    "viz data": lambda: C.assert_viz_data(np.array([SECRET + 3.0]), np.array([SECRET])),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_failure_messages_hide_reference_values(case):
    with pytest.raises(CheckFailure) as info:
        case()
    message = str(info.value)
    assert message and not any(form in message for form in secret_forms()), message


def test_name_prefixes_every_message():
    for call in (
        lambda: C.assert_close(np.ones(2), np.zeros(2), name="my_fn"),
        lambda: C.assert_same_subspace(np.eye(3)[:, :1], np.eye(3)[:, 1:2], name="my_fn"),
        lambda: C.assert_simplex(np.array([0.5, 0.6]), name="my_fn"),
        lambda: C.check_gradient(lambda x: float(x @ x), lambda x: x, np.ones(2), name="my_fn"),
        lambda: C.assert_labels_equivalent(np.array([0, 0, 1]), np.array([0, 1, 1]), name="my_fn"),
        lambda: C.assert_ks(np.zeros(50), lambda x: np.clip(x, 0, 1), name="my_fn"),
    ):
        with pytest.raises(CheckFailure, match="^my_fn"):
            call()
