"""The read-only JSON API (/api/v1/…), its reference page (/api/) and the downloads page.

Every answer is open to any origin for reading (CORS), carries an ETag and answers 304 to a
matching If-None-Match, and each address is limited to API_RATE requests (429 with
Retry-After beyond). Identifiers are slugs; lists are paginated (`page`).
"""

import copy

from django.middleware.http import ConditionalGetMiddleware
from django.utils.decorators import decorator_from_middleware
from django.views.generic import TemplateView
from django_filters import rest_framework as filters
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from drf_spectacular.views import SpectacularAPIView
from rest_framework import generics
from rest_framework.pagination import PageNumberPagination
from rest_framework.throttling import SimpleRateThrottle

from roles.filters import RoleFilterSet
from roles.models import Skill, Source, Training

from . import content, downloads, reference, serializers

conditional_get = decorator_from_middleware(ConditionalGetMiddleware)


class AddressRateThrottle(SimpleRateThrottle):
    """Requests per client address (REMOTE_ADDR, or X-Forwarded-For behind NUM_PROXIES),
    signed in or not. The rate is read on each request, so that tests may change it."""

    scope = "address"

    def get_rate(self):
        from rest_framework.settings import api_settings

        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class Pagination(PageNumberPagination):
    page_size = 50

    def get_page_number(self, request, paginator):
        # DRF takes `?page=` for the first page; here a page that is not one is a 404.
        number = request.query_params.get(self.page_query_param, 1)
        return paginator.num_pages if number in self.last_page_strings else number


class OpenDataMixin:
    """CORS open for reading on every answer (errors and 429 included), an ETag on every
    answer and a 304 when a successful one matches If-None-Match."""

    throttle_classes = [AddressRateThrottle]

    @classmethod
    def as_view(cls, **initkwargs):
        return conditional_get(super().as_view(**initkwargs))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response["Access-Control-Allow-Headers"] = "Accept, If-None-Match"
        response["Access-Control-Expose-Headers"] = "ETag, Retry-After"
        response["Access-Control-Max-Age"] = "86400"
        return response


class ListView(OpenDataMixin, generics.ListAPIView):
    pagination_class = Pagination


class DetailView(OpenDataMixin, generics.RetrieveAPIView):
    lookup_field = "slug"


class RoleFilter(RoleFilterSet):
    """The filters of /metiers/, for the API (same parameters, same meaning)."""


# These filters take a slug (their choices' `to_field_name`): say so in the schema, on copies,
# so that the role list's own filters are left as they are.
for name in ("lieu", "formation", "competence", "outil", "employeur"):
    RoleFilter.base_filters[name] = extend_schema_field(OpenApiTypes.STR)(
        copy.deepcopy(RoleFilter.base_filters[name])
    )


@extend_schema_view(
    get=extend_schema(
        summary="Métiers",
        description="Tous les métiers, avec les filtres et la recherche de /metiers/ "
        "(mêmes paramètres), paginés par 50.",
    )
)
class RoleList(ListView):
    serializer_class = serializers.RoleListSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = RoleFilter

    def get_queryset(self):
        return content.roles_for_list()


@extend_schema_view(
    get=extend_schema(summary="Fiche d’un métier", description="Tout ce que montre la fiche.")
)
class RoleDetail(DetailView):
    serializer_class = serializers.RoleDetailSerializer

    def get_queryset(self):
        return content.roles_with_sheet()


class SkillFilter(filters.FilterSet):
    categorie = filters.ChoiceFilter(
        field_name="category",
        choices=[c for c in Skill.Category.choices if c[0] != Skill.Category.TOOL],
        label="Catégorie (classement éditorial)",
    )

    class Meta:
        model = Skill
        fields = []


@extend_schema_view(
    get=extend_schema(
        summary="Compétences",
        description="Les compétences (sans les outils), ou celles d’une catégorie.",
    )
)
class SkillList(ListView):
    serializer_class = serializers.SkillListSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = SkillFilter

    def get_queryset(self):
        return (
            Skill.objects.defer("search_text")
            .exclude(category=Skill.Category.TOOL)
            .order_by("name", "slug")
        )


@extend_schema_view(get=extend_schema(summary="Outils"))
class ToolList(ListView):
    serializer_class = serializers.SkillListSerializer

    def get_queryset(self):
        return (
            Skill.objects.defer("search_text")
            .filter(category=Skill.Category.TOOL)
            .order_by("name", "slug")
        )


@extend_schema_view(
    get=extend_schema(
        summary="Une compétence ou un outil",
        description="Avec les métiers qui la demandent et ce que chaque document en dit.",
    )
)
class SkillDetail(DetailView):
    serializer_class = serializers.SkillDetailSerializer

    def get_queryset(self):
        return content.skills()


@extend_schema_view(get=extend_schema(summary="Formations"))
class TrainingList(ListView):
    serializer_class = serializers.TrainingSerializer

    def get_queryset(self):
        return content.trainings().order_by("name", "slug")


@extend_schema_view(get=extend_schema(summary="Une formation"))
class TrainingDetail(DetailView):
    serializer_class = serializers.TrainingSerializer

    def get_queryset(self):
        return content.trainings()


@extend_schema_view(
    get=extend_schema(
        summary="Fourchettes de salaire",
        description="Chaque fourchette telle que le document la donne : niveau, lieu, "
        "montants bruts annuels, année si elle est donnée.",
    )
)
class SalaryBandList(ListView):
    serializer_class = serializers.SalaryBandSerializer

    def get_queryset(self):
        return content.salary_bands()


@extend_schema_view(get=extend_schema(summary="Questions d’entretien"))
class QuestionList(ListView):
    serializer_class = serializers.QuestionWithRolesSerializer

    def get_queryset(self):
        return content.interview_questions()


@extend_schema_view(get=extend_schema(summary="Études de cas"))
class CaseStudyList(ListView):
    serializer_class = serializers.CaseStudyWithRoleSerializer

    def get_queryset(self):
        return content.case_studies()


@extend_schema_view(get=extend_schema(summary="Documents sources"))
class SourceList(ListView):
    serializer_class = serializers.SourceSerializer

    def get_queryset(self):
        return content.sources()


@extend_schema_view(get=extend_schema(summary="Un document source"))
class SourceDetail(DetailView):
    serializer_class = serializers.SourceSerializer

    def get_queryset(self):
        return content.sources()


class SchemaView(OpenDataMixin, SpectacularAPIView):
    """/api/schema/: the OpenAPI 3 schema (YAML, or JSON with ?format=json)."""


class ReferenceView(TemplateView):
    """/api/: the API's reference in French, read from the OpenAPI schema.

    Template api/reference.html; context: `operations` (see reference.operations()), with
    examples that name real rows. Queries: 1 per kind of identifier (4).
    """

    template_name = "api/reference.html"

    def get_context_data(self, **kwargs):
        examples = {
            "/api/v1/metiers/{slug}/": content.public_roles().by_level().documented(),
            "/api/v1/competences/{slug}/": Skill.objects.order_by("-role_count", "name"),
            "/api/v1/formations/{slug}/": Training.objects.order_by("name"),
            "/api/v1/sources/{slug}/": Source.objects.all(),
        }
        slugs = {
            path: rows.values_list("slug", flat=True).first() for path, rows in examples.items()
        }
        return super().get_context_data(operations=reference.operations(slugs), **kwargs)


class DownloadsView(TemplateView):
    """/donnees/: what the ZIP holds. Template api/downloads.html; context: `tables`
    (name, description, columns) and `last_change`."""

    template_name = "api/downloads.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            tables=downloads.TABLES, last_change=content.last_change(), **kwargs
        )


def archive(request):
    """/donnees/fiches-metiers.zip, built while it is sent."""
    return downloads.archive_response(request)
