"""Which requests the app answers: those addressed to it, and for ``/sparql`` none a page of another site sends.

DNS rebinding: a page of ``evil.example`` can make its own name resolve to
127.0.0.1 and then read from ``http://evil.example:PORT/`` whatever the
server on that port answers, as if same-origin. The browser still sends
``Host: evil.example:PORT``, so the app answers only requests whose ``Host``
is the address it listens on: the bound name or IP and port, and for a
loopback address also ``localhost``, ``127.0.0.1`` and ``[::1]``; for every
interface (``0.0.0.0``, ``::``) any IP address, this machine's names and the
names the user allows.

Cross-site requests: no answer carries ``Access-Control-Allow-*`` headers, so
no other site can read one; but a page can still *send* a simple request
(a form POST, an image URL). ``/sparql`` refuses requests whose ``Origin`` is
not this server, or whose ``Sec-Fetch-Site`` says another site sent them.

>>> guard = HostGuard.listening("127.0.0.1", 8000)
>>> [guard.allows(h) for h in ("127.0.0.1:8000", "LOCALHOST:8000", "[::1]:8000", "evil.example:8000",
...                            "127.0.0.1:9000", "127.0.0.1", None)]
[True, True, True, False, False, False, False]
>>> guard.same_site({"HTTP_ORIGIN": "http://localhost:8000"}), guard.same_site({"HTTP_ORIGIN": "https://evil.example"})
(True, False)
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
_WILDCARDS = ("", "0.0.0.0", "::")
_HOST = re.compile(r"(\[[0-9A-Fa-f:.]+\]|[^\[\]:/@\s]+)(?::([1-9]\d{0,4}))?")  # a port as browsers write it
_ORIGIN = re.compile(r"http://([^/?#\s]+)")


@dataclass(frozen=True, slots=True)
class HostGuard:
    """The ``Host`` values a server listening on one address answers."""

    port: int
    names: frozenset[str]  # lower case; IPv6 addresses in brackets
    any_ip: bool = False  # listening on every interface: any IP address names this server

    @classmethod
    def listening(cls, host: str, port: int, extra: Iterable[str] = ()) -> HostGuard:
        """The guard of a server bound to ``host``:``port``; ``extra`` are more names it goes by.

        >>> sorted(HostGuard.listening("::1", 80).names)
        ['127.0.0.1', '[::1]', 'localhost']
        >>> guard = HostGuard.listening("0.0.0.0", 8000, ["kg.lan"])
        >>> guard.allows("192.168.1.20:8000"), guard.allows("kg.lan:8000"), guard.allows("evil.example:8000")
        (True, True, False)
        """
        names = {_bracketed(host.lower())} | {_bracketed(n.strip().lower()) for n in extra if n.strip()}
        if _is_loopback(host):
            names.update(LOOPBACK_NAMES)
        wildcard = host in _WILDCARDS
        if wildcard:
            names.update(LOOPBACK_NAMES)
            names.update(n.lower() for n in {socket.gethostname(), socket.getfqdn()} if n)
        names.discard("")
        return cls(port, frozenset(names), wildcard)

    def allows(self, host: str | None) -> bool:
        """Whether a request with this ``Host`` header is addressed to this server (no port: port 80)."""
        m = _HOST.fullmatch((host or "").strip())
        if not m:
            return False
        name, port = m.group(1).lower(), int(m.group(2) or 80)
        if port != self.port:
            return False
        return name in self.names or (self.any_ip and _is_ip(name))

    def same_site(self, environ: Mapping[str, Any]) -> bool:
        """Whether a request was not sent by a page of another site (or another server of this machine)."""
        origin = environ.get("HTTP_ORIGIN")
        if origin is not None:
            m = _ORIGIN.fullmatch(origin.strip())
            if not m or not self.allows(m.group(1)):
                return False
        return environ.get("HTTP_SEC_FETCH_SITE", "same-origin").lower() in ("same-origin", "none")


def _bracketed(name: str) -> str:
    """IPv6 addresses as a Host header writes them: in brackets."""
    return f"[{name}]" if ":" in name and not name.startswith("[") else name


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return False
    return True


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
