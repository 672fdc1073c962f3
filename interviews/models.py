"""Interview questions and case studies that the sources give for recruiting a role."""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from roles.models import (
    Fact,
    NaturalKeyManager,
    NaturalKeyMixin,
    Quoting,
    Role,
    Skill,
    Source,
    TeamWorded,
    Versioned,
)
from roles.search import fold


class TextSearchQuerySet(models.QuerySet):
    """`search(text)`: the rows whose `search_fields` together contain every word of `text`,
    accents and case ignored ("strategie" finds "Stratégie").

    One query of plain values, compared in Python after folding, the same on SQLite and
    PostgreSQL: the bank holds tens of rows, not thousands.
    """

    search_fields = ()

    def search(self, text):
        words = fold(text).split()
        if not words:
            return self
        texts = defaultdict(list)
        for pk, *values in self.model.objects.values_list("pk", *self.search_fields):
            texts[pk].extend(value for value in values if value)
        folded = {pk: fold(" ".join(values)) for pk, values in texts.items()}
        return self.filter(
            pk__in=[pk for pk, text in folded.items() if all(word in text for word in words)]
        )


class InterviewQuestionQuerySet(TextSearchQuerySet):
    search_fields = ("text", "theme", "skills__name")

    def for_role(self, role):
        return self.filter(roles=role)

    def public(self, previewed=None):
        """The questions readers see: those of at least one published role (a question whose
        roles are all drafts or archived is kept from them), and those of `previewed`, the
        draft an editor previews."""
        return self.filter(
            Exists(
                self.model.roles.through.objects.filter(
                    interviewquestion=OuterRef("pk"), role__in=_shown_roles(previewed)
                )
            )
        )

    def with_details(self, previewed=None):
        """What a question shows in the bank or a kit: its source, its roles that readers
        see (and `previewed`) and its competencies."""
        roles = _shown_roles(previewed).order_by("name").only("id", "name", "slug")
        return self.select_related("source").prefetch_related(
            Prefetch("roles", queryset=roles),
            Prefetch("skills", queryset=Skill.objects.order_by("name")),
        )


def _shown_roles(previewed=None):
    """Published roles, and `previewed` (a draft or archived role an editor looks at)."""
    if previewed is None:
        return Role.objects.published()
    return Role.objects.published() | Role.objects.filter(pk=previewed.pk)


class InterviewQuestion(Quoting, NaturalKeyMixin, TeamWorded, Versioned, models.Model):
    class Kind(models.TextChoices):
        EXPERIENCE = "experience", _("Expérience")
        SITUATION = "situation", _("Mise en situation")
        KNOWLEDGE = "connaissance", _("Question de connaissances")

    text = models.TextField(_("question"))
    theme = models.CharField(
        _("thème"),
        max_length=150,
        blank=True,
        help_text=_("Quelques mots qui résument ce que la question aborde ; sert à la recherche."),
    )
    kind = models.CharField(
        _("type"),
        max_length=20,
        choices=Kind.choices,
        help_text=_(
            "Une question de connaissances a une bonne réponse : indiquez-la plus bas. "
            "Les autres font raconter une expérience ou réagir à une situation."
        ),
    )
    expected_answer = models.TextField(
        _("réponse attendue"),
        blank=True,
        help_text=_(
            "Seulement quand la source la donne ou l'implique ; une réponse par ligne. "
            "Elle n'est montrée que sur demande, et sur la page de l'intervieweur des kits."
        ),
    )
    expected_answer_note = models.CharField(
        _("d'où vient la réponse"),
        max_length=250,
        blank=True,
        help_text=_("Le document et le passage qui donnent la réponse. Obligatoire avec elle."),
    )
    probes = models.TextField(
        _("ce que la question évalue, selon le document"),
        blank=True,
        help_text=_(
            "Seulement quand le document le dit, avec ses mots ; une qualité par ligne. "
            "Sinon, les compétences évaluées plus bas sont un classement de l'équipe."
        ),
        default="",
    )
    roles = models.ManyToManyField(
        Role,
        verbose_name=_("métiers"),
        related_name="interview_questions",
        help_text=_("Une même question peut servir à recruter plusieurs métiers."),
    )
    skills = models.ManyToManyField(
        Skill,
        verbose_name=_("compétences évaluées"),
        related_name="interview_questions",
        blank=True,
        help_text=_("Chacune devient une ligne de la grille d'évaluation des kits d'entretien."),
    )
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT)
    order = models.PositiveSmallIntegerField(
        _("ordre"),
        default=0,
        help_text=_("Position parmi les questions de la même source, une par rang."),
    )

    objects = NaturalKeyManager.from_queryset(InterviewQuestionQuerySet)()
    natural_key_fields = ("source__slug", "order")

    class Meta:
        ordering = ["source__order", "order"]
        verbose_name = _("question d'entretien")
        verbose_name_plural = _("questions d'entretien")
        constraints = [
            models.UniqueConstraint(fields=["source", "order"], name="interviews_question_order"),
            models.CheckConstraint(
                condition=Q(expected_answer="") | ~Q(expected_answer_note=""),
                name="interviews_question_answer_has_note",
                violation_error_message=_("Une réponse attendue doit dire d'où elle vient."),
            ),
        ]

    def __str__(self):
        return self.text

    quoted_fields = ("text",)
    quoted_line_fields = ("expected_answer", "probes")  # one excerpt per line
    usage_related = ()

    def usage_url(self):
        return reverse("interviews:bank") + f"#question-{self.pk}"

    def usage_label(self):
        return _("Banque de questions d'entretien")

    def clean(self):
        super().clean()
        if self.expected_answer and not self.expected_answer_note:
            raise ValidationError(
                {"expected_answer_note": _("Une réponse attendue doit dire d'où elle vient.")}
            )

    @property
    def is_knowledge_check(self):
        return self.kind == self.Kind.KNOWLEDGE


class CaseStudyQuerySet(TextSearchQuerySet):
    search_fields = ("title", "scenario", "task", "skills__name")

    def public(self):
        """The case studies readers see: those of published roles."""
        return self.filter(role__status=Role.Status.PUBLISHED)

    def with_details(self):
        """What a case study shows in the bank: its source, role and competencies."""
        return self.select_related("source", "role").prefetch_related(
            Prefetch("skills", queryset=Skill.objects.order_by("name"))
        )


class CaseStudy(Quoting, NaturalKeyMixin, TeamWorded, Versioned, models.Model):
    role = models.ForeignKey(
        Role, verbose_name=_("métier"), on_delete=models.CASCADE, related_name="case_studies"
    )
    title = models.CharField(_("titre"), max_length=200)
    scenario = models.TextField(_("situation"))
    task = models.TextField(_("consigne"))
    skills = models.ManyToManyField(
        Skill,
        verbose_name=_("compétences évaluées"),
        related_name="case_studies",
        blank=True,
        help_text=_("Chacune devient une ligne de la grille de l'étude de cas."),
    )
    hints = models.ManyToManyField(
        Fact,
        verbose_name=_("pistes pour l'intervieweur"),
        related_name="case_studies",
        blank=True,
        help_text=_(
            "Pratiques qu'un document cite et qui éclairent le cas (par exemple des actions "
            "marketing). Montrées à l'intervieweur avec leur source, jamais comme un corrigé."
        ),
    )
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT)
    order = models.PositiveSmallIntegerField(
        _("ordre"), default=0, help_text=_("Position parmi les études de cas du métier.")
    )

    quoted_fields = ("scenario", "task")  # the title is the team's
    sheet_section = ("entretien", _("Entretien"))

    objects = NaturalKeyManager.from_queryset(CaseStudyQuerySet)()
    natural_key_fields = ("role__slug", "source__slug", "title")

    class Meta:
        ordering = ["role__name", "order", "title"]
        verbose_name = _("étude de cas")
        verbose_name_plural = _("études de cas")
        constraints = [
            models.UniqueConstraint(
                fields=["role", "source", "title"], name="interviews_casestudy_unique"
            )
        ]

    def __str__(self):
        return self.title
