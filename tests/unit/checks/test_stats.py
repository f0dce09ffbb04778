"""Statistical checks: correct samplers pass on fixed seeds, the calibrated mistakes fail."""

import numpy as np
import pytest
from scipy import stats

from aimath import checks as C
from aimath.checks import CheckFailure

TARGET = stats.norm(0.5, 1.2)


def sampler(rng, n=2000):
    return 0.5 + 1.2 * rng.standard_normal(n)


def sampler_variance_as_scale(rng, n=2000):  # the §4 mistake: scale = σ²
    return 0.5 + 1.44 * rng.standard_normal(n)


def test_ks_passes_the_correct_sampler_and_rejects_the_scale_mistake():
    rng = np.random.default_rng(0)
    C.assert_ks(sampler(rng), TARGET)
    C.assert_ks(sampler(rng), TARGET.cdf)
    with pytest.raises(CheckFailure, match=r"Kolmogorov-Smirnov test rejects .* n = 20000\)"):
        C.assert_ks(sampler_variance_as_scale(rng, 20000), TARGET)


def test_ks_refuses_markov_chains_and_bad_samples():
    with pytest.raises(ValueError, match="i.i.d."):
        C.assert_ks(np.zeros(10), TARGET, iid=False)
    with pytest.raises(CheckFailure, match="inf or nan"):
        C.assert_ks(np.array([0.0, np.nan, 1.0]), TARGET)
    with pytest.raises(CheckFailure, match="1-D"):
        C.assert_ks(np.zeros((10, 2)), TARGET)


def test_stat_test_majority_rule():
    C.stat_test(lambda rng: C.assert_ks(sampler(rng), TARGET), exercise_id="12.x")
    C.stat_test(lambda rng: stats.kstest(sampler(rng), TARGET.cdf).pvalue, exercise_id="12.x")
    with pytest.raises(CheckFailure, match=r"3 of 3 independent runs failed .* first failure: samples: the Kolm"):
        C.stat_test(lambda rng: C.assert_ks(sampler_variance_as_scale(rng, 20000), TARGET), exercise_id="12.x")


def test_stat_test_tolerates_one_unlucky_seed_but_not_two():
    def failing_first(k):
        calls = []

        def check(rng):
            calls.append(1)
            return 1e-9 if len(calls) <= k else 0.5

        return check

    C.stat_test(failing_first(1), exercise_id="x")
    with pytest.raises(CheckFailure, match=r"2 of 3 independent runs failed .* p-value 1.0e-09 < α = 1e-03"):
        C.stat_test(failing_first(2), exercise_id="x")
    with pytest.raises(CheckFailure, match="p-value nan"):
        C.stat_test(lambda rng: float("nan"), exercise_id="x")


def test_stat_test_seeds_are_reproducible():
    seen = []
    for _ in range(2):
        C.stat_test(lambda rng: seen.append(rng.integers(10**9)), exercise_id="08.5")
    assert seen[:3] == seen[3:] and len(set(seen[:3])) == 3


def test_chi2_with_small_bins_merged():
    probs = np.array([0.3, 0.3, 0.2, 0.19, 0.005, 0.005])
    rng = np.random.default_rng(1)
    C.assert_chi2(rng.multinomial(5000, probs), probs)
    C.assert_chi2(rng.multinomial(400, probs), probs)  # two bins with expected count 2 get pooled
    with pytest.raises(CheckFailure, match=r"χ² goodness-of-fit test rejects .* n = 5000\)"):
        C.assert_chi2(rng.multinomial(5000, [0.25, 0.35, 0.2, 0.19, 0.005, 0.005]), probs)


def test_chi2_rejects_impossible_and_malformed_counts():
    with pytest.raises(CheckFailure, match="category of probability 0 at index 2"):
        C.assert_chi2(np.array([50, 50, 1]), np.array([0.5, 0.5, 0.0]))
    with pytest.raises(CheckFailure, match="shape"):
        C.assert_chi2(np.array([50, 50]), np.array([0.5, 0.3, 0.2]))
    with pytest.raises(CheckFailure, match="non-negative"):
        C.assert_chi2(np.array([50, -1, 50]), np.array([0.5, 0.3, 0.2]))


def test_mean_within():
    rng = np.random.default_rng(2)
    x = sampler(rng)
    C.assert_mean_within(x, 0.5)
    C.assert_mean_within(x, 0.5, sd=1.2)
    with pytest.raises(CheckFailure, match=r"sample mean differs from the target by \d+\.\d standard errors .allowed 4"):
        C.assert_mean_within(x, 0.7)
    X = np.column_stack([x, 3 + rng.standard_normal(2000)])
    C.assert_mean_within(X, [0.5, 3.0])
    with pytest.raises(CheckFailure, match="standard errors at index 1"):
        C.assert_mean_within(X, [0.5, 3.2])


def test_mean_within_scales_by_ess_for_chains():
    rng = np.random.default_rng(3)
    chain = np.empty(5000)
    chain[0] = 0.0
    for t in range(1, chain.size):  # AR(1), rho = 0.9: ESS ≈ n (1 − ρ)/(1 + ρ)
        chain[t] = 0.9 * chain[t - 1] + rng.standard_normal() * np.sqrt(1 - 0.81)
    ess = chain.size * 0.1 / 1.9
    C.assert_mean_within(chain, 0.0, ess=ess)
    with pytest.raises(CheckFailure):
        C.assert_mean_within(chain, 0.3, ess=ess)


def test_var_within_uses_the_fourth_moment():
    rng = np.random.default_rng(4)
    C.assert_var_within(sampler(rng), 1.44)
    with pytest.raises(CheckFailure, match="sample variance differs"):
        C.assert_var_within(sampler_variance_as_scale(rng), 1.44)
    u = rng.uniform(0, 1, 4000)
    C.assert_var_within(u, 1 / 12, kurtosis=1.8)
    with pytest.raises(CheckFailure):
        C.assert_var_within(u, 1 / 12 * 1.1, kurtosis=1.8)  # 7 standard errors


def test_calibrate_stat_test_measures_false_fail_rate_and_power():
    def check(implementation, rng):
        return stats.kstest(implementation(rng, 5000), TARGET.cdf).pvalue

    result = C.calibrate_stat_test(sampler, {"scale = σ²": sampler_variance_as_scale}, check, n_seeds=150)
    assert result.false_fail_rate <= 2e-3
    assert result.power["scale = σ²"] >= 0.99
    with pytest.raises(CheckFailure, match=r"mutants with power < 0.99: \{'mean off by 0.01'"):
        C.calibrate_stat_test(sampler, {"mean off by 0.01": lambda rng, n: sampler(rng, n) + 0.01}, check,
                              n_seeds=100)
