"""From decoded text to a :class:`~govkg.model.Document` and its sentences."""

from __future__ import annotations

import hashlib

from govkg.model import Document, Sentence
from govkg.text.clean import content_spans, title_and_date
from govkg.text.script import ScriptFolder
from govkg.text.sentences import split_sentences


def make_document(text: str, path: str, doc_id: str, folder: ScriptFolder, replaced: int = 0) -> Document:
    """Build a Document: simplified twin, content spans, title and date (``replaced``: undecodable bytes of its
    file, now U+FFFD)."""
    norm = folder.fold_document(text)
    spans = content_spans(text, norm)
    title, date = title_and_date(norm, spans)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(doc_id=doc_id, path=path, text=text, norm=norm, spans=spans,
                    content_hash=digest, title=title, date=date, replaced=replaced)


def sentences_of(doc: Document) -> tuple[Sentence, ...]:
    """The document's sentences (simplified text, offsets into ``doc.text``)."""
    return split_sentences(doc.norm, doc.spans)
