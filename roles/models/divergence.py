"""Where documents disagree: a point, the roles it concerns, and each document's version."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import NaturalKeyManager, NaturalKeyMixin, SourcedRow, Versioned
from .role import Role


class DivergenceQuerySet(models.QuerySet):
    def with_versions(self):
        """Each note with its versions and their documents, in order (two queries)."""
        return self.prefetch_related(
            models.Prefetch(
                "versions", queryset=DivergenceVersion.objects.select_related("source")
            )
        )


class Divergence(NaturalKeyMixin, Versioned, models.Model):
    """« Les documents divergent » on a point: the topic and summary are the site's wording;
    the versions are the documents' own words."""

    slug = models.SlugField(_("identifiant"), max_length=80, unique=True)
    topic = models.CharField(
        _("sujet"), max_length=150, help_text=_("Rédaction de l'équipe : sur quoi ils divergent.")
    )
    summary = models.TextField(
        _("explication"),
        blank=True,
        help_text=_("Rédaction de l'équipe, montrée comme telle ; les citations vont plus bas."),
    )
    roles = models.ManyToManyField(
        Role, verbose_name=_("métiers concernés"), related_name="divergences"
    )
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    objects = NaturalKeyManager.from_queryset(DivergenceQuerySet)()

    class Meta:
        ordering = ["order", "topic"]
        verbose_name = _("divergence entre documents")
        verbose_name_plural = _("divergences entre documents")

    def __str__(self):
        return self.topic


class DivergenceVersion(SourcedRow):
    """One document's words on the point where documents diverge."""

    divergence = models.ForeignKey(
        Divergence,
        verbose_name=_("divergence"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    excerpt = models.TextField(
        _("passage"), help_text=_("Les mots du document, tels qu'il les écrit.")
    )

    natural_key_fields = ("divergence__slug", "source__slug", "order")
    quoted_fields = ("excerpt",)
    usage_related = ("divergence",)
    usage_prefetch = ("divergence__roles",)

    def usage_url(self):
        roles = self.divergence.roles.all()
        return f"{roles[0].get_absolute_url()}#divergences" if roles else ""

    def usage_label(self):
        return _("Les documents divergent : %(topic)s") % {"topic": self.divergence.topic}

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("version d'un document")
        verbose_name_plural = _("versions des documents")
        constraints = [
            models.UniqueConstraint(
                fields=["divergence", "source", "order"], name="roles_divergenceversion_unique"
            )
        ]

    def __str__(self):
        return self.excerpt[:80]
