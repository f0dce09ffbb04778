"""The untrusted side of grading: sandboxed workers that run submissions, and the harness's view of them.

We write our own isolation instead of running tests the way otter-grader and nbgrader do, because
both execute the tests inside the student's own Python process: whatever the notebook patches
(`np.allclose`, the test runner, builtins), reads (hidden tests on disk) or breaks (an infinite loop,
a 30 GB allocation, a gradebook next to it) becomes the grade, and results come back through pickle.
Here the student's code runs in a worker that holds no test, no reference and no grader state, and
only data crosses to the trusted harness (`aimath.grade.engine`), which runs every test itself.

Layers, outermost first:
- bubblewrap (`sandbox: bwrap`): a filesystem of read-only system and Python directories only, no
  network, its own pid, IPC and user namespaces, no capabilities; or a plain process (`process`).
- the fork server (`zygote`): imports numpy, scipy, sympy, torch and matplotlib once and forks every
  worker from that warm state.
- each worker (`worker`, set up by `confine`): fresh user, pid, mount, network, IPC and UTS
  namespaces where the kernel allows them (its pid 1, so nothing it starts outlives it), a private
  tmpfs as working directory, rlimits, no new privileges, no processes where RLIMIT_NPROC cannot
  count them (root), and Landlock rules that leave it read access to Python and nothing else.
- the message protocol (`protocol`) and data codec (`codec`): length-prefixed, size-capped frames;
  plain data, rebuilt without pickle or eval; everything else stays where it is, as a handle.
"""

from .server import ForkServer, Handle, SandboxError, Worker, WorkerLost, resolve_mode

__all__ = ["ForkServer", "Handle", "SandboxError", "Worker", "WorkerLost", "resolve_mode"]
