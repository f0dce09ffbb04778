"""How results read: a status in one word (its category) and in plain sentences, and score numbers."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from ..grade.results import GRADED, PARTIAL_RESTARTED

Category = Literal["graded", "partial", "error"]


def score_text(x: float) -> str:
    """At most 2 decimals, halves rounded up, no trailing zeros: 21.5, 20, 0.13 (as LMSs compare them)."""
    value = Decimal(repr(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize()
    return f"{value:f}" if value else "0"


def category(status: str) -> Category:
    """graded, partial (scored, but some tests were cut short) or error (no score: shown as a status)."""
    if status == GRADED:
        return "graded"
    if status.startswith("partial"):
        return "partial"
    return "error"  # "error: <reason>", and anything outside the results contract


# Plain words for the reasons the grader gives, looked up by a phrase in the status.
_REASONS = (
    ("not a notebook", "The file could not be read as a Jupyter notebook. Submit the .ipynb file itself, "
                       "as saved by Jupyter."),
    ("timed out", "Your notebook ran longer than the time limit. Look for a loop that never ends or very "
                  "slow code, and run the notebook from top to bottom before you submit."),
    ("memory", "Your notebook used more memory than the grader allows. Look for very large arrays."),
    ("zip", "The uploaded zip file was refused by the grader's safety checks. Submit the notebook itself."),
    ("symlink", "The upload was a link to a file rather than a file. Submit the notebook itself."),
)


def explain_status(status: str) -> str:
    """Sentences for students and TAs saying what a result's status means."""
    kind = category(status)
    if kind == "graded":
        return "Graded: every test ran."
    if status == PARTIAL_RESTARTED:
        return ("Partly graded: your code stopped the grader (for example it ran too long or used too much "
                "memory), so the grader restarted and went on with the remaining tests. The tests that were "
                "running at that moment count as failed.")
    if kind == "partial":
        return f"Partly graded ({status}): some tests did not run and count as failed."
    reason = status.removeprefix("error:").strip()
    advice = next((text for phrase, text in _REASONS if phrase in reason.lower()), "")
    return " ".join(
        part for part in (f"Not graded ({reason}): this submission has no score.", advice,
                          "Tell your instructor if you think this is wrong.") if part
    )
