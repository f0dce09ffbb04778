"""Batch grading: results files, feedback and gradebook rows; resuming, regrading, and a batch killed
half-way that loses nothing it committed."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from aimath.config import Limits
from aimath.grade.batch import grade_batch
from aimath.grade.results import GRADED
from aimath.gradebook import Gradebook

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
sys.path.insert(0, str(FIXTURES))
from engine_fixture import BUNDLE, MAX_SCORE, solution_cells, write_notebook  # noqa: E402

LIMITS = Limits(seconds_per_call=5, seconds_per_submission=30)


def class_folder(folder: Path, n_solved: int, n_blank: int) -> Path:
    for i in range(n_solved):
        write_notebook(folder / f"solved{i}.ipynb", solution_cells())
    for i in range(n_blank):
        write_notebook(folder / f"blank{i}.ipynb", solution_cells()[:1])
    (folder / "broken.ipynb").write_text("{not json")
    return folder


def test_batch_writes_results_feedback_and_gradebook_then_resumes(tmp_path):
    submissions = class_folder(tmp_path / "in", n_solved=2, n_blank=1)
    out, seen = tmp_path / "out", []
    outcome = grade_batch(BUNDLE, [submissions], out, workers=2, limits=LIMITS, sandbox_mode="process",
                          progress=seen.append)
    scores = {r.student_id: (r.status, r.score) for r in outcome.results}
    assert scores == {"solved0": (GRADED, MAX_SCORE), "solved1": (GRADED, MAX_SCORE), "blank0": (GRADED, 0.0),
                      "broken": ("error: not a notebook (invalid JSON at line 1)", 0.0)}
    assert sorted(r.student_id for r in seen) == sorted(scores) and not outcome.failed
    for student in scores:
        saved = json.loads((out / "results" / f"{student}.json").read_text())
        assert (saved["status"], saved["score"]) == scores[student]
        assert list((out / "feedback").glob(f"{student}_99*"))
    with Gradebook(out / "gradebook.sqlite") as gradebook:
        assert {r.student_id: r.score for r in gradebook.latest_results("99")} == {s: v[1] for s, v in scores.items()}

    write_notebook(submissions / "blank0.ipynb", solution_cells())  # a resubmission
    again = grade_batch(BUNDLE, [submissions], out, workers=2, limits=LIMITS, sandbox_mode="process")
    assert [(r.student_id, r.score) for r in again.results] == [("blank0", MAX_SCORE)]
    assert sorted(s.student_id for s in again.skipped) == ["broken", "solved0", "solved1"]
    forced = grade_batch(BUNDLE, [submissions / "solved0.ipynb"], out, workers=1, limits=LIMITS,
                         sandbox_mode="process", regrade=True)
    assert [r.student_id for r in forced.results] == ["solved0"] and not forced.skipped


KILLER = """
import os, signal, sys
sys.path.insert(0, {fixtures!r})
from aimath.config import Limits
from aimath.grade.batch import grade_batch
from engine_fixture import BUNDLE

done = []

def progress(result):
    done.append(result)
    if len(done) == 2:
        os.kill(os.getpid(), signal.SIGKILL)  # no cleanup, no flush: as if the machine went down

grade_batch(BUNDLE, [{submissions!r}], {out!r}, workers=1, sandbox_mode="process",
            limits=Limits(seconds_per_call=5, seconds_per_submission=30), progress=progress)
"""


def test_sigkill_mid_batch_loses_nothing_committed(tmp_path):
    submissions = class_folder(tmp_path / "in", n_solved=3, n_blank=2)
    out = tmp_path / "out"
    script = KILLER.format(fixtures=str(FIXTURES), submissions=str(submissions), out=str(out))
    killed = subprocess.run([sys.executable, "-c", textwrap.dedent(script)], timeout=300)
    assert killed.returncode == -9
    with Gradebook(out / "gradebook.sqlite") as gradebook:
        committed = {r.student_id: r.sha256 for r in gradebook.latest_results("99")}
    assert len(committed) == 2
    assert all((out / "results" / f"{student}.json").is_file() for student in committed)

    rest = grade_batch(BUNDLE, [submissions], out, workers=2, limits=LIMITS, sandbox_mode="process")
    assert {s.student_id for s in rest.skipped} == set(committed)
    assert len(rest.results) == 4 and not rest.failed
    with Gradebook(out / "gradebook.sqlite") as gradebook:
        assert len(gradebook.latest_results("99")) == 6
