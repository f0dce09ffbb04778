"""Statistical checks (curriculum §3.5, §6.5), only for exercises whose point is the sampler.

Every assertion is an α = 1e-3 test. `stat_test` repeats a check on 3 spawned seeds and passes if
2 pass, so a correct sampler fails with probability ≈ 3α² while a mutant with power 0.99 still fails
with probability > 0.999. `calibrate_stat_test` measures both rates in the instructor CI.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .calling import spawn_rngs
from .compare import _as_array, _check_kind, _fmt_index
from .errors import CheckFailure


def _samples(samples: Any, name: str) -> np.ndarray:
    arr = _as_array(samples, name)
    _check_kind(arr, "iuf", name)
    if arr.ndim == 0 or arr.shape[0] < 2:
        raise CheckFailure(f"{name}: expected at least 2 samples, got shape {arr.shape}")
    if not np.isfinite(arr).all():
        raise CheckFailure(f"{name}: contains inf or nan")
    return arr.astype(float)


def _run_check(check: Callable[[np.random.Generator], float | None], rng: np.random.Generator,
               alpha: float) -> str | None:
    """None if one run passes; else why it failed (a CheckFailure message or the p-value)."""
    try:
        p = check(rng)
    except CheckFailure as exc:
        return str(exc)
    if p is None:
        return None
    p = float(p)
    return None if np.isfinite(p) and p >= alpha else f"p-value {p:.1e} < α = {alpha:.0e}"


def stat_test(
    check: Callable[[np.random.Generator], float | None],
    *,
    exercise_id: str,
    alpha: float = 1e-3,
    n_seeds: int = 3,
    min_pass: int = 2,
    name: str = "statistical test",
) -> None:
    """Run `check(rng)` on `n_seeds` generators spawned for the exercise; pass if ≥ `min_pass` runs pass.

    A run passes if `check` returns a p-value ≥ α or returns None, and fails if it returns a smaller
    (or non-finite) p-value or raises CheckFailure, so `assert_ks(...)` and friends can be the check.
    """
    failures = [reason for rng in spawn_rngs(f"{exercise_id}/stat_test", n_seeds)
                if (reason := _run_check(check, rng, alpha)) is not None]
    if n_seeds - len(failures) < min_pass:
        raise CheckFailure(
            f"{name}: {len(failures)} of {n_seeds} independent runs failed (at least {min_pass} must pass); "
            f"first failure: {failures[0]}"
        )


def assert_ks(
    samples: Any, cdf: Callable[[np.ndarray], np.ndarray] | Any, *, alpha: float = 1e-3, iid: bool = True,
    name: str = "samples"
) -> None:
    """One-sample Kolmogorov–Smirnov test of i.i.d. samples against `cdf` (a callable or an object
    with `.cdf`, e.g. a frozen scipy distribution); fails if p < α.

    Refuses `iid=False`: KS on Markov-chain output rejects many correct chains (§4: 48 % at ρ = 0.9);
    test chains with injected randomness or `assert_mean_within(..., ess=...)`.
    """
    if not iid:
        raise ValueError("assert_ks needs i.i.d. samples; test Markov chains with injected randomness "
                         "or assert_mean_within(ess=...)")
    from scipy import stats

    x = _samples(samples, name)
    if x.ndim != 1:
        raise CheckFailure(f"{name}: expected a 1-D array of samples, got shape {x.shape}")
    result = stats.kstest(x, getattr(cdf, "cdf", cdf))
    if not result.pvalue >= alpha:
        raise CheckFailure(
            f"{name}: the Kolmogorov-Smirnov test rejects the target distribution (D = {result.statistic:.3f}, "
            f"p = {result.pvalue:.1e} < α = {alpha:.0e}, n = {x.size})"
        )


def _merge_small_bins(expected: np.ndarray, observed: np.ndarray, min_expected: float
                      ) -> tuple[np.ndarray, np.ndarray]:
    """Pool the bins with expected count < min_expected (smallest first) until the pool reaches it;
    a pool that stays too small joins the smallest remaining bin."""
    order = np.argsort(expected, kind="stable")
    small = order[expected[order] < min_expected]
    large = order[expected[order] >= min_expected]
    if small.size == 0:
        return expected, observed
    pool_e, pool_o = expected[small].sum(), observed[small].sum()
    big_e, big_o = expected[large], observed[large]  # fancy indexing: copies
    if pool_e < min_expected and big_e.size:
        big_e[0] += pool_e
        big_o[0] += pool_o
        return big_e, big_o
    return np.append(big_e, pool_e), np.append(big_o, pool_o)


def assert_chi2(
    counts: Any, probs: Any, *, alpha: float = 1e-3, min_expected: float = 5, name: str = "counts"
) -> None:
    """χ² goodness of fit of category counts to the reference probabilities; bins with expected count
    < `min_expected` are merged first. A count in a category of probability 0 fails outright."""
    from scipy import stats

    observed = _as_array(counts, name)
    p = np.asarray(probs, dtype=float)
    if observed.shape != p.shape or observed.ndim != 1:
        raise CheckFailure(f"{name}: shape {observed.shape} does not match the expected shape")
    _check_kind(observed, "iuf", name)
    if not np.isfinite(observed).all() or (observed < 0).any():
        raise CheckFailure(f"{name}: counts must be finite and non-negative")
    n = float(observed.sum())
    if n <= 0:
        raise CheckFailure(f"{name}: no samples were counted")
    impossible = (p == 0) & (observed > 0)
    if impossible.any():
        index = tuple(np.argwhere(impossible)[0])
        raise CheckFailure(f"{name}: samples fell into a category of probability 0{_fmt_index(index)}")
    expected, observed = _merge_small_bins(n * p[p > 0] / p.sum(), observed[p > 0].astype(float), min_expected)
    if expected.size < 2:
        raise ValueError("assert_chi2 needs at least 2 bins after merging; draw more samples")
    statistic = float(((observed - expected) ** 2 / expected).sum())
    pvalue = float(stats.chi2.sf(statistic, expected.size - 1))
    if not pvalue >= alpha:
        raise CheckFailure(
            f"{name}: the χ² goodness-of-fit test rejects the target probabilities (χ² = {statistic:.1f} on "
            f"{expected.size - 1} df, p = {pvalue:.1e} < α = {alpha:.0e}, n = {int(n)})"
        )


def _z_check(estimate: np.ndarray, target: np.ndarray, se: np.ndarray, n_sigma: float, what: str,
             n: float, name: str) -> None:
    """|estimate − target| ≤ n_sigma·se entrywise; a zero standard error demands equality (1e-12)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.abs(estimate - target) / se
    z = np.where(se > 0, z, np.where(np.abs(estimate - target) <= 1e-12 * np.maximum(1, np.abs(target)), 0, np.inf))
    if z.max() > n_sigma:
        index = np.unravel_index(int(np.argmax(z)), z.shape)
        raise CheckFailure(
            f"{name}: the {what} differs from the target by {z[index]:.1f} standard errors{_fmt_index(index)} "
            f"(allowed {n_sigma:g}; n = {n:g})"
        )


def assert_mean_within(
    samples: Any, mean: Any, *, sd: Any = None, ess: float | None = None, n_sigma: float = 4,
    name: str = "samples"
) -> None:
    """z-test of the sample mean (per coordinate for samples of shape (n, ...)) against `mean`.

    The standard error is sd/√n with the known `sd`, or the sample sd (ddof=1); for correlated samples
    (Markov chains) `ess` replaces n.
    """
    x = _samples(samples, name)
    n_eff = float(ess) if ess is not None else float(x.shape[0])
    spread = x.std(axis=0, ddof=1) if sd is None else np.broadcast_to(np.asarray(sd, dtype=float), x.shape[1:])
    target = np.broadcast_to(np.asarray(mean, dtype=float), x.shape[1:])
    _z_check(x.mean(axis=0), target, spread / np.sqrt(n_eff), n_sigma, "sample mean", n_eff, name)


def assert_var_within(
    samples: Any, var: Any, *, kurtosis: float = 3, ess: float | None = None, n_sigma: float = 4,
    name: str = "samples"
) -> None:
    """z-test of the unbiased sample variance against `var`, using its exact standard error
    var·√(κ/n − (n−3)/(n(n−1))) for a distribution with kurtosis κ (3 for a normal); `ess` replaces n."""
    x = _samples(samples, name)
    n = float(ess) if ess is not None else float(x.shape[0])
    target = np.broadcast_to(np.asarray(var, dtype=float), x.shape[1:])
    se = target * np.sqrt(max(kurtosis / n - (n - 3) / (n * (n - 1)), 0.0))
    _z_check(x.var(axis=0, ddof=1), target, se, n_sigma, "sample variance", n, name)


@dataclass
class Calibration:
    """Rates measured by `calibrate_stat_test` (fractions of seeds whose check failed)."""

    false_fail_rate: float
    power: dict[str, float] = field(default_factory=dict)


def calibrate_stat_test(
    reference: Callable[..., Any],
    mutants: Mapping[str, Callable[..., Any]],
    check: Callable[[Callable[..., Any], np.random.Generator], float | None],
    *,
    n_seeds: int = 1000,
    alpha: float = 1e-3,
) -> Calibration:
    """Instructor CI only: run `check(implementation, rng)` (a p-value, None, or CheckFailure as in
    `stat_test`) on `n_seeds` seeds for the reference and every mutant. Requires a false-fail rate
    ≤ 2α for the reference and power ≥ 0.99 against each mutant; returns the measured rates.
    """
    rngs = np.random.SeedSequence(20240601).spawn(n_seeds)

    def fail_rate(implementation: Callable[..., Any]) -> float:
        runs = (_run_check(lambda rng: check(implementation, rng), np.random.default_rng(s), alpha) for s in rngs)
        return sum(reason is not None for reason in runs) / n_seeds

    result = Calibration(fail_rate(reference), {label: fail_rate(m) for label, m in mutants.items()})
    weak = {label: power for label, power in result.power.items() if power < 0.99}
    if result.false_fail_rate > 2 * alpha or weak:
        raise CheckFailure(
            f"calibration: reference false-fail rate {result.false_fail_rate:.4f} (must be ≤ {2 * alpha:.4f}); "
            f"mutants with power < 0.99: {weak or 'none'}"
        )
    return result
