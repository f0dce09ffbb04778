"""One batch per sandbox mode: every attack, every malformed file, and well-behaved submissions
graded together, as a TA would grade a class. The tests then read what the batch recorded.

Attacks run against a copy of the fixture bundle, a scratch "course repository" and the batch's own
gradebook and results, all of which they are told the paths of (the worst case)."""

from __future__ import annotations

import hashlib
import json
import shutil
import socket
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from aimath.config import Limits
from aimath.grade.batch import BatchOutcome, grade_batch
from aimath.grade.results import SubmissionResult
from aimath.sandbox.server import ForkServer

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from engine_fixture import BUNDLE, IMPORTS, notebook_json, solution_cells, write_notebook  # noqa: E402

LIMITS = Limits(seconds_per_call=2, seconds_per_submission=12, memory_mb=2048, output_kb=64, processes=32)
MODES = ["process", pytest.param("bwrap", marks=pytest.mark.skipif(shutil.which("bwrap") is None,
                                                                   reason="bubblewrap is not installed"))]

WRONG = [IMPORTS, '''
def row_norms(X):
    return np.zeros(len(X))

def plot_parabola(ax, n=5):
    return np.zeros((n, 2))

def grad_at(f, x):
    return torch.zeros_like(x)

def logistic_derivative():
    return sp.Integer(0)

def quadratic_gradient():
    return sp.ZeroMatrix(3, 1)

def noisy_mean(x, sigma, rng):
    return 0.0

def descend(grad, x0, lr, steps):
    return np.asarray(x0, dtype=float)
''']

PATCH_COMPARISONS = '''
import numpy as np, torch
np.allclose = lambda *a, **k: True
np.isclose = lambda *a, **k: np.array(True)
np.array_equal = lambda *a, **k: True
np.testing.assert_allclose = lambda *a, **k: None
np.testing.assert_array_equal = lambda *a, **k: None
np.testing.assert_array_almost_equal = lambda *a, **k: None
torch.allclose = lambda *a, **k: True
torch.equal = lambda *a, **k: True
torch.testing.assert_close = lambda *a, **k: None
'''

PATCH_GRADER = '''
import sys, types
import aimath.checks as C
import aimath.checks.calling as calling
import aimath.grade.runner as runner
for name in dir(C):
    if name.startswith(("assert", "check", "sympy")) or name in ("fail", "call_student", "reference"):
        setattr(C, name, lambda *a, **k: None)
calling.observe_call = lambda fn, args, kwargs, options: (None, calling.CallReport())
runner.execute_case = lambda *a, **k: None
runner.failure_message = lambda *a, **k: "passed"
import otter.test_files
otter.test_files.test_case = lambda *a, **k: (lambda f: f)
sys.modules["numpy.testing"] = types.ModuleType("numpy.testing")
sys.modules["aimath.checks"] = types.SimpleNamespace(assert_close=lambda *a, **k: None)
'''

PATCH_BUILTINS = '''
import builtins
builtins.isinstance = lambda *a: True
builtins.AssertionError = type("AssertionError", (Exception,), {})
builtins.len = lambda x: 0
'''

FOOL = '''
import os

class AlwaysEqual:
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __array__(self, dtype=None, copy=None): return np.array([5.0, 10.0])
    def __float__(self): return 0.0
    def __index__(self): return 0
    def __reduce__(self): return (os.system, ("touch " + {pwned!r},))

class Sneaky(np.ndarray):
    def __eq__(self, other): return np.ones(np.shape(other), bool)
    def __ne__(self, other): return np.zeros(np.shape(other), bool)

def row_norms(X):
    return AlwaysEqual()

def noisy_mean(x, sigma, rng):
    return AlwaysEqual()

def plot_parabola(ax, n=5):
    return np.zeros((n, 2)).view(Sneaky)

def descend(grad, x0, lr, steps):
    return np.zeros(2).view(Sneaky)
'''

READ_HIDDEN = '''
import os
found = []
for path in {paths!r}:
    try:
        found.append(open(path).read())
    except OSError as exc:
        found.append(repr(exc))
for top in ("/", "/work", "/tmp", os.path.expanduser("~")):
    try:
        for root, dirs, files in os.walk(top):
            if root.count(os.sep) > 4:
                dirs[:] = []
            for name in files:
                if name in ("reference.py", "q99_1.py", "lesson.json"):
                    try:
                        found.append(open(os.path.join(root, name)).read())
                    except OSError as exc:
                        found.append(repr(exc))
    except OSError:
        pass
loot = "\\n".join(found)
print(loot)

def row_norms(X):
    raise RuntimeError(loot[:5000])

def noisy_mean(x, sigma, rng):
    raise type(loot[:200].replace(" ", "_") or "Empty", (Exception,), {{}})(loot[:5000])
'''

WRITE_OUTSIDE = '''
import os, shutil
for path in {targets!r}:
    for attempt in (lambda: open(path, "w").write("pwned"), lambda: os.remove(path),
                    lambda: shutil.rmtree(os.path.dirname(path))):
        try:
            attempt()
        except OSError:
            pass
'''

FAKE_JSON = '''
import json
fake = {"score": 13.0, "max_score": 13.0, "status": "graded", "tests": [{"name": "all", "passed": True, "score": 13}]}
print(json.dumps(fake))
open("results.json", "w").write(json.dumps(fake))
for path in ("/autograder/results/results.json", "../results/results.json"):
    try:
        open(path, "w").write(json.dumps(fake))
    except OSError:
        pass
'''

LOOP_IN_FUNCTION = '''
import signal

def row_norms(X):
    signal.signal(signal.SIGPROF, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    while True:
        pass
'''

RECURSION = '''
import sys

def row_norms(X):
    return row_norms(X)

def noisy_mean(x, sigma, rng):
    sys.setrecursionlimit(10**6)
    return list(map(noisy_mean, [x], [sigma], [rng]))  # through C: the C stack overflows
'''

BACKGROUND = '''
import os, subprocess, time
subprocess.Popen(["sleep", "3571"])
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        os.execv("/bin/sleep", ["sleep", "3572"])
    os._exit(0)
time.sleep(0.2)
'''

NETWORK = '''
import socket
try:
    socket.create_connection(("127.0.0.1", {port}), timeout=2).sendall(b"LEAK")
except OSError as exc:
    print("blocked:", exc)
'''


def attacks(paths: dict[str, Path], port: int) -> dict[str, list[str]]:
    solution = solution_cells()
    hidden_files = [str(paths["bundle"] / "tests" / "q99_1.py"), str(paths["bundle"] / "reference.py"),
                    str(BUNDLE / "reference.py")]
    targets = [str(paths["out"] / "gradebook.sqlite"), str(paths["out"] / "results" / "previous.json"),
               str(paths["bundle"] / "tests" / "q99_1.py"), str(paths["repo"] / "README.md")]
    return {
        "patch-comparisons": WRONG + [PATCH_COMPARISONS],
        "patch-grader": WRONG + [PATCH_GRADER],
        "patch-builtins": WRONG + [PATCH_BUILTINS],
        "fool-comparisons": WRONG + [FOOL.format(pwned=str(paths["repo"] / "reduce-pwned"))],
        "read-hidden": WRONG + [READ_HIDDEN.format(paths=hidden_files)],
        "write-outside": WRONG + [WRITE_OUTSIDE.format(targets=targets)],
        "fake-json": WRONG + [FAKE_JSON],
        "exit-top": WRONG + ["import os\nos._exit(3)\n"],
        "sys-exit": ["import sys\nsys.exit(0)\n"] + solution + ["import sys\n\ndef row_norms(X):\n    sys.exit(1)\n"],
        "segfault": solution + ["import ctypes\n\ndef row_norms(X):\n    return ctypes.string_at(0)\n"],
        "loop-top": WRONG + ["while True:\n    pass\n"],
        "loop-function": solution + [LOOP_IN_FUNCTION],
        "alloc-30gb": solution + ["big = np.ones(30 * 2**30 // 8)\n",
                                  "def row_norms(X):\n    return np.ones(30 * 2**30 // 8)\n"],
        "recursion": solution + [RECURSION],
        "fork-flood": solution + ["import os\n\ndef row_norms(X):\n    while True:\n        os.fork()\n"],
        "background": solution + [BACKGROUND],
        "print-1gb": solution + ["print('x' * (1 << 30))\n"],
        "network": solution + [NETWORK.format(port=port)],
        "huge-return": solution + ["def row_norms(X):\n    return np.zeros(100_000_000)\n"],
    }


def malformed(folder: Path) -> None:
    (folder / "malformed-json.ipynb").write_text('{"cells": [')
    (folder / "malformed-empty.ipynb").write_bytes(b"")
    (folder / "malformed-binary.ipynb").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "malformed-latin1.ipynb").write_bytes(json.dumps(notebook_json(["x = 'caf\u00e9'"])).encode("latin-1")
                                                     .replace(b"\\u00e9", b"\xe9"))
    (folder / "malformed-v3.ipynb").write_text(json.dumps({"nbformat": 3, "metadata": {}, "worksheets": []}))
    (folder / "malformed-nocode.ipynb").write_text(json.dumps({**notebook_json([]), "cells": [
        {"cell_type": "markdown", "metadata": {}, "source": "only words"}]}))
    (folder / "malformed-rkernel.ipynb").write_text(json.dumps(notebook_json(["x <- 1"], language="R")))
    huge = notebook_json(solution_cells())
    huge["cells"][0]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "y" * (33 << 20)}]
    (folder / "malformed-huge.ipynb").write_text(json.dumps(huge))


class Listener:
    """A local TCP server that counts who reached it."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()


@dataclass
class GradedClass:
    mode: str
    outcome: BatchOutcome
    paths: dict[str, Path]
    listener: Listener
    digests: dict[str, str]
    seconds: float
    results: dict[str, SubmissionResult] = field(default_factory=dict)

    def result(self, student: str) -> SubmissionResult:
        return self.results[student]


@pytest.fixture(scope="session", params=MODES)
def graded(request, tmp_path_factory) -> GradedClass:
    mode = request.param
    root = tmp_path_factory.mktemp(f"security-{mode}")
    paths = {"bundle": root / "bundle", "out": root / "out", "repo": root / "repo", "in": root / "submissions"}
    shutil.copytree(BUNDLE, paths["bundle"])
    paths["repo"].mkdir()
    (paths["repo"] / "README.md").write_text("the course repository\n")
    (paths["out"] / "results").mkdir(parents=True)
    (paths["out"] / "results" / "previous.json").write_text('{"score": 1}')
    listener = Listener()
    for name, cells in attacks(paths, listener.port).items():
        write_notebook(paths["in"] / f"{name}.ipynb", cells)
    for name in ("good-first", "zz-good-last", "O'Brien, Ann Marie", "bob_124_2001_lesson", "bob_124_2002_lesson",
                 "ann_LATE_123_1002_lesson"):
        write_notebook(paths["in"] / f"{name}.ipynb", solution_cells())
    write_notebook(paths["in"] / "ann_123_1001_lesson.ipynb", WRONG)
    malformed(paths["in"])
    protected = [paths["bundle"] / "tests" / "q99_1.py", paths["bundle"] / "reference.py",
                 paths["repo"] / "README.md", paths["out"] / "results" / "previous.json"]
    digests = {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in protected}
    started = time.monotonic()
    outcome = grade_batch(paths["bundle"], [paths["in"]], paths["out"], workers=2, limits=LIMITS, sandbox_mode=mode)
    graded = GradedClass(mode, outcome, paths, listener, digests, time.monotonic() - started)
    graded.results = {r.student_id: r for r in outcome.results}
    return graded


@pytest.fixture(scope="session")
def confinement() -> dict[str, dict]:
    """What the kernel allowed a worker in each mode (namespaces, Landlock), for skips with a reason."""
    found = {}
    for mode in ("process", "bwrap"):
        if mode == "bwrap" and shutil.which("bwrap") is None:
            continue
        worker = ForkServer.shared(mode).spawn(LIMITS, end=time.monotonic() + 30)
        found[mode] = worker.confinement
        worker.close()
    return found
