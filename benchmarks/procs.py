"""The processes a benchmark started and their peak memory, read from Linux's ``/proc``."""

from __future__ import annotations

import threading
from pathlib import Path


def process_tree(pid: int) -> list[int]:
    """``pid`` and its descendants now running."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(parents.get(p, []))
    return out


def high_water_mb(pid: int) -> float | None:
    """The peak resident set of ``pid`` so far (the kernel's ``VmHWM``), in MB; None when it has ended."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


class PeakMemory:
    """The peak memory of a process and of every process under it, read every ``every`` seconds in a thread
    while it runs (a process that ends between two reads keeps the last peak read)."""

    def __init__(self, pid: int, every: float = 0.25) -> None:
        self.pid, self.every = pid, every
        self.peaks: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._stop.is_set():
            for pid in process_tree(self.pid):
                mb = high_water_mb(pid)
                if mb is not None:
                    self.peaks[pid] = max(mb, self.peaks.get(pid, 0.0))
            self._stop.wait(self.every)

    def stop(self) -> tuple[float, list[float]]:
        """The main process's peak and the others' (largest first), in MB."""
        self._stop.set()
        self._thread.join()
        others = sorted((mb for pid, mb in self.peaks.items() if pid != self.pid), reverse=True)
        return self.peaks.get(self.pid, 0.0), others
