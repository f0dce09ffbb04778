"""The build: otter-format parsing, errors located by file/cell/marker, reproducible outputs, self-check."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner
from conftest import HIDDEN_TEST, PUBLIC_TEST, SOLUTION, toy_cells, write_notebook

from aimath.build import BuildError, build_lessons, check_lessons, parse_lesson, verify_build
from aimath.build.source import strip_solutions
from aimath.cli import main
from aimath.config import load_config

STEM = "01_Vectors_and_Matrices"


def _config(root: Path):
    return load_config(root / "grading_config.yml")


def _parse_error(tmp_path: Path, cells: list[tuple[str, str]]) -> str:
    path = write_notebook(tmp_path / f"{STEM}.ipynb", cells)
    with pytest.raises(BuildError) as info:
        parse_lesson(path)
    return str(info.value)


# --------------------------------------------------------------------------------------------------
# Parsing and stripping


def test_parse_finds_questions_tests_and_graded_functions(toy_course: Path) -> None:
    lesson = parse_lesson(toy_course / "source" / f"{STEM}.ipynb")
    assert [q.name for q in lesson.questions] == ["q01_1", "q01_2"]
    assert lesson.questions[0].functions == ["double"]
    assert [(t.name, t.hidden, t.points) for t in lesson.questions[0].tests] == [
        ("test_q01_1_small", False, 1.0),
        ("test_q01_1_against_reference", True, 2.0),
    ]
    assert lesson.questions[1].tests[0].failure_message == "the norm of a 3-4-5 vector is 5"
    assert lesson.points == 4.0


def test_strip_keeps_signature_and_docstring() -> None:
    stub = strip_solutions(SOLUTION, "cell")
    assert stub == 'def double(x):\n    """Return 2x as a float array."""\n    ...'
    assert strip_solutions("y = compute(x)  # SOLUTION", "cell") == "y = ..."
    assert strip_solutions("    # BEGIN SOLUTION NO PROMPT\n    secret()\n    # END SOLUTION", "cell") == ""


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda c: c.__setitem__(6, ("code", SOLUTION.replace("    # END SOLUTION", ""))),
         "cell 7, line 3: '# BEGIN SOLUTION' is never closed"),
        (lambda c: c.__setitem__(12, ("raw", "# BEGIN QUESTION\nname: q01_1\npoints: 1")),
         "cell 13 (# BEGIN QUESTION): duplicate question name q01_1 (first at cell 5)"),
        (lambda c: [c.pop(i) for i in (16, 15, 14)],
         "(# BEGIN QUESTION q01_2): the question has no tests"),
        (lambda c: c.__setitem__(6, ("code", "# BEGIN SOLUTION\n" + SOLUTION.replace("    # BEGIN SOLUTION\n", ""))),
         "cell 7: graded function double is missing from the stub"),
        (lambda c: c.__setitem__(9, ("code", HIDDEN_TEST.replace("points: 2", "points: 1"))),
         "its tests add up to 2 points, the question is worth 3"),
        (lambda c: c.__setitem__(9, ("code", PUBLIC_TEST)),
         "cell 10: test name test_q01_1_small is used twice (first at cell 9)"),
        (lambda c: c.pop(11),
         "is not closed"),
        (lambda c: c.__setitem__(4, ("raw", "# BEGIN QUESTION\nname: q02_1\npoints: 3")),
         "name must be q01_M, got 'q02_1'"),
        (lambda c: [c.__setitem__(4, ("raw", "# BEGIN QUESTION\nname: q01_1\npoints: 0.3")),
                    c.__setitem__(8, ("code", PUBLIC_TEST.replace("points: 1", "points: 0.1"))),
                    c.__setitem__(9, ("code", HIDDEN_TEST.replace("points: 2", "points: 0.2")))],
         "otter assign refuses its test points"),  # 0.1 + 0.2 > 0.3 in floating point
    ],
    ids=["unclosed-solution", "duplicate-question", "no-tests", "def-inside-solution", "points-mismatch",
         "duplicate-test", "unclosed-question", "wrong-lesson-number", "points-inexact"],
)
def test_mistakes_are_reported_with_file_cell_and_marker(tmp_path: Path, mutate, expected: str) -> None:
    cells = toy_cells()
    mutate(cells)
    message = _parse_error(tmp_path, cells)
    assert f"{STEM}.ipynb" in message
    assert expected in message


def test_notebook_without_kernelspec_is_refused(tmp_path: Path) -> None:
    path = write_notebook(tmp_path / f"{STEM}.ipynb", toy_cells())
    notebook = nbformat.read(path, as_version=4)
    del notebook.metadata["kernelspec"]
    nbformat.write(notebook, path)
    with pytest.raises(BuildError, match="kernelspec"):
        parse_lesson(path)


# --------------------------------------------------------------------------------------------------
# Outputs


def test_outputs_layout_and_contents(built_toy_course: Path) -> None:
    root = built_toy_course
    release = root / "release" / STEM
    bundle = root / "autograder" / STEM
    assert sorted(p.name for p in (release / "tests").iterdir()) == ["q01_1.py", "q01_2.py"]
    assert "def test_" not in (release / "tests" / "q01_2.py").read_text()  # q01_2 has no public test
    assert "test_q01_1_against_reference" not in (release / "tests" / "q01_1.py").read_text()
    assert "test_q01_1_against_reference" in (bundle / "tests" / "q01_1.py").read_text()
    reference = (bundle / "reference.py").read_text()
    assert "values * 2.0" in reference and "BEGIN SOLUTION" not in reference
    meta = json.loads((bundle / "lesson.json").read_text())
    assert [(q["name"], q["points"], q["functions"]) for q in meta["questions"]] == [
        ("q01_1", 3.0, ["double"]), ("q01_2", 1.0, ["norm2"])]
    assert meta["warm"] == ["matplotlib.pyplot", "numpy"]  # what the notebook imports: the sandbox preloads it

    student = nbformat.read(release / f"{STEM}.ipynb", as_version=4)
    sources = [c.source for c in student.cells]
    assert sources[0].endswith("from aimath.student import check")
    assert 'check("01.1")' in sources and 'check("01.2")' in sources
    assert all(not c.get("outputs") for c in student.cells if c.cell_type == "code")
    assert not any("values * 2.0" in s or "# BEGIN" in s for s in sources)

    solved = nbformat.read(root / "solutions" / f"{STEM}.ipynb", as_version=4)
    figure_outputs = [o for c in solved.cells if c.cell_type == "code" for o in c.outputs if "image/png" in o.get("data", {})]
    assert figure_outputs, "the executed solutions keep their figures"
    check_output = next(c for c in solved.cells if c.source == 'check("01.1")').outputs[0]["data"]["text/plain"]
    assert "all public tests passed" in check_output

    with zipfile.ZipFile(bundle / f"{STEM}-autograder.zip") as archive:
        names = archive.namelist()
    assert {"setup.sh", "run_autograder", "reference.py", "lesson.json", "tests/q01_1.py"} <= set(names)
    assert names == sorted(names)
    assert "aimath_src/src/aimath/checks/__init__.py" in names


def test_build_is_byte_for_byte_reproducible(built_toy_course: Path, tmp_path: Path) -> None:
    config = _config(built_toy_course)
    assert verify_build(built_toy_course, config, config.lessons) == []


def test_build_check_lists_drifted_files(built_toy_course: Path, tmp_path: Path) -> None:
    root = tmp_path / "course"
    shutil.copytree(built_toy_course, root)
    (root / "release" / STEM / "tests" / "q01_1.py").write_text("# edited by hand\n")
    (root / "autograder" / STEM / "stray.txt").write_text("left over\n")
    config = _config(root)
    drifts = verify_build(root, config, config.lessons)
    assert drifts and sorted(drifts[0].differing) == [
        f"autograder/{STEM}/stray.txt", f"release/{STEM}/tests/q01_1.py"]
    result = CliRunner().invoke(main, ["--root", str(root), "build", "--check"])
    assert result.exit_code != 0
    assert f"out of date: release/{STEM}/tests/q01_1.py" in result.output


def test_self_check_passes_on_a_correct_lesson(built_toy_course: Path) -> None:
    config = _config(built_toy_course)
    [report] = check_lessons(built_toy_course, config, config.lessons)
    assert report.problems == []
    assert (report.reference_score, report.max_score) == (4.0, 4.0)


def test_self_check_finds_leaks_and_a_release_that_scores(built_toy_course: Path, tmp_path: Path) -> None:
    root = tmp_path / "course"
    shutil.copytree(built_toy_course, root)
    path = root / "release" / STEM / f"{STEM}.ipynb"
    notebook = nbformat.read(path, as_version=4)
    stub = next(c for c in notebook.cells if c.source.startswith("def double"))
    stub.source = SOLUTION.replace("    # BEGIN SOLUTION\n", "").replace("    # END SOLUTION", "")
    notebook.cells.append(nbformat.v4.new_markdown_cell("see test_q01_1_against_reference"))
    nbformat.write(notebook, path)
    config = _config(root)
    [report] = check_lessons(root, config, config.lessons)
    joined = "\n".join(report.problems)
    assert "the untouched release notebook scores 3 on q01_1" in joined
    assert "solution line in release/: values = np.asarray(x, dtype=float)" in joined
    assert "hidden test name in release/: test_q01_1_against_reference" in joined


def test_student_check_runs_public_tests_only(built_toy_course: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """check() reads the caller's globals, as in a notebook; a wrong answer fails and says why."""
    monkeypatch.chdir(built_toy_course / "release" / STEM)
    notebook_globals: dict = {}
    exec(
        "import numpy as np\n"
        "from aimath.student import check\n"
        "def double(x):\n"
        "    return np.asarray(x, dtype=float) * 3\n"
        "wrong = check('01.1')\n"
        "def double(x):\n"
        "    return np.asarray(x, dtype=float) * 2\n"
        "right = check('q01_1')\n",
        notebook_globals,
    )
    wrong, right = notebook_globals["wrong"], notebook_globals["right"]
    assert not wrong.passed and wrong.max_score == 1.0
    assert "abs error 2.0e+00" in repr(wrong)
    assert right.passed and "Hidden tests run when you submit" in repr(right)
    assert "against_reference" not in repr(wrong) + repr(right)


def test_otter_assign_accepts_the_source_format(toy_course: Path, tmp_path: Path) -> None:
    """Instructors who know otter author without learning anything new: otter reads our notebooks."""
    out = tmp_path / "otter-out"
    subprocess.run([sys.executable, "-m", "otter", "assign", str(toy_course / "source" / f"{STEM}.ipynb"), str(out)],
                   check=True, capture_output=True, timeout=120)
    assert (out / "autograder" / "tests" / "q01_1.py").is_file()
    assert "test_q01_1_against_reference" not in (out / "student" / "tests" / "q01_1.py").read_text()


def test_build_only_named_lessons(toy_course: Path) -> None:
    config = _config(toy_course)
    written = build_lessons(toy_course, config, [config.lesson("1")], execute=False)
    assert (toy_course / "release" / STEM / f"{STEM}.ipynb") in written
    assert not (toy_course / "solutions").exists()


def test_forbidden_functions_reach_the_static_scan(tmp_path: Path) -> None:
    """forbid= is read from literals (directly or through a name the test assigns); anything else stops
    the build instead of leaving the static scan with nothing to look for."""
    from aimath.build.outputs import lesson_metadata
    from aimath.config import CourseConfig, LessonEntry

    entry = LessonEntry(id="01", title="Vectors and Matrices", source=f"source/{STEM}.ipynb")
    config = CourseConfig(course="t", lessons=[entry])
    through_name = PUBLIC_TEST.replace(
        "    C.assert_close(C.call_student(double, np.array([1.0, 2.0])),",
        "    banned = ('numpy.linalg.qr',)\n    C.assert_close(C.call_student(double, np.array([1.0, 2.0]), forbid=banned),")
    cells = toy_cells()
    cells[8] = ("code", through_name)
    lesson = parse_lesson(write_notebook(tmp_path / "a" / f"{STEM}.ipynb", cells))
    assert lesson_metadata(lesson, entry, config)["questions"][0]["forbid"] == ["numpy.linalg.qr"]

    cells[8] = ("code", through_name.replace("forbid=banned", "forbid=tuple(banned)"))
    lesson = parse_lesson(write_notebook(tmp_path / "b" / f"{STEM}.ipynb", cells))
    with pytest.raises(BuildError, match="forbid= must be a literal"):
        lesson_metadata(lesson, entry, config)


def test_the_sandbox_preloads_every_module_the_notebook_imports(tmp_path: Path) -> None:
    """Imports inside functions and from-imports count too, so that no submission pays for them."""
    from aimath.build.outputs import imported_modules

    cells = toy_cells()
    cells[3] = ("code", "from scipy import linalg\nimport torch.nn.functional as F\n\n"
                        "def helper():\n    import sympy\n    from . import sibling\n    return sympy")
    lesson = parse_lesson(write_notebook(tmp_path / f"{STEM}.ipynb", cells))
    assert imported_modules(c.source for c in lesson.code_cells()) == [
        "matplotlib.pyplot", "numpy", "scipy", "sympy", "torch.nn.functional"]
