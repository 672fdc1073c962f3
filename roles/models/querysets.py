"""The questions the site asks of the roles, as QuerySet methods: published, by level, with
what the sheet, a career step, the comparison or a list card shows (`Role.objects.…`)."""

from django.db import models
from django.db.models import Exists, OuterRef, Prefetch

from ..grouping import Level


class RoleQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def search(self, query):
        """The roles matching `query` (text, or a parsed `roles.search.Query`), best first,
        annotated with `search_rank`. On PostgreSQL, when the words match nothing, the roles
        matching the words corrected (typos), kept as `query.correction`."""
        from ..search import queries  # the search reads these models: imported when used

        return queries.search_roles_or_similar(self, query)

    def documented(self):
        return self.filter(is_documented=True)

    def published(self):
        """The roles readers see: neither drafts nor archived roles."""
        return self.filter(status=self.model.Status.PUBLISHED)

    def visible_to(self, user):
        """The roles whose pages `user` may open: every role for editors (staff), who preview
        drafts and archived roles at their own addresses; the published ones for readers."""
        return self if user.is_staff else self.published()

    def due_for_review(self, today):
        """Published roles whose « à relire avant le » date has come, most overdue first."""
        return self.published().filter(review_due__lte=today).order_by("review_due", "name")

    def by_level(self):
        """Roles in career order: coordination, management, direction, then by name."""
        level_rank = models.Case(
            *(models.When(level=value, then=rank) for rank, value in enumerate(Level.values)),
            default=len(Level.values),
        )
        return self.alias(level_rank=level_rank).order_by("level_rank", "name")

    # What the sheet and the career pages show of the rows of other apps, by relation name:
    # the hub knows their relations, never their models (each lookup is one prefetch query).
    SATELLITE_ROWS = {
        "salary_bands": (
            "salary_bands",
            "salary_bands__experience_level",
            "salary_bands__location",
            "salary_bands__source",
        ),
        "interview_questions": (
            "interview_questions",
            "interview_questions__source",
            "interview_questions__skills",
        ),
        "case_studies": ("case_studies", "case_studies__source", "case_studies__skills"),
    }

    @classmethod
    def related(cls, *names):
        """The prefetches of a role's rows by relation name, each with what it shows beside it
        (its source, the skill or training it names…); shared by every page that shows them."""
        from .rows import (  # here: those models are defined after Role, which they point to
            CareerMove,
            EducationRequirement,
            Fact,
            MatrixCell,
            Mission,
            RoleAlias,
            RoleEmployer,
            RoleSkill,
            RoleTraining,
        )

        rows = {
            "aliases": RoleAlias.objects.select_related("source"),
            "missions": Mission.objects.select_related("source"),
            "role_skills": RoleSkill.objects.select_related("skill", "source"),
            "matrix_cells": MatrixCell.objects.select_related(
                "skill", "experience_level", "source"
            ),
            "role_trainings": RoleTraining.objects.select_related(
                "training", "training__level", "source"
            ),
            "education_requirements": EducationRequirement.objects.select_related(
                "level", "source"
            ),
            "role_employers": RoleEmployer.objects.select_related("employer_type", "source"),
            "facts": Fact.objects.select_related("source"),
            "moves_out": CareerMove.objects.select_related("to_role", "source"),
            "moves_in": CareerMove.objects.select_related("from_role", "source"),
        }
        lookups = []
        for name in names:
            if name in cls.SATELLITE_ROWS:
                lookups += cls.SATELLITE_ROWS[name]
            else:
                lookups.append(Prefetch(name, queryset=rows[name]))
        return lookups

    def with_sheet(self):
        """Everything the role sheet shows, in a fixed number of queries."""
        from .divergence import Divergence  # defined after Role, which it points to

        return self.select_related("summary_source").prefetch_related(
            "sources",
            *self.related(
                "aliases",
                "missions",
                "role_skills",
                "matrix_cells",
                "role_trainings",
                "education_requirements",
                "role_employers",
                "facts",
                "moves_out",
                "moves_in",
                "salary_bands",
                "interview_questions",
                "case_studies",
            ),
            Prefetch("divergences", queryset=Divergence.objects.with_versions()),
        )

    def with_essentials(self):
        """What a career-path step shows of a role: summary, training, salary bands,
        education and the experience it asks for (`experience_facts`). Queries: 1 roles, then
        one prefetch each."""
        from .rows import Fact  # defined after Role, which it points to

        return self.select_related("summary_source").prefetch_related(
            *self.related("role_trainings", "salary_bands", "education_requirements"),
            Prefetch(
                "facts",
                queryset=Fact.objects.filter(kind=Fact.Kind.EXPERIENCE).select_related("source"),
                to_attr="experience_facts",
            ),
        )

    def for_comparison(self):
        """What the comparison shows: the essentials, then skills, missions and moves."""
        return self.with_essentials().prefetch_related(
            *self.related("role_skills", "missions", "moves_out", "moves_in")
        )

    def for_list(self):
        """What a role card in a list shows: level, aliases, and whether any document gives
        salary figures (`has_salary_bands`). No figure: a minimum or maximum over the bands of
        several documents would be no document's figure (and would compare a monthly net
        with a yearly gross).

        Whether bands exist comes from a subquery rather than a join and GROUP BY, so that
        the filters and the search of /metiers/ can be combined with it freely.
        """
        from .rows import RoleAlias  # defined after Role, which it points to

        bands = self.model.objects.filter(pk=OuterRef("pk"), salary_bands__isnull=False)
        return self.prefetch_related(
            Prefetch("aliases", queryset=RoleAlias.objects.only("id", "role_id", "name")),
        ).annotate(has_salary_bands=Exists(bands))
