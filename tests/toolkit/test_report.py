"""Per-student feedback (Markdown and HTML) and batch summaries."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from rich.console import Console
from test_gradebook_samples import HIDDEN_SECRET, PUBLIC_MESSAGE, sample_result

from aimath.grade.results import PARTIAL_RESTARTED, error_status
from aimath.report import explain_status, summary_table, summary_text, write_feedback


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_hidden_messages_never_reach_feedback(tmp_path: Path, fmt: str) -> None:
    text = write_feedback(sample_result(), tmp_path, fmt=fmt).read_text(encoding="utf-8")
    assert "HIDDEN-SECRET" not in text and "42.4242" not in text
    assert HIDDEN_SECRET not in text
    # ... but the hidden tests are there, by name, points and outcome.
    plain = text.replace("\\", "")  # Markdown escapes
    assert "hidden test test_q02_1_reference: passed (2 / 2 points)" in plain
    assert "hidden test test_q02_2_reference: passed (1.5 / 1.5 points)" in plain


def test_markdown_feedback_shows_scores_and_public_messages_inertly(tmp_path: Path) -> None:
    path = write_feedback(sample_result(), tmp_path)
    assert path == tmp_path / "1001_02.md"
    text = path.read_text(encoding="utf-8")
    assert "**Score: 4.5 / 5.5**" in text
    assert "## q02\\_1: 3 / 3" in text and "## q02\\_2: 1.5 / 2.5" in text
    # The public failure message is shown whole, inside a fence longer than its own backticks.
    fence = re.search(r"\n  (`{4,})text\n  (.*)\n  \1\n", text)
    assert fence and fence.group(2) == PUBLIC_MESSAGE
    outside = text.replace(fence.group(0), "")
    assert "<script>" not in outside and "](http" not in outside


def test_html_feedback_escapes_everything(tmp_path: Path) -> None:
    result = sample_result("<b>1001</b>")
    path = write_feedback(result, tmp_path, fmt="html")
    text = path.read_text(encoding="utf-8")
    assert "<script>" not in text and "<b>" not in text
    assert f"<pre>{html.escape(PUBLIC_MESSAGE)}</pre>" in text
    assert "<strong>Score: 4.5 / 5.5</strong>" in text
    assert path.parent == tmp_path and "<" not in path.name and path.suffix == ".html"


def test_feedback_file_names_cannot_escape_the_folder(tmp_path: Path) -> None:
    a = write_feedback(sample_result("../../x"), tmp_path / "out")
    b = write_feedback(sample_result("__.._x"), tmp_path / "out")
    assert a.parent == b.parent == tmp_path / "out" and a != b


@pytest.mark.parametrize(
    ("status", "phrase"),
    [
        (error_status("not a notebook"), "could not be read as a Jupyter notebook"),
        (error_status("timed out after 120 s"), "ran longer than the time limit"),
        (error_status("zip bomb: 2.1 GB uncompressed"), "safety checks"),
        (error_status("something new"), "Not graded (something new): this submission has no score."),
    ],
)
def test_errors_are_explained_plainly_without_a_score(tmp_path: Path, status: str, phrase: str) -> None:
    result = sample_result(status=status)
    assert phrase in explain_status(status)
    text = write_feedback(result, tmp_path, fmt="html").read_text(encoding="utf-8")
    assert html.escape(phrase) in text and "Score" not in text and "q02_1" not in text


def test_partial_results_keep_their_score_and_say_what_happened(tmp_path: Path) -> None:
    text = write_feedback(sample_result(status=PARTIAL_RESTARTED), tmp_path, fmt="html").read_text(encoding="utf-8")
    assert "Score: 4.5 / 5.5" in text and "restarted" in text


def results_batch() -> list:
    return [
        sample_result("1", passed=(True,) * 4),  # 5.5
        sample_result("2"),  # 4.5
        sample_result("3", passed=(False,) * 4),  # 0
        sample_result("4", status=PARTIAL_RESTARTED),
        sample_result("5", status=error_status("timed out after 120 s")),
        sample_result("6", status=error_status("timed out after 120 s")),
        sample_result("7", status=error_status("not a notebook")),
    ]


def test_summary_text_counts_statuses_with_reasons_and_scores() -> None:
    assert summary_text(results_batch()) == (
        "7 submissions: 3 graded, 1 partial, 3 error\n"
        "  2 x error: timed out after 120 s\n"
        "  1 x error: not a notebook\n"
        "  1 x partial: worker restarted\n"
        "graded scores: mean 3.33, median 4.5 out of 5.5"
    )
    assert summary_text([]) == "0 submissions: 0 graded, 0 partial, 0 error\ngraded scores: none"


def test_summary_table_renders_the_same_facts() -> None:
    console = Console(record=True, width=100)
    results = results_batch() + [sample_result("8", status=error_status("odd [bold]markup[/bold]"))]
    console.print(summary_table(results))
    text = " ".join(console.export_text().split())
    for fact in ("8 submissions", "graded", "error: timed out after 120 s", "odd [bold]markup[/bold]",
                 "mean 3.33, median 4.5 out of 5.5"):
        assert fact in text
