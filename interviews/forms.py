"""The kit builder's choices, read from the URL: which questions, which seniority."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from roles.models import ExperienceLevel

from .models import InterviewQuestion

DEFAULT_TIER = ExperienceLevel.Tier.CONFIRMED
MAX_QUESTIONS = 100  # more `q` values than any role has questions: a broken or hostile link
QUESTION_ID = re.compile(r"[0-9]{1,18}")  # fits a 64-bit primary key on every database


class QuestionIdsField(forms.MultipleChoiceField):
    """Question numbers; `KitForm.clean_q` explains each one it cannot use."""

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")


class KitForm(forms.Form):
    q = QuestionIdsField(
        label=_("Questions"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
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

    def __init__(self, data, *, role, questions):
        super().__init__(data)
        self.role = role
        self.questions = questions  # the role's questions, in order, already fetched
        self.fields["q"].choices = [(str(q.pk), q.text) for q in questions]

    @classmethod
    def proposal(cls, questions):
        """The data of the default proposal: every question of the role, a confirmed profile."""
        data = QueryDict(mutable=True)
        data.setlist("q", [str(question.pk) for question in questions])
        data["niveau"] = DEFAULT_TIER
        return data

    @property
    def checked_ids(self):
        """Ids of the role's questions the data ticks, valid or not the rest of the form."""
        values = set(self.data.getlist("q")) if hasattr(self.data, "getlist") else set()
        return {q.pk for q in self.questions if str(q.pk) in values}

    def clean_q(self):
        # Drop repeats and empty values (`?q=`), keep the order.
        values = list(dict.fromkeys(value for value in self.cleaned_data["q"] if value))
        if len(values) > MAX_QUESTIONS:
            raise ValidationError(
                _("L’adresse demande plus de %(max)s questions : elle a dû être abîmée."),
                params={"max": MAX_QUESTIONS},
                code="too_many",
            )
        by_id = {question.pk: question for question in self.questions}
        errors, chosen, unknown = [], set(), []
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
                chosen.add(int(value))
            else:
                unknown.append(int(value))
        errors += self.explain_unknown(unknown)
        if errors:
            raise ValidationError(errors)
        if self.questions and not chosen:
            raise ValidationError(_("Choisissez au moins une question."), code="required")
        return [question for question in self.questions if question.pk in chosen]

    def explain_unknown(self, ids):
        """Why each id is not one of the role's questions: another role's, or no question."""
        if not ids:
            return []
        other_roles = {}
        for pk, role_name in InterviewQuestion.objects.filter(pk__in=ids).values_list(
            "pk", "roles__name"
        ):
            other_roles.setdefault(pk, []).append(role_name or "—")
        errors = []
        for pk in ids:
            if pk in other_roles:
                errors.append(
                    ValidationError(
                        _(
                            "La question n° %(id)s concerne un autre métier (%(roles)s) : "
                            "elle n’entre pas dans un kit %(role)s."
                        ),
                        params={
                            "id": pk,
                            "roles": ", ".join(sorted(other_roles[pk])),
                            "role": self.role.name,
                        },
                        code="other_role",
                    )
                )
            else:
                errors.append(
                    ValidationError(
                        _("La question n° %(id)s n’existe pas (ou plus) dans la banque."),
                        params={"id": pk},
                        code="unknown",
                    )
                )
        return errors
