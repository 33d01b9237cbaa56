"""The per-document step on a Dask cluster (:mod:`distributed`): ``govkg build --scheduler ADDRESS``.

The main process stays what it is in a local build: it finds the inputs,
decides which ones changed, writes the files and the record. Only the
per-document step (:func:`govkg.pipeline.process_to_output`) moves: each
input is sent to the cluster as its file's bytes (workers need no shared
file system, only the same govkg installed), one Dask task per document,
and its :class:`~govkg.pipeline.DocOutput` comes back. At most ``ahead``
documents are out at a time, so the bytes and outputs in flight stay
bounded whatever the corpus; outputs are taken as they complete and handed
on in input order, so the files are those of a local build, byte for byte.

Distribution is Dask's alone: its scheduler places the tasks, and a worker
that dies while on a document gets the document retried on another
(the scheduler's ``allowed-failures``, 3 by default); a document whose every
try killed its worker comes back as an :class:`~govkg.errors.InputError`,
like any bad input. Each worker must run the same govkg code (its
:func:`~govkg.graph.rdf.code_fingerprint` goes into every graph): a worker
with other code stops the build with a :class:`~govkg.errors.ClusterError`.

Dask is imported only here, and only when a build names a scheduler.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import re
import threading
import uuid
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import CancelledError
from dataclasses import dataclass
from pathlib import Path

from govkg.errors import ClusterError, InputError
from govkg.graph.rdf import code_fingerprint
from govkg.pipeline import (BATCH, DEFAULT_SETTINGS, IN_FLIGHT_PER_JOB, DocOutput, InputFile, Job, Settings,
                            fewer_collections, run_job)
from govkg.text.read import read_bytes

LOCAL = re.compile(r"local:(\d+)")
"""``local:N``: a :class:`distributed.LocalCluster` of N worker processes started by the build itself."""

IN_FLIGHT_PER_THREAD = IN_FLIGHT_PER_JOB * BATCH
"""Documents out on the cluster per worker thread, as many as a local build lets each worker run ahead."""

_ONE_AT_A_TIME = threading.Lock()
"""A worker process runs one document at a time, even one started with several threads: the rules' caches
are the process's own, and Python's threads would gain nothing on this work but lose memory."""


@dataclass(frozen=True, slots=True)
class OtherCode:
    """A worker's answer when its govkg differs from the one that asked (so its graphs would too)."""

    worker: str
    fingerprint: str


def run_document(item: InputFile, data: bytes, known: tuple[str, str] | None, settings: Settings,
                 fingerprint: str) -> DocOutput | InputError | OtherCode:
    """The task a worker runs for one document: ``data`` is its file's bytes, ``known`` what the last build
    recorded of it (its output is then None when its text is unchanged). Any error becomes an InputError for
    this document, as in a local build."""
    with _ONE_AT_A_TIME, fewer_collections():
        if code_fingerprint() != fingerprint:
            from distributed import get_worker

            return OtherCode(get_worker().address, code_fingerprint())
        return run_job((item, known), settings, data)


def iter_outputs(address: str, work: list[Job], settings: Settings = DEFAULT_SETTINGS, *,
                 task: Callable = run_document) -> Iterator[DocOutput | InputError]:
    """Outputs of the per-document step for ``work`` on the Dask cluster at ``address`` (see :func:`connect`), in
    input order; the client (and a ``local:N`` cluster) is closed when the last is given or the caller stops.
    Nothing connects when ``work`` is empty. ``task``: see :func:`outputs`."""
    if not work:
        return
    with connect(address) as client:
        yield from outputs(client, work, settings, task=task)


@contextlib.contextmanager
def connect(address: str) -> Iterator[object]:
    """A :class:`distributed.Client` of the scheduler at ``address`` (``tcp://host:port``, or any address Dask
    takes), or of a LocalCluster of N single-threaded worker processes started here for ``local:N``; closed (and
    a local cluster stopped) on exit.

    A local cluster's worker processes are forked from a fork server (a
    fresh process, so no lock of this one's threads is copied into them) that
    imported :mod:`govkg.cluster_warm` first: they start with every
    dictionary, table and model loaded, as a local build's forked workers do,
    instead of loading them each (a spawned worker takes seconds to start).

    :class:`~govkg.errors.ClusterError` when the address is not one, the
    scheduler cannot be reached within Dask's connect timeout
    (``distributed.comm.timeouts.connect``, 30 s by default; the environment
    variable ``DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT`` sets it), it has no
    worker within that time, or a local cluster cannot start.
    """
    import dask
    from distributed import Client, LocalCluster

    with contextlib.ExitStack() as stack:
        local = LOCAL.fullmatch(address)
        if local:
            workers = int(local.group(1))
            if workers < 1:
                raise ClusterError(f"{address}: a local cluster needs at least one worker (local:N, N >= 1)")
            # for the cluster's life: a worker that dies is started again the same way
            stack.enter_context(dask.config.set({"distributed.worker.multiprocessing-method": _warm_server()}))
            try:
                with _environment(WARM_UP_VARIABLE, "1"):  # the fork server starts now, and warms up
                    target: object = stack.enter_context(LocalCluster(
                        n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                        dashboard_address=None, scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},  # any port
                        silence_logs=logging.CRITICAL))  # its failures are the build's to tell, in its words
            except Exception as exc:  # Dask raises RuntimeError and others; one line says why
                raise ClusterError(f"cannot start a local Dask cluster ({_first_line(exc)})") from None
        else:
            target = address
        timeout = dask.config.get("distributed.comm.timeouts.connect")
        try:
            client = stack.enter_context(Client(target, timeout=timeout, set_as_default=False))
        except (OSError, TimeoutError) as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {address} ({_first_line(exc)})") from None
        except ValueError as exc:  # an address Dask does not take
            raise ClusterError(f"{address}: not a Dask scheduler address ({_first_line(exc)})") from None
        try:
            client.wait_for_workers(1, timeout=timeout)
        except (OSError, TimeoutError):
            raise ClusterError(f"the Dask scheduler at {address} has no workers (waited {timeout})") from None
        yield client


def outputs(client, work: list[Job], settings: Settings = DEFAULT_SETTINGS, *, ahead: int | None = None,
            task: Callable = run_document) -> Iterator[DocOutput | InputError]:
    """Outputs of the per-document step for ``work`` on the cluster of ``client``, in input order.

    Each file is read here when its document is sent (a file that cannot be
    read is its InputError, and is not sent); no more than ``ahead`` documents
    (default: :data:`IN_FLIGHT_PER_THREAD` for each worker thread the cluster
    has now) are out at a time. ``task`` is what a worker runs (tests put one
    that fails in its place).
    """
    from distributed import as_completed

    if ahead is None:
        ahead = max(IN_FLIGHT_PER_THREAD, IN_FLIGHT_PER_THREAD * sum(client.nthreads().values()))
    fingerprint = code_fingerprint()
    build = uuid.uuid4().hex[:8]
    done = as_completed(loop=client.loop)
    out_on: dict[object, int] = {}  # future -> index of its document
    answers: dict[int, DocOutput | InputError] = {}
    sent = given = 0

    def send() -> None:
        nonlocal sent
        while sent < len(work) and sent < given + ahead:
            item, known = work[sent]
            try:
                data = read_bytes(item.path)
            except InputError as exc:
                answers[sent] = exc
            else:
                with warnings.catch_warnings():  # a document is its bytes, however large (up to --max-doc-mb)
                    warnings.filterwarnings("ignore", message="Sending large graph", category=UserWarning)
                    future = client.submit(task, item, data, known, settings, fingerprint, pure=False,
                                           key=f"govkg-{build}-{sent}-{item.doc_id}"[:200])
                out_on[future] = sent
                done.add(future)
            sent += 1

    try:
        send()
        while given < len(work):
            while given in answers:
                yield answers.pop(given)
                given += 1
                send()
            if given >= len(work):
                break
            future = next(done)
            index = out_on.pop(future)
            answers[index] = _answer(future, work[index][0])
            future.release()
    finally:
        if out_on:  # stopped early (an error, or the caller stopped): the cluster need not finish them
            with contextlib.suppress(Exception):
                client.cancel(list(out_on))


WARM_UP_VARIABLE = "GOVKG_WARM_UP"
"""Set (to 1) in the environment a local cluster's fork server starts with: :mod:`govkg.cluster_warm` warms up
only there."""


@contextlib.contextmanager
def _environment(name: str, value: str) -> Iterator[None]:
    """``os.environ[name]`` is ``value`` inside; as it was after."""
    before = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = before


def _warm_server() -> str:
    """The start method for a local cluster's workers: ``forkserver`` with :mod:`govkg.cluster_warm` among the
    modules the server imports, where there is one (Linux, macOS); else ``spawn``."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return "spawn"  # pragma: no cover - Windows
    import dask
    from distributed.utils import get_mp_context

    with dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"}):
        get_mp_context()  # Dask names the server's modules once, when first asked; ours replace them after
    # Dask's own first, as it would; the server reads the list when it starts (a running one is warm already)
    multiprocessing.get_context("forkserver").set_forkserver_preload(["distributed", "govkg.cluster_warm"])
    return "forkserver"


WARM_UP_TEXT = (
    "四川省乐山市沙湾区人民政府工作报告\n2023年1月5日\n"
    "过去一年，沙湾区大力发展新能源、新材料产业，“1+5”片区建设加快推进。"
    "引进四川德胜集团钒钛有限公司、乐山市沙湾区嘉农农业专业合作社，签约落户钒钛新材料产业园。"
    "实施嘉州大道改造工程、沙湾区污水处理厂二期项目。推进乡村振兴，牛石镇、太平镇建设美丽乡村。\n"
)
"""A short report that makes every extractor load what it uses (gazetteers, jieba, the company model, the
decision): :func:`warm_up` reads it."""


def warm_up() -> None:
    """Build :data:`WARM_UP_TEXT` as a document and throw its graph away: loads everything the per-document step
    uses into this process, once."""
    with fewer_collections():
        run_job((InputFile(Path("warm-up.txt"), "warm-up"), None), DEFAULT_SETTINGS, WARM_UP_TEXT.encode("utf-8"))


def _answer(future, item: InputFile) -> DocOutput | InputError:
    """What ``future`` (a document's task, done) gives the build. Its result is fetched now: if the worker that
    held it has died since, Dask computes it again and this waits for it."""
    from distributed.scheduler import KilledWorker

    try:
        answer = future.result()
    except KilledWorker as exc:
        return InputError(item.path, f"every Dask worker that tried to build it died "
                                     f"({exc.allowed_failures + 1} tries); not built")
    except CancelledError:  # Dask's FutureCancelledError too
        raise ClusterError("the Dask scheduler dropped the build's tasks (did it stop?); nothing written") from None
    except ImportError as exc:  # the worker cannot even run the task: no use trying the others
        raise ClusterError(f"a Dask worker cannot run govkg ({exc.__class__.__name__}: {exc}): "
                           "install the same govkg on every worker") from None
    except Exception as exc:  # run_document returns the step's own errors: this is Dask's or a bug
        return InputError(item.path, f"internal error on the cluster ({exc.__class__.__name__}: "
                                     f"{_first_line(exc)}); please report it")
    if isinstance(answer, OtherCode):
        raise ClusterError(f"the Dask worker {answer.worker} runs other govkg code ({answer.fingerprint}, "
                           f"here {code_fingerprint()}): install the same govkg on every worker")
    return answer


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [exc.__class__.__name__])[0]
