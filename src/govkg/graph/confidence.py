"""Leaving out the entities the learned decision is unsure of, in a graph read back from a build.

An entity's confidence is the highest ``govkg:confidence`` any document gives
it (as in the merged ``graph.ttl``); an entity without one stays whatever the
threshold. :func:`without_unsure` removes an entity with everything that
hangs on it: its statements, the mentions that name it, the reified relations
it is an end of and the sentences left about nothing.
"""

from __future__ import annotations

from rdflib import RDF, Dataset, Graph, URIRef

from govkg.ontology.namespaces import GOVKG


def unsure_entities(graph: Graph, threshold: float) -> set[URIRef]:
    """The entities of ``graph`` (a Graph, or a Dataset read as its union) whose confidence is below ``threshold``."""
    if threshold <= 0:
        return set()
    best: dict[URIRef, float] = {}
    for s, o in graph.subject_objects(GOVKG.confidence):
        best[s] = max(best.get(s, 0.0), float(o))
    return {s for s, c in best.items() if c < threshold}


def without_unsure(ds: Dataset, threshold: float) -> int:
    """Remove from every graph of ``ds`` (in memory) the entities below ``threshold``; how many were removed."""
    drop = unsure_entities(ds, threshold)
    if not drop:
        return 0
    for g in list(ds.graphs()):
        hanging = {m for e in drop for m in g.subjects(GOVKG.mentionOf, e)}
        hanging |= {st for e in drop for p in (RDF.subject, RDF.object) for st in g.subjects(p, e)}
        for node in drop | hanging:
            g.remove((node, None, None))
            g.remove((None, None, node))
        for sentence in set(g.subjects(RDF.type, GOVKG.Sentence)):
            if (sentence, GOVKG.about, None) not in g:
                g.remove((sentence, None, None))
    return len(drop)
