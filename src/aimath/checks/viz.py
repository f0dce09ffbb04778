"""Visualization checks (curriculum §6.7): plots are graded by their data, never by pixels."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from .compare import _call_comparator, assert_close
from .context import axes_line_data
from .errors import CheckFailure


def _sorted_points(xy: Any) -> np.ndarray:
    """The (n, 2) points of a line sorted by x, then y (PrairieLearn `check_plot`): drawing order is free."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    return xy[np.lexsort((xy[:, 1], xy[:, 0]))]


def _match_lines(drawn: list[np.ndarray], expected: list[np.ndarray]) -> list[int]:
    """For each expected line, the drawn line nearest to it (Hungarian matching on max-abs distance)."""
    from scipy.optimize import linear_sum_assignment

    cost = np.full((len(drawn), len(expected)), 1e100)
    for i, line in enumerate(drawn):
        for j, want in enumerate(expected):
            if line.shape == want.shape:
                with np.errstate(invalid="ignore"):
                    distance = float(np.nanmax(np.abs(line - want), initial=0.0))
                cost[i, j] = min(distance, 1e99)
    rows, cols = linear_sum_assignment(cost)
    return [int(rows[list(cols).index(j)]) for j in range(len(expected))]


def assert_axes_lines(
    ax: Any,
    expected: list[np.ndarray],
    *,
    order_invariant: bool = True,
    rtol: float = 1e-10,
    check_scale: str | tuple[str | None, str | None] | None = None,
    name: str = "plot",
) -> None:
    """The Line2D objects on `ax` carry the expected data: as many lines as expected, and each line's
    sorted (x, y) points match one expected (n, 2) array (any drawing order if `order_invariant`)
    within `assert_close(rtol, atol=rtol/100)`.

    Line data is read with `axes_line_data`, so `ax` may be a handle to an Axes on the student's
    side. `check_scale` is the required axis scale: a string for both axes or an (x, y) pair with
    None for "any", e.g. (None, "log") for a semilogy plot.
    """
    drawn = [_sorted_points(xy) for xy in axes_line_data(ax)]
    wanted = [_sorted_points(xy) for xy in expected]
    if len(drawn) != len(wanted):
        raise CheckFailure(f"{name}: {len(drawn)} line(s) drawn; the expected number of lines differs")
    order = _match_lines(drawn, wanted) if order_invariant else list(range(len(wanted)))
    for j, i in enumerate(order):
        assert_close(drawn[i], wanted[j], rtol=rtol, atol=rtol / 100, name=f"{name} line {i} (x, y data)")
    if check_scale is not None:
        scales = (check_scale, check_scale) if isinstance(check_scale, str) else check_scale
        for axis, want, got in zip("xy", scales, (ax.get_xscale(), ax.get_yscale())):
            if want is not None and got != want:
                raise CheckFailure(f"{name}: the {axis} axis has scale {got!r}; it should be {want!r}")


def assert_viz_data(
    returned: Any, expected: Any, comparator: Callable[..., Any] = assert_close, *, name: str = "returned data"
) -> None:
    """A visualization function returned its data (the default design) and `comparator(returned,
    expected)` accepts it."""
    if returned is None:
        raise CheckFailure(f"{name}: the function returned None; it must return the data it plots")
    _call_comparator(comparator, returned, expected, name)
