from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from api.sitemaps import OpenDataSitemap
from interviews.sitemaps import InterviewsSitemap
from roles import views as role_views
from roles.sitemaps import PagesSitemap, RoleSitemap, SkillSitemap
from salaries.sitemaps import SalariesSitemap

from . import views

admin.site.site_header = _("Fiches métiers — administration")
admin.site.site_title = _("Fiches métiers")
admin.site.index_title = _("Contenu des fiches")

SITEMAPS = {
    "pages": PagesSitemap,
    "metiers": RoleSitemap,
    "competences": SkillSitemap,
    "salaires": SalariesSitemap,
    "entretiens": InterviewsSitemap,
    "donnees": OpenDataSitemap,
}

urlpatterns = [
    path("", role_views.HomeView.as_view(), name="home"),
    # Search reads only: GET and HEAD, 405 for any other method. The same address as
    # roles:search (roles/urls.py), matched first so that reversing is unchanged.
    path("recherche/", require_safe(role_views.search_view), name="search"),
    path("", include("roles.urls")),
    path("salaires/", include("salaries.urls")),
    path("entretiens/", include("interviews.urls")),
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
    path("", include("api.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="api/robots.txt", content_type="text/plain"),
        name="robots",
    ),
]

if settings.BENCH_VIEWS:  # `make bench` only: the bare view the ratios are measured against
    urlpatterns.append(path("bench/ok", views.bench_ok))

# The French 500 page; a lost database gets the 503 page instead (see config/middleware.py).
handler500 = views.server_error
