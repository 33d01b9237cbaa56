"""Neo4j: a Cypher script for ``cypher-shell`` and the CSV files of ``neo4j-admin database import``.

``write_neo4j(graph, folder)`` writes, into ``folder``:

- ``import.cypher``: one uniqueness constraint per label, then the nodes and
  relationships in ``UNWIND`` batches that ``MERGE`` on the stable ``id``
  (the entity IRI). Every value is a Cypher string literal with quotes,
  backslashes and control characters escaped, so a name stays a name.
- ``nodes_<Type>.csv`` and ``relationships_<TYPE>.csv``: UTF-8 without BOM,
  RFC 4180 quoting (a quote is doubled), arrays joined by ``;`` (or, if some
  value contains ``;``, by the character ``import.sh`` names: one no value contains).
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

from rdflib import Graph

from govkg.errors import OutputError
from govkg.export.cypher import BATCH_SIZE, NEO4J, cypher_string, cypher_value, node_row  # noqa: F401 - part of this module's API
from govkg.export.cypher import cypher_script as script
from govkg.export.project import Edge, Node, Projection, project, relation_type
from govkg.fileio import write_folder
from govkg.ontology.namespaces import ENTITY_TYPES, RELATIONS

ARRAY_DELIMITERS: tuple[str, ...] = (";", "|", "\u001f")
"""Array delimiters for the CSV files, in order of preference: the first that no value contains (when every one
occurs, a private-use character: see :func:`array_delimiter`)."""

NODE_HEADER: tuple[str, ...] = (
    "id:ID", "label", "aliases:string[]", "definition", "adminCode", "documents:string[]", ":LABEL",
)
REL_HEADER: tuple[str, ...] = (":START_ID", ":END_ID", ":TYPE", "evidence", "documents:string[]")

def cypher_script(projection: Projection, batch_size: int = BATCH_SIZE) -> str:
    """``import.cypher`` for ``projection``: Neo4j's dialect of :func:`govkg.export.cypher.cypher_script`."""
    return script(projection, NEO4J, batch_size)


def array_delimiter(projection: Projection) -> str:
    """The first of :data:`ARRAY_DELIMITERS` that no array element contains; when each occurs in some element,
    the first character from U+E000 (private use, then the supplementary private-use planes) that none contains.

    >>> array_delimiter(Projection((Node("a", "Region", "甲", aliases=("x;y|z\u001f",)),), ()))
    '\ue000'
    """
    values = [v for n in projection.nodes for v in (*n.aliases, *n.documents)]
    values += [d for e in projection.edges for d in e.documents]
    for delimiter in ARRAY_DELIMITERS:
        if not any(delimiter in v for v in values):
            return delimiter
    used = set("".join(values))
    for code in (*range(0xE000, 0xF900), *range(0xF0000, 0xFFFFE), *range(0x100000, 0x10FFFE)):
        if chr(code) not in used:
            return chr(code)
    raise OutputError("every character a CSV array delimiter could be occurs inside a value; "
                      "cannot write Neo4j CSV files")  # 137,000 distinct characters in names: not in this world


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
    shown = {";": "';'", "|": "'|'"}.get(delimiter, f"U+{ord(delimiter):04X}")  # neo4j-admin reads U+XXXX
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

