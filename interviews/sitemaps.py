from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from django.urls import reverse

from roles.models import Role


class InterviewsSitemap(Sitemap):
    """/entretiens/, the question bank, and the kit of each role the documents give questions
    or a case study for (one query)."""

    def items(self):
        roles = (
            Role.objects.published()
            .filter(Q(interview_questions__isnull=False) | Q(case_studies__isnull=False))
            .distinct()
            .order_by("name")
            .values_list("slug", flat=True)
        )
        return ["interviews:bank", *(("interviews:kit", slug) for slug in roles)]

    def location(self, item):
        if isinstance(item, str):
            return reverse(item)
        name, slug = item
        return reverse(name, kwargs={"slug": slug})
