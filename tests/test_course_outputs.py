"""The committed course is consistent: outputs match source/, solutions score full marks, untouched
releases score zero, and nothing of the solutions or hidden tests is in release/."""

from __future__ import annotations

from pathlib import Path

import pytest

from aimath.build import check_lessons, select_lessons, verify_build
from aimath.config import load_config

ROOT = Path(__file__).resolve().parents[1]
CONFIG = load_config(ROOT / "grading_config.yml")
LESSONS = select_lessons(ROOT, CONFIG, [])


@pytest.mark.slow
def test_committed_outputs_match_a_fresh_build() -> None:
    drifts = verify_build(ROOT, CONFIG, LESSONS)
    assert not drifts, "run `aimath build` and commit:\n" + "\n".join(p for d in drifts for p in d.differing)


@pytest.mark.parametrize("entry", LESSONS, ids=lambda e: e.id)
def test_lesson_self_check(entry) -> None:
    [report] = check_lessons(ROOT, CONFIG, [entry])
    assert report.ok, "\n".join(report.problems)
    assert report.reference_score == report.max_score > 0
