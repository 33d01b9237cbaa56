"""N-Quads terms written by hand: the fast path from facts to a store or a file.

rdflib's ``n3()`` writes Turtle, not N-Quads (a literal with a line break
becomes a triple-quoted string); these follow the N-Quads grammar exactly.

>>> from rdflib import Literal, URIRef
>>> nquads_term(URIRef("https://w3id.org/govkg/id/region/510311"))
'<https://w3id.org/govkg/id/region/510311>'
>>> nquads_term(Literal('他说"好"\\n', lang="zh"))
'"他说\\\\"好\\\\"\\\\n"@zh'
>>> nquads_term(Literal(12))
'"12"^^<http://www.w3.org/2001/XMLSchema#integer>'
"""

from __future__ import annotations

import re

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

_LITERAL_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
# characters not allowed raw in an IRIREF: escaped as \\uXXXX
_IRI_ESCAPES = {c: f"\\u{c:04X}" for c in [*range(0x21), *map(ord, '<>"{}|^`\\')]}


_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LITERAL_BAD = re.compile(r'[\\"\n\r]')


def nquads_term(term: Node) -> str:
    """One term in N-Quads syntax (characters are escaped only when present: the common case is fast)."""
    if isinstance(term, URIRef):
        iri = str(term)
        return f"<{iri.translate(_IRI_ESCAPES) if _IRI_BAD.search(iri) else iri}>"
    if isinstance(term, Literal):
        lexical = str(term)
        text = f'"{lexical.translate(_LITERAL_ESCAPES) if _LITERAL_BAD.search(lexical) else lexical}"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype and str(term.datatype) != "http://www.w3.org/2001/XMLSchema#string":
            return f"{text}^^<{term.datatype}>"
        return text
    if isinstance(term, BNode):
        return f"_:{term}"
    raise TypeError(f"not an RDF term: {term!r}")
