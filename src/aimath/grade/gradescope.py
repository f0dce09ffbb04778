"""`python -m aimath.grade.gradescope`: what the bundle's `run_autograder` runs on Gradescope.

Grades the notebook in `<root>/submission` against the bundle in `<root>/source` and writes
`<root>/results/results.json` in Gradescope's schema. The root is `/autograder` unless the
environment variable AIMATH_AUTOGRADER_ROOT names another (tests use a simulated tree).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..export.gradescope import to_gradescope_json
from .engine import grade_notebook, load_bundle
from .results import SubmissionResult, error_status


def _student_id(root: Path) -> str:
    """The submitter as Gradescope's submission_metadata.json names them (sid, else email)."""
    try:
        users = json.loads((root / "submission_metadata.json").read_text(encoding="utf-8")).get("users") or []
        user = users[0] if isinstance(users[0], dict) else {}
        return str(user.get("sid") or user.get("email") or "student")
    except (OSError, ValueError, IndexError, AttributeError):
        return "student"


def grade_submission(root: Path) -> SubmissionResult:
    """Grade the submission's notebook (the one named like the lesson, if there are several)."""
    source, bundle = root / "source", load_bundle(root / "source")
    notebooks = sorted(p for p in (root / "submission").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    if len(notebooks) > 1:
        notebooks = [p for p in notebooks if p.stem == bundle.name] or notebooks
    student = _student_id(root)
    if len(notebooks) != 1:
        reason = "no .ipynb file in the submission" if not notebooks else \
            f"{len(notebooks)} notebooks in the submission; upload only {bundle.name}.ipynb"
        return SubmissionResult.from_tests(tests=[], question_points=bundle.points, student_id=student,
                                           lesson=bundle.lesson, file="", sha256="", status=error_status(reason))
    return grade_notebook(source, notebooks[0], student_id=student)


def main() -> None:
    root = Path(os.environ.get("AIMATH_AUTOGRADER_ROOT", "/autograder"))
    result = grade_submission(root)
    target = root / "results" / "results.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(to_gradescope_json(result), indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
