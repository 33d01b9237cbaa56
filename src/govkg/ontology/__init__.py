"""The govkg ontology: the Turtle file, SHACL shapes, ready-made queries and the closed namespace."""

from __future__ import annotations

from importlib import resources

import rdflib


def ontology_graph() -> rdflib.Graph:
    """Parse and return the shipped ontology (``govkg.ttl``)."""
    g = rdflib.Graph()
    data = resources.files(__package__).joinpath("govkg.ttl").read_text(encoding="utf-8")
    g.parse(data=data, format="turtle")
    return g
