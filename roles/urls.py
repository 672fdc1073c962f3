from django.urls import path

from . import views

app_name = "roles"
urlpatterns = [
    path("metiers/", views.RoleListView.as_view(), name="list"),
    # Before the role sheet: "comparer" would otherwise be taken for a role's slug.
    path("metiers/comparer/", views.RoleCompareView.as_view(), name="compare"),
    path("metiers/<slug:slug>/", views.RoleDetailView.as_view(), name="detail"),
    path("parcours/", views.CareerMapView.as_view(), name="careers"),
    path("sources/", views.SourceListView.as_view(), name="sources"),
    path("sources/<slug:slug>/", views.SourceDetailView.as_view(), name="source"),
    path("recherche/", views.search_view, name="search"),
    path("recherche/suggestions/", views.suggestions_view, name="suggestions"),
    path("competences/", views.SkillListView.as_view(), name="skills"),
    path("competences/<slug:slug>/", views.SkillDetailView.as_view(), name="skill"),
    path("outils/", views.ToolListView.as_view(), name="tools"),
    path("formations/", views.TrainingListView.as_view(), name="trainings"),
]
