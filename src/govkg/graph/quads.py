"""Reading a graph as a stream of quads, the fast way: pyoxigraph's parser or the Oxigraph store, never rdflib.

:class:`GraphSource` names a graph to read, as ``govkg export`` and ``govkg
validate`` are given it: a build folder (its ``graph.trig``, one named graph
per document, and ``graph.ttl``, the merged graph), a store folder (written
with ``govkg build --store``), an RDF file, or an rdflib graph already in
memory. :meth:`GraphSource.quads` streams its quads (``pyoxigraph.Quad``; a
build folder or file is parsed as it is read, nothing is kept), as many times
as asked; :meth:`GraphSource.triples` streams the merged graph, each triple once.

``min_confidence`` leaves out the entities the learned decision is less sure
of, with what hangs on them, exactly as :func:`govkg.graph.confidence.without_unsure`
does on an rdflib graph (tested against it).

>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph()
>>> _ = g.add((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal("沿滩区")))
>>> [q.object.value for q in GraphSource.of(g).quads()]
['沿滩区']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govkg.errors import InputError
from govkg.ontology.namespaces import GOVKG

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_CONFIDENCE = str(GOVKG.confidence)
_MENTION_OF = str(GOVKG.mentionOf)
_ABOUT = str(GOVKG.about)
_SENTENCE = str(GOVKG.Sentence)
_ENDS = (_RDF + "subject", _RDF + "object")
_UNION = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def _ox():
    import pyoxigraph

    return pyoxigraph


@dataclass(frozen=True)
class GraphSource:
    """A graph to read: ``path`` (build folder, store folder or RDF file) or ``graph`` (an rdflib graph).

    Build a source with :meth:`of`; it checks the path and picks how to read it (``kind``).
    """

    kind: str  # "build", "store", "file" or "rdflib"
    path: Path | None = None
    graph: Any = None
    fmt: Any = None  # the pyoxigraph.RdfFormat of a file
    min_confidence: float = 0.0

    @classmethod
    def of(cls, graph: Any, min_confidence: float = 0.0) -> GraphSource:
        """The source of ``graph``: a path (a build folder, a store folder or an RDF file) or an rdflib graph.

        Raises :class:`InputError` when a path is none of those.
        """
        if isinstance(graph, GraphSource):
            return graph if not min_confidence else cls(graph.kind, graph.path, graph.graph, graph.fmt, min_confidence)
        if not isinstance(graph, (str, Path)):
            return cls("rdflib", graph=graph, min_confidence=min_confidence)
        from govkg.graph.store import DATABASE, is_store

        path = Path(graph)
        if path.is_dir():
            if (path / "graph.trig").is_file():
                return cls("build", path, fmt=_ox().RdfFormat.TRIG, min_confidence=min_confidence)
            if is_store(path):
                return cls("store", path / DATABASE, min_confidence=min_confidence)
            path = path / "graph.trig"
        if not path.is_file():
            raise InputError(path, "no such graph file (give a build output folder, a store folder or an RDF file)")
        fmt = _ox().RdfFormat.from_extension(path.suffix.lstrip(".").lower()) if path.suffix else None
        if fmt is None:  # a format only rdflib reads
            from govkg.graph.load import load_graph

            return cls("rdflib", path, graph=load_graph(path), min_confidence=min_confidence)
        return cls("file", path, fmt=fmt, min_confidence=min_confidence)

    @property
    def merged_file(self) -> Path | None:
        """A build folder's ``graph.ttl`` (its merged graph, each triple once), when it is there."""
        if self.kind == "build" and (self.path / "graph.ttl").is_file():
            return self.path / "graph.ttl"
        return None

    @property
    def verbatim(self) -> bool:
        """Whether the build folder's own files are the graph as asked (nothing left out)."""
        return self.kind == "build" and self.min_confidence <= 0

    def quads(self) -> Iterator[Any]:
        """Every quad, in the order of the file (a store: of its indexes); a store's merged copy is left out."""
        quads = self._raw_quads()
        if self.min_confidence > 0:
            quads = without_unsure_quads(self._raw_quads, self.min_confidence)
        return quads

    def triples(self) -> Iterator[Any]:
        """The merged graph: every triple of every graph once (``pyoxigraph.Triple``).

        A build folder's merged graph is its ``graph.ttl`` (where an entity's confidence is the highest any
        document gives it); otherwise the union of the graphs, made in an in-memory Oxigraph store.
        """
        if self.verbatim and self.merged_file is not None:
            yield from (q.triple for q in _parse(self.merged_file, _ox().RdfFormat.TURTLE, lenient=True))
            return
        ox = _ox()
        store = ox.Store()
        store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode("urn:x-govkg:all"))
                          if isinstance(q.graph_name, ox.DefaultGraph) else q for q in self.quads())
        yield from store.query(_UNION)

    def _raw_quads(self) -> Iterator[Any]:
        ox = _ox()
        if self.kind in ("build", "file"):
            if self.kind == "file":
                return _parse(self.path, self.fmt)
            return _parse(self.path / "graph.trig", self.fmt, lenient=True)
        if self.kind == "store":
            return _store_quads(self.path)
        from govkg.graph.store import _Converter

        convert = _Converter()
        graph = self.graph
        if hasattr(graph, "quads"):
            from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

            return (convert.quad(s, p, o, None if g == DATASET_DEFAULT_GRAPH_ID else getattr(g, "identifier", g))
                    for s, p, o, g in graph.quads((None, None, None, None)))
        return (ox.Quad(convert(s), convert(p), convert(o)) for s, p, o in graph)


def _parse(path: Path, fmt: Any, lenient: bool = False) -> Iterator[Any]:
    """The quads of the file ``path``, parsed as they are read; a syntax error is an :class:`InputError`.

    ``lenient`` (for a build's own files, checked when written) skips checking every IRI again.
    """
    ox = _ox()
    try:
        yield from ox.parse(path=str(path), format=fmt, lenient=lenient)
    except SyntaxError as exc:
        raise InputError(path, f"not valid {fmt.name}: {_first_line(exc.msg or exc)}") from None
    except (OSError, ValueError) as exc:
        raise InputError(path, f"cannot read ({_first_line(exc)})") from None


def _store_quads(database: Path) -> Iterator[Any]:
    ox = _ox()
    try:
        store = ox.Store.read_only(str(database))
    except OSError as exc:
        raise InputError(database.parent, f"cannot open the store ({_first_line(exc)})") from None
    for name in sorted(store.named_graphs(), key=lambda g: g.value):
        yield from store.quads_for_pattern(None, None, None, name)


def without_unsure_quads(quads: Any, threshold: float) -> Iterator[Any]:
    """The quads of ``quads()`` (called twice) without the entities whose highest confidence is below ``threshold``.

    As :func:`govkg.graph.confidence.without_unsure`: in each graph, an entity goes with the mentions naming it
    and the reified statements it is an end of (every quad they are subject or object of), then every sentence
    typed ``govkg:Sentence`` that is no longer ``govkg:about`` anything.
    """
    best: dict[Any, float] = {}
    for q in quads():
        if q.predicate.value == _CONFIDENCE:
            best[q.subject] = max(best.get(q.subject, 0.0), float(q.object.value))
    drop = {s for s, c in best.items() if c < threshold}
    if not drop:
        yield from quads()
        return
    graphs: dict[Any, list[Any]] = defaultdict(list)
    for q in quads():
        graphs[q.graph_name].append(q)
    for name in graphs:
        yield from _without(graphs[name], drop)


def _without(quads: list[Any], drop: set[Any]) -> Iterable[Any]:
    gone = set(drop)
    for q in quads:
        p = q.predicate.value
        if (p == _MENTION_OF or p in _ENDS) and q.object in drop:
            gone.add(q.subject)
    kept = [q for q in quads if q.subject not in gone and q.object not in gone]
    sentences = {q.subject for q in kept if q.predicate.value == _RDF + "type" and q.object.value == _SENTENCE}
    empty = sentences - {q.subject for q in kept if q.predicate.value == _ABOUT}
    return [q for q in kept if q.subject not in empty]


def _first_line(exc: object) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__
