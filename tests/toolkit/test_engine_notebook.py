"""Notebook intake: IPython syntax becomes Python, test-running cells go, malformed files get a reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aimath.grade.notebook import NotebookError, cell_to_python, read_notebook


def notebook(cells: list[str], **top) -> dict:
    return {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, **top,
            "cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": s} for s in cells]}


def write(tmp_path: Path, content: bytes | str | dict, name: str = "nb.ipynb") -> Path:
    path = tmp_path / name
    if isinstance(content, dict):
        content = json.dumps(content)
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def test_ipython_syntax_becomes_python():
    assert cell_to_python("%matplotlib inline\nx = 1\n") == "get_ipython().run_line_magic('matplotlib', 'inline')\nx = 1\n"
    assert "get_ipython().system('ls -la')" in cell_to_python("!ls -la")
    assert "getoutput" in cell_to_python("files = !ls")
    assert "run_cell_magic('time'" in cell_to_python("%%time\nx = 2\n")


@pytest.mark.parametrize("magic", ["bash", "sh", "script python", "writefile f.py", "html", "javascript", "pip"])
def test_foreign_cell_magics_are_dropped(magic):
    assert cell_to_python(f"%%{magic}\nrm -rf /\n") == ""


def test_test_running_statements_are_dropped_and_the_rest_kept():
    source = (
        "import otter\nimport numpy as np\ngrader = otter.Notebook('x.ipynb')\n"
        "from aimath.student import check\n"
        "def f(x):\n    return check(x)  # the student's own call, kept\n"
        "grader.check('q1')\ngrader.check_all()\ngrader.export(pdf=False)\ncheck(\"02.1\")\ny = f(2)\n"
    )
    python = cell_to_python(source)
    assert "otter" not in python and "aimath.student" not in python and "grader" not in python
    assert "check('02.1')" not in python and 'check("02.1")' not in python
    assert "import numpy as np" in python and "return check(x)" in python and "y = f(2)" in python


def test_long_cells_are_converted_like_short_ones():
    """Conversions of short cells are remembered between submissions; long ones are not, same result."""
    filler = "".join(f"v{i} = {i}\n" for i in range(2_000))
    for source in ("%time x = 1\n" + filler, filler + "grader.check('q1')\n", filler):
        python = cell_to_python(source)
        assert "v0 = 0\n" in python and python.rstrip().endswith("v1999 = 1999") and "grader" not in python
        assert len(source) > 8_000
    assert cell_to_python("%time x = 1\n" + filler).startswith("get_ipython().run_line_magic('time', 'x = 1')")


def test_syntax_errors_are_left_for_the_worker():
    assert cell_to_python("def f(:\n    pass\n") == "def f(:\n    pass\n"


def test_code_cells_with_their_numbers(tmp_path):
    nb = notebook(["import numpy as np", "", "%%bash\necho hi", "x = 1"])
    nb["cells"].insert(1, {"cell_type": "markdown", "metadata": {}, "source": "# title"})
    nb["cells"][-1]["source"] = ["x = 1\n", "y = 2\n"]
    assert read_notebook(write(tmp_path, nb)) == [(1, "import numpy as np\n"), (5, "x = 1\ny = 2\n")]


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b"  \n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    (b"{\"cells\": [\xff\xfe]}", "not UTF-8"),
    ("{\"cells\": [", "invalid JSON at line 1"),
    ("[1, 2]", "no notebook object"),
    ({"nbformat": 3, "worksheets": [{"cells": []}], "metadata": {}}, "format 3 is too old"),
    ({"nbformat": 4, "metadata": {}}, "no cells"),
    (notebook([]), "no code cells"),
    ({**notebook(["x <- 1"]), "metadata": {"kernelspec": {"language": "R", "name": "ir"}}}, "kernel language is r"),
    ({**notebook([]), "cells": [{"cell_type": "code", "source": 3}]}, "has no source text"),
])
def test_malformed_files_give_a_reason(tmp_path, content, reason):
    with pytest.raises(NotebookError, match=reason):
        read_notebook(write(tmp_path, content))


def test_size_cap(tmp_path):
    path = write(tmp_path, notebook(["x = 1"] * 100))
    with pytest.raises(NotebookError, match="larger than"):
        read_notebook(path, max_bytes=1000)
    assert read_notebook(path)[0] == (1, "x = 1\n")


def test_byte_order_mark_is_accepted(tmp_path):
    assert read_notebook(write(tmp_path, b"\xef\xbb\xbf" + json.dumps(notebook(["x = 1"])).encode()))
