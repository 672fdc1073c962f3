"""The JSON the API and the downloads give: slugs as identifiers, every fact with the slug and
title of the document it comes from and its words as the document gives them.

Fields marked « classement éditorial » in the schema (a role's level, a skill's category, a
fact's kind, an experience tier) are how the editors filed the content, not words of a
document.

Which fields each serializer gives, and in what order, comes from the table it shows
(api/tables/, which the CSV downloads read too); here, how each field is written in JSON.
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

from . import tables
from .tables import LICENCE_NOT_STATED

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
        fields = tables.SKILLS.fields(omit=["url", "description", "roles"])


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
        fields = tables.ALIASES.fields(omit=["role"])


class MissionSerializer(serializers.ModelSerializer):
    source = quoted_source_ref()

    class Meta:
        model = Mission
        fields = tables.MISSIONS.fields(omit=["role"])


class RoleSkillSerializer(serializers.ModelSerializer):
    skill = SkillRefSerializer()
    source = quoted_source_ref()

    class Meta:
        model = RoleSkill
        fields = tables.ROLE_SKILLS.fields(omit=["role"])


class MatrixCellSerializer(serializers.ModelSerializer):
    skill = SkillRefSerializer()
    experience_level = ExperienceLevelSerializer()
    source = quoted_source_ref()

    class Meta:
        model = MatrixCell
        fields = tables.MATRIX.fields(omit=["role"])


class TrainingRefSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(help_text=EDITORIAL)
    level = serializers.CharField(source="level.name", allow_null=True, default=None)

    class Meta:
        model = Training
        fields = tables.TRAININGS.fields(omit=["url", "description", "roles"])


class RoleTrainingSerializer(serializers.ModelSerializer):
    training = TrainingRefSerializer()
    source = quoted_source_ref()

    class Meta:
        model = RoleTraining
        fields = tables.ROLE_TRAININGS.fields(omit=["role"])


class EducationSerializer(serializers.ModelSerializer):
    level = serializers.CharField(source="level.name", help_text=EDITORIAL)
    source = quoted_source_ref()

    class Meta:
        model = EducationRequirement
        fields = tables.EDUCATION.fields(omit=["role"])


class EmployerSerializer(serializers.ModelSerializer):
    slug = serializers.CharField(source="employer_type.slug")
    name = serializers.CharField(source="employer_type.name")
    source = SourceRefSerializer()

    class Meta:
        model = RoleEmployer
        fields = tables.EMPLOYERS.fields(omit=["role"])


class FactSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(help_text=EDITORIAL)
    kind_label = serializers.CharField(source="get_kind_display")
    source = quoted_source_ref()

    class Meta:
        model = Fact
        fields = tables.FACTS.fields(omit=["role"])


class MoveOutSerializer(serializers.ModelSerializer):
    to_role = RoleRefSerializer(allow_null=True)
    source = quoted_source_ref()

    class Meta:
        model = CareerMove
        fields = tables.MOVES.fields(omit=["from_role"])


class MoveInSerializer(serializers.ModelSerializer):
    from_role = RoleRefSerializer()
    source = quoted_source_ref()

    class Meta:
        model = CareerMove
        fields = tables.MOVES.fields(omit=["to_role", "specialisation"])


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
        fields = tables.SALARIES.fields(omit=["role"])

    def get_currency(self, band) -> str:
        return "EUR"


class SalaryBandSerializer(SalaryFiguresSerializer):
    role = RoleRefSerializer()

    class Meta(SalaryFiguresSerializer.Meta):
        fields = tables.SALARIES.fields()


class QuestionSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(help_text=EDITORIAL)
    theme = serializers.CharField(help_text=EDITORIAL)
    skills = SkillRefSerializer(many=True)
    source = quoted_source_ref()

    class Meta:
        model = InterviewQuestion
        fields = tables.QUESTIONS.fields(omit=["roles"])


class QuestionWithRolesSerializer(QuestionSerializer):
    roles = RoleRefSerializer(many=True)

    class Meta(QuestionSerializer.Meta):
        fields = tables.QUESTIONS.fields()


class CaseStudySerializer(serializers.ModelSerializer):
    skills = SkillRefSerializer(many=True)
    source = quoted_source_ref()

    class Meta:
        model = CaseStudy
        fields = tables.CASE_STUDIES.fields(omit=["role", "hints"])


class CaseStudyWithRoleSerializer(CaseStudySerializer):
    role = RoleRefSerializer()
    hints = FactSerializer(many=True)

    class Meta(CaseStudySerializer.Meta):
        fields = tables.CASE_STUDIES.fields()


class RoleListSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:role-detail", lookup_field="slug")
    level = serializers.CharField(help_text=EDITORIAL)
    aliases = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)

    class Meta:
        model = Role
        fields = [
            "slug",
            "name",
            "url",
            "level",
            "is_documented",
            "aliases",
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
        fields = tables.ROLES.fields()
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
        fields = tables.SKILLS.fields(omit=["roles"])


class SkillRoleSerializer(serializers.ModelSerializer):
    role = RoleRefSerializer()
    source = quoted_source_ref()

    class Meta:
        model = RoleSkill
        fields = tables.ROLE_SKILLS.fields(omit=["skill"])


class SkillDetailSerializer(SkillListSerializer):
    roles = SkillRoleSerializer(source="role_skills", many=True)

    class Meta(SkillListSerializer.Meta):
        fields = tables.SKILLS.fields()


class TrainingRoleSerializer(serializers.ModelSerializer):
    role = RoleRefSerializer()
    source = quoted_source_ref()

    class Meta:
        model = RoleTraining
        fields = tables.ROLE_TRAININGS.fields(omit=["training"])


class TrainingSerializer(TrainingRefSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:training-detail", lookup_field="slug"
    )
    roles = TrainingRoleSerializer(source="role_trainings", many=True)

    class Meta(TrainingRefSerializer.Meta):
        fields = tables.TRAININGS.fields()


class SourceSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:source-detail", lookup_field="slug")
    kind = serializers.CharField(help_text=EDITORIAL)
    publisher = serializers.CharField(help_text=_("Seulement si le document le nomme."))
    licence = serializers.SerializerMethodField()
    roles = RoleRefSerializer(many=True)

    class Meta:
        model = Source
        fields = tables.SOURCES.fields()

    def get_licence(self, source) -> str:
        """The documents state no licence."""
        return LICENCE_NOT_STATED


def absolute(context, path):
    request = context.get("request")
    return request.build_absolute_uri(path) if request else path
