"""A persistent on-disk graph store (Oxigraph): one named graph per document and the merged graph.

Layout of a store folder ``DIR``::

    DIR/GOVKG_STORE      marker: this folder is a govkg store (engine and format version)
    DIR/oxigraph/        the Oxigraph (RocksDB) database: a named graph per document, and
                         as default graph their union (each triple once: the build's graph.ttl)

Writing a build replaces the named graph of each document it holds, keeps the
others and writes the union again, so building the same inputs twice gives
the same store (:class:`govkg.graph.buildstore.BuildStore` writes the same layout).

Reading: :func:`open_store` opens the database read-only, and queries run on
it where it lies, so a store may be bigger than memory; their default graph
is the stored union (RocksDB keeps separate indexes for the default graph, so
patterns over it do not wade through the document graphs). A store written
before the union was kept falls back to Oxigraph's on-the-fly union.

A build folder or an RDF file is parsed into memory by :func:`load_memory_store`:
a build folder's ``graph.ttl`` (the union) becomes the default graph, and its
document graphs (``graph.trig``) are loaded only when asked for, because
Oxigraph's in-memory indexes do not separate the default graph: with named
graphs beside it every pattern over the union slows down by the number of
documents that state it.

>>> import tempfile
>>> from rdflib import Dataset, Literal, URIRef
>>> ds = Dataset()
>>> _ = ds.graph(URIRef("https://example.org/doc/1")).add(
...     (URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal("沿滩区")))
>>> folder = tempfile.mkdtemp() + "/store"
>>> write_store(ds, folder)
1
>>> write_store(ds, folder)  # idempotent
1
>>> store = open_store(folder)
>>> [str(row[0]) for row in store.query("SELECT ?o WHERE { ?s ?p ?o }")]
['沿滩区']
>>> close_store(store)
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.query import Result
from rdflib.term import Node, Variable

from govkg.errors import InputError, OutputError
from govkg.graph.rdf import bind_prefixes

MARKER = "GOVKG_STORE"
DATABASE = "oxigraph"
FORMAT = "govkg store 2 (oxigraph; one named graph per document, their union as default graph)"
_COUNT_NAMED = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
_UNION = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def is_store(path: Path | str) -> bool:
    """Whether ``path`` is a store folder written by :func:`write_store`.

    >>> is_store("/nonexistent")
    False
    """
    path = Path(path)
    return (path / MARKER).is_file() and (path / DATABASE).is_dir()


def write_store(dataset: Dataset, path: Path | str) -> int:
    """Put every named graph of ``dataset`` into the store at ``path``; return its number of named-graph quads.

    The folder is created when missing (it may already hold other files, e.g. a
    build's ``graph.trig``). Each named graph replaces the graph of the same
    name in the store, others stay, and the default graph becomes their union.
    Raises :class:`OutputError` when the store cannot be written or
    ``dataset`` has triples outside named graphs.
    """
    path = Path(path)
    _check_writable(path)
    names: set[Node] = set()
    quads = []
    convert = _Converter()
    for s, p, o, g in dataset.quads((None, None, None, None)):
        if g is None or g == DATASET_DEFAULT_GRAPH_ID:
            raise OutputError(f"{path}: the dataset has triples outside named graphs; a store keeps named graphs only")
        names.add(g)
        quads.append(convert.quad(s, p, o, g))
    store = open_for_writing(path)
    try:
        for g in sorted(names, key=str):
            name = convert(g)
            if store.contains_named_graph(name):
                store.remove_graph(name)
        # bulk_extend is not transactional: a crash midway leaves part of the
        # new graphs; writing the same build again repairs it.
        store.bulk_extend(quads)
        unite(store)
        store.flush()
        count = int(next(iter(store.query(_COUNT_NAMED)))[0].value)
        del store  # release the database lock now, not at garbage collection
    except OSError as exc:
        raise OutputError(f"{path}: cannot write the store ({_first_line(exc)})") from None
    return count


LOAD_BYTES = 16_000_000
"""Graph text bulk-loaded at a time (graph.ttl here, document graphs in :mod:`govkg.graph.buildstore`): big
enough to be fast, small enough to keep memory low."""


def unite(store, union: Path | None = None) -> None:
    """Make the default graph of ``store`` (a ``pyoxigraph.Store``) the union of its named graphs.

    ``union`` is a build's ``graph.ttl``, which holds that union already: it
    is loaded (a piece at a time) instead of computing the union again.
    """
    ox = _pyoxigraph()
    store.clear_graph(ox.DefaultGraph())
    if union is None:
        store.update(_UNION)
        return
    for chunk in _turtle_chunks(union, LOAD_BYTES):
        store.bulk_load(chunk, format=ox.RdfFormat.TURTLE, to_graph=ox.DefaultGraph())


def _turtle_chunks(path: Path, size: int):
    """``path`` (a Turtle file of ours: prefixes, then subject blocks ending in `` .`` lines) in pieces of about
    ``size`` bytes, each a Turtle document of whole subject blocks."""
    from govkg.graph.turtle import PREFIX_HEADER

    head = PREFIX_HEADER.encode("utf-8")
    with open(path, "rb") as fh:
        buf: list[bytes] = []
        total = 0
        for line in fh:
            if line.startswith(b"@prefix "):
                continue
            buf.append(line)
            total += len(line)
            # a literal never holds a raw line break, so a line ending in " ." ends a subject block
            if total >= size and line.endswith(b" .\n"):
                yield head + b"".join(buf)
                buf, total = [], 0
        if buf:
            yield head + b"".join(buf)


def open_for_writing(path: Path | str):
    """The Oxigraph store of the govkg store folder ``path``, created when missing (a ``pyoxigraph.Store``).

    Raises :class:`OutputError` when ``path`` cannot hold a store or it cannot be opened.
    """
    ox = _pyoxigraph()
    path = Path(path)
    _check_writable(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
        (path / MARKER).write_text(FORMAT + "\n", encoding="utf-8")
        return ox.Store(str(path / DATABASE))
    except OSError as exc:
        raise OutputError(f"{path}: cannot open the store ({_first_line(exc)})") from None


def _check_writable(path: Path) -> None:
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path}: not a folder; cannot hold a store")
    if (path / DATABASE).exists() and not is_store(path):
        raise OutputError(f"{path}: holds an {DATABASE}/ folder that is not a govkg store; not touching it")


def open_store(path: Path | str, *, in_memory: bool = False) -> Dataset:
    """The store at ``path`` as an rdflib ``Dataset``; ``Dataset.query`` runs in Oxigraph.

    By default the database is opened read-only where it lies, and queries
    see the union of the document graphs as their default graph (the stored
    one, or for a store written without it, Oxigraph's on-the-fly union, which
    repeats a triple once per document: use ``DISTINCT``). With ``in_memory``
    the store is copied into memory. Call :func:`close_store` when done.
    Raises :class:`InputError` when ``path`` is not a readable store.
    """
    ox = _pyoxigraph()
    path = Path(path)
    if not is_store(path):
        raise InputError(path, "not a govkg store (no GOVKG_STORE marker); write one with `govkg build ... --store DIR`")
    try:
        inner = ox.Store.read_only(str(path / DATABASE))
        united = _has_default_graph(inner)
        if not in_memory:
            return _dataset(inner, union=not united)
        data = inner.dump(format=ox.RdfFormat.N_QUADS)
        del inner
        memory = ox.Store()
        memory.load(data, format=ox.RdfFormat.N_QUADS)
    except OSError as exc:
        raise InputError(path, f"cannot open the store ({_first_line(exc)})") from None
    if not united:
        memory.update(_UNION)
    return _dataset(memory)


def _has_default_graph(store) -> bool:
    return bool(store.query("ASK { ?s ?p ?o }"))


def load_memory_store(path: Path | str, *, named_graphs: bool = True) -> Dataset:
    """A build folder or an RDF file, parsed into an in-memory Oxigraph store.

    Shaped like an on-disk store: the default graph holds the union of the
    named graphs (and a file's own default-graph triples). For a build folder,
    that union is its ``graph.ttl`` and the document graphs come from
    ``graph.trig`` only with ``named_graphs`` (see the module notes on speed).
    Formats Oxigraph reads (TriG, N-Quads, Turtle, N-Triples, N3, RDF/XML,
    JSON-LD, by file extension) are parsed natively; any other goes through
    :func:`govkg.graph.load.load_graph`. Raises :class:`InputError`.
    """
    ox = _pyoxigraph()
    path = Path(path)
    inner = ox.Store()
    if path.is_dir():
        merged, trig = path / "graph.ttl", path / "graph.trig"
        if merged.is_file() and trig.is_file():  # written by a build: parsed without checking every IRI again
            _load(inner, merged, ox.RdfFormat.TURTLE, lenient=True)
            if named_graphs:
                _load(inner, trig, ox.RdfFormat.TRIG, lenient=True)
            return _dataset(inner)
        path = trig
    if not path.is_file():
        raise InputError(path, "no such graph file (give a store folder, a build output folder or an RDF file)")
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".").lower()) if path.suffix else None
    if fmt is None:
        from govkg.graph.load import load_graph

        convert = _Converter()
        inner.extend(convert.quad(*q) for q in load_graph(path).quads((None, None, None, None)))
    else:
        _load(inner, path, fmt)
    inner.update(_UNION)
    return _dataset(inner)


def _load(store, path: Path, fmt, lenient: bool = False) -> None:
    try:
        store.load(path=str(path), format=fmt, lenient=lenient)
    except SyntaxError as exc:
        raise InputError(path, f"not valid {fmt.name}: {_first_line(exc.msg or exc)}") from None
    except (OSError, ValueError) as exc:
        raise InputError(path, f"cannot read ({_first_line(exc)})") from None


def uses_named_graphs(query: str) -> bool:
    """Whether SPARQL ``query`` names graphs (``GRAPH``, ``FROM NAMED``), so the document graphs must be loaded.

    >>> uses_named_graphs("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"), uses_named_graphs("SELECT * { ?s ?p ?o }")
    (True, False)
    """
    return bool(_NAMES_GRAPHS.search(query))


_NAMES_GRAPHS = re.compile(r"\bGRAPH\b|\bFROM\s+NAMED\b", re.IGNORECASE)


def close_store(dataset: Dataset) -> None:
    """Release a store opened with :func:`open_store` (a no-op for other datasets)."""
    from oxrdflib import OxigraphStore

    if isinstance(dataset.store, OxigraphStore) and getattr(dataset.store, "_store", None) is not None:
        dataset.store.close()


def named_quads(dataset: Dataset) -> list[tuple[Node, Node, Node, Node]]:
    """The quads of ``dataset``'s named graphs (the documents), sorted; the default graph is left out.

    For a store this is its content without the union copy.
    """
    quads = [(s, p, o, g) for s, p, o, g in dataset.quads((None, None, None, None))
             if g is not None and g != DATASET_DEFAULT_GRAPH_ID]
    return sorted(quads, key=lambda q: tuple(map(str, q)))


def _dataset(inner, union: bool = False) -> Dataset:
    ds = Dataset(store=_store_type()(store=inner), default_union=union)
    bind_prefixes(ds)
    return ds


@lru_cache(maxsize=1)
def _store_type() -> type:
    """oxrdflib's store, whose answers over the default graph make each distinct term once.

    oxrdflib makes an rdflib term for every cell, and a thousand rows repeat
    a few labels and documents: that was an eighth of the ``evidence`` query
    on a store. Queries on a named graph, or already parsed, go to oxrdflib.
    """
    from oxrdflib import OxigraphStore

    class QueryStore(OxigraphStore):
        def query(self, query, initNs, initBindings, queryGraph, **kwargs):  # rdflib's parameter names
            ox = _pyoxigraph()
            if kwargs or not isinstance(query, str) or queryGraph not in ("__UNION__", DATASET_DEFAULT_GRAPH_ID):
                return super().query(query, initNs, initBindings, queryGraph, **kwargs)
            prefixes = {p: str(ns) for p, ns in [*self.namespaces(), *initNs.items()]}
            to_ox = _Converter()
            answer = self._inner.query(query, use_default_graph_as_union=queryGraph == "__UNION__", prefixes=prefixes,
                                       substitutions={ox.Variable(str(k)): to_ox(v) for k, v in initBindings.items()})
            terms = _RdfTerms()
            if isinstance(answer, ox.QueryBoolean):
                out = Result("ASK")
                out.askAnswer = bool(answer)
            elif isinstance(answer, ox.QuerySolutions):
                out = Result("SELECT")
                out.vars = [Variable(v.value) for v in answer.variables]
                out.bindings = ({v: terms(t) for v, t in zip(out.vars, row) if t is not None} for row in answer)
            else:
                out = Result("CONSTRUCT")
                out.graph = Graph()
                out.graph += ((terms(t.subject), terms(t.predicate), terms(t.object)) for t in answer)
            return out

    return QueryStore


class _Terms:
    """A conversion of RDF terms between rdflib and Oxigraph, each distinct term converted once."""

    def __init__(self) -> None:
        self.ox = _pyoxigraph()
        self.cache: dict[object, object] = {}

    def __call__(self, term):
        try:
            return self.cache[term]
        except KeyError:
            out = self.cache[term] = self._convert(term)
            return out

    def _convert(self, term):
        raise NotImplementedError


class _RdfTerms(_Terms):
    """Oxigraph terms to rdflib terms, each distinct term converted once.

    >>> import pyoxigraph as ox
    >>> terms = _RdfTerms()
    >>> terms(ox.Literal("沿滩区", language="zh")), terms(ox.NamedNode("https://example.org/a"))
    (rdflib.term.Literal('沿滩区', lang='zh'), rdflib.term.URIRef('https://example.org/a'))
    >>> terms(ox.Literal("1", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))).toPython()
    1
    """

    def _convert(self, term) -> Node:
        ox = self.ox
        if isinstance(term, ox.NamedNode):
            return URIRef(term.value)
        if isinstance(term, ox.BlankNode):
            return BNode(term.value)
        if isinstance(term, ox.Literal):
            if term.language:
                return Literal(term.value, lang=term.language)
            return Literal(term.value, datatype=URIRef(term.datatype.value))
        return self(term.subject), self(term.predicate), self(term.object)  # a quoted triple (RDF-star)


class _Converter(_Terms):
    """rdflib terms to Oxigraph terms, each distinct term converted once."""

    def quad(self, s: Node, p: Node, o: Node, g: Node | None):
        graph = self.ox.DefaultGraph() if g is None or g == DATASET_DEFAULT_GRAPH_ID else self(g)
        return self.ox.Quad(self(s), self(p), self(o), graph)

    def _convert(self, term: Node):
        ox = self.ox
        if isinstance(term, URIRef):
            return ox.NamedNode(str(term))
        if isinstance(term, BNode):
            return ox.BlankNode(str(term))
        if isinstance(term, Literal):
            if term.language:
                return ox.Literal(str(term), language=term.language)
            if term.datatype:
                return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
            return ox.Literal(str(term))
        raise OutputError(f"cannot store RDF term {term!r}")


def _pyoxigraph():
    try:
        import pyoxigraph
    except ImportError:  # pragma: no cover - a declared dependency
        raise OutputError("the graph store needs pyoxigraph: pip install pyoxigraph oxrdflib") from None
    return pyoxigraph


def _first_line(exc: object) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__
