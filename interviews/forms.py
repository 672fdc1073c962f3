"""The kit builder's choices, read from the URL: which questions (from the bank of any role,
or written by the recruiter), in which order, which seniority, with or without the case study.

Parameters: `q` bank question ids, `perso` the recruiter's own questions (free text),
`ordre` the order when it differs from "bank questions, then own ones" (keys such as
`q12-p1-q3`: `q` + a question id, `p` + the rank of an own question), `niveau` the tier and
`cas` the case studies kept (an empty `cas` alone: none; no `cas` at all: every one).
"""

import re
import unicodedata
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from roles.models import ExperienceLevel

DEFAULT_TIER = ExperienceLevel.Tier.CONFIRMED
MAX_QUESTIONS = 100  # more `q` values than any role has questions: a broken or hostile link
MAX_OWN_QUESTIONS = 10
OWN_MIN_LENGTH = 3
OWN_MAX_LENGTH = 300
QUESTION_ID = re.compile(r"[0-9]{1,18}")  # fits a 64-bit primary key on every database
ORDER = re.compile(r"[qp][0-9]{1,18}(?:-[qp][0-9]{1,18})*")
WHITESPACE = re.compile(r"\s+")


def clean_text(value):
    """The recruiter's text without control characters, on one line, trimmed."""
    kept = "".join(
        " " if unicodedata.category(char) in {"Cc", "Zl", "Zp"} else char for char in value
    )
    return WHITESPACE.sub(" ", kept).strip()


@dataclass(frozen=True)
class OwnQuestion:
    """A question the recruiter wrote: no source, no competency, nothing to look for."""

    text: str
    rank: int  # 1-based, among the own questions of the kit

    is_own = True

    @property
    def key(self):
        return f"p{self.rank}"


def bank_key(question):
    return f"q{question.pk}"


def in_order(bank, own, order):
    """Bank questions then own ones, unless `order` (keys) says otherwise; keys that name
    nothing (a question unticked since) are skipped, items it does not name come last."""
    by_key = {bank_key(question): question for question in bank}
    by_key |= {item.key: item for item in own}
    ordered = [by_key.pop(key) for key in dict.fromkeys(order) if key in by_key]
    return ordered + list(by_key.values())


class ListField(forms.Field):
    """Every value of a repeated parameter, as strings."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        return [str(item) for item in value or []]


class KitForm(forms.Form):
    q = ListField(label=_("Questions de la banque"), required=False)
    perso = ListField(label=_("Vos questions"), required=False)
    ordre = forms.CharField(label=_("Ordre des questions"), required=False, max_length=2000)
    cas = ListField(label=_("Études de cas"), required=False)
    niveau = forms.ChoiceField(
        label=_("Niveau visé"),
        choices=ExperienceLevel.Tier.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choisissez le niveau visé : junior, confirmé ou senior."),
            "invalid_choice": _(
                "« %(value)s » n’est pas un niveau proposé : choisissez junior, confirmé "
                "ou senior."
            ),
        },
    )

    def __init__(self, data, *, role, bank, case_studies):
        super().__init__(data)  # None: a blank builder (a role with no question of its own)
        self.fields["niveau"].initial = DEFAULT_TIER
        self.role = role
        self.bank = bank  # every question of the bank, in the bank's order, already fetched
        self.case_studies = case_studies  # the role's, already fetched

    @classmethod
    def proposal(cls, questions):
        """The data of the default proposal: every question of the role, a confirmed profile."""
        data = QueryDict(mutable=True)
        data.setlist("q", [str(question.pk) for question in questions])
        data["niveau"] = DEFAULT_TIER
        return data

    # ----------------------------------------------------------------- what the page shows

    def _raw(self, name):
        return self.data.getlist(name) if hasattr(self.data, "getlist") else []

    @property
    def tier(self):
        """The tier the data asks for, or the default one: it orders the suggestions."""
        value = self.data.get("niveau") if hasattr(self.data, "get") else None
        return value if value in ExperienceLevel.Tier.values else DEFAULT_TIER

    @property
    def checked_ids(self):
        """Ids of bank questions the data ticks, valid or not the rest of the form."""
        return {int(value) for value in self._raw("q") if QUESTION_ID.fullmatch(value)}

    @property
    def own_texts(self):
        """The own questions as typed (cleaned of control characters), blanks dropped."""
        texts = (clean_text(value) for value in self._raw("perso"))
        return [text for text in texts if text][:MAX_OWN_QUESTIONS]

    @property
    def chosen(self):
        """The kit's questions in order, as far as the data can be read: the form lists them
        first, so that submitting it again keeps the order."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["items"]
        by_id = {question.pk: question for question in self.bank}
        bank = [by_id[pk] for pk in dict.fromkeys(self._ids()) if pk in by_id]
        own = [OwnQuestion(text, rank) for rank, text in enumerate(self.own_texts, start=1)]
        order = self.data.get("ordre", "") if hasattr(self.data, "get") else ""
        return in_order(bank, own, order.split("-") if ORDER.fullmatch(order) else [])

    @property
    def order_value(self):
        """The `ordre` the form sends back: the order of the questions it lists first."""
        return "-".join(
            item.key if getattr(item, "is_own", False) else bank_key(item) for item in self.chosen
        )

    @property
    def kept_case_ids(self):
        if self.is_bound and self.is_valid():
            return {case.pk for case in self.cleaned_data["cas"]}
        if "cas" not in self.data:
            return {case.pk for case in self.case_studies}
        return {int(value) for value in self._raw("cas") if QUESTION_ID.fullmatch(value)}

    def _ids(self):
        return [int(value) for value in self._raw("q") if QUESTION_ID.fullmatch(value)]

    # ----------------------------------------------------------------- cleaning

    def clean_q(self):
        # Drop repeats and empty values (`?q=`), keep the order.
        values = list(dict.fromkeys(value for value in self.cleaned_data["q"] if value))
        if len(values) > MAX_QUESTIONS:
            raise ValidationError(
                _("L’adresse demande plus de %(max)s questions : elle a dû être abîmée."),
                params={"max": MAX_QUESTIONS},
                code="too_many",
            )
        by_id = {question.pk: question for question in self.bank}
        errors, chosen = [], []
        for value in values:
            if not QUESTION_ID.fullmatch(value):
                errors.append(
                    ValidationError(
                        _("« %(value)s » n’est pas un numéro de question."),
                        params={"value": Truncator(value).chars(40)},
                        code="malformed",
                    )
                )
            elif int(value) in by_id:
                chosen.append(by_id[int(value)])
            else:
                errors.append(
                    ValidationError(
                        _("La question n° %(id)s n’existe pas (ou plus) dans la banque."),
                        params={"id": int(value)},
                        code="unknown",
                    )
                )
        if errors:
            raise ValidationError(errors)
        return chosen

    def clean_perso(self):
        texts = [clean_text(value) for value in self.cleaned_data["perso"]]
        texts = [text for text in texts if text]
        if len(texts) > MAX_OWN_QUESTIONS:
            raise ValidationError(
                _("Un kit peut compter au plus %(max)s questions de votre cru."),
                params={"max": MAX_OWN_QUESTIONS},
                code="too_many",
            )
        errors = []
        for rank, text in enumerate(texts, start=1):
            if len(text) > OWN_MAX_LENGTH:
                errors.append(
                    ValidationError(
                        _(
                            "Votre question n° %(rank)s compte %(length)s caractères : "
                            "raccourcissez-la à %(max)s au plus."
                        ),
                        params={"rank": rank, "length": len(text), "max": OWN_MAX_LENGTH},
                        code="too_long",
                    )
                )
            elif len(text) < OWN_MIN_LENGTH:
                errors.append(
                    ValidationError(
                        _("Votre question n° %(rank)s (« %(text)s ») est trop courte."),
                        params={"rank": rank, "text": text},
                        code="too_short",
                    )
                )
        if errors:
            raise ValidationError(errors)
        return [OwnQuestion(text, rank) for rank, text in enumerate(texts, start=1)]

    def clean_ordre(self):
        value = self.cleaned_data["ordre"].strip()
        if value and not ORDER.fullmatch(value):
            raise ValidationError(
                _(
                    "L’ordre des questions « %(value)s » est illisible : rouvrez le kit depuis "
                    "son lien ou produisez-le à nouveau."
                ),
                params={"value": Truncator(value).chars(40)},
                code="malformed",
            )
        return value.split("-") if value else []

    def clean_cas(self):
        values = [value for value in self.cleaned_data["cas"] if value]
        if "cas" not in self.data:
            return list(self.case_studies)
        by_id = {str(case.pk): case for case in self.case_studies}
        unknown = [value for value in values if value not in by_id]
        if unknown:
            raise ValidationError(
                _("« %(value)s » n’est pas une étude de cas de ce métier."),
                params={"value": Truncator(unknown[0]).chars(40)},
                code="unknown",
            )
        return [case for case in self.case_studies if str(case.pk) in values]

    def clean(self):
        cleaned = super().clean()
        if any(name in self.errors for name in ("q", "perso", "ordre")):
            return cleaned
        items = in_order(cleaned["q"], cleaned["perso"], cleaned["ordre"])
        if not items and self.bank:
            self.add_error(
                "q", ValidationError(_("Choisissez au moins une question."), code="required")
            )
        cleaned["items"] = items
        return cleaned
