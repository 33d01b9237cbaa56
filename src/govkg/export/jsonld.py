"""JSON-LD: the whole graph (every named graph and its provenance), self-contained.

``write_jsonld(graph, "out/graph.jsonld")`` writes ``out/graph.jsonld`` with
its ``@context`` inline, so the file alone is the graph: any JSON-LD
processor reads it wherever it lies, from a file or a string, with no
document loader (pyld's default one, rdflib's parser given the text). The
context is also written beside it, ``out/graph.context.jsonld``, for users
who publish it: ``context_url="https://…/graph.context.jsonld"`` makes the
data name that URL as its ``@context`` instead (and a processor then fetches
it). Parsing the data back gives the same quads.

>>> context_path(Path("out/graph.jsonld")).as_posix()
'out/graph.context.jsonld'
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from rdflib import Graph

from govkg.errors import OutputError
from govkg.fileio import atomic_write
from govkg.ontology.namespaces import DOC_BASE, ENTITY_BASE, PREFIXES


def context_path(path: Path) -> Path:
    """The context file beside the data file ``path`` (``graph.jsonld`` -> ``graph.context.jsonld``)."""
    stem = path.name[:-len(".jsonld")] if path.name.endswith(".jsonld") else path.name
    return path.with_name(f"{stem}.context.jsonld")


def context() -> dict[str, Any]:
    """The JSON-LD context: the prefixes of the govkg graph."""
    return {"@context": {"entity": ENTITY_BASE, "doc": DOC_BASE, **PREFIXES}}


def jsonld_document(graph: Graph, context_ref: str | dict[str, Any]) -> dict[str, Any]:
    """``graph`` as compacted JSON-LD whose ``@context`` is ``context_ref``: the context itself, or a reference.

    Nodes, graphs and values are sorted, so the same graph gives the same document.
    """
    data = json.loads(graph.serialize(format="json-ld", context=context()["@context"], auto_compact=True))
    if isinstance(data, list):
        data = {"@graph": data}
    data.pop("@context", None)
    return {"@context": context_ref, **_canonical(data)}


def write_jsonld(graph: Graph, path: Path | str, *, context_url: str | None = None) -> None:
    """Write ``graph`` to ``path`` as JSON-LD with its context inline (by default) or named by ``context_url``
    (an absolute URL where the context is published), and the context beside it, atomically.

    Raises :class:`~govkg.errors.OutputError` if a file cannot be written or ``context_url`` is not an
    absolute http(s) URL (a relative one is what made the data unreadable outside its folder).
    """
    path = Path(path)
    ctx_path = context_path(path)
    if context_url is not None and not re.match(r"https?://[^\s/?#]+", context_url):
        raise OutputError(f"--context {context_url!r}: give the absolute http(s) URL where the context is published")
    document = jsonld_document(graph, context()["@context"] if context_url is None else context_url)
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
