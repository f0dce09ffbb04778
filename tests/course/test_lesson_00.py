"""Lesson 00 (Overview, practice set): every exercise is fair (alternative correct implementations
score full marks) and sharp (each mistake listed in the curriculum fails at least one hidden test)."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from aimath.checks.meta import Exercise, assert_fair_and_sharp

# --------------------------------------------------------------------------------------------------
# 00.1 as_float_vector


def float_vector_np_array(values):
    out = np.array(values, dtype=np.float64)
    if out.ndim != 1:
        raise ValueError("expected a 1-D sequence")
    return out


def float_vector_fromiter(values):
    if np.ndim(values) == 0:
        raise ValueError("expected a 1-D sequence")
    return np.fromiter((float(v) for v in values), dtype=np.float64, count=len(values))


def float_vector_asarray_then_copy(values):
    arr = np.asarray(values, dtype=np.float64)
    if arr.ndim == 0:
        raise ValueError("expected a 1-D sequence")
    return arr.copy()


def mutant_returns_list(values):
    if np.ndim(values) == 0:
        raise ValueError("expected a 1-D sequence")
    return [float(v) for v in values]


def mutant_int_dtype(values):
    out = np.array(values)  # keeps the integer dtype of integer input
    if out.ndim != 1:
        raise ValueError("expected a 1-D sequence")
    return out


def mutant_aliases_input(values):
    out = np.asarray(values, dtype=np.float64)  # no copy when values is already float64
    if out.ndim != 1:
        raise ValueError("expected a 1-D sequence")
    return out


def mutant_row_shape(values):
    out = np.array(values, dtype=np.float64)
    if out.ndim != 1:
        raise ValueError("expected a 1-D sequence")
    return out.reshape(1, -1)


def mutant_accepts_scalar(values):
    """Extra mutant: np.atleast_1d turns a 0-d input into shape (1,) instead of raising."""
    return np.atleast_1d(np.array(values, dtype=np.float64))


# --------------------------------------------------------------------------------------------------
# 00.2 mean_squared_error


def mse_mean(y_true, y_pred):
    a, b = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    if a.shape != b.shape:
        raise ValueError("shapes differ")
    return float(np.mean((a - b) ** 2))


def mse_dot(y_true, y_pred):
    a, b = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    if a.shape != b.shape:
        raise ValueError("shapes differ")
    r = (a - b).ravel()
    return float(r @ r) / r.size


def mse_fsum_loop(y_true, y_pred):
    a, b = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    if a.shape != b.shape:
        raise ValueError("shapes differ")
    return math.fsum((p - q) ** 2 for p, q in zip(a.ravel().tolist(), b.ravel().tolist())) / a.size


def mutant_mse_sum(y_true, y_pred):
    a, b = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    if a.shape != b.shape:
        raise ValueError("shapes differ")
    return float(np.sum((a - b) ** 2))


def mutant_mse_rmse(y_true, y_pred):
    a, b = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    if a.shape != b.shape:
        raise ValueError("shapes differ")
    return float(np.sqrt(np.mean((a - b) ** 2)))


def mutant_mse_broadcasts(y_true, y_pred):
    return float(np.mean((np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)) ** 2))


def mutant_mse_one_element_array(y_true, y_pred):
    a, b = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    if a.shape != b.shape:
        raise ValueError("shapes differ")
    return np.array([np.mean((a - b) ** 2)])


# --------------------------------------------------------------------------------------------------
# 00.3 standard_normal_draws


def draws_standard_normal(n, rng):
    return rng.standard_normal(n)


def draws_normal_loc_scale(n, rng):
    return rng.normal(0.0, 1.0, size=n)  # same stream as standard_normal: loc + scale * z


def draws_size_tuple(n, rng):
    return rng.standard_normal(size=(n,))


def mutant_global_randn(n, rng):
    return np.random.randn(n)


def mutant_fixed_inner_generator(n, rng):
    return np.random.default_rng(0).standard_normal(n)


def mutant_seeds_global_state(n, rng):
    np.random.seed(0)  # right values, but it resets the caller's global random state
    return rng.standard_normal(n)


def mutant_python_random_seed(n, rng):
    random.seed(0)
    return rng.standard_normal(n)


def mutant_draws_as_list(n, rng):
    """Extra mutant: the right numbers, but a list instead of a float64 array."""
    return rng.standard_normal(n).tolist()


# --------------------------------------------------------------------------------------------------
# 00.4 safe_log


def safe_log_maximum(x, floor=1e-300):
    return np.log(np.maximum(np.asarray(x, dtype=float), floor))


def safe_log_clip(x, floor=1e-300):
    return np.log(np.clip(np.asarray(x, dtype=float), floor, None))


def safe_log_masked(x, floor=1e-300):
    x = np.asarray(x, dtype=float)
    out = np.full(x.shape, np.log(floor))
    above = x > floor
    out[above] = np.log(x[above])
    return out


def safe_log_where_argument(x, floor=1e-300):
    x = np.asarray(x, dtype=float)
    return np.log(x, out=np.full(x.shape, np.log(floor)), where=x > floor)


def mutant_log_plus_eps(x, floor=1e-300):
    return np.log(np.asarray(x, dtype=float) + 1e-8)


def mutant_log_np_where(x, floor=1e-300):
    x = np.asarray(x, dtype=float)
    return np.where(x > floor, np.log(x), np.log(floor))  # evaluates log(0) and log(-1): warns


def mutant_wrong_floor(x, floor=1e-300):
    return np.log(np.clip(np.asarray(x, dtype=float), 1e-12, None))  # ignores `floor`


# --------------------------------------------------------------------------------------------------
# 00.5 plot_sine


def sine_linspace(ax, n=100):
    x = np.linspace(0.0, 2.0 * np.pi, n)
    ax.plot(x, np.sin(x))
    return np.column_stack([x, np.sin(x)])


def sine_arange(ax, n=100):
    x = 2.0 * np.pi * np.arange(n) / (n - 1)
    pts = np.stack([x, np.sin(x)], axis=1)
    ax.plot(pts[:, 0], pts[:, 1], color="tab:green", lw=2)
    return pts


def sine_add_line(ax, n=100):
    from matplotlib.lines import Line2D

    x = np.linspace(0.0, 2.0 * np.pi, n)
    pts = np.empty((n, 2))
    pts[:, 0], pts[:, 1] = x, np.sin(x)
    ax.add_line(Line2D(pts[:, 0], pts[:, 1]))
    ax.autoscale_view()
    return pts


def mutant_sine_no_endpoint(ax, n=100):
    x = np.linspace(0.0, 2.0 * np.pi, n, endpoint=False)
    ax.plot(x, np.sin(x))
    return np.column_stack([x, np.sin(x)])


def mutant_sine_degrees(ax, n=100):
    x = np.linspace(0.0, 360.0, n)
    ax.plot(x, np.sin(np.deg2rad(x)))
    return np.column_stack([x, np.sin(np.deg2rad(x))])


def mutant_sine_transposed(ax, n=100):
    x = np.linspace(0.0, 2.0 * np.pi, n)
    ax.plot(x, np.sin(x))
    return np.vstack([x, np.sin(x)])


def mutant_sine_current_axes(ax, n=100):
    import matplotlib.pyplot as plt

    x = np.linspace(0.0, 2.0 * np.pi, n)
    plt.gca().plot(x, np.sin(x))
    return np.column_stack([x, np.sin(x)])


EXERCISES = [
    Exercise(
        "q00_1",
        alternatives={"np.array copy": float_vector_np_array, "np.fromiter": float_vector_fromiter,
                      "asarray then copy": float_vector_asarray_then_copy},
        mutants={"returns a list": mutant_returns_list, "int dtype": mutant_int_dtype,
                 "np.asarray aliases the input": mutant_aliases_input, "shape (1, n)": mutant_row_shape,
                 "extra: no ValueError for a 0-d input": mutant_accepts_scalar},
    ),
    Exercise(
        "q00_2",
        alternatives={"np.mean": mse_mean, "dot product": mse_dot, "fsum loop": mse_fsum_loop},
        mutants={"sum instead of mean": mutant_mse_sum, "RMSE": mutant_mse_rmse,
                 "silent broadcast": mutant_mse_broadcasts, "1-element array": mutant_mse_one_element_array},
    ),
    Exercise(
        "q00_3",
        alternatives={"standard_normal(n)": draws_standard_normal, "normal(0, 1, n)": draws_normal_loc_scale,
                      "size tuple": draws_size_tuple},
        mutants={"np.random.randn": mutant_global_randn, "default_rng(0) inside": mutant_fixed_inner_generator,
                 "np.random.seed": mutant_seeds_global_state, "random.seed": mutant_python_random_seed,
                 "extra: returns a list": mutant_draws_as_list},
    ),
    Exercise(
        "q00_4",
        alternatives={"np.maximum": safe_log_maximum, "np.clip": safe_log_clip, "boolean mask": safe_log_masked,
                      "np.log(where=)": safe_log_where_argument},
        mutants={"log(x + 1e-8)": mutant_log_plus_eps, "np.where evaluates log(0)": mutant_log_np_where,
                 "wrong floor": mutant_wrong_floor},
    ),
    Exercise(
        "q00_5",
        alternatives={"linspace": sine_linspace, "arange": sine_arange, "Line2D": sine_add_line},
        mutants={"endpoint=False": mutant_sine_no_endpoint, "degrees": mutant_sine_degrees,
                 "returns (2, n)": mutant_sine_transposed, "plots on plt.gca()": mutant_sine_current_axes},
    ),
]


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.question)
def test_fair_and_sharp(exercise):
    assert_fair_and_sharp("00", exercise)
