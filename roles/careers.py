"""Careers at a glance: the graph of documented moves, paths through it, role comparisons.

The views start here. Every function works from rows fetched in a fixed number of
queries (named in each docstring) and computes the rest in Python.
"""

from collections import deque
from dataclasses import dataclass, field
from itertools import pairwise
from operator import attrgetter

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import diagrams
from .models import (
    LEVEL_LABELS,
    LEVEL_ORDER,
    CareerMove,
    Role,
    RoleSkill,
    group_by_level,
)

MAX_DEPTH_IN_LEVEL = 2  # sub-columns a level may take on the map (moves within a level)


# Rows -------------------------------------------------------------------------------------


def salary_span(bands):
    """(lowest figure, highest figure) of a role's bands, or None when no source gives one."""
    bands = list(bands)
    if not bands:
        return None
    return min(band.low for band in bands), max(band.high for band in bands)


# The graph of documented moves ------------------------------------------------------------


@dataclass
class Link:
    """One or more documented moves between the same two roles."""

    from_role: Role
    to_role: Role
    moves: list = field(default_factory=list)

    @property
    def sources(self):
        seen = {}
        for move in self.moves:
            seen.setdefault(move.source_id, move.source)
        return list(seen.values())


@dataclass
class MapEntry:
    """A role as the text version of the map tells it."""

    role: Role
    links_out: list = field(default_factory=list)
    links_in: list = field(default_factory=list)
    specialisations: list = field(default_factory=list)  # [(label, [sources])]


class CareerGraph:
    """Every role and every documented move, searched in memory.

    Queries (`load`): 1 roles in career order, 1 career moves with their sources.
    """

    def __init__(self, roles, moves):
        self.roles = list(roles)
        self.by_id = {role.pk: role for role in self.roles}
        self.by_slug = {role.slug: role for role in self.roles}
        self.links = {}  # (from id, to id) → Link, in the order the documents give them
        self.specialisations = {}  # role id → {label: [sources]}
        for move in moves:
            if move.from_role_id not in self.by_id:
                continue
            if move.to_role_id:
                if move.to_role_id not in self.by_id:
                    continue
                key = (move.from_role_id, move.to_role_id)
                link = self.links.setdefault(
                    key, Link(self.by_id[move.from_role_id], self.by_id[move.to_role_id])
                )
                link.moves.append(move)
            else:
                sources = self.specialisations.setdefault(move.from_role_id, {}).setdefault(
                    move.specialisation, []
                )
                if move.source not in sources:
                    sources.append(move.source)
        self.successors = {}
        for from_id, to_id in self.links:
            self.successors.setdefault(from_id, []).append(to_id)

    @classmethod
    def load(cls):
        roles = Role.objects.published().by_level()
        moves = CareerMove.objects.filter(
            Q(to_role__isnull=True) | Q(to_role__status=Role.Status.PUBLISHED),
            from_role__status=Role.Status.PUBLISHED,
        )
        moves = moves.select_related("source").order_by("order", "pk")
        return cls(roles, moves)

    def shortest_path(self, start, end):
        """The fewest documented moves from `start` to `end` (roles), or None (breadth first)."""
        if start.pk not in self.by_id or end.pk not in self.by_id:
            return None
        previous = {start.pk: None}
        queue = deque([start.pk])
        while queue:
            current = queue.popleft()
            if current == end.pk:
                chain = []
                while current is not None:
                    chain.append(self.by_id[current])
                    current = previous[current]
                return chain[::-1]
            for following in self.successors.get(current, []):
                if following not in previous:
                    previous[following] = current
                    queue.append(following)
        return None

    def reachable_from(self, start):
        """[(role, number of moves)] every role documented moves lead to from `start`,
        nearest first (breadth first)."""
        distance = {start.pk: 0}
        queue = deque([start.pk])
        while queue:
            current = queue.popleft()
            for following in self.successors.get(current, []):
                if following not in distance:
                    distance[following] = distance[current] + 1
                    queue.append(following)
        return [(self.by_id[pk], steps) for pk, steps in distance.items() if steps]

    def link(self, from_role, to_role):
        return self.links.get((from_role.pk, to_role.pk))

    def entries_by_level(self):
        """[(level label, [MapEntry])] in career order: the map told as text."""
        entries = {role.pk: MapEntry(role) for role in self.roles}
        for (from_id, to_id), link in self.links.items():
            entries[from_id].links_out.append(link)
            entries[to_id].links_in.append(link)
        for role_id, specialisations in self.specialisations.items():
            entries[role_id].specialisations = list(specialisations.items())
        return group_by_level([entries[role.pk] for role in self.roles], attrgetter("role.level"))

    def columns(self):
        """Column of each role id on the map and the lanes: levels left to right, and moves
        within a level pushing their target one sub-column further."""
        level_of = {role.pk: role.level if role.level in LEVEL_ORDER else "" for role in self}
        depth = dict.fromkeys(level_of, 0)
        within = [(a, b) for a, b in self.links if level_of[a] == level_of[b]]
        for _round in range(len(depth)):
            changed = False
            for a, b in within:
                if depth[b] < min(depth[a] + 1, MAX_DEPTH_IN_LEVEL):
                    depth[b] = min(depth[a] + 1, MAX_DEPTH_IN_LEVEL)
                    changed = True
            if not changed:
                break
        column, lanes, offset = {}, [], 0
        for level in LEVEL_ORDER:
            members = [pk for pk, value in level_of.items() if value == level]
            if not members:
                continue
            width = max(depth[pk] for pk in members) + 1
            for pk in members:
                column[pk] = offset + depth[pk]
            lanes.append((offset, offset + width - 1, LEVEL_LABELS[level], f"lane lane-{level}"))
            offset += width
        return column, lanes

    def __iter__(self):
        return iter(self.roles)

    def diagram(self, path=()):
        """The map as a diagrams.Diagram; the roles of `path` (a list) are highlighted."""
        column, lanes = self.columns()
        on_path = {role.pk for role in path}
        nodes = []
        for role in self.roles:
            css = ["node"]
            if not role.is_documented:
                css.append("undocumented")
            if role.pk in on_path:
                css.append("on-path")
            specialisations = self.specialisations.get(role.pk, {})
            nodes.append(
                diagrams.Node(
                    key=role.slug,
                    label=role.name,
                    url=role.get_absolute_url(),
                    column=column[role.pk],
                    css=" ".join(css),
                    note="" if role.is_documented else str(_("fiche à documenter")),
                    children=[
                        (label, f"{role.get_absolute_url()}#evolutions", "node specialisation")
                        for label in specialisations
                    ],
                )
            )
        links = [
            (link.from_role.slug, link.to_role.slug, f"{link.from_role} → {link.to_role}")
            for link in self.links.values()
        ]
        highlighted = {(a.slug, b.slug) for a, b in pairwise(path)}
        return diagrams.layout(nodes, links, lanes=lanes, highlighted=highlighted)


def neighbourhood(role):
    """The role between where people come from and where they go, from the sheet's
    prefetched `moves_in` / `moves_out` (no query). None when no document states a move."""
    sources = {}
    for move in role.moves_in.all():
        sources.setdefault(move.from_role_id, move.from_role)
    targets = {}
    for move in role.moves_out.all():
        if move.to_role_id:
            targets.setdefault(move.to_role_id, move.to_role)
    specialisations = list(dict.fromkeys(move.specialisation for move in role.specialisations))
    if not (sources or targets or specialisations):
        return None

    def node(other, key, column):
        css = "node" if other.is_documented else "node undocumented"
        note = "" if other.is_documented else str(_("fiche à documenter"))
        return diagrams.Node(key, other.name, other.get_absolute_url(), column, css, note)

    nodes = [node(other, f"de-{other.slug}", 0) for other in sources.values()]
    centre = diagrams.Node(
        key=role.slug,
        label=role.name,
        url=role.get_absolute_url(),
        column=1 if sources else 0,
        css="node is-current",
        children=[(label, "#evolutions", "node specialisation") for label in specialisations],
    )
    nodes.append(centre)
    nodes += [node(other, f"vers-{other.slug}", centre.column + 1) for other in targets.values()]
    links = [(f"de-{o.slug}", role.slug, f"{o} → {role}") for o in sources.values()]
    links += [(role.slug, f"vers-{o.slug}", f"{role} → {o}") for o in targets.values()]
    return diagrams.layout(nodes, links)


# A path between two roles -----------------------------------------------------------------


@dataclass
class PathStep:
    """A role on a path, the moves that lead to it, and its salary compared with the step
    before."""

    role: Role
    link: Link | None
    span: tuple | None
    previous_span: tuple | None

    @property
    def change(self):
        """(change of the lowest figure, change of the highest), when both steps have figures."""
        if self.span is None or self.previous_span is None:
            return None
        return self.span[0] - self.previous_span[0], self.span[1] - self.previous_span[1]


@dataclass
class CareerPath:
    steps: list

    @property
    def move_count(self):
        return len(self.steps) - 1

    @property
    def known_spans(self):
        return [step for step in self.steps if step.span is not None]

    @property
    def overall_change(self):
        """From the first to the last step, when both have figures."""
        first, last = self.steps[0], self.steps[-1]
        if first.span is None or last.span is None:
            return None
        return last.span[0] - first.span[0], last.span[1] - first.span[1]


def career_path(graph, chain, detailed_roles):
    """Steps of a chain of roles, with the detailed rows of `detailed_roles` (by id)."""
    steps, previous_span, previous = [], None, None
    for role in chain:
        detailed = detailed_roles[role.pk]
        span = salary_span(detailed.salary_bands.all())
        link = graph.link(previous, role) if previous else None
        steps.append(PathStep(detailed, link, span, previous_span if previous else None))
        previous, previous_span = role, span
    return CareerPath(steps)


# Comparison -------------------------------------------------------------------------------


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
    span: tuple | None

    @property
    def specific_count(self):
        return sum(skill.is_specific for skill in self.skills)


def compare(roles):
    """Skills marked shared or specific, salary spans, for roles fetched with
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
        compared.append(ComparedRole(role, items, salary_span(role.salary_bands.all())))
    return compared


def shared_skills(compared):
    """Skills every compared role lists, in the first role's order."""
    if not compared:
        return []
    return [item.role_skill.skill for item in compared[0].skills if item.shared_by_all]
