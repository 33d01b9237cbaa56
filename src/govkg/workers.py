"""Worker processes that take work in batches and answer item by item, watched so that one that dies (out of
memory, a signal, a crash in native code) costs only the item it was on.

The parent knows at every moment which items each worker holds, in order,
and a worker answers each item as soon as it is done; so when a worker
ends without answering, the first item it still held is the one it died
on. That item is answered with :class:`Died`, the items behind it go to
the front of the queue, and a new worker takes the dead one's place. The
parent runs no thread of its own (so that it may keep forking workers).
A worker ends with its parent, however the parent ends (:func:`die_with_parent`).
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Any

log = logging.getLogger(__name__)

HELD_BATCHES = 2
"""Batches a worker holds at a time: the one it is on and the next, so that it never waits for the parent."""


@dataclass(frozen=True, slots=True)
class Died:
    """The answer for an item whose worker ended without answering: ``exitcode`` as :mod:`multiprocessing` gives
    it (minus the signal's number when a signal ended it).

    >>> Died(-9).reason
    'the worker process building it was killed (SIGKILL, as the system does when it runs out of memory)'
    >>> Died(3).reason
    'the worker process building it stopped (exit code 3)'
    """

    exitcode: int | None

    @property
    def reason(self) -> str:
        code = self.exitcode
        if code is not None and code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"signal {-code}"
            if -code == signal.SIGKILL:
                name += ", as the system does when it runs out of memory"
            return f"the worker process building it was killed ({name})"
        return f"the worker process building it stopped (exit code {code})"


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent: int) -> None:
    """Have the system end this process with SIGKILL when its parent ends, however it ends (SIGKILL, SIGTERM,
    a crash): Linux's parent-death signal. A parent already gone (``parent`` is no longer this process's
    parent) ends it at once. Elsewhere a worker ends when it next finds its pipe closed."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no C library to call: the pipe check still ends it, later
            log.debug("no parent-death signal for worker %d", os.getpid())
    if os.getppid() != parent:
        os._exit(1)


def _serve(conn, fn: Callable[[Any], Any], initializer: Callable[[], None] | None, parent: int) -> None:
    """A worker: take batches of (index, item) until told to stop (None) and answer each item as it is done."""
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it ends the workers
    if initializer is not None:
        initializer()
    with contextlib.suppress(EOFError, OSError):  # the parent is gone: nobody wants the answers
        while (batch := conn.recv()) is not None:
            for index, item in batch:
                conn.send((index, fn(item)))


class _Worker:
    def __init__(self, context, fn: Callable[[Any], Any], initializer: Callable[[], None] | None) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, fn, initializer, os.getpid()), daemon=True)
        self.process.start()
        child.close()
        self.batches: deque[list[tuple[int, Any]]] = deque()  # sent, not all answered, in the order it takes them
        self.answered = 0  # items of the first batch answered
        self.broken = False  # a batch could not be sent: it has ended, and gets no more

    def send(self, batch: list[tuple[int, Any]]) -> bool:
        """Hand ``batch`` over; False when the worker has ended (it is collected once its end is seen)."""
        try:
            self.conn.send(batch)
        except OSError:
            self.broken = True
            return False
        self.batches.append(batch)
        return True

    def answer(self) -> tuple[int, Any]:
        """The next answer (EOFError or OSError when the worker has ended)."""
        index, answer = self.conn.recv()
        first = self.batches[0]
        if first[self.answered][0] != index:
            raise RuntimeError(f"worker answered item {index} out of order")  # a bug, never a user's
        self.answered += 1
        if self.answered == len(first):
            self.batches.popleft()
            self.answered = 0
        return index, answer

    def held(self) -> list[list[tuple[int, Any]]]:
        """The batches it holds, without the items it answered."""
        return [batch[self.answered:] if n == 0 else batch for n, batch in enumerate(self.batches)]

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.conn.send(None)
        self.conn.close()


class InOrder:
    """``fn(item)`` for every item of ``batches``, in order, computed on ``jobs`` worker processes of ``context``
    (a :mod:`multiprocessing` context); :class:`Died` for an item whose worker ended while on it. Use it as a
    context manager: the workers start at once and are stopped at the end.

    Each worker takes a batch at a time (neighbours stay together); no item
    more than ``ahead`` items after the next one to be answered is handed
    out, so finished answers never pile up while the caller waits on a slow one.
    """

    def __init__(self, fn: Callable[[Any], Any], batches: Sequence[Sequence[Any]], jobs: int, *, context,
                 initializer: Callable[[], None] | None = None, ahead: int = 32) -> None:
        self._start = lambda: _Worker(context, fn, initializer)
        self._ahead = ahead
        self._queue: deque[list[tuple[int, Any]]] = deque()
        self._total = 0
        for batch in batches:
            if batch:
                self._queue.append([(self._total + i, item) for i, item in enumerate(batch)])
                self._total += len(batch)
        self._answers: dict[int, Any] = {}
        self._done = 0  # items answered to the caller
        self._workers: list[_Worker] = []
        try:
            for _ in range(min(jobs, len(self._queue))):
                self._workers.append(self._start())
            self._hand_out()
        except BaseException:
            self.close()
            raise

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        if self._done >= self._total:
            raise StopIteration
        while self._done not in self._answers:
            workers = self._workers
            ready = set(wait([w.conn for w in workers] + [w.process.sentinel for w in workers]))
            for worker in [w for w in workers if w.conn in ready or w.process.sentinel in ready]:
                self._collect(worker)
            self._hand_out()  # to the workers that are through with what they held
        answer = self._answers.pop(self._done)
        self._done += 1
        self._hand_out()
        return answer

    def _hand_out(self) -> None:
        queue = self._queue
        for worker in self._workers:
            while (queue and not worker.broken and len(worker.batches) < HELD_BATCHES
                   and queue[0][0][0] < self._done + self._ahead):
                if not worker.send(queue[0]):
                    break
                queue.popleft()

    def _read(self, worker: _Worker) -> None:
        while worker.conn.poll():
            index, answer = worker.answer()
            self._answers[index] = answer

    def _collect(self, worker: _Worker) -> None:
        """Read the worker's answers; put a new worker in its place when it has ended."""
        try:
            self._read(worker)
            if worker.process.is_alive():
                return
            self._read(worker)  # what it sent just before it ended
        except (EOFError, OSError):
            pass
        worker.process.join()
        worker.conn.close()
        self._workers.remove(worker)
        held = [batch for batch in worker.held() if batch]
        if held:
            (lost, _), *rest = held[0]
            log.debug("worker %s ended (exit code %s) on item %d", worker.process.pid, worker.process.exitcode, lost)
            self._answers[lost] = Died(worker.process.exitcode)
            self._queue.extendleft(reversed([b for b in [rest, *held[1:]] if b]))
        if self._queue:
            self._workers.append(self._start())
            self._hand_out()

    def close(self) -> None:
        """Stop the workers: those still at work a second later are ended."""
        workers, self._workers = self._workers, []
        for worker in workers:
            worker.stop()
        for worker in workers:
            worker.process.join(timeout=1)
            if worker.process.is_alive():
                worker.process.terminate()
                worker.process.join()

    def __enter__(self) -> InOrder:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
