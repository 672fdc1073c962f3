"""Roles and everything that describes them, each fact attributed to its source document.

base: natural keys and `SourcedRow`; reference: sources and vocabularies; role: `Role`;
querysets: its QuerySet; rows: what describes a role; search: the rows the search reads.
"""

from ..grouping import LEVEL_LABELS, LEVEL_ORDER, Level, group_by_level, grouped
from .base import (
    NaturalKeyManager,
    NaturalKeyMixin,
    Quoting,
    SourcedRow,
    TeamWorded,
    Versioned,
)
from .divergence import Divergence, DivergenceVersion
from .reference import (
    EducationLevel,
    EmployerType,
    ExperienceLevel,
    Skill,
    Source,
    SourceQuerySet,
    Training,
)
from .role import Role, RoleQuerySet
from .rows import (
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
from .search import RoleSearch, SearchKey, SearchWord

__all__ = [
    "LEVEL_LABELS",
    "LEVEL_ORDER",
    "CareerMove",
    "Divergence",
    "DivergenceVersion",
    "EducationLevel",
    "EducationRequirement",
    "EmployerType",
    "ExperienceLevel",
    "Fact",
    "Level",
    "MatrixCell",
    "Mission",
    "NaturalKeyManager",
    "NaturalKeyMixin",
    "Quoting",
    "Role",
    "RoleAlias",
    "RoleEmployer",
    "RoleQuerySet",
    "RoleSearch",
    "RoleSkill",
    "RoleTraining",
    "SearchKey",
    "SearchWord",
    "Skill",
    "Source",
    "SourceQuerySet",
    "SourcedRow",
    "TeamWorded",
    "Training",
    "Versioned",
    "group_by_level",
    "grouped",
]
