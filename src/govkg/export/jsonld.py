"""JSON-LD: the whole graph (every named graph and its provenance) with a separate context file.

``write_jsonld(graph, "out/graph.jsonld")`` writes ``out/graph.jsonld`` and,
beside it, ``out/graph.context.jsonld``; the data names its context by that
relative reference, so the two files move together. Parsing the data back
with any JSON-LD processor (rdflib's included) gives the same quads.

>>> context_path(Path("out/graph.jsonld")).as_posix()
'out/graph.context.jsonld'
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rdflib import Graph
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from govkg.errors import OutputError
from govkg.fileio import atomic_write
from govkg.ontology.namespaces import DOC_BASE, ENTITY_BASE, GOVKG


def context_path(path: Path) -> Path:
    """The context file beside the data file ``path`` (``graph.jsonld`` -> ``graph.context.jsonld``)."""
    stem = path.name[:-len(".jsonld")] if path.name.endswith(".jsonld") else path.name
    return path.with_name(f"{stem}.context.jsonld")


def context() -> dict[str, Any]:
    """The JSON-LD context: the prefixes of the govkg graph."""
    return {"@context": {
        "govkg": str(GOVKG._NS),
        "entity": ENTITY_BASE,
        "doc": DOC_BASE,
        "rdf": str(RDF),
        "rdfs": str(RDFS),
        "skos": str(SKOS),
        "dcterms": str(DCTERMS),
        "prov": str(PROV),
        "xsd": str(XSD),
    }}


def jsonld_document(graph: Graph, context_ref: str) -> dict[str, Any]:
    """``graph`` as compacted JSON-LD whose ``@context`` is the reference ``context_ref``.

    Nodes, graphs and values are sorted, so the same graph gives the same document.
    """
    data = json.loads(graph.serialize(format="json-ld", context=context()["@context"], auto_compact=True))
    if isinstance(data, list):
        data = {"@graph": data}
    data.pop("@context", None)
    return {"@context": context_ref, **_canonical(data)}


def write_jsonld(graph: Graph, path: Path | str) -> None:
    """Write ``graph`` to ``path`` as JSON-LD and its context beside it, atomically.

    Raises :class:`~govkg.errors.OutputError` if a file cannot be written.
    """
    path = Path(path)
    ctx_path = context_path(path)
    document = jsonld_document(graph, ctx_path.name)
    try:
        with atomic_write(ctx_path) as fh:
            fh.write(_dumps(context()))
        with atomic_write(path) as fh:
            fh.write(_dumps(document))
    except OSError as exc:
        raise OutputError(f"{path}: cannot write JSON-LD: {exc}") from exc


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def _canonical(value: Any) -> Any:
    """``value`` with every unordered list sorted (by ``@id`` where present, else by its JSON text).

    ``@list`` values are ordered in JSON-LD and keep their order.
    """
    if isinstance(value, dict):
        return {k: (_keep_order(v) if k == "@list" else _canonical(v)) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        return sorted(items, key=_sort_key)
    return value


def _keep_order(value: Any) -> Any:
    return [_canonical(v) for v in value] if isinstance(value, list) else _canonical(value)


def _sort_key(value: Any) -> tuple[str, str]:
    ident = value.get("@id", "") if isinstance(value, dict) else ""
    return str(ident), json.dumps(value, ensure_ascii=False, sort_keys=True)
