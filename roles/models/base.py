"""What every model of the hub shares: natural keys, and the rows a source states in order."""

from django.db import models
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


class SourcedRow(NaturalKeyMixin, models.Model):
    """A row that one source document states, at a position among its siblings."""

    source = models.ForeignKey("roles.Source", verbose_name=_("source"), on_delete=models.PROTECT)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    objects = NaturalKeyManager()

    class Meta:
        abstract = True
