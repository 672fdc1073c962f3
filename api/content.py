"""What the open data publishes: every queryset of the API and of the downloads starts here.

`public_roles()` is the one place that says which roles are public; every other queryset
reaches roles through it (`role__in=public_roles()`), so that a role kept from the public
(a draft) never shows, not even as the target of a career move or in a question's roles.
"""

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q

from interviews.models import CaseStudy, InterviewQuestion
from roles.models import (
    CareerMove,
    Fact,
    MatrixCell,
    Role,
    RoleQuerySet,
    RoleSkill,
    RoleTraining,
    Skill,
    Source,
    Training,
)
from salaries.models import SalaryBand

CONTENT_APPS = ("roles", "salaries", "interviews")


def public_roles():
    """Every role the public may read: the published ones (no draft, no archived role)."""
    return Role.objects.published()


def roles_for_list():
    """Roles as the list shows them (level, aliases, whether bands exist); filters apply on top."""
    return public_roles().for_list()


def roles_with_sheet():
    """Everything a role sheet shows, public rows only. Queries: 1 roles, 1 sources, then one
    per prefetch (aliases, missions, skills, matrix, training, education, employers, facts,
    moves out, moves in, salary bands, questions and their skills, case studies and their
    skills): 17 whatever the number of roles."""
    public = public_roles()
    return (
        public_roles()
        .select_related("summary_source")
        .prefetch_related(
            Prefetch("sources", queryset=Source.objects.all()),
            *RoleQuerySet.related(
                "aliases",
                "missions",
                "role_skills",
                "matrix_cells",
                "role_trainings",
                "education_requirements",
                "role_employers",
                "facts",
                "salary_bands",
            ),
            Prefetch(
                "moves_out",
                queryset=CareerMove.objects.filter(
                    Q(to_role__isnull=True) | Q(to_role__in=public)
                ).select_related("to_role", "source"),
            ),
            Prefetch(
                "moves_in",
                queryset=CareerMove.objects.filter(from_role__in=public).select_related(
                    "from_role", "source"
                ),
            ),
            Prefetch(
                "interview_questions",
                queryset=InterviewQuestion.objects.select_related("source").prefetch_related(
                    Prefetch("skills", queryset=Skill.objects.order_by("name"))
                ),
            ),
            Prefetch(
                "case_studies",
                queryset=CaseStudy.objects.select_related("source").prefetch_related(
                    Prefetch("skills", queryset=Skill.objects.order_by("name"))
                ),
            ),
        )
    )


def skills():
    """Skills and tools with the public roles that need them, each with the document's
    wording. Queries: 1 skills, 1 role skills."""
    return Skill.objects.defer("search_text").prefetch_related(
        Prefetch(
            "role_skills",
            queryset=RoleSkill.objects.filter(role__in=public_roles())
            .select_related("role", "source")
            .order_by("role__name", "source__order"),
        )
    )


def trainings():
    """Training with its level and the public roles it leads to. Queries: 1, 1."""
    return (
        Training.objects.select_related("level")
        .defer("search_text")
        .prefetch_related(
            Prefetch(
                "role_trainings",
                queryset=RoleTraining.objects.filter(role__in=public_roles())
                .select_related("role", "source")
                .order_by("role__name", "source__order"),
            )
        )
    )


def salary_bands():
    """Salary bands of public roles, in the order of /salaires/. Queries: 1."""
    return SalaryBand.objects.filter(role__in=public_roles()).for_table()


def interview_questions():
    """Questions asked for at least one public role. Queries: 1, roles, skills."""
    public = public_roles()
    return (
        InterviewQuestion.objects.filter(
            pk__in=InterviewQuestion.objects.filter(roles__in=public).values("pk")
        )
        .select_related("source")
        .prefetch_related(
            Prefetch("roles", queryset=public.order_by("name").only("id", "name", "slug")),
            Prefetch("skills", queryset=Skill.objects.order_by("name")),
        )
    )


def case_studies():
    """Case studies of public roles. Queries: 1, skills, hints."""
    return (
        CaseStudy.objects.filter(role__in=public_roles())
        .select_related("source", "role")
        .prefetch_related(
            Prefetch("skills", queryset=Skill.objects.order_by("name")),
            Prefetch("hints", queryset=Fact.objects.select_related("source")),
        )
    )


def sources():
    """The documents, with the public roles each describes. Queries: 1, 1."""
    return Source.objects.prefetch_related(
        Prefetch("roles", queryset=public_roles().order_by("name").only("id", "name", "slug"))
    )


def career_moves():
    """Moves from a public role, to a public role or a specialisation."""
    public = public_roles()
    return CareerMove.objects.filter(
        Q(to_role__isnull=True) | Q(to_role__in=public), from_role__in=public
    ).select_related("from_role", "to_role", "source")


def matrix_cells():
    return MatrixCell.objects.filter(role__in=public_roles()).select_related(
        "role", "skill", "experience_level", "source"
    )


def last_change():
    """When an editor last changed the content in the admin (its log), or None: the content
    carries no dates of its own, and what `seed` loads is not logged."""
    types = ContentType.objects.filter(app_label__in=CONTENT_APPS)
    entry = (
        LogEntry.objects.filter(content_type__in=types)
        .order_by("-action_time")
        .only("action_time")
        .first()
    )
    return entry.action_time if entry else None
