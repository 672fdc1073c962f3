from django.urls import path

from . import views

app_name = "roles"
urlpatterns = [
    path("metiers/", views.RoleListView.as_view(), name="list"),
    path("metiers/<slug:slug>/", views.RoleDetailView.as_view(), name="detail"),
    path("sources/", views.SourceListView.as_view(), name="sources"),
]
