"""The long lists with a letter index: skills, tools, training; and one skill's page."""

from operator import attrgetter

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.views.generic import DetailView, ListView

from ..filters import french_order
from ..models import MatrixCell, RoleSkill, RoleTraining, Skill, Training, grouped
from ..pagination import AnyPageMixin


def skills_by_category(skills):
    """[(category, [skills])] in the order of Skill.Category, from fetched skills."""
    groups = grouped(skills, attrgetter("category"), Skill.Category.values)
    return [(Skill.Category(value), items) for value, items in groups.items()]


# The letter index of the long lists: a letter keeps the names starting with it, accents and
# case ignored (« École » under E); "0" keeps those starting with anything else.
LETTERS = "abcdefghijklmnopqrstuvwxyz"
OTHERS = "0"
ACCENTED = {"a": "àâäá", "c": "ç", "e": "éèêë", "i": "îïí", "o": "ôöó", "u": "ùûüú", "y": "ÿ"}


def starting_with(letter, field="name"):
    """Q: `field` starts with `letter` (a–z, any case or accent) or, for OTHERS, with none."""
    if letter == OTHERS:
        condition = Q()
        for each in LETTERS:
            condition |= starting_with(each, field)
        return ~condition
    condition = Q()
    for variant in letter + ACCENTED.get(letter, ""):
        for case in {variant, variant.upper()}:
            condition |= Q(**{f"{field}__startswith": case})
    return condition


class LetterIndexMixin(AnyPageMixin):
    """A paginated list with a letter index: `?lettre=a` keeps the names starting with A; an
    unknown letter is said on the page and ignored. Context: `letters`, `letter`,
    `letter_error`."""

    paginate_by = 100

    def letter(self):
        value = self.request.GET.get("lettre", "").strip().casefold()
        if not value:
            return ""
        if value in LETTERS or value == OTHERS:
            return value
        self.letter_error = True
        return ""

    def by_letter(self, queryset):
        letter = self.letter()
        return queryset.filter(starting_with(letter)) if letter else queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            letters=[(letter, letter.upper()) for letter in LETTERS],
            others=OTHERS,
            letter=self.letter(),
            letter_error=getattr(self, "letter_error", False),
        )
        return context


class SkillListView(LetterIndexMixin, ListView):
    """/competences/: the skills in French order, a page at a time, grouped by category
    within the page, with the number of roles for which the documents cite each, and a
    letter index. Queries: 1 count, 1 page."""

    template_name = "roles/skill_list.html"
    context_object_name = "skills"

    def get_queryset(self):
        skills = Skill.objects.defer("description", "search_text")
        return self.by_letter(self.filter_category(skills)).order_by(french_order("name"), "pk")

    def filter_category(self, skills):
        return skills

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["categories"] = skills_by_category(context["skills"])
        return context


class ToolListView(SkillListView):
    """/outils/: the tools (a category of skills), with the number of roles for which the
    documents cite each."""

    template_name = "roles/tool_list.html"

    def filter_category(self, skills):
        return skills.filter(category=Skill.Category.TOOL)


class SkillDetailView(DetailView):
    """/competences/<slug>/: the roles that need a skill (or a tool), what each source says
    of it for that role and, where a skills matrix has it, the expectation at each level.

    Template roles/skill_detail.html; context `skill`, `roles`: [(role, [role skills],
    [matrix cells])]. Queries: 1 skill, 1 role skills, 1 matrix cells.
    """

    template_name = "roles/skill_detail.html"
    context_object_name = "skill"

    def get_queryset(self):
        return Skill.objects.all()

    def get_context_data(self, **kwargs):
        role_skills = (
            RoleSkill.objects.filter(skill=self.object)
            .select_related("role", "source")
            .defer("source__text")  # the whole document: never needed for a badge
            .order_by("role__name", "source__order", "order")
        )
        cells = (
            MatrixCell.objects.filter(skill=self.object)
            .select_related("role", "experience_level", "source")
            .defer("source__text")
            .order_by("role__name", "experience_level__order")
        )
        by_role = {}
        for role_skill in role_skills:
            by_role.setdefault(role_skill.role, ([], []))[0].append(role_skill)
        for cell in cells:
            by_role.setdefault(cell.role, ([], []))[1].append(cell)
        roles = sorted(by_role.items(), key=lambda item: (item[0].level_rank, item[0].name))
        return super().get_context_data(
            roles=[(role, wordings, cells) for role, (wordings, cells) in roles], **kwargs
        )


class TrainingListView(LetterIndexMixin, ListView):
    """/formations/: diplomas, certifications, school programmes and paths in French order, a
    page at a time with a letter index, grouped by kind within the page, each with its level
    and the first `ROLES_SHOWN` roles it leads to (with what the source adds) and how many
    more. Queries: 1 count, 1 trainings, 1 number of roles of each, 1 their first roles."""

    template_name = "roles/training_list.html"
    context_object_name = "trainings"
    paginate_by = 25
    ROLES_SHOWN = 4

    def get_queryset(self):
        return self.by_letter(
            Training.objects.select_related("level").order_by(french_order("name"), "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        trainings = context["trainings"]
        of_page = RoleTraining.objects.filter(training__in=[t.pk for t in trainings])
        counts = dict(
            of_page.order_by()
            .values("training_id")
            .annotate(n=Count("role_id", distinct=True))
            .values_list("training_id", "n")
        )
        first = Window(
            RowNumber(),
            partition_by=F("training_id"),
            order_by=[F("role__is_documented").desc(), "role__name", "source__order", "pk"],
        )
        links = (
            of_page.select_related("role", "source")
            .defer("source__text")  # the whole document: never needed for a badge
            .annotate(rank=first)
            .filter(rank__lte=self.ROLES_SHOWN)
            .order_by("training_id", "rank")
        )
        by_training = {}
        for link in links:
            by_training.setdefault(link.training_id, []).append(link)
        for training in trainings:
            training.links = by_training.get(training.pk, [])
            shown = len({link.role_id for link in training.links})
            training.more_roles = counts.get(training.pk, 0) - shown
        groups = grouped(trainings, attrgetter("kind"), Training.Kind.values)
        context["kinds"] = [(Training.Kind(value), items) for value, items in groups.items()]
        return context
