"""The forms of the guided page that brings a document in (workspace/admin.py)."""

from dataclasses import dataclass

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from roles import passages
from roles.models import Role

from .amounts import salary_figures
from .intake import Pick, Use, excerpt_of

NEW = "nouveau"
TOP = ""
SKILL_NAME_MAX = 80  # a longer line needs a short name to be a skill's


@dataclass
class LineRow:
    """A line of the document as the page shows it, with its inputs."""

    number: int
    text: str
    used: bool
    use: forms.BoundField
    role: forms.BoundField
    name: forms.BoundField
    low: forms.BoundField
    high: forms.BoundField
    needs_amounts: bool
    use_html: str = ""
    role_html: str = ""
    name_html: str = ""

    @property
    def errors(self):
        fields = (self.use, self.role, self.name, self.low, self.high)
        return [error for field in fields for error in field.errors]


def quick_select(bound, choices):
    """A line's <select>, written directly: a long document has hundreds of them, which
    Django's template-rendered widgets draw several times slower. `choices`: [(value, label)]
    as strings."""
    value = bound.value()
    value = "" if value is None else str(value)
    selected = mark_safe(" selected")
    return format_html(
        '<select name="{}" id="{}" aria-describedby="{}">{}</select>',
        bound.html_name,
        bound.auto_id,
        bound.field.widget.attrs.get("aria-describedby", ""),
        format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((key, selected if key == value else "", label) for key, label in choices),
        ),
    )


def quick_input(bound):
    """A line's text input, written directly (see `quick_select`)."""
    value = bound.value()
    return format_html(
        '<input type="text" name="{}" id="{}" value="{}" size="24" maxlength="{}" '
        'aria-describedby="{}">',
        bound.html_name,
        bound.auto_id,
        "" if value is None else value,
        bound.field.max_length,
        bound.field.widget.attrs.get("aria-describedby", ""),
    )


def document_lines(source):
    """[(number, text, used)]: the document's non-empty lines, and whether the site already
    quotes something of each (roles/passages.py)."""
    document = passages.annotate(source)
    return [
        (number, "".join(segment.text for segment in line.segments), line.is_used)
        for number, line in enumerate(document.lines, start=1)
    ]


class PassagesForm(forms.Form):
    """For each line of the document: a use and a role (the role chosen at the top by
    default; the new role typed at the top; or another)."""

    role = forms.ModelChoiceField(
        queryset=Role.objects.none(),
        required=False,
        label=_("Métier"),
        empty_label=_("— un nouveau métier (nom ci-dessous) —"),
        help_text=_("Le métier auquel vont les lignes choisies, sauf indication sur la ligne."),
    )
    new_role_name = forms.CharField(
        label=_("Nom du nouveau métier"),
        max_length=150,
        required=False,
        help_text=_("Créé en brouillon : les lecteurs ne le voient qu'une fois publié."),
    )

    def __init__(self, *args, lines, **kwargs):
        super().__init__(*args, **kwargs)
        roles = Role.objects.exclude(status=Role.Status.ARCHIVED).order_by("name")
        self.fields["role"].queryset = roles
        role_choices = [
            (TOP, _("le métier choisi en haut")),
            (NEW, _("le nouveau métier")),
            *((str(role.pk), role.name) for role in roles.only("pk", "name")),
        ]
        self.lines = lines
        self.quick_choices = {
            "use": [(key, str(label)) for key, label in Use.CHOICES],
            "role": [(key, str(label)) for key, label in role_choices],
        }
        for number, _text, _used in lines:
            about = forms.Select(attrs={"aria-describedby": f"texte-{number}"})
            self.fields[f"use-{number}"] = forms.ChoiceField(
                widget=about,
                label=_("Usage de la ligne %(n)s") % {"n": number},
                choices=Use.CHOICES,
                required=False,
            )
            self.fields[f"role-{number}"] = forms.ChoiceField(
                widget=forms.Select(attrs={"aria-describedby": f"texte-{number}"}),
                label=_("Métier de la ligne %(n)s") % {"n": number},
                choices=role_choices,
                required=False,
            )
            self.fields[f"name-{number}"] = forms.CharField(
                widget=forms.TextInput(attrs={"aria-describedby": f"texte-{number}", "size": 24}),
                label=_("Nom de la compétence (ligne %(n)s)") % {"n": number},
                max_length=SKILL_NAME_MAX,
                required=False,
            )
            for end, label in (("low", _("Bas (€)")), ("high", _("Haut (€)"))):
                self.fields[f"{end}-{number}"] = forms.IntegerField(
                    label=label, min_value=1, max_value=10_000_000, required=False
                )
        self.needing_amounts = set()

    def rows(self):
        for number, text, used in self.lines:
            yield LineRow(
                number,
                text,
                used,
                self[f"use-{number}"],
                self[f"role-{number}"],
                self[f"name-{number}"],
                self[f"low-{number}"],
                self[f"high-{number}"],
                number in self.needing_amounts,
                quick_select(self[f"use-{number}"], self.quick_choices["use"]),
                quick_select(self[f"role-{number}"], self.quick_choices["role"]),
                quick_input(self[f"name-{number}"]),
            )

    def clean_new_role_name(self):
        name = " ".join(self.cleaned_data["new_role_name"].split())
        if not name:
            return ""
        if not slugify(name):
            raise forms.ValidationError(
                _("Ce nom ne donne pas d'adresse de fiche : écrivez-le avec des lettres.")
            )
        existing = Role.objects.filter(name__iexact=name).first() or (
            Role.objects.filter(slug=slugify(name)).first()
        )
        if existing is not None:
            raise forms.ValidationError(
                _("Le métier « %(name)s » existe déjà : choisissez-le dans la liste « Métier ».")
                % {"name": existing.name}
            )
        return name

    def clean(self):
        cleaned = super().clean()
        # The roles lines chose from their own list, read at once (none: no query).
        chosen = {cleaned.get(f"role-{number}") for number, _text, _used in self.lines}
        self.line_roles = {
            str(pk): role
            for pk, role in self.fields["role"].queryset.in_bulk(chosen - {TOP, NEW, None}).items()
        }
        picks = []
        for number, text, _used in self.lines:
            use = cleaned.get(f"use-{number}")
            if not use:
                continue
            pick = self._pick(number, excerpt_of(text), use, cleaned)
            if pick is not None:
                picks.append(pick)
        if not picks and not self.errors:
            raise forms.ValidationError(
                _("Choisissez l'usage d'au moins une ligne (mission, compétence…).")
            )
        new_name = cleaned.get("new_role_name")
        if new_name and not any(pick.role is None for pick in picks) and not self.errors:
            self.add_error(
                "new_role_name",
                _("Aucune ligne ne va à ce nouveau métier : choisissez-le sur une ligne."),
            )
        cleaned["picks"] = picks
        return cleaned

    def _pick(self, number, text, use, cleaned):
        role = self._role(number, cleaned)
        if role is False:
            return None
        name = cleaned.get(f"name-{number}", "")
        low, high = cleaned.get(f"low-{number}"), cleaned.get(f"high-{number}")
        if not text:
            self.add_error(f"use-{number}", _("Cette ligne n'a pas de mots à reprendre."))
            return None
        if use == Use.SKILL and not name and len(text) > SKILL_NAME_MAX:
            self.add_error(
                f"name-{number}",
                _("Donnez un nom court à cette compétence (%(max)s caractères au plus).")
                % {"max": SKILL_NAME_MAX},
            )
            return None
        if use == Use.SALARY:
            low, high = self._amounts(number, text, low, high)
            if low is None:
                return None
        return Pick(number, text, use, role, name=name, low=low, high=high)

    def _role(self, number, cleaned):
        """The line's role: a `Role`, None for the new role, False when none is given."""
        chosen = cleaned.get(f"role-{number}", TOP)
        if chosen == TOP:
            if cleaned.get("role") is not None:
                return cleaned["role"]
            chosen = NEW
        if chosen == NEW:
            if cleaned.get("new_role_name"):
                return None
            if "new_role_name" not in self.errors:
                self.add_error(
                    f"use-{number}",
                    _(
                        "Pour quel métier ? Choisissez un métier en haut, ou tapez le nom du "
                        "nouveau métier."
                    ),
                )
            return False
        role = self.line_roles.get(chosen)
        if role is None:
            self.add_error(f"use-{number}", _("Ce métier n'existe plus : rechargez la page."))
            return False
        return role

    def _amounts(self, number, text, low, high):
        """The band's amounts: the editor's when typed, else the line's own figures; asked
        for when the line gives none that can be read (never guessed)."""
        if low is not None or high is not None:
            low, high = low or high, high or low
            if low > high:
                self.needing_amounts.add(number)
                self.add_error(
                    f"low-{number}", _("Le bas de la fourchette dépasse le haut : corrigez.")
                )
                return None, None
            return low, high
        figures = salary_figures(text)
        if figures is None:
            self.needing_amounts.add(number)
            self.add_error(
                f"low-{number}",
                _(
                    "Indiquez les montants tels que la ligne les donne : ils n'ont pas pu y être "
                    "lus (aucun chiffre n'est inventé)."
                ),
            )
            return None, None
        return figures
