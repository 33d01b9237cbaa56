"""Parks and zones: a name ending in a park head noun (产业园, 开发区, 高新区, 园区 …).

A Park is a named industrial, agricultural, logistics or tourism park, zone or
development area; the generic word alone (园区, 省级化工园区) is not one.
"""

from __future__ import annotations

from collections.abc import Iterator

from govkg.extractors.base import Context
from govkg.extractors.names import head_regex, is_generic
from govkg.extractors.phrase import headed_names
from govkg.graph.iri import normalise_label
from govkg.model import EntityRef, Mention


def extract_parks(ctx: Context) -> Iterator[Mention]:
    for span in headed_names(ctx, head_regex("park_heads.txt")):
        head = head_regex("park_heads.txt").search(span.text)
        body = span.text[: head.start()] if head else span.text
        if is_generic(ctx, body):
            continue
        label = normalise_label(span.text)
        yield Mention(EntityRef("Park", label), label, span.start, span.end, span.sentence, "park.head")
