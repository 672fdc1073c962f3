from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class InterviewsSitemap(Sitemap):
    """/entretiens/, the question bank."""

    def items(self):
        return ["interviews:bank"]

    def location(self, name):
        return reverse(name)
