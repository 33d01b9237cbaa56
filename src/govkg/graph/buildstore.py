"""The on-disk store a build keeps up to date (``govkg build --store DIR``): Oxigraph, one named graph per document.

Documents arrive as TriG blocks (the same bytes the build writes to
``graph.trig``); a changed document's graph replaces its earlier version and
the graphs of documents no longer built are dropped, and the default graph
is the union of the others (the build's ``graph.ttl``), so the store always
equals the build folder. :mod:`govkg.graph.store` reads it.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from govkg.graph.iri import doc_iri


class BuildStore:
    """Wraps a ``pyoxigraph.Store`` with what a build needs."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    @classmethod
    def on_disk(cls, path: Path) -> BuildStore:
        """The govkg store folder ``path`` (created when missing)."""
        from govkg.graph.store import open_for_writing

        return cls(open_for_writing(path))

    def has(self, doc_id: str) -> bool:
        """Whether the store holds the graph of document ``doc_id``."""
        return self.store.contains_named_graph(ox.NamedNode(str(doc_iri(doc_id))))

    def replace(self, doc_id: str, trig: bytes) -> None:
        """Put a document's graph (``trig``: a TriG document holding only that graph) in place of its earlier version."""
        name = ox.NamedNode(str(doc_iri(doc_id)))
        if self.store.contains_named_graph(name):
            self.store.remove_graph(name)
        self.store.load(trig, format=ox.RdfFormat.TRIG)

    def remove_except(self, keep: set[str]) -> int:
        """Drop every document graph whose IRI is not in ``keep``; return how many were dropped."""
        gone = [g for g in self.store.named_graphs() if g.value not in keep]
        for g in gone:
            self.store.remove_graph(g)
        return len(gone)

    def unite(self, union: Path) -> None:
        """Make the default graph the union of the document graphs, read from ``union`` (the build's graph.ttl)."""
        from govkg.graph.store import unite

        unite(self.store, union)

    def __len__(self) -> int:
        return len(self.store)

    def flush(self) -> None:
        self.store.flush()
