"""Every public page type, with the query parameters it reads.

The accessibility, HTML-validity and robustness checks run over this list: a new page adds
itself here. Paths are examples that exist once the content fixtures are loaded.
"""

PUBLIC_PAGES = [
    # (name, path, query parameters the page reads)
    ("accueil", "/", []),
    ("liste des métiers", "/metiers/", []),
    ("fiche métier", "/metiers/directeur-e-commerce/", []),
    ("fiche non documentée", "/metiers/directeur-marketing/", []),
    ("sources", "/sources/", []),
]
