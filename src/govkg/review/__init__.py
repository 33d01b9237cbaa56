"""What a person should look at in a build: the least certain entities and the probable duplicates.

:func:`load_entities` reads a build folder's merged graph (``graph.ttl``):
each entity's type, label, confidence (``govkg:confidence``; 1 where the
graph has none), the documents and mentions that name it, and the sentences
around its first mentions. :func:`uncertain` and :func:`duplicates` pick
what to review, leaving out what the curation file has decided already.
Decisions go to the curation file (:mod:`govkg.curation`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from govkg.curation import Curation
from govkg.errors import InputError
from govkg.ontology.namespaces import ENTITY_TYPES, ONTOLOGY_BASE
from govkg.review.duplicates import Named, Pair, find_pairs

EVIDENCE = 2
"""Sentences shown per entity."""

CONTEXT = 30
"""Characters of the sentence shown on either side of the mention."""

_ENTITIES = """
PREFIX govkg: <%s>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?e ?type ?label ?confidence WHERE {
  ?e a ?type ; rdfs:label ?label .
  OPTIONAL { ?e govkg:confidence ?confidence }
}""" % ONTOLOGY_BASE

_MENTIONS = """
PREFIX govkg: <%s>
SELECT ?e ?d ?start ?end ?sstart ?text WHERE {
  ?m govkg:mentionOf ?e ; govkg:startOffset ?start ; govkg:endOffset ?end ; govkg:inSentence ?s .
  ?s govkg:inDocument ?d ; govkg:startOffset ?sstart ; govkg:text ?text .
}""" % ONTOLOGY_BASE


@dataclass(frozen=True, slots=True)
class ReviewEntity:
    """An entity as review shows it. ``evidence`` holds sentences with the mention in 【】."""

    iri: str
    type: str
    label: str
    confidence: float
    documents: int
    mentions: int
    evidence: tuple[str, ...]
    document_ids: frozenset[str] = frozenset()
    sentence_ids: frozenset[tuple[str, int]] = frozenset()  # (document, sentence start)

    @property
    def subject(self) -> tuple[str, str]:
        return (self.type, self.label)


def load_entities(folder: Path | str) -> list[ReviewEntity]:
    """The entities of the build in ``folder`` that a mention names, sorted by type and label.

    Raises :class:`~govkg.errors.InputError` when ``folder`` holds no build.
    """
    from govkg.query import open_graph

    folder = Path(folder)
    if not (folder / "graph.ttl").is_file():
        raise InputError(folder, "no build here (graph.ttl missing); run govkg build first")
    types = {ONTOLOGY_BASE + t: t for t in ENTITY_TYPES}
    with open_graph(folder, named_graphs=False) as ds:
        heads = {}
        for e, type_, label, confidence in ds.query(_ENTITIES):
            if str(type_) in types:
                heads[str(e)] = (types[str(type_)], str(label), float(confidence) if confidence is not None else 1.0)
        seen: dict[str, list[tuple[str, int, int, int, str]]] = {}
        for e, d, start, end, sstart, text in ds.query(_MENTIONS):
            if str(e) in heads:
                seen.setdefault(str(e), []).append((str(d), int(start), int(end), int(sstart), str(text)))
    out = []
    for iri, (type_, label, confidence) in heads.items():
        found = sorted(seen.get(iri, ()))
        if not found:
            continue  # a region declared as a parent: no mention to review
        docs = frozenset(f[0] for f in found)
        out.append(ReviewEntity(iri, type_, label, confidence, len(docs), len(found), _evidence(found), docs,
                                frozenset((f[0], f[3]) for f in found)))
    return sorted(out, key=lambda e: (ENTITY_TYPES.index(e.type), e.label, e.iri))


def _evidence(found: list[tuple[str, int, int, int, str]]) -> tuple[str, ...]:
    """The sentences of the first mentions, one per document first, the mention marked and the sentence cut."""
    picked: list[tuple[str, int, int, int, str]] = []
    docs: set[str] = set()
    for f in found:  # one sentence per document first, then more from the first ones
        if f[0] not in docs:
            docs.add(f[0])
            picked.append(f)
    picked += [f for f in found if f not in picked]
    out: list[str] = []
    for _, start, end, sstart, text in picked:
        a, b = start - sstart, end - sstart
        if not 0 <= a <= b <= len(text):
            continue
        head = ("…" if a > CONTEXT else "") + text[max(0, a - CONTEXT):a]
        tail = text[b:b + CONTEXT] + ("…" if len(text) - b > CONTEXT else "")
        line = f"{head}【{text[a:b]}】{tail}".replace("\n", " ")
        if line not in out:
            out.append(line)
        if len(out) == EVIDENCE:
            break
    return tuple(out)


def uncertain(entities: Iterable[ReviewEntity], curation: Curation, *, types: Iterable[str] = (),
              limit: int | None = None) -> list[ReviewEntity]:
    """The least certain entities first: lowest confidence, then fewest documents and mentions.

    Entities the curation decides already are left out.
    """
    wanted = set(types)
    pool = [e for e in entities if (not wanted or e.type in wanted) and curation.get(*e.subject) is None]
    pool.sort(key=lambda e: (e.confidence, e.documents, e.mentions, ENTITY_TYPES.index(e.type), e.label, e.iri))
    return pool[:limit] if limit is not None else pool


@dataclass(frozen=True, slots=True)
class Duplicate:
    """Two entities that may be one; ``keep`` is the one to merge ``drop`` into, unless a person says otherwise."""

    pair: Pair
    keep: ReviewEntity
    drop: ReviewEntity


def duplicates(entities: Iterable[ReviewEntity], curation: Curation, *, types: Iterable[str] = (),
               limit: int | None = None) -> list[Duplicate]:
    """Probable duplicates (:mod:`govkg.review.duplicates`), strongest sign first; for one sign, pairs
    named in one document together first, then pairs of rarer names (a name many documents use is often a
    generic one, 抽水蓄能电站, and the prefixed ones distinct).

    ``keep`` is the one with more documents (merging the other changes fewer documents), then the longer name.

    Left out: pairs with an entity the curation rejects, retypes, renames or
    merges, pairs both accepted (a person said they are two), two regions
    with gazetteer codes (two official divisions), and two names one
    sentence names both (米会高速、米盐高速 are two roads).
    """
    wanted = set(types)
    entities = list(entities)
    regions = {e.label for e in entities if e.type == "Region"}
    prefixes = regions | {s for s in map(_short, regions) if s}
    pool = {}
    for e in entities:
        d = curation.get(*e.subject)
        if (not wanted or e.type in wanted) and (d is None or d.verb == "accept"):
            pool[e.iri] = e
    named = [Named(e.iri, e.type, e.label) for e in pool.values()]
    labels = {e.iri: e.label for e in pool.values()}
    out = []

    def rank(p: Pair) -> tuple:
        a, b = pool[p.first], pool[p.second]
        sign, *rest = p.sort_key(labels)
        return (sign, -len(a.document_ids & b.document_ids), max(a.documents, b.documents), *rest)

    for p in sorted(find_pairs(named, prefixes), key=rank):
        a, b = pool[p.first], pool[p.second]
        if curation.get(*a.subject) is not None and curation.get(*b.subject) is not None:
            continue
        if a.type == "Region" and _coded(a) and _coded(b) or a.sentence_ids & b.sentence_ids:
            continue  # two official divisions; two names one sentence gives side by side (A、B)
        keep, drop = sorted((a, b), key=lambda e: (-e.documents, -len(e.label), e.label))
        out.append(Duplicate(p, keep, drop))
        if limit is not None and len(out) == limit:
            break
    return out


def _short(name: str) -> str | None:
    from govkg.extractors.gazetteer import short_form

    return short_form(name)


def _coded(e: ReviewEntity) -> bool:
    return e.iri.rsplit("/", 1)[-1].isdigit()


class Reasons:
    """What weighed in the learned decision on an entity of the build in ``folder``: the features with the
    largest weights, found by reading its first document again (see :func:`govkg.decide.explain_in_document`)."""

    def __init__(self, folder: Path | str) -> None:
        from govkg.extractors.base import Resources
        from govkg.graph.iri import doc_iri_text
        from govkg.graph.output import recorded_sources

        self.sources = {doc_iri_text(doc): path for doc, path in recorded_sources(folder).items()}
        self.resources = Resources()

    def __call__(self, entity: ReviewEntity) -> list[tuple[str, float]]:
        from govkg.decide import explain_in_document

        for doc in sorted(entity.document_ids):
            path = self.sources.get(doc)
            if path and Path(path).is_file():
                return explain_in_document(path, entity.type, entity.label, self.resources)
        return []
