"""``govkg serve``: a local web app over a graph (search, entity pages, networks, SPARQL endpoint)."""
