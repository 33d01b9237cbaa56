"""The HTTP server of ``govkg serve``: wsgiref's, one thread per connection, and a deadline for every connection.

A connection's whole request (request line, headers and body) must arrive
within ``request_timeout`` seconds of its acceptance, however it arrives: a
client that sends its headers and a ``Content-Length`` and then stops, or
trickles a byte now and then, or never ends its headers, holds a server
thread no longer than that. A body that does not arrive in time is the
application's to answer (``/sparql`` answers 408: it reads the body and gets
:class:`TimeoutError`); a request line or headers that do not, end the
connection with a line in the log. Each write of an answer may block at most
``request_timeout`` seconds too (a client that does not read), then the
connection is closed. wsgiref answers one request per connection (HTTP/1.0),
so the deadline is the connection's.
"""

from __future__ import annotations

import io
import logging
import socket
import sys
import time
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref import simple_server
from wsgiref.simple_server import ServerHandler, WSGIRequestHandler, WSGIServer

log = logging.getLogger(__name__)

REQUEST_TIMEOUT = 30.0
"""Seconds a client has to send its whole request, and that each write of an answer may block."""


def make_server(host: str, port: int, app: Any, *, request_timeout: float = REQUEST_TIMEOUT) -> WSGIServer:
    """A threading WSGI server of ``app`` on ``host``:``port`` whose connections have ``request_timeout``."""
    server = simple_server.make_server(host, port, app, server_class=_Server, handler_class=_Handler)
    server.request_timeout = request_timeout  # type: ignore[attr-defined]
    return server


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    request_timeout = REQUEST_TIMEOUT


class _Handler(WSGIRequestHandler):
    """wsgiref's handler of one request, with the connection's deadline (see the module notes)."""

    def setup(self) -> None:
        self.timeout = self.server.request_timeout  # type: ignore[attr-defined]  # each send: at most this long
        super().setup()
        self.rfile.close()  # closing the reader leaves the socket open
        self.rfile = io.BufferedReader(_DeadlineReader(self.connection, time.monotonic() + self.timeout,
                                                       self.timeout))

    def get_environ(self) -> dict[str, Any]:
        environ = super().get_environ()
        environ["govkg.request_timeout"] = self.timeout
        return environ

    def handle(self) -> None:
        """wsgiref's ``handle`` (one request per connection), with a handler that logs timeouts in one line."""
        try:
            self.raw_requestline = self.rfile.readline(65537)
            if len(self.raw_requestline) > 65536:
                self.requestline = self.request_version = self.command = ""
                self.send_error(414)
                return
            if not self.parse_request():  # an error answer was sent
                return
            handler = _ServerHandler(self.rfile, self.wfile, self.get_stderr(), self.get_environ(),
                                     multithread=False)
            handler.request_handler = self
            handler.run(self.server.get_app())  # type: ignore[attr-defined]
        except TimeoutError:
            log.info("%s: the request did not arrive within %g s; connection closed",
                     self.address_string(), self.timeout)
            self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        log.info("%s %s", self.address_string(), format % args)


class _ServerHandler(ServerHandler):
    def handle_error(self) -> None:
        if isinstance(sys.exc_info()[1], TimeoutError):  # the client stopped reading the answer
            log.info("an answer could not be sent in time; connection closed")
            self.close()
            return
        super().handle_error()


class _DeadlineReader(io.RawIOBase):
    """A socket's input that raises :class:`TimeoutError` once ``deadline`` (``time.monotonic``) has passed;
    the socket's timeout is ``write_timeout`` between reads."""

    def __init__(self, sock: socket.socket, deadline: float, write_timeout: float) -> None:
        self._sock, self._deadline, self._write_timeout = sock, deadline, write_timeout

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        remaining = self._deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("the request did not arrive in time")
        self._sock.settimeout(remaining)
        try:
            return self._sock.recv_into(buffer)
        finally:
            self._sock.settimeout(self._write_timeout)
