"""Visualization checks read line data, never pixels."""

from functools import partial

import numpy as np
import pytest

from aimath import checks as C
from aimath.checks import CheckFailure

t = np.linspace(0.1, 2, 20)
SINE = np.column_stack([t, np.sin(t)])
EXP = np.column_stack([t, np.exp(t)])


@pytest.fixture
def ax():
    axes = C.new_axes()  # selects the Agg backend
    yield axes
    import matplotlib.pyplot as plt

    plt.close(axes.figure)


def test_lines_match_in_any_order_and_any_point_order(ax):
    ax.plot(t, np.exp(t))
    ax.plot(t[::-1], np.sin(t[::-1]))
    C.assert_axes_lines(ax, [SINE, EXP])
    with pytest.raises(CheckFailure, match=r"plot line 0 \(x, y data\): abs error"):
        C.assert_axes_lines(ax, [SINE, EXP], order_invariant=False)


def test_wrong_line_count_or_data_fails(ax):
    ax.plot(t, np.sin(t))
    with pytest.raises(CheckFailure, match="1 line.s. drawn; the expected number of lines differs"):
        C.assert_axes_lines(ax, [SINE, EXP])
    with pytest.raises(CheckFailure, match=r"plot line 0 \(x, y data\): abs error 1.0e-06"):
        C.assert_axes_lines(ax, [SINE + np.array([0, 1e-6])])
    with pytest.raises(CheckFailure, match="shape"):
        C.assert_axes_lines(ax, [SINE[:-1]])


def test_axis_scale_check(ax):
    ax.plot(t, np.exp(t))
    ax.set_yscale("log")
    C.assert_axes_lines(ax, [EXP], check_scale=(None, "log"))
    with pytest.raises(CheckFailure, match="the x axis has scale 'linear'; it should be 'log'"):
        C.assert_axes_lines(ax, [EXP], check_scale="log")


def test_viz_data_needs_the_returned_data():
    C.assert_viz_data(np.array([0.5, 0.8, 1.0]), np.array([0.5, 0.8, 1.0]))
    with pytest.raises(CheckFailure, match="returned None"):
        C.assert_viz_data(None, np.ones(3))
    with pytest.raises(CheckFailure, match=r"ratios: abs error"):
        C.assert_viz_data(np.array([0.5, 0.8, 1.1]), np.array([0.5, 0.8, 1.0]), partial(C.assert_close, **C.T2),
                          name="ratios")
