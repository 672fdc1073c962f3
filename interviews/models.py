"""Interview questions and case studies that the sources give for recruiting a role."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from roles.models import NaturalKeyManager, NaturalKeyMixin, Role, Skill, Source


class InterviewQuestion(NaturalKeyMixin, models.Model):
    class Kind(models.TextChoices):
        EXPERIENCE = "experience", _("Expérience")
        SITUATION = "situation", _("Mise en situation")
        KNOWLEDGE = "connaissance", _("Question de connaissances")

    text = models.TextField(_("question"))
    theme = models.CharField(_("thème"), max_length=150, blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    expected_answer = models.TextField(
        _("réponse attendue"),
        blank=True,
        help_text=_("Seulement quand la source la donne ou l'implique."),
    )
    expected_answer_note = models.CharField(_("d'où vient la réponse"), max_length=250, blank=True)
    roles = models.ManyToManyField(
        Role, verbose_name=_("métiers"), related_name="interview_questions"
    )
    skills = models.ManyToManyField(
        Skill,
        verbose_name=_("compétences évaluées"),
        related_name="interview_questions",
        blank=True,
    )
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    objects = NaturalKeyManager()
    natural_key_fields = ("source__slug", "order")

    class Meta:
        ordering = ["source__order", "order"]
        verbose_name = _("question d'entretien")
        verbose_name_plural = _("questions d'entretien")
        constraints = [
            models.UniqueConstraint(fields=["source", "order"], name="interviews_question_order")
        ]

    def __str__(self):
        return self.text


class CaseStudy(NaturalKeyMixin, models.Model):
    role = models.ForeignKey(
        Role, verbose_name=_("métier"), on_delete=models.CASCADE, related_name="case_studies"
    )
    title = models.CharField(_("titre"), max_length=200)
    scenario = models.TextField(_("situation"))
    task = models.TextField(_("consigne"))
    skills = models.ManyToManyField(
        Skill, verbose_name=_("compétences évaluées"), related_name="case_studies", blank=True
    )
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT)

    objects = NaturalKeyManager()
    natural_key_fields = ("role__slug", "source__slug", "title")

    class Meta:
        ordering = ["role__name", "title"]
        verbose_name = _("étude de cas")
        verbose_name_plural = _("études de cas")
        constraints = [
            models.UniqueConstraint(
                fields=["role", "source", "title"], name="interviews_casestudy_unique"
            )
        ]

    def __str__(self):
        return self.title
