"""Linux confinement primitives for the worker: namespaces, mounts, rlimits, Landlock, prctl.

Each function does one thing and reports whether the kernel allowed it, so the same worker start-up
runs everywhere: inside bubblewrap, as a plain process on a kernel with user namespaces and Landlock,
or in a container that allows neither (then only rlimits and the process group remain, and the
result says that isolation was reduced).
"""

from __future__ import annotations

import ctypes
import os
import resource
import signal
import site
import sys
from collections.abc import Iterable
from pathlib import Path

_libc = ctypes.CDLL(None, use_errno=True)
_libc.syscall.restype = ctypes.c_long

CLONE_NEWNS = 0x00020000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
WORKER_NAMESPACES = CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS

MS_NOSUID, MS_NODEV, MS_BIND, MS_REC, MS_PRIVATE = 2, 4, 1 << 12, 1 << 14, 1 << 18
# The ids inside the sandbox's user namespaces: not root, so nothing runs with root's file
# capabilities, and a namespace can be entered without CAP_SETFCAP (needed to map onto root).
SANDBOX_UID = SANDBOX_GID = 1000
PR_SET_PDEATHSIG, PR_SET_DUMPABLE, PR_SET_NO_NEW_PRIVS = 1, 4, 38
# Exit codes that tell the harness how a worker ended (a signal is reported as 128 + its number).
LAUNCH_FAILED = 121  # the worker could not be set up
BROKEN = 120  # the worker's own code failed: the notebook changed Python under it


def _check(result: int, what: str) -> None:
    if result < 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"{what}: {os.strerror(errno)}")


def die_with_parent() -> None:
    _check(_libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0), "prctl(PDEATHSIG)")


def lock_down_process() -> None:
    """No new privileges (setuid binaries, file capabilities), and no ptrace or core dump of us."""
    _check(_libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "prctl(NO_NEW_PRIVS)")
    _check(_libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0), "prctl(DUMPABLE)")


def enter_namespaces(flags: int) -> bool:
    """unshare() into new namespaces as SANDBOX_UID/SANDBOX_GID; False if the kernel does not allow it."""
    uid, gid = os.geteuid(), os.getegid()
    if _libc.unshare(flags) != 0:
        return False
    if flags & CLONE_NEWUSER:
        Path("/proc/self/setgroups").write_text("deny")
        Path("/proc/self/uid_map").write_text(f"{SANDBOX_UID} {uid} 1")
        Path("/proc/self/gid_map").write_text(f"{SANDBOX_GID} {gid} 1")
    return True


def mount_private_tmpfs(target: str, size_mb: int, keep: Iterable[str] = ()) -> None:
    """A fresh, size-capped tmpfs over `target`, in our own mount namespace.

    Directories of `keep` that lie under `target` (a Python installation in /tmp/venv, say) are bound
    back into the new tmpfs, so that masking the host's /tmp never hides what the worker must read.
    """
    _check(_libc.mount(None, b"/", None, MS_REC | MS_PRIVATE, None), "mount(private /)")
    prefix = target.rstrip("/") + "/"
    held = [(path, os.open(path, os.O_PATH | os.O_DIRECTORY)) for path in keep
            if path.startswith(prefix) and os.path.isdir(path)]
    options = f"size={size_mb}m,nr_inodes=16384,mode=0700".encode()
    _check(_libc.mount(b"tmpfs", target.encode(), b"tmpfs", MS_NOSUID | MS_NODEV, options), f"mount({target})")
    for path, fd in held:
        os.makedirs(path, exist_ok=True)
        _check(_libc.mount(f"/proc/self/fd/{fd}".encode(), path.encode(), None, MS_BIND | MS_REC, None),
               f"mount(bind {path})")
        os.close(fd)


def mount_proc() -> bool:
    """A /proc that shows only our pid namespace (refused by some kernels and containers)."""
    return _libc.mount(b"proc", b"/proc", b"proc", MS_NOSUID | MS_NODEV, None) == 0


def set_limits(*, cpu_seconds: int, address_space: int, processes: int, file_size: int, open_files: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an oversized write fails with EFBIG instead of killing us
    for limit, value in (
        (resource.RLIMIT_CORE, 0),
        (resource.RLIMIT_CPU, cpu_seconds),
        (resource.RLIMIT_FSIZE, file_size),
        (resource.RLIMIT_NOFILE, open_files),
        (resource.RLIMIT_NPROC, processes),
        (resource.RLIMIT_AS, address_space),
    ):
        _, hard = resource.getrlimit(limit)
        soft = value if hard == resource.RLIM_INFINITY else min(value, hard)
        resource.setrlimit(limit, (soft, soft))


def python_dirs() -> list[str]:
    """The Python installation and its package directories: what a sandbox must keep readable."""
    dirs = {sys.prefix, sys.base_prefix, sys.exec_prefix, *site.getsitepackages(), site.getusersitepackages()}
    return sorted(d for d in dirs if os.path.isdir(d))


def address_space_in_use() -> int:
    """Bytes of virtual memory mapped now (the libraries a warmed process has loaded)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    return 0


# --------------------------------------------------------------------------------------------------
# seccomp: no new processes where RLIMIT_NPROC cannot count them (the kernel exempts root's uid,
# whatever the user namespace), so that a fork flood cannot exhaust the machine.

_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 22, 2
_RET_ALLOW, _RET_ERRNO = 0x7FFF0000, 0x00050000
_LD_ABS, _JEQ, _JSET, _RET = 0x20, 0x15, 0x45, 0x06
_CLONE_THREAD = 0x00010000
# arch id, clone, clone3, and the other calls that make a process (fork, vfork), per machine
_PROCESS_CALLS = {"x86_64": (0xC000003E, 56, 435, (57, 58)), "aarch64": (0xC00000B7, 220, 435, ())}


class _SockFilter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_uint16), ("jt", ctypes.c_uint8), ("jf", ctypes.c_uint8), ("k", ctypes.c_uint32)]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_uint16), ("filter", ctypes.POINTER(_SockFilter))]


def forbid_new_processes() -> bool:
    """Threads may still start; fork, vfork and clone without CLONE_THREAD fail with EAGAIN, clone3
    with ENOSYS (so libc falls back to clone). Needs no-new-privs. False on an unknown machine."""
    calls = _PROCESS_CALLS.get(os.uname().machine)
    if calls is None:
        return False
    arch, clone, clone3, others = calls
    deny, enosys, allow = _RET_ERRNO | 11, _RET_ERRNO | 38, _RET_ALLOW  # EAGAIN, ENOSYS
    program = [
        (_LD_ABS, 0, 0, 4),  # seccomp_data.arch
        (_JEQ, 1, 0, arch),
        (_RET, 0, 0, allow),  # another ABI of this kernel: its calls have other numbers
        (_LD_ABS, 0, 0, 0),  # seccomp_data.nr
        (_JEQ, 0, 1, clone3),
        (_RET, 0, 0, enosys),
        *[instruction for nr in others for instruction in ((_JEQ, 0, 1, nr), (_RET, 0, 0, deny))],
        (_JEQ, 0, 3, clone),
        (_LD_ABS, 0, 0, 16),  # the low word of the flags (args[0])
        (_JSET, 1, 0, _CLONE_THREAD),
        (_RET, 0, 0, deny),
        (_RET, 0, 0, allow),
    ]
    if os.uname().machine == "x86_64":  # x32 system calls (nr | 0x40000000) would bypass the numbers above
        program[4:4] = [(0x35, 0, 1, 0x40000000), (_RET, 0, 0, enosys)]  # jge
    filters = (_SockFilter * len(program))(*program)
    fprog = _SockFprog(len(program), filters)
    _check(_libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0), "prctl(SECCOMP)")
    return True


# --------------------------------------------------------------------------------------------------
# Landlock (Linux >= 5.13): an unprivileged process restricts its own file, TCP and IPC access.

_SYS_CREATE_RULESET, _SYS_ADD_RULE, _SYS_RESTRICT_SELF = 444, 445, 446
_RULE_PATH_BENEATH = 1
_FS_EXECUTE, _FS_WRITE_FILE, _FS_READ_FILE, _FS_READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
_FS_TRUNCATE, _FS_IOCTL_DEV = 1 << 14, 1 << 15
# Every file-system right of each ABI version: handled means denied unless a rule allows it.
_FS_ALL_BY_ABI = {1: (1 << 13) - 1, 2: (1 << 14) - 1, 3: (1 << 15) - 1, 4: (1 << 15) - 1, 5: (1 << 16) - 1}
_NET_ALL = 0b11  # bind and connect TCP (ABI 4)
_SCOPE_ALL = 0b11  # abstract Unix sockets and signals to processes outside the sandbox (ABI 6)
_READ = _FS_EXECUTE | _FS_READ_FILE | _FS_READ_DIR
_FILE_RIGHTS = _FS_EXECUTE | _FS_WRITE_FILE | _FS_READ_FILE | _FS_TRUNCATE | _FS_IOCTL_DEV


class _RulesetAttr(ctypes.Structure):
    _fields_ = [("handled_access_fs", ctypes.c_uint64), ("handled_access_net", ctypes.c_uint64),
                ("scoped", ctypes.c_uint64)]


class _PathBeneathAttr(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def landlock_abi() -> int:
    version = _libc.syscall(_SYS_CREATE_RULESET, None, 0, 1)  # LANDLOCK_CREATE_RULESET_VERSION
    return max(int(version), 0)


def landlock(*, read: Iterable[str], write: Iterable[str], devices: Iterable[str]) -> int:
    """Allow reading (and executing) below `read`, everything below `write`, reading and writing the
    device files `devices`; deny every other file access, TCP, abstract sockets and signals to
    processes outside. Needs no-new-privs. Returns the ABI version applied (0: not available)."""
    abi = landlock_abi()
    if abi == 0:
        return 0
    fs_all = _FS_ALL_BY_ABI.get(abi, _FS_ALL_BY_ABI[5])
    attr = _RulesetAttr(fs_all, _NET_ALL if abi >= 4 else 0, _SCOPE_ALL if abi >= 6 else 0)
    size = ctypes.sizeof(_RulesetAttr) if abi >= 6 else (16 if abi >= 4 else 8)
    ruleset = _libc.syscall(_SYS_CREATE_RULESET, ctypes.byref(attr), size, 0)
    _check(ruleset, "landlock_create_ruleset")
    try:
        rules = [(p, _READ) for p in read] + [(p, fs_all) for p in write]
        rules += [(p, _FS_READ_FILE | _FS_WRITE_FILE) for p in devices]
        for path, access in rules:
            try:
                fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
            except OSError:
                continue  # a path this system does not have
            try:
                allowed = access & fs_all if Path(path).is_dir() else access & fs_all & _FILE_RIGHTS
                rule = _PathBeneathAttr(allowed, fd)
                _check(_libc.syscall(_SYS_ADD_RULE, ruleset, _RULE_PATH_BENEATH, ctypes.byref(rule), 0),
                       f"landlock_add_rule({path})")
            finally:
                os.close(fd)
        _check(_libc.syscall(_SYS_RESTRICT_SELF, ruleset, 0), "landlock_restrict_self")
    finally:
        os.close(ruleset)
    return abi
