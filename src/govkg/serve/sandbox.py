"""No network for the SPARQL worker: a seccomp filter that refuses to open internet sockets.

The endpoint refuses queries with a ``SERVICE`` clause before they run
(:func:`govkg.query.refuse_service`); this is the second wall. Oxigraph sends a
``SERVICE`` request, and resolves its host name, through sockets of the
internet families, so a process that cannot create one cannot reach another
server, whatever the query says. The filter makes ``socket(AF_INET…)`` and
``socket(AF_INET6…)`` fail with ``EACCES`` in the calling thread and in every
thread and process it starts afterwards, for good; Unix sockets and pipes (the
worker's link to the server) keep working. Linux on x86-64 or arm64 only:
elsewhere :func:`forbid_network` changes nothing and says so.
"""

from __future__ import annotations

import ctypes
import errno
import platform
import socket
import struct
import sys

# audit architecture, number of the socket() system call
_ARCHES = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198), "arm64": (0xC00000B7, 198)}
_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_LOAD, _JUMP_IF_EQUAL, _RETURN = 0x20, 0x15, 0x06  # BPF_LD|BPF_W|BPF_ABS, BPF_JMP|BPF_JEQ|BPF_K, BPF_RET|BPF_K
_ALLOW = 0x7FFF0000
_REFUSE = 0x00050000 | errno.EACCES  # SECCOMP_RET_ERRNO


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def forbid_network() -> bool:
    """Forbid this process (from the calling thread on) to open internet sockets; False where it cannot.

    Run it in a process of its own: there is no way back.
    """
    arch = _ARCHES.get(platform.machine().lower())
    if not sys.platform.startswith("linux") or arch is None or sys.byteorder != "little":
        return False
    audit, socket_call = arch

    def op(code: int, if_true: int, if_false: int, k: int) -> bytes:  # struct sock_filter
        return struct.pack("HBBI", code, if_true, if_false, k)

    program = b"".join([
        op(_LOAD, 0, 0, 4),                          # 0: seccomp_data.arch
        op(_JUMP_IF_EQUAL, 0, 5, audit),             # 1: another ABI: allow (7)
        op(_LOAD, 0, 0, 0),                          # 2: seccomp_data.nr
        op(_JUMP_IF_EQUAL, 0, 3, socket_call),       # 3: not socket(): allow (7)
        op(_LOAD, 0, 0, 16),                         # 4: args[0], the address family (low half)
        op(_JUMP_IF_EQUAL, 2, 0, socket.AF_INET),    # 5: refuse (8)
        op(_JUMP_IF_EQUAL, 1, 0, socket.AF_INET6),   # 6: refuse (8)
        op(_RETURN, 0, 0, _ALLOW),                   # 7
        op(_RETURN, 0, 0, _REFUSE),                  # 8
    ])
    code = ctypes.create_string_buffer(program, len(program))
    fprog = _Program(len(program) // 8, ctypes.addressof(code))
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    return libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) == 0
