"""The fork server: imports the heavy libraries once, then forks one worker per request.

Run as `python -m aimath.sandbox.zygote FD WARM [PPID]`, inside bubblewrap or as a plain process
(WARM: a JSON list of the modules to import first, or null for every library). FD is a
SOCK_SEQPACKET socket to the harness; each message is one JSON request. `spawn` carries the worker's
socket and output pipe as file descriptors and answers the id of a launcher process, which enters
fresh namespaces, forks the worker (pid 1 of its own pid namespace, so that everything it starts dies
with it) and waits for it. `wait` answers how that worker ended. The server never runs student code
and never receives a test, a reference or a hidden input.
"""

from __future__ import annotations

import gc
import importlib
import json
import os
import select
import shutil
import socket
import sys
import tempfile
import traceback

from . import confine

# Every library a lesson may use: what a fork server imports when it is not told what one lesson uses.
LIBRARY_MODULES = (
    "numpy", "numpy.linalg", "numpy.fft", "scipy", "scipy.linalg", "scipy.optimize", "scipy.special",
    "scipy.stats", "scipy.integrate", "scipy.spatial", "scipy.sparse", "sympy", "torch", "torch.nn",
    "torch.nn.functional", "matplotlib", "matplotlib.pyplot",
)
# Imported whatever the lesson: the course's five libraries (a submission may use any of them) and
# what every worker runs. A lesson's own list adds submodules and the first-use warm-ups below.
BASE_MODULES = ("numpy", "scipy", "sympy", "torch", "matplotlib.pyplot", "aimath.checks", "aimath.sandbox.worker")
SYSTEM_READ_PATHS = ("/usr", "/lib", "/lib64", "/lib32", "/bin", "/etc/ld.so.cache", "/etc/localtime",
                     "/etc/fonts", "/proc", "/sys/devices/system/cpu")
DEVICES = ("/dev/null", "/dev/zero", "/dev/full", "/dev/urandom", "/dev/random")


def warm(modules: list[str] | None = None) -> None:
    """Import what submissions use (`modules`, or every library) and run each library once, so a
    forked worker pays for neither."""
    wanted = LIBRARY_MODULES if modules is None else tuple(modules)
    for name in (*BASE_MODULES, *wanted):
        try:
            importlib.import_module(name)
        except ImportError:
            continue
    if "matplotlib.pyplot" in sys.modules:  # a drawn figure loads the fonts and the mathtext parser
        plt = sys.modules["matplotlib.pyplot"]
        figure, axes = plt.subplots()
        axes.semilogx([1.0, 10.0], [0.0, 1.0], label=r"$\log(x^{2}) + \alpha_1$")
        axes.set_title("title")
        axes.legend()
        figure.tight_layout()
        figure.canvas.draw()
        plt.close(figure)
    if any(name.split(".")[0] == "torch" for name in wanted) and "torch" in sys.modules:
        torch = sys.modules["torch"]
        x = torch.ones(2, dtype=torch.float64, requires_grad=True)
        (x * x).sum().backward()
        # torch.func's first transform imports torch._dynamo (about 1 s of CPU): pay it here, not in
        # a student's first timed call.
        _, vjp = torch.func.vjp(torch.sin, x.detach())
        vjp(torch.ones_like(x))
        torch.func.jvp(torch.sin, (x.detach(),), (torch.ones_like(x),))
    gc.collect()
    gc.freeze()  # forked workers then do not copy the warmed heap when their collector runs


def read_paths() -> list[str]:
    """What a worker may read: the Python installation, its packages, aimath, and system libraries."""
    import aimath

    return confine.python_dirs() + [os.path.dirname(aimath.__file__), *SYSTEM_READ_PATHS]


def launch(channel_fd: int, output_fd: int, control_fds: list[int], config: dict) -> int:
    """Fork a launcher; it enters the worker's namespaces, forks the worker and waits for it, then
    exits with the worker's exit code (128 + the signal, if one killed it). Returns its pid."""
    pid = os.fork()
    if pid:
        return pid
    try:
        for fd in control_fds:
            os.close(fd)  # the worker must never talk to the fork server
        namespaces = confine.enter_namespaces(confine.WORKER_NAMESPACES)
        workdir = None if namespaces else tempfile.mkdtemp(prefix="aimath-worker-")
        child = os.fork()
        if child == 0:
            from .worker import main

            main(channel_fd, output_fd, {**config, "namespaces": namespaces, "workdir": workdir})
        os.close(channel_fd)
        os.close(output_fd)
        _, status = os.waitpid(child, 0)
        if workdir:
            shutil.rmtree(workdir, ignore_errors=True)
        code = os.waitstatus_to_exitcode(status)
        os._exit(min(code, 127) if code >= 0 else 128 - code)
    except BaseException:
        traceback.print_exc()
        os._exit(confine.LAUNCH_FAILED)


def serve(first: socket.socket) -> None:
    """Answer requests on every control connection until the last one closes. `attach` adds a
    connection (its socket comes with the request), so several grading processes share one server."""
    base = {"read_paths": read_paths(), "devices": list(DEVICES)}
    ready = json.dumps({"ready": True, "landlock": confine.landlock_abi()}).encode()
    first.send(ready)
    controls = [first]
    ended: dict[int, int] = {}  # launcher -> exit code, for launchers nobody has asked about yet
    while controls:
        reap(ended)
        for control in select.select(controls, [], [])[0]:
            try:
                message, fds, _, _ = socket.recv_fds(control, 1 << 16, 2)
            except OSError:
                message, fds = b"", []
            if not message:  # that harness is gone
                controls.remove(control)
                control.close()
                continue
            request = json.loads(message)
            if request["op"] == "attach":  # unanswered: the new connection hears that we are ready
                controls.append(socket.socket(fileno=fds[0]))
                controls[-1].send(ready)
                continue
            if request["op"] == "spawn":
                channel_fd, output_fd = fds
                config = {**request["config"], **base}
                reply = {"id": launch(channel_fd, output_fd, [c.fileno() for c in controls], config)}
                ended.pop(reply["id"], None)  # a reused pid: what its earlier owner left is not its status
                os.close(channel_fd)
                os.close(output_fd)
            else:
                reply = {"exit": ended.pop(request["id"], None)}
                if reply["exit"] is None:
                    try:
                        _, status = os.waitpid(request["id"], 0)
                        reply = {"exit": os.waitstatus_to_exitcode(status)}
                    except ChildProcessError:  # not ours (asked of a fork server that was restarted)
                        pass
            control.send(json.dumps(reply).encode())


def reap(ended: dict[int, int], keep: int = 1000) -> None:
    """Collect the launchers that have ended: a harness that closes a worker does not wait for its
    exit (tearing down a process as large as a warmed worker takes a while); one that asks gets it."""
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        ended[pid] = os.waitstatus_to_exitcode(status)
        if len(ended) > keep:
            del ended[next(iter(ended))]


def main() -> None:
    confine.die_with_parent()
    if len(sys.argv) > 3 and os.getppid() != int(sys.argv[3]):
        return  # the harness died before we could tie our life to it (bubblewrap does this for us)
    control = socket.socket(fileno=int(sys.argv[1]))
    warm(json.loads(sys.argv[2]))
    serve(control)


if __name__ == "__main__":
    main()
