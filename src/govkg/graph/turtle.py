"""Turtle and TriG text written by hand: the fast, deterministic path from facts to files.

Terms are made as Turtle text once (:func:`iri`, :func:`literal`), statements
are grouped by subject, and every group is written in one canonical order
(subjects, then predicate-object pairs, sorted as text), so the same facts
give the same bytes whichever process wrote them and in whatever order they
arrived. Predicates and classes use the prefixes of :data:`PREFIX_HEADER`;
subjects and objects are full IRIs.

>>> s = iri("https://w3id.org/govkg/id/region/510311")
>>> print(subject_text(s, [("rdfs:label", literal("沿滩区", "zh")), ("a", "govkg:Region"),
...                        ("skos:altLabel", literal('说"好"\\n', "zh"))]), end="")
<https://w3id.org/govkg/id/region/510311> a govkg:Region ;
    rdfs:label "沿滩区"@zh ;
    skos:altLabel "说\\"好\\"\\n"@zh .
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from govkg.ontology.namespaces import PREFIXES

PREFIX_HEADER = "".join(f"@prefix {name}: <{base}> .\n" for name, base in PREFIXES.items())
"""The prefix lines every Turtle or TriG file (and block) of ours starts with."""

_LITERAL_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_LITERAL_BAD = re.compile(r'[\\"\n\r]')
# characters an IRI may not hold (RFC 3987): percent-encoded
_IRI_ESCAPES = {c: f"%{c:02X}" for c in [*range(0x21), *map(ord, '<>"{}|^`\\')]}
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')

Pair = tuple[str, str]
"""(predicate, object) of one statement, both as Turtle text."""


def iri(value: str) -> str:
    """An IRI as Turtle (and N-Triples) text: ``<value>``, characters an IRI may not hold percent-encoded.

    The IRIs of :mod:`govkg.graph.iri` never hold any; this keeps a stray one from breaking a whole file.

    >>> iri("urn:a b")
    '<urn:a%20b>'
    """
    return f"<{value.translate(_IRI_ESCAPES) if _IRI_BAD.search(value) else value}>"


def literal(value: str, lang: str | None = None, datatype: str | None = None) -> str:
    """A literal as Turtle text; ``datatype`` is a prefixed name (``xsd:date``) or an IRI in ``<>``.

    >>> literal("钒钛", "zh"), literal("2022", datatype="xsd:gYear"), literal("x")
    ('"钒钛"@zh', '"2022"^^xsd:gYear', '"x"')
    """
    text = f'"{value.translate(_LITERAL_ESCAPES) if _LITERAL_BAD.search(value) else value}"'
    if lang:
        return f"{text}@{lang}"
    if datatype:
        return f"{text}^^{datatype}"
    return text


def integer(value: int) -> str:
    """An ``xsd:integer`` literal in Turtle's short form.

    >>> integer(12), integer(-3)
    ('12', '-3')
    """
    return str(int(value))


def subject_text(subject: str, pairs: Iterable[Pair]) -> str:
    """The statements of one subject as a Turtle block, pairs sorted (each written once)."""
    return statements_text(subject, sorted(set(pairs)))


def statements_text(subject: str, pairs: Iterable[Pair]) -> str:
    """The statements of one subject as a Turtle block, pairs in the order given, one predicate per line.

    >>> print(statements_text("<urn:s>", [("a", "<urn:C>"), ("rdfs:label", '"甲"'), ("rdfs:label", '"乙"')]), end="")
    <urn:s> a <urn:C> ;
        rdfs:label "甲" , "乙" .
    """
    lines: list[str] = []
    last_p = None
    for p, o in pairs:
        if p == last_p:
            lines[-1] += f" , {o}"
        else:
            lines.append(f"{p} {o}")
            last_p = p
    return f"{subject} " + " ;\n    ".join(lines) + " .\n"
