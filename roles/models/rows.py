"""The rows that describe a role, each stated by one source document."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .base import NaturalKeyManager, NaturalKeyMixin, SourcedRow, Versioned
from .reference import EducationLevel, EmployerType, ExperienceLevel, Skill, Source, Training
from .role import Role


class RoleAlias(SourcedRow):
    role = models.ForeignKey(
        Role, verbose_name=_("métier"), on_delete=models.CASCADE, related_name="aliases"
    )
    name = models.CharField(
        _("appellation"),
        max_length=150,
        help_text=_("Telle qu'écrite dans la source, formes féminines comprises."),
    )

    objects = NaturalKeyManager()
    natural_key_fields = ("role__slug", "name", "source__slug")

    quoted_fields = ("name",)
    sheet_section = ("appellations", _("Autres appellations"))

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


class Mission(SourcedRow):
    role = models.ForeignKey(
        Role, verbose_name=_("métier"), on_delete=models.CASCADE, related_name="missions"
    )
    title = models.CharField(_("intitulé"), max_length=250)
    description = models.TextField(_("description"), blank=True)

    objects = NaturalKeyManager()

    natural_key_fields = ("role__slug", "source__slug", "order")

    quoted_fields = ("title",)
    quoted_line_fields = ("description",)  # paragraphs and « • » list items
    sheet_section = ("missions", _("Missions"))

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


class RoleSkill(SourcedRow):
    role = models.ForeignKey(
        Role, verbose_name=_("métier"), on_delete=models.CASCADE, related_name="role_skills"
    )
    skill = models.ForeignKey(
        Skill, verbose_name=_("compétence"), on_delete=models.CASCADE, related_name="role_skills"
    )
    wording = models.TextField(
        _("formulation"), blank=True, help_text=_("Ce que la source dit de cette compétence.")
    )

    objects = NaturalKeyManager()
    natural_key_fields = ("role__slug", "skill__slug", "source__slug")

    quoted_fields = ("wording",)
    sheet_section = ("competences", _("Compétences"))

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


class MatrixCell(SourcedRow):
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

    objects = NaturalKeyManager()
    natural_key_fields = ("role__slug", "skill__slug", "experience_level__slug")

    quoted_fields = ("description",)
    sheet_section = ("matrice", _("Matrice de compétences"))

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


class RoleTraining(SourcedRow):
    role = models.ForeignKey(
        Role, verbose_name=_("métier"), on_delete=models.CASCADE, related_name="role_trainings"
    )
    training = models.ForeignKey(
        Training,
        verbose_name=_("formation"),
        on_delete=models.CASCADE,
        related_name="role_trainings",
    )
    note = models.TextField(_("précision"), blank=True)

    objects = NaturalKeyManager()
    natural_key_fields = ("role__slug", "training__slug", "source__slug")

    quoted_fields = ("note",)
    sheet_section = ("formation", _("Formation"))

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


class EducationRequirement(SourcedRow):
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

    objects = NaturalKeyManager()
    natural_key_fields = ("role__slug", "level__slug", "source__slug")

    quoted_fields = ("wording",)
    sheet_section = ("formation", _("Formation"))

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


class RoleEmployer(NaturalKeyMixin, Versioned, models.Model):
    """An employer type a source names for a role (no order: the sheet lists them as given)."""

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
        verbose_name = _("employeur du métier")
        verbose_name_plural = _("employeurs du métier")
        constraints = [
            models.UniqueConstraint(
                fields=["role", "employer_type", "source"], name="roles_roleemployer_unique"
            )
        ]

    def __str__(self):
        return f"{self.role} — {self.employer_type}"


class Fact(SourcedRow):
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
    kind = models.CharField(_("nature"), max_length=20, choices=Kind.choices)
    heading = models.CharField(_("intertitre"), max_length=250, blank=True)
    text = models.TextField(_("texte"))
    author = models.CharField(_("auteur"), max_length=150, blank=True)

    objects = NaturalKeyManager()
    natural_key_fields = ("role__slug", "source__slug", "kind", "order")

    quoted_fields = ("text", "heading", "author")
    sheet_section = ("presentation", _("Présentation"))

    class Meta:
        ordering = ["kind", "source__order", "order"]
        verbose_name = _("texte du document")
        verbose_name_plural = _("textes du document")
        constraints = [
            models.UniqueConstraint(
                fields=["role", "source", "kind", "order"], name="roles_fact_unique_order"
            )
        ]

    def __str__(self):
        return self.text[:80]


class CareerMove(SourcedRow):
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

    objects = NaturalKeyManager()
    natural_key_fields = ("from_role__slug", "to_role__slug", "specialisation", "source__slug")

    quoted_fields = ("note",)
    sheet_section = ("evolutions", _("Évolutions"))
    usage_related = ("from_role",)
    described_role_field = "from_role"

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
        super().clean()
        if self.to_role_id and self.to_role_id == self.from_role_id:
            raise ValidationError(
                {"to_role": _("Une évolution ne peut pas mener au même métier.")}
            )
        if bool(self.to_role_id) == bool(self.specialisation):
            raise ValidationError(
                _("Indiquez soit un métier d'arrivée, soit une spécialisation, pas les deux.")
            )
