"""A worker that dies costs only the document it held: in the pool itself, in a build, and through the CLI."""

from __future__ import annotations

import faulthandler
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from govkg.pipeline import build
from govkg.workers import Died, InOrder

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FORK = multiprocessing.get_context("fork")


def _square_or_die(item: tuple[int, int]) -> int:
    """``item`` is (value, signal): the square, or the worker kills itself with the signal (0: none)."""
    value, sig = item
    if sig:
        faulthandler.disable()  # pytest's, inherited: it would print a stack for SIGSEGV
        os.kill(os.getpid(), sig)
        time.sleep(5)  # the signal ends the process before this ends
    return value * value


def _exit(item: int) -> int:
    if item == 3:
        os._exit(7)  # as a crash in native code would: no Python clean-up, no answer
    return item


@pytest.mark.parametrize(("batches", "dying"), [
    ([[0, 1, 2, 3], [4, 5], [6], [7]], {0}),        # the first item of a batch
    ([[0, 1, 2, 3], [4, 5], [6], [7]], {2}),        # inside a batch: the items after it are built by others
    ([[0, 1, 2, 3], [4, 5], [6], [7]], {3, 5, 7}),  # the last of a batch, and several workers in turn
    ([[0], [1], [2]], {0, 1, 2}),                   # every worker dies
])
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_dead_worker_costs_only_the_item_it_was_on(batches, dying, jobs):
    items = [[(v, signal.SIGKILL if v in dying else 0) for v in batch] for batch in batches]
    with InOrder(_square_or_die, items, jobs, context=FORK) as pool:
        answers = list(pool)
    expected = [Died(-signal.SIGKILL) if v in dying else v * v for batch in batches for v in batch]
    assert answers == expected


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGSEGV, -signal.SIGSEGV), (signal.SIGTERM, -signal.SIGTERM)])
def test_any_signal_is_named(sig, code):
    with InOrder(_square_or_die, [[(2, 0), (3, sig)], [(4, 0)]], 2, context=FORK) as pool:
        answers = list(pool)
    assert answers == [4, Died(code), 16]
    assert signal.Signals(sig).name in answers[1].reason


def test_an_exit_without_answer_is_a_death_too():
    with InOrder(_exit, [[1, 2, 3, 4, 5]], 1, context=FORK) as pool:
        assert list(pool) == [1, 2, Died(7), 4, 5]


def test_closing_early_stops_every_worker():
    pool = InOrder(_square_or_die, [[(v, 0)] for v in range(50)], 2, context=FORK)
    workers = [w.process for w in pool._workers]
    assert next(pool) == 0
    pool.close()
    assert workers and not any(p.is_alive() for p in workers)


@pytest.fixture
def corpus(tmp_path):
    """Six reports, each long enough (three copies of a seed, about 1 s) that a worker is never idle for long."""
    src = tmp_path / "in"
    src.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for n in range(6):
        text = seeds[n % len(seeds)].read_text(encoding="utf-8")
        (src / f"r{n}.txt").write_text(f"第{n}份报告\n" + text * 3, encoding="utf-8")
    return src


def _documents(trig: Path) -> set[str]:
    return {line.split("/doc/")[1].split(">")[0] for line in trig.read_text(encoding="utf-8").splitlines()
            if line.startswith("<") and line.endswith("> {") and "/doc/" in line}


def test_a_worker_killed_during_a_build_costs_one_document(corpus, tmp_path):
    killed: list[int] = []
    before = {p.pid for p in multiprocessing.active_children()}

    def progress(done: int, total: int) -> None:
        if done == 1 and not killed:  # the first document was this process's; the workers hold the next ones
            worker = min(p.pid for p in multiprocessing.active_children() if p.pid not in before)
            os.kill(worker, signal.SIGKILL)
            killed.append(worker)

    out = tmp_path / "out"
    result = build([corpus], out, jobs=2, progress=progress)
    assert killed
    assert len(result.errors) == 1
    error = result.errors[0]
    assert "killed (SIGKILL" in error.reason and Path(error.path).parent == corpus
    lost = Path(error.path).stem
    assert result.added == 5
    assert _documents(out / "graph.trig") == {f"r{n}" for n in range(6)} - {lost}
    # the failed document is not recorded as built: the next build reads it, and equals a clean build
    again = build([corpus], out, jobs=2)
    assert (again.added, again.unchanged, again.errors) == (1, 5, [])
    clean = build([corpus], tmp_path / "clean", jobs=1)
    assert clean.documents == 6
    for name in ("graph.trig", "graph.ttl", "graph.html"):
        assert (out / name).read_bytes() == (tmp_path / "clean" / name).read_bytes()


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finds the workers in /proc")
def test_govkg_build_with_a_worker_killed_by_pid_names_one_document_and_builds_the_rest(corpus, tmp_path):
    out = tmp_path / "out"
    govkg = shutil.which("govkg") or str(Path(sys.executable).parent / "govkg")
    proc = subprocess.Popen([govkg, "build", str(corpus), "--out", str(out), "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
        workers = _children(proc.pid)
    assert len(workers) == 2, "the build never started its two workers"
    os.kill(workers[0], signal.SIGKILL)
    _, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 1, stderr  # some input skipped, the rest built (README)
    assert "Traceback" not in stderr and "BrokenProcessPool" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "killed (SIGKILL" in lines[0], stderr
    lost = next(f"r{n}" for n in range(6) if f"r{n}.txt" in lines[0])
    assert _documents(out / "graph.trig") == {f"r{n}" for n in range(6)} - {lost}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finds the workers in /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_the_workers_of_a_killed_build_end_with_it(corpus, tmp_path, sig):
    """No worker of a build outlives it, whatever signal ends the build (a timeout, docker stop, kill -9)."""
    govkg = shutil.which("govkg") or str(Path(sys.executable).parent / "govkg")
    proc = subprocess.Popen([govkg, "build", str(corpus), "--out", str(tmp_path / "out"), "--jobs", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
        workers = _children(proc.pid)
    assert len(workers) == 2, "the build never started its two workers"
    os.kill(proc.pid, sig)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 5
    alive = workers
    while alive and time.monotonic() < deadline:
        time.sleep(0.05)
        alive = [pid for pid in workers if _running(pid)]
    assert alive == [], f"workers {alive} outlived their build by 5 s"


def _running(pid: int) -> bool:
    """Whether process ``pid`` exists and is not a zombie waiting to be reaped."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_when_the_first_document_is_large_the_workers_read_it_and_the_build_is_the_same(tmp_path, monkeypatch):
    import govkg.pipeline as pipeline

    src = tmp_path / "in"
    src.mkdir()
    for f in sorted(SEEDS.glob("*.txt")):
        shutil.copy(f, src / f.name)
    serial = build([src], tmp_path / "serial", jobs=1)
    read_here: list[str] = []
    real = pipeline.process_to_output
    monkeypatch.setattr(pipeline, "process_to_output", lambda item, *a, **k: read_here.append(item.doc_id)
                        or real(item, *a, **k))  # counts only what this process reads: workers are other processes
    monkeypatch.setattr(pipeline, "WARM_UP_BYTES", 0)
    parallel = build([src], tmp_path / "parallel", jobs=2)
    assert read_here == [] and parallel.added == serial.added == 5
    for name in ("graph.trig", "graph.ttl", "graph.html"):
        assert (tmp_path / "serial" / name).read_bytes() == (tmp_path / "parallel" / name).read_bytes()
