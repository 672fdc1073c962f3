"""What every model of the hub shares: natural keys, and the rows a source states in order."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .. import provenance

NOT_IN_DOCUMENT = _("Ce passage ne figure pas dans le document choisi.")
NOT_A_ROLE_SOURCE = _(
    "Ce document n'est pas parmi les sources du métier. Ajoutez d'abord ce document aux "
    "sources du métier (champ « sources » de la fiche), enregistrez, puis choisissez-le ici."
)


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


class TeamWorded(models.Model):
    """A quoting row an editor may word themselves (« rédaction de l'équipe »): then it is the
    site's wording, dated, shown without the document's badge, and left out of the checks and
    uses of the document, until a save finds all its quoted text in the document again."""

    team_wording_on = models.DateField(
        _("rédaction de l'équipe le"),
        null=True,
        blank=True,
        editable=False,  # set by the save (Quoting.clean_excerpts), never typed
        help_text=_("Vide : les mots du document. Une date : la formulation de l'équipe."),
    )

    class Meta:
        abstract = True


class Quoting:
    """A row that quotes its source document (see roles/provenance.py).

    `quoted_fields`: text fields that are each one excerpt of the document;
    `quoted_line_fields`: text fields whose every non-empty line is one;
    `quoted_source_field`: the foreign key to the document (`source`).

    With `TeamWorded`, an editor may keep text the document does not contain by asking for
    it (`team_wording_requested`, the admin's « Rédaction de l'équipe » box).
    """

    # Set by a form before `clean()`: whether the editor asks for their own wording, and
    # whether they changed the quoted text (a new date) or only kept it (the same date).
    team_wording_requested = False
    team_wording_rewritten = True

    quoted_fields = ()
    quoted_line_fields = ()
    quoted_source_field = "source"
    # The role the row describes (a foreign key), whose sources the row's document must be
    # among: a fact about a role comes from a document that describes that role.
    described_role_field = "role"
    # Where the site shows the row (the document viewer links there): the anchor of its
    # section on the role sheet and the section's heading; what to fetch to build the link.
    sheet_section = ("", "")
    usage_related = ("role",)

    @property
    def usage_role(self):
        return getattr(self, self.usage_related[0])

    def usage_url(self):
        anchor = f"#{self.sheet_section[0]}" if self.sheet_section[0] else ""
        return self.usage_role.get_absolute_url() + anchor

    def usage_label(self):
        name, heading = self.usage_role.name, self.sheet_section[1]
        return f"{name} · {heading}" if heading else name

    @property
    def quoted_source(self):
        return getattr(self, self.quoted_source_field)

    @classmethod
    def can_be_team_worded(cls):
        """Whether editors may word rows of this model themselves (`TeamWorded`)."""
        return issubclass(cls, TeamWorded)

    @property
    def is_team_wording(self):
        """Whether the row is the editors' wording: no document's words, no badge."""
        return bool(getattr(self, "team_wording_on", None))

    @property
    def attributed_source(self):
        """The document the row is credited to: none when it is the editors' wording."""
        return None if self.is_team_wording else self.quoted_source

    @property
    def first_excerpt(self):
        """The first excerpt the row quotes: where its source badge points to."""
        excerpts = provenance.excerpts_of(self)
        return excerpts[0] if excerpts else ""

    def passage_url(self):
        """The document's page, at the passage this row quotes."""
        source = self.quoted_source
        if source is None or self.is_team_wording:
            return ""
        excerpt = self.first_excerpt
        anchor = f"#{provenance.passage_id(excerpt)}" if excerpt else ""
        return source.get_absolute_url() + anchor

    def clean_excerpts(self):
        """A French form error on each quoted field that is not in the chosen document,
        unless the editor asked for their own wording: then the row is marked « rédaction de
        l'équipe » with today's date (kept when the text did not change). A row whose quoted
        text is all found again is the document's words again (its mark cleared)."""
        if not getattr(self, f"{self.quoted_source_field}_id", None):
            return
        text = self.quoted_source.text
        errors = {}
        for name, by_line in provenance.quoted_fields(self):
            excerpts = provenance.split_excerpts(getattr(self, name), by_line)
            if any(not provenance.contains(text, excerpt) for excerpt in excerpts):
                errors[name] = NOT_IN_DOCUMENT
        worded = hasattr(self, "team_wording_on")
        if not errors:
            if worded:
                self.team_wording_on = None
            return
        if worded and self.team_wording_requested:
            if not self.team_wording_on or self.team_wording_rewritten:
                self.team_wording_on = timezone.localdate()
            return
        raise ValidationError(errors)

    def clean_source_is_role_source(self):
        role_id = getattr(self, f"{self.described_role_field}_id", None)
        source_id = getattr(self, f"{self.quoted_source_field}_id", None)
        if not role_id or not source_id:
            return
        role = getattr(self, self.described_role_field)
        if not role.sources.filter(pk=source_id).exists():
            raise ValidationError({self.quoted_source_field: NOT_A_ROLE_SOURCE})

    def clean(self):
        super().clean()
        self.clean_source_is_role_source()
        self.clean_excerpts()


class Versioned(models.Model):
    """A row editors change: `version` counts its saves, so that a form based on an older
    version is refused instead of silently overwriting another editor's change (optimistic
    locking, checked by roles/locking.py in the admin forms)."""

    version = models.PositiveIntegerField(
        _("version"), default=1, help_text=_("Nombre d'enregistrements de cette ligne.")
    )

    # Who changed what, when, with the old and new values; each subclass gets its own
    # historical table in its own app (simple-history's `inherit`).
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            self.version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)


class SourcedRow(Quoting, NaturalKeyMixin, TeamWorded, Versioned, models.Model):
    """A row that one source document states, at a position among its siblings."""

    source = models.ForeignKey("roles.Source", verbose_name=_("source"), on_delete=models.PROTECT)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    objects = NaturalKeyManager()

    class Meta:
        abstract = True
