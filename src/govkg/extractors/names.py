"""Shared rules for headed names: head-noun regexes and the generic-name test, as data."""

from __future__ import annotations

import re
from functools import lru_cache

from govkg.extractors.base import Context, data_lines


def words(name: str) -> list[str]:
    """The whitespace-separated words of data file ``name``."""
    return [w for line in data_lines(name) for w in line.split()]


@lru_cache(maxsize=16)
def head_regex(name: str) -> re.Pattern[str]:
    """An alternation of the words in data file ``name``, longest first."""
    return re.compile("|".join(map(re.escape, sorted(set(words(name)), key=lambda w: (-len(w), w)))))


def _generic_regex() -> re.Pattern[str]:
    alts = "|".join(map(re.escape, sorted(set(words("generic_modifiers.txt")), key=lambda w: (-len(w), w))))
    return re.compile(rf"^(?:{alts}|[\d.]+|[一二三四五六七八九十百千万亿两]+|[个家户项批座条所处类的和及与、])*$")


def is_generic(ctx: Context, body: str) -> bool:
    """True when ``body`` is made only of generic words (重大, 省级, 龙头 …), numbers and particles.

    >>> from govkg.extractors.base import Resources
    >>> class C: resources = Resources()
    >>> is_generic(C, "省级重点"), is_generic(C, "川南新材料化工")
    (True, False)
    """
    return bool(ctx.resources.get("names.generic", _generic_regex).match(body))
