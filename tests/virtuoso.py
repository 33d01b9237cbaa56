"""A throwaway Virtuoso for the tests: its own database in a temp folder, on free local ports.

The server is the Debian package ``virtuoso-opensource`` (``virtuoso-t``). Its
stock ``virtuoso.ini`` is copied with both ``ServerPort`` lines moved to
``127.0.0.1:<free port>`` and the database files moved to the temp folder; the
server runs in the foreground as our child process and is killed at the end.
A fresh database has the default ``dba``/``dba`` account, which is fine for an
instance that lives only as long as the test session.

Import the fixture into a test module: ``from tests.virtuoso import virtuoso``.
In CI (``CI=true``) a missing ``virtuoso-t`` fails the tests; elsewhere they skip.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

TEMPLATE_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
DBA_USER = "dba"
DBA_PASSWORD = "dba"  # the default of a fresh Virtuoso database; this instance is local and temporary
START_TIMEOUT = 60.0


@dataclass
class VirtuosoServer:
    """A running Virtuoso: its URLs, credentials, process and folder."""

    http_port: int
    sql_port: int
    folder: Path
    process: subprocess.Popen

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def sparql(self) -> str:
        """The open query endpoint (read-only for anonymous users)."""
        return f"{self.base}/sparql"

    @property
    def sparql_auth(self) -> str:
        """The digest-authenticated query and update endpoint."""
        return f"{self.base}/sparql-auth"

    @property
    def graph_store(self) -> str:
        """The digest-authenticated SPARQL 1.1 Graph Store endpoint."""
        return f"{self.base}/sparql-graph-crud-auth"

    user: str = DBA_USER
    password: str = DBA_PASSWORD

    def select(self, query: str) -> list[tuple[str | None, ...]]:
        """Run a SELECT on the server: rows of lexical values (None where unbound), in server order."""
        r = requests.get(self.sparql, params={"query": query},
                         headers={"Accept": "application/sparql-results+json"}, timeout=60)
        if r.status_code >= 400:
            raise requests.HTTPError(f"{r.status_code} from /sparql: {r.text[:500]}", response=r)
        data = r.json()
        names = data["head"]["vars"]
        return [tuple(b[n]["value"] if n in b else None for n in names) for b in data["results"]["bindings"]]

    def stop(self) -> None:
        """Kill the server process (our child) and wait for it."""
        stop_process(self.process)


def stop_process(process: subprocess.Popen) -> None:
    """Stop a server that is our child: SIGTERM, then SIGKILL if it is still there after 20 s."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def missing(reason: str) -> None:
    """Fail in CI, skip elsewhere: a missing server must never pass silently in CI."""
    if in_ci():
        pytest.fail(f"CI needs it: {reason}")
    pytest.skip(reason)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_ini(folder: Path, sql_port: int, http_port: int, template: Path = TEMPLATE_INI) -> Path:
    """Copy the stock ini with local ports and every database file in ``folder``."""
    text = template.read_text(encoding="utf-8")
    ports = iter((sql_port, http_port))  # [Parameters] comes before [HTTPServer]
    text, n = re.subn(r"(?m)^(ServerPort\s*=\s*)\S+", lambda m: f"{m.group(1)}127.0.0.1:{next(ports)}", text)
    if n != 2:
        raise RuntimeError(f"{template}: expected 2 ServerPort lines, found {n}")
    text = re.sub(r"(?m)^((?:DatabaseFile|ErrorLogFile|LockFile|TransactionFile|xa_persistent_file)\s*=\s*)"
                  r"\S*/([^/\s]+)$", lambda m: f"{m.group(1)}{folder / m.group(2)}", text)
    # The stock 400 s limit on Virtuoso's *estimated* cost refuses ready-made queries with
    # govkg:locatedIn* (estimated at hours, run in milliseconds on the seeds); no limit here.
    text, n = re.subn(r"(?m)^(MaxQueryCostEstimationTime\s*=\s*)\d+", r"\g<1>0", text)
    ini = folder / "virtuoso.ini"
    ini.write_text(text, encoding="utf-8")
    return ini


def start(folder: Path) -> VirtuosoServer:
    """Start ``virtuoso-t`` in the foreground on free ports and wait until ``/sparql`` answers."""
    binary = shutil.which("virtuoso-t")
    if binary is None:
        raise FileNotFoundError("virtuoso-t")
    sql_port, http_port = free_port(), free_port()
    ini = write_ini(folder, sql_port, http_port)
    log = (folder / "stdout.log").open("wb")
    process = subprocess.Popen([binary, "+foreground", "+configfile", str(ini)], cwd=folder,
                               stdout=log, stderr=subprocess.STDOUT)
    server = VirtuosoServer(http_port, sql_port, folder, process)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"virtuoso-t exited with {process.returncode}: {_tail(folder)}")
        try:
            server.select("SELECT (1 AS ?x) WHERE {}")
            return server
        except (requests.RequestException, ValueError):
            time.sleep(0.3)
    server.stop()
    raise RuntimeError(f"virtuoso-t did not answer within {START_TIMEOUT:g} s: {_tail(folder)}")


def _tail(folder: Path) -> str:
    for name in ("virtuoso.log", "stdout.log"):
        path = folder / name
        if path.exists():
            lines = path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
            if lines:
                return lines[-1]
    return "(no log)"


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory) -> Iterator[VirtuosoServer]:
    """A fresh Virtuoso for the session; fails in CI and skips elsewhere when it is not installed."""
    if shutil.which("virtuoso-t") is None or not TEMPLATE_INI.is_file():
        missing("Virtuoso is not installed (apt-get install virtuoso-opensource)")
    server = start(tmp_path_factory.mktemp("virtuoso"))
    try:
        yield server
    finally:
        server.stop()
