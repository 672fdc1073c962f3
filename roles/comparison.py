"""Two or three roles side by side: each one's skills marked shared with the others or specific
(/metiers/comparer/). Works on roles fetched with `Role.objects.for_comparison()`, no query."""

from dataclasses import dataclass

from .models import Role, RoleSkill


@dataclass
class ComparedSkill:
    role_skill: RoleSkill
    shared_with: list  # the other compared roles that list it too
    shared_by_all: bool

    @property
    def is_specific(self):
        return not self.shared_with


@dataclass
class ComparedRole:
    role: Role
    skills: list

    @property
    def specific_count(self):
        return sum(skill.is_specific for skill in self.skills)


def compare(roles):
    """Skills marked shared or specific, for roles fetched with
    `Role.objects.for_comparison()` (no query)."""
    skills_of = {}
    for role in roles:
        unique = {}
        for role_skill in role.role_skills.all():
            unique.setdefault(role_skill.skill_id, role_skill)
        skills_of[role.pk] = unique
    compared = []
    for role in roles:
        others = [other for other in roles if other.pk != role.pk]
        items = []
        for skill_id, role_skill in skills_of[role.pk].items():
            shared_with = [other for other in others if skill_id in skills_of[other.pk]]
            items.append(ComparedSkill(role_skill, shared_with, len(shared_with) == len(others)))
        # Shared by all first, then shared with some, then specific; document order within.
        items.sort(key=lambda item: (not item.shared_by_all, item.is_specific))
        compared.append(ComparedRole(role, items))
    return compared


def shared_skills(compared):
    """Skills every compared role lists, in the first role's order."""
    if not compared:
        return []
    return [item.role_skill.skill for item in compared[0].skills if item.shared_by_all]
