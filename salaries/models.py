"""Salary bands: what a role pays, by experience level and location, as each source states it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from roles.models import ExperienceLevel, NaturalKeyManager, NaturalKeyMixin, Role, Source


class Location(NaturalKeyMixin, models.Model):
    slug = models.SlugField(_("identifiant"), max_length=60, unique=True)
    name = models.CharField(_("lieu"), max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    objects = NaturalKeyManager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("lieu")
        verbose_name_plural = _("lieux")

    def __str__(self):
        return self.name


class SalaryBandQuerySet(models.QuerySet):
    def for_table(self):
        """Bands with everything a salary table shows, in table order."""
        return self.select_related("role", "experience_level", "location", "source").order_by(
            "role__name", "source__order", "experience_level__order", "location__order"
        )


class SalaryBand(NaturalKeyMixin, models.Model):
    role = models.ForeignKey(
        Role, verbose_name=_("métier"), on_delete=models.CASCADE, related_name="salary_bands"
    )
    experience_level = models.ForeignKey(
        ExperienceLevel,
        verbose_name=_("niveau d'expérience"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Vide quand la source donne une fourchette pour tous les niveaux."),
    )
    location = models.ForeignKey(Location, verbose_name=_("lieu"), on_delete=models.PROTECT)
    low = models.PositiveIntegerField(_("bas de fourchette (€ bruts par an)"))
    high = models.PositiveIntegerField(_("haut de fourchette (€ bruts par an)"))
    year = models.PositiveSmallIntegerField(
        _("année du chiffre"), null=True, blank=True, help_text=_("Si la source la donne.")
    )
    note = models.CharField(_("précision"), max_length=250, blank=True)
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT)

    objects = NaturalKeyManager.from_queryset(SalaryBandQuerySet)()
    natural_key_fields = ("role__slug", "source__slug", "experience_level__slug", "location__slug")

    class Meta:
        ordering = ["role__name", "source__order", "experience_level__order", "location__order"]
        verbose_name = _("fourchette de salaire")
        verbose_name_plural = _("fourchettes de salaire")
        constraints = [
            models.CheckConstraint(
                condition=Q(low__lte=F("high")),
                name="salaries_band_low_lte_high",
                violation_error_message=_(
                    "Le bas de la fourchette doit être inférieur ou égal au haut."
                ),
            ),
            models.CheckConstraint(
                condition=Q(low__gt=0),
                name="salaries_band_low_positive",
                violation_error_message=_("Les montants doivent être positifs."),
            ),
            models.UniqueConstraint(
                fields=["role", "source", "experience_level", "location"],
                name="salaries_band_unique",
            ),
        ]

    def __str__(self):
        return f"{self.role} — {self.experience_level or _('tous niveaux')} — {self.location}"

    def clean(self):
        errors = {}
        if self.low is not None and self.low <= 0:
            errors["low"] = _("Les montants doivent être positifs.")
        if self.high is not None and self.high <= 0:
            errors["high"] = _("Les montants doivent être positifs.")
        if self.low and self.high and self.low > self.high:
            errors["high"] = _("Le bas de la fourchette doit être inférieur ou égal au haut.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_single_figure(self):
        return self.low == self.high
