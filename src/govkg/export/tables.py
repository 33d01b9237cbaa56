"""Plain CSV tables of the entity network: ``nodes.csv`` and ``edges.csv`` in a folder.

``nodes.csv``: ``id, type, label, aliases, documents, definition, adminCode``;
``edges.csv``: ``source, target, type, evidence, documents``. UTF-8 without
BOM, RFC 4180 quoting (a quote inside a field is doubled; fields may span
lines), rows sorted. List columns (``aliases``, ``documents``) hold JSON
arrays of strings, so a name containing a comma, semicolon or bar stays whole.
``id``, ``source`` and ``target`` are entity IRIs; ``type`` of an edge is the
ontology relation (``locatedIn`` …).

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
from govkg.export.project import Projection, project
from govkg.fileio import write_folder

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


def write_csv(graph: Graph, path: Path | str) -> None:
    """Write ``nodes.csv`` and ``edges.csv`` of ``graph`` into folder ``path``, atomically.

    Raises :class:`~govkg.errors.OutputError` if ``path`` is a file or cannot be written.
    """
    projection = project(graph)
    write_folder(path, {"nodes.csv": table_text(node_rows(projection)),
                        "edges.csv": table_text(edge_rows(projection))}, "csv")
