"""The learned decision: each candidate entity the rules propose is kept, retyped or rejected.

The extractors cast wide; :func:`decide` then describes every candidate
entity of a document by its features (:mod:`govkg.decide.features`) and lets
a trained model (:mod:`govkg.decide.model`, trained by ``govkg train``) choose
its type or reject it. Every kept entity carries the model's probability of
its type as ``confidence``. Without a trained model every candidate is kept
with no confidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from govkg.decide.features import Candidate, candidates, squash
from govkg.decide.model import REJECT, Model, shipped_model
from govkg.extractors.base import Context, Resources
from govkg.extractors.enterprise import LEGAL_FORM
from govkg.model import DocFacts, EntityRef, Mention

RETYPABLE = frozenset({"Industry", "Project", "Enterprise", "Park", "Slogan"})
"""Types keyed by their name, between which a candidate may move (a Region is keyed by its official code)."""

SPANLESS = frozenset(f"{t}|spanless" for t in ("Region", *RETYPABLE))
"""The feature of a candidate no mention in the text names: the decision leaves it as it is."""

REJECT_AT = 0.6
"""How sure the model must be that a candidate is no entity to drop it (one value for every type and document,
chosen by leaving documents out); below it the candidate stays, with its low confidence for a reader to filter on."""

Recorder = Callable[[Context, list[Candidate]], None]


def model_in(resources: Resources) -> Model | None:
    """The model a process uses: the one a caller put in ``resources`` as ``"decide.model"``, else the shipped one."""
    return resources.get("decide.model", shipped_model)


def decide(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with rejected entities dropped, retyped ones moved, and each kept mention's
    ``confidence`` among its ``attrs``.

    A recorder in ``ctx.resources`` (``"decide.record"``, used in training)
    sees every candidate before the model does.
    """
    found = candidates(ctx, mentions)
    record: Recorder | None = ctx.resources.get("decide.record", lambda: None)
    if record is not None:
        record(ctx, found)
    model = model_in(ctx.resources)
    if model is None:
        return mentions
    verdicts = {c.ref: choose(model, c) for c in found if not c.features & SPANLESS}
    out = []
    for m in mentions:
        if m.ref not in verdicts:  # declared, not found in the text (a parent region from the gazetteer): kept
            out.append(m)
            continue
        kind, p = verdicts[m.ref]
        if kind == REJECT:
            continue
        ref = m.ref if kind == m.ref.type else EntityRef(kind, m.ref.key)
        out.append(replace(m, ref=ref, attrs=(*m.attrs, ("confidence", squash(p)))))
    return out


def choose(model: Model, candidate: Candidate, reject_at: float = REJECT_AT) -> tuple[str, float]:
    """The class the model gives ``candidate`` and its probability.

    A candidate keeps its type, or moves to another type both keyed by name
    (:data:`RETYPABLE`) that the model prefers; it is rejected when the model
    gives "no entity" at least ``reject_at`` and more than that type.
    """
    probs = model.probabilities(candidate.features)
    proposed = candidate.ref.type
    allowed = [c for c in probs if c == proposed or (proposed in RETYPABLE and c in RETYPABLE)]
    kind = max(allowed, key=lambda c: (probs[c], c == proposed, c))
    if probs[REJECT] >= reject_at and probs[REJECT] > probs[kind] and not _registered(candidate) \
            and not _tabled_town(candidate):
        return REJECT, probs[REJECT]
    return kind, probs[kind]


_REGISTERED = re.compile(LEGAL_FORM + "$")


def _registered(candidate: Candidate) -> bool:
    """A company named with its registered legal form and a trade name of four characters or more before it
    (利天万世新能源有限公司): the name says what it is, which the gold the model learns from, naming companies
    short, seldom shows; such a candidate is kept, at the confidence the model gives it. A short trade name may
    be cut from a longer one (枣业股份有限公司 of 好想你枣业…), and one that opens with a preposition has it
    glued on (由玖兴农牧…有限公司): the model still decides those."""
    if candidate.ref.type != "Enterprise":
        return False
    form = _REGISTERED.search(candidate.label)
    return form is not None and form.start() >= 4 and candidate.label[0] not in _PREPOSITIONS


_PREPOSITIONS = "由与和向对被把将从在为"


def _tabled_town(candidate: Candidate) -> bool:
    """A town or street that the national table lists, by its full name, in the county it was read in
    (扎佐街道 of 修文县): the name is an official one, whatever its words (扎 is a verb to jieba); kept, at the
    confidence the model gives it."""
    return candidate.ref.type == "Region" and "/" in candidate.ref.key and "Region|coded" in candidate.features


def explain(model: Model, candidate: Candidate, top: int = 6) -> list[tuple[str, float]]:
    """The features that weighed most in the decision on ``candidate`` (for its class, against rejecting it)."""
    kind, _ = choose(model, candidate)
    if kind == REJECT:
        return model.explain(candidate.features, REJECT, candidate.ref.type, top)
    return model.explain(candidate.features, kind, REJECT, top)


def keep_confident(facts: DocFacts, threshold: float) -> DocFacts:
    """``facts`` without the entities whose confidence is below ``threshold``, nor their mentions and relations.

    Entities with no confidence (no model decided on them) stay.
    """
    if threshold <= 0:
        return facts
    dropped = {ref for ref, info in facts.entities.items()
               if "confidence" in info.attrs and float(info.attrs["confidence"]) < threshold}
    if not dropped:
        return facts
    return replace(facts, mentions=tuple(m for m in facts.mentions if m.ref not in dropped),
                   relations=tuple(r for r in facts.relations if r.subject not in dropped and r.object not in dropped),
                   entities={ref: info for ref, info in facts.entities.items() if ref not in dropped})


def explain_in_document(path: Path | str, type_: str, label: str, resources: Resources | None = None,
                        top: int = 6) -> list[tuple[str, float]]:
    """Why the model decided as it did on the entity ``type_`` ``label`` of the document at ``path``:
    the document is read again and its candidates described; empty when the entity is not among them
    (a curated name) or no model is shipped."""
    from govkg.pipeline import InputFile, process_file

    found: list[Candidate] = []
    res = resources or Resources()
    model = model_in(res)
    if model is None:
        return []
    path = Path(path)
    res.set("decide.record", lambda ctx, cands: found.extend(cands))
    try:
        process_file(InputFile(path, path.stem), res)
    finally:
        res.set("decide.record", None)
    ranked = sorted((c for c in found if c.label == label), key=lambda c: c.ref.type != type_)
    return explain(model, ranked[0], top) if ranked else []
