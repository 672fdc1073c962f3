"""Bringing a document in: each line of its text an editor picks becomes a row of a role,
with the line's exact words as its excerpt (so the excerpt check passes) and the document as
its source. The document joins the role's sources and the role becomes « documentée ».

`bring_in()` runs in one transaction: a line refused by its model's checks refuses them all,
with the reason on that line (`LinesRefused`).
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from interviews.models import InterviewQuestion
from roles.models import Fact, Mission, Role, RoleSkill, Skill
from salaries.models import SalaryBand

BULLETS = "•-–—*·▪ \t"
CONFLICT = _("Cette ligne vient d'être reprise par un autre éditeur : rechargez la page.")


class Use:
    MISSION = "mission"
    SKILL = "competence"
    TRAINING = "formation"
    FACT = "fait"
    QUESTION_EXPERIENCE = "question-experience"
    QUESTION_SITUATION = "question-situation"
    QUESTION_KNOWLEDGE = "question-connaissance"
    SALARY = "salaire"

    CHOICES = [
        ("", "—"),
        (MISSION, _("mission")),
        (SKILL, _("compétence")),
        (TRAINING, _("formation")),
        (FACT, _("fait (présentation)")),
        (QUESTION_EXPERIENCE, _("question d'entretien : expérience")),
        (QUESTION_SITUATION, _("question d'entretien : mise en situation")),
        (QUESTION_KNOWLEDGE, _("question d'entretien : connaissances")),
        (SALARY, _("fourchette de salaire")),
    ]
    QUESTION_KINDS = {
        QUESTION_EXPERIENCE: InterviewQuestion.Kind.EXPERIENCE,
        QUESTION_SITUATION: InterviewQuestion.Kind.SITUATION,
        QUESTION_KNOWLEDGE: InterviewQuestion.Kind.KNOWLEDGE,
    }


def excerpt_of(line):
    """A line's words without the list mark before them (« - », « • »): still the document's
    words, found in its text."""
    return line.strip().lstrip(BULLETS).strip()


@dataclass
class Pick:
    """One line an editor picked: what it becomes, for which role (a `Role`, or None for the
    new role), with a skill's name or a band's amounts when the use needs them."""

    number: int
    text: str
    use: str
    role: Role | None
    name: str = ""
    low: int | None = None
    high: int | None = None


class LinesRefused(Exception):
    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors  # {line number: [messages]}


def _next(model, **lookups):
    return (model.objects.filter(**lookups).aggregate(top=Max("order"))["top"] or 0) + 1


def _saved(row):
    row.full_clean()
    row.save()
    return row


def _mission(pick, role, source):
    order = _next(Mission, role=role, source=source)
    return _saved(Mission(role=role, source=source, order=order, title=pick.text))


def _skill(pick, role, source):
    name = pick.name or pick.text
    skill = Skill.objects.filter(name__iexact=name).first()
    if skill is None:
        skill = Skill.objects.filter(slug=slugify(name)[:120]).first()
    if skill is None:
        skill = Skill(name=name, category=Skill.Category.KNOW_HOW)
        skill.slug = slugify(name)[:120]
        _saved(skill)
    if RoleSkill.objects.filter(role=role, skill=skill, source=source).exists():
        raise ValidationError(
            _("« %(skill)s » est déjà une compétence de ce métier selon ce document.")
            % {"skill": skill.name}
        )
    order = _next(RoleSkill, role=role, source=source)
    return _saved(RoleSkill(role=role, skill=skill, source=source, wording=pick.text, order=order))


def _fact(kind):
    def create(pick, role, source):
        order = _next(Fact, role=role, source=source, kind=kind)
        return _saved(Fact(role=role, source=source, kind=kind, text=pick.text, order=order))

    return create


def _question(pick, role, source):
    order = _next(InterviewQuestion, source=source)
    question = InterviewQuestion(
        text=pick.text, kind=Use.QUESTION_KINDS[pick.use], source=source, order=order
    )
    _saved(question)
    question.roles.add(role)
    return question


def _salary(pick, role, source):
    return _saved(
        SalaryBand(role=role, source=source, low=pick.low, high=pick.high, excerpt=pick.text)
    )


CREATE = {
    Use.MISSION: _mission,
    Use.SKILL: _skill,
    Use.TRAINING: _fact(Fact.Kind.EDUCATION),
    Use.FACT: _fact(Fact.Kind.PRESENTATION),
    Use.QUESTION_EXPERIENCE: _question,
    Use.QUESTION_SITUATION: _question,
    Use.QUESTION_KNOWLEDGE: _question,
    Use.SALARY: _salary,
}


def new_role(name):
    """A draft role named `name`, documented by the lines it is given."""
    role = Role(name=name, slug=slugify(name), status=Role.Status.DRAFT, is_documented=True)
    _saved(role)
    return role


@transaction.atomic
def bring_in(source, picks, new_role_name=""):
    """Creates a row per pick; returns the roles given rows, each documented by `source`.
    Raises `LinesRefused` (nothing saved) when a line is refused."""
    created_role = new_role(new_role_name) if new_role_name else None
    roles, errors = {}, {}
    for pick in picks:
        role = pick.role or created_role
        if role.pk not in roles:
            roles[role.pk] = role
            role.sources.add(source)  # before the rows: a fact's document describes its role
        try:
            with transaction.atomic():  # a refused line leaves the transaction usable
                CREATE[pick.use](pick, role, source)
        except ValidationError as error:
            errors[pick.number] = error.messages
        except IntegrityError:  # saved meanwhile by another editor
            errors[pick.number] = [CONFLICT]
    if errors:
        raise LinesRefused(errors)
    for role in roles.values():
        if not role.is_documented:
            role.is_documented = True
            role.save(update_fields=["is_documented", "updated_at"])
    return list(roles.values())
