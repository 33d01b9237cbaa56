"""Check a govkg graph against the SHACL shapes shipped in ``ontology/shapes.ttl``.

The shapes run with pyshacl over the union of the document graphs (an entity
named in one document and declared in another is one node). The report is
data: a list of :class:`Violation` records, grouped for display by
:meth:`ValidationReport.groups`. Only results of severity ``Violation`` make a
graph invalid; ``Warning`` results are reported beside them.

>>> from rdflib import Graph, Literal, RDFS
>>> from govkg.ontology.namespaces import GOVKG, ENTITY
>>> g = Graph()
>>> _ = g.add((ENTITY["industry/x"], RDFS.label, Literal("化工", lang="zh")))
>>> validate_graph(g).conforms     # untyped, so no shape targets it
True
>>> _ = g.add((ENTITY["industry/x"], RDF.type, GOVKG.Industry))
>>> report = validate_graph(g)     # typed, but no mention names it
>>> report.conforms, [v.shape for v in report.violations]
(False, ['EntityProvenance'])
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from govkg.errors import GovkgError
from govkg.ontology.namespaces import GOVKG

SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result: which rule (shape and message), on which node, and its label."""

    severity: str
    shape: str
    message: str
    focus: str
    label: str = ""
    path: str = ""
    value: str = ""


@dataclass(frozen=True)
class ViolationGroup:
    """All results of one shape and message: how many, and a few examples."""

    severity: str
    shape: str
    message: str
    count: int
    examples: tuple[Violation, ...]


@dataclass(frozen=True)
class ValidationReport:
    """What :func:`validate_graph` found."""

    violations: tuple[Violation, ...] = field(default_factory=tuple)
    triples: int = 0
    seconds: float = 0.0

    @property
    def conforms(self) -> bool:
        """True when no result has severity ``Violation`` (warnings allowed)."""
        return not any(v.severity == "Violation" for v in self.violations)

    def count(self, severity: str = "Violation") -> int:
        """How many results of ``severity``."""
        return sum(1 for v in self.violations if v.severity == severity)

    def groups(self, examples: int = 3) -> list[ViolationGroup]:
        """Results grouped by (severity, shape, message): violations first, biggest groups first."""
        by_key: dict[tuple[str, str, str], list[Violation]] = {}
        for v in self.violations:
            by_key.setdefault((v.severity, v.shape, v.message), []).append(v)
        order = {"Violation": 0, "Warning": 1, "Info": 2}
        keys = sorted(by_key, key=lambda k: (order.get(k[0], 3), -len(by_key[k]), k))
        return [ViolationGroup(k[0], k[1], k[2], len(by_key[k]), tuple(sorted(by_key[k])[:examples]))
                for k in keys]

    def text(self, examples: int = 3) -> str:
        """A readable report: a summary line, then each rule broken with its count and example nodes."""
        n_v, n_w = self.count("Violation"), self.count("Warning")
        verdict = "valid" if self.conforms else "invalid"
        lines = [f"{verdict}: {self.triples:,} triples, {n_v} violations, {n_w} warnings ({self.seconds:.1f} s)"]
        for grp in self.groups(examples):
            lines.append("")
            lines.append(f"{grp.severity} × {grp.count}  [{grp.shape}]  {grp.message}")
            for v in grp.examples:
                extra = "".join(f"  {k}={val}" for k, val in (("path", v.path), ("value", v.value)) if val)
                label = f"  「{v.label}」" if v.label else ""
                lines.append(f"    {v.focus}{label}{extra}")
            if grp.count > len(grp.examples):
                lines.append(f"    … and {grp.count - len(grp.examples)} more")
        return "\n".join(lines)


def shapes_graph() -> Graph:
    """Parse and return the shipped SHACL shapes (``ontology/shapes.ttl``)."""
    g = Graph()
    data = resources.files("govkg.ontology").joinpath("shapes.ttl").read_text(encoding="utf-8")
    g.parse(data=data, format="turtle")
    return g


def validate_graph(data: Graph, shapes: Graph | None = None) -> ValidationReport:
    """Run the SHACL shapes over ``data`` and return the results as records.

    ``data`` is a Graph or a Dataset; a Dataset is validated as the union of its
    graphs (pyshacl reads through its store: nothing is copied).

    Raises :class:`GovkgError` when pyshacl is not installed or the shapes cannot be run.
    """
    try:
        import pyshacl
        from pyshacl.errors import ReportableRuntimeError
    except ImportError:  # pragma: no cover - pyshacl is a declared dependency
        raise GovkgError("validation needs pyshacl: pip install pyshacl") from None
    start = time.perf_counter()
    shapes = shapes if shapes is not None else shapes_graph()
    union = getattr(data, "default_union", None)
    if union is False:  # see every named graph at once, without copying them into one graph
        data.default_union = True
    try:
        _, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=False,
                                         allow_warnings=True, allow_infos=True, inplace=True)
        violations = tuple(sorted(_records(results, shapes, data)))
        triples = len(data)
    except ReportableRuntimeError as exc:  # bad shapes: say which, in one line
        first = (str(exc).strip().splitlines() or [exc.__class__.__name__])[0]
        raise GovkgError(f"SHACL shapes cannot be run: {first}") from None
    finally:
        if union is False:
            data.default_union = False
    return ValidationReport(violations, triples, time.perf_counter() - start)


def validate_source(source: Any, shapes: Graph | None = None) -> ValidationReport:
    """Run the SHACL shapes over ``source`` (a :class:`~govkg.graph.quads.GraphSource`: a build folder, a store,
    an RDF file) read as a stream, and return the results as records: the same as :func:`validate_graph` on the
    union of its graphs, without an rdflib graph of it (see :mod:`govkg.shacl`).

    Shapes that use a SHACL feature :mod:`govkg.shacl` does not implement are run by pySHACL on the graph
    loaded into rdflib (slow). Raises :class:`GovkgError` as :func:`validate_graph`.
    """
    from govkg.graph.rdf import bind_prefixes
    from govkg.shacl import Unsupported, UnionIndex, evaluate, inverse_predicates, parse_shapes

    start = time.perf_counter()
    shapes = shapes if shapes is not None else shapes_graph()
    if source.kind == "rdflib":
        return validate_graph(source.graph, shapes)
    try:
        parsed = parse_shapes(shapes)
        data = UnionIndex(source.quads(), inverse_predicates(parsed))
        results = evaluate(parsed, data)
        if any(r.shape.message is None for r in results):
            raise Unsupported("a result of a shape without sh:message (pySHACL words its own)")
    except Unsupported:
        from govkg.export.jsonld import _rdflib_dataset

        ds = _rdflib_dataset(source)
        ds.default_union = True
        return validate_graph(ds, shapes)
    parent = {ps: ns for ns, ps in shapes.subject_objects(SH.property)}
    names = Graph()
    bind_prefixes(names)

    def name(node: Any) -> str:
        for p in (RDFS.label, GOVKG.surface, GOVKG.text):
            for v in data.objects(node, p):
                v = data.term(v)
                if isinstance(v, Literal):
                    text = str(v)
                    return text if len(text) <= 40 else text[:39] + "…"
                break
        return ""

    def path(shape: Any) -> str:
        if shape.path is None:
            return ""
        p, inverse = shape.path
        try:
            text = names.namespace_manager.qname(p)
        except Exception:  # not every IRI has a qname form
            text = str(p)
        return "^" + text if inverse else text

    violations = tuple(sorted(
        Violation(severity=SEVERITIES.get(r.shape.severity, "Violation"),
                  shape=_local(parent.get(r.shape.node, r.shape.node)), message=r.shape.message or "",
                  focus=str(data.term(r.focus)), label=name(r.focus), path=path(r.shape),
                  value=str(data.term(r.value)) if r.value is not None else "")
        for r in results))
    return ValidationReport(violations, data.triples, time.perf_counter() - start)


def _records(results: Graph, shapes: Graph, data: Graph) -> list[Violation]:
    parent = {ps: ns for ns, ps in shapes.subject_objects(SH.property)}
    name = _namer(data)
    out = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(r, SH.focusNode)
        source = results.value(r, SH.sourceShape)
        shape = parent.get(source, source)
        message = results.value(r, SH.resultMessage)
        path = results.value(r, SH.resultPath)
        value = results.value(r, SH.value)
        out.append(Violation(
            severity=SEVERITIES.get(results.value(r, SH.resultSeverity), "Violation"),
            shape=_local(shape),
            message=str(message) if message is not None else "",
            focus=str(focus),
            label=name(focus),
            path=_path(results, path, data) if path is not None else "",
            value=str(value) if value is not None else "",
        ))
    return out


def _namer(data: Graph) -> Callable[[Node | None], str]:
    """A function giving a readable name of a node: its label, surface form or sentence text."""

    def name(node: Node | None) -> str:
        if node is None:
            return ""
        for p in (RDFS.label, GOVKG.surface, GOVKG.text):
            v = data.value(node, p)
            if isinstance(v, Literal):
                text = str(v)
                return text if len(text) <= 40 else text[:39] + "…"
        return ""

    return name


def _local(node: Node | None) -> str:
    if isinstance(node, URIRef):
        return str(node).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    return str(node) if node is not None else ""


def _path(results: Graph, path: Node, data: Graph) -> str:
    if isinstance(path, BNode):
        inv = results.value(path, SH.inversePath)
        return "^" + _path(results, inv, data) if inv is not None else str(path)
    try:
        return data.namespace_manager.qname(path)
    except Exception:  # not every IRI has a qname form
        return str(path)
