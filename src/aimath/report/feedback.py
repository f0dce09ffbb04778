"""Per-student feedback, in Markdown or HTML, from one `SubmissionResult`.

What a student may see: the score, per question, each public test with its message, and each hidden
test only as its name, points and pass/fail. Hidden messages never leave the gradebook this way.
Everything from the submission (file names, messages that quote the student's exceptions) is escaped.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
from pathlib import Path
from typing import Literal, Protocol

from ..grade.results import GRADED, SubmissionResult, TestResult
from .status import category, explain_status, score_text


class _Document(Protocol):
    def heading(self, level: int, text: str) -> None: ...
    def paragraph(self, text: str, *, strong: bool = False) -> None: ...
    def items(self, entries: list[tuple[str, str | None]]) -> None: ...
    def render(self, title: str) -> str: ...


# Every character that can open Markdown or HTML markup inside a line (a link, an image, a code span,
# emphasis, a table cell, an entity or a raw tag) is escaped. Line starts are always our own words.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~#])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


class _Markdown:
    def __init__(self) -> None:
        self.blocks: list[str] = []

    def heading(self, level: int, text: str) -> None:
        self.blocks.append(f"{'#' * level} {_md(text)}")

    def paragraph(self, text: str, *, strong: bool = False) -> None:
        self.blocks.append(f"**{_md(text)}**" if strong else _md(text))

    def items(self, entries: list[tuple[str, str | None]]) -> None:
        lines = []
        for text, detail in entries:
            lines.append(f"- {_md(text)}")
            if detail:
                # A fence longer than any run of backticks in the message keeps it literal.
                fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", detail)), default=0))
                lines += [f"  {fence}text", *(f"  {line}" for line in detail.splitlines()), f"  {fence}"]
        self.blocks.append("\n".join(lines))

    def render(self, title: str) -> str:
        return "\n\n".join(self.blocks) + "\n"


class _Html:
    def __init__(self) -> None:
        self.blocks: list[str] = []

    def heading(self, level: int, text: str) -> None:
        self.blocks.append(f"<h{level}>{html.escape(text)}</h{level}>")

    def paragraph(self, text: str, *, strong: bool = False) -> None:
        body = html.escape(text)
        self.blocks.append(f"<p><strong>{body}</strong></p>" if strong else f"<p>{body}</p>")

    def items(self, entries: list[tuple[str, str | None]]) -> None:
        lines = ["<ul>"]
        for text, detail in entries:
            pre = f"<pre>{html.escape(detail)}</pre>" if detail else ""
            lines.append(f"<li>{html.escape(text)}{pre}</li>")
        self.blocks.append("\n".join([*lines, "</ul>"]))

    def render(self, title: str) -> str:
        return (
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{html.escape(title)}</title>\n</head>\n<body>\n"
            + "\n".join(self.blocks)
            + "\n</body>\n</html>\n"
        )


def _test_entry(test: TestResult) -> tuple[str, str | None]:
    outcome = "passed" if test.passed else "failed"
    points = f"{score_text(test.score)} / {score_text(test.max_score)} points"
    if test.hidden:
        return f"hidden test {test.name}: {outcome} ({points})", None  # never its message
    detail = test.message if test.message and test.message != "passed" else None
    return f"{test.name}: {outcome} ({points})", detail


def _compose(result: SubmissionResult, doc: _Document) -> None:
    doc.heading(1, f"Lesson {result.lesson}: feedback for {result.student_id}")
    scored = category(result.status) != "error"
    if scored:
        doc.paragraph(f"Score: {score_text(result.score)} / {score_text(result.max_score)}", strong=True)
    if result.status != GRADED:
        doc.paragraph(explain_status(result.status))
    fingerprint = f" (sha256 {result.sha256[:12]})" if result.sha256 else ""
    doc.paragraph(f"Graded file: {result.file}{fingerprint}")
    if not scored:
        return  # per-question zeros would contradict "no score"
    by_question: dict[str, list[TestResult]] = {name: [] for name in result.questions}
    for test in result.tests:
        by_question.setdefault(test.question, []).append(test)
    for question, tests in by_question.items():
        totals = result.questions.get(question)
        score = f": {score_text(totals['score'])} / {score_text(totals['max_score'])}" if totals else ""
        doc.heading(2, f"{question}{score}")
        if tests:
            doc.items([_test_entry(test) for test in tests])
        else:
            doc.paragraph("No test of this question ran.")


def _file_name(result: SubmissionResult) -> str:
    stem = f"{result.student_id}_{result.lesson}"
    safe = re.sub(r"[^\w.-]", "_", stem).lstrip(".") or "_"
    # Ids come from student-chosen file names: keep them from naming paths, and keep two ids that
    # clean up to the same text apart.
    return safe if safe == stem else f"{safe}-{hashlib.sha256(stem.encode()).hexdigest()[:8]}"


def write_feedback(result: SubmissionResult, out_dir: str | os.PathLike[str],
                   fmt: Literal["md", "html"] = "md") -> Path:
    """Write one student's feedback file into `out_dir` and return its path."""
    documents: dict[str, type[_Markdown] | type[_Html]] = {"md": _Markdown, "html": _Html}
    if fmt not in documents:
        raise ValueError(f"feedback format must be 'md' or 'html', not {fmt!r}")
    doc = documents[fmt]()
    _compose(result, doc)
    path = Path(out_dir) / f"{_file_name(result)}.{fmt}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(doc.render(f"Lesson {result.lesson}: {result.student_id}"), encoding="utf-8")
    return path
