"""Neo4j: a Cypher script for ``cypher-shell`` and the CSV files of ``neo4j-admin database import``.

``write_neo4j(graph, folder)`` writes, into ``folder``:

- ``import.cypher``: one uniqueness constraint per label, then the nodes and
  relationships in ``UNWIND`` batches that ``MERGE`` on the stable ``id``
  (the entity IRI). Every value is a Cypher string literal with quotes,
  backslashes and control characters escaped, so a name stays a name.
- ``nodes_<Type>.csv`` and ``relationships_<TYPE>.csv``: UTF-8 without BOM,
  RFC 4180 quoting (a quote is doubled), arrays joined by ``;`` (or, if some
  value contains ``;``, by the character ``import.sh`` names).
- ``import.sh``: the ``neo4j-admin`` command that loads the CSV files.

Nodes carry ``id, label, aliases, definition, adminCode, documents``;
relationships (``LOCATED_IN``, ``DEVELOPS``, …) carry ``evidence`` (the first
sentence stating them) and ``documents``.

>>> cypher_string("x'}) DETACH DELETE n //")
"'x\\\\'}) DETACH DELETE n //'"
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from rdflib import Graph

from govkg.errors import OutputError
from govkg.export.project import Edge, Node, Projection, project, relation_type
from govkg.fileio import write_folder
from govkg.ontology.namespaces import ENTITY_TYPES, RELATIONS

BATCH_SIZE = 500
"""Rows per ``UNWIND`` statement."""

ARRAY_DELIMITERS: tuple[str, ...] = (";", "|", "\u001f")
"""Array delimiters for the CSV files, in order of preference: the first that no value contains."""

NODE_HEADER: tuple[str, ...] = (
    "id:ID", "label", "aliases:string[]", "definition", "adminCode", "documents:string[]", ":LABEL",
)
REL_HEADER: tuple[str, ...] = (":START_ID", ":END_ID", ":TYPE", "evidence", "documents:string[]")

_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def cypher_string(value: str) -> str:
    """``value`` as a single-quoted Cypher string literal.

    Backslashes, quotes and control characters are escaped; other characters
    (Chinese included) stay as they are.

    >>> print(cypher_string("O'Brien\\\\ 公司\\n"))
    'O\\'Brien\\\\ 公司\\n'
    """
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or ch in "\u2028\u2029":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "'" + "".join(out) + "'"


def cypher_value(value: Any) -> str:
    """A string, a sequence of strings or a mapping (with identifier keys) as a Cypher literal.

    >>> cypher_value({"id": "a", "aliases": ["b", "c'"]})
    "{id: 'a', aliases: ['b', 'c\\\\'']}"
    """
    if isinstance(value, str):
        return cypher_string(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {cypher_value(v)}" for key, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_value(v) for v in value) + "]"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


def node_row(node: Node) -> dict[str, Any]:
    """The properties of ``node`` in Neo4j; empty definition and admin code are left out."""
    row: dict[str, Any] = {"id": node.id, "label": node.label, "aliases": list(node.aliases)}
    if node.definition:
        row["definition"] = node.definition
    if node.admin_code:
        row["adminCode"] = node.admin_code
    row["documents"] = list(node.documents)
    return row


def cypher_script(projection: Projection, batch_size: int = BATCH_SIZE) -> str:
    """``import.cypher`` for ``projection``: constraints, node batches, relationship batches."""
    lines = [
        "// govkg knowledge graph for Neo4j 5. Run: cypher-shell -u USER -d DATABASE -f import.cypher",
        "// Idempotent: nodes and relationships are MERGEd on the node id (the entity IRI).",
        "// For a new, empty database the CSV files beside this script load faster: see import.sh.",
        "",
    ]
    for kind in ENTITY_TYPES:
        lines.append(
            f"CREATE CONSTRAINT govkg_{kind.lower()}_id IF NOT EXISTS "
            f"FOR (n:{kind}) REQUIRE n.id IS UNIQUE;"
        )
    lines.append("")
    for kind in ENTITY_TYPES:
        for batch in _batches(projection.nodes_of(kind), batch_size):
            lines.append("UNWIND [")
            lines.append(",\n".join("  " + cypher_value(node_row(n)) for n in batch))
            lines.append(f"] AS row\nMERGE (n:{kind} {{id: row.id}})\nSET n += row;")
            lines.append("")
    kind_of = {n.id: n.type for n in projection.nodes}
    for name in RELATIONS:
        groups: dict[tuple[str, str], list[Edge]] = {}
        for edge in projection.edges_of(name):
            groups.setdefault((kind_of[edge.source], kind_of[edge.target]), []).append(edge)
        for (start, end), edges in sorted(groups.items()):
            for batch in _batches(edges, batch_size):
                lines.append("UNWIND [")
                lines.append(",\n".join(
                    "  " + cypher_value({"start": e.source, "end": e.target,
                                         "evidence": e.first_evidence, "documents": list(e.documents)})
                    for e in batch
                ))
                lines.append(
                    f"] AS row\nMATCH (a:{start} {{id: row.start}})\nMATCH (b:{end} {{id: row.end}})\n"
                    f"MERGE (a)-[r:{relation_type(name)}]->(b)\n"
                    "SET r.evidence = row.evidence, r.documents = row.documents;"
                )
                lines.append("")
    return "\n".join(lines)


def array_delimiter(projection: Projection) -> str:
    """The first of :data:`ARRAY_DELIMITERS` that no array element contains."""
    values = [v for n in projection.nodes for v in (*n.aliases, *n.documents)]
    values += [d for e in projection.edges for d in e.documents]
    for delimiter in ARRAY_DELIMITERS:
        if not any(delimiter in v for v in values):
            return delimiter
    raise OutputError("every CSV array delimiter occurs inside a value; cannot write Neo4j CSV files")


def node_csv(nodes: Iterable[Node], delimiter: str) -> str:
    """``nodes_<Type>.csv``: header and one row per node."""
    rows = [NODE_HEADER]
    rows += [(n.id, n.label, delimiter.join(n.aliases), n.definition, n.admin_code,
              delimiter.join(n.documents), n.type) for n in nodes]
    return _csv(rows)


def relationship_csv(edges: Iterable[Edge], delimiter: str) -> str:
    """``relationships_<TYPE>.csv``: header and one row per relationship."""
    rows = [REL_HEADER]
    rows += [(e.source, e.target, relation_type(e.type), e.first_evidence, delimiter.join(e.documents))
             for e in edges]
    return _csv(rows)


def import_script(delimiter: str) -> str:
    """``import.sh``: the ``neo4j-admin database import full`` command for the CSV files."""
    shown = {";": "';'", "|": "'|'", "\u001f": "U+001F"}[delimiter]
    args = [f"  --nodes={kind}=\"$here/nodes_{kind}.csv\"" for kind in ENTITY_TYPES]
    args += [f"  --relationships={relation_type(name)}=\"$here/relationships_{relation_type(name)}.csv\""
             for name in RELATIONS]
    return "\n".join([
        "#!/bin/sh",
        "# Load the govkg CSV files into a NEW, EMPTY Neo4j 5 database (offline bulk import):",
        "#   sh import.sh [DATABASE]     (default database: neo4j; stop it first)",
        "# Files are UTF-8 without BOM; a quote inside a field is doubled; fields may span lines;",
        f"# array properties (aliases, documents) are joined by {shown}.",
        "# To add to a running database instead, use import.cypher with cypher-shell.",
        "set -eu",
        'here=$(cd "$(dirname "$0")" && pwd)',
        "neo4j-admin database import full \\",
        f"  --array-delimiter={shown} --multiline-fields=true --id-type=string \\",
        " \\\n".join(args) + " \\",
        '  "${1:-neo4j}"',
        "",
    ])


def write_neo4j(graph: Graph, path: Path | str) -> None:
    """Write ``import.cypher``, the ``neo4j-admin`` CSV files and ``import.sh`` into folder ``path``.

    Raises :class:`~govkg.errors.OutputError` if ``path`` is a file or cannot be written.
    """
    projection = project(graph)
    delimiter = array_delimiter(projection)
    files = {"import.cypher": cypher_script(projection), "import.sh": import_script(delimiter)}
    for kind in ENTITY_TYPES:
        files[f"nodes_{kind}.csv"] = node_csv(projection.nodes_of(kind), delimiter)
    for name in RELATIONS:
        files[f"relationships_{relation_type(name)}.csv"] = relationship_csv(projection.edges_of(name), delimiter)
    write_folder(path, files, "neo4j")


def _csv(rows: Sequence[Sequence[str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(rows)
    return buf.getvalue()


def _batches(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
