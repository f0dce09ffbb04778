"""A tiny course (one lesson, two questions) built from scratch for toolkit tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

CONFIG = """\
course: Toy course
lessons:
  - {id: "01", title: "Vectors and Matrices", source: source/01_Vectors_and_Matrices.ipynb, canvas_assignment_id: 4567}
"""

ASSIGNMENT = """# ASSIGNMENT CONFIG
name: 01_Vectors_and_Matrices
init_cell: false
export_cell: false
check_all_cell: false
run_tests: false
tests:
  files: true
  ok_format: false"""

SOLUTION = '''def double(x):
    """Return 2x as a float array."""
    # BEGIN SOLUTION
    values = np.asarray(x, dtype=float)
    return values * 2.0  # scaled copy of the input
    # END SOLUTION'''

PUBLIC_TEST = '''""" # BEGIN TEST CONFIG
points: 1
hidden: false
""" # END TEST CONFIG
def test_q01_1_small(double):
    import numpy as np
    from aimath import checks as C
    C.assert_close(C.call_student(double, np.array([1.0, 2.0])), np.array([2.0, 4.0]), **C.T1)
test_q01_1_small(double)'''

HIDDEN_TEST = '''""" # BEGIN TEST CONFIG
points: 2
hidden: true
""" # END TEST CONFIG
def test_q01_1_against_reference(double):
    from aimath import checks as C
    ref = C.reference()
    values = C.spawn_rngs("01.1", 1)[0].normal(size=7) * 1000.0
    C.assert_close(C.call_student(double, values), ref.double(values), **C.T1)
test_q01_1_against_reference(double)'''

SECOND_SOLUTION = '''def norm2(x):
    """Euclidean norm."""
    return float(np.sqrt(np.sum(np.asarray(x, dtype=float) ** 2)))  # SOLUTION'''

SECOND_TEST = '''""" # BEGIN TEST CONFIG
points: 1
hidden: true
failure_message: the norm of a 3-4-5 vector is 5
""" # END TEST CONFIG
def test_q01_2_pythagoras(norm2):
    from aimath import checks as C
    C.assert_scalar_close(C.call_student(norm2, [3.0, 4.0]), 5.0, **C.T1)'''


def toy_cells() -> list[tuple[str, str]]:
    return [
        ("raw", ASSIGNMENT),
        ("code", "import numpy as np\nimport matplotlib.pyplot as plt"),
        ("markdown", "# Toy lesson\n\nThe map $x \\mapsto 2x$ is linear."),
        ("code", "xs = np.linspace(0, 1, 5)\nplt.plot(xs, 2 * xs)\nplt.show()"),
        ("raw", "# BEGIN QUESTION\nname: q01_1\npoints: 3"),
        ("markdown", "**Exercise 01.1.** Write `double`."),
        ("code", SOLUTION),
        ("raw", "# BEGIN TESTS"),
        ("code", PUBLIC_TEST),
        ("code", HIDDEN_TEST),
        ("raw", "# END TESTS"),
        ("raw", "# END QUESTION"),
        ("raw", "# BEGIN QUESTION\nname: q01_2\npoints: 1"),
        ("code", SECOND_SOLUTION),
        ("raw", "# BEGIN TESTS"),
        ("code", SECOND_TEST),
        ("raw", "# END TESTS"),
        ("raw", "# END QUESTION"),
    ]


def write_notebook(path: Path, cells: list[tuple[str, str]]) -> Path:
    makers = {"raw": nbformat.v4.new_raw_cell, "code": nbformat.v4.new_code_cell,
              "markdown": nbformat.v4.new_markdown_cell}
    notebook = nbformat.v4.new_notebook(cells=[makers[kind](text) for kind, text in cells])
    for i, cell in enumerate(notebook.cells):
        cell.id = f"c{i}"
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, path)
    return path


@pytest.fixture
def toy_course(tmp_path: Path) -> Path:
    (tmp_path / "grading_config.yml").write_text(CONFIG)
    write_notebook(tmp_path / "source" / "01_Vectors_and_Matrices.ipynb", toy_cells())
    return tmp_path


@pytest.fixture(scope="session")
def built_toy_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The toy course, built once (with executed solutions) for the tests that only read outputs."""
    from aimath.build import build_lessons
    from aimath.config import load_config

    root = tmp_path_factory.mktemp("toy-built")
    (root / "grading_config.yml").write_text(CONFIG)
    write_notebook(root / "source" / "01_Vectors_and_Matrices.ipynb", toy_cells())
    config = load_config(root / "grading_config.yml")
    build_lessons(root, config, config.lessons)
    return root


def copy_course(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst
