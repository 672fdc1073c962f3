"""Roles and everything that describes them, each fact attributed to its source document."""

from functools import cached_property
from operator import attrgetter

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


class NaturalKeyManager(models.Manager):
    """Finds a row by the values of its model's `natural_key_fields`.

    Natural keys let fixtures refer to rows by what they say (a slug, a role and a title)
    and load twice without duplicates.
    """

    def get_by_natural_key(self, *values):
        return self.get(**dict(zip(self.model.natural_key_fields, values, strict=True)))


class NaturalKeyMixin:
    natural_key_fields = ("slug",)

    def natural_key(self):
        values = []
        for path in self.natural_key_fields:
            value = self
            for attribute in path.split("__"):
                value = getattr(value, attribute) if value is not None else None
            values.append(value)
        return tuple(values)


class SourceQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def with_contributions(self):
        """Each source with the roles it describes and how many facts of each kind it gave."""
        from interviews.models import CaseStudy, InterviewQuestion
        from salaries.models import SalaryBand

        counted = {
            "alias_count": RoleAlias,
            "mission_count": Mission,
            "skill_count": RoleSkill,
            "matrix_count": MatrixCell,
            "training_count": RoleTraining,
            "fact_count": Fact,
            "move_count": CareerMove,
            "salary_count": SalaryBand,
            "question_count": InterviewQuestion,
            "case_count": CaseStudy,
        }
        return self.prefetch_related(
            Prefetch("roles", queryset=Role.objects.order_by("name"))
        ).annotate(
            **{
                name: Coalesce(
                    Subquery(
                        model.objects.filter(source=OuterRef("pk"))
                        .order_by()
                        .values("source")
                        .annotate(count=Count("pk"))
                        .values("count")
                    ),
                    0,
                )
                for name, model in counted.items()
            }
        )


class Source(NaturalKeyMixin, models.Model):
    class Kind(models.TextChoices):
        JOB_SHEET = "fiche", _("Fiche métier")
        RECRUITING_GUIDE = "guide", _("Guide de recrutement")

    slug = models.SlugField(_("identifiant"), max_length=80, unique=True)
    title = models.CharField(_("titre"), max_length=250)
    publisher = models.CharField(
        _("éditeur"), max_length=200, blank=True, help_text=_("Seulement si le document le nomme.")
    )
    file_name = models.CharField(_("nom du fichier"), max_length=200)
    kind = models.CharField(_("type de document"), max_length=10, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["order", "file_name"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("roles:sources") + f"#{self.slug}"

    @property
    def label(self):
        return _("Doc. %(number)s") % {"number": self.order + 1}


class Level(models.TextChoices):
    """Hierarchy levels in career order: coordination, then management, then direction."""

    COORDINATION = "coordination", _("Coordination")
    MANAGEMENT = "management", _("Management")
    DIRECTION = "direction", _("Direction")

    @classmethod
    def rank(cls, value):
        return list(cls.values).index(value) if value in cls.values else len(cls.values)


LEVEL_ORDER = [*Level.values, ""]  # "": a role whose level is not given comes last
LEVEL_LABELS = {**dict(Level.choices), "": _("Niveau non précisé")}


def grouped(items, key, values):
    """{value: [items]} in the order of `values`, for the values some item has."""
    groups = {value: [] for value in values}
    for item in items:
        groups[key(item)].append(item)
    return {value: members for value, members in groups.items() if members}


def group_by_level(items, level=attrgetter("level")):
    """[(level label, [items])] in career order, from already fetched items."""
    groups = grouped(
        items, lambda item: level(item) if level(item) in LEVEL_LABELS else "", LEVEL_ORDER
    )
    return [(LEVEL_LABELS[value], members) for value, members in groups.items()]


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


class ExperienceLevel(NaturalKeyMixin, models.Model):
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
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    objects = NaturalKeyManager()

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
    # The name's words, normalised by roles/search.py (signals keep it current): skills matching
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
        return reverse("roles:skill", kwargs={"slug": self.slug})


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
    # Name and institution normalised by roles/search.py: training matching a query.
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


class RoleQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def documented(self):
        return self.filter(is_documented=True)

    def by_level(self):
        """Roles in career order: coordination, management, direction, then by name."""
        level_rank = models.Case(
            *(models.When(level=value, then=rank) for rank, value in enumerate(Level.values)),
            default=len(Level.values),
        )
        return self.alias(level_rank=level_rank).order_by("level_rank", "name")

    @staticmethod
    def related(*names):
        """The prefetches of a role's rows by relation name, each with what it shows beside it
        (its source, the skill or training it names…); shared by every page that shows them."""
        from interviews.models import CaseStudy, InterviewQuestion
        from salaries.models import SalaryBand

        rows = {
            "aliases": RoleAlias.objects.select_related("source"),
            "missions": Mission.objects.select_related("source"),
            "role_skills": RoleSkill.objects.select_related("skill", "source"),
            "matrix_cells": MatrixCell.objects.select_related(
                "skill", "experience_level", "source"
            ),
            "role_trainings": RoleTraining.objects.select_related(
                "training", "training__level", "source"
            ),
            "education_requirements": EducationRequirement.objects.select_related(
                "level", "source"
            ),
            "role_employers": RoleEmployer.objects.select_related("employer_type", "source"),
            "facts": Fact.objects.select_related("source"),
            "moves_out": CareerMove.objects.select_related("to_role", "source"),
            "moves_in": CareerMove.objects.select_related("from_role", "source"),
            "salary_bands": SalaryBand.objects.for_table(),
            "interview_questions": InterviewQuestion.objects.select_related(
                "source"
            ).prefetch_related("skills"),
            "case_studies": CaseStudy.objects.select_related("source").prefetch_related("skills"),
        }
        return [Prefetch(name, queryset=rows[name]) for name in names]

    def with_sheet(self):
        """Everything the role sheet shows, in a fixed number of queries."""
        return self.select_related("summary_source").prefetch_related(
            "sources",
            *self.related(
                "aliases",
                "missions",
                "role_skills",
                "matrix_cells",
                "role_trainings",
                "education_requirements",
                "role_employers",
                "facts",
                "moves_out",
                "moves_in",
                "salary_bands",
                "interview_questions",
                "case_studies",
            ),
        )

    def with_essentials(self):
        """What a career-path step shows of a role: summary, training, salary bands,
        education and the experience it asks for (`experience_facts`). Queries: 1 roles, then
        one prefetch each."""
        return self.select_related("summary_source").prefetch_related(
            *self.related("role_trainings", "salary_bands", "education_requirements"),
            Prefetch(
                "facts",
                queryset=Fact.objects.filter(kind=Fact.Kind.EXPERIENCE).select_related("source"),
                to_attr="experience_facts",
            ),
        )

    def for_comparison(self):
        """What the comparison shows: the essentials, then skills, missions and moves."""
        return self.with_essentials().prefetch_related(
            *self.related("role_skills", "missions", "moves_out", "moves_in")
        )

    def for_list(self):
        """What a role card in a list shows: level, aliases, salary range.

        The range comes from subqueries rather than a join and GROUP BY, so that the filters
        and the search of /metiers/ can be combined with it freely.
        """
        from salaries.models import SalaryBand

        bands = SalaryBand.objects.filter(role=OuterRef("pk")).order_by().values("role")
        return self.prefetch_related(
            Prefetch("aliases", queryset=RoleAlias.objects.only("id", "role_id", "name")),
        ).annotate(
            salary_min=Subquery(bands.annotate(v=models.Min("low")).values("v")),
            salary_max=Subquery(bands.annotate(v=models.Max("high")).values("v")),
        )


class Role(NaturalKeyMixin, models.Model):
    name = models.CharField(_("nom"), max_length=150, unique=True)
    slug = models.SlugField(
        _("identifiant d'adresse"),
        max_length=150,
        unique=True,
        help_text=_("Utilisé dans l'adresse de la fiche : /metiers/directeur-e-commerce/…"),
    )
    level = models.CharField(
        _("niveau hiérarchique"), max_length=20, choices=Level.choices, blank=True
    )
    summary = models.TextField(
        _("résumé"), blank=True, help_text=_("Une ou deux phrases reprises d'une source.")
    )
    summary_source = models.ForeignKey(
        Source,
        verbose_name=_("source du résumé"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    is_documented = models.BooleanField(
        _("fiche documentée"),
        default=True,
        help_text=_("Décochez tant qu'aucun document ne décrit ce métier."),
    )
    sources = models.ManyToManyField(
        Source, verbose_name=_("sources"), blank=True, related_name="roles"
    )

    objects = RoleQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("métier")
        verbose_name_plural = _("métiers")
        constraints = [
            models.CheckConstraint(
                condition=Q(summary="") | Q(summary_source__isnull=False),
                name="roles_role_summary_has_source",
                violation_error_message=_("Un résumé doit indiquer sa source."),
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("roles:detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.summary and not self.summary_source_id:
            raise ValidationError({"summary_source": _("Un résumé doit indiquer sa source.")})

    @property
    def level_rank(self):
        return Level.rank(self.level)

    # Groupings the sheet shows, computed from prefetched rows (no query).
    @cached_property
    def skills_by_category(self):
        """[(category label, [role skills])], tools left out (they have their own section)."""
        skills = [rs for rs in self.role_skills.all() if rs.skill.category != Skill.Category.TOOL]
        groups = grouped(skills, lambda rs: rs.skill.category, Skill.Category.values)
        return [(Skill.Category(value).label, items) for value, items in groups.items()]

    @cached_property
    def skill_matrix(self):
        """Rows (skill, [cell per level]) and the column levels, from prefetched cells."""
        levels, rows = [], {}
        for cell in self.matrix_cells.all():
            if cell.experience_level not in levels:
                levels.append(cell.experience_level)
            rows.setdefault(cell.skill, {})[cell.experience_level.pk] = cell
        levels.sort(key=lambda level: level.order)
        return levels, [
            (skill, [cells.get(level.pk) for level in levels]) for skill, cells in rows.items()
        ]

    @cached_property
    def fact_groups(self):
        """Facts grouped by kind in display order, from prefetched rows."""
        return grouped(self.facts.all(), attrgetter("kind"), Fact.Kind.values)

    @cached_property
    def tools(self):
        return [rs for rs in self.role_skills.all() if rs.skill.category == Skill.Category.TOOL]

    @cached_property
    def specialisations(self):
        return [move for move in self.moves_out.all() if not move.to_role_id]

    @cached_property
    def role_moves_out(self):
        return [move for move in self.moves_out.all() if move.to_role_id]


class RoleSearch(models.Model):
    """What the search reads for one role (see roles/search.py), kept current by
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
    """A whole title or phrase of a role, normalised (see roles/search.py `key()`): a query
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
    """A word of the roles' titles, skills, missions and training, folded (see roles/search.py
    `words()`): the words a misspelt query is corrected to, on PostgreSQL. Words are added as
    content is indexed and never removed (a word no role has any more finds nothing)."""

    # typos: word % query word, trigram GIN index (migration 0004)
    word = models.CharField(_("mot"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("mot de recherche")
        verbose_name_plural = _("mots de recherche")

    def __str__(self):
        return self.word


class RoleAlias(NaturalKeyMixin, models.Model):
    role = models.ForeignKey(
        Role, verbose_name=_("métier"), on_delete=models.CASCADE, related_name="aliases"
    )
    name = models.CharField(
        _("appellation"),
        max_length=150,
        help_text=_("Telle qu'écrite dans la source, formes féminines comprises."),
    )
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    objects = NaturalKeyManager()
    natural_key_fields = ("role__slug", "name", "source__slug")

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("autre appellation")
        verbose_name_plural = _("autres appellations")
        constraints = [
            models.UniqueConstraint(
                fields=["role", "name", "source"], name="roles_alias_unique_per_source"
            )
        ]

    def __str__(self):
        return self.name


class Mission(NaturalKeyMixin, models.Model):
    role = models.ForeignKey(
        Role, verbose_name=_("métier"), on_delete=models.CASCADE, related_name="missions"
    )
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)
    title = models.CharField(_("intitulé"), max_length=250)
    description = models.TextField(_("description"), blank=True)

    objects = NaturalKeyManager()

    natural_key_fields = ("role__slug", "source__slug", "order")

    class Meta:
        ordering = ["source__order", "order"]
        verbose_name = _("mission")
        verbose_name_plural = _("missions")
        constraints = [
            models.UniqueConstraint(
                fields=["role", "source", "order"], name="roles_mission_unique_order"
            )
        ]

    def __str__(self):
        return self.title


class RoleSkill(NaturalKeyMixin, models.Model):
    role = models.ForeignKey(
        Role, verbose_name=_("métier"), on_delete=models.CASCADE, related_name="role_skills"
    )
    skill = models.ForeignKey(
        Skill, verbose_name=_("compétence"), on_delete=models.CASCADE, related_name="role_skills"
    )
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT)
    wording = models.TextField(
        _("formulation"), blank=True, help_text=_("Ce que la source dit de cette compétence.")
    )
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    objects = NaturalKeyManager()
    natural_key_fields = ("role__slug", "skill__slug", "source__slug")

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("compétence du métier")
        verbose_name_plural = _("compétences du métier")
        constraints = [
            models.UniqueConstraint(
                fields=["role", "skill", "source"], name="roles_roleskill_unique_per_source"
            )
        ]

    def __str__(self):
        return f"{self.role} — {self.skill}"


class MatrixCell(NaturalKeyMixin, models.Model):
    """One cell of a skills matrix: competency area × experience level → expectation."""

    role = models.ForeignKey(
        Role, verbose_name=_("métier"), on_delete=models.CASCADE, related_name="matrix_cells"
    )
    skill = models.ForeignKey(
        Skill,
        verbose_name=_("domaine de compétence"),
        on_delete=models.CASCADE,
        related_name="matrix_cells",
    )
    experience_level = models.ForeignKey(
        ExperienceLevel, verbose_name=_("niveau d'expérience"), on_delete=models.PROTECT
    )
    description = models.TextField(_("attendu"))
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    objects = NaturalKeyManager()
    natural_key_fields = ("role__slug", "skill__slug", "experience_level__slug")

    class Meta:
        ordering = ["order", "experience_level__order"]
        verbose_name = _("case de la matrice de compétences")
        verbose_name_plural = _("matrice de compétences")
        constraints = [
            models.UniqueConstraint(
                fields=["role", "skill", "experience_level"], name="roles_matrixcell_unique"
            )
        ]

    def __str__(self):
        return f"{self.role} — {self.skill} — {self.experience_level}"


class RoleTraining(NaturalKeyMixin, models.Model):
    role = models.ForeignKey(
        Role, verbose_name=_("métier"), on_delete=models.CASCADE, related_name="role_trainings"
    )
    training = models.ForeignKey(
        Training,
        verbose_name=_("formation"),
        on_delete=models.CASCADE,
        related_name="role_trainings",
    )
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT)
    note = models.TextField(_("précision"), blank=True)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    objects = NaturalKeyManager()
    natural_key_fields = ("role__slug", "training__slug", "source__slug")

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("formation menant au métier")
        verbose_name_plural = _("formations menant au métier")
        constraints = [
            models.UniqueConstraint(
                fields=["role", "training", "source"], name="roles_roletraining_unique"
            )
        ]

    def __str__(self):
        return f"{self.training} → {self.role}"


class EducationRequirement(NaturalKeyMixin, models.Model):
    role = models.ForeignKey(
        Role,
        verbose_name=_("métier"),
        on_delete=models.CASCADE,
        related_name="education_requirements",
    )
    level = models.ForeignKey(
        EducationLevel, verbose_name=_("niveau d'études"), on_delete=models.PROTECT
    )
    wording = models.TextField(_("formulation"), help_text=_("Telle qu'écrite dans la source."))
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    objects = NaturalKeyManager()
    natural_key_fields = ("role__slug", "level__slug", "source__slug")

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("niveau d'études demandé")
        verbose_name_plural = _("niveaux d'études demandés")
        constraints = [
            models.UniqueConstraint(
                fields=["role", "level", "source"], name="roles_educationrequirement_unique"
            )
        ]

    def __str__(self):
        return f"{self.role} — {self.level}"


class RoleEmployer(NaturalKeyMixin, models.Model):
    role = models.ForeignKey(
        Role, verbose_name=_("métier"), on_delete=models.CASCADE, related_name="role_employers"
    )
    employer_type = models.ForeignKey(
        EmployerType,
        verbose_name=_("type d'employeur"),
        on_delete=models.CASCADE,
        related_name="role_employers",
    )
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT)

    objects = NaturalKeyManager()
    natural_key_fields = ("role__slug", "employer_type__slug", "source__slug")

    class Meta:
        ordering = ["pk"]
        verbose_name = _("employeur type")
        verbose_name_plural = _("employeurs types")
        constraints = [
            models.UniqueConstraint(
                fields=["role", "employer_type", "source"], name="roles_roleemployer_unique"
            )
        ]

    def __str__(self):
        return f"{self.role} — {self.employer_type}"


class Fact(NaturalKeyMixin, models.Model):
    """A statement of a source about a role that is neither a mission nor a skill."""

    class Kind(models.TextChoices):
        PRESENTATION = "presentation", _("Présentation")
        PROFILE = "profil", _("Profil recherché")
        THEME = "theme", _("Thème clé")
        ACTION = "action", _("Action marketing")
        CONDITIONS = "conditions", _("Conditions d'exercice")
        EXPERIENCE = "experience", _("Expérience attendue")
        EDUCATION = "formation", _("Formation")
        SALARY = "salaire", _("Rémunération")
        CAREER = "carriere", _("Évolution")
        RECRUITING = "recrutement", _("Conseil de recrutement")
        QUOTE = "citation", _("Citation")

    role = models.ForeignKey(
        Role, verbose_name=_("métier"), on_delete=models.CASCADE, related_name="facts"
    )
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT)
    kind = models.CharField(_("nature"), max_length=20, choices=Kind.choices)
    heading = models.CharField(_("intertitre"), max_length=250, blank=True)
    text = models.TextField(_("texte"))
    author = models.CharField(_("auteur"), max_length=150, blank=True)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    objects = NaturalKeyManager()
    natural_key_fields = ("role__slug", "source__slug", "kind", "order")

    class Meta:
        ordering = ["kind", "source__order", "order"]
        verbose_name = _("fait sourcé")
        verbose_name_plural = _("faits sourcés")
        constraints = [
            models.UniqueConstraint(
                fields=["role", "source", "kind", "order"], name="roles_fact_unique_order"
            )
        ]

    def __str__(self):
        return self.text[:80]


class CareerMove(NaturalKeyMixin, models.Model):
    """A move a source states: towards another role, or into a specialisation."""

    from_role = models.ForeignKey(
        Role,
        verbose_name=_("métier de départ"),
        on_delete=models.CASCADE,
        related_name="moves_out",
    )
    to_role = models.ForeignKey(
        Role,
        verbose_name=_("métier d'arrivée"),
        on_delete=models.CASCADE,
        related_name="moves_in",
        null=True,
        blank=True,
    )
    specialisation = models.CharField(
        _("spécialisation"),
        max_length=200,
        blank=True,
        help_text=_("À remplir à la place du métier d'arrivée pour une spécialisation."),
    )
    note = models.TextField(_("précision"), blank=True)
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    objects = NaturalKeyManager()
    natural_key_fields = ("from_role__slug", "to_role__slug", "specialisation", "source__slug")

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("évolution de carrière")
        verbose_name_plural = _("évolutions de carrière")
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_role=F("to_role")),
                name="roles_careermove_not_to_itself",
                violation_error_message=_("Une évolution ne peut pas mener au même métier."),
            ),
            models.CheckConstraint(
                condition=(Q(to_role__isnull=False) & Q(specialisation=""))
                | (Q(to_role__isnull=True) & ~Q(specialisation="")),
                name="roles_careermove_role_xor_specialisation",
                violation_error_message=_(
                    "Indiquez soit un métier d'arrivée, soit une spécialisation, pas les deux."
                ),
            ),
            models.UniqueConstraint(
                fields=["from_role", "to_role", "specialisation", "source"],
                name="roles_careermove_unique",
            ),
        ]

    def __str__(self):
        return f"{self.from_role} → {self.to_role or self.specialisation}"

    def clean(self):
        if self.to_role_id and self.to_role_id == self.from_role_id:
            raise ValidationError(
                {"to_role": _("Une évolution ne peut pas mener au même métier.")}
            )
        if bool(self.to_role_id) == bool(self.specialisation):
            raise ValidationError(
                _("Indiquez soit un métier d'arrivée, soit une spécialisation, pas les deux.")
            )
