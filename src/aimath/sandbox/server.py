"""The harness side of the sandbox: the fork server's client, worker connections and handles.

`ForkServer` starts the warmed fork server (in bubblewrap, or as a plain process) and asks it for
workers. A `Worker` is one sandboxed process holding one submission: requests to it carry deadlines,
and a worker that misses one, dies, or breaks the protocol is killed and raises `WorkerLost` with a
reason a student may read. A `Handle` stands for an object that lives in the worker: attribute access,
item access and calls on it are forwarded, and `aimath.checks.call_student` on it sends the call's
options along (`__aimath_call__`), so the observations are made where the student's code runs.
"""

from __future__ import annotations

import atexit
import builtins
import functools
import importlib
import json
import os
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..checks.calling import CallOptions, CallReport, StudentError, raise_for_report
from ..checks.errors import CheckFailure
from ..config import Limits
from .codec import CodecError, Decoder, Encoder
from .confine import BROKEN, LAUNCH_FAILED, SANDBOX_GID, SANDBOX_UID, python_dirs
from .protocol import BadReply, Channel, Closed, Endpoint, ProtocolError, RemoteError, Reply, Timeout

MESSAGE_BYTES = 64 << 20  # the cap on one message in either direction
STARTUP_SECONDS = 120.0  # importing numpy, scipy, sympy, torch and matplotlib on a cold disk
SANDBOX_PYTHONPATH = "/opt/aimath"  # where bubblewrap shows the aimath package (and nothing else of the repo)
# Modules a test parameter may name: it receives the harness's own module, never the student's.
HARNESS_MODULES = ("numpy", "scipy", "sympy", "torch", "matplotlib", "math", "cmath", "random", "itertools",
                   "functools", "collections", "statistics", "fractions", "decimal", "operator")
# Exception and warning names a hidden test may show: a student's own class names could carry text.
SAFE_NAMES = frozenset(
    [n for n, v in vars(builtins).items() if isinstance(v, type) and issubclass(v, BaseException)]
    + ["LinAlgError", "AxisError", "ComplexWarning", "LinAlgWarning", "IntegrationWarning", "OptimizeWarning"]
)


class SandboxError(RuntimeError):
    """The sandbox itself cannot run (not the submission's fault)."""


class WorkerLost(BaseException):
    """The worker was killed or died; `reason` is safe to show. A BaseException, so that a test's
    `except Exception` cannot swallow it."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# --------------------------------------------------------------------------------------------------
# Choosing and starting the sandbox


@functools.cache
def bwrap_works() -> bool:
    if shutil.which("bwrap") is None:
        return False
    probe = ["bwrap", "--ro-bind", "/", "/", "--unshare-all", "--die-with-parent", "true"]
    try:
        return subprocess.run(probe, capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def resolve_mode(mode: str) -> str:
    """'auto' -> 'bwrap' when bubblewrap works here, else 'process'."""
    if mode == "auto":
        return "bwrap" if bwrap_works() else "process"
    if mode == "bwrap" and not bwrap_works():
        raise SandboxError("sandbox 'bwrap' was requested, but bubblewrap is not installed or cannot run here")
    if mode not in ("bwrap", "process"):
        raise SandboxError(f"unknown sandbox mode {mode!r} (auto, bwrap or process)")
    return mode


def _environment(pythonpath: str, home: str) -> dict[str, str]:
    """The fork server's whole environment: nothing of the grader's (tokens, paths) is passed on."""
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8", "PYTHONPATH": pythonpath,
           "PYTHONDONTWRITEBYTECODE": "1", "MPLBACKEND": "Agg", "OMP_NUM_THREADS": "1",
           "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    if "LD_LIBRARY_PATH" in os.environ:
        env["LD_LIBRARY_PATH"] = os.environ["LD_LIBRARY_PATH"]
    return env


def _bwrap_command(fd: int, package: Path, warm: str) -> list[str]:
    """Read-only system and Python directories, private /tmp, /proc and /dev, no network, and of the
    repository only the aimath package: no tests, no reference, no gradebook, no other submission."""
    args = ["bwrap", "--unshare-all", "--unshare-user", "--uid", str(SANDBOX_UID), "--gid", str(SANDBOX_GID),
            "--die-with-parent", "--new-session", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--clearenv",
            "--chdir", "/tmp"]
    if os.geteuid() == 0:
        args += ["--cap-drop", "ALL"]  # bubblewrap keeps root's capabilities unless told otherwise
    for path in ("/usr", "/etc/ld.so.cache", "/etc/localtime", "/etc/fonts"):
        args += ["--ro-bind-try", path, path]
    for path in ("/bin", "/sbin", "/lib", "/lib64", "/lib32"):
        if os.path.islink(path):
            args += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            args += ["--ro-bind", path, path]
    for path in python_dirs():
        args += ["--ro-bind", path, path]
    args += ["--ro-bind", str(package), f"{SANDBOX_PYTHONPATH}/aimath"]
    for key, value in _environment(SANDBOX_PYTHONPATH, "/tmp").items():
        args += ["--setenv", key, value]
    return args + [sys.executable, "-m", "aimath.sandbox.zygote", str(fd), warm]


class ForkServer:
    """A warmed fork server for one sandbox mode ('bwrap' or 'process'), owned by this process.

    It always imports numpy, scipy, sympy, torch and matplotlib; `warm` names what else it imports
    and runs once before forking anyone (None: every library module a lesson may use). A lesson's
    bundle lists what its notebook imports, so that submodules and first-use costs (torch.func's
    compiler, about a second) are paid only where the lesson uses them."""

    _shared: list[tuple[int, ForkServer]] = []  # (owning pid, server): a forked child starts its own

    def __init__(self, mode: str, *, warm: tuple[str, ...] | None = None, control_fd: int | None = None):
        """Start a fork server, or (with `control_fd`, from `attach()` in another process) use one.
        Either returns at once: the server says it is ready (its imports done) before it answers
        anything, and the first request waits for that (`wait_ready()` waits without a request)."""
        self.mode = resolve_mode(mode)
        self.warm = None if warm is None else tuple(sorted(set(warm)))
        self._lock = threading.RLock()
        self.process: subprocess.Popen | None = None
        self._ready = False
        if control_fd is None:
            self._start()
        else:
            self.control = socket.socket(fileno=control_fd)

    def covers(self, warm: tuple[str, ...] | None) -> bool:
        return self.warm is None or (warm is not None and set(warm) <= set(self.warm))

    @classmethod
    def shared(cls, mode: str, warm: tuple[str, ...] | None = None) -> ForkServer:
        """A fork server of this process for `mode` that has imported `warm`, started on first use."""
        mode = resolve_mode(mode)
        for pid, server in cls._shared:
            if pid == os.getpid() and server.mode == mode and server.covers(warm):
                return server
        server = cls(mode, warm=warm)
        cls.share(server)
        return server

    @classmethod
    def share(cls, server: ForkServer) -> None:
        """Make `server` one of this process's shared fork servers (the first choice for its mode)."""
        cls._shared.insert(0, (os.getpid(), server))

    def attach(self) -> int:
        """A new control connection for another process (pass it the returned fd, then close it).
        Unanswered, so that processes can be attached while the server is still warming up."""
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        with self._lock:
            try:
                socket.send_fds(self.control, [json.dumps({"op": "attach"}).encode()], [theirs.fileno()])
            except OSError as exc:
                raise SandboxError(f"the fork server is gone ({exc})") from None
            finally:
                theirs.close()
        return ours.detach()

    def wait_ready(self) -> None:
        with self._lock:
            if not self._ready:
                self._reply(STARTUP_SECONDS)
                self._ready = True

    def _start(self) -> None:
        import aimath

        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        package = Path(aimath.__file__).parent
        warm = json.dumps(self.warm)
        if self.mode == "bwrap":
            command, env, cwd = _bwrap_command(theirs.fileno(), package, warm), None, None
        else:
            cwd = tempfile.gettempdir()
            command = [sys.executable, "-m", "aimath.sandbox.zygote", str(theirs.fileno()), warm, str(os.getpid())]
            env = _environment(str(package.parent), cwd)
        self.process = subprocess.Popen(command, pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, env=env, cwd=cwd, start_new_session=True)
        theirs.close()
        self.control = ours
        self._ready = False

    def _reply(self, timeout: float) -> dict:
        self.control.settimeout(timeout)
        try:
            message = self.control.recv(1 << 16)
        except (OSError, TimeoutError) as exc:
            raise SandboxError(f"the fork server did not answer ({exc})") from None
        if not message:
            raise SandboxError(f"the {self.mode} fork server stopped")
        return json.loads(message)

    def spawn(self, limits: Limits, *, end: float) -> Worker:
        """A fresh worker under `limits`; its requests end at `end` (time.monotonic()) at the latest."""
        with self._lock:
            try:
                return self._spawn(limits, end)
            except SandboxError:
                self.restart()  # the fork server died or got out of step: start a new one, once
                return self._spawn(limits, end)

    def _spawn(self, limits: Limits, end: float) -> Worker:
        self.wait_ready()
        config = {"cpu_seconds": int(limits.seconds_per_submission) + 10, "memory_mb": limits.memory_mb,
                  "processes": limits.processes, "file_size_mb": limits.file_size_mb, "message_bytes": MESSAGE_BYTES,
                  "root": os.geteuid() == 0}
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        ours.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
        read_fd, write_fd = os.pipe()
        try:
            socket.send_fds(self.control, [json.dumps({"op": "spawn", "config": config}).encode()],
                            [theirs.fileno(), write_fd])
            launcher = self._reply(30.0)["id"]
        except OSError as exc:
            ours.close()
            os.close(read_fd)
            raise SandboxError(f"the fork server is gone ({exc})") from None
        except SandboxError:
            ours.close()
            os.close(read_fd)
            raise
        finally:
            theirs.close()
            os.close(write_fd)
        return Worker(self, launcher, ours, read_fd, limits, end=end)

    def restart(self) -> None:
        with self._lock:
            self.close()
            self._start()

    def exit_code(self, launcher: int) -> int | None:
        """How a worker ended (its launcher's exit code), once it has been killed or has died."""
        with self._lock:
            try:
                self.wait_ready()
                self.control.send(json.dumps({"op": "wait", "id": launcher}).encode())
                return self._reply(10.0)["exit"]
            except (OSError, SandboxError):
                self.close()  # a late answer would put the control channel out of step
                return None

    def close(self) -> None:
        """Disconnect (stopping the fork server if we started it); a later spawn() starts a new one."""
        self.control.close()
        if self.process is not None:
            if self.process.poll() is None:
                self.process.kill()
            self.process.wait()

    @classmethod
    def close_all(cls) -> None:
        for pid, server in cls._shared:
            if pid == os.getpid():
                server.close()
        cls._shared.clear()


atexit.register(ForkServer.close_all)


# --------------------------------------------------------------------------------------------------
# One worker


class OutputCapture:
    """Drains the worker's stdout and stderr, keeping the first `limit` bytes (the rest is counted)."""

    def __init__(self, fd: int, limit: int):
        self.limit = limit
        self.kept = bytearray()
        self.total = 0
        self.thread = threading.Thread(target=self._drain, args=(fd,), daemon=True)
        self.thread.start()

    def _drain(self, fd: int) -> None:
        with open(fd, "rb", buffering=0) as stream:
            while data := stream.read(1 << 16):
                self.total += len(data)
                self.kept += data[: max(0, self.limit - len(self.kept))]


class Worker:
    """A connection to one sandboxed worker process."""

    def __init__(self, server: ForkServer, launcher: int, sock: socket.socket, output_fd: int, limits: Limits,
                 *, end: float):
        self.server = server
        self.launcher = launcher
        self.limits = limits
        self.end = end
        self.where = "while starting"
        self.lost: str | None = None
        self.output = OutputCapture(output_fd, limits.output_kb * 1024)
        self._handles: dict[int, Handle] = {}
        self._callbacks: list[Any] = []
        self._callback_ids: dict[int, int] = {}
        self._deadlines: list[float] = []
        self._cells: list[int] = []
        channel = Channel(sock, MESSAGE_BYTES)
        self.endpoint = Endpoint(channel, export=self._export, resolve=self._resolve,
                                 handlers={"callback": self._on_callback}, on_note=self._on_note)
        self.pid, self.pidfd = 0, -1
        self.confinement = self._handshake(channel, min(end, time.monotonic() + 30.0))

    # -- life and death ---------------------------------------------------------------------------

    def _handshake(self, channel: Channel, deadline: float) -> dict:
        """The worker's first message; the kernel adds its pid (as we see it), which we can kill."""
        size = socket.CMSG_SPACE(struct.calcsize("3i"))
        try:
            channel.sock.settimeout(max(0.001, deadline - time.monotonic()))
            _, ancillary, _, _ = channel.sock.recvmsg(1, size, socket.MSG_PEEK)
            head, _ = channel.receive(deadline)
        except (OSError, Timeout, ProtocolError) as exc:
            channel.sock.close()
            self.server.close()  # its launcher may hang on a half-started worker: start afresh
            raise SandboxError(f"a worker did not start ({type(exc).__name__}: {exc})") from None
        for level, kind, data in ancillary:
            if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
                self.pid = struct.unpack("3i", data[: struct.calcsize("3i")])[0]
        if head.get("note") != "hello" or self.pid <= 0:
            raise SandboxError("a worker started without introducing itself")
        self.pidfd = os.pidfd_open(self.pid)
        channel.sock.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 0)
        return {k: head.get(k) for k in ("namespaces", "private_proc", "landlock", "pid_one", "processes")}

    def kill(self) -> None:
        if self.pidfd >= 0:
            try:
                signal.pidfd_send_signal(self.pidfd, signal.SIGKILL)
            except ProcessLookupError:
                pass
            try:
                os.killpg(self.pid, signal.SIGKILL)  # what it started, where it had no pid namespace
            except (ProcessLookupError, PermissionError):
                pass

    def close(self) -> None:
        self.kill()  # the fork server reaps it; waiting for a large process to be torn down gains nothing
        self.endpoint.channel.sock.close()
        if self.pidfd >= 0:
            os.close(self.pidfd)
            self.pidfd = -1

    def _lose(self, reason: str) -> WorkerLost:
        self.kill()
        self.lost = reason
        return WorkerLost(reason)

    def _how_it_ended(self) -> str:
        exited = select.select([self.pidfd], [], [], 0.2)[0] if self.pidfd >= 0 else []
        if not exited:
            return "it closed the connection"
        self.kill()
        code = self.server.exit_code(self.launcher)
        if code is None:
            return "no exit status"
        if code == LAUNCH_FAILED:
            return "it could not be set up"
        if code == BROKEN:
            return "its machinery broke down: did the notebook change Python's builtins?"
        if code > 128:
            name = signal.Signals(code - 128).name if code - 128 in signal.valid_signals() else str(code - 128)
            hint = {"SIGKILL": ": out of memory, or killed", "SIGSEGV": ": a crash", "SIGXCPU": ": CPU time limit"}
            return f"killed by {name}{hint.get(name, '')}"
        return f"exit code {code}"

    # -- requests ---------------------------------------------------------------------------------

    def request(self, op: str, body: Any, *, per_call: bool = True) -> Reply:
        if self.lost:
            raise WorkerLost(self.lost)
        deadline = min(self.end, time.monotonic() + self.limits.seconds_per_call) if per_call else self.end
        if self._deadlines:
            deadline = min(deadline, self._deadlines[-1])
        self._deadlines.append(deadline)
        try:
            return self.endpoint.request(op, body, deadline)
        except Timeout:
            if deadline < self.end:
                raise self._lose(f"timed out after {self.limits.seconds_per_call:g} s {self.where}") from None
            raise self._lose(f"timed out after {self.limits.seconds_per_submission:g} s (the time limit for the"
                             f" whole submission) {self.where}") from None
        except Closed:
            raise self._lose(f"the worker stopped ({self._how_it_ended()}) {self.where}") from None
        except ProtocolError:  # no detail: what a crafted message says must not reach a student
            raise self._lose(f"the worker broke the grading protocol {self.where}") from None
        finally:
            self._deadlines.pop()

    def run_cells(self, cells: list[tuple[int, str]]) -> None:
        """Execute the notebook's code cells (number, source) under the submission's time limit. A cell
        that raises does not stop the others, as in Jupyter."""
        self._cells = [number for number, _ in cells]
        self.where = "while running the notebook"
        self.request("exec", {"cells": [source for _, source in cells]}, per_call=False)

    def resolve_names(self, names: list[str]) -> dict[str, Any]:
        """Test parameters: the student's objects (handles, or data), the harness's own modules, or None."""
        body = self._checked("looking up the graded functions", "resolve", {"names": names}).body
        if type(body) is not dict or any(type(body.get(k)) is not dict for k in ("values", "modules")):
            raise CheckFailure("the worker sent a malformed reply")
        values, modules = body["values"], body["modules"]
        resolved: dict[str, Any] = {}
        for name in names:
            if name in values:
                resolved[name] = values[name]
                if isinstance(values[name], Handle):
                    values[name]._label = name
            elif type(modules.get(name)) is str:
                resolved[name] = _harness_module(modules[name])
            else:
                resolved[name] = None
        return resolved

    def call(self, target: Handle, args: tuple, kwargs: dict, options: CallOptions | None) -> tuple[Any, CallReport]:
        body = {"target": target, "args": list(args), "kwargs": dict(kwargs),
                "options": asdict(options) if options else None}
        reply = self._checked(target.__name__, "call", body)
        if type(reply.body) is not dict:
            raise CheckFailure(f"{target.__name__}: the worker sent a malformed reply")
        for slot, state in (reply.body.get("rngs") or {}).items():
            if type(slot) is int and 0 <= slot < len(reply.sent_generators):
                try:  # the generator advances here as if the call had run here
                    reply.sent_generators[slot].bit_generator.state = state
                except (TypeError, ValueError, KeyError):
                    pass
        return reply.body.get("value"), clean_report(reply.body.get("report"), options)

    def remote(self, op: str, target: Handle, **fields: Any) -> Any:
        reply = self._checked(target.__name__, op, {"target": target, **fields})
        return reply.body.get("value") if type(reply.body) is dict else None

    def backend(self, method: str, *args: Any, label: str | None = None) -> Any:
        """Run a method of the worker's in-process backend (new_axes, axes_line_data,
        student_side_function) there; `label` names a returned handle in messages."""
        reply = self._checked(method, "backend", {"method": method, "args": list(args)})
        value = reply.body.get("value") if type(reply.body) is dict else None
        if label and isinstance(value, Handle):
            value._label = label
        return value

    def _checked(self, what: str, op: str, body: dict) -> Reply:
        try:
            return self.request(op, body)
        except RemoteError as exc:
            raise remote_exception(exc.error, what) from None
        except BadReply:
            raise CheckFailure(f"{what} returned a value that cannot be read") from None

    # -- codec hooks ------------------------------------------------------------------------------

    def _export(self, value: Any, encoder: Encoder) -> list:
        if isinstance(value, Handle):
            if value._worker is not self:
                raise CodecError("an object from a worker that has been restarted")
            return ["r", value._id]
        if callable(value):  # a test's function runs here when the student's code calls it
            key = id(value)
            if key not in self._callback_ids:
                self._callback_ids[key] = len(self._callbacks)
                self._callbacks.append(value)
            return ["cb", self._callback_ids[key]]
        raise CodecError(f"a {type(value).__name__} cannot be sent to the worker")

    def _resolve(self, node: list, decoder: Decoder) -> Any:
        if node[0] == "h" and len(node) == 2 and type(node[1]) is int and node[1] >= 0:
            if node[1] not in self._handles:
                self._handles[node[1]] = Handle(self, node[1])
            return self._handles[node[1]]
        raise CodecError(f"an unexpected {node[0]!r} node from the worker")

    def _on_callback(self, body: Any, decoder: Decoder) -> Any:
        number = body.get("id") if type(body) is dict else None
        if type(number) is not int or not 0 <= number < len(self._callbacks):
            raise ValueError("no such callback")
        args, kwargs = body.get("args"), body.get("kwargs")
        if type(args) is not list or type(kwargs) is not dict or any(type(k) is not str for k in kwargs):
            raise ValueError("malformed callback arguments")
        try:
            return self._callbacks[number](*args, **kwargs)
        except Exception as exc:  # the student sees the kind of failure, never the test's message
            raise RuntimeError(type(exc).__name__) from None

    def _on_note(self, head: dict) -> None:
        index = head.get("index")
        if head.get("note") == "cell" and type(index) is int and 0 <= index < len(self._cells):
            self.where = f"while running cell {self._cells[index]} of the notebook"


class Handle:
    """An object that lives in the worker. Attribute access, item access and calls are forwarded;
    nothing of the student's object ever becomes a harness object."""

    __slots__ = ("_worker", "_id", "_label")

    def __init__(self, worker: Worker, number: int, label: str | None = None):
        self._worker = worker
        self._id = number
        self._label = label

    @property
    def __name__(self) -> str:  # what messages call the object (the name it was looked up by)
        return self._label or "the object"

    def __repr__(self) -> str:
        return f"<{self._label or 'object'} in the sandboxed worker>"

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)  # never __array_interface__ & co. from the worker
        return self._worker.remote("getattr", self, name=name)

    def __getitem__(self, key: Any) -> Any:
        return self._worker.remote("getitem", self, key=key)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        value, report = self._worker.call(self, args, kwargs, None)
        if report.error_type:
            raise student_exception(report, self.__name__)
        raise_for_report(report, self.__name__)
        return value

    def __aimath_call__(self, args: tuple, kwargs: dict, options: CallOptions) -> tuple[Any, CallReport]:
        return self._worker.call(self, args, kwargs, options)


def _harness_module(name: str) -> Any:
    if name.split(".")[0] not in HARNESS_MODULES:
        return None
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


# --------------------------------------------------------------------------------------------------
# What the worker reports, made safe


def _safe_name(name: Any, default: str) -> str:
    return name if type(name) is str and name in SAFE_NAMES else default


def clean_report(raw: Any, options: CallOptions | None) -> CallReport:
    """The worker's observations as a CallReport in which nothing student-controlled can reach a
    hidden test's message except through fields that are shown for public tests only."""
    if type(raw) is not dict:
        raise CheckFailure("the worker sent a malformed call report")

    def ints(key: str) -> list[int]:
        values = raw.get(key)
        return [v for v in values if type(v) is int][:64] if type(values) is list else []

    mro = [n for n in raw.get("error_mro") or [] if type(n) is str and n in SAFE_NAMES]
    error = raw.get("error_type")
    forbidden = raw.get("forbidden")
    message = raw.get("error_message")
    return CallReport(
        mutated=ints("mutated"),
        global_rng_changed=raw.get("global_rng_changed") is True,
        warning=_safe_name(raw.get("warning"), "Warning") if raw.get("warning") else None,
        forbidden=(forbidden if options and forbidden in options.forbid else "a forbidden function")
        if forbidden else None,
        aliased=ints("aliased"),
        error_type=_safe_name(error, mro[0] if mro else "Exception") if error else None,
        error_mro=mro,
        error_message=message[:500] if type(message) is str else None,
        timed_out=raw.get("timed_out") is True,
        cpu_seconds=float(raw["cpu_seconds"]) if type(raw.get("cpu_seconds")) is float else 0.0,
    )


@functools.cache
def _student_error_class(base: type[Exception]) -> type[StudentError]:
    """A StudentError that is also `base` (e.g. ValueError), so `except ValueError` in a test works
    as it does when the test runs in the student's own process."""
    try:
        return type(f"Student{base.__name__}", (StudentError, base), {})
    except TypeError:  # incompatible layouts (OSError and kin)
        return StudentError


def student_exception(report: CallReport, what: str) -> StudentError:
    base = next((getattr(builtins, n) for n in report.error_mro
                 if isinstance(getattr(builtins, n, None), type) and issubclass(getattr(builtins, n), Exception)),
                None)
    kind = _student_error_class(base) if base else StudentError
    return kind(f"{what} raised {report.error_type}", report.error_message)


def remote_exception(error: dict, what: str) -> Exception:
    kind = error.get("type")
    if kind == "TooLarge":
        return CheckFailure(f"{what} returned a value larger than the {MESSAGE_BYTES >> 20} MB the grader accepts")
    if kind == "CodecError":
        return CheckFailure(f"{what} returned a value the grader cannot read (only numbers, strings, NumPy arrays,"
                            " torch tensors, SymPy expressions and lists, tuples and dicts of them)")
    report = clean_report({"error_type": kind, "error_mro": error.get("mro"), "error_message": error.get("message")},
                          None)
    return student_exception(report, what)
