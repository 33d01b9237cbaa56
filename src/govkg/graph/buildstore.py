"""The on-disk store a build keeps up to date (``govkg build --store DIR``): Oxigraph, one named graph per document.

Documents arrive as TriG blocks (the same bytes the build writes to
``graph.trig``); a changed document's graph replaces its earlier version and
the graphs of documents no longer built are dropped, and the default graph
is the union of the others (the build's ``graph.ttl``), so the store always
equals the build folder. :mod:`govkg.graph.store` reads it.

Graphs are bulk-loaded a few megabytes at a time: much faster than one
transaction per document, and memory stays flat. Bulk loads are not
transactions, so the store is marked as being written until the build
ends; a build that finds the mark (the last one stopped halfway) loads every
document's graph again.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from govkg.graph.iri import doc_iri
from govkg.graph.store import LOAD_BYTES, open_for_writing, unite
from govkg.graph.turtle import PREFIX_HEADER

_WRITING = "WRITING"  # the mark of a store a build is writing (a file in the store folder)


class BuildStore:
    """Wraps a ``pyoxigraph.Store`` with what a build needs."""

    def __init__(self, store: ox.Store, folder: Path | None = None) -> None:
        self.store = store
        self.folder = folder
        self._pending: list[bytes] = []
        self._size = 0
        self._suspect = False  # an earlier build stopped halfway: no graph can be trusted
        if folder is not None:
            mark = folder / _WRITING
            self._suspect = mark.exists()
            mark.write_text("a build is writing this store\n", encoding="utf-8")

    @classmethod
    def on_disk(cls, path: Path) -> BuildStore:
        """The govkg store folder ``path`` (created when missing)."""
        return cls(open_for_writing(path), Path(path))

    def has(self, doc_id: str) -> bool:
        """Whether the store holds the whole graph of document ``doc_id``."""
        return not self._suspect and self.store.contains_named_graph(ox.NamedNode(str(doc_iri(doc_id))))

    def replace(self, doc_id: str, block: bytes) -> None:
        """Put a document's graph (``block``: its TriG block) in place of its earlier version."""
        name = ox.NamedNode(str(doc_iri(doc_id)))
        if self.store.contains_named_graph(name):
            self.store.remove_graph(name)
        self._pending.append(block)
        self._size += len(block)
        if self._size >= LOAD_BYTES:
            self._load_pending()

    def remove_except(self, keep: set[str]) -> int:
        """Drop every document graph whose IRI is not in ``keep``; return how many were dropped."""
        self._load_pending()
        gone = [g for g in self.store.named_graphs() if g.value not in keep]
        for g in gone:
            self.store.remove_graph(g)
        return len(gone)

    def unite(self, union: Path) -> None:
        """Make the default graph the union of the document graphs, read from ``union`` (the build's graph.ttl)."""
        self._load_pending()
        unite(self.store, union)

    def flush(self) -> None:
        """Write everything out, compacted, and clear the mark: the store is whole again.

        Bulk loads leave the store in many small sorted files; compacting them
        (a few seconds for 50 MB of text, next to nothing when little changed)
        halves the time of the ready-made queries on it.
        """
        self._load_pending()
        self.store.flush()
        self.store.optimize()
        if self.folder is not None:
            (self.folder / _WRITING).unlink(missing_ok=True)
        self._suspect = False

    def _load_pending(self) -> None:
        if self._pending:
            self.store.bulk_load(PREFIX_HEADER.encode("utf-8") + b"".join(self._pending), format=ox.RdfFormat.TRIG)
            self._pending, self._size = [], 0

