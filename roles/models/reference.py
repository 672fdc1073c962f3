"""What roles are described with: the source documents and the shared vocabularies
(education and experience levels, employer types, skills, training)."""

from django.db import models
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from ..urlcache import slug_url
from .base import NaturalKeyManager, NaturalKeyMixin, SourcedRow, Versioned

ROLES_SHOWN = 12  # roles named for each document on its pages; the rest are counted


class SourceQuerySet(models.QuerySet):
    # What a source gave (the sources page): count → reverse relation of the rows counted,
    # the rows of other apps included (salary bands, interview questions, case studies).
    CONTRIBUTIONS = {
        "alias_count": "rolealias",
        "mission_count": "mission",
        "skill_count": "roleskill",
        "matrix_count": "matrixcell",
        "training_count": "roletraining",
        "fact_count": "fact",
        "move_count": "careermove",
        "salary_count": "salaryband",
        "question_count": "interviewquestion",
        "case_count": "casestudy",
    }

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def with_contributions(self):
        """Each source with the roles it describes and how many rows of each kind it gave,
        counted through the reverse relation of each kind (one subquery each); rows the
        editors worded themselves are not counted (their wording came from no document)."""
        counts = {
            name: self._count_of(relation, Q(**{f"{relation}__team_wording_on__isnull": True}))
            for name, relation in self.CONTRIBUTIONS.items()
        }
        return self.with_roles_shown().annotate(**counts)

    def with_roles_shown(self, shown=ROLES_SHOWN):
        """Each source with the first `shown` roles it describes, by name (`roles_shown`),
        and how many it describes (`role_count`): a document may describe thousands, and
        its pages name a few and count the rest. 1 query for the sources, 1 for the roles."""
        roles = self.model.roles.rel.related_model.objects.only("slug", "name").order_by("name")
        return self.annotate(role_count=self._count_of("roles")).prefetch_related(
            Prefetch("roles", roles[:shown], to_attr="roles_shown")
        )

    def _count_of(self, relation, condition=None):
        """How many rows each source has through `relation` (meeting `condition`): a
        subquery, so that counts of several relations never multiply each other."""
        return Coalesce(
            Subquery(
                self.model.objects.filter(pk=OuterRef("pk"))
                .order_by()
                .annotate(count=Count(relation, filter=condition))
                .values("count")
            ),
            0,
        )


class Source(NaturalKeyMixin, Versioned, models.Model):
    """A source document, with its whole text: every excerpt the site quotes is found in it."""

    class Kind(models.TextChoices):
        JOB_SHEET = "fiche", _("Fiche métier")
        RECRUITING_GUIDE = "guide", _("Guide de recrutement")

    slug = models.SlugField(_("identifiant"), max_length=80, unique=True)
    title = models.CharField(
        _("titre"), max_length=250, help_text=_("Le titre tel que le document le donne.")
    )
    short_title = models.CharField(
        _("nom court"),
        max_length=120,
        blank=True,
        help_text=_(
            "Le nom sous lequel le site cite le document à côté de chaque information "
            "(par exemple « Guide « Recruter un Responsable E-commerce » »). Vide : le titre."
        ),
        default="",
    )
    publisher = models.CharField(
        _("éditeur"), max_length=200, blank=True, help_text=_("Seulement si le document le nomme.")
    )
    file_name = models.CharField(
        _("nom du fichier"),
        max_length=200,
        blank=True,
        help_text=_("Le fichier d'origine, pour l'équipe ; jamais montré aux lecteurs."),
    )
    kind = models.CharField(_("type de document"), max_length=10, choices=Kind.choices)
    date = models.CharField(
        _("date du document"),
        max_length=60,
        blank=True,
        default="",
        help_text=_(
            "Telle que le document la donne (par exemple « mars 2025 ») ; "
            "vide s'il n'en donne pas."
        ),
    )
    url = models.URLField(
        _("adresse"),
        max_length=500,
        blank=True,
        default="",
        help_text=_("L'adresse où le document est publié, s'il l'est."),
    )
    description = models.TextField(_("description"), blank=True)
    text = models.TextField(
        _("texte intégral"),
        blank=True,
        help_text=_(
            "Le texte du document, mot pour mot. Chaque passage cité sur le site doit s'y "
            "trouver (les espaces, les apostrophes et les majuscules mis à part)."
        ),
        default="",
    )
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["order", "file_name"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return slug_url("roles:source", self.slug)  # computed once per slug

    @property
    def more_roles(self):
        """Roles described beyond those named (`with_roles_shown()`)."""
        return self.role_count - len(self.roles_shown)

    @property
    def label(self):
        """What the site calls the document beside each fact: a name a reader recognises."""
        return self.short_title or self.title


class EducationLevel(NaturalKeyMixin, models.Model):
    slug = models.SlugField(_("identifiant"), max_length=40, unique=True)
    name = models.CharField(_("niveau"), max_length=40, unique=True)
    rank = models.PositiveSmallIntegerField(
        _("rang"), help_text=_("Années d'études après le bac.")
    )

    objects = NaturalKeyManager()

    class Meta:
        ordering = ["rank", "name"]
        verbose_name = _("niveau d'études")
        verbose_name_plural = _("niveaux d'études")

    def __str__(self):
        return self.name


class ExperienceLevel(SourcedRow):
    """An experience level as one document words it, with its years.

    Documents disagree on the years (Junior is 1–2 years in one table, 0–2 in another):
    each wording is its own row, tied to a common tier so that levels can be compared.
    """

    class Tier(models.TextChoices):
        JUNIOR = "junior", _("Junior")
        CONFIRMED = "confirme", _("Confirmé")
        SENIOR = "senior", _("Senior")

    slug = models.SlugField(_("identifiant"), max_length=60, unique=True)
    name = models.CharField(_("nom"), max_length=60)
    years = models.CharField(_("années d'expérience"), max_length=60, blank=True)
    tier = models.CharField(_("palier"), max_length=10, choices=Tier.choices)

    objects = NaturalKeyManager()

    quoted_fields = ("name", "years")
    usage_related = ()

    def usage_url(self):
        return ""

    def usage_label(self):
        return _("Niveau d'expérience « %(name)s »") % {"name": self.name}

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("niveau d'expérience")
        verbose_name_plural = _("niveaux d'expérience")

    def __str__(self):
        return f"{self.name} ({self.years})" if self.years else self.name


class EmployerType(NaturalKeyMixin, models.Model):
    slug = models.SlugField(_("identifiant"), max_length=60, unique=True)
    name = models.CharField(_("nom"), max_length=100, unique=True)

    objects = NaturalKeyManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("type d'employeur")
        verbose_name_plural = _("types d'employeurs")

    def __str__(self):
        return self.name


class Skill(NaturalKeyMixin, models.Model):
    class Category(models.TextChoices):
        KNOW_HOW = "savoir-faire", _("Savoir-faire / technique")
        ANALYTICAL = "analytique", _("Analytique")
        SOFT = "savoir-etre", _("Savoir-être / relationnel")
        KNOWLEDGE = "savoir", _("Savoir / connaissance")
        TOOL = "outil", _("Outil")

    slug = models.SlugField(_("identifiant"), max_length=120, unique=True)
    name = models.CharField(_("nom"), max_length=150)
    category = models.CharField(_("catégorie"), max_length=20, choices=Category.choices)
    description = models.TextField(_("description"), blank=True)
    # The name's words, normalised by roles/search/ (signals keep it current): skills matching
    # a query on /recherche/ (trigram GIN index on PostgreSQL, migration 0003).
    search_text = models.TextField(_("texte normalisé"), default="", editable=False)
    # How many roles need it, kept by roles/signals.py: counting 120,000 role skills on every
    # page that lists the most-needed skills took longer than the rest of the page.
    role_count = models.PositiveIntegerField(_("nombre de métiers"), default=0, editable=False)

    objects = NaturalKeyManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("compétence")
        verbose_name_plural = _("compétences")
        indexes = [
            # the most-needed skills: home page, /metiers/ form, search suggestions
            models.Index(fields=["-role_count", "name"], name="roles_skill_most_needed"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:120]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("roles:skill", self.slug)  # computed once per slug


class Training(NaturalKeyMixin, models.Model):
    class Kind(models.TextChoices):
        DIPLOMA = "diplome", _("Diplôme")
        CERTIFICATION = "certification", _("Certification")
        PROGRAMME = "programme", _("Programme d'école")
        PATH = "parcours", _("Parcours ou filière")

    slug = models.SlugField(_("identifiant"), max_length=150, unique=True)
    name = models.CharField(_("intitulé"), max_length=250)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    level = models.ForeignKey(
        EducationLevel,
        verbose_name=_("niveau"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    institution = models.CharField(_("établissement"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    # Name and institution normalised by roles/search/: training matching a query.
    search_text = models.TextField(_("texte normalisé"), default="", editable=False)

    objects = NaturalKeyManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("formation")
        verbose_name_plural = _("formations")

    def __str__(self):
        return f"{self.name} — {self.institution}" if self.institution else self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:150]
        super().save(*args, **kwargs)
