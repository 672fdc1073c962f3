"""The JSON the API and the downloads give: slugs as identifiers, every fact with the slug and
title of the document it comes from and its words as the document gives them.

Fields marked « classement éditorial » in the schema (a role's level, a skill's category, a
fact's kind, an experience tier) are how the editors filed the content, not words of a
document.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from interviews.models import CaseStudy, InterviewQuestion
from roles.models import (
    CareerMove,
    EducationRequirement,
    ExperienceLevel,
    Fact,
    MatrixCell,
    Mission,
    Role,
    RoleAlias,
    RoleEmployer,
    RoleSkill,
    RoleTraining,
    Skill,
    Source,
    Training,
)
from salaries.models import SalaryBand

EDITORIAL = _("Classement éditorial : rangé par les éditeurs, pas un mot du document.")


class SourceRefSerializer(serializers.ModelSerializer):
    """The document a fact comes from."""

    class Meta:
        model = Source
        fields = ["slug", "title"]


def quoted_source_ref():
    """The document a row quotes; null when the row is the editors' wording (« rédaction de
    l'équipe »): such a row is credited to no document."""
    return SourceRefSerializer(source="attributed_source", allow_null=True, read_only=True)


class RoleRefSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:role-detail", lookup_field="slug", read_only=True
    )

    class Meta:
        model = Role
        fields = ["slug", "name", "url"]


class SkillRefSerializer(serializers.ModelSerializer):
    category = serializers.CharField(help_text=EDITORIAL)

    class Meta:
        model = Skill
        fields = ["slug", "name", "category"]


class ExperienceLevelSerializer(serializers.ModelSerializer):
    """An experience level as the document of the band or cell names it."""

    tier = serializers.CharField(help_text=EDITORIAL)

    class Meta:
        model = ExperienceLevel
        fields = ["slug", "name", "years", "tier"]


class AliasSerializer(serializers.ModelSerializer):
    source = quoted_source_ref()

    class Meta:
        model = RoleAlias
        fields = ["name", "source"]


class MissionSerializer(serializers.ModelSerializer):
    source = quoted_source_ref()

    class Meta:
        model = Mission
        fields = ["title", "description", "source"]


class RoleSkillSerializer(serializers.ModelSerializer):
    skill = SkillRefSerializer()
    source = quoted_source_ref()

    class Meta:
        model = RoleSkill
        fields = ["skill", "wording", "source"]


class MatrixCellSerializer(serializers.ModelSerializer):
    skill = SkillRefSerializer()
    experience_level = ExperienceLevelSerializer()
    source = quoted_source_ref()

    class Meta:
        model = MatrixCell
        fields = ["skill", "experience_level", "description", "source"]


class TrainingRefSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(help_text=EDITORIAL)
    level = serializers.CharField(source="level.name", allow_null=True, default=None)

    class Meta:
        model = Training
        fields = ["slug", "name", "kind", "level", "institution"]


class RoleTrainingSerializer(serializers.ModelSerializer):
    training = TrainingRefSerializer()
    source = quoted_source_ref()

    class Meta:
        model = RoleTraining
        fields = ["training", "note", "source"]


class EducationSerializer(serializers.ModelSerializer):
    level = serializers.CharField(source="level.name", help_text=EDITORIAL)
    source = quoted_source_ref()

    class Meta:
        model = EducationRequirement
        fields = ["level", "wording", "source"]


class EmployerSerializer(serializers.ModelSerializer):
    slug = serializers.CharField(source="employer_type.slug")
    name = serializers.CharField(source="employer_type.name")
    source = SourceRefSerializer()

    class Meta:
        model = RoleEmployer
        fields = ["slug", "name", "source"]


class FactSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(help_text=EDITORIAL)
    kind_label = serializers.CharField(source="get_kind_display")
    source = quoted_source_ref()

    class Meta:
        model = Fact
        fields = ["kind", "kind_label", "heading", "text", "author", "source"]


class MoveOutSerializer(serializers.ModelSerializer):
    to_role = RoleRefSerializer(allow_null=True)
    source = quoted_source_ref()

    class Meta:
        model = CareerMove
        fields = ["to_role", "specialisation", "note", "source"]


class MoveInSerializer(serializers.ModelSerializer):
    from_role = RoleRefSerializer()
    source = quoted_source_ref()

    class Meta:
        model = CareerMove
        fields = ["from_role", "note", "source"]


class SalaryFiguresSerializer(serializers.ModelSerializer):
    experience_level = ExperienceLevelSerializer(
        allow_null=True, help_text=_("Vide quand le document donne un chiffre pour tous niveaux.")
    )
    location = serializers.CharField(
        source="location.name",
        allow_null=True,
        default=None,
        help_text=_("Le lieu que le document donne ; vide quand il n'en donne pas."),
    )
    low = serializers.IntegerField(help_text=_("Bas de fourchette, en euros."))
    high = serializers.IntegerField(help_text=_("Haut de fourchette, en euros."))
    basis = serializers.CharField(
        help_text=_("« brut » ou « net » si le document le dit ; vide sinon (non précisé).")
    )
    period = serializers.CharField(
        help_text=_("« annuel » ou « mensuel » si le document le dit ; vide sinon (non précisée).")
    )
    date_label = serializers.CharField(
        help_text=_(
            "Le sens de la date, avec les mots du document (« Date de dernière mise à jour »)."
        )
    )
    date_value = serializers.CharField(
        help_text=_("La date telle que le document la donne ; vide s'il n'en donne pas.")
    )
    excerpt = serializers.CharField(help_text=_("Les mots du document qui donnent ce chiffre."))
    note = serializers.CharField(help_text=_("Précision de l'équipe (classement éditorial)."))
    currency = serializers.SerializerMethodField()
    source = quoted_source_ref()

    class Meta:
        model = SalaryBand
        fields = [
            "experience_level",
            "location",
            "low",
            "high",
            "currency",
            "basis",
            "period",
            "date_label",
            "date_value",
            "excerpt",
            "note",
            "source",
        ]

    def get_currency(self, band) -> str:
        return "EUR"


class SalaryBandSerializer(SalaryFiguresSerializer):
    role = RoleRefSerializer()

    class Meta(SalaryFiguresSerializer.Meta):
        fields = ["role", *SalaryFiguresSerializer.Meta.fields]


class QuestionSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(help_text=EDITORIAL)
    theme = serializers.CharField(help_text=EDITORIAL)
    skills = SkillRefSerializer(many=True)
    source = quoted_source_ref()

    class Meta:
        model = InterviewQuestion
        fields = [
            "text",
            "kind",
            "theme",
            "expected_answer",
            "expected_answer_note",
            "skills",
            "source",
        ]


class QuestionWithRolesSerializer(QuestionSerializer):
    roles = RoleRefSerializer(many=True)

    class Meta(QuestionSerializer.Meta):
        fields = [*QuestionSerializer.Meta.fields, "roles"]


class CaseStudySerializer(serializers.ModelSerializer):
    skills = SkillRefSerializer(many=True)
    source = quoted_source_ref()

    class Meta:
        model = CaseStudy
        fields = ["title", "scenario", "task", "skills", "source"]


class CaseStudyWithRoleSerializer(CaseStudySerializer):
    role = RoleRefSerializer()
    hints = FactSerializer(many=True)

    class Meta(CaseStudySerializer.Meta):
        fields = ["role", *CaseStudySerializer.Meta.fields, "hints"]


class RoleListSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:role-detail", lookup_field="slug")
    level = serializers.CharField(help_text=EDITORIAL)
    aliases = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    salary_min = serializers.IntegerField(allow_null=True)
    salary_max = serializers.IntegerField(allow_null=True)

    class Meta:
        model = Role
        fields = [
            "slug",
            "name",
            "url",
            "level",
            "is_documented",
            "aliases",
            "salary_min",
            "salary_max",
        ]


class RoleDetailSerializer(serializers.ModelSerializer):
    """Everything the role sheet shows."""

    level = serializers.CharField(help_text=EDITORIAL)
    summary_source = quoted_source_ref()
    sources = SourceRefSerializer(many=True)
    aliases = AliasSerializer(many=True)
    missions = MissionSerializer(many=True)
    skills = serializers.SerializerMethodField()
    tools = serializers.SerializerMethodField()
    skill_matrix = MatrixCellSerializer(source="matrix_cells", many=True)
    trainings = RoleTrainingSerializer(source="role_trainings", many=True)
    education = EducationSerializer(source="education_requirements", many=True)
    employers = EmployerSerializer(source="role_employers", many=True)
    facts = FactSerializer(many=True)
    moves_out = MoveOutSerializer(many=True)
    moves_in = MoveInSerializer(many=True)
    salary_bands = SalaryFiguresSerializer(many=True)
    interview_questions = QuestionSerializer(many=True)
    case_studies = CaseStudySerializer(many=True)
    page = serializers.SerializerMethodField()

    class Meta:
        model = Role
        fields = [
            "slug",
            "name",
            "page",
            "level",
            "is_documented",
            "summary",
            "summary_source",
            "sources",
            "aliases",
            "missions",
            "skills",
            "tools",
            "skill_matrix",
            "trainings",
            "education",
            "employers",
            "facts",
            "moves_out",
            "moves_in",
            "salary_bands",
            "interview_questions",
            "case_studies",
            "rome_code",
            "esco_uri",
            "isco_code",
        ]
        extra_kwargs = {
            "rome_code": {"help_text": _("Code ROME saisi par un éditeur ; vide sinon.")},
            "esco_uri": {"help_text": _("Adresse ESCO saisie par un éditeur ; vide sinon.")},
            "isco_code": {"help_text": _("Code CITP/ISCO-08 saisi par un éditeur ; vide sinon.")},
        }

    def get_page(self, role) -> str:
        """The role sheet on the site."""
        return absolute(self.context, role.get_absolute_url())

    @extend_schema_field(RoleSkillSerializer(many=True))
    def get_skills(self, role):
        rows = [rs for rs in role.role_skills.all() if rs.skill.category != Skill.Category.TOOL]
        return RoleSkillSerializer(rows, many=True, context=self.context).data

    @extend_schema_field(RoleSkillSerializer(many=True))
    def get_tools(self, role):
        return RoleSkillSerializer(role.tools, many=True, context=self.context).data


class SkillListSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:skill-detail", lookup_field="slug")
    category = serializers.CharField(help_text=EDITORIAL)

    class Meta:
        model = Skill
        fields = ["slug", "name", "url", "category", "description"]


class SkillRoleSerializer(serializers.ModelSerializer):
    role = RoleRefSerializer()
    source = quoted_source_ref()

    class Meta:
        model = RoleSkill
        fields = ["role", "wording", "source"]


class SkillDetailSerializer(SkillListSerializer):
    roles = SkillRoleSerializer(source="role_skills", many=True)

    class Meta(SkillListSerializer.Meta):
        fields = [*SkillListSerializer.Meta.fields, "roles"]


class TrainingRoleSerializer(serializers.ModelSerializer):
    role = RoleRefSerializer()
    source = quoted_source_ref()

    class Meta:
        model = RoleTraining
        fields = ["role", "note", "source"]


class TrainingSerializer(TrainingRefSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:training-detail", lookup_field="slug"
    )
    roles = TrainingRoleSerializer(source="role_trainings", many=True)

    class Meta(TrainingRefSerializer.Meta):
        fields = [*TrainingRefSerializer.Meta.fields, "url", "description", "roles"]


class SourceSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:source-detail", lookup_field="slug")
    kind = serializers.CharField(help_text=EDITORIAL)
    publisher = serializers.CharField(help_text=_("Seulement si le document le nomme."))
    licence = serializers.SerializerMethodField()
    roles = RoleRefSerializer(many=True)

    class Meta:
        model = Source
        fields = [
            "slug",
            "title",
            "url",
            "kind",
            "publisher",
            "file_name",
            "description",
            "licence",
            "roles",
        ]

    def get_licence(self, source) -> str:
        """The documents state no licence."""
        return LICENCE_NOT_STATED


LICENCE_NOT_STATED = "non précisée par le document"


def absolute(context, path):
    request = context.get("request")
    return request.build_absolute_uri(path) if request else path
