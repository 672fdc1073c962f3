from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class SalariesSitemap(Sitemap):
    """/salaires/."""

    def items(self):
        return ["salaries:explorer"]

    def location(self, name):
        return reverse(name)
