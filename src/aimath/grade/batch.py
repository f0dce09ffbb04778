"""Batch grading: a folder (or zips) of one lesson's submissions, graded in parallel processes.

Each result goes to `out_dir/results/<student_id>.json`, to the student's feedback file and, in one
transaction, to the SQLite gradebook, as soon as it is ready: a batch killed half-way loses nothing
it committed, and running it again grades only what is new or changed (by sha256) unless `regrade`.
The grading processes (fresh interpreters, talking JSON, never pickle) share the batch's one warmed
fork server; one that does not come back within the submission's time limit plus a margin (a check
stuck on a crafted value, say) is killed and replaced, so no submission can stall the batch.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from urllib.parse import quote

from ..config import DEFAULT_STUDENT_ID_PATTERNS, Limits
from ..gradebook import Gradebook, Submission, collect_submissions
from ..report import write_feedback
from ..sandbox.server import ForkServer
from .engine import Bundle, grade_notebook, load_bundle
from .results import SubmissionResult, error_status

STARTUP_MARGIN = 120.0  # a new grading process first imports numpy, scipy, sympy, torch and matplotlib


@dataclass
class BatchOutcome:
    results: list[SubmissionResult] = field(default_factory=list)  # graded (or refused) now, and recorded
    skipped: list[Submission] = field(default_factory=list)  # unchanged since they were graded
    failed: list[tuple[Submission, str]] = field(default_factory=list)  # the grader failed: not recorded


def grade_batch(
    lesson: str | Path,
    submissions: Iterable[str | os.PathLike[str]],
    out_dir: str | Path,
    *,
    workers: int = 2,
    db_path: str | Path | None = None,
    regrade: bool = False,
    progress: Callable[[SubmissionResult], None] | None = None,
    on_found: Callable[[int], None] | None = None,
    limits: Limits | None = None,
    sandbox_mode: str | None = None,
    patterns: Sequence[str] = DEFAULT_STUDENT_ID_PATTERNS,
) -> BatchOutcome:
    """Grade every submission found under `submissions` against the bundle folder `lesson`.

    `on_found` hears how many submissions the intake found (before grading starts), `progress` each
    result as it is recorded."""
    bundle = load_bundle(Path(lesson))
    out = Path(out_dir)
    found = collect_submissions(list(submissions), patterns, out / "intake")
    if on_found:
        on_found(len(found))
    latest = {s.student_id: s for s in found if s.student_id}  # intake orders each student's latest last
    outcome = BatchOutcome()
    with Gradebook(db_path or out / "gradebook.sqlite") as gradebook:

        def keep(submission: Submission, result: SubmissionResult) -> None:
            if latest.get(submission.student_id) is submission:
                _write_json(out / "results" / f"{_file_stem(result.student_id)}.json", result.to_json())
                write_feedback(result, out / "feedback")
            gradebook.record(result, submission_id=submission.submission_id)
            outcome.results.append(result)
            if progress:
                progress(result)

        todo: dict[tuple[str, str], Submission] = {}
        for submission in found:
            if submission.student_id is None:  # nobody to record it for: the TA reads it in the outcome
                outcome.failed.append((submission, submission.error or "cannot tell the student id"))
            elif not regrade and gradebook.is_current(bundle.lesson, submission.student_id, submission.sha256 or ""):
                outcome.skipped.append(submission)
            elif submission.error or submission.path is None:
                keep(submission, _refused(bundle, submission, submission.error or "not readable"))
            else:  # the same file twice is graded once, as the latest of the two
                todo[(submission.student_id, submission.sha256 or "")] = submission

        def done(submission: Submission, answer: SubmissionResult | str) -> None:
            if isinstance(answer, SubmissionResult):
                keep(submission, answer)
            else:
                outcome.failed.append((submission, answer))

        _run_pool(list(todo.values()), workers, bundle, limits or bundle.limits, sandbox_mode, done)
    return outcome


def _refused(bundle: Bundle, submission: Submission, reason: str) -> SubmissionResult:
    """The result of a submission that got no score, with the reason as its status."""
    return SubmissionResult.from_tests(
        tests=[], question_points=bundle.points, student_id=submission.student_id or "", lesson=bundle.lesson,
        file=submission.original_name, sha256=submission.sha256 or "", status=error_status(reason),
    )


def _file_stem(student_id: str) -> str:
    """The student id as a file name: readable for ordinary ids, never a path, distinct per id."""
    stem = quote(student_id, safe=" ,'@+=-_")
    return "%2E" + stem[1:] if stem.startswith(".") else stem or "%00"


def _write_json(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=path.parent, suffix=".tmp", delete=False, encoding="utf-8") as handle:
        handle.write(text)
    os.replace(handle.name, path)


# --------------------------------------------------------------------------------------------------
# The grading processes


def _grading_process(conn: Connection, bundle_dir: str, limits: dict, sandbox_mode: str, control_fd: int) -> None:
    """Loop of one grading process: a task in, a result (or the reason grading failed) out, until
    the batch says stop or goes away. Its workers come from the batch's fork server."""
    ForkServer.share(ForkServer(sandbox_mode, control_fd=control_fd))
    load_bundle(Path(bundle_dir)).reference()  # while the fork server warms up
    while True:
        try:
            task = json.loads(conn.recv_bytes())
        except EOFError:
            return
        if task is None:
            return
        try:
            result = grade_notebook(bundle_dir, task["path"], student_id=task["student_id"], limits=Limits(**limits),
                                    sandbox_mode=sandbox_mode, sha256=task["sha256"], file_name=task["file"])
            answer = {"result": result.to_dict()}
        except Exception as exc:  # the grader failed, not the submission: report it, keep serving
            answer = {"failure": f"{type(exc).__name__}: {exc}"}
        conn.send_bytes(json.dumps(answer).encode())


def _run_pool(tasks: list[Submission], workers: int, bundle: Bundle, limits: Limits, sandbox_mode: str | None,
              done: Callable[[Submission, SubmissionResult | str], None]) -> None:
    # One warm-up for all, overlapping the grading processes' own start-up (their imports, the tests).
    server = ForkServer.shared(sandbox_mode or bundle.sandbox, bundle.warm) if tasks else None

    def start() -> tuple[subprocess.Popen, Connection]:
        # A fresh interpreter running this module: nothing of the caller's state (threads, its main
        # module) is inherited, and tasks and results travel as JSON over a socket.
        assert server is not None
        ours, theirs = socket.socketpair()
        control = server.attach()
        command = [sys.executable, "-m", "aimath.grade.batch", str(theirs.fileno()), str(bundle.path),
                   json.dumps(limits.model_dump()), server.mode, str(control)]
        process = subprocess.Popen(command, pass_fds=[theirs.fileno(), control], stdin=subprocess.DEVNULL)
        theirs.close()
        os.close(control)
        return process, Connection(ours.detach())

    pending = deque(tasks)
    idle = [start() for _ in range(min(max(workers, 1), len(tasks)))]
    busy: dict[Connection, tuple[subprocess.Popen, Submission, float]] = {}
    allowance = limits.seconds_per_submission + STARTUP_MARGIN
    try:
        if server is not None:
            server.wait_ready()  # a sandbox that cannot start is the batch's error, not each submission's
        while pending or busy:
            while pending and idle:
                process, conn = idle.pop()
                submission = pending.popleft()
                conn.send_bytes(json.dumps({"path": str(submission.path), "student_id": submission.student_id,
                                            "sha256": submission.sha256, "file": submission.original_name}).encode())
                busy[conn] = (process, submission, time.monotonic() + allowance)
            for conn in wait(list(busy), timeout=1.0):
                process, submission, _ = busy.pop(conn)
                try:
                    answer = json.loads(conn.recv_bytes())
                except (EOFError, OSError):
                    done(submission, f"the grading process died (exit code {process.wait()})")
                    idle.append(start())
                    continue
                idle.append((process, conn))
                done(submission, SubmissionResult.from_dict(answer["result"]) if "result" in answer else answer["failure"])
            for conn, (process, submission, deadline) in list(busy.items()):
                if time.monotonic() > deadline:  # stuck in a check of a crafted value: nothing else stops it
                    process.kill()
                    process.wait()
                    del busy[conn]
                    idle.append(start())
                    done(submission, _refused(bundle, submission, f"timed out: grading did not finish within"
                                                                  f" {allowance:g} s and was stopped"))
    finally:
        for process, conn in idle + [(p, c) for c, (p, _, _) in busy.items()]:
            try:
                conn.send_bytes(b"null")
                process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                process.kill()
                process.wait()


if __name__ == "__main__":
    _grading_process(Connection(int(sys.argv[1])), sys.argv[2], json.loads(sys.argv[3]), sys.argv[4], int(sys.argv[5]))
