from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from roles import views as role_views

from . import views

admin.site.site_header = _("Fiches métiers — administration")
admin.site.site_title = _("Fiches métiers")
admin.site.index_title = _("Contenu des fiches")

urlpatterns = [
    path("", role_views.HomeView.as_view(), name="home"),
    path("", include("roles.urls")),
    path("salaires/", include("salaries.urls")),
    path("entretiens/", include("interviews.urls")),
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
]

# The French 500 page; a lost database gets the 503 page instead (see config/middleware.py).
handler500 = views.server_error
