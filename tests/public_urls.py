"""Every public page type, with the query parameters it reads.

The accessibility, HTML-validity and robustness checks run over this list: a new page adds
itself here. Paths are examples that exist once the content fixtures are loaded.
"""

# The parameters of /metiers/ (roles/filters.py).
ROLE_FILTERS = [
    "q",
    "niveau",
    "salaire",
    "lieu",
    "experience",
    "formation",
    "competence",
    "outil",
    "employeur",
    "documentees",
    "tri",
    "page",
]

# The parameters of the kit builder (interviews/forms.py).
KIT_PARAMS = ["q", "perso", "ordre", "cas", "niveau"]

PUBLIC_PAGES = [
    # (name, path, query parameters the page reads)
    ("accueil", "/", []),
    ("liste des métiers", "/metiers/", ROLE_FILTERS),
    (
        "métiers filtrés",
        "/metiers/?q=e-commerce&niveau=management&salaire=40000&lieu=paris&tri=salaire",
        ROLE_FILTERS,
    ),
    ("recherche", "/recherche/?q=chargée+de+projets+e-commerce", ["q", "page"]),
    ("recherche sans résultat", "/recherche/?q=zzqxw", ["q", "page"]),
    ("recherche vide", "/recherche/", ["q", "page"]),
    ("compétences", "/competences/", []),
    ("compétence", "/competences/management-d-equipe/", []),
    ("outil", "/competences/google-analytics/", []),
    ("outils", "/outils/", []),
    ("formations", "/formations/", []),
    ("fiche métier", "/metiers/directeur-e-commerce/", []),
    ("fiche non documentée", "/metiers/directeur-marketing/", []),
    ("sources", "/sources/", []),
    ("carte des parcours", "/parcours/", ["de", "vers"]),
    (
        "chemin entre deux métiers",
        "/parcours/?de=coordinateur-commercial-e-commerce&vers=directeur-marketing",
        ["de", "vers"],
    ),
    (
        "aucun chemin documenté",
        "/parcours/?de=directeur-marketing&vers=coordinateur-commercial-e-commerce",
        ["de", "vers"],
    ),
    ("salaires", "/salaires/", ["role", "experience", "lieu", "nature", "tri", "page"]),
    (
        "comparaison de métiers",
        "/metiers/comparer/?r=coordinateur-commercial-e-commerce&r=directeur-e-commerce",
        ["r"],
    ),
    ("questions d’entretien", "/entretiens/", ["q", "metier", "competence", "type", "page"]),
    (
        "questions filtrées",
        "/entretiens/?metier=responsable-e-commerce&type=connaissance",
        ["q", "metier", "competence", "type", "page"],
    ),
    ("kit d’entretien proposé", "/entretiens/kit/directeur-e-commerce/", KIT_PARAMS),
    (
        # Question ids differ from one database to the next: an own question needs none.
        "kit avec une question personnelle, sans étude de cas",
        "/entretiens/kit/directeur-e-commerce/?perso=Quelle+est+votre+plus+belle+r%C3%A9ussite+%3F"
        "&niveau=senior&cas=",
        KIT_PARAMS,
    ),
    (
        "kit aux choix erronés",
        "/entretiens/kit/responsable-e-commerce/?q=abc&perso=x&ordre=zz&niveau=expert",
        KIT_PARAMS,
    ),
    ("kit sans question propre au métier", "/entretiens/kit/directeur-marketing/", KIT_PARAMS),
    ("annonce", "/entretiens/annonce/directeur-e-commerce/?niveau=senior", ["niveau", "format"]),
    ("annonce à compléter", "/entretiens/annonce/directeur-marketing/", ["niveau", "format"]),
    ("annonce au niveau erroné", "/entretiens/annonce/directeur-e-commerce/?niveau=expert", []),
    ("API : référence", "/api/", []),
    ("données ouvertes", "/donnees/", []),
]
