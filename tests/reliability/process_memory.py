"""Resident memory of a server process, read from /proc (Linux, where CI runs).

The peak (VmHWM) can be reset through /proc/PID/clear_refs, so each hostile input is
measured on its own: a transient blow-up shows even when the memory is freed again.
"""

from __future__ import annotations

from pathlib import Path

KIB = 1024
# Writing 5 to clear_refs resets the peak resident size to the current one (proc(5)).
RESET_PEAK = "5"


def _status_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name == field:
            return int(value.split()[0])
    raise LookupError(f"/proc/{pid}/status has no {field}")


def resident_bytes(pid: int) -> int:
    return _status_kib(pid, "VmRSS") * KIB


def peak_resident_bytes(pid: int) -> int:
    return _status_kib(pid, "VmHWM") * KIB


def reset_peak(pid: int) -> None:
    Path(f"/proc/{pid}/clear_refs").write_text(RESET_PEAK)
