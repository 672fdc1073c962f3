"""Careers at a glance: the graph of documented moves and paths through it (role comparisons:
roles/comparison.py).

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
    group_by_level,
)

MAX_DEPTH_IN_LEVEL = 2  # sub-columns a level may take on the map (moves within a level)
FULL_MAP_ROLES = 40  # up to this many roles the whole map is drawn; beyond, a neighbourhood
NEIGHBOURHOOD_ROLES = 40  # at most this many roles around the chosen ones


# Rows -------------------------------------------------------------------------------------


def spans_by_source(bands):
    """{source id: DocumentSpan} the lowest and highest figure each document gives for a role.
    Figures of different documents are never put together (their basis, period, place and
    date differ, or are not stated); the editors' own wording is no document's figure."""
    spans = {}
    for band in (band for band in bands if not band.is_team_wording):
        span = spans.get(band.source_id)
        if span is None:
            spans[band.source_id] = DocumentSpan(band.source, band.low, band.high)
        else:
            span.low, span.high = min(span.low, band.low), max(span.high, band.high)
    return spans


@dataclass
class DocumentSpan:
    """The figures one document gives for one role (from its own bands only)."""

    source: object
    low: int
    high: int


@dataclass
class SalaryChange:
    """From one step to another, as one document gives both: change of its lowest figure and
    of its highest."""

    source: object
    low: int
    high: int


def salary_changes(before, after):
    """[SalaryChange] for each document that gives figures at both ends, in the order of
    `after`; empty when no single document does (then no change is computed)."""
    return [
        SalaryChange(span.source, span.low - before[pk].low, span.high - before[pk].high)
        for pk, span in after.items()
        if pk in before
    ]


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
        self.moves = list(moves)
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
        self.successors, self.predecessors = {}, {}
        for from_id, to_id in self.links:
            self.successors.setdefault(from_id, []).append(to_id)
            self.predecessors.setdefault(to_id, []).append(from_id)

    @classmethod
    def load(cls):
        from .filters import french_order  # filters import the search, which imports models

        roles = (
            Role.objects.published()
            .by_level()
            .order_by("level_rank", "-is_documented", french_order("name"))
            .only("pk", "slug", "name", "level", "is_documented")
        )
        moves = (
            CareerMove.objects.filter(
                Q(to_role__isnull=True) | Q(to_role__status=Role.Status.PUBLISHED),
                from_role__status=Role.Status.PUBLISHED,
            )
            .select_related("source")
            .defer("source__text")  # the whole document: never needed for a badge
            .order_by("order", "pk")
        )
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

    def neighbourhood_of(self, roles, limit=NEIGHBOURHOOD_ROLES):
        """The graph restricted to `roles` and the roles one documented move away from them
        (at most `limit` roles, the chosen ones first), in career order."""
        wanted = {role.pk: None for role in roles if role.pk in self.by_id}
        for pk in list(wanted):
            for other in self.predecessors.get(pk, []) + self.successors.get(pk, []):
                if len(wanted) >= limit:
                    break
                wanted.setdefault(other)
        return CareerGraph([role for role in self.roles if role.pk in wanted], self.moves)

    def entries(self):
        """[MapEntry] in career order: the map told as text."""
        entries = {role.pk: MapEntry(role) for role in self.roles}
        for (from_id, to_id), link in self.links.items():
            entries[from_id].links_out.append(link)
            entries[to_id].links_in.append(link)
        for role_id, specialisations in self.specialisations.items():
            entries[role_id].specialisations = list(specialisations.items())
        return [entries[role.pk] for role in self.roles]

    def link(self, from_role, to_role):
        return self.links.get((from_role.pk, to_role.pk))

    def entries_by_level(self):
        """[(level label, [MapEntry])] in career order: the map told as text."""
        return group_by_level(self.entries(), attrgetter("role.level"))

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
                    note="" if role.is_documented else str(_("fiche à venir")),
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
        note = "" if other.is_documented else str(_("fiche à venir"))
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
    """A role on a path, the moves that lead to it, and the figures each document gives for
    it (`spans`: {source id: DocumentSpan}) beside those of the step before."""

    role: Role
    link: Link | None
    spans: dict
    previous_spans: dict | None

    @property
    def change(self):
        """[SalaryChange] from the step before, one per document that gives both steps."""
        if self.previous_spans is None:
            return []
        return salary_changes(self.previous_spans, self.spans)


@dataclass
class CareerPath:
    steps: list

    @property
    def move_count(self):
        return len(self.steps) - 1

    @property
    def overall_change(self):
        """[SalaryChange] from the first step to the last, one per document giving both."""
        return salary_changes(self.steps[0].spans, self.steps[-1].spans)


def career_path(graph, chain, detailed_roles):
    """Steps of a chain of roles, with the detailed rows of `detailed_roles` (by id)."""
    steps, previous_spans, previous = [], None, None
    for role in chain:
        detailed = detailed_roles[role.pk]
        spans = spans_by_source(detailed.salary_bands.all())
        link = graph.link(previous, role) if previous else None
        steps.append(PathStep(detailed, link, spans, previous_spans))
        previous, previous_spans = role, spans
    return CareerPath(steps)
