"""Interview kits: the questions a recruiter chose for a role (from the bank of any role, or
their own), the seniority they hire for, and the scorecard and case-study grid that follow.

A kit is not stored: it is computed from the role's rows (fetched once by `Kit.roles()`), the
bank (`Kit.bank()`) and the choices in the URL, so the same link always gives the same kit.
What to look for at the chosen level is always a matrix cell of the role, quoted with its
source; where the matrix has none, the kit says so and invents nothing.
"""

from dataclasses import dataclass, field
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
    def target(self):
        """The matrix cell of the target tier: what to look for, in the document's words."""
        return next((anchor.cell for anchor in self.anchors if anchor.is_target), None)

    @property
    def is_probed(self):
        return bool(self.question_numbers) or self.in_case_study


@dataclass
class NumberedQuestion:
    """A question of the kit, its number, and what to look for in the answer at the target
    tier: the matrix cells of that tier for the competencies it probes (`observed`), and the
    competencies the documents give no such cell for (`unobserved`)."""

    number: int
    question: object  # an InterviewQuestion, or the recruiter's own OwnQuestion
    observed: list = field(default_factory=list)
    unobserved: list = field(default_factory=list)
    other_roles: list = field(default_factory=list)  # from another role's bank
    up_url: str = ""
    down_url: str = ""

    @property
    def is_own(self):
        return getattr(self.question, "is_own", False)


def key_of(item):
    return item.key if getattr(item, "is_own", False) else f"q{item.pk}"


def kit_url(role, items, tier, case_studies, kept_cases):
    """The link that gives a kit again: every choice is in it, and nothing more."""
    bank = [item for item in items if not getattr(item, "is_own", False)]
    own = [item for item in items if getattr(item, "is_own", False)]
    ranks = {item.key: f"p{rank}" for rank, item in enumerate(own, start=1)}
    query = [("q", item.pk) for item in bank] + [("perso", item.text) for item in own]
    if bank + own != list(items):
        keys = [ranks.get(key_of(item), key_of(item)) for item in items]
        query.append(("ordre", "-".join(keys)))
    query.append(("niveau", tier))
    if len(kept_cases) != len(case_studies):
        query += [("cas", case.pk) for case in kept_cases] or [("cas", "")]
    url = reverse("interviews:kit", kwargs={"slug": role.slug})
    return f"{url}?{urlencode(query)}"


def skills_at_tier(role, tier):
    """Competencies the role's matrix describes at the tier, with that cell (first one)."""
    cells = {}
    for cell in role.matrix_cells.all():
        if cell.experience_level.tier == tier:
            cells.setdefault(cell.skill_id, cell)
    return cells


def by_level(questions, role, tier):
    """Questions whose competencies the matrix describes at the tier first (the more, the
    earlier), the others after, each group in the bank's order."""
    cells = skills_at_tier(role, tier)
    return sorted(
        questions, key=lambda question: -sum(s.pk in cells for s in question.skills.all())
    )


class Kit:
    def __init__(self, role, items, tier, case_studies=None):
        self.role = role  # from Kit.roles(): everything below reads prefetched rows
        self.tier = ExperienceLevel.Tier(tier)
        self.case_studies = self._cases_of_role if case_studies is None else list(case_studies)
        self.items = list(items)
        self.questions = []
        for number, item in enumerate(self.items, start=1):
            own = getattr(item, "is_own", False)
            skills = [] if own else list(item.skills.all())
            cells = self._target_cells
            self.questions.append(
                NumberedQuestion(
                    number,
                    item,
                    observed=[cells[skill.pk] for skill in skills if skill.pk in cells],
                    unobserved=[skill for skill in skills if skill.pk not in cells],
                    other_roles=[] if own else [r for r in item.roles.all() if r != role],
                    up_url=self._moved_url(number - 1, -1) if number > 1 else "",
                    down_url=self._moved_url(number - 1, 1) if number < len(self.items) else "",
                )
            )

    @staticmethod
    def roles():
        """Roles with everything a kit shows but the bank, in a fixed number of queries."""
        return Role.objects.select_related("summary_source").prefetch_related(
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

    @staticmethod
    def bank(previewed=None):
        """Every question readers see in the bank (and those of `previewed`, a draft an editor
        previews), with its source, roles and competencies (3 queries)."""
        questions = InterviewQuestion.objects.public(previewed)
        return list(questions.with_details(previewed))

    def _url(self, items):
        return kit_url(self.role, items, self.tier, self._cases_of_role, self.case_studies)

    @cached_property
    def _cases_of_role(self):
        return list(self.role.case_studies.all())

    def _moved_url(self, index, step):
        items = list(self.items)
        items[index], items[index + step] = items[index + step], items[index]
        return f"{self._url(items)}#kit-q{index + step + 1}"

    def get_absolute_url(self):
        """The link that gives this kit again: every choice is in it."""
        return self._url(self.items)

    @cached_property
    def own_count(self):
        return sum(item.is_own for item in self.questions)

    @cached_property
    def _target_cells(self):
        return skills_at_tier(self.role, self.tier)

    @cached_property
    def role_has_matrix(self):
        return bool(self.role.matrix_cells.all())

    @cached_property
    def knowledge_checks(self):
        """Chosen questions with an expected answer: they go on the interviewer's page."""
        return [
            item for item in self.questions if not item.is_own and item.question.expected_answer
        ]

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
            probed = [] if item.is_own else item.question.skills.all()
            for skill in probed:
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
