"""The query workers of ``/sparql``: several processes forked from one that holds the graph.

Oxigraph cannot stop a query it is running, so a query that passes its
deadline is stopped by killing the process that runs it; queries therefore
run in worker processes, several at a time, so that one slow query does not
hold up the others.

Starting a worker from scratch costs Python's imports and the opening of the
graph: about 0.7 s for a store folder, 4-10 s for a build folder or graph
file parsed into memory (the scale corpus). So the workers are forked from a
*parent* process (one per pool, started with ``spawn``) that has forbidden
itself the network (:mod:`govkg.serve.sandbox`), imported the modules and, for
a graph parsed into memory, loaded it: a new worker is ready in a few
milliseconds (a store folder is opened by each worker, read-only, in about
0.4 s, because the database starts threads that a fork would not copy), and
the workers share the parent's copy of the graph until they touch it. A
killed worker is replaced in the background.

The parent forks a worker when the pool asks, hands over the worker's end of a
socket pair (``SCM_RIGHTS``), and reaps a worker only when the pool says it is
done with it, so the pool can kill a worker by its process id at any time
without hitting a reused one. Workers die with the parent (Linux's
parent-death signal), and the parent ends when the server's end of its pipe
closes, however the server ended.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
from collections import deque
from contextlib import ExitStack
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.reduction import recv_handle, send_handle
from typing import Any

from govkg.errors import GovkgError

log = logging.getLogger(__name__)

MAX_WAITING = 32
"""Queries that may wait for a free worker; one more is answered "busy" at once."""


@dataclass(eq=False)
class Worker:
    """A worker process as the server sees it: its process id, its pipe, the process it was forked from, whether it
    loaded the document graphs."""

    pid: int
    conn: Connection
    parent: int
    full: bool = False
    stopped_busy: bool = False  # killed to free its place for a waiting query


class WorkerPool:
    """``size`` query workers over the graph at ``source``; each query takes one, longest-waiting first.

    ``run`` names the function a worker answers a message with (``"module:function"``, called as
    ``function(dataset, *message, **run_options)``); ``allow_service`` leaves the workers their network.

    >>> WorkerPool("/nonexistent", size=2, run="govkg.serve.sparql:run_formatted").long_limit
    1
    """

    def __init__(self, source: str, *, size: int, run: str, run_options: dict[str, Any] | None = None,
                 allow_service: bool = False, start_timeout: float = 120.0) -> None:
        self.source = source
        self.size = size
        self.long_limit = max(1, size - 1)  # long queries that may run while another query waits
        self.sandboxed: bool | None = None  # whether the workers run without network (known once they started)
        self._run = run
        self._allow_service = allow_service
        self._run_options = run_options or {}
        self._start_timeout = start_timeout
        self._cond = threading.Condition()
        self._idle: list[Worker] = []
        self._workers: dict[int, Worker] = {}  # forked and not yet discarded, idle or busy
        self._waiting: deque[object] = deque()
        self._long: list[Worker] = []  # running long queries, oldest first
        self._error: str | None = None
        self._filling = False
        self._ready = False  # a worker was ready once: the graph loads
        self._closed = False
        self._jobs: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._keeper: threading.Thread | None = None
        self._parent: Any = None  # the process workers are forked from, and our end of its pipe
        self._control: Connection | None = None

    # --- what the query runner calls ---------------------------------------------------------------

    def start(self) -> None:
        """Start loading the graph and forking the workers, in the background (at the first :meth:`take` if not
        called)."""
        with self._cond:
            if self._keeper is None and not self._closed:
                self._filling = True
                self._keeper = threading.Thread(target=self._keep, daemon=True, name="govkg-sparql-pool")
                self._keeper.start()
                self._jobs.put(("fill",))

    def take(self, needs_full: bool, wait: float) -> Worker | None:
        """A free worker (one that loaded the document graphs when ``needs_full``, if there is one), or None when
        none came free within ``wait`` seconds or :data:`MAX_WAITING` queries already wait. Callers are served in
        the order they came. Raises :class:`GovkgError` when the workers cannot start."""
        self.start()
        token = object()
        with self._cond:
            if self._closed:
                raise GovkgError("the server is stopping")
            if self._error is not None and not self._filling:  # try again: the cause may have passed
                self._error, self._filling = None, True
                self._jobs.put(("fill",))
            if len(self._waiting) >= MAX_WAITING:
                return None
            self._waiting.append(token)
            try:
                now = time.monotonic()
                deadline, loading = now + wait, now + max(wait, self._start_timeout)
                while True:
                    if self._closed:
                        raise GovkgError("the server is stopping")
                    if self._error is not None and not self._filling:
                        raise GovkgError(self._error)
                    if self._waiting[0] is token and self._idle:
                        worker = self._pick(needs_full)
                        if worker is not None:
                            return worker
                        continue
                    if self._waiting[0] is token:
                        self._make_room()
                    limit = deadline if self._ready else loading  # the first time, the graph may take long to load
                    if time.monotonic() >= limit:
                        return None
                    self._cond.wait(min(limit - time.monotonic(), 1.0))
            finally:
                self._waiting.remove(token)
                self._cond.notify_all()

    def give_back(self, worker: Worker) -> None:
        """``worker`` answered and is free again."""
        with self._cond:
            if worker.pid in self._workers:
                self._idle.append(worker)
                self._cond.notify_all()

    def discard(self, worker: Worker) -> None:
        """Kill ``worker`` (stopping its query) and fork another in the background."""
        with self._cond:
            if self._workers.pop(worker.pid, None) is None:
                return
            if worker in self._idle:
                self._idle.remove(worker)
            _kill(worker.pid)
            worker.conn.close()
            if not self._closed:
                self._filling = True
                self._jobs.put(("reap", worker.pid, worker.parent))
                self._jobs.put(("fill",))

    def begin_long(self, worker: Worker) -> None:
        """The query ``worker`` runs has become long: it may be stopped when another query waits (see
        :meth:`_make_room`)."""
        with self._cond:
            self._long.append(worker)
            self._cond.notify_all()

    def end_long(self, worker: Worker) -> None:
        """The long query ``worker`` ran ended."""
        with self._cond:
            self._long.remove(worker)

    def status(self) -> dict[str, int]:
        """Workers alive, free, running long queries, and queries waiting for one."""
        with self._cond:
            return {"workers": len(self._workers), "free": len(self._idle), "long": len(self._long),
                    "waiting": len(self._waiting)}

    def pids(self) -> tuple[int | None, list[int]]:
        """The process ids of the process the workers are forked from (None before it started) and of the workers."""
        with self._cond:
            parent = self._parent.pid if self._parent is not None else None
            return parent, sorted(self._workers)

    def close(self) -> None:
        """End every worker and the process they are forked from."""
        with self._cond:
            self._closed = True
            for worker in list(self._workers.values()):
                _kill(worker.pid)
                worker.conn.close()
            self._workers.clear()
            self._idle.clear()
            self._cond.notify_all()
        self._jobs.put(("close",))
        self._end_parent()  # first: the keeper may be waiting for it
        if self._keeper is not None:
            self._keeper.join(10)

    # --- the keeper thread: all talk with the parent process ---------------------------------------

    def _make_room(self) -> None:
        """A query waits and no worker is free: when every worker is in place and more than :attr:`long_limit` run
        long queries, stop the newest of them (its query is answered 503 busy) for a new worker to take."""
        running = [w for w in self._long if not w.stopped_busy]
        if len(self._workers) == self.size and len(running) > self.long_limit:
            running[-1].stopped_busy = True
            self.discard(running[-1])

    def _pick(self, needs_full: bool) -> Worker | None:
        self._idle.sort(key=lambda w: w.full == needs_full)  # the best last
        worker = self._idle.pop()
        if worker.conn.poll(0):  # a free worker has nothing to say: it died (end of file)
            self.discard(worker)  # the condition's lock is re-entrant
            return None
        return worker

    def _keep(self) -> None:
        while True:
            job = self._jobs.get()
            if job[0] == "close":
                return
            if job[0] == "reap":  # only by the process it was forked from: another has other children
                control, parent = self._control, self._parent
                if control is not None and parent is not None and parent.pid == job[2]:
                    try:
                        control.send(job[:2])
                    except OSError:
                        pass
            elif job[0] == "fill":
                error = self._fill()
                with self._cond:
                    self._error = error
                    self._filling = False
                    self._cond.notify_all()

    def _fill(self) -> str | None:
        """Fork workers until there are ``size``; the reason when they cannot be started."""
        attempts = 0
        while True:
            with self._cond:
                if self._closed or len(self._workers) >= self.size:
                    return None
            try:
                if self._control is None:
                    attempts += 1
                    self._start_parent()
                worker = self._fork()
            except _ParentGone as exc:
                self._end_parent()
                if attempts >= 2:
                    return str(exc)
                continue
            except GovkgError as exc:  # the graph cannot be opened: the next query tries again
                self._end_parent()
                return str(exc)
            with self._cond:
                if self._closed:
                    _kill(worker.pid)
                    return None
                self._workers[worker.pid] = worker
                self._idle.append(worker)
                self._ready = True
                self._cond.notify_all()

    def _start_parent(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        ours, theirs = ctx.Pipe()
        proc = ctx.Process(target=_parent, args=(theirs, self.source, self._allow_service, self._run,
                                                 self._run_options), daemon=True, name="govkg-sparql")
        proc.start()
        theirs.close()
        with self._cond:
            if self._closed:  # close() came meanwhile
                proc.kill()
                proc.join(10)
                ours.close()
                raise _ParentGone("the server is stopping")
            self._parent, self._control = proc, ours
        self.sandboxed = bool(_await_ready(ours, self._start_timeout, _ParentGone))
        if not self._allow_service and not self.sandboxed:
            log.warning("the query workers run with network access (no seccomp here); "
                        "SERVICE clauses are still refused before they run")

    def _fork(self) -> Worker:
        control, parent = self._control, self._parent
        try:
            if control is None or parent is None:  # ended by close()
                raise OSError
            control.send(("fork",))
            _, pid = control.recv()
            conn = Connection(recv_handle(control))
        except (EOFError, OSError):
            raise _ParentGone("the process the query workers are forked from stopped") from None
        try:
            _await_ready(conn, self._start_timeout, GovkgError)
        except GovkgError:
            _kill(pid)
            conn.close()
            self._jobs.put(("reap", pid, parent.pid))
            raise
        return Worker(pid, conn, parent.pid)

    def _end_parent(self) -> None:
        with self._cond:  # close() and the keeper may both end it
            proc, control = self._parent, self._control
            self._parent = self._control = None
        if proc is not None:
            proc.kill()
            proc.join(10)
        if control is not None:
            control.close()


class _ParentGone(GovkgError):
    """The process the workers are forked from stopped (killed, out of memory); another can be started."""


def _await_ready(conn: Connection, timeout: float, gone: type[GovkgError]) -> str:
    """The message of a new process's "ready" on ``conn``; ``gone`` when it says nothing in time or ends, and
    :class:`GovkgError` with its reason when it cannot open the graph."""
    if not conn.poll(timeout):
        raise gone("the query workers did not start")
    try:
        kind, message = conn.recv()
    except (EOFError, OSError):
        raise gone("the query workers could not start") from None
    if kind != "ready":
        raise GovkgError(f"the query worker cannot open the graph: {message}")
    return message


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:  # already gone (a zombie until reaped, so never another process)
        pass


# --- the processes ------------------------------------------------------------------------------------


def _parent(control: Connection, source: str, allow_service: bool, run: str, run_options: dict[str, Any]) -> None:
    """The process workers are forked from: no network, the modules imported, a graph to parse loaded."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle: it ends this process
    from govkg.serve.sandbox import forbid_network

    sandboxed = not allow_service and forbid_network()  # before the store starts threads of its own
    import importlib

    from govkg.graph.store import is_store
    from govkg.query import open_graph

    module, name = run.split(":")
    runner = getattr(importlib.import_module(module), name)
    stack = ExitStack()
    plain = None
    if is_store(source):  # a store starts threads when opened: each worker opens it after the fork,
        import oxrdflib  # noqa: F401 - but the half second of imports that takes is done once, here
    else:
        try:
            plain = stack.enter_context(open_graph(source, named_graphs=False))
        except GovkgError as exc:
            control.send(("error", str(exc)))
            return
    control.send(("ready", "sandboxed" if sandboxed else ""))
    me, children = os.getpid(), set()
    while True:
        try:
            message = control.recv()
        except (EOFError, OSError):
            return
        if message[0] == "reap":  # a worker the pool killed or found dead
            if message[1] in children:
                children.discard(message[1])
                os.waitpid(message[1], 0)
            continue
        ours, theirs = multiprocessing.Pipe()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                control.close()
                ours.close()
                _worker(theirs, me, source, plain, runner, run_options)
            except BaseException:  # noqa: BLE001 - a forked child must never return into this loop
                code = 1
            finally:
                os._exit(code)
        children.add(pid)
        theirs.close()
        control.send(("forked", pid))
        send_handle(control, ours.fileno(), 0)
        ours.close()


def _worker(conn: Connection, parent: int, source: str, plain: Any, runner: Any, run_options: dict[str, Any]) -> None:
    """A worker: answer ``(query, fmt, params)`` messages until the pipe closes.

    A build folder's document graphs are loaded with the first query that names a graph.
    """
    from govkg.graph.store import uses_named_graphs
    from govkg.query import open_graph
    from govkg.workers import die_with_parent

    die_with_parent(parent)
    with ExitStack() as stack:
        try:
            if plain is None:  # (not `plain or`: a Dataset's truth is its length, counted triple by triple)
                plain = stack.enter_context(open_graph(source, named_graphs=False))
        except GovkgError as exc:
            conn.send(("error", str(exc)))
            return
        conn.send(("ready", ""))
        full = None
        while True:
            try:
                message = conn.recv()
            except (EOFError, OSError):
                return
            query = message[0]
            ds = plain
            if uses_named_graphs(query):
                try:
                    if full is None:
                        full = stack.enter_context(open_graph(source, named_graphs=True))
                except GovkgError as exc:
                    conn.send(("error", 500, str(exc)))
                    continue
                ds = full
            conn.send(runner(ds, *message, **run_options))
