"""From extracted facts to RDF: IRIs, provenance, entity resolution, stores."""
