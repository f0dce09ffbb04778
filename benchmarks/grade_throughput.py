"""Grading throughput, side by side: aimath against otter-grader's `otter run`, same submissions.

Both grade N copies of one lesson's solution notebook (the one `otter assign` writes for the
autograder) with the same tests: aimath with `grade_batch` against the lesson's bundle in
autograder/, otter with `otter run` on the `otter assign` output of the same source notebook (its
hidden tests find reference.py through AIMATH_REFERENCE). Both use the same number of processes.

For each lesson it reports submissions per second and their ratio; the same ratio in steady state
(per submission, once every process is up: what a large class approaches); aimath's time per
submission next to what the solution itself costs in a warm interpreter (a process that has
imported what the lesson imports, forked afresh for each of three runs, running the notebook's
cells and then all its tests in-process, without any isolation); and the ceiling, the ratio a
grader that added nothing at all to the solution's own time would reach. Running the notebook is
work every grader must do, so no grader can beat otter by more than the ceiling on that lesson.

    python benchmarks/grade_throughput.py --lesson 00 02 -n 24 --workers 2

Not a timed test: it measures and prints (the summary as a Markdown table, as in the README).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
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
        run = subprocess.run(["otter", "run", "-a", str(zip_path), "-o", str(out), "--no-logo", str(submission)],
                             env=env, capture_output=True, text=True)
        if run.returncode != 0:  # reported with the scores, not fatal: the timing still counts
            print(f"otter run failed on {submission.name}: {run.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
            return float("nan")
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


def warm_solution_seconds(bundle: Path, notebook: Path, runs: int = 3) -> tuple[float, float]:
    """The solution's own cost in a warm interpreter: its code cells, then every test in-process.

    Each run is a fresh fork of this process after it imported every module the notebook, its tests
    and the reference solutions import: running the notebook three times in one interpreter would
    instead measure its third run, with SymPy's caches and every lazy import filled by the first two.
    """
    from aimath.build.outputs import imported_modules
    from aimath.checks.context import load_module_from_path
    from aimath.grade.engine import load_bundle
    from aimath.grade.notebook import read_notebook
    from aimath.grade.runner import run_in_process
    from aimath.grade.testfiles import load_tests_dir
    from aimath.sandbox.zygote import warm

    warm(list(load_bundle(bundle).warm or ()) or None)
    numbered_cells = read_notebook(notebook)
    sources = [source for _, source in numbered_cells]
    sources += [path.read_text() for path in sorted(bundle.glob("tests/*.py")) + [bundle / "reference.py"]]
    for module in imported_modules(sources):
        with contextlib.suppress(ImportError):
            importlib.import_module(module)
    cells = [compile(source, f"<cell {n}>", "exec") for n, source in numbered_cells]
    tests = load_tests_dir(bundle / "tests")
    timings = []
    for _ in range(runs):
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child measures and reports; it never returns into the benchmark
            os.close(read)
            reference = load_module_from_path(bundle / "reference.py")
            namespace: dict = {"get_ipython": lambda: None, "display": print}
            with contextlib.redirect_stdout(io.StringIO()):  # the notebook's own printing is not the report
                started = time.perf_counter()
                for code in cells:
                    exec(code, namespace)
                middle = time.perf_counter()
                run_in_process(tests, namespace, reference=reference)
                ended = time.perf_counter()
            os.write(write, json.dumps([middle - started, ended - middle]).encode())
            os._exit(0)
        os.close(write)
        with os.fdopen(read) as pipe:
            timings.append(json.loads(pipe.read()))
        os.waitpid(pid, 0)
    return statistics.median(t[0] for t in timings), statistics.median(t[1] for t in timings)


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


def measure(lesson_number: str, n: int, workers: int, sandbox: str) -> dict:
    from aimath.config import load_config
    from aimath.sandbox.server import ForkServer

    ForkServer.close_all()  # each lesson's batch pays for starting its own fork server
    lesson = load_config(ROOT / "grading_config.yml").lesson(lesson_number)
    bundle = ROOT / "autograder" / lesson.stem
    with tempfile.TemporaryDirectory(prefix="aimath-bench-") as tmp:
        work = Path(tmp)
        zip_path, solution = otter_assign(ROOT / lesson.source, work / "otter")
        folder = work / "submissions"
        folder.mkdir()
        submissions = [Path(shutil.copy(solution, folder / f"s{i}.ipynb")) for i in range(n)]
        otter_seconds, otter_scores = grade_with_otter(zip_path, submissions, bundle / "reference.py", workers)
        aimath_seconds, results = grade_with_aimath(bundle, folder, work / "aimath-out", workers, sandbox)
        cold, warm = cold_and_warm(bundle, solution, sandbox)
        cells_seconds, tests_seconds = warm_solution_seconds(bundle, solution)  # forks: last, after the threads
    otter_each = otter_seconds * workers / n  # one process's time per submission
    aimath_each = statistics.median(r.seconds for r in results)
    solution_seconds = cells_seconds + tests_seconds
    return {
        "lesson": lesson.stem, "n": n, "workers": workers, "sandbox": sandbox,
        "otter_seconds": otter_seconds, "aimath_seconds": aimath_seconds,
        "otter_scores": sorted(set(otter_scores)), "aimath_scores": sorted({r.score for r in results}),
        "ratio": otter_seconds / aimath_seconds, "steady_ratio": otter_each / aimath_each,
        "ceiling": otter_each / solution_seconds, "aimath_each": aimath_each, "cells": cells_seconds,
        "tests": tests_seconds, "solution": solution_seconds, "cold": cold, "warm": warm,
    }


def report(m: dict) -> None:
    n = m["n"]
    print(f"lesson {m['lesson']}: {n} copies of the solution notebook, {m['workers']} processes each, "
          f"aimath sandbox '{m['sandbox']}'")
    print(f"{'grader':<24}{'total s':>10}{'subm./s':>10}{'scores':>22}")
    print(f"{'otter run':<24}{m['otter_seconds']:>10.2f}{n / m['otter_seconds']:>10.2f}{str(m['otter_scores']):>22}")
    print(f"{'aimath grade_batch':<24}{m['aimath_seconds']:>10.2f}{n / m['aimath_seconds']:>10.2f}"
          f"{str(m['aimath_scores']):>22}")
    print(f"throughput ratio aimath / otter: {m['ratio']:.1f}x (the batch total includes starting the fork server once)")
    print(f"  in steady state (per submission, every process up): {m['steady_ratio']:.1f}x;"
          f" ceiling (a grader adding nothing to the solution's own time): {m['ceiling']:.1f}x")
    print(f"aimath per submission (median, inside a warm grading process): {m['aimath_each']:.3f} s")
    print(f"the solution itself in a warm interpreter: cells {m['cells']:.3f} s + tests in-process "
          f"{m['tests']:.3f} s = {m['solution']:.3f} s; aimath / solution = {m['aimath_each'] / m['solution']:.2f}x")
    print(f"one submission in a new process: cold {m['cold']:.2f} s (imports and fork server start), "
          f"then warm {m['warm']:.2f} s")
    print()


def markdown(rows: list[dict]) -> None:
    print("| lesson | N | otter run | aimath | ratio | steady state | ceiling | aimath per submission | "
          "solution alone | aimath / solution |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for m in rows:
        print(f"| {m['lesson'].replace('_', ' ')} | {m['n']} | {m['n'] / m['otter_seconds']:.2f} /s "
              f"| {m['n'] / m['aimath_seconds']:.2f} /s | {m['ratio']:.1f}x | {m['steady_ratio']:.1f}x "
              f"| {m['ceiling']:.1f}x | {m['aimath_each']:.2f} s | {m['solution']:.2f} s "
              f"| {m['aimath_each'] / m['solution']:.2f}x |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lesson", nargs="+", default=["00"], help="lesson numbers (default 00)")
    parser.add_argument("-n", type=int, default=8, help="number of submissions (default 8)")
    parser.add_argument("--workers", type=int, default=2, help="processes for both graders (default 2)")
    parser.add_argument("--sandbox", default="auto", choices=("auto", "bwrap", "process"))
    args = parser.parse_args()
    os.environ.setdefault("MPLBACKEND", "Agg")

    from aimath.sandbox.server import resolve_mode

    rows = []
    for lesson in args.lesson:
        rows.append(measure(lesson, args.n, args.workers, resolve_mode(args.sandbox)))
        report(rows[-1])
    markdown(rows)


if __name__ == "__main__":
    main()
