"""Property-based fuzzing of the endpoint's defences: SERVICE refusal and the Host header check.

Queries are assembled from SERVICE clauses in every form Oxigraph runs (any case, SILENT, IRIs written out,
prefixed, relative to a BASE, escaped), nested in other patterns, and from the same letters where they are no
keyword (strings, long strings, comments, IRIs, variable and prefix names). Run with SERVICE refused, no query
may reach a local listener; run with SERVICE allowed, a query that reaches it must have been refused.
"""

from __future__ import annotations

import pytest
from hypothesis import event, example, given
from hypothesis import strategies as st
from rdflib import Dataset, Literal, URIRef

from govkg.query import QueryError, ServiceRefused, run_query
from govkg.serve.guard import HostGuard
from tests.fuzz.strategies import fuzz
from tests.listener import listening


@pytest.fixture(scope="module")
def listener():
    with listening() as server:
        yield server


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from govkg.graph.store import close_store, open_store, write_store

    ds = Dataset()
    ds.graph(URIRef("https://example.org/doc")).add(
        (URIRef("https://example.org/a"), URIRef("https://example.org/service"), Literal("SERVICE")))
    folder = tmp_path_factory.mktemp("fuzz-endpoint") / "store"
    write_store(ds, folder)
    ds = open_store(folder)
    try:
        yield ds
    finally:
        close_store(ds)


PROLOGUE = ("BASE <http://127.0.0.1:PORT/>\nPREFIX l: <http://127.0.0.1:PORT/>\n"
            "PREFIX svc: <https://example.org/service#>\n")


@st.composite
def service_clause(draw) -> str:
    keyword = "".join(c.upper() if draw(st.booleans()) else c for c in "service")
    silent = draw(st.sampled_from(["", " SILENT", " silent"]))
    target = draw(st.sampled_from([
        "<http://127.0.0.1:PORT/sparql>", "l:sparql", "<sparql>", "<\\u0068ttp://127.0.0.1:PORT/sparql>",
        "<http://localhost:PORT/sparql>"]))
    space = draw(st.sampled_from([" ", "\n", "\t", "", " # note\n"]))
    return f"{keyword}{silent}{space}{target}{space}{{ ?x ?y ?z }}"


@st.composite
def decoy(draw) -> str:
    """The letters of SERVICE where they are no keyword."""
    return draw(st.sampled_from([
        '?s ?p "SERVICE <http://127.0.0.1:9/> { }" .', "?s ?p '''\nSERVICE <x> {\n}''' .", "# SERVICE <x> {}\n",
        "?service ?p ?o .", "?s <https://example.org/service> ?o .", "?s svc:SERVICE ?o .", "?s ?p 'service' .",
        "BIND(\"service\" AS ?servicex)", "FILTER(CONTAINS(STR(?o), \"SERVICE\"))", "?s ?p ?o .", "",
    ]))


@st.composite
def hostile_query(draw) -> str:
    """A query whose SERVICE clauses (if any) call 127.0.0.1:PORT (the listener's port, put in by the test)."""
    parts = draw(st.lists(st.one_of(decoy(), service_clause()), min_size=1, max_size=4))
    wrap = draw(st.sampled_from(["{}", "OPTIONAL {{ {} }}", "FILTER EXISTS {{ {} }}", "{{ {} }} UNION {{ ?s ?p ?o }}",
                                 "MINUS {{ {} }}", "{{ SELECT * WHERE {{ {} }} }}", "GRAPH ?g {{ {} }}"]))
    form = draw(st.sampled_from(["SELECT * WHERE {{ {} }}", "ASK {{ {} }}", "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {} }}",
                                 "select * {{ {} }}"]))
    return PROLOGUE + form.format(wrap.format(" ".join(parts)))


def _run(store, query: str, allow: bool):
    try:
        return run_query(store, query, allow_service=allow)
    except ServiceRefused:
        return "refused"
    except QueryError:
        return "error"


@fuzz(150)
@given(template=hostile_query())
@example(template=PROLOGUE + "SELECT * WHERE { servicel:sparql{ ?x ?y ?z } }")  # was "malformed", not refused
def test_no_query_reaches_another_server_when_service_is_refused(store, listener, template: str) -> None:
    query = template.replace("PORT", str(listener.server_port))
    before = len(listener.requests)
    outcome = _run(store, query, allow=False)
    assert len(listener.requests) == before, query
    _run(store, query, allow=True)
    reached = len(listener.requests) > before
    if outcome != "refused":  # what was not refused as SERVICE sends no request even when SERVICE is allowed
        assert not reached, query
    event(f"{outcome if isinstance(outcome, str) else 'answered'}; with SERVICE allowed, "
          f"{'reaches' if reached else 'does not reach'} the listener")


HOSTS = st.one_of(
    st.text(max_size=30),
    st.builds("{}{}{}".format, st.sampled_from(["127.0.0.1", "localhost", "[::1]", "LocalHost", "evil.example",
                                                "127.0.0.2", "0x7f000001", "[::ffff:127.0.0.1]", "", " "]),
              st.sampled_from([":8000", ":80", "", ":08000", ":8000 ", ":8000:8000", "@evil", ".:8000", ":99999"]),
              st.sampled_from(["", " ", "\t", "/", "#", "\r\n"])))


@fuzz(300)
@given(host=HOSTS)
@example(host="127.0.0.1:08000")  # was taken: the port read as a number
def test_the_host_check_takes_exactly_the_listening_address(host: str) -> None:
    guard = HostGuard.listening("127.0.0.1", 8000)
    allowed = {f"{name}:8000" for name in ("127.0.0.1", "localhost", "[::1]")}
    assert guard.allows(host) == (host.strip().lower() in allowed)
