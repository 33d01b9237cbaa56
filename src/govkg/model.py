"""Frozen records that flow through the pipeline: documents, sentences, mentions, relations.

A document goes in, a :class:`DocFacts` comes out; nothing leaves an extractor
without its provenance (sentence, character offsets, the rule that made it).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Document:
    """One input document after decoding.

    ``text`` is the decoded text in its original script; ``norm`` is the same
    text folded to simplified script character by character, so offsets into
    one are offsets into the other (``len(text) == len(norm)``).
    ``spans`` are the (start, end) ranges that hold content; page junk
    (forum headers, counters, footers) lies outside them.
    """

    doc_id: str
    path: str
    text: str
    norm: str
    spans: tuple[tuple[int, int], ...]
    content_hash: str
    title: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a document; offsets are into ``Document.text``."""

    index: int
    start: int
    end: int
    text: str  # simplified (from Document.norm)


@dataclass(frozen=True, slots=True)
class EntityRef:
    """Identity of an entity: its type and a key (an admin code, or its normalised label)."""

    type: str
    key: str


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity found at ``start:end`` of a document (offsets into ``Document.text``).

    ``label`` is the canonical simplified name; ``aliases`` are other names
    (short forms, the name with its parent region) that the text supports.
    """

    ref: EntityRef
    label: str
    start: int
    end: int
    sentence: int
    rule: str
    aliases: tuple[str, ...] = ()
    definition: str | None = None
    attrs: tuple[tuple[str, str], ...] = ()  # extra data properties, e.g. (("adminCode", "510311"),)

    @property
    def type(self) -> str:
        return self.ref.type


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation between two entities, with the sentence that states it."""

    subject: EntityRef
    predicate: str  # local name of an object property in the ontology
    object: EntityRef
    sentence: int | None
    rule: str


@dataclass(frozen=True, slots=True)
class DocFacts:
    """Everything extracted from one document: the pure output of the per-document step."""

    document: Document
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    relations: tuple[Relation, ...]
    entities: dict[EntityRef, "EntityInfo"] = field(default_factory=dict)


@dataclass(slots=True)
class EntityInfo:
    """What one document says of an entity: label, aliases, definition, data properties."""

    ref: EntityRef
    label: str
    aliases: set[str] = field(default_factory=set)
    definition: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)
