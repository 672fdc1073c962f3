"""The search rows of a role (see roles/search/), kept current by roles/signals.py."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from .role import Role


class RoleSearch(models.Model):
    """What the search reads for one role (see roles/search/), kept current by
    roles/signals.py. Its own table, so that the pages listing roles never load it."""

    role = models.OneToOneField(
        Role,
        verbose_name=_("métier"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search",
    )
    # PostgreSQL full-text documents, each with a GIN index (migration 0003) for `@@`: what
    # ranks (name and aliases, skills, mission titles, training) and what only matches.
    document = SearchVectorField(_("document"), null=True)
    body = SearchVectorField(_("texte courant"), null=True)
    # SQLite: the normalised words of the titles, and of everything (LIKE '% word').
    titles = models.TextField(_("intitulés normalisés"), default="")
    text = models.TextField(_("texte normalisé"), default="")

    class Meta:
        verbose_name = _("index de recherche d’un métier")
        verbose_name_plural = _("index de recherche des métiers")

    def __str__(self):
        return str(self.role_id)


class SearchKey(models.Model):
    """A whole title or phrase of a role, normalised (see roles/search/ `key()`): a query
    equal to it puts the role first. Kept current by roles/signals.py."""

    class Kind(models.IntegerChoices):
        NAME = 0, _("nom")
        ALIAS = 1, _("autre appellation")
        PHRASE = 2, _("compétence, mission ou formation")

    role = models.ForeignKey(
        Role, verbose_name=_("métier"), on_delete=models.CASCADE, related_name="search_keys"
    )
    kind = models.PositiveSmallIntegerField(_("nature"), choices=Kind.choices)
    # /recherche/: key = query key (this index); typos: trigram GIN index (migration 0003).
    key = models.CharField(_("clé"), max_length=250, db_index=True)

    class Meta:
        verbose_name = _("clé de recherche")
        verbose_name_plural = _("clés de recherche")

    def __str__(self):
        return self.key


class SearchWord(models.Model):
    """A word of the roles' titles, skills, missions and training, folded (see roles/search/
    `words()`): the words a misspelt query is corrected to, on PostgreSQL. Words are added as
    content is indexed and never removed (a word no role has any more finds nothing)."""

    # typos: word % query word, trigram GIN index (migration 0004)
    word = models.CharField(_("mot"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("mot de recherche")
        verbose_name_plural = _("mots de recherche")

    def __str__(self):
        return self.word
