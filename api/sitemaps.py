from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class OpenDataSitemap(Sitemap):
    """/api/ (the reference) and /donnees/."""

    def items(self):
        return ["api:reference", "api:downloads"]

    def location(self, name):
        return reverse(name)
