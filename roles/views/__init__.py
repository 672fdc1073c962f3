"""The hub's pages, one module per theme; `roles.urls` and `config.urls` read them from here."""

from ..pagination import AnyPageMixin  # the question bank's view imports it from here too
from .browse import HomeView, RoleCompareView, RoleListView, sorted_by_name
from .catalogue import SkillDetailView, SkillListView, ToolListView, TrainingListView
from .documents import SourceDetailView, SourceListView
from .search import search_view, suggestions_view
from .sheet import CareerMapView, RoleDetailView

__all__ = [
    "AnyPageMixin",
    "CareerMapView",
    "HomeView",
    "RoleCompareView",
    "RoleDetailView",
    "RoleListView",
    "SkillDetailView",
    "SkillListView",
    "SourceDetailView",
    "SourceListView",
    "ToolListView",
    "TrainingListView",
    "search_view",
    "sorted_by_name",
    "suggestions_view",
]
