"""The review as a person sees it: items as text, and the prompts of ``govkg review --interactive``.

Rendering returns text; :func:`ask` prompts through click (the command's
terminal) and returns the decisions taken, for the caller to record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import click

from govkg.curation import Decision
from govkg.ontology.namespaces import ENTITY_TYPES
from govkg.review import Duplicate, ReviewEntity

Explainer = Callable[[ReviewEntity], Sequence[tuple[str, float]]]
"""What weighed in an entity's confidence: (feature, weight) pairs, strongest first."""


def entity_text(n: int, e: ReviewEntity, why: Sequence[tuple[str, float]] = ()) -> str:
    """One uncertain entity: number, type, label, confidence, documents and mentions, evidence, reasons."""
    lines = [f"{n}. {e.type} {e.label}  confidence {e.confidence:.3f}  "
             f"{e.documents} document{'s' * (e.documents != 1)}, {e.mentions} mention{'s' * (e.mentions != 1)}"]
    lines += [f"     {s}" for s in e.evidence]
    if why:
        lines.append("     why: " + ", ".join(f"{f} {w:+.2f}" for f, w in why))
    return "\n".join(lines)


def duplicate_text(n: int, d: Duplicate) -> str:
    """One probable duplicate: both names with their documents, the sign, one sentence each."""
    lines = [f"{n}. {d.keep.type} {d.drop.label} → {d.keep.label}  ({d.pair.detail})"]
    for e in (d.drop, d.keep):
        lines.append(f"     {e.label}: {e.documents} document{'s' * (e.documents != 1)}"
                     + (f"  {e.evidence[0]}" if e.evidence else ""))
    return "\n".join(lines)


ENTITY_KEYS = "[a]ccept [r]eject re[t]ype [m]erge re[n]ame [s]kip [q]uit"
PAIR_KEYS = "[m]erge [a]ccept both [s]kip [q]uit"


class Quit(Exception):
    """The person asked to stop; the decisions taken so far stand."""


def ask_entity(e: ReviewEntity) -> Decision | None:
    """Prompt for a decision on ``e``; None to skip it. Raises :class:`Quit`."""
    key = click.prompt(ENTITY_KEYS, type=click.Choice(list("artmnsq")), show_choices=False, default="s")
    if key == "q":
        raise Quit
    if key == "s":
        return None
    if key in "ar":
        return Decision("accept" if key == "a" else "reject", e.type, e.label)
    if key == "t":
        others = [t for t in ENTITY_TYPES if t != e.type]
        new = click.prompt("new type", type=click.Choice(others, case_sensitive=False))
        return Decision("retype", e.type, e.label, _canonical_type(new))
    verb = "merge" if key == "m" else "rename"
    return _checked(Decision(verb, e.type, e.label, click.prompt("merge into" if key == "m" else "new name",
                                                                 value_proc=_name)))


def _checked(d: Decision) -> Decision | None:
    """``d`` if it is a decision the curation file takes; else None, after saying why."""
    from govkg.curation import parse_decision

    try:
        return parse_decision(d.text())
    except ValueError as exc:
        click.echo(f"not taken: {exc}")
        return None


def ask_pair(d: Duplicate) -> list[Decision]:
    """Prompt for a decision on a probable duplicate: merge (either way) or accept both as two. Raises :class:`Quit`."""
    key = click.prompt(PAIR_KEYS, type=click.Choice(list("masq")), show_choices=False, default="s")
    if key == "q":
        raise Quit
    if key == "s":
        return []
    if key == "a":
        return [Decision("accept", e.type, e.label) for e in (d.drop, d.keep)]
    into = click.prompt("merge into", type=click.Choice([d.keep.label, d.drop.label]), default=d.keep.label)
    other = d.drop if into == d.keep.label else d.keep
    return [Decision("merge", other.type, other.label, into)]


def ask(entities: Iterable[ReviewEntity], pairs: Iterable[Duplicate],
        explain: Explainer | None = None, on_decision: Callable[[Decision], None] | None = None) -> list[Decision]:
    """Show each item and prompt for a decision; the decisions taken, in order (also to ``on_decision``)."""
    taken: list[Decision] = []

    def took(ds: Iterable[Decision]) -> None:
        for d in ds:
            taken.append(d)
            if on_decision:
                on_decision(d)

    try:
        for n, e in enumerate(entities, 1):
            click.echo(entity_text(n, e, explain(e) if explain else ()))
            d = ask_entity(e)
            took([d] if d else [])
        for n, p in enumerate(pairs, 1):
            click.echo(duplicate_text(n, p))
            took(ask_pair(p))
    except Quit:
        pass
    return taken


def _canonical_type(word: str) -> str:
    return next(t for t in ENTITY_TYPES if t.lower() == word.lower())


def _name(text: str) -> str:
    from govkg.graph.iri import normalise_label

    name = normalise_label(text)
    if not name:
        raise click.BadParameter("a name cannot be empty")
    return name
