"""The curation file: a person's decisions on entities, which every build applies.

Plain text, one decision per line, fields separated by tabs (or spaces: names
hold no white space), ``#`` comments; written sorted, so it diffs well::

    accept	Slogan	两区一城
    merge	Park	食品园	食品产业园
    reject	Project	危房改造
    rename	Enterprise	中化	中国中化
    retype	Industry	乐山市	Region

| decision | fields | what the next build does |
|---|---|---|
| ``accept`` | TYPE NAME | keeps the entity, marks it curated, confidence 1 |
| ``reject`` | TYPE NAME | drops the entity, its mentions and its relations |
| ``retype`` | TYPE NAME NEWTYPE | the entity becomes a NEWTYPE of the same name |
| ``rename`` | TYPE NAME NEWNAME | the entity takes the name NEWNAME (the old one stays an alternative name) |
| ``merge`` | TYPE NAME INTO | the entity joins the entity INTO of the same type |

NAME is the entity's label as the graph shows it (``govkg review`` lists
them). One decision per entity: a later decision on the same entity replaces
the earlier one (:meth:`Curation.with_decision`). Decisions chain: a merge into
an entity that is itself renamed follows the rename.

>>> d = parse_decision("retype Industry 乐山市 Region")
>>> d.line()
'retype\\tIndustry\\t乐山市\\tRegion'
>>> parse_decision("reject Projcet 危房改造")
Traceback (most recent call last):
...
ValueError: unknown type 'Projcet'; expected one of Region, Industry, Project, Enterprise, Park, Slogan
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from govkg.errors import CurationError
from govkg.fileio import atomic_write
from govkg.graph.iri import normalise_label
from govkg.ontology.namespaces import ENTITY_TYPES

DEFAULT_NAME = "curation.tsv"
"""The curation file a build reads from its output folder when no other is named."""

VERBS: dict[str, tuple[str, ...]] = {
    "accept": (),
    "reject": (),
    "retype": ("NEWTYPE",),
    "rename": ("NEWNAME",),
    "merge": ("INTO",),
}
"""Each decision and the fields it takes after TYPE and NAME."""

HEADER = (
    "# govkg curation: one decision per line, fields separated by tabs; the next build applies them.\n"
    "# accept TYPE NAME | reject TYPE NAME | retype TYPE NAME NEWTYPE | rename TYPE NAME NEWNAME"
    " | merge TYPE NAME INTO\n"
)

_MAX_CHAIN = 32


@dataclass(frozen=True, slots=True, order=True)
class Decision:
    """One decision on the entity ``type``/``label``; ``arg`` is NEWTYPE, NEWNAME or INTO."""

    verb: str
    type: str
    label: str
    arg: str | None = None

    @property
    def subject(self) -> tuple[str, str]:
        """The entity decided on: (type, label)."""
        return (self.type, self.label)

    @property
    def target(self) -> tuple[str, str] | None:
        """The entity this one becomes (retype, rename, merge), or None (accept, reject)."""
        if self.verb == "retype":
            return (self.arg, self.label)
        if self.verb in ("rename", "merge"):
            return (self.type, self.arg)
        return None

    def fields(self) -> tuple[str, ...]:
        return (self.verb, self.type, self.label) + ((self.arg,) if self.arg is not None else ())

    def line(self) -> str:
        """The decision as a line of the file (without its newline)."""
        return "\t".join(self.fields())

    def text(self) -> str:
        """The decision as one would type it: ``reject Project 危房改造``."""
        return " ".join(self.fields())


def parse_decision(text: str) -> Decision:
    """A decision from its text (fields separated by tabs or spaces); ValueError says what is wrong."""
    parts = text.split()
    if not parts:
        raise ValueError("empty decision")
    verb = parts[0].lower()
    if verb not in VERBS:
        raise ValueError(f"unknown decision {parts[0]!r}; expected one of {', '.join(VERBS)}")
    extra = VERBS[verb]
    usage = " ".join((verb, "TYPE", "NAME") + extra)
    if len(parts) != 3 + len(extra):
        raise ValueError(f"{verb} takes {2 + len(extra)} fields after it ({usage}), got {len(parts) - 1}")
    type_, label = _entity_type(parts[1]), normalise_label(parts[2])
    arg = None
    if verb == "retype":
        arg = _entity_type(parts[3])
        if arg == type_:
            raise ValueError(f"retype to the type it has ({type_})")
    elif extra:
        arg = normalise_label(parts[3])
        if arg == label:
            raise ValueError(f"{verb} {label} into itself")
    if type_ == "Region" and verb in ("rename", "merge"):
        raise ValueError(f"a region's name and identity come from the gazetteer: {verb} does not apply "
                         "(accept, reject or retype it)")
    return Decision(verb, type_, label, arg)


def _entity_type(word: str) -> str:
    for t in ENTITY_TYPES:
        if word.lower() == t.lower():
            return t
    raise ValueError(f"unknown type {word!r}; expected one of {', '.join(ENTITY_TYPES)}")


@dataclass(frozen=True)
class Curation:
    """The decisions of a curation file, one per entity; ``notes`` keeps the comment lines above each."""

    decisions: tuple[Decision, ...] = ()
    notes: dict[Decision, tuple[str, ...]] = field(default_factory=dict, compare=False)
    header: tuple[str, ...] = field(default=(), compare=False)
    footer: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "decisions", tuple(sorted(set(self.decisions))))
        object.__setattr__(self, "_by_subject", {d.subject: d for d in self.decisions})

    def __bool__(self) -> bool:
        return bool(self.decisions)

    def get(self, type_: str, label: str) -> Decision | None:
        """The decision on the entity ``type_``/``label``, if any."""
        return self._by_subject.get((type_, label))

    def outcome(self, type_: str, label: str) -> tuple[tuple[str, str] | None, tuple[Decision, ...]]:
        """Where the entity ends after following the decisions: (type, label), or None when rejected;
        and the decisions followed.

        >>> c = Curation((parse_decision("merge Park 食品园 食品产业园"), parse_decision("reject Park 食品产业园")))
        >>> c.outcome("Park", "食品园")[0] is None
        True
        """
        at: tuple[str, str] | None = (type_, label)
        followed: list[Decision] = []
        while at is not None and (d := self._by_subject.get(at)) is not None and d.verb != "accept":
            if len(followed) >= _MAX_CHAIN or d in followed:
                raise ValueError(f"decisions go round in a circle: {' → '.join(x.text() for x in followed)}")
            followed.append(d)
            at = d.target
        if at is not None and (d := self._by_subject.get(at)) is not None:
            followed.append(d)  # the accept the chain ends on
        return at, tuple(followed)

    def with_decision(self, decision: Decision) -> tuple[Curation, Decision | None]:
        """This curation with ``decision`` added, and the earlier decision on the same entity it replaces."""
        old = self.get(*decision.subject)
        kept = [d for d in self.decisions if d.subject != decision.subject]
        notes = {d: n for d, n in self.notes.items() if d in kept}
        new = Curation((*kept, decision), notes, self.header, self.footer)
        new.outcome(decision.type, decision.label)  # a circle raises ValueError
        return new, old

    def digest(self) -> str:
        """A short hash of the decisions (comments aside); empty when there are none, as for no file."""
        if not self.decisions:
            return ""
        text = "\n".join(d.line() for d in self.decisions)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    def text(self) -> str:
        """The file's text: its header comments, then the decisions sorted, each after its comments."""
        lines = list(self.header) if self.header else HEADER.splitlines()
        for d in self.decisions:
            lines += self.notes.get(d, ())
            lines.append(d.line())
        lines += self.footer
        return "\n".join(lines) + "\n"


def read_curation(path: Path | str) -> Curation:
    """The curation file at ``path``. Raises :class:`CurationError` naming the file and line of a bad line."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CurationError(f"{path}: cannot read the curation file ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CurationError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    return parse_curation(text, str(path))


def parse_curation(text: str, name: str = DEFAULT_NAME) -> Curation:
    """The curation in ``text``; ``name`` is the file named in errors."""
    decisions: list[Decision] = []
    where: dict[tuple[str, str], int] = {}
    notes: dict[Decision, tuple[str, ...]] = {}
    header: list[str] = []
    pending: list[str] = []
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            if stripped:
                (pending if decisions else header).append(stripped)
            continue
        try:
            d = parse_decision(stripped)
        except ValueError as exc:
            raise CurationError(f"{name}, line {n}: {exc}") from None
        if d.subject in where:
            raise CurationError(f"{name}, line {n}: {d.type} {d.label} is already decided on line {where[d.subject]}; "
                                "keep one of the two lines")
        where[d.subject] = n
        decisions.append(d)
        if pending:
            notes[d] = tuple(pending)
            pending = []
    curation = Curation(tuple(decisions), notes, tuple(header), tuple(pending))
    for d in decisions:
        try:
            curation.outcome(d.type, d.label)
        except ValueError as exc:
            raise CurationError(f"{name}, line {where[d.subject]}: {exc}") from None
    return curation


def write_curation(path: Path | str, curation: Curation) -> None:
    """Write ``curation`` to ``path`` atomically, sorted."""
    try:
        with atomic_write(path) as fh:
            fh.write(curation.text())
    except OSError as exc:
        raise CurationError(f"{path}: cannot write the curation file ({exc.strerror or exc})") from None


def add_decisions(path: Path | str, decisions: list[Decision]) -> list[tuple[Decision, Decision | None]]:
    """Add ``decisions`` to the curation file at ``path`` (made when missing), each replacing an earlier
    decision on the same entity; returns each with the decision it replaced. The file is rewritten sorted,
    all at once: on an error nothing is written."""
    path = Path(path)
    curation = read_curation(path) if path.is_file() else Curation()
    done = []
    for d in decisions:
        try:
            curation, old = curation.with_decision(d)
        except ValueError as exc:
            raise CurationError(f"{d.text()}: {exc}") from None
        done.append((d, old))
    write_curation(path, curation)
    return done
