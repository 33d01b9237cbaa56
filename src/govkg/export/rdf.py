"""RDF serialisations, written atomically. TriG and N-Quads keep one graph per document."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from govkg.fileio import atomic_write
from govkg.graph.rdf import bind_prefixes


def union_graph(graph: Graph) -> Graph:
    """All triples of ``graph`` (of every named graph, for a Dataset) in one Graph."""
    if not isinstance(graph, Dataset):
        return graph
    merged = Graph()
    bind_prefixes(merged)
    for s, p, o, _ in graph.quads((None, None, None, None)):
        merged.add((s, p, o))
    return merged


def _write(graph: Graph, path: Path, fmt: str) -> None:
    data = graph.serialize(format=fmt, encoding="utf-8")
    with atomic_write(path, "wb") as fh:
        fh.write(data)


def write_trig(graph: Graph, path: Path) -> None:
    """TriG: one named graph per document."""
    _write(graph, path, "trig")


def write_nquads(graph: Graph, path: Path) -> None:
    _write(graph, path, "nquads")


def write_turtle(graph: Graph, path: Path) -> None:
    """Turtle: every document's facts merged."""
    _write(union_graph(graph), path, "turtle")


def write_ntriples(graph: Graph, path: Path) -> None:
    _write(union_graph(graph), path, "nt")
