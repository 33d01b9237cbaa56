"""The one place IRIs are made. Same type and key give the same IRI in every document.

>>> from govkg.model import EntityRef
>>> str(entity_iri(EntityRef("Region", "510311")))
'https://w3id.org/govkg/id/region/510311'
>>> str(entity_iri(EntityRef("Slogan", "1+5片区")))
'https://w3id.org/govkg/id/slogan/1%2B5%E7%89%87%E5%8C%BA'
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote

from rdflib import URIRef

from govkg.model import EntityRef
from govkg.ontology.namespaces import DOC_BASE, ENTITY_BASE

_DROP = re.compile(r"[“”‘’\"'「」『』《》〈〉\s]")


_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}


def normalise_label(text: str) -> str:
    """Quotation marks and white space removed, full-width ASCII made half-width.

    Other characters stay as written (1250m³ keeps its ³).

    >>> normalise_label("“１６３” 党建工作思路")
    '163党建工作思路'
    """
    return _DROP.sub("", text.translate(_FULLWIDTH))


@lru_cache(maxsize=1 << 16)
def entity_iri(ref: EntityRef) -> URIRef:
    return URIRef(entity_iri_text(ref))


@lru_cache(maxsize=1 << 16)
def entity_iri_text(ref: EntityRef) -> str:
    """:func:`entity_iri` as a plain string (the fast path of the build)."""
    return f"{ENTITY_BASE}{ref.type.lower()}/{quote(ref.key, safe='')}"


def doc_iri(doc_id: str) -> URIRef:
    return URIRef(doc_iri_text(doc_id))


@lru_cache(maxsize=1 << 12)
def doc_iri_text(doc_id: str) -> str:
    """:func:`doc_iri` as a plain string; the IRIs of a document's own nodes start with it."""
    return f"{DOC_BASE}{quote(doc_id, safe='')}"


def sentence_iri(doc_id: str, index: int) -> URIRef:
    return URIRef(sentence_iri_text(doc_id, index))


def sentence_iri_text(doc_id: str, index: int) -> str:
    return f"{doc_iri_text(doc_id)}/sentence/{index}"


def mention_iri(doc_id: str, ref: EntityRef, start: int, end: int) -> URIRef:
    return URIRef(mention_iri_text(doc_id, ref, start, end))


def mention_iri_text(doc_id: str, ref: EntityRef, start: int, end: int) -> str:
    return f"{doc_iri_text(doc_id)}/mention/{start}-{end}-{ref.type.lower()}"


def statement_iri(doc_id: str, n: int) -> URIRef:
    return URIRef(statement_iri_text(doc_id, n))


def statement_iri_text(doc_id: str, n: int) -> str:
    return f"{doc_iri_text(doc_id)}/statement/{n}"


def indicator_iri_text(code: str) -> str:
    """The concept of an indicator, by its code in ``extractors/data/indicators.tsv``.

    >>> indicator_iri_text("GDP")
    'https://w3id.org/govkg/id/indicator/GDP'
    """
    return f"{ENTITY_BASE}indicator/{quote(code, safe='')}"


INDICATOR_DATASET = f"{ENTITY_BASE}dataset/indicators"


def table_iri_text(key: str, version: str) -> str:
    """The IRI of version ``version`` of the division table ``key`` (a statement derived from it points there).

    >>> table_iri_text("cpca", "0.5.5")
    'https://w3id.org/govkg/id/dataset/cpca-0.5.5'
    """
    return f"{ENTITY_BASE}dataset/{quote(key, safe='')}-{quote(version, safe='')}"
"""The one ``qb:DataSet`` every indicator observation belongs to."""


def observation_iri_text(doc_id: str, sentence: int, indicator: str, year: int, kind: str) -> str:
    """An observation of a document: its first evidence sentence, indicator, year and kind (one per document)."""
    return f"{doc_iri_text(doc_id)}/observation/{sentence}-{quote(indicator, safe='')}-{year}-{kind}"


def investment_iri_text(doc_id: str, start: int, end: int) -> str:
    """The investment read next to the project mention at ``start:end``."""
    return f"{doc_iri_text(doc_id)}/investment/{start}-{end}"


def milestone_iri_text(doc_id: str, start: int, end: int, stage: str, year: int | None) -> str:
    """The milestone read next to the project mention at ``start:end``: its stage concept and year."""
    return f"{doc_iri_text(doc_id)}/milestone/{start}-{end}-{quote(stage, safe='')}-{year if year else 'na'}"
