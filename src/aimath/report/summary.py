"""A batch at a glance: how many submissions were graded, partly graded or not, why, and the scores."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from rich.table import Table
from rich.text import Text

from ..grade.results import SubmissionResult
from .status import Category, category, score_text


@dataclass(frozen=True)
class _Summary:
    total: int
    counts: dict[Category, int]
    reasons: list[tuple[str, int]]  # status text of every partial or error result, most frequent first
    scores: str  # mean and median of the graded ones, as a sentence

    @classmethod
    def of(cls, results: Iterable[SubmissionResult]) -> _Summary:
        results = list(results)
        counts: dict[Category, int] = {"graded": 0, "partial": 0, "error": 0}
        reasons: Counter[str] = Counter()
        for result in results:
            kind = category(result.status)
            counts[kind] += 1
            if kind != "graded":
                reasons[result.status] += 1
        graded = [r for r in results if category(r.status) == "graded"]
        if graded:
            maxima = {r.max_score for r in graded}
            out_of = f" out of {score_text(maxima.pop())}" if len(maxima) == 1 else ""
            values = [r.score for r in graded]
            scores = (f"graded scores: mean {score_text(statistics.fmean(values))}, "
                      f"median {score_text(statistics.median(values))}{out_of}")
        else:
            scores = "graded scores: none"
        ordered = sorted(reasons.items(), key=lambda item: (-item[1], item[0]))
        return cls(len(results), counts, ordered, scores)


def summary_text(results: Iterable[SubmissionResult]) -> str:
    """Plain-text summary: counts by status, the reasons for partial and error results, mean and median."""
    summary = _Summary.of(results)
    counts = ", ".join(f"{n} {kind}" for kind, n in summary.counts.items())
    lines = [f"{summary.total} submissions: {counts}"]
    lines += [f"  {n} x {reason}" for reason, n in summary.reasons]
    lines.append(summary.scores)
    return "\n".join(lines)


def summary_table(results: Iterable[SubmissionResult]) -> Table:
    """The same summary as a `rich` table, for the command line."""
    summary = _Summary.of(results)
    table = Table(title=f"{summary.total} submissions", caption=summary.scores)
    table.add_column("status")
    table.add_column("count", justify="right")
    for kind, n in summary.counts.items():
        table.add_row(kind, str(n))
    for reason, n in summary.reasons:
        # Text, not a str: rich would read "[...]" in a reason as markup.
        table.add_row(Text(f"  {reason}"), str(n), style="dim")
    return table
