"""Salary bands: what a role pays, by experience level and location, as each source states it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from roles.models import (
    ExperienceLevel,
    NaturalKeyManager,
    NaturalKeyMixin,
    Quoting,
    Role,
    Source,
    TeamWorded,
    Versioned,
)


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


class SalaryBand(Quoting, NaturalKeyMixin, TeamWorded, Versioned, models.Model):
    """A salary figure or range as one document gives it: its basis (gross or net), period,
    place and date only where the document states them, and the document's own words."""

    class Basis(models.TextChoices):
        GROSS = "brut", _("brut")
        NET = "net", _("net")
        __empty__ = _("non précisé")

    class Period(models.TextChoices):
        YEAR = "annuel", _("annuel")
        MONTH = "mensuel", _("mensuel")
        __empty__ = _("non précisée")

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
    location = models.ForeignKey(
        Location,
        verbose_name=_("lieu"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Vide quand le document ne dit pas où (« non précisé »)."),
    )
    low = models.PositiveIntegerField(_("bas de fourchette (€)"))
    high = models.PositiveIntegerField(_("haut de fourchette (€)"))
    basis = models.CharField(
        _("brut ou net"),
        max_length=10,
        choices=Basis.choices,
        blank=True,
        help_text=_("Seulement si le document le dit."),
        default="",
    )
    period = models.CharField(
        _("période"),
        max_length=10,
        choices=Period.choices,
        blank=True,
        help_text=_("Seulement si le document le dit."),
        default="",
    )
    date_label = models.CharField(
        _("sens de la date"),
        max_length=100,
        blank=True,
        help_text=_("Les mots du document, par exemple « Date de dernière mise à jour »."),
        default="",
    )
    date_value = models.CharField(
        _("date"),
        max_length=20,
        blank=True,
        help_text=_("La date telle que le document la donne, par exemple « 2024 »."),
        default="",
    )
    excerpt = models.TextField(
        _("passage"),
        help_text=_("Les mots du document qui donnent ce chiffre, tels qu'il les écrit."),
        default="",
    )
    note = models.CharField(
        _("précision de l'équipe"),
        max_length=250,
        blank=True,
        help_text=_("Rédaction de l'équipe, montrée comme telle."),
    )
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
        return f"{self.role} — {self.experience_level or _('tous niveaux')} — {self.place}"

    quoted_fields = ("excerpt", "date_label")
    sheet_section = ("salaires", _("Salaires"))

    def clean(self):
        super().clean()
        errors = {}
        if self.date_value.isdigit() and int(self.date_value) > timezone.now().year:
            errors["date_value"] = _("Une date ne peut pas être dans le futur.")
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

    @property
    def place(self):
        """The location's name, or « lieu non précisé » when the document names none."""
        return self.location.name if self.location else _("lieu non précisé")

    @property
    def place_order(self):
        return (self.location.order, self.location.name) if self.location else (-1, "")

    @property
    def nature(self):
        """« brut annuel », « brut », « annuel » or "" : only what the document states."""
        return " ".join(
            str(label)
            for value, label in (
                (self.basis, self.get_basis_display()),
                (self.period, self.get_period_display()),
            )
            if value
        )
