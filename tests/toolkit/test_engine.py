"""The grading engine end to end on the fixture bundle, in each sandbox mode: scores, messages, the
observations made in the worker, callbacks and generators, limits, restarts and Gradescope."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from aimath.checks.errors import CheckFailure
from aimath.config import Limits
from aimath.grade.engine import Question, forbidden_uses, grade_notebook
from aimath.grade.results import GRADED, PARTIAL_RESTARTED
from aimath.sandbox import ForkServer, Handle, confine

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from engine_fixture import BUNDLE, HIDDEN_MARKERS, MAX_SCORE, solution_cells, write_notebook  # noqa: E402

MODES = ["process", pytest.param("bwrap", marks=pytest.mark.skipif(shutil.which("bwrap") is None,
                                                                   reason="bubblewrap is not installed"))]
SHORT = Limits(seconds_per_call=1.5, seconds_per_submission=6)


def grade(tmp_path: Path, cells: list[str], mode: str, limits: Limits | None = None, name: str = "nb"):
    path = write_notebook(tmp_path / f"{name}.ipynb", cells)
    return grade_notebook(BUNDLE, path, student_id=name, sandbox_mode=mode, limits=limits)


def by_name(result) -> dict:
    return {t.name: t for t in result.tests}


def question_scores(result) -> dict[str, float]:
    return {q: v["score"] for q, v in result.questions.items()}


@pytest.mark.parametrize("mode", MODES)
def test_solution_scores_full_marks(tmp_path, mode):
    result = grade(tmp_path, solution_cells(), mode)
    assert (result.status, result.score, result.max_score, result.sandbox) == (GRADED, MAX_SCORE, MAX_SCORE, mode)
    assert all(t.passed for t in result.tests) and len(result.tests) == 12
    assert len(result.sha256) == 64 and result.file == "nb.ipynb"


@pytest.mark.parametrize("mode", MODES)
def test_unfinished_and_missing_functions_score_zero(tmp_path, mode):
    stubs = [solution_cells()[0], "def row_norms(X):\n    ...\n", "def plot_parabola(ax, n=5):\n    ...\n"]
    result = grade(tmp_path, stubs, mode)
    assert result.status == GRADED and result.score == 0
    tests = by_name(result)
    assert "row norms" in tests["test_q99_1_small"].message
    assert tests["test_q99_6_calls_grad_each_step"].message.startswith("the graded function is not defined")


@pytest.mark.parametrize("mode", MODES)
def test_observations_made_in_the_worker(tmp_path, mode):
    cells = solution_cells(
        row_norms="def row_norms(X):\n    X **= 2\n    return np.sqrt(X.sum(axis=1))\n",
        noisy_mean="def noisy_mean(x, sigma, rng):\n    return np.mean(x + sigma * np.random.standard_normal(len(x)))\n",
        descend="def descend(grad, x0, lr, steps):\n    x = np.array(x0, float)\n"
                "    for _ in range(steps):\n        grad(x)\n        x = x - lr * grad(x)\n    return x\n",
    )
    tests = by_name(grade(tmp_path, cells, mode))
    assert "modified its input (argument 1)" in tests["test_q99_1_small"].message
    assert "used the global random state" in tests["test_q99_5_uses_the_rng"].message
    assert "it called it 6 times" in tests["test_q99_6_calls_grad_each_step"].message
    assert tests["test_q99_6_against_reference"].passed  # the same point, only twice the calls


@pytest.mark.parametrize("mode", MODES)
def test_generator_state_comes_back(tmp_path, mode):
    """The rng passed to the worker advances in the harness as if the call had run there."""
    extra_draw = "def noisy_mean(x, sigma, rng):\n    rng.random()\n" \
                 "    return np.mean(np.asarray(x, float) + sigma * rng.standard_normal(len(x)))\n"
    tests = by_name(grade(tmp_path, solution_cells(noisy_mean=extra_draw), mode))
    assert not tests["test_q99_5_uses_the_rng"].passed
    assert "noisy mean" in tests["test_q99_5_uses_the_rng"].message


@pytest.mark.parametrize("mode", MODES)
def test_student_text_reaches_public_messages_only(tmp_path, mode):
    leaky = ("class HiddenInputIs42(ValueError):\n    pass\n\n"
             "def row_norms(X):\n    raise HiddenInputIs42('SECRET ' + repr(X))\n")
    tests = by_name(grade(tmp_path, solution_cells(row_norms=leaky), mode))
    assert "SECRET" in tests["test_q99_1_small"].message  # the student's own text, in a public test
    for name in ("test_q99_1_random", "test_q99_1_rejects_vectors"):
        assert "SECRET" not in tests[name].message and "HiddenInputIs42" not in tests[name].message
    assert tests["test_q99_1_random"].message == "row_norms raised ValueError"
    assert tests["test_q99_1_rejects_vectors"].passed  # a ValueError subclass is a ValueError


@pytest.mark.parametrize("mode", MODES)
def test_forbidden_function_fails_its_question_only(tmp_path, mode):
    cells = solution_cells(row_norms="from numpy.linalg import norm as _n\n\n"
                                     "def row_norms(X):\n    X = np.asarray(X, float)\n"
                                     "    if X.ndim != 2:\n        raise ValueError\n    return _n(X, axis=1)\n")
    result = grade(tmp_path, cells, mode)
    assert question_scores(result)["q99_1"] == 0 and result.score == MAX_SCORE - 3
    assert all("row_norms uses numpy.linalg.norm, which this exercise does not allow" in t.message
               for t in result.tests if t.question == "q99_1")


def test_static_scan_follows_aliases_and_helpers():
    q = (Question("q1", 1.0, ("f",), ("numpy.linalg.eig",)),)
    cases = {
        "import numpy as np\ndef f(S):\n    return np.linalg.eig(S)": True,
        "import numpy.linalg as la\ndef f(S):\n    return la.eig(S)": True,
        "from numpy.linalg import *\ndef f(S):\n    return eig(S)": True,
        "import numpy as np\nE = np.linalg.eig\ndef helper(S):\n    return E(S)\ndef f(S):\n    return helper(S)": True,
        "import numpy as np\ndef f(S):\n    return getattr(np.linalg, 'eig')(S)": True,
        "import numpy as np\ndef f(S):\n    return np.linalg.eigh(S)": False,
        "import numpy as np\nprint(np.linalg.eig([[1.0]]))  # a demo cell\ndef f(S):\n    return np.linalg.eigh(S)": False,
        "import scipy.linalg as np\ndef f(S):\n    return np.eig(S)": False,
        # a local that shares its name with module-level code using the forbidden function is not that code
        "import numpy as np\nQ = np.linalg.eig([[1.0]])\ndef f(S):\n    Q = S.copy()\n    return Q": False,
        "import numpy as np\nQ = np.linalg.eig([[1.0]])\ndef f(Q):\n    return [Q for Q in Q]": False,
        "from numpy.linalg import *\ndef f(S):\n    eig = S.diagonal()\n    return eig": False,
        # ... unless the function declares it global, or imports inside itself
        "import numpy as np\nQ = np.linalg.eig\ndef f(S):\n    global Q\n    Q = Q\n    return Q(S)": True,
        "def f(S):\n    import numpy as np\n    return np.linalg.eig(S)": True,
        "import numpy as np\ndef f(S, eig=np.linalg.eig):\n    return eig(S)": True,
    }
    for source, banned in cases.items():
        assert bool(forbidden_uses([source], q)) is banned, source
    assert forbidden_uses(["def f(:"], q) == {}


@pytest.mark.parametrize("mode", MODES)
def test_call_timeout_kills_and_restarts_the_worker(tmp_path, mode):
    stubborn = ("import signal\n\ndef row_norms(X):\n    signal.signal(signal.SIGPROF, signal.SIG_IGN)\n"
                "    signal.signal(signal.SIGTERM, signal.SIG_IGN)\n    while True:\n        pass\n")
    result = grade(tmp_path, solution_cells(row_norms=stubborn), mode, Limits(seconds_per_call=1, seconds_per_submission=20))
    assert result.status == PARTIAL_RESTARTED
    for test in result.tests:
        if test.question == "q99_1":
            assert test.message == "timed out after 1 s in q99_1", test.message
        else:
            assert test.passed, test.message


@pytest.mark.parametrize("mode", MODES)
def test_cpu_limit_of_call_student_is_an_ordinary_failure(tmp_path, mode):
    result = grade(tmp_path, solution_cells(row_norms="def row_norms(X):\n    while True:\n        pass\n"), mode)
    assert result.status == GRADED
    assert by_name(result)["test_q99_1_small"].message == "row_norms did not finish within its CPU time limit"


@pytest.mark.parametrize("mode", MODES)
def test_crash_in_a_graded_function(tmp_path, mode):
    crash = "import ctypes\n\ndef row_norms(X):\n    return ctypes.string_at(0)\n"
    result = grade(tmp_path, solution_cells(row_norms=crash), mode)
    assert result.status == PARTIAL_RESTARTED and result.score == MAX_SCORE - 3
    assert by_name(result)["test_q99_1_small"].message == "the worker stopped (killed by SIGSEGV: a crash) in q99_1"


@pytest.mark.parametrize("mode", MODES)
def test_top_level_infinite_loop_is_an_error_status(tmp_path, mode):
    cells = solution_cells()[:2] + ["x = 0\nwhile True:\n    x += 1\n"] + solution_cells()[2:]
    result = grade(tmp_path, cells, mode, Limits(seconds_per_call=1, seconds_per_submission=3))
    assert result.status == ("error: timed out after 3 s (the time limit for the whole submission)"
                             " while running cell 3 of the notebook")
    assert result.score == 0 and result.tests == [] and result.seconds < 8


@pytest.mark.parametrize("mode", MODES)
def test_a_failing_cell_does_not_stop_the_notebook(tmp_path, mode):
    cells = solution_cells()[:3] + ["raise RuntimeError('oops')", "import sys\nsys.exit(3)"] + solution_cells()[3:]
    assert grade(tmp_path, cells, mode).score == MAX_SCORE


@pytest.mark.parametrize("mode", MODES)
def test_results_never_contain_hidden_tests_or_reference(tmp_path, mode):
    if mode == "process" and not confine.landlock_abi():
        pytest.skip("process mode without Landlock cannot hide files (use bubblewrap)")
    paths = [(BUNDLE / "tests" / "q99_1.py").as_posix(), (BUNDLE / "reference.py").as_posix()]
    snoop = (f"found = ''\nfor p in {paths!r}:\n"
             "    try:\n        found += open(p).read()\n    except OSError as exc:\n        found += repr(exc)\n"
             "print(found)\n\ndef row_norms(X):\n    raise ValueError(found[:2000])\n")
    result = grade(tmp_path, solution_cells(row_norms=snoop), mode)
    assert not any(marker in result.to_json() for marker in HIDDEN_MARKERS)
    assert "Permission denied" in result.tests[0].message or "No such file" in result.tests[0].message


OBJECTS = """
import numpy as np

class Model:
    scale = 2.0

    def __init__(self):
        self.weights = {"w": np.arange(3.0)}

    def __getitem__(self, key):
        return self.weights[key] * self.scale

    def __array__(self, *args, **kwargs):
        return np.ones(3)

    def predict(self, x, *, bias=0.0):
        return x * self.scale + bias

def make():
    print("x" * 100_000)
    return Model()
"""


@pytest.mark.parametrize("mode", MODES)
def test_handles_forward_attributes_items_and_calls(mode):
    import time

    import numpy as np

    worker = ForkServer.shared(mode).spawn(Limits(output_kb=4), end=time.monotonic() + 60)
    try:
        model = worker.backend("student_side_function", OBJECTS, "make", label="make")()
        assert isinstance(model, Handle) and repr(model) == "<object in the sandboxed worker>"
        assert model.scale == 2.0 and model.weights["w"].tolist() == [0.0, 1.0, 2.0]
        assert model["w"].tolist() == [0.0, 2.0, 4.0] and model.predict(3.0, bias=1.0) == 7.0
        assert np.asarray(model).dtype == object  # never the object's own __array__
        with pytest.raises(AttributeError):
            model.__array_interface__  # noqa: B018
        with pytest.raises(AttributeError, match="raised AttributeError"):
            model.missing  # noqa: B018
        with pytest.raises(CheckFailure, match="raised KeyError"):
            model["nope"]
    finally:
        worker.close()
    worker.output.thread.join(timeout=10)
    assert worker.output.total == 100_001 and worker.output.kept == b"x" * 4096


def test_fork_server_preloads_the_modules_it_is_given():
    """A lesson's fork server imports what its notebook imports before forking a worker."""
    import time

    server = ForkServer("process", warm=("wave",))  # a module nothing else here imports
    try:
        worker = server.spawn(Limits(), end=time.monotonic() + 60)
        try:
            worker.run_cells([(1, "import sys\npreloaded = 'wave' in sys.modules\n")])
            assert worker.resolve_names(["preloaded"]) == {"preloaded": True}
        finally:
            worker.close()
    finally:
        server.close()
    assert server.covers(("wave",)) and not server.covers(("wave", "sympy")) and not server.covers(None)


def test_gradescope_run_autograder_writes_results_json(tmp_path):
    root = tmp_path / "autograder"
    shutil.copytree(BUNDLE, root / "source")
    write_notebook(root / "submission" / "99_Fixture.ipynb", solution_cells())
    (root / "submission_metadata.json").write_text(json.dumps({"users": [{"sid": "s123", "email": "a@b.c"}]}))
    env = {**os.environ, "AIMATH_AUTOGRADER_ROOT": str(root)}
    subprocess.run([sys.executable, "-m", "aimath.grade.gradescope"], env=env, check=True, timeout=300)
    results = json.loads((root / "results" / "results.json").read_text())
    assert results["score"] == MAX_SCORE and isinstance(results["execution_time"], int)
    assert {t["visibility"] for t in results["tests"]} == {"visible", "after_published"}
    for test in results["tests"]:
        assert test["status"] == "passed" and test["score"] == test["max_score"]
        assert ("output" in test) == (test["visibility"] == "visible")
    assert results["extra_data"]["sandbox"] in ("bwrap", "process")


def test_gradescope_without_a_notebook(tmp_path):
    from aimath.grade.gradescope import grade_submission

    root = tmp_path / "autograder"
    shutil.copytree(BUNDLE, root / "source")
    (root / "submission").mkdir()
    result = grade_submission(root)
    assert result.status == "error: no .ipynb file in the submission" and result.student_id == "student"
