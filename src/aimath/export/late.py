"""The course late policy (`late_policy` in grading_config.yml), as applied by every export.

- Within `grace_minutes` of the due time a submission is on time.
- Past the grace, every started day counts as a whole day, counted from the due time: 20 minutes late
  with 15 minutes of grace is 1 day late.
- Each day costs `penalty_per_day` of the score (0.1 = 10 %), down to 0.
- Past `max_late_days` days the submission earns no credit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..config import LatePolicy


@dataclass(frozen=True)
class LatePenalty:
    days: int  # whole days charged; 0 when on time or within the grace
    factor: float  # the score is multiplied by this
    note: str  # for people, "" when on time


def late_penalty(late_days: float, policy: LatePolicy) -> LatePenalty:
    if late_days * 24 * 60 <= policy.grace_minutes:
        return LatePenalty(0, 1.0, "")
    # Rounding first: 2.0000000001 days from a time subtraction is 2 days, not 3.
    days = math.ceil(round(late_days, 6))
    if policy.max_late_days is not None and days > policy.max_late_days:
        return LatePenalty(days, 0.0, f"late {days} days: past the {policy.max_late_days}-day limit, no credit")
    factor = max(0.0, 1.0 - policy.penalty_per_day * days)
    unit = "day" if days == 1 else "days"
    return LatePenalty(days, factor, f"late {days} {unit}: -{round((1 - factor) * 100, 2):g}%")
