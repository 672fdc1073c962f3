"""Hierarchy levels in career order, and rows already fetched grouped for display (no query)."""

from operator import attrgetter

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    """Hierarchy levels in career order: coordination, then management, then direction."""

    COORDINATION = "coordination", _("Coordination")
    MANAGEMENT = "management", _("Management")
    DIRECTION = "direction", _("Direction")

    @classmethod
    def rank(cls, value):
        return list(cls.values).index(value) if value in cls.values else len(cls.values)


LEVEL_ORDER = [*Level.values, ""]  # "": a role whose level is not given comes last
LEVEL_LABELS = {**dict(Level.choices), "": _("Niveau non précisé")}


def grouped(items, key, values):
    """{value: [items]} in the order of `values`, for the values some item has."""
    groups = {value: [] for value in values}
    for item in items:
        groups[key(item)].append(item)
    return {value: members for value, members in groups.items() if members}


def group_by_level(items, level=attrgetter("level")):
    """[(level label, [items])] in career order, from already fetched items."""
    groups = grouped(
        items, lambda item: level(item) if level(item) in LEVEL_LABELS else "", LEVEL_ORDER
    )
    return [(LEVEL_LABELS[value], members) for value, members in groups.items()]
