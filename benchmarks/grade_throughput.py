"""Grading throughput, side by side: aimath against otter-grader's `otter run`, same submissions.

Both grade N copies of one lesson's solution notebook (the one `otter assign` writes for the
autograder) with the same tests: aimath with `grade_batch` against the lesson's bundle in
autograder/, otter with `otter run` on the `otter assign` output of the same source notebook (its
hidden tests find reference.py through AIMATH_REFERENCE). Both use the same number of processes.
The report gives submissions per second and their ratio, and aimath's time per submission next to
what the solution's own code costs in a warm interpreter (running its cells and all its tests
in-process, without any isolation), i.e. what the sandbox, the protocol and the harness add.

    python benchmarks/grade_throughput.py --lesson 00 -n 8 --workers 2

Not a timed test: it measures and prints.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def otter_assign(source: Path, out: Path) -> tuple[Path, Path]:
    """The autograder zip and the solution notebook that `otter assign` makes from `source`."""
    subprocess.run([sys.executable, "-m", "otter", "assign", str(source), str(out), "--no-run-tests"],
                   check=True, capture_output=True)
    return next((out / "autograder").glob("*.zip")), out / "autograder" / source.name


def grade_with_otter(zip_path: Path, submissions: list[Path], reference: Path, workers: int) -> tuple[float, list[float]]:
    env = {**os.environ, "AIMATH_REFERENCE": str(reference)}

    def run(submission: Path) -> float:
        out = submission.parent / f"otter-{submission.stem}"
        out.mkdir()
        subprocess.run(["otter", "run", "-a", str(zip_path), "-o", str(out), "--no-logo", str(submission)],
                       env=env, check=True, capture_output=True)
        return sum(t.get("score", 0.0) for t in json.loads((out / "results.json").read_text())["tests"])

    started = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        scores = list(pool.map(run, submissions))
    return time.perf_counter() - started, scores


def grade_with_aimath(bundle: Path, folder: Path, out: Path, workers: int, sandbox: str) -> tuple[float, list]:
    from aimath.grade.batch import grade_batch

    started = time.perf_counter()
    outcome = grade_batch(bundle, [folder], out, workers=workers, sandbox_mode=sandbox)
    return time.perf_counter() - started, outcome.results


def warm_solution_seconds(bundle: Path, notebook: Path, repeat: int = 3) -> tuple[float, float]:
    """The solution's own cost in this (warm) interpreter: its code cells, then every test in-process."""
    import matplotlib.pyplot as plt

    from aimath.checks.context import load_module_from_path
    from aimath.grade.notebook import read_notebook
    from aimath.grade.runner import run_in_process
    from aimath.grade.testfiles import load_tests_dir

    cells = [compile(source, f"<cell {n}>", "exec") for n, source in read_notebook(notebook)]
    tests = load_tests_dir(bundle / "tests")
    reference = load_module_from_path(bundle / "reference.py")
    best_cells = best_tests = float("inf")
    for _ in range(repeat):
        namespace: dict = {"get_ipython": lambda: None, "display": print}
        with contextlib.redirect_stdout(io.StringIO()):  # the notebook's own printing is not the report
            started = time.perf_counter()
            for code in cells:
                exec(code, namespace)
            middle = time.perf_counter()
            run_in_process(tests, namespace, reference=reference)
            ended = time.perf_counter()
        plt.close("all")
        best_cells, best_tests = min(best_cells, middle - started), min(best_tests, ended - middle)
    return best_cells, best_tests


def cold_and_warm(bundle: Path, notebook: Path, sandbox: str) -> tuple[float, float]:
    """One submission in a new process (imports, fork server start) and the next one in the same process."""
    script = (
        "import sys, time; t = time.perf_counter()\n"
        "from aimath.grade.engine import grade_notebook\n"
        f"grade_notebook({str(bundle)!r}, {str(notebook)!r}, student_id='cold', sandbox_mode={sandbox!r})\n"
        "cold = time.perf_counter() - t; t = time.perf_counter()\n"
        f"grade_notebook({str(bundle)!r}, {str(notebook)!r}, student_id='warm', sandbox_mode={sandbox!r})\n"
        "print(cold, time.perf_counter() - t)\n"
    )
    cold, warm = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True).stdout.split()
    return float(cold), float(warm)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lesson", default="00", help="lesson number (default 00)")
    parser.add_argument("-n", type=int, default=8, help="number of submissions (default 8)")
    parser.add_argument("--workers", type=int, default=2, help="processes for both graders (default 2)")
    parser.add_argument("--sandbox", default="auto", choices=("auto", "bwrap", "process"))
    args = parser.parse_args()
    os.environ.setdefault("MPLBACKEND", "Agg")

    from aimath.config import load_config
    from aimath.sandbox.server import resolve_mode

    config = load_config(ROOT / "grading_config.yml")
    lesson = config.lesson(args.lesson)
    bundle = ROOT / "autograder" / lesson.stem
    sandbox = resolve_mode(args.sandbox)
    with tempfile.TemporaryDirectory(prefix="aimath-bench-") as tmp:
        work = Path(tmp)
        zip_path, solution = otter_assign(ROOT / lesson.source, work / "otter")
        folder = work / "submissions"
        folder.mkdir()
        submissions = [shutil.copy(solution, folder / f"s{i}.ipynb") for i in range(args.n)]
        otter_seconds, otter_scores = grade_with_otter(zip_path, [Path(s) for s in submissions],
                                                       bundle / "reference.py", args.workers)
        aimath_seconds, results = grade_with_aimath(bundle, folder, work / "aimath-out", args.workers, sandbox)
        cells_seconds, tests_seconds = warm_solution_seconds(bundle, solution)
        cold, warm = cold_and_warm(bundle, solution, sandbox)

    per_submission = statistics.median(r.seconds for r in results)
    print(f"lesson {lesson.stem}: {args.n} copies of the solution notebook, {args.workers} processes each, "
          f"aimath sandbox '{sandbox}'")
    print(f"{'grader':<24}{'total s':>10}{'subm./s':>10}{'scores':>22}")
    print(f"{'otter run':<24}{otter_seconds:>10.2f}{args.n / otter_seconds:>10.2f}{str(sorted(set(otter_scores))):>22}")
    print(f"{'aimath grade_batch':<24}{aimath_seconds:>10.2f}{args.n / aimath_seconds:>10.2f}"
          f"{str(sorted({r.score for r in results})):>22}")
    print(f"throughput ratio aimath / otter: {otter_seconds / aimath_seconds:.1f}x "
          f"(the batch total includes starting the fork server once)")
    print(f"aimath per submission (median, inside a warm grading process): {per_submission:.3f} s")
    print(f"the solution itself in a warm interpreter: cells {cells_seconds:.3f} s + tests in-process "
          f"{tests_seconds:.3f} s = {cells_seconds + tests_seconds:.3f} s")
    print(f"aimath overhead per submission: {per_submission - cells_seconds - tests_seconds:.3f} s")
    print(f"one submission in a new process: cold {cold:.2f} s (imports and fork server start), "
          f"then warm {warm:.2f} s")


if __name__ == "__main__":
    main()
