"""Interview kits: the questions a recruiter chose for a role, the seniority they hire for,
and the scorecard and case-study grid that follow from them.

A kit is not stored: it is computed from the role's rows (fetched once by `Kit.roles()`) and
the choices in the URL, so the same link always gives the same kit.
"""

from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlencode

from django.db.models import Prefetch
from django.urls import reverse

from roles.models import ExperienceLevel, Fact, MatrixCell, Role, Skill

from .models import CaseStudy, InterviewQuestion


@dataclass
class Anchor:
    """One level of the skills matrix for a competency, as a scorecard anchor."""

    cell: MatrixCell
    is_target: bool

    @property
    def level(self):
        return self.cell.experience_level


@dataclass
class ScoreRow:
    """One competency of a scorecard: what probes it and how to rate it.

    `anchors` come from the role's skills matrix; when the documents give none for the
    competency, the row is rated on a plain 1–4 scale.
    """

    skill: Skill
    question_numbers: list
    in_case_study: bool
    anchors: list

    @property
    def is_probed(self):
        return bool(self.question_numbers) or self.in_case_study


@dataclass
class NumberedQuestion:
    number: int
    question: InterviewQuestion


class Kit:
    def __init__(self, role, questions, tier):
        self.role = role  # from Kit.roles(): everything below reads prefetched rows
        self.tier = ExperienceLevel.Tier(tier)
        self.questions = [NumberedQuestion(n, q) for n, q in enumerate(questions, start=1)]

    @staticmethod
    def roles():
        """Roles with everything a kit shows, in a fixed number of queries."""
        return Role.objects.select_related("summary_source").prefetch_related(
            Prefetch(
                "interview_questions",
                queryset=InterviewQuestion.objects.select_related("source").prefetch_related(
                    Prefetch("skills", queryset=Skill.objects.order_by("name"))
                ),
            ),
            Prefetch(
                "case_studies",
                queryset=CaseStudy.objects.select_related("source").prefetch_related(
                    Prefetch("skills", queryset=Skill.objects.order_by("name")),
                    Prefetch(
                        "hints",
                        queryset=Fact.objects.select_related("source", "role").order_by(
                            "source__order", "kind", "order"
                        ),
                    ),
                ),
            ),
            Prefetch(
                "matrix_cells",
                queryset=MatrixCell.objects.select_related("skill", "experience_level", "source"),
            ),
            Prefetch(
                "facts",
                queryset=Fact.objects.filter(kind=Fact.Kind.RECRUITING).select_related("source"),
                to_attr="recruiting_advice",
            ),
        )

    def get_absolute_url(self):
        """The link that gives this kit again: every choice is in it."""
        query = [("q", item.question.pk) for item in self.questions] + [("niveau", self.tier)]
        url = reverse("interviews:kit", kwargs={"slug": self.role.slug})
        return f"{url}?{urlencode(query)}"

    @cached_property
    def case_studies(self):
        return list(self.role.case_studies.all())

    @cached_property
    def knowledge_checks(self):
        """Chosen questions with an expected answer: they go on the interviewer's page."""
        return [item for item in self.questions if item.question.expected_answer]

    @cached_property
    def hints(self):
        """Practices other documents name, for the interviewer of the case studies."""
        return [hint for case in self.case_studies for hint in case.hints.all()]

    @cached_property
    def target_levels(self):
        """The matrix levels (as each document words them) of the targeted seniority."""
        levels = {}
        for cell in self.role.matrix_cells.all():
            if cell.experience_level.tier == self.tier:
                levels[cell.experience_level.pk] = cell
        return list(levels.values())

    @cached_property
    def _anchors_by_skill(self):
        anchors = {}
        for cell in self.role.matrix_cells.all():  # in the matrix's row order
            anchors.setdefault(cell.skill, []).append(
                Anchor(cell=cell, is_target=cell.experience_level.tier == self.tier)
            )
        for items in anchors.values():
            items.sort(key=lambda anchor: anchor.level.order)
        return anchors

    @cached_property
    def scorecard(self):
        """A row per competency: the matrix's first, then those the questions and cases probe."""
        skills = list(self._anchors_by_skill)
        numbers = {}
        for item in self.questions:
            for skill in item.question.skills.all():
                numbers.setdefault(skill, []).append(item.number)
                if skill not in skills:
                    skills.append(skill)
        in_case = {skill for case in self.case_studies for skill in case.skills.all()}
        skills += [skill for skill in self._sorted(in_case) if skill not in skills]
        return [
            ScoreRow(
                skill=skill,
                question_numbers=numbers.get(skill, []),
                in_case_study=skill in in_case,
                anchors=self._anchors_by_skill.get(skill, []),
            )
            for skill in skills
        ]

    @cached_property
    def scorecard_uses_matrix(self):
        return any(row.anchors for row in self.scorecard)

    @cached_property
    def scorecard_uses_scale(self):
        return any(not row.anchors for row in self.scorecard)

    def case_grid(self, case):
        """The case study's grid: a row per competency it probes, anchored like the scorecard."""
        return [
            ScoreRow(
                skill=skill,
                question_numbers=[],
                in_case_study=True,
                anchors=self._anchors_by_skill.get(skill, []),
            )
            for skill in case.skills.all()
        ]

    @cached_property
    def case_grids(self):
        return [(case, self.case_grid(case)) for case in self.case_studies]

    @staticmethod
    def _sorted(skills):
        return sorted(skills, key=lambda skill: skill.name)
