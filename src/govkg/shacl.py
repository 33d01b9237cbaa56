"""The SHACL shapes of ``ontology/shapes.ttl`` checked over a stream of quads, giving what pyshacl gives.

pySHACL needs the whole graph as an rdflib graph (on the 213-report build:
20 s and 1.4 GB to load it, 20 s more to validate). This module reads the
quads once with pyoxigraph into an index of the union of the document graphs
(subject -> predicate -> objects, each triple once) and evaluates the shapes
on it with pySHACL's rules for the constraint components the shapes use:
targets by class (with ``rdfs:subClassOf``), subjects of and objects of;
property paths of one predicate or its inverse; ``sh:minCount``,
``sh:maxCount``, ``sh:datatype`` (ill-typed literals fail), ``sh:languageIn``,
``sh:minLength``, ``sh:pattern``, ``sh:min/maxInclusive``,
``sh:min/maxExclusive``, ``sh:in``, ``sh:class``, ``sh:nodeKind``, ``sh:or``
and ``sh:qualifiedValueShape``. Literals are checked as rdflib literals, as
pySHACL checks them. A shape using anything else raises :class:`Unsupported`
(the caller then runs pySHACL itself), so a new shape cannot be skipped quietly.

The results are the :class:`govkg.validate.Violation` records pySHACL's
report gives (tests inject a fault of every shape and compare the two).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from pyshacl.constraints.core.string_based_constraints import StringBasedConstraintBase
from pyshacl.constraints.core.value_constraints import DatatypeConstraintComponent
from pyshacl.rdfutil.compare import compare_literal
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

_META = {RDF.type, RDFS.comment, RDFS.label, SH.message, SH.severity, SH.property, SH.path, SH.targetClass,
         SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode, SH.name, SH.description, SH.flags,
         SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.order, SH.group}
_KNOWN = {SH.minCount, SH.maxCount, SH.datatype, SH.languageIn, SH.minLength, SH.pattern, SH.minInclusive,
          SH.maxInclusive, SH.minExclusive, SH.maxExclusive, SH["in"], SH["class"], SH.nodeKind, SH["or"],
          SH.qualifiedValueShape}


class Unsupported(Exception):
    """The shapes use a SHACL feature this evaluator does not implement."""


@dataclass
class Shape:
    """One shape of the shapes graph, parsed."""

    node: Any
    path: tuple[URIRef, bool] | None = None  # (predicate, inverse)
    message: str | None = None
    severity: Any = SH.Violation
    constraints: list[tuple[Any, Any]] = field(default_factory=list)
    properties: list[Shape] = field(default_factory=list)
    target_classes: list[Any] = field(default_factory=list)
    target_subjects_of: list[Any] = field(default_factory=list)
    target_objects_of: list[Any] = field(default_factory=list)
    target_nodes: list[Any] = field(default_factory=list)
    qualified: tuple[int | None, int | None] = (None, None)


def parse_shapes(shapes: Graph) -> list[Shape]:
    """The node shapes of ``shapes`` that have targets, with their property shapes. Raises :class:`Unsupported`."""
    cache: dict[Any, Shape] = {}

    def shape(node: Any) -> Shape:
        if node in cache:
            return cache[node]
        out = cache[node] = Shape(node)
        for p, o in shapes.predicate_objects(node):
            if p == SH.path:
                if isinstance(o, URIRef):
                    out.path = (o, False)
                elif isinstance(o, BNode) and set(shapes.predicates(o)) == {SH.inversePath} \
                        and isinstance(shapes.value(o, SH.inversePath), URIRef):
                    out.path = (shapes.value(o, SH.inversePath), True)
                else:
                    raise Unsupported(f"path {o!r}")
            elif p == SH.message:
                if out.message is not None:
                    raise Unsupported(f"{node}: several sh:message")
                out.message = str(o)
            elif p == SH.severity:
                out.severity = o
            elif p == SH.property:
                out.properties.append(shape(o))
            elif p == SH.targetClass:
                out.target_classes.append(o)
            elif p == SH.targetSubjectsOf:
                out.target_subjects_of.append(o)
            elif p == SH.targetObjectsOf:
                out.target_objects_of.append(o)
            elif p == SH.targetNode:
                out.target_nodes.append(o)
            elif p in (SH.qualifiedMinCount, SH.qualifiedMaxCount):
                lo, hi = out.qualified
                out.qualified = (int(o), hi) if p == SH.qualifiedMinCount else (lo, int(o))
            elif p in _KNOWN:
                if p in (SH.languageIn, SH["in"]):
                    o = list(Collection(shapes, o))
                    if p == SH.languageIn:
                        o = {str(lang).lower() for lang in o}
                elif p == SH["or"]:
                    o = [shape(member) for member in Collection(shapes, o)]
                elif p == SH.qualifiedValueShape:
                    o = shape(o)
                elif p == SH.pattern:
                    flags = shapes.value(node, SH.flags)
                    o = re.compile(str(o), _flags(str(flags)) if flags is not None else 0)
                out.constraints.append((p, o))
            elif p == SH.deactivated:
                raise Unsupported(f"{node}: sh:deactivated")
            elif p not in _META:
                raise Unsupported(f"{node}: {p}")
        if out.path is None and out.properties and any(sh_p.path is None for sh_p in out.properties):
            raise Unsupported(f"{node}: a property shape without a path")
        return out

    roots = set(shapes.subjects(RDF.type, SH.NodeShape))
    roots |= {s for p in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
              for s in shapes.subjects(p, None)}
    return [shape(node) for node in sorted(roots, key=str)]


def _flags(text: str) -> int:
    table = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}
    out = 0
    for ch in text:
        if ch not in table:
            raise Unsupported(f"sh:flags {text!r}")
        out |= table[ch]
    return out


class UnionIndex:
    """The union of a stream of pyoxigraph quads: predicate -> subject -> objects, each triple once.

    IRIs become rdflib ``URIRef``s, one object per IRI (:meth:`intern` gives the shapes' terms the same
    objects, so lookups never fall back to rdflib's slow ``__eq__``); literals and blank nodes stay
    pyoxigraph terms until a constraint looks at them (:meth:`term` makes the rdflib term, once).
    ``inverse`` lists the predicates also indexed object -> subjects.
    """

    def __init__(self, quads: Iterable[Any], inverse: Iterable[Any] = ()) -> None:
        import pyoxigraph as ox

        iris: dict[str, URIRef] = {}
        self._iris = iris
        named = ox.NamedNode
        make = str.__new__
        # dicts, not sets: values stay in the order read, as rdflib's store keeps them
        out: dict[Any, dict[Any, dict[Any, None]]] = {}
        back: dict[Any, dict[Any, dict[Any, None]]] = {self.intern(p): {} for p in inverse}
        triples = 0
        for q in quads:
            s, p, o = q.subject, q.predicate.value, q.object
            if type(s) is named:
                v = s.value
                s = iris.get(v)
                if s is None:
                    s = iris[v] = make(URIRef, v)
            if type(o) is named:
                v = o.value
                o = iris.get(v)
                if o is None:
                    o = iris[v] = make(URIRef, v)
            pi = iris.get(p)
            if pi is None:
                pi = iris[p] = make(URIRef, p)
            by_subject = out.get(pi)
            if by_subject is None:
                by_subject = out[pi] = {}
            objects = by_subject.get(s)
            if objects is None:
                objects = by_subject[s] = {}
            if o not in objects:
                objects[o] = None
                triples += 1
                by_object = back.get(pi)
                if by_object is not None:
                    subjects = by_object.get(o)
                    if subjects is None:
                        subjects = by_object[o] = {}
                    subjects[s] = None
        self.out, self.back, self.triples = out, back, triples
        self._terms: dict[Any, Any] = {}

    def intern(self, term: Any) -> Any:
        """``term`` (an rdflib term), as the object this index holds for it when it is an IRI."""
        if isinstance(term, URIRef):
            return self._iris.setdefault(str(term), term)
        return term

    def objects(self, s: Any, p: Any) -> dict[Any, None]:
        """The objects of ``s p ?o`` (as the keys of a dict, in the order read)."""
        return self.out.get(p, _EMPTY).get(s, _EMPTY)

    def subjects(self, p: Any, o: Any) -> dict[Any, None]:
        """The subjects of ``?s p o`` (``p`` must be one of the ``inverse`` predicates)."""
        return self.back[p].get(o, _EMPTY)

    def subjects_of(self, p: Any) -> Iterable[Any]:
        return self.out.get(p, _EMPTY).keys()

    def objects_of(self, p: Any) -> Iterable[Any]:
        return self.back[p].keys()

    def term(self, t: Any) -> Any:
        """``t`` as an rdflib term."""
        if type(t) is URIRef:
            return t
        found = self._terms.get(t)
        if found is None:
            from govkg.export.project import _term

            found = self._terms[t] = _term(t)
        return found


_EMPTY: dict[Any, Any] = {}


def inverse_predicates(shapes: list[Shape]) -> set[Any]:
    """The predicates ``shapes`` read from object to subject (targets, inverse paths, classes)."""
    found: set[Any] = {RDF.type, RDFS.subClassOf}
    todo, seen = list(shapes), set()
    while todo:
        shape = todo.pop()
        if id(shape) in seen:
            continue
        seen.add(id(shape))
        found.update(shape.target_objects_of)
        if shape.path is not None and shape.path[1]:
            found.add(shape.path[0])
        todo.extend(shape.properties)
        for component, arg in shape.constraints:
            if component == SH["or"]:
                todo.extend(arg)
            elif component == SH.qualifiedValueShape:
                todo.append(arg)
    return found


@dataclass(frozen=True)
class Result:
    """One validation result as pySHACL reports it."""

    shape: Shape  # the shape that made it (a property shape, or the node shape)
    focus: Any
    value: Any = None


def evaluate(shapes: list[Shape], data: UnionIndex) -> list[Result]:
    """Every result of ``shapes`` over ``data``."""
    checker = _Checker(data)
    results: list[Result] = []
    for shape in shapes:
        check = checker.compile(shape)
        for focus in _targets(shape, data):
            results.extend(check(focus))
    return results


def _targets(shape: Shape, data: UnionIndex) -> list[Any]:
    found: dict[Any, None] = dict.fromkeys(data.intern(n) for n in shape.target_nodes)
    for c in shape.target_classes:
        for cls in _subclasses(data.intern(c), data):
            found.update(dict.fromkeys(data.subjects(RDF.type, cls)))
    for p in shape.target_subjects_of:
        found.update(dict.fromkeys(data.subjects_of(data.intern(p))))
    for p in shape.target_objects_of:
        found.update(dict.fromkeys(data.objects_of(data.intern(p))))
    return list(found)


def _subclasses(c: Any, data: UnionIndex) -> set[Any]:
    seen, todo = {c}, [c]
    while todo:
        for sub in data.subjects(RDFS.subClassOf, todo.pop()):
            if sub not in seen:
                seen.add(sub)
                todo.append(sub)
    return seen


class _Checker:
    """Shapes compiled to functions of a focus node over one index; value checks remembered per value."""

    def __init__(self, data: UnionIndex) -> None:
        self.data = data
        self.compiled: dict[int, Callable[[Any], list[Result]]] = {}
        data.intern(RDF.type)
        data.intern(RDFS.subClassOf)

    def compile(self, shape: Shape) -> Callable[[Any], list[Result]]:
        found = self.compiled.get(id(shape))
        if found is not None:
            return found
        data = self.data
        if shape.path is None:
            def values(focus: Any) -> Any:
                return (focus,)
        else:
            p, inverse = data.intern(shape.path[0]), shape.path[1]
            if inverse:
                by_object = data.back[p]

                def values(focus: Any) -> Any:
                    return by_object.get(focus, _EMPTY)
            else:
                def values(focus: Any) -> Any:
                    return data.out.get(p, _EMPTY).get(focus, _EMPTY)
        counts: list[Callable[[Any], bool]] = []
        rules: list[Callable[[Any], bool]] = []
        for component, arg in shape.constraints:
            if component == SH.minCount:
                counts.append(lambda vs, n=int(arg): len(vs) >= n)
            elif component == SH.maxCount:
                counts.append(lambda vs, n=int(arg): len(vs) <= n)
            elif component == SH.qualifiedValueShape:
                lo, hi = shape.qualified
                inner = self.compile(arg)
                counts.append(lambda vs, inner=inner, lo=lo, hi=hi:
                              _between(sum(1 for v in vs if not inner(v)), lo, hi))
            else:
                rules.append(self._rule(component, arg))
        props = [self.compile(prop) for prop in shape.properties]

        def check(focus: Any) -> list[Result]:
            vs = values(focus)
            out = [Result(shape, focus) for ok in counts if not ok(vs)]
            for ok in rules:
                out.extend(Result(shape, focus, v) for v in vs if not ok(v))
            for prop in props:
                out.extend(prop(focus))
            return out

        self.compiled[id(shape)] = check
        return check

    def _rule(self, component: Any, arg: Any) -> Callable[[Any], bool]:
        data = self.data
        if component == SH["or"]:
            members = [self.compile(m) for m in arg]
            return lambda v: any(not m(v) for m in members)
        if component == SH["class"]:
            cls = data.intern(arg)
            return _remembered(lambda v: _class(cls, v, data))
        if component == SH["in"]:
            allowed = [data.intern(a) for a in arg]
        else:
            allowed = arg
        test = _RULES[component]
        return _remembered(lambda v: test(allowed, v, data))


def _remembered(test: Callable[[Any], bool]) -> Callable[[Any], bool]:
    memo: dict[Any, bool] = {}

    def ok(v: Any) -> bool:
        found = memo.get(v)
        if found is None:
            found = memo[v] = test(v)
        return found

    return ok


def _between(n: int, lo: int | None, hi: int | None) -> bool:
    return (lo is None or n >= lo) and (hi is None or n <= hi)


def _literal(v: Any, data: UnionIndex) -> Any:
    return data.term(v) if not isinstance(v, URIRef) else v


def _datatype(rule: Any, v: Any, data: UnionIndex) -> bool:
    v = _literal(v, data)
    if not isinstance(v, Literal):
        return False
    if v.datatype == rule:
        if getattr(v, "ill_typed", None) is True:
            return False
        return DatatypeConstraintComponent._assert_actual_datatype(None, v, rule)
    if rule == RDFS.Literal:
        return True
    if rule == RDFS.Datatype and v.datatype:
        return True
    if v.datatype is None and v.language is None and rule == _XSD_STRING:
        return DatatypeConstraintComponent._assert_actual_datatype(None, v, rule)
    if rule == RDF.langString and v.language:
        return DatatypeConstraintComponent._assert_actual_datatype(None, v, rule)
    return False


_XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")


def _language_in(languages: set[str], v: Any, data: UnionIndex) -> bool:
    v = _literal(v, data)
    if not isinstance(v, Literal) or not v.language:
        return False
    lang = str(v.language).lower()
    return "*" in languages or lang in languages or lang.split("-")[0] in languages


def _string(v: Any, data: UnionIndex) -> str | None:
    v = data.term(v)
    return None if isinstance(v, BNode) else StringBasedConstraintBase.value_node_to_string(v)


def _min_length(n: Any, v: Any, data: UnionIndex) -> bool:
    if int(n) == 0:
        return True
    text = _string(v, data)
    return text is not None and len(text) >= int(n)


def _pattern(regex: re.Pattern[str], v: Any, data: UnionIndex) -> bool:
    text = _string(v, data)
    return text is not None and bool(regex.match(text) or regex.search(text))


def _compare(test: Callable[[int], bool]) -> Callable[[Any, Any, UnionIndex], bool]:
    def rule(bound: Any, v: Any, data: UnionIndex) -> bool:
        v = _literal(v, data)
        if not isinstance(v, Literal) or isinstance(v.value, str) != isinstance(bound.value, str):
            return False
        try:
            return test(compare_literal(v, bound))
        except (TypeError, NotImplementedError):
            return False

    return rule


def _in(allowed: list[Any], v: Any, data: UnionIndex) -> bool:
    return data.term(v) in allowed


def _class(cls: Any, v: Any, data: UnionIndex) -> bool:
    if not isinstance(v, URIRef) and not isinstance(data.term(v), BNode):
        return False
    for t in data.objects(v, RDF.type):
        if t is cls or cls in _superclasses(t, data):
            return True
    return False


def _superclasses(c: Any, data: UnionIndex) -> set[Any]:
    seen, todo = {c}, [c]
    while todo:
        for sup in data.objects(todo.pop(), RDFS.subClassOf):
            if sup not in seen:
                seen.add(sup)
                todo.append(sup)
    return seen


def _node_kind(kind: Any, v: Any, data: UnionIndex) -> bool:
    v = data.term(v)
    if isinstance(v, BNode):
        return kind in (SH.BlankNode, SH.BlankNodeOrLiteral, SH.BlankNodeOrIRI)
    if isinstance(v, Literal):
        return kind in (SH.Literal, SH.BlankNodeOrLiteral, SH.IRIOrLiteral)
    return kind in (SH.IRI, SH.IRIOrLiteral, SH.BlankNodeOrIRI)


_RULES: dict[Any, Any] = {
    SH.datatype: _datatype, SH.languageIn: _language_in, SH.minLength: _min_length, SH.pattern: _pattern,
    SH.minInclusive: _compare(lambda c: c >= 0), SH.maxInclusive: _compare(lambda c: c <= 0),
    SH.minExclusive: _compare(lambda c: c > 0), SH.maxExclusive: _compare(lambda c: c < 0),
    SH["in"]: _in, SH.nodeKind: _node_kind,
}
