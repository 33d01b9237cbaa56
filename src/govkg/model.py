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
    (forum headers, counters, footers) lies outside them. ``replaced``: how many
    of the file's bytes could not be decoded (U+FFFD stands for them in ``text``).
    """

    doc_id: str
    path: str
    text: str
    norm: str
    spans: tuple[tuple[int, int], ...]
    content_hash: str
    title: str | None = None
    date: str | None = None
    replaced: int = 0


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
    """A relation between two entities, with the sentence that states it.

    ``derived_from`` names the table a relation was read from (a key of
    :func:`govkg.extractors.gazetteer.division_tables`), for a parent link the
    gazetteer gives; ``sentence`` is None when no sentence states it.
    """

    subject: EntityRef
    predicate: str  # local name of an object property in the ontology
    object: EntityRef
    sentence: int | None
    rule: str
    derived_from: str | None = None


@dataclass(frozen=True, slots=True)
class Amount:
    """A sum of money as written, normalised: ``value`` in units of ``currency`` (CNY or USD).

    ``value`` is a decimal string in canonical form (``"8120000000"``, ``"0.5"``), so that
    the same text always gives the same bytes.
    """

    value: str
    currency: str = "CNY"


@dataclass(frozen=True, slots=True)
class Observation:
    """One indicator figure a sentence states for a region and year (a W3C Data Cube observation).

    ``indicator`` is a code of ``extractors/data/indicators.tsv`` (``GDP``); ``kind`` is
    ``actual`` or ``target``; ``growth`` is in percent with its sign (``"-3.2"``);
    either ``value`` or ``growth`` may be missing, not both. ``sentences`` are the
    evidence (the first states the figure; a later one may add the part it lacked).
    """

    region: EntityRef
    indicator: str
    year: int
    kind: str
    value: Amount | None
    growth: str | None
    sentences: tuple[int, ...]
    rule: str


@dataclass(frozen=True, slots=True)
class Investment:
    """A project's total investment, stated in ``sentence``; ``project`` is the entity.

    ``start``/``end`` are the offsets of the project mention it was read next to (into ``Document.text``).
    """

    project: EntityRef
    amount: Amount
    sentence: int
    start: int
    end: int
    rule: str


@dataclass(frozen=True, slots=True)
class Milestone:
    """A project stage (``规划``, ``签约``, ``开工``, ``在建``, ``竣工``, ``投产``) in a year, reported or planned."""

    project: EntityRef
    stage: str
    year: int | None
    planned: bool
    sentence: int
    start: int
    end: int
    rule: str


@dataclass(frozen=True, slots=True)
class DocFacts:
    """Everything extracted from one document: the pure output of the per-document step.

    ``year`` and ``region`` are what the document speaks for (a 2024 report: 2024,
    and the county it is the report of), when they can be told.
    """

    document: Document
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    relations: tuple[Relation, ...]
    entities: dict[EntityRef, "EntityInfo"] = field(default_factory=dict)
    year: int | None = None
    region: EntityRef | None = None
    observations: tuple[Observation, ...] = ()
    investments: tuple[Investment, ...] = ()
    milestones: tuple[Milestone, ...] = ()

    def sentence(self, index: int) -> Sentence:
        """The sentence numbered ``index``. The facts of one piece of a long document (:mod:`govkg.pieces`) hold
        only that piece's sentences, numbered as in the whole document.

        >>> s = Sentence(7, 30, 33, "甲乙。")
        >>> DocFacts(Document("d", "d.txt", "", "", (), ""), (s,), (), ()).sentence(7) is s
        True
        """
        first = self.sentences[0].index if self.sentences else 0
        return self.sentences[index - first]


@dataclass(slots=True)
class EntityInfo:
    """What one document says of an entity: label, aliases, definition, data properties."""

    ref: EntityRef
    label: str
    aliases: set[str] = field(default_factory=set)
    definition: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)

    def copy(self) -> EntityInfo:
        return EntityInfo(self.ref, self.label, set(self.aliases), self.definition, dict(self.attrs))

    def absorb(self, other: EntityInfo) -> None:
        """Take in what ``other`` says of the same entity (another piece of the document does): its names, its
        definition when this has none, the data properties this lacks, and the higher confidence.

        >>> a = EntityInfo(EntityRef("Park", "p"), "p", {"q"}, None, {"confidence": "0.4"})
        >>> a.absorb(EntityInfo(EntityRef("Park", "p"), "p", {"r"}, "园区", {"confidence": "0.9"}))
        >>> sorted(a.aliases), a.definition, a.attrs
        (['q', 'r'], '园区', {'confidence': '0.9'})
        """
        self.aliases.update(other.aliases)
        self.aliases.add(other.label)
        self.aliases.discard(self.label)
        if other.definition and not self.definition:
            self.definition = other.definition
        for k, v in other.attrs.items():
            if k == "confidence" and k in self.attrs:
                self.attrs[k] = max(v, self.attrs[k], key=float)
            else:
                self.attrs.setdefault(k, v)
