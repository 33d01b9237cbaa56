"""``govkg build --scheduler``: the per-document step on a real Dask cluster gives the files of a local build.

The cluster is started as a user starts one: ``dask scheduler`` and two
``dask worker`` processes (each with its nanny, which starts a killed worker
again) on 127.0.0.1, on ports the system picks, stopped at the end.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from govkg.errors import ClusterError
from govkg.pipeline import InputFile, build

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SCALE = ROOT.parent / "shared" / "corpus" / "scale"
FILES = ("graph.trig", "graph.ttl", "graph.html")
BIN = Path(sys.executable).parent
START_SECONDS = 60


def files(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in FILES}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seeds and a slice of the scale corpus (every seventh report: 31 of them, from several sources)."""
    src = tmp_path_factory.mktemp("cluster-corpus")
    for f in sorted(SEEDS.glob("*.txt")):
        shutil.copy(f, src / f.name)
    scale = sorted(SCALE.rglob("*.txt"))
    assert len(scale) > 200, f"the scale corpus is missing at {SCALE}"
    for n, f in enumerate(scale[::7]):
        shutil.copy(f, src / f"s{n:02d}_{f.name}")
    return src


@pytest.fixture(scope="module")
def local_build(corpus, tmp_path_factory) -> Path:
    """The corpus built on this machine (two local worker processes)."""
    out = tmp_path_factory.mktemp("cluster-local") / "out"
    result = build([corpus], out, jobs=2)
    assert not result.errors and result.added == 36
    return out


@contextlib.contextmanager
def dask_cluster(where: Path, workers: int) -> Iterator[tuple[str, list[subprocess.Popen]]]:
    """``dask scheduler`` and ``workers`` ``dask worker`` processes on 127.0.0.1, as a user starts them (each
    worker with its nanny, which starts a killed worker again): the scheduler's address and the processes,
    the scheduler's first; all stopped on exit, logs in ``where``."""
    from distributed import Client

    info = where / "scheduler.json"
    procs: list[subprocess.Popen] = []
    with contextlib.ExitStack() as logs:
        def start(*args: str) -> None:
            log = logs.enter_context(open(where / f"{len(procs)}.log", "wb"))
            procs.append(subprocess.Popen([str(BIN / "dask"), *args], cwd=where, stdout=log,
                                          stderr=subprocess.STDOUT))

        try:
            start("scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--dashboard-address",
                  "127.0.0.1:0", "--scheduler-file", str(info), "--idle-timeout", "600")
            deadline = time.monotonic() + START_SECONDS
            while not info.is_file() and time.monotonic() < deadline:
                assert procs[0].poll() is None, (where / "0.log").read_text()
                time.sleep(0.1)
            address = json.loads(info.read_text())["address"]
            for _ in range(workers):
                start("worker", address, "--nthreads", "1", "--host", "127.0.0.1", "--no-dashboard",
                      "--death-timeout", "60")
            with Client(address, timeout=START_SECONDS) as client:
                client.wait_for_workers(workers, timeout=START_SECONDS)
            yield address, procs
        finally:
            for proc in reversed(procs):  # workers first, then the scheduler
                proc.send_signal(signal.SIGTERM)
            for proc in reversed(procs):
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory) -> Iterator[str]:
    """The address of a running Dask cluster: ``dask scheduler`` and two ``dask worker`` processes."""
    with dask_cluster(tmp_path_factory.mktemp("dask"), workers=2) as (address, _):
        yield address


def test_a_build_on_the_cluster_equals_the_local_build_byte_for_byte(corpus, local_build, scheduler, tmp_path):
    out = tmp_path / "out"
    seen: list[tuple[int, int]] = []
    result = build([corpus], out, scheduler=scheduler, progress=lambda done, total: seen.append((done, total)))
    assert not result.errors and result.added == 36
    assert seen[0] == (0, 36) and seen[-1] == (36, 36) and len(seen) == 37
    assert files(out) == files(local_build)
    # the graphs say which code made them: the workers' (the same as here), not left out
    assert (out / "graph.trig").read_text(encoding="utf-8").count("govkg:builtWith") == 36


def test_incremental_builds_on_the_cluster_send_only_changed_documents(corpus, scheduler, tmp_path, monkeypatch):
    import govkg.cluster as cluster

    src = tmp_path / "in"
    src.mkdir()
    for f in sorted(corpus.iterdir())[:12]:  # five seeds, seven reports of the scale corpus
        shutil.copy(f, src / f.name)
    out = tmp_path / "out"
    assert build([src], out, scheduler=scheduler).added == 12
    sent: list[str] = []
    real = cluster.read_bytes
    monkeypatch.setattr(cluster, "read_bytes", lambda path: sent.append(Path(path).name) or real(path))
    again = build([src], out, scheduler=scheduler)
    assert (again.added, again.unchanged, sent) == (0, 12, [])
    changed = sorted(src.glob("s*.txt"))[3]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n推进卧龙湖大桥建设。", encoding="utf-8")
    sorted(src.glob("0*.txt"))[0].unlink()  # a seed
    step = build([src], out, scheduler=scheduler)
    assert (step.added, step.removed, sent) == (1, 1, [changed.name])
    clean = build([src], tmp_path / "clean", jobs=2)
    assert clean.documents == 11 and files(out) == files(tmp_path / "clean")


def test_a_document_over_dasks_large_graph_threshold_is_sent_without_a_warning(scheduler, tmp_path):
    import warnings

    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], src / "a.txt")
    (src / "b.txt").write_bytes(b" \n" * 6_000_000)  # 12 MB (Dask warns from 10 MB) of nothing to read
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = build([src], tmp_path / "out", scheduler=scheduler)
    assert [str(w.message) for w in caught if "large graph" in str(w.message)] == []
    assert result.added == 1 and [e.reason for e in result.errors] == ["empty file"]


def test_a_worker_killed_during_a_build_loses_no_document(corpus, local_build, scheduler, tmp_path):
    from distributed import Client

    killed: list[int] = []
    with Client(scheduler, timeout=START_SECONDS) as watcher:
        def progress(done: int, total: int) -> None:
            if killed or done < 3:
                return
            busy = [w for w, keys in watcher.processing().items() if keys]  # on a document now
            if busy:
                pid = watcher.run(os.getpid, workers=[busy[0]])[busy[0]]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)

        out = tmp_path / "out"
        result = build([corpus], out, scheduler=scheduler, progress=progress)
        assert killed, "no worker was at work when the build was watched"
        assert not result.errors and result.added == 36
        assert files(out) == files(local_build)
        # the nanny started a new worker in the dead one's place
        watcher.wait_for_workers(2, timeout=START_SECONDS)
        assert killed[0] not in watcher.run(os.getpid).values()


def test_a_scheduler_that_stops_during_a_build_is_one_error_and_the_folder_keeps_the_build_before(
        corpus, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for f in sorted(corpus.iterdir())[:12]:
        shutil.copy(f, src / f.name)
    out = tmp_path / "out"
    before = build(sorted(src.iterdir())[:2], out, jobs=1)
    assert before.added == 2
    old = files(out)
    (tmp_path / "dask").mkdir()
    with dask_cluster(tmp_path / "dask", workers=1) as (address, procs):
        def progress(done: int, total: int) -> None:
            if done == 4:
                procs[0].kill()

        with pytest.raises(ClusterError, match=r"^the Dask scheduler dropped the build's tasks"):
            build([src], out, scheduler=address, progress=progress)
    assert files(out) == old


def test_workers_with_other_govkg_code_stop_the_build_and_nothing_is_written(corpus, scheduler, tmp_path,
                                                                            monkeypatch):
    import govkg.cluster as cluster

    monkeypatch.setattr(cluster, "code_fingerprint", lambda: "govkg 0.0.0 not-this-code")
    with pytest.raises(ClusterError, match=r"runs other govkg code .*install the same govkg on every worker"):
        build([corpus], tmp_path / "out", scheduler=scheduler)
    assert not (tmp_path / "out").exists()


def _govkg(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "govkg"), *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


def test_a_scheduler_that_is_down_is_one_line_and_exit_2(tmp_path):
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    started = time.monotonic()
    proc = _govkg("build", str(SEEDS), "--out", str(tmp_path / "out"), "--scheduler", f"tcp://127.0.0.1:{port}",
                  env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"})
    assert proc.returncode == 2, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}" in lines[0], proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    assert not (tmp_path / "out").exists()
    assert time.monotonic() - started < 30


def test_scheduler_local_n_starts_its_own_cluster_and_builds_the_same_files(seeds_out, tmp_path):
    proc = _govkg("build", str(SEEDS), "--out", str(tmp_path / "out"), "--scheduler", "local:2")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == "", proc.stderr  # no log lines of Dask's own
    assert files(tmp_path / "out") == files(seeds_out)


def test_jobs_and_scheduler_together_are_bad_usage(tmp_path):
    from click.testing import CliRunner

    from govkg.cli import main

    result = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(tmp_path / "out"), "--jobs", "2",
                                       "--scheduler", "local:2"])
    assert result.exit_code == 2 and "exclude each other" in result.output
    assert not (tmp_path / "out").exists()


def _dies_on(item: InputFile, data: bytes, known, settings, fingerprint):
    """A worker task that kills its own process on the document named ``poison``, else does the real work."""
    from govkg.cluster import run_document

    if item.doc_id == "poison":
        os.kill(os.getpid(), signal.SIGKILL)
    return run_document(item, data, known, settings, fingerprint)


def test_a_document_that_kills_every_worker_is_one_error_and_the_rest_is_built(tmp_path):
    import cloudpickle
    import dask

    from govkg.cluster import iter_outputs

    seeds = sorted(SEEDS.glob("*.txt"))[:4]
    shutil.copy(seeds[2], tmp_path / "poison.txt")
    work = [(InputFile(f, f.stem), None) for f in [seeds[0], seeds[1], tmp_path / "poison.txt", seeds[3]]]
    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers cannot import this test module
    try:
        # one retry; and a worker holds only the task it runs, so that the poison's death is no other task's
        # (with one queued behind it, that task would count a death too, and fail after two)
        with dask.config.set({"distributed.scheduler.allowed-failures": 1,
                              "distributed.scheduler.worker-saturation": 1.0}):
            outputs = list(iter_outputs("local:2", work, task=_dies_on))
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    assert [getattr(o, "doc_id", None) for o in outputs] == [seeds[0].stem, seeds[1].stem, None, seeds[3].stem]
    error = outputs[2]
    assert error.path == str(tmp_path / "poison.txt")
    assert error.reason == "every Dask worker that tried to build it died (2 tries); not built"
