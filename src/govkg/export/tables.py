"""Plain CSV tables of the entity network, ``nodes.csv`` and ``edges.csv``, and of the indicators,
``observations.csv``, in a folder.

``nodes.csv``: ``id, type, label, aliases, documents, definition, adminCode``;
``edges.csv``: ``source, target, type, evidence, documents``. UTF-8 without
BOM, RFC 4180 quoting (a quote inside a field is doubled; fields may span
lines), rows sorted. List columns (``aliases``, ``documents``) hold JSON
arrays of strings, so a name containing a comma, semicolon or bar stays whole.
``id``, ``source`` and ``target`` are entity IRIs; ``type`` of an edge is the
ontology relation (``locatedIn`` …).

``observations.csv`` is tidy, one observation a row: ``region, code,
indicator, year, kind, value, unit, growth, document, evidence`` (``code`` the
region's official code, ``kind`` actual or target, ``value`` in yuan, or
dollars when ``unit`` is USD, ``growth`` in percent, ``document`` the title of
the document that states it and ``evidence`` its sentence); it opens as is in
pandas (``pd.read_csv(..., dtype={"code": str})``) and spreadsheets.

>>> table_text([("id", "label"), ("a", 'say "hi", 你好')])
'id,label\\na,"say ""hi"", 你好"\\n'
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from rdflib import Graph

from govkg.export.gexf import json_list
from govkg.export.project import GraphFacts, Projection, collect_facts, project
from govkg.fileio import write_folder
from govkg.graph.quads import GraphSource

OBSERVATION_COLUMNS: tuple[str, ...] = ("region", "code", "indicator", "year", "kind", "value", "unit", "growth",
                                        "document", "evidence")
NODE_COLUMNS: tuple[str, ...] = ("id", "type", "label", "aliases", "documents", "definition", "adminCode")
EDGE_COLUMNS: tuple[str, ...] = ("source", "target", "type", "evidence", "documents")


def table_text(rows: Sequence[Sequence[str]]) -> str:
    """``rows`` as CSV text (``\\n`` line ends, minimal quoting)."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def node_rows(projection: Projection) -> list[tuple[str, ...]]:
    """The rows of ``nodes.csv``, header first."""
    return [NODE_COLUMNS] + [
        (n.id, n.type, n.label, json_list(n.aliases), json_list(n.documents), n.definition, n.admin_code)
        for n in projection.nodes
    ]


def edge_rows(projection: Projection) -> list[tuple[str, ...]]:
    """The rows of ``edges.csv``, header first."""
    return [EDGE_COLUMNS] + [
        (e.source, e.target, e.type, e.first_evidence, json_list(e.documents)) for e in projection.edges
    ]


def observation_rows(graph: Graph | GraphSource | GraphFacts) -> list[tuple[str, ...]]:
    """The rows of ``observations.csv``, header first, sorted (``graph``: as :func:`project` takes it)."""
    from rdflib import RDFS
    from rdflib.namespace import PROV, SKOS

    from govkg.ontology.namespaces import GOVKG, SDMX_ATTRIBUTE, SDMX_DIMENSION, SDMX_MEASURE

    facts = graph if isinstance(graph, GraphFacts) else collect_facts(graph)
    value = facts.value

    def text(node) -> str:
        return "" if node is None else str(node)

    rows = set()
    for o in facts.observations:
        region = value(o, SDMX_DIMENSION.refArea)
        kind = text(value(o, GOVKG.observationKind)).rsplit("#", 1)[-1].lower()
        code = value(region, GOVKG.adminCode) if region is not None else None
        evidence = sorted(facts.values[GOVKG.evidence].get(o, ()), key=lambda s: (len(str(s)), str(s)))
        rows.add((text(value(region, RDFS.label)), text(code) or text(region).rsplit("/", 1)[-1],
                  text(value(value(o, GOVKG.indicator), SKOS.prefLabel)),
                  text(value(o, SDMX_DIMENSION.refPeriod)), kind,
                  text(value(o, SDMX_MEASURE.obsValue)), text(value(o, SDMX_ATTRIBUTE.unitMeasure)),
                  text(value(o, GOVKG.growthRate)),
                  text(value(value(o, PROV.wasDerivedFrom), RDFS.label)),
                  text(value(evidence[0], GOVKG.text)) if evidence else ""))
    return [OBSERVATION_COLUMNS] + sorted(rows, key=lambda r: (r[0], r[2], r[3], r[4], r[8], r))


def write_csv(graph: Graph | GraphSource, path: Path | str) -> None:
    """Write ``nodes.csv``, ``edges.csv`` and ``observations.csv`` of ``graph`` into folder ``path``, atomically.

    Raises :class:`~govkg.errors.OutputError` if ``path`` is a file or cannot be written.
    """
    facts = collect_facts(graph)  # one pass over the graph for all three tables
    projection = project(facts)
    write_folder(path, {"nodes.csv": table_text(node_rows(projection)),
                        "edges.csv": table_text(edge_rows(projection)),
                        "observations.csv": table_text(observation_rows(facts))}, "csv")
