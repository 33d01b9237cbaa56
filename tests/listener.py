"""Another server the machine can reach, as the SERVICE tests need it: a local HTTP server that answers every
request with one SPARQL result row and records it. ``with listening() as server``: ``server.requests`` lists
(method, path) of what reached it, ``server.url`` is its /sparql address."""

from __future__ import annotations

import contextlib
import http.server
import json
import threading
from collections.abc import Iterator

ROW = "从内网取回的数据"
"""The value of the one row it answers."""


class _Recorder(http.server.BaseHTTPRequestHandler):
    def _answer(self) -> None:
        self.server.requests.append((self.command, self.path))
        body = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": [
            {"x": {"type": "literal", "value": ROW}}]}}).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@contextlib.contextmanager
def listening() -> Iterator[http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    server.requests = []
    server.url = f"http://127.0.0.1:{server.server_port}/sparql"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
