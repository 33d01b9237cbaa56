"""Entity resolution inside one document, so that names join across documents.

Three rules, all about how reports shorten names:

1. A name that is another name of the same type with a region in front is
   the same entity: 中国中化 / 中化, 自贡食品产业园 / 食品产业园 (the region is
   one the document names, or the document's region or one of its parents).
   The longer name wins; the shorter becomes an alias.
2. Two park names that differ only in the long and short forms of the zone's
   kind and division (吉林市经济技术开发区 / 吉林经开区: the caller's ``park_key``
   says) are one park; the longer name wins.
3. A park named only by a region and its kind (唐河县开发区) is the one park of
   the document named with that region in front and that kind at the end
   (唐河县先进制造业开发区), when the document names one such.
4. A park whose name is only common words (食品产业园, 机械装备制造园) is not
   unique in the country: its key is scoped to the document's region, so the
   食品产业园 of one county and that of another stay two nodes.

The step is pure and per document (documents can still be processed in parallel).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from govkg.model import EntityRef, Mention, Relation

MERGED_TYPES = ("Enterprise", "Park", "Project")
SCOPED_TYPES = ("Park",)
NATIONAL_PREFIXES = ("中国", "国家")
_BARE_KINDS = ("经济开发区", "工业园区", "开发区", "经开区", "高新区", "工业园", "产业园", "园区")
"""Kinds of park that, after a region alone, call the one park of that region a document names in full (longest
first)."""


def names_by_place(short: str, full: str) -> bool:
    """Whether ``short`` calls the park ``full`` by its place and kind alone (唐河县开发区: 唐河县先进制造业开发区).

    >>> names_by_place("唐河县开发区", "唐河县先进制造业开发区"), names_by_place("唐河县开发区", "唐河县食品产业园")
    (True, False)
    """
    kind = next((k for k in _BARE_KINDS if short.endswith(k)), "")
    place = short[:len(short) - len(kind)]
    return bool(kind) and len(place) >= 2 and len(full) > len(short) and full.startswith(place) and full.endswith(kind)


def resolve_document(mentions: list[Mention], relations: list[Relation], prefixes: Iterable[str],
                     scope: str | None, is_common: Callable[[str], bool],
                     park_key: Callable[[str], str] = lambda label: label) -> tuple[list[Mention], list[Relation]]:
    """Rewrite entity refs of one document's mentions and relations.

    ``prefixes`` are region names usable in front of a name (自贡市, 自贡, 沿滩);
    ``scope`` is the document region's key (None: nothing is scoped);
    ``is_common(body)`` tells whether a name body is made of common words only;
    ``park_key(label)`` is what two names of one park have in common.

    >>> m = lambda key: Mention(EntityRef("Enterprise", key), key, 0, len(key), 0, "t")
    >>> ms, _ = resolve_document([m("中国中化"), m("中化")], [], ["自贡"], None, lambda s: False)
    >>> sorted({x.ref.key for x in ms}), sorted(ms[1].aliases)
    (['中国中化'], ['中化'])
    """
    prefixes = sorted({p for p in prefixes if len(p) >= 2} | set(NATIONAL_PREFIXES), key=lambda w: (-len(w), w))
    names: dict[tuple[str, str], EntityRef] = {}
    for m in mentions:
        if m.ref.type in MERGED_TYPES:
            names.setdefault((m.ref.type, m.label), m.ref)
    mapping: dict[EntityRef, tuple[EntityRef, str]] = {}
    for (kind, label), ref in names.items():
        for p in prefixes:
            short = label[len(p):]
            if label.startswith(p) and len(short) >= 2:
                other = names.get((kind, short))
                if other is not None and other != ref:
                    mapping[other] = (ref, label)
                break
    same: dict[str, list[tuple[str, EntityRef]]] = {}
    for (kind, label), ref in names.items():
        if kind == "Park" and ref not in mapping:
            same.setdefault(park_key(label), []).append((label, ref))
    for group in same.values():
        label, ref = max(group, key=lambda g: (len(g[0]), g[0]))
        for _, other in group:
            if other != ref:
                mapping[other] = (ref, label)
    for (kind, label), ref in names.items():
        place = next((p for p in prefixes if label.startswith(p)), "")
        if kind != "Park" or ref in mapping or not place or label[len(place):] not in _BARE_KINDS:
            continue
        fuller = [(other, r) for (k, other), r in names.items() if k == "Park" and r != ref and r not in mapping
                  and names_by_place(label, other)]
        if len(fuller) == 1:
            mapping[ref] = (fuller[0][1], fuller[0][0])
    for (kind, label), ref in names.items():
        if kind in SCOPED_TYPES and ref not in mapping and scope and is_common(label):
            if not any(label.startswith(p) for p in prefixes):
                mapping[ref] = (EntityRef(kind, f"{scope}:{ref.key}"), label)
    if not mapping:
        return mentions, relations

    def target(ref: EntityRef) -> EntityRef:
        seen = set()
        while ref in mapping and ref not in seen:
            seen.add(ref)
            ref = mapping[ref][0]
        return ref

    labels = {ref: label for (_, label), ref in reversed(list(names.items()))}
    out_m = []
    for m in mentions:
        new = target(m.ref)
        if new == m.ref:
            out_m.append(m)
            continue
        label = labels.get(new, m.label)
        out_m.append(replace(m, ref=new, label=label, aliases=tuple(sorted(set(m.aliases) | {m.label} - {label}))))
    out_r = [replace(r, subject=target(r.subject), object=target(r.object)) for r in relations]
    return out_m, out_r
