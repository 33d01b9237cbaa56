"""Exporters, looked up by format name. Each reads the graph, never the extractors.

A writer takes the graph as a :class:`~govkg.graph.quads.GraphSource` (what ``govkg export`` gives it: the
quads stream from pyoxigraph's parser or the store) or an rdflib graph, and the path to write.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from typing import Any

from govkg.errors import GovkgError

Writer = Callable[[Any, Path], None]

# format name -> "module:function"
EXPORTERS: dict[str, str] = {
    "trig": "govkg.export.rdf:write_trig",
    "ttl": "govkg.export.rdf:write_turtle",
    "nq": "govkg.export.rdf:write_nquads",
    "nt": "govkg.export.rdf:write_ntriples",
    "html": "govkg.export.html:write_html",
    "neo4j": "govkg.export.neo4j:write_neo4j",  # a folder: import.cypher, neo4j-admin CSVs, import.sh
    "cypher": "govkg.export.cypher:write_cypher",  # one script; dialect neo4j or falkordb
    "gexf": "govkg.export.gexf:write_gexf",
    "graphml": "govkg.export.gexf:write_graphml",
    "jsonld": "govkg.export.jsonld:write_jsonld",  # and <name>.context.jsonld beside it
    "csv": "govkg.export.tables:write_csv",  # a folder: nodes.csv, edges.csv, observations.csv
}


def get_exporter(name: str) -> Writer:
    """The writer registered for format ``name``; an unknown name lists the known ones."""
    try:
        target = EXPORTERS[name]
    except KeyError:
        raise GovkgError(f"unknown export format {name!r}; known: {', '.join(sorted(EXPORTERS))}") from None
    module, func = target.split(":")
    return getattr(import_module(module), func)
