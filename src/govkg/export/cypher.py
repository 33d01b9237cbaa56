"""Cypher load scripts, one dialect per engine: Neo4j 5 and FalkorDB.

Every dialect writes the same graph the same way: one index on ``id`` per
entity label, created before anything is loaded, then the nodes and the
relationships in ``UNWIND`` batches that ``MERGE`` on ``id`` (the entity
IRI), so running the data statements twice adds nothing. The dialects differ
in what each engine accepts:

======================  ==========================================  ==========================================
                        ``neo4j``                                   ``falkordb``
======================  ==========================================  ==========================================
index                   ``CREATE CONSTRAINT … IF NOT EXISTS …       ``CREATE INDEX FOR (n:Region) ON (n.id)``
                        REQUIRE n.id IS UNIQUE``                    (no ``IF NOT EXISTS``: a graph that has the
                                                                    index refuses it)
strings                 quote, backslash and line breaks escaped,   quote, backslash, line breaks and tab
                        other control characters as ``\\uXXXX``     escaped, other control characters as they
                                                                    are (FalkorDB reads ``\\u001f`` as six
                                                                    characters); NUL, which FalkorDB cannot
                                                                    hold, becomes U+FFFD
rows                    a literal list: ``UNWIND [{…}, …] AS row``  the query parameter ``$rows``:
                                                                    ``CYPHER rows=[{…}, …] UNWIND $rows AS row``
                                                                    (FalkorDB parses a parameter list about a
                                                                    hundred times faster than a literal one)
layout                  statements over several lines, for          one statement a line, ending in ``;``
                        ``cypher-shell -f``                         (run each line as one ``GRAPH.QUERY``)
======================  ==========================================  ==========================================

Memgraph is not a dialect here: no Memgraph server installs on these
machines, so a script for it could not be tested.

>>> falkordb_string("O'Brien\\\\;|\\x1f\\n")
"'O\\\\'Brien\\\\\\\\;|\\x1f\\\\n'"
>>> cypher_value({"id": "a", "aliases": ["b", "c'"]})
"{id: 'a', aliases: ['b', 'c\\\\'']}"
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Graph

from govkg.errors import GovkgError, OutputError
from govkg.export.project import Edge, Node, Projection, project, relation_type
from govkg.fileio import atomic_write
from govkg.ontology.namespaces import ENTITY_TYPES, RELATIONS

__all__ = ["BATCH_SIZE", "DIALECTS", "Dialect", "cypher_script", "cypher_string", "cypher_value", "falkordb_string",
           "node_row", "write_cypher"]

BATCH_SIZE = 500
"""Rows per ``UNWIND`` statement."""

_NEO4J_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_FALKORDB_ESCAPES = str.maketrans({"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t",
                                   "\x00": "\ufffd"})


def cypher_string(value: str) -> str:
    """``value`` as a single-quoted Cypher string literal for Neo4j.

    Backslashes, quotes and control characters are escaped; other characters
    (Chinese included) stay as they are.

    >>> print(cypher_string("O'Brien\\\\ 公司\\n"))
    'O\\'Brien\\\\ 公司\\n'
    """
    out = []
    for ch in value:
        if ch in _NEO4J_ESCAPES:
            out.append(_NEO4J_ESCAPES[ch])
        elif ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or ch in "\u2028\u2029":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "'" + "".join(out) + "'"


def falkordb_string(value: str) -> str:
    """``value`` as a single-quoted string literal for FalkorDB.

    FalkorDB reads ``\\\\``, ``\\'``, ``\\n``, ``\\r`` and ``\\t`` and keeps
    any other backslash sequence as it is written, so only those are escaped;
    other control characters are written as they are, and NUL (which ends a
    FalkorDB string) becomes U+FFFD. No line break is left in the literal.

    >>> print(falkordb_string("a\\\\'b\\r"))
    'a\\\\\\'b\\r'
    """
    return "'" + value.translate(_FALKORDB_ESCAPES) + "'"


def cypher_value(value: Any, string: Callable[[str], str] = cypher_string) -> str:
    """A string, a sequence of strings or a mapping (with identifier keys) as a Cypher literal."""
    if isinstance(value, str):
        return string(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {cypher_value(v, string)}" for key, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_value(v, string) for v in value) + "]"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


def node_row(node: Node) -> dict[str, Any]:
    """The properties of ``node``; empty definition and admin code are left out."""
    row: dict[str, Any] = {"id": node.id, "label": node.label, "aliases": list(node.aliases)}
    if node.definition:
        row["definition"] = node.definition
    if node.admin_code:
        row["adminCode"] = node.admin_code
    row["documents"] = list(node.documents)
    return row


@dataclass(frozen=True, slots=True)
class Dialect:
    """What one engine needs of a load script.

    ``index`` is formatted with ``kind`` (the label) and ``lower`` (it in
    lower case). A ``multiline`` script puts each row and clause on a line of
    its own and a blank line after each statement; otherwise each statement
    is one line. With ``parameters`` the rows go in as the query parameter
    ``$rows`` (``CYPHER rows=[…] UNWIND $rows AS row …``), else as a literal list.
    """

    name: str
    header: tuple[str, ...]
    index: str
    string: Callable[[str], str]
    multiline: bool
    parameters: bool = False


NEO4J = Dialect(
    name="neo4j",
    header=(
        "// govkg knowledge graph for Neo4j 5. Run: cypher-shell -u USER -d DATABASE -f import.cypher",
        "// Idempotent: nodes and relationships are MERGEd on the node id (the entity IRI).",
        "// For a new, empty database the CSV files beside this script load faster: see import.sh.",
    ),
    index="CREATE CONSTRAINT govkg_{lower}_id IF NOT EXISTS FOR (n:{kind}) REQUIRE n.id IS UNIQUE;",
    string=cypher_string,
    multiline=True,
)

FALKORDB = Dialect(
    name="falkordb",
    header=(
        "// govkg knowledge graph for FalkorDB. One statement a line: run each line that is not a comment",
        "// as one query into a new graph (GRAPH.QUERY GRAPH LINE; the README shows it with the falkordb client).",
        "// The indexes come first; the MERGEs after them add nothing when run twice.",
    ),
    index="CREATE INDEX FOR (n:{kind}) ON (n.id);",
    string=falkordb_string,
    multiline=False,
    parameters=True,
)

DIALECTS: dict[str, Dialect] = {d.name: d for d in (NEO4J, FALKORDB)}
"""Dialect name -> dialect."""


def get_dialect(name: str) -> Dialect:
    """The dialect called ``name``; an unknown name lists the known ones."""
    try:
        return DIALECTS[name]
    except KeyError:
        raise GovkgError(f"unknown Cypher dialect {name!r}; known: {', '.join(sorted(DIALECTS))}") from None


def cypher_script(projection: Projection, dialect: Dialect = NEO4J, batch_size: int = BATCH_SIZE) -> str:
    """The load script of ``projection`` in ``dialect``: indexes, node batches, relationship batches."""
    lines = [*dialect.header, ""]
    lines += [dialect.index.format(kind=kind, lower=kind.lower()) for kind in ENTITY_TYPES]
    lines.append("")
    for kind in ENTITY_TYPES:
        for nodes in _batches(projection.nodes_of(kind), batch_size):
            lines.append(_unwind(dialect, map(node_row, nodes), f"MERGE (n:{kind} {{id: row.id}})", "SET n += row"))
    kind_of = {n.id: n.type for n in projection.nodes}
    for name in RELATIONS:
        groups: dict[tuple[str, str], list[Edge]] = {}
        for edge in projection.edges_of(name):
            groups.setdefault((kind_of[edge.source], kind_of[edge.target]), []).append(edge)
        for (start, end), edges in sorted(groups.items()):
            for part in _batches(edges, batch_size):
                rows = ({"start": e.source, "end": e.target, "evidence": e.first_evidence,
                         "documents": list(e.documents)} for e in part)
                lines.append(_unwind(
                    dialect, rows, f"MATCH (a:{start} {{id: row.start}})", f"MATCH (b:{end} {{id: row.end}})",
                    f"MERGE (a)-[r:{relation_type(name)}]->(b)",
                    "SET r.evidence = row.evidence, r.documents = row.documents",
                ))
    return "\n".join(lines) + ("" if dialect.multiline else "\n")


def _unwind(dialect: Dialect, rows: Iterable[dict[str, Any]], *clauses: str) -> str:
    """One ``UNWIND [rows] AS row`` statement followed by ``clauses``."""
    values = [cypher_value(row, dialect.string) for row in rows]
    if dialect.multiline:
        return "UNWIND [\n" + ",\n".join("  " + v for v in values) + "\n] AS row\n" + "\n".join(clauses) + ";\n"
    if dialect.parameters:
        return "CYPHER rows=[" + ", ".join(values) + "] UNWIND $rows AS row " + " ".join(clauses) + ";"
    return "UNWIND [" + ", ".join(values) + "] AS row " + " ".join(clauses) + ";"


def write_cypher(graph: Graph, path: Path | str, *, dialect: str = "neo4j") -> None:
    """Write the load script of ``graph`` in ``dialect`` (``neo4j`` or ``falkordb``) to ``path``, atomically."""
    chosen = get_dialect(dialect)
    text = cypher_script(project(graph), chosen)
    try:
        with atomic_write(path) as fh:
            fh.write(text)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write the Cypher script: {exc}") from exc


def _batches(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
