"""Roles, and the groupings their sheet shows; the questions the site asks of them (the sheet,
a career step, a list card) are `RoleQuerySet`'s, in querysets.py."""

from functools import cached_property
from operator import attrgetter

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from ..grouping import Level, grouped
from ..urlcache import slug_url
from .base import NaturalKeyMixin, Quoting, TeamWorded, Versioned
from .querysets import RoleQuerySet
from .reference import Skill, Source

# Crosswalk codes: the role in the classifications of France Travail (ROME), the European
# Union (ESCO) and the ILO (ISCO-08). Checked for their format only; an editor sets them.
validate_rome_code = RegexValidator(
    r"\A[A-N][0-9]{4}\Z",
    _("Un code ROME est une lettre majuscule de A à N suivie de 4 chiffres, par exemple M1705."),
    code="invalid_rome",
)
validate_esco_uri = RegexValidator(
    r"\Ahttp://data\.europa\.eu/esco/occupation/"
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z",
    _(
        "Une adresse ESCO de métier a la forme "
        "http://data.europa.eu/esco/occupation/ suivie d’un identifiant (UUID) en minuscules."
    ),
    code="invalid_esco",
)
validate_isco_code = RegexValidator(
    r"\A[0-9]{4}\Z",
    _("Un code CITP/ISCO-08 de profession compte exactement 4 chiffres, par exemple 1221."),
    code="invalid_isco",
)


def _in_order(items, key):
    """{key: [items]} in the order each key first appears."""
    groups = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups


class Role(Quoting, NaturalKeyMixin, TeamWorded, Versioned, models.Model):
    class Status(models.TextChoices):
        DRAFT = "brouillon", _("brouillon")
        PUBLISHED = "publiee", _("publiée")
        ARCHIVED = "archivee", _("archivée")

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
    rome_code = models.CharField(
        _("code ROME"),
        max_length=5,
        blank=True,
        default="",
        validators=[validate_rome_code],
        help_text=_(
            "Le code de la fiche ROME de France Travail (une lettre et 4 chiffres, ex. M1705). "
            "Laissez vide tant qu’il n’est pas vérifié."
        ),
    )
    esco_uri = models.CharField(
        _("adresse ESCO"),
        max_length=100,
        blank=True,
        default="",
        validators=[validate_esco_uri],
        help_text=_(
            "L’adresse du métier dans ESCO : http://data.europa.eu/esco/occupation/… "
            "Laissez vide tant qu’elle n’est pas vérifiée."
        ),
    )
    isco_code = models.CharField(
        _("code CITP/ISCO-08"),
        max_length=4,
        blank=True,
        default="",
        validators=[validate_isco_code],
        help_text=_(
            "Le groupe de base de la classification internationale des professions (4 chiffres). "
            "Laissez vide tant qu’il n’est pas vérifié."
        ),
    )
    status = models.CharField(
        _("statut"),
        max_length=10,
        choices=Status.choices,
        default=Status.PUBLISHED,
        help_text=_(
            "Un brouillon n'est visible que des éditeurs (lien d'aperçu) ; un métier supprimé "
            "est archivé et peut être restauré."
        ),
    )
    reviewed_on = models.DateField(_("relue le"), null=True, blank=True)
    review_due = models.DateField(_("à relire avant le"), null=True, blank=True)
    updated_at = models.DateTimeField(_("mise à jour le"), auto_now=True, null=True)

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
        return slug_url("roles:detail", self.slug)  # computed once per slug

    quoted_fields = ("summary",)
    quoted_source_field = "summary_source"
    usage_related = ()

    def usage_url(self):
        return self.get_absolute_url()

    def usage_label(self):
        return _("%(name)s · Résumé") % {"name": self.name}

    def clean(self):
        super().clean()
        if self.summary and not self.summary_source_id:
            raise ValidationError({"summary_source": _("Un résumé doit indiquer sa source.")})
        if self.reviewed_on and self.reviewed_on > timezone.localdate():
            raise ValidationError(
                {"reviewed_on": _("Une relecture ne peut pas être datée du futur.")}
            )

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
        kinds = self.facts.model.Kind
        return grouped(self.facts.all(), attrgetter("kind"), kinds.values)

    @cached_property
    def tools(self):
        return [rs for rs in self.role_skills.all() if rs.skill.category == Skill.Category.TOOL]

    @cached_property
    def specialisations(self):
        return [move for move in self.moves_out.all() if not move.to_role_id]

    @cached_property
    def role_moves_out(self):
        return [move for move in self.moves_out.all() if move.to_role_id]

    # « L'essentiel » and each fact once (issue 11): groupings of the prefetched rows.
    KEY_SKILLS = 5

    @cached_property
    def skill_entries(self):
        """[(category label, [(skill, [its rows, one per document wording])])], tools left
        out: one entry per skill, each document's excerpt beneath it."""
        return [
            (label, list(_in_order(items, attrgetter("skill")).items()))
            for label, items in self.skills_by_category
        ]

    @cached_property
    def key_skills(self):
        """The five skills most documents cite (then in the documents' order), each with the
        first row that cites it: [(skill, row)]."""
        cited = {}
        for _label, entries in self.skill_entries:
            for skill, rows in entries:
                cited[skill] = rows
        ranked = sorted(cited.items(), key=lambda item: -len({r.source_id for r in item[1]}))
        return [(skill, rows[0]) for skill, rows in ranked[: self.KEY_SKILLS]]

    @cached_property
    def tool_entries(self):
        """[(row, [tools])]: each document sentence once, with the tools it names."""
        groups = _in_order(self.tools, lambda rs: (rs.source_id, rs.wording or rs.pk))
        return [(rows[0], [rs.skill for rs in rows]) for rows in groups.values()]

    @cached_property
    def training_entries(self):
        """[(row, [trainings])]: each document sentence once, with the trainings it names."""
        groups = _in_order(self.role_trainings.all(), lambda rt: (rt.source_id, rt.note or rt.pk))
        return [(rows[0], [rt.training for rt in rows]) for rows in groups.values()]

    @cached_property
    def move_entries(self):
        """[(row, [roles])]: each document's career sentence once, with the roles it names."""
        groups = _in_order(
            self.role_moves_out, lambda move: (move.source_id, move.note or move.pk)
        )
        return [(rows[0], [move.to_role for move in rows]) for rows in groups.values()]

    @cached_property
    def band_lines(self):
        """[(first band, [bands])]: one line per document and experience level for
        « L'essentiel », each band as its document gives it (no figure across documents)."""
        groups = _in_order(
            self.salary_bands.all(), lambda band: (band.source_id, band.experience_level_id)
        )
        return [(bands[0], bands) for bands in groups.values()]
