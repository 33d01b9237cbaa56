"""RDF serialisations, streamed and written atomically. TriG and N-Quads keep one graph per document.

The graph is read as a :class:`~govkg.graph.quads.GraphSource` (a build
folder, a store folder, an RDF file, or an rdflib graph). A build folder's
own files are the answer where they are what is asked: ``--to trig`` copies
its ``graph.trig`` and ``--to ttl`` its ``graph.ttl`` (the merged graph,
where an entity's confidence is the highest any document gives it). Anything
else is written by pyoxigraph's serializer as the quads stream past: N-Quads
in the order of the file, N-Triples of the merged graph, TriG and Turtle
with govkg's prefixes.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph

from govkg.errors import OutputError
from govkg.fileio import atomic_write
from govkg.graph.quads import GraphSource
from govkg.graph.rdf import bind_prefixes
from govkg.ontology.namespaces import PREFIXES


def union_graph(graph: Graph) -> Graph:
    """All triples of ``graph`` (of every named graph, for a Dataset) in one rdflib Graph."""
    if not isinstance(graph, Dataset):
        return graph
    merged = Graph()
    bind_prefixes(merged)
    for s, p, o, _ in graph.quads((None, None, None, None)):
        merged.add((s, p, o))
    return merged


def _serialize(items: Iterable[Any], path: Path, fmt_name: str) -> None:
    import pyoxigraph as ox

    fmt = getattr(ox.RdfFormat, fmt_name)
    prefixes = dict(PREFIXES) if fmt_name in ("TRIG", "TURTLE") else None
    try:
        with atomic_write(path, "wb") as fh:
            ox.serialize(items, fh, format=fmt, prefixes=prefixes)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write {fmt_name.lower()}: {exc}") from exc


def _copy(source: Path, path: Path) -> None:
    try:
        with open(source, "rb") as src, atomic_write(path, "wb") as fh:
            shutil.copyfileobj(src, fh, 1 << 20)
    except OSError as exc:
        raise OutputError(f"{path}: cannot copy {source.name}: {exc}") from exc


def write_trig(graph: Graph | GraphSource | Path | str, path: Path | str) -> None:
    """TriG: one named graph per document (a build folder's ``graph.trig`` as it is)."""
    source = GraphSource.of(graph)
    if source.verbatim:
        _copy(source.path / "graph.trig", Path(path))
    else:
        _serialize(source.quads(), Path(path), "TRIG")


def write_nquads(graph: Graph | GraphSource | Path | str, path: Path | str) -> None:
    """N-Quads: one named graph per document, quads in the order they are read."""
    _serialize(GraphSource.of(graph).quads(), Path(path), "N_QUADS")


def write_turtle(graph: Graph | GraphSource | Path | str, path: Path | str) -> None:
    """Turtle: every document's facts merged (a build folder's ``graph.ttl`` as it is)."""
    source = GraphSource.of(graph)
    if source.verbatim and source.merged_file is not None:
        _copy(source.merged_file, Path(path))
    else:
        _serialize(source.triples(), Path(path), "TURTLE")


def write_ntriples(graph: Graph | GraphSource | Path | str, path: Path | str) -> None:
    """N-Triples: every document's facts merged, each triple once."""
    _serialize(GraphSource.of(graph).triples(), Path(path), "N_TRIPLES")
