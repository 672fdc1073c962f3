from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from roles import views as role_views

from . import views

admin.site.site_header = _("Fiches métiers — administration")
admin.site.site_title = _("Fiches métiers")
admin.site.index_title = _("Contenu des fiches")

urlpatterns = [
    path("", role_views.HomeView.as_view(), name="home"),
    # Search reads only: GET and HEAD, 405 for any other method. The same address as
    # roles:search (roles/urls.py), matched first so that reversing is unchanged.
    path("recherche/", require_safe(role_views.search_view)),
    path("", include("roles.urls")),
    path("salaires/", include("salaries.urls")),
    path("entretiens/", include("interviews.urls")),
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
]

# The French 500 page; a lost database gets the 503 page instead (see config/middleware.py).
handler500 = views.server_error
