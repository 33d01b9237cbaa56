"""Probable duplicates: two entities of one type whose names say they may be one.

Three signs, strongest first:

- ``core``: the names are the same once a region in front (自贡 / 自贡市) and a
  company suffix (有限公司, 公司, 集团 …) are taken off;
- ``edit``: names of four characters or more one character apart;
- ``contains``: one name holds the other (two characters or more).

Found with indexes (names by their core, by each one-character deletion, and
by each substring), never by comparing every pair.

>>> core("自贡市中化集团有限公司", {"自贡市", "自贡"})
'中化'
>>> edit_distance_one("中昊晨光", "中吴晨光"), edit_distance_one("中昊晨光", "中昊晨光化工")
(True, False)
>>> edit_distance_one("新城一期", "新城二期")
False
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SUFFIXES = ("股份有限公司", "有限责任公司", "集团有限公司", "集团公司", "有限公司", "集团", "公司")
"""Company-form suffixes that do not change which company a name means (longest first)."""

MIN_EDIT = 4
"""Names shorter than this are too short for one character to be a slip."""

MIN_CONTAINED = 2

SIGNS = ("core", "edit", "contains")
"""The signs, strongest first (the order pairs are listed in)."""


@dataclass(frozen=True, slots=True)
class Named:
    """What the search needs of an entity: its type, name, and an id to tell equal names apart."""

    id: str
    type: str
    label: str


@dataclass(frozen=True, slots=True)
class Pair:
    """Two entities of ``type`` that may be one, the sign, and what differs (a prefix, a suffix, a character)."""

    type: str
    first: str  # ids, sorted
    second: str
    sign: str
    detail: str
    overlap: float  # the shorter name's share of the longer

    def sort_key(self, labels: dict[str, str]) -> tuple:
        return (SIGNS.index(self.sign), -self.overlap, self.type, labels[self.first], labels[self.second])


def core(label: str, prefixes: Iterable[str]) -> str:
    """``label`` without region names in front and company suffixes behind, as long as two characters remain."""
    return split_core(label, Prefixes(prefixes))[1]


class Prefixes:
    """Region names to take off the front of a name, looked up by length (longest first)."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = frozenset(n for n in names if n)
        self.lengths = sorted({len(n) for n in self.names}, reverse=True)

    def split(self, label: str) -> tuple[str, str]:
        """(the region names in front, the rest), leaving at least two characters."""
        head = ""
        rest = label
        while True:
            for n in self.lengths:
                if len(rest) - n >= MIN_CONTAINED and rest[:n] in self.names:
                    head, rest = head + rest[:n], rest[n:]
                    break
            else:
                return head, rest


def split_core(label: str, prefixes: Prefixes) -> tuple[str, str]:
    """(region names in front, the core): ``label`` without them and without its company suffix.

    >>> split_core("自贡市中化集团", Prefixes(["自贡市", "自贡"]))
    ('自贡市', '中化')
    """
    head, rest = prefixes.split(label)
    for s in SUFFIXES:
        if rest.endswith(s) and len(rest) - len(s) >= MIN_CONTAINED:
            return head, rest[:-len(s)]
    return head, rest


NOT_SLIPS = ("〇零一二两三四五六七八九十百千0123456789", "省市县区镇乡村")
"""Characters that, swapped for one another, make another name rather than a slip (一期 / 二期, 强区 / 强县)."""


def edit_distance_one(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one insertion, deletion or substitution apart, and not by a numeral
    or an administrative level swapped for another (:data:`NOT_SLIPS`)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        swapped = {a[i], b[i]}
        return a[i + 1:] == b[i + 1:] and not any(swapped <= set(group) for group in NOT_SLIPS)
    return a[i:] == b[i + 1:]


def find_pairs(entities: Sequence[Named], prefixes: Iterable[str]) -> list[Pair]:
    """Every pair of ``entities`` of one type that shows a sign, with the strongest sign it shows."""
    regions = Prefixes(prefixes)
    best: dict[tuple[str, str], Pair] = {}

    def note(a: Named, b: Named, sign: str, detail: str) -> None:
        if a.id == b.id or a.label == b.label:
            return
        first, second = sorted((a.id, b.id))
        key = (first, second)
        shorter, longer = sorted((len(a.label), len(b.label)))
        pair = Pair(a.type, first, second, sign, detail, shorter / longer)
        if key not in best or SIGNS.index(sign) < SIGNS.index(best[key].sign):
            best[key] = pair

    by_type: dict[str, list[Named]] = {}
    for e in entities:
        by_type.setdefault(e.type, []).append(e)
    for group in by_type.values():
        by_label: dict[str, list[Named]] = {}
        for e in group:
            by_label.setdefault(e.label, []).append(e)
        _by_core(group, regions, note)
        _by_edit(group, note)
        _by_substring(group, by_label, note)
    return list(best.values())


def _by_core(group: list[Named], prefixes: Prefixes, note) -> None:
    """Same core, and in front the same regions, or on one side more of them (自贡市沿滩 / 沿滩 / none);
    two different regions (两地的同名园区) make two entities."""
    cores: dict[str, list[tuple[str, Named]]] = {}
    for e in group:
        head, c = split_core(e.label, prefixes)
        cores.setdefault(c, []).append((head, e))
    for c, same in cores.items():
        for i, (head_a, a) in enumerate(same):
            for head_b, b in same[i + 1:]:
                if head_a.endswith(head_b) or head_b.endswith(head_a):
                    note(a, b, "core", f"same name without {_difference(a.label, b.label, c)}")


def _difference(a: str, b: str, c: str) -> str:
    """What surrounds the core ``c`` in ``a`` and ``b``, e.g. ``自贡 … 集团``."""
    parts = []
    for label in (a, b):
        at = label.find(c)
        head, tail = label[:at], label[at + len(c):]
        parts.append("…".join(x for x in (head, tail) if x) or "—")
    return " / ".join(parts)


def _by_edit(group: list[Named], note) -> None:
    variants: dict[str, list[Named]] = {}
    for e in group:
        if len(e.label) < MIN_EDIT:
            continue
        for v in {e.label, *(e.label[:i] + e.label[i + 1:] for i in range(len(e.label)))}:
            variants.setdefault(v, []).append(e)
    for same in variants.values():
        for i, a in enumerate(same):
            for b in same[i + 1:]:
                if len(b.label) >= MIN_EDIT and edit_distance_one(a.label, b.label):
                    note(a, b, "edit", "one character apart")


def _by_substring(group: list[Named], by_label: dict[str, list[Named]], note) -> None:
    for e in group:
        text = e.label
        seen = set()
        for size in range(MIN_CONTAINED, len(text)):
            for at in range(len(text) - size + 1):
                part = text[at:at + size]
                if part in seen or part not in by_label:
                    continue
                seen.add(part)
                for other in by_label[part]:
                    note(other, e, "contains", f"{text} holds {part}")
