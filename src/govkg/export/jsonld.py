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
import json.encoder
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from rdflib import Graph

from govkg.errors import OutputError
from govkg.fileio import atomic_write
from govkg.graph.quads import GraphSource
from govkg.ontology.namespaces import DOC_BASE, ENTITY_BASE, PREFIXES


def context_path(path: Path) -> Path:
    """The context file beside the data file ``path`` (``graph.jsonld`` -> ``graph.context.jsonld``)."""
    stem = path.name[:-len(".jsonld")] if path.name.endswith(".jsonld") else path.name
    return path.with_name(f"{stem}.context.jsonld")


def context() -> dict[str, Any]:
    """The JSON-LD context: the prefixes of the govkg graph."""
    return {"@context": {"entity": ENTITY_BASE, "doc": DOC_BASE, **PREFIXES}}


def jsonld_document(graph: Graph | GraphSource, context_ref: str | dict[str, Any]) -> dict[str, Any]:
    """``graph`` as compacted JSON-LD whose ``@context`` is ``context_ref``: the context itself, or a reference.

    Nodes, graphs and values are sorted, so the same graph gives the same document.
    """
    if isinstance(graph, GraphSource):
        graph = _rdflib_dataset(graph)
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
    ref = context()["@context"] if context_url is None else context_url
    try:
        with atomic_write(ctx_path) as fh:
            fh.write(_dumps(context()))
        with atomic_write(path) as fh:
            source = GraphSource.of(graph)
            if source.kind == "rdflib" or not _write_streamed(source, ref, fh):
                fh.seek(0)
                fh.truncate()
                fh.write(_dumps(jsonld_document(source.graph if source.kind == "rdflib" else source, ref)))
    except OSError as exc:
        raise OutputError(f"{path}: cannot write JSON-LD: {exc}") from exc


def _rdflib_dataset(source: GraphSource) -> Any:
    """``source`` as an rdflib Dataset (slow: only for what :func:`_write_streamed` leaves)."""
    from rdflib import Dataset

    from govkg.export.project import _converted

    ds = Dataset()
    for s, p, o, g in _converted(source.quads()):
        ds.add((s, p, o, ds.default_context.identifier if g is None else g))
    return ds


class _Unusual(Exception):
    """The graph holds what the streamed writer does not handle (it then leaves the file to rdflib's)."""


def _write_streamed(source: GraphSource, ref: str | dict[str, Any], out: IO[str]) -> bool:
    """Write the document of ``source`` to ``out`` a named graph at a time, byte for byte what rdflib's JSON-LD
    serializer and :func:`_canonical` give; False (nothing useful written) when the graph holds what this
    does not handle: triples outside named graphs, fewer than two named graphs, a graph named twice apart,
    blank nodes, RDF lists, or a predicate the context names as a term."""
    try:
        with tempfile.TemporaryFile("w+b") as spool:
            spans: list[tuple[str, int, int]] = []
            for name, text in _graph_texts(source):
                data = text.encode("utf-8")
                spans.append((name, spool.tell(), len(data)))
                spool.write(data)
            if len(spans) < 2:
                return False
            head = _dumps({"@context": ref, "@graph": [0]})
            before, after = head.split("\n  0\n", 1)
            out.write(before + "\n")
            for i, (_, at, size) in enumerate(sorted(spans)):
                spool.seek(at)
                out.write(spool.read(size).decode("utf-8") + (",\n" if i < len(spans) - 1 else "\n"))
            out.write(after)
    except _Unusual:
        return False
    return True


def _graph_texts(source: GraphSource) -> Iterator[tuple[str, str]]:
    """(compact id, JSON text at the depth of a top-level graph) of each named graph of ``source``."""
    import pyoxigraph as ox
    from rdflib.namespace import RDF
    from rdflib.plugins.serializers.jsonld import PLAIN_LITERAL_TYPES
    from rdflib.plugins.shared.jsonld.context import UNDEF, Context
    from rdflib.plugins.shared.jsonld.keys import ID, VOCAB

    ctx = Context(context()["@context"])
    rdf_type, rdf_first = str(RDF.type), str(RDF.first)
    natives = {str(t) for t in PLAIN_LITERAL_TYPES}
    keys: dict[str, str] = {}
    shrunk: dict[str, str] = {}
    symbols: dict[str, str] = {}

    def key(p: str, literal: bool) -> str:
        found = keys.get(p)
        if found is None:
            if p == rdf_first or ctx.find_term(p) or any(ctx.find_term(p, c) for c in (ID, VOCAB, UNDEF)):
                raise _Unusual(p)
            found = keys[p] = ctx.to_symbol(p)
            term = ctx.terms.get(found)
            if term and (term.type or term.container):
                raise _Unusual(p)
        if literal and ctx.find_term(p, None, language=None) is not None:
            raise _Unusual(p)
        return found

    def shrink(iri: str) -> str:
        out = shrunk.get(iri)
        if out is None:
            out = shrunk[iri] = ctx.shrink_iri(iri)
        return out

    def symbol(iri: str) -> str:
        out = symbols.get(iri)
        if out is None:
            out = symbols[iri] = ctx.to_symbol(iri)
        return out

    def value(o: Any) -> Any:
        if isinstance(o, ox.NamedNode):
            return {"@id": shrink(o.value)}
        if not isinstance(o, ox.Literal):
            raise _Unusual(o)
        if o.language:
            return {"@language": o.language, "@value": o.value}
        datatype = o.datatype.value
        if datatype in natives:
            got = native.get((o.value, datatype), native)
            if got is native:
                got = native[o.value, datatype] = _native(o.value, datatype)
            return got
        return {"@type": symbol(datatype), "@value": o.value}

    native: dict[Any, Any] = {}
    seen: set[Any] = set()
    name = None
    nodes: dict[Any, dict[str, Any]] = {}
    for q in source.quads():
        if q.graph_name != name:
            if name is not None:
                yield _graph_text(shrink(name.value), nodes)
            name = q.graph_name
            if not isinstance(name, ox.NamedNode) or name in seen:
                raise _Unusual(name)
            seen.add(name)
            nodes = {}
        s, p, o = q.subject, q.predicate.value, q.object
        if not isinstance(s, ox.NamedNode):
            raise _Unusual(s)
        node = nodes.get(s)
        if node is None:
            node = nodes[s] = {"@id": shrink(s.value)}
        if p == rdf_type:
            if not isinstance(o, ox.NamedNode):
                raise _Unusual(o)
            k, v = "@type", symbol(o.value)
        else:
            k, v = key(p, isinstance(o, ox.Literal)), value(o)
        had = node.get(k)
        if had is None:
            node[k] = v
        elif isinstance(had, list):
            had.append(v)
        else:
            node[k] = [had, v]
    if name is not None:
        yield _graph_text(shrink(name.value), nodes)


def _graph_text(name: str, nodes: dict[Any, dict[str, Any]]) -> tuple[str, str]:
    out: list[str] = ["  "]
    _indented(_canonical({"@id": name, "@graph": list(nodes.values())}), "\n  ", out)
    return name, "".join(out)


def _indented(value: Any, newline: str, out: list[str]) -> None:
    r"""Append to ``out`` the text ``json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1)`` gives,
    its lines after the first starting with ``newline`` (a line break and the indent of the depth), faster
    (json's indenting encoder is pure Python and generic).

    >>> out = []; _indented({"b": [1, True, "é"], "a": {}}, "\n", out); print("".join(out))
    {
     "a": {},
     "b": [
      1,
      true,
      "é"
     ]
    }
    """
    if isinstance(value, str):
        out.append(_encode_string(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + " "
        first = True
        for key in sorted(value):
            out.append("{" + inner if first else "," + inner)
            first = False
            out.append(_encode_string(key) + ": ")
            _indented(value[key], inner, out)
        out.append(newline + "}")
    elif isinstance(value, list):
        if not value:
            out.append("[]")
            return
        inner = newline + " "
        out.append("[" + inner)
        for i, item in enumerate(value):
            if i:
                out.append("," + inner)
            _indented(item, inner, out)
        out.append(newline + "]")
    elif value is True or value is False or value is None or isinstance(value, int):
        out.append(json.dumps(value))
    else:  # a float (never NaN here): as json writes it
        out.append(json.dumps(value))


_encode_string = json.encoder.encode_basestring  # ensure_ascii=False's escaping (the C one where there is)


def _native(text: str, datatype: str) -> Any:
    """The JSON value rdflib gives a literal of a plain type (its Python value)."""
    from rdflib import Literal, URIRef

    value = Literal(text, datatype=None if datatype.endswith("#string") else URIRef(datatype)).toPython()
    if isinstance(value, Literal) or (isinstance(value, float) and value != value):
        raise _Unusual(text)  # ill-typed, or NaN (not JSON): rdflib's own writer decides
    return value


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
        ids = [str(v["@id"]) if isinstance(v, dict) and "@id" in v else None for v in items]
        if None not in ids and len(set(ids)) == len(ids):  # distinct ids decide the order alone
            return [item for _, item in sorted(zip(ids, items), key=lambda pair: pair[0])]
        return sorted(items, key=_sort_key)
    return value


def _keep_order(value: Any) -> Any:
    return [_canonical(v) for v in value] if isinstance(value, list) else _canonical(value)


def _sort_key(value: Any) -> tuple[str, str]:
    ident = value.get("@id", "") if isinstance(value, dict) else ""
    return str(ident), json.dumps(value, ensure_ascii=False, sort_keys=True)
