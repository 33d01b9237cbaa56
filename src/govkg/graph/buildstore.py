"""The graph a build writes into: an Oxigraph store, one named graph per document.

Documents arrive as N-Quads text (made in worker processes); the store keeps
them on disk (``--store DIR``) or in memory, replaces a document's graph when
its content changed, drops the graphs of documents no longer in the input, and
writes TriG, Turtle and statistics without going through rdflib.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox

from govkg.errors import InputError
from govkg.graph.iri import doc_iri
from govkg.ontology.namespaces import ENTITY_TYPES, GOVKG, PREFIXES



class BuildStore:
    """Wraps a ``pyoxigraph.Store`` with what a build needs."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    @classmethod
    def in_memory(cls, previous: Path | None = None) -> BuildStore:
        """A store in memory, holding ``previous`` (an earlier build's TriG) when it exists."""
        store = ox.Store()
        if previous is not None and previous.is_file():
            try:
                store.bulk_load(path=str(previous), format=ox.RdfFormat.TRIG)
            except (SyntaxError, OSError, ValueError) as exc:
                raise InputError(previous, f"cannot read the earlier build ({str(exc).splitlines()[0]}); "
                                           "remove it to build from scratch") from None
        return cls(store)

    @classmethod
    def on_disk(cls, path: Path) -> BuildStore:
        """The govkg store folder ``path`` (created when missing)."""
        from govkg.graph.store import open_for_writing

        return cls(open_for_writing(path))

    def fingerprints(self) -> dict[str, tuple[str, str, str]]:
        """Document graph IRI -> (content hash, source path, code fingerprint) of every document in the store."""
        rows = self.store.query("SELECT ?g ?h ?p ?c WHERE { GRAPH ?g { ?d a <%s> ; <%s> ?h ; <%s> ?p ; <%s> ?c } }"
                                % (GOVKG.Document, GOVKG.contentHash, GOVKG.sourcePath, GOVKG.builtWith))
        return {row["g"].value: (row["h"].value, row["p"].value, row["c"].value) for row in rows}

    def replace(self, doc_id: str, nquads: str) -> None:
        """Put a document's graph in place of its earlier version."""
        name = ox.NamedNode(str(doc_iri(doc_id)))
        if self.store.contains_named_graph(name):
            self.store.remove_graph(name)
        self.store.load(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS)

    def remove_except(self, keep: set[str]) -> int:
        """Drop every document graph whose IRI is not in ``keep``; return how many were dropped."""
        gone = [g for g in self.store.named_graphs() if g.value not in keep]
        for g in gone:
            self.store.remove_graph(g)
        return len(gone)

    def entity_counts(self) -> Counter:
        """Distinct entities per type, over all documents."""
        counts: Counter = Counter()
        for t in ENTITY_TYPES:
            rows = list(self.store.query(
                "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?e a <%s> } }" % GOVKG[t]))
            counts[t] = int(rows[0]["n"].value)
        return counts

    def relation_count(self) -> int:
        rows = list(self.store.query(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> } }"))
        return int(rows[0]["n"].value)

    def __len__(self) -> int:
        return len(self.store)

    def write_trig(self, path: Path) -> None:
        """Every document graph, as TriG (atomically; sorted, so the same graph gives the same bytes)."""
        quads = sorted(self.store.quads_for_pattern(None, None, None, None), key=_quad_key)
        _write(path, quads, ox.RdfFormat.TRIG)

    def write_turtle(self, path: Path) -> None:
        """The facts of all documents merged, as Turtle (atomically, sorted)."""
        triples = {ox.Triple(q.subject, q.predicate, q.object)
                   for q in self.store.quads_for_pattern(None, None, None, None)}
        _write(path, sorted(triples, key=_triple_key), ox.RdfFormat.TURTLE)

    def rdflib_dataset(self):
        """An rdflib ``Dataset`` view of the store (for exporters written against rdflib)."""
        from oxrdflib import OxigraphStore
        from rdflib import Dataset

        from govkg.graph.rdf import bind_prefixes

        ds = Dataset(store=OxigraphStore(store=self.store), default_union=True)
        bind_prefixes(ds)
        return ds

    def flush(self) -> None:
        self.store.flush()


def _triple_key(t) -> tuple[str, str, str]:
    return str(t.subject), str(t.predicate), str(t.object)


def _quad_key(q) -> tuple[str, str, str, str]:
    return str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)


def _write(path: Path, statements, fmt) -> None:
    from govkg.fileio import atomic_write

    with atomic_write(path, "wb") as fh:
        ox.serialize(statements, fh, format=fmt, prefixes=PREFIXES)
