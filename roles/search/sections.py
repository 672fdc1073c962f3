"""Queries that name a section of the site ("salaires", "formation", "entretien"…): the page
offers a direct link to it, whether roles match or not."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# (stems of the words that name the section, as `stem()` gives them; URL name, link text)
SECTIONS = [
    ({"salair", "remuneration"}, "salaries:explorer", _("Les salaires par métier")),
    ({"formation", "diplom"}, "roles:trainings", _("Les formations")),
    ({"entretien", "recrutement"}, "interviews:bank", _("Les questions d’entretien")),
    ({"outil"}, "roles:tools", _("Les outils")),
    ({"competenc"}, "roles:skills", _("Les compétences")),
    ({"parcour", "evolution", "carrier"}, "roles:careers", _("Les parcours et évolutions")),
]
SECTION_STEMS = frozenset(stem for names, _name, _label in SECTIONS for stem in names)


def section_links(query):
    """[(link text, URL)] of the sections the query's words name, in the order above."""
    stems = set(query.stems)
    return [(label, reverse(name)) for names, name, label in SECTIONS if names & stems]
