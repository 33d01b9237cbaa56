"""Shared fixtures: documents and extractor contexts built from inline text."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from govkg.extractors.base import Context, Resources
from govkg.text.document import make_document, sentences_of
from govkg.text.script import ScriptFolder

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_out(tmp_path_factory) -> Path:
    """The build folder of ``seeds/`` (the real pipeline, one process): graph.trig, graph.ttl, graph.html."""
    from govkg.pipeline import build

    out = tmp_path_factory.mktemp("seeds-build") / "out"
    result = build([SEEDS], out)
    assert result.documents == 5 and not result.errors
    return out


@pytest.fixture(scope="session")
def resources() -> Resources:
    return Resources()


@pytest.fixture(scope="session")
def folder() -> ScriptFolder:
    return ScriptFolder()


@pytest.fixture
def make_context(resources, folder):
    """``make_context(text, title=None)`` -> a Context over ``text`` (an optional title line first)."""

    def _make(text: str, title: str | None = None) -> Context:
        if title:
            text = title + "\n" + text
        doc = make_document(text, path="inline.txt", doc_id="inline", folder=folder)
        return Context(doc=doc, sentences=sentences_of(doc), resources=resources)

    return _make


@pytest.fixture(scope="session")
def serving():
    """``with serving(graph, timeout, **options) as url``: govkg serve of ``graph`` on a free local port, in a thread."""
    return _serving


@pytest.fixture(scope="session")
def serving_app():
    """``with serving_app(graph, timeout, **options) as (url, app)``: :func:`serving` and its Explorer."""
    return _serving_app


@contextlib.contextmanager
def _serving(graph: Path, timeout: float, **options) -> Iterator[str]:
    """``govkg serve`` of ``graph`` on a free local port in a thread: its base URL, stopped on exit.

    ``options`` go to :class:`govkg.serve.app.Explorer` (``allow_service``, ``max_rows``, ``allowed_hosts``,
    ``workers``), but ``request_timeout`` to :func:`govkg.serve.app.make_app_server`.
    """
    with _serving_app(graph, timeout, **options) as (url, _):
        yield url


@contextlib.contextmanager
def _serving_app(graph: Path, timeout: float, *, request_timeout: float | None = None, **options):
    from govkg.serve.app import Explorer, make_app_server
    from govkg.serve.httpd import REQUEST_TIMEOUT

    app = Explorer(graph, timeout=timeout, **options)
    server = make_app_server(app, "127.0.0.1", 0, request_timeout=request_timeout or REQUEST_TIMEOUT)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", app
    finally:
        server.shutdown()
        server.server_close()
        app.close()
