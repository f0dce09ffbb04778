"""`aimath demo`, the README's main job: a synthetic class is graded end to end and exported."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from aimath.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_demo_grades_a_synthetic_class(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = CliRunner().invoke(main, ["--root", str(ROOT), "demo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    results = {p.stem: json.loads(p.read_text()) for p in (out / "graded" / "results").glob("*.json")}
    kinds = {str(s["user_id"]): s["kind"] for s in json.loads((out / "class.json").read_text())}
    assert set(results) == set(kinds)
    by_kind = {kinds[sid]: r for sid, r in results.items()}
    assert by_kind["full marks"]["score"] == by_kind["full marks"]["max_score"] > 0
    assert by_kind["blank"]["score"] == 0 and by_kind["blank"]["status"] == "graded"
    assert by_kind["broken notebook"]["status"].startswith("error: not a notebook")
    assert by_kind["hangs"]["status"].startswith("error: timed out")
    assert by_kind["tampering"]["score"] == 0, "tampering on a blank notebook must gain nothing"
    partly_wrong = [r for kind, r in by_kind.items() if kind.startswith("mistakes in")]
    assert partly_wrong and all(0 < r["score"] < r["max_score"] for r in partly_wrong)

    with (out / "exports" / "canvas.csv").open(newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:5] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
    assert rows[1][0].strip() == "Points Possible"
    grade_of = {row[1]: row[5] for row in rows[2:]}
    assert grade_of["1101"].startswith("error:"), "an ungraded submission is exported as a status, never a 0"
    assert (out / "graded" / "feedback").is_dir() and (out / "gradebook.sqlite").is_file()
