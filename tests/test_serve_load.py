"""`govkg serve` under load and against hostile clients: slow queries, stalled uploads, huge bodies, dead workers.

Every test runs a real server on a free local port (a thread of this process, or the `govkg serve` command) and
talks to it over real sockets.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import pytest
from click.testing import CliRunner

from govkg.cli import main
from tests.test_serve import COUNT_TYPES, enterprises, get, q, seeds_dir  # noqa: F401 - two fixtures

HOSTILE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"  # runs until the deadline


def _send_hostile(base: str, answers: list, n: int) -> list[threading.Thread]:
    threads = [threading.Thread(target=lambda: answers.append(get(f"{base}/sparql?query={q(HOSTILE)}")),
                                daemon=True) for _ in range(n)]
    for t in threads:
        t.start()
    return threads


def _wait_for(condition, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the server never got there"
        time.sleep(0.05)


def test_a_normal_query_is_answered_within_a_second_while_four_hostile_ones_run(seeds_out, serving_app,
                                                                                   enterprises) -> None:
    """Issue 19's target, with the default five workers: the four hostile queries run, the fifth worker answers."""
    from govkg.serve.sparql import WORKERS

    with serving_app(seeds_out, timeout=20.0) as (base, app):
        assert app.runner.workers == WORKERS == 5
        assert get(f"{base}/sparql?query={q('ASK {}')}")[0] == 200  # the workers are up
        hostile: list = []
        threads = _send_hostile(base, hostile, 4)
        _wait_for(lambda: app.runner.status()["long"] == 4)  # all four confirmed running past the long mark
        for _ in range(3):
            started = time.perf_counter()
            status, _, body = get(f"{base}/sparql?query={q(COUNT_TYPES)}")
            seconds = time.perf_counter() - started
            assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == enterprises
            assert seconds < 1.0
        assert app.runner.status()["long"] == 4 and hostile == []  # they were running all along
    for t in threads:
        t.join(30)
    assert len(hostile) == 4


def test_one_worker_stays_free_for_short_queries(seeds_out, serving_app, enterprises) -> None:
    """Three workers, four clients sending hostile queries again and again: while a query waits, two of them run
    on and the newest other is stopped with a clear 503 busy; normal queries keep being answered, right."""
    from govkg.serve.sparql import LONG_AFTER

    with serving_app(seeds_out, timeout=4.0, workers=3) as (base, app):
        assert get(f"{base}/sparql?query={q('ASK {}')}")[0] == 200
        stop, answers = threading.Event(), []

        def attack() -> None:
            while not stop.is_set():
                answers.append(get(f"{base}/sparql?query={q(HOSTILE)}"))

        threads = [threading.Thread(target=attack, daemon=True) for _ in range(4)]
        for t in threads:
            t.start()
        _wait_for(lambda: any(status == 503 for status, _, _ in answers))
        longest = 0.0
        for _ in range(10):
            started = time.perf_counter()
            status, _, body = get(f"{base}/sparql?query={q(COUNT_TYPES)}&format=csv")
            longest = max(longest, time.perf_counter() - started)
            assert status == 200 and body.splitlines() == ["n", enterprises]
            time.sleep(0.2)
        stop.set()
        for t in threads:
            t.join(30)
    assert longest < 2 * LONG_AFTER + 2.0  # behind at most two hostile queries, each stopped at LONG_AFTER
    messages = {body for status, _, body in answers}
    assert {status for status, _, _ in answers} == {503}
    assert any(m.startswith("busy: too many long queries (over 2 ran past 0.5 s while others waited); this one "
                            "was stopped, try again later") for m in messages), messages
    assert any("did not finish within 4 s and was stopped" in m for m in messages), messages


def test_answers_are_the_same_from_every_worker(seeds_out, serving) -> None:
    from concurrent.futures import ThreadPoolExecutor

    query = ("PREFIX govkg: <https://w3id.org/govkg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
             "SELECT ?e ?label WHERE { ?e a govkg:Enterprise ; rdfs:label ?label }")
    with serving(seeds_out, timeout=30.0, workers=3) as base, ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(lambda _: get(f"{base}/sparql?query={q(query)}&format=csv"), range(24)))
    assert {status for status, _, _ in answers} == {200}
    assert len({body for _, _, body in answers}) == 1 and len(answers[0][2].splitlines()) > 10


def test_queries_wait_for_a_worker_in_turn_and_only_so_many(seeds_out) -> None:
    from govkg.serve.pool import MAX_WAITING, WorkerPool

    pool = WorkerPool(str(seeds_out), size=1, run="govkg.serve.sparql:run_formatted")
    try:
        worker = pool.take(False, 60)
        assert worker is not None and pool.take(False, 0.2) is None  # none came free in time
        served: list[int] = []

        def wait_in_turn(i: int) -> None:
            taken = pool.take(False, 60)
            served.append(i)
            pool.give_back(taken)

        threads = []
        for i in range(MAX_WAITING):
            threads.append(threading.Thread(target=wait_in_turn, args=(i,), daemon=True))
            threads[-1].start()
            _wait_for(lambda: pool.status()["waiting"] == i + 1)
        started = time.monotonic()
        assert pool.take(False, 60) is None and time.monotonic() - started < 0.1  # one too many: busy at once
        pool.give_back(worker)
        for t in threads:
            t.join(30)
        assert served == list(range(MAX_WAITING))  # first come, first served
    finally:
        pool.close()


def _connect(base: str) -> socket.socket:
    port = urllib.parse.urlsplit(base).port
    sock = socket.create_connection(("127.0.0.1", port), timeout=60)
    return sock


def _read_all(sock: socket.socket) -> bytes:
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    return data


def _post_head(base: str, length: int, extra: str = "") -> bytes:
    port = urllib.parse.urlsplit(base).port
    return (f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/sparql-query\r\n"
            f"Content-Length: {length}\r\n{extra}\r\n").encode()


def test_a_stalled_upload_is_dropped_at_the_connection_deadline_and_blocks_nothing(seeds_out, serving) -> None:
    with serving(seeds_out, timeout=10.0, request_timeout=2.0) as base:
        assert get(f"{base}/sparql?query={q('ASK {}')}")[0] == 200  # the workers are up
        stopped, trickling, headless = _connect(base), _connect(base), _connect(base)
        started = time.monotonic()
        stopped.sendall(_post_head(base, 1000) + b"ASK {")  # then nothing
        headless.sendall(_post_head(base, 1000)[:40])  # half a request head
        trickling.sendall(_post_head(base, 1000))
        answers: dict[str, tuple[bytes, float]] = {}

        def read(name: str, sock: socket.socket) -> None:
            answers[name] = (_read_all(sock), time.monotonic() - started)

        readers = [threading.Thread(target=read, args=item, daemon=True)
                   for item in (("stopped", stopped), ("trickling", trickling), ("headless", headless))]
        for t in readers:
            t.start()
        many = [_connect(base) for _ in range(50)]
        for sock in many:
            sock.sendall(_post_head(base, 1000))
        while "trickling" not in answers and time.monotonic() - started < 10:  # a byte every 0.3 s: each read
            try:                                                               # is quick, the body never whole
                trickling.sendall(b" ")
            except OSError:  # closed by the server
                break
            assert get(f"{base}/sparql?query={q('ASK {}')}")[0] == 200  # meanwhile others are served
            assert get(f"{base}/search?q={q('沙湾')}")[0] == 200
            time.sleep(0.3)
        for t in readers:
            t.join(10)
        for name in ("stopped", "trickling"):
            answer, seconds = answers[name]
            assert answer.decode().startswith("HTTP/1.0 408 ") and b"did not arrive within 2 s" in answer, name
            assert 1.9 < seconds < 4.0, name
        answer, seconds = answers["headless"]
        assert answer == b"" and 1.9 < seconds < 4.0  # no request to answer: closed
        for sock in [stopped, trickling, headless, *many]:
            sock.close()
        assert get(f"{base}/sparql?query={q('ASK {}')}")[0] == 200


def test_an_oversized_body_is_413_with_the_limit(seeds_out, serving) -> None:
    from govkg.serve.sparql import MAX_BODY_BYTES

    with serving(seeds_out, timeout=10.0, request_timeout=5.0) as base:
        body = b"# " + b"x" * (10 * MAX_BODY_BYTES) + b"\nASK {}"  # 10 MB, sent at once: read, dropped, refused
        status, _, text = get(f"{base}/sparql", data=body, headers={"Content-Type": "application/sparql-query"})
        assert status == 413
        assert text == f"the request body is {len(body):,} bytes long; this endpoint takes a request body of at most " \
                       f"{MAX_BODY_BYTES:,} bytes\n"
        sock = _connect(base)  # 300 MB announced by a client that waits to be told to send: refused at once
        started = time.monotonic()
        sock.sendall(_post_head(base, 300_000_000, "Expect: 100-continue\r\n"))
        answer = _read_all(sock).decode()
        assert answer.startswith("HTTP/1.0 413 ") and "300,000,000 bytes long" in answer
        assert time.monotonic() - started < 2.0
        sock = _connect(base)  # 300 MB sent: the server reads at most 64 MB of it, holding 64 KB at a time
        sock.sendall(_post_head(base, 300_000_000))
        sent, chunk = 0, b"x" * (1 << 20)
        with pytest.raises(OSError):  # the server ends the connection long before the end
            while sent < 300_000_000:
                sock.sendall(chunk)
                sent += len(chunk)
        assert sent < 100_000_000
        sock.close()
        assert get(f"{base}/sparql?query={q('ASK {}')}")[0] == 200


def _descendants(pid: int) -> set[int]:
    children: dict[int, set[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, set()).add(int(entry))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), ()):
            found.add(child)
            todo.append(child)
    return found


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_killed_workers_are_replaced(seeds_out, serving_app, enterprises) -> None:
    """A worker killed from outside (the OOM killer), or the process they are forked from: queries go on."""
    with serving_app(seeds_out, timeout=10.0, workers=2) as (base, app):
        assert get(f"{base}/sparql?query={q(COUNT_TYPES)}")[0] == 200
        _wait_for(lambda: app.runner.status()["workers"] == 2)
        parent, workers = app.runner.pids()
        assert set(workers) == _descendants(parent) and len(workers) == 2
        for pid in workers:
            os.kill(pid, signal.SIGKILL)
        _wait_for(lambda: not any(_alive(pid) for pid in workers), 5)
        for _ in range(3):
            status, _, body = get(f"{base}/sparql?query={q(COUNT_TYPES)}")
            assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == enterprises
        _wait_for(lambda: app.runner.status()["workers"] == 2)
        workers = set(app.runner.pids()[1])
        os.kill(parent, signal.SIGKILL)
        _wait_for(lambda: not any(_alive(pid) for pid in workers), 5)  # its workers die with it
        for _ in range(3):
            status, _, body = get(f"{base}/sparql?query={q(COUNT_TYPES)}")
            assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == enterprises


def _get_or_none(url: str):
    try:
        return get(url)
    except OSError:  # the server was killed
        return None


def test_the_workers_end_with_a_killed_server(seeds_out) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "govkg.cli", "serve", str(seeds_out), "--port", "0",
                             "--workers", "3"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        base = proc.stdout.readline().split()[2].rstrip("/")
        assert get(f"{base}/sparql?query={q('ASK {}')}")[0] == 200
        pool: set[int] = set()

        def pool_started() -> bool:  # the process they are forked from and three workers (not Python's own helper)
            pool.clear()
            pool.update(p for p in _descendants(proc.pid) if b"spawn_main" in _cmdline(p))
            return len(pool) == 4

        _wait_for(pool_started)
        threading.Thread(target=_get_or_none, args=(f"{base}/sparql?query={q(HOSTILE)}",), daemon=True).start()
        time.sleep(0.5)
        proc.kill()
        proc.wait(10)
        _wait_for(lambda: not any(_alive(pid) for pid in pool), 5)
    finally:
        proc.kill()


def test_serve_options_default_as_documented() -> None:
    from govkg.serve.httpd import REQUEST_TIMEOUT
    from govkg.serve.sparql import WORKERS

    options = {p.name: p for p in main.commands["serve"].params}
    assert options["workers"].default == WORKERS
    assert options["request_timeout"].default == REQUEST_TIMEOUT
    help_text = CliRunner().invoke(main, ["serve", "--help"]).output
    assert "--workers" in help_text and "--request-timeout" in help_text
