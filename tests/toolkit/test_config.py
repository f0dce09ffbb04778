"""grading_config.yml: the course file is valid, and every kind of mistake gets one message naming
the key and its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from aimath.cli import main
from aimath.config import ConfigError, find_course_root, load_config

ROOT = Path(__file__).resolve().parents[2]
VALID = """\
course: Test course
limits:
  seconds_per_call: 5
  workers: 2
lessons:
  - {id: "02", title: "Matrix Decompositions", source: source/02_Matrix_Decompositions.ipynb}
"""


def _error(tmp_path: Path, text: str) -> str:
    path = tmp_path / "grading_config.yml"
    path.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    return str(info.value)


def test_the_course_config_is_valid() -> None:
    config = load_config(ROOT / "grading_config.yml")
    assert config.lesson("2").stem == "02_Matrix_Decompositions"
    assert config.lesson("02_Matrix_Decompositions").id == "02"
    assert all((ROOT / lesson.source).parent.name == "source" for lesson in config.lessons)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (VALID.replace("  workers: 2", "  workers: two"), ":4: limits.workers: Input should be a valid integer"),
        (VALID.replace("  workers: 2", "  wrokers: 2"), ":4: limits.wrokers: unknown key"),
        (VALID.replace("seconds_per_call: 5", "seconds_per_call: -1"), ":3: limits.seconds_per_call: Input should be greater than 0"),
        (VALID + "sandbox: docker\n", ":7: sandbox: Input should be 'auto', 'bwrap' or 'process'"),
        (VALID.replace('id: "02"', 'id: "2"'), ":6: lessons.0.id: must be a two-digit lesson number"),
        (VALID + "student_id_pattern: '(unclosed'\n", ":7: student_id_pattern: is not a valid regular expression"),
        (VALID + "student_id_pattern: '(?P<sid>\\d+)'\n", "needs a named group (?P<student_id>...)"),
        ("course: [unclosed\n", "not valid YAML"),
        ("- just\n- a list\n", "expected a mapping of settings"),
    ],
    ids=["type", "unknown-key", "range", "choice", "lesson-id", "bad-regex", "regex-group", "yaml", "not-mapping"],
)
def test_mistakes_name_the_key_and_line(tmp_path: Path, text: str, expected: str) -> None:
    message = _error(tmp_path, text)
    assert expected in message
    assert "Traceback" not in message


def test_cli_reports_config_errors_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "grading_config.yml").write_text(VALID.replace("  workers: 2", "  wrokers: 2"))
    result = CliRunner().invoke(main, ["--root", str(tmp_path), "check"])
    assert result.exit_code == 1
    assert "limits.wrokers: unknown key" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_course_root_is_found_from_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / "grading_config.yml").write_text(VALID)
    (tmp_path / "release" / "deep").mkdir(parents=True)
    assert find_course_root(tmp_path / "release" / "deep") == tmp_path.resolve()
    with pytest.raises(ConfigError, match="no grading_config.yml"):
        find_course_root(Path("/"))
