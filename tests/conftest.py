"""Shared fixtures: documents and extractor contexts built from inline text."""

from __future__ import annotations

from pathlib import Path

import pytest

from govkg.extractors.base import Context, Resources
from govkg.text.document import make_document, sentences_of
from govkg.text.script import ScriptFolder

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def resources() -> Resources:
    return Resources()


@pytest.fixture(scope="session")
def folder() -> ScriptFolder:
    return ScriptFolder()


@pytest.fixture
def make_context(resources, folder):
    """``make_context(text, title=None)`` -> a Context over ``text`` (an optional title line first)."""

    def _make(text: str, title: str | None = None) -> Context:
        if title:
            text = title + "\n" + text
        doc = make_document(text, path="inline.txt", doc_id="inline", folder=folder)
        return Context(doc=doc, sentences=sentences_of(doc), resources=resources)

    return _make
