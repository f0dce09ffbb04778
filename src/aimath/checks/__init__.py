"""Grading helpers shared by every lesson's tests (curriculum §6).

Every helper raises `CheckFailure` (an `AssertionError`) with a student-safe message: what was
compared and by how much it missed, never hidden inputs or reference values.
"""

from .calling import (
    CallOptions,
    CallReport,
    StudentError,
    assert_raises,
    call_student,
    forbid_functions,
    spawn_rngs,
    time_limit,
)
from .compare import (
    T0,
    T1,
    T2,
    T3,
    T32,
    assert_close,
    assert_exact,
    assert_scalar_close,
    assert_shape,
    assert_structure,
)
from .context import axes_line_data, new_axes, reference, student_side_function
from .derivatives import check_gradient, check_jacobian, numerical_gradient, taylor_test, torch_gradcheck
from .errors import CheckFailure, fail
from .nonunique import (
    assert_columns_equal_up_to_sign,
    assert_equal_up_to_orthogonal,
    assert_equivariant,
    assert_kkt_residuals,
    assert_labels_equivalent,
    assert_objective_close,
    assert_same_eigensystem,
    assert_same_subspace,
    assert_svd_equivalent,
    assert_unordered_close,
)
from .predicates import (
    assert_orthonormal_columns,
    assert_permutation_matrix,
    assert_psd,
    assert_simplex,
    assert_symmetric,
    assert_triangular,
)
from .stats import (
    assert_chi2,
    assert_ks,
    assert_mean_within,
    assert_var_within,
    calibrate_stat_test,
    stat_test,
)
from .symbolic import (
    assert_sympy_equal,
    assert_sympy_type,
    assert_uses_only_symbols,
    sympy_equal,
    sympy_matrix_equal,
)
from .viz import assert_axes_lines, assert_viz_data

__all__ = [
    "CallOptions",
    "CallReport",
    "CheckFailure",
    "StudentError",
    "T0",
    "T1",
    "T2",
    "T3",
    "T32",
    "assert_axes_lines",
    "assert_chi2",
    "assert_close",
    "assert_columns_equal_up_to_sign",
    "assert_equal_up_to_orthogonal",
    "assert_equivariant",
    "assert_exact",
    "assert_kkt_residuals",
    "assert_ks",
    "assert_labels_equivalent",
    "assert_mean_within",
    "assert_objective_close",
    "assert_orthonormal_columns",
    "assert_permutation_matrix",
    "assert_psd",
    "assert_raises",
    "assert_same_eigensystem",
    "assert_same_subspace",
    "assert_scalar_close",
    "assert_shape",
    "assert_simplex",
    "assert_structure",
    "assert_svd_equivalent",
    "assert_symmetric",
    "assert_sympy_equal",
    "assert_sympy_type",
    "assert_triangular",
    "assert_unordered_close",
    "assert_uses_only_symbols",
    "assert_var_within",
    "assert_viz_data",
    "axes_line_data",
    "calibrate_stat_test",
    "call_student",
    "check_gradient",
    "check_jacobian",
    "fail",
    "forbid_functions",
    "new_axes",
    "numerical_gradient",
    "reference",
    "spawn_rngs",
    "stat_test",
    "student_side_function",
    "sympy_equal",
    "sympy_matrix_equal",
    "taylor_test",
    "time_limit",
    "torch_gradcheck",
]
