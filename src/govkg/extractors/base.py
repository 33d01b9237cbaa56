"""The one signature every extractor has, and the context it receives.

An extractor is a callable ``extract(ctx: Context) -> Iterable[Mention | Relation]``
registered by name in :mod:`govkg.extractors` (``EXTRACTORS``). Extractors run
in registry order; each sees the mentions found by those before it in
``ctx.mentions`` (read it, never mutate it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Protocol, TypeVar

from govkg.model import Document, EntityRef, Mention, Relation, Sentence

CLAUSE_BREAKS = "，；：。！？,;:!?"
"""The marks that end a clause (a list's 、 does not)."""
CLAUSE = re.compile(f"[^{re.escape(CLAUSE_BREAKS)}]+")
"""A clause: a run of text without a clause break."""

T = TypeVar("T")


class Resources:
    """Data shared by the extractors of one process (gazetteer, tokenizer, word lists).

    Loaded lazily on first use and cached here, never in module globals.
    """

    def __init__(self) -> None:
        self._cache: dict[str, Any] = {}

    def get(self, name: str, factory: Callable[[], T]) -> T:
        if name not in self._cache:
            self._cache[name] = factory()
        return self._cache[name]

    def set(self, name: str, value: Any) -> None:
        """Put ``value`` in place of whatever ``name`` held (a model or recorder chosen by the caller)."""
        self._cache[name] = value


def data_lines(name: str) -> list[str]:
    """Lines of ``extractors/data/NAME``, without comments (``#``) and blanks."""
    text = resources.files("govkg.extractors").joinpath("data", name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


@dataclass
class Context:
    """What an extractor gets: the document, its sentences, shared resources, earlier mentions."""

    doc: Document
    sentences: tuple[Sentence, ...]
    resources: Resources
    mentions: list[Mention] = field(default_factory=list)
    doc_region: EntityRef | None = None  # the region the document is about, set after region extraction
    timeline: Any = None  # the document's year and sections (govkg.extractors.timeframe), read on first use
    _by_sentence: tuple[int, dict[int, list[Mention]]] = field(default_factory=lambda: (-1, {}), repr=False,
                                                                compare=False)

    def mentions_in(self, index: int) -> list[Mention]:
        """The mentions found so far in sentence ``index``, in the order they were found.

        Indexed once per batch of new mentions (``mentions`` only grows), so
        per-sentence rules do not scan the whole document's mentions.
        """
        count, table = self._by_sentence
        if count != len(self.mentions):
            table = {}
            for m in self.mentions:
                table.setdefault(m.sentence, []).append(m)
            self._by_sentence = (len(self.mentions), table)
        return table.get(index, [])

    def replace_mentions(self, mentions: list[Mention]) -> None:
        """Put ``mentions`` in place of those found so far (the learned decision does, before relations)."""
        self.mentions = list(mentions)
        self._by_sentence = (-1, {})

    def after_semicolon(self, sent: Sentence) -> bool:
        """The sentence before ``sent`` ended in a semicolon: ``sent`` goes on with its list (分别为：A项目；B项目。)."""
        return self.doc.norm[max(0, sent.start - 4):sent.start].rstrip().endswith(("；", ";"))

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains ``offset`` (binary search)."""
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid
            elif offset >= s.end:
                lo = mid + 1
            else:
                return s
        return None


class Extractor(Protocol):
    def __call__(self, ctx: Context) -> Iterable[Mention | Relation]: ...
