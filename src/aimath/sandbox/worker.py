"""The worker: runs one submission's code and answers the harness's requests. Untrusted from the
moment the first cell runs.

The worker holds the student's objects; the harness sees them as handles. It executes the notebook's
cells, looks names up, calls functions under `observe_call` (the observations only this process can
make: input mutation, global RNG, warnings, forbidden calls, CPU time), and forwards attribute access,
indexing and calls on handles. Callables the harness passes in become stubs that call back to it.
"""

from __future__ import annotations

import builtins
import os
import signal
import socket
import sys
import types
from typing import Any

from ..checks.calling import CallOptions, CallReport, observe_call
from ..checks.context import InProcessBackend
from . import confine
from .codec import CodecError, Decoder, Encoder
from .protocol import Channel, Closed, Endpoint, RemoteError, signals_blocked

# A direct call on a handle (not through call_student): no checks, only the harness's wall clock.
DIRECT = CallOptions(timeout=None, check_mutation=False, check_global_rng=False)
BACKEND_METHODS = ("new_axes", "axes_line_data", "student_side_function")


class StudentExit(Exception):
    """Student code raised something that is not an Exception (SystemExit, KeyboardInterrupt)."""


class ForcedHandle:
    """Marks a value that must travel as a handle even if it is data (it was too large to send)."""

    def __init__(self, value: Any):
        self.value = value


class _Shell:
    """`get_ipython()` for transformed IPython syntax: magics are no-ops, shell escapes do nothing,
    %time and %timeit run their statement once."""

    def __init__(self, namespace: dict):
        self.namespace = namespace

    def run_line_magic(self, name: str, line: str, *args: Any) -> None:
        if name in ("time", "timeit") and line.strip():
            exec(compile(line, "<magic>", "exec"), self.namespace)

    def run_cell_magic(self, name: str, line: str, cell: str) -> None:
        if name in ("time", "timeit", "capture"):
            exec(compile(cell, "<magic>", "exec"), self.namespace)

    def system(self, command: str) -> None:
        return None

    def getoutput(self, command: str) -> list[str]:
        return []


class Worker:
    def __init__(self, channel: Channel):
        self.pid = os.getpid()
        self.objects: list[Any] = []  # the handle table
        self.handle_ids: dict[int, int] = {}
        main = types.ModuleType("__main__")
        sys.modules["__main__"] = main
        self.namespace = main.__dict__
        shell = _Shell(self.namespace)
        self.namespace.update(__builtins__=builtins, get_ipython=lambda: shell, display=lambda *a, **k: None)
        self.backend = InProcessBackend()
        self.endpoint = Endpoint(channel, export=self.export, resolve=self.resolve, handlers={
            "exec": self.op_exec, "resolve": self.op_resolve, "call": self.op_call, "getattr": self.op_getattr,
            "getitem": self.op_getitem, "backend": self.op_backend,
        })

    # -- codec hooks -------------------------------------------------------------------------------

    def export(self, value: Any, encoder: Encoder) -> list:
        if type(value) is ForcedHandle:
            value = value.value
        key = id(value)
        if key not in self.handle_ids:
            self.handle_ids[key] = len(self.objects)
            self.objects.append(value)
        return ["h", self.handle_ids[key]]

    def resolve(self, node: list, decoder: Decoder) -> Any:
        if node[0] == "r" and len(node) == 2 and type(node[1]) is int and 0 <= node[1] < len(self.objects):
            return self.objects[node[1]]
        if node[0] == "cb" and len(node) == 2 and type(node[1]) is int:
            return self.callback(node[1])
        raise CodecError(f"unexpected node {node[0]!r}")

    def callback(self, number: int) -> Any:
        """A stand-in for a function of the test: calling it runs the function in the harness."""
        endpoint = self.endpoint

        def grader_function(*args: Any, **kwargs: Any) -> Any:
            try:
                reply = endpoint.request("callback", {"id": number, "args": list(args), "kwargs": kwargs})
            except RemoteError as exc:
                raise RuntimeError(f"the grader's function failed: {exc.error.get('message', '')}") from None
            return reply.body

        return grader_function

    # -- student code ------------------------------------------------------------------------------

    def student(self, fn: Any, *args: Any) -> Any:
        """Run student code; afterwards, a forked child never returns into the worker's loop, and
        (as pid 1 of the worker's namespace) processes left behind are killed."""
        try:
            return fn(*args)
        except BaseException as exc:
            if isinstance(exc, Exception):
                raise
            raise StudentExit(type(exc).__name__) from None
        finally:
            self.settle()

    def settle(self) -> None:
        if os.getpid() != self.pid:
            os._exit(0)
        if self.pid == 1:
            try:
                os.kill(-1, signal.SIGKILL)  # only our own pid namespace: we are its init
            except ProcessLookupError:
                pass
            try:
                while os.waitpid(-1, os.WNOHANG)[0] > 0:
                    pass
            except ChildProcessError:
                pass

    # -- operations --------------------------------------------------------------------------------

    def op_exec(self, body: dict, decoder: Decoder) -> None:
        for index, source in enumerate(body["cells"]):
            self.endpoint.notify("cell", index=index)
            try:
                self.student(exec, compile(source, f"<cell {index + 1}>", "exec"), self.namespace)
            except Exception:  # a failing cell does not stop the notebook (as in Jupyter)
                continue
        import matplotlib.pyplot as plt

        plt.close("all")  # the notebook's figures are not graded (tests draw on axes of their own)

    def op_resolve(self, body: dict, decoder: Decoder) -> dict:
        """The notebook's globals of these names (a name it does not define is left out)."""
        found, modules = {}, {}
        for name in body["names"]:
            if isinstance(self.namespace.get(name), types.ModuleType):
                modules[name] = getattr(self.namespace[name], "__name__", "")
            elif name in self.namespace:
                found[name] = self.namespace[name]
        reply = {"values": found, "modules": modules}
        try:
            self.endpoint.encode(reply)
        except CodecError:  # a global too large to send stays here
            reply["values"] = {name: ForcedHandle(value) for name, value in found.items()}
        return reply

    def op_call(self, body: dict, decoder: Decoder) -> dict:
        options = CallOptions(**body["options"]) if body["options"] else DIRECT
        try:
            result, report = self.student(observe_call, body["target"], tuple(body["args"]), body["kwargs"], options)
        except StudentExit as exc:
            result, report = None, CallReport(error_type=str(exc), error_mro=[str(exc), "BaseException"])
        states = {slot: generator.bit_generator.state for slot, generator in decoder.generators.items()}
        return {"value": result, "report": report.to_dict(), "rngs": states}

    def op_getattr(self, body: dict, decoder: Decoder) -> dict:
        return {"value": self.student(getattr, body["target"], body["name"])}

    def op_getitem(self, body: dict, decoder: Decoder) -> dict:
        return {"value": self.student(lambda: body["target"][body["key"]])}

    def op_backend(self, body: dict, decoder: Decoder) -> dict:
        if body["method"] not in BACKEND_METHODS:
            raise ValueError(f"unknown backend method {body['method']!r}")
        return {"value": self.student(getattr(self.backend, body["method"]), *body["args"])}


def main(channel_fd: int, output_fd: int, config: dict) -> None:
    """Start-up of a worker process (forked by the fork server's per-worker launcher): confine
    ourselves, then serve the harness until it closes the connection or kills us."""
    confine.die_with_parent()
    os.setsid()
    sys.stdout.reconfigure(line_buffering=True)  # a pipe now: what the notebook prints reaches the harness
    isolated = config["namespaces"]
    if isolated:
        confine.mount_private_tmpfs("/tmp", config["file_size_mb"], keep=config["read_paths"])
        if os.path.isdir("/run"):
            confine.mount_private_tmpfs("/run", 1, keep=config["read_paths"])  # hide the host's sockets (process mode)
        proc = confine.mount_proc()
        confine.enter_namespaces(confine.CLONE_NEWUSER)  # drop our capabilities over the namespaces above
        workdir = "/tmp"
    else:
        proc, workdir = False, config["workdir"]
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(output_fd, 1)
    os.dup2(output_fd, 2)
    os.closerange(3, channel_fd)
    os.closerange(channel_fd + 1, 65536)
    os.chdir(workdir)
    os.environ.update(HOME=workdir, TMPDIR=workdir, MPLCONFIGDIR=workdir)
    sys.argv = [""]
    sys.dont_write_bytecode = True
    confine.set_limits(
        cpu_seconds=config["cpu_seconds"], processes=config["processes"], open_files=256,
        file_size=config["file_size_mb"] << 20,
        address_space=confine.address_space_in_use() + (config["memory_mb"] << 20),
    )
    confine.lock_down_process()
    no_processes = config["root"] and confine.forbid_new_processes()  # RLIMIT_NPROC does not hold for root
    abi = confine.landlock(read=config["read_paths"], write=[workdir], devices=config["devices"])
    channel = Channel(socket.socket(fileno=channel_fd), config["message_bytes"],
                      guard=lambda: signals_blocked(signal.SIGPROF))
    worker = Worker(channel)
    worker.endpoint.notify("hello", namespaces=isolated, private_proc=proc, landlock=abi, pid_one=os.getpid() == 1,
                           processes=0 if no_processes else config["processes"])
    try:
        worker.endpoint.serve_forever()
    except Closed:
        os._exit(0)  # the harness is done with us
    except BaseException:
        os._exit(confine.BROKEN)  # the worker's own machinery failed: the notebook changed Python under it
    os._exit(0)

