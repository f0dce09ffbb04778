"""A built lesson zip works as a Gradescope autograder: unpacked into a simulated /autograder tree
(its root from AIMATH_AUTOGRADER_ROOT), its run_autograder grades the submission and writes
results/results.json in Gradescope's schema."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STEM = "00_Overview"


def _autograde(tmp_path: Path, notebook: Path) -> dict:
    root = tmp_path / "autograder"
    with zipfile.ZipFile(ROOT / "autograder" / STEM / f"{STEM}-autograder.zip") as archive:
        modes = {info.filename: info.external_attr >> 16 for info in archive.infolist()}
        archive.extractall(root / "source")
    for script in ("setup.sh", "run_autograder"):
        assert modes[script] & stat.S_IXUSR, f"{script} must be executable in the zip"
    shutil.copy(root / "source" / "run_autograder", root / "run_autograder")  # where Gradescope puts it
    (root / "submission").mkdir()
    shutil.copy(notebook, root / "submission" / notebook.name)
    env = {**os.environ, "AIMATH_AUTOGRADER_ROOT": str(root)}
    subprocess.run(["bash", str(root / "run_autograder")], env=env, check=True, timeout=600, cwd=root)
    return json.loads((root / "results" / "results.json").read_text())


@pytest.mark.slow
def test_solutions_get_full_marks_and_hidden_tests_wait_for_publication(tmp_path: Path) -> None:
    results = _autograde(tmp_path, ROOT / "solutions" / f"{STEM}.ipynb")
    lesson = json.loads((ROOT / "autograder" / STEM / "lesson.json").read_text())
    assert results["score"] == lesson["points"] == sum(t["max_score"] for t in results["tests"])
    assert {t["visibility"] for t in results["tests"]} == {"visible", "after_published"}
    assert all(t["status"] == "passed" for t in results["tests"])


@pytest.mark.slow
def test_the_untouched_release_scores_zero(tmp_path: Path) -> None:
    results = _autograde(tmp_path, ROOT / "release" / STEM / f"{STEM}.ipynb")
    assert results["score"] == 0
    hidden = [t for t in results["tests"] if t["visibility"] == "after_published"]
    assert hidden and all("output" not in t for t in hidden)
