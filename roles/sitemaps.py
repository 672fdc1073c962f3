"""The pages of roles in /sitemap.xml: the main pages, every role sheet and skill page.

The content carries no dates; `lastmod` is the latest admin change to the row, when an
editor has changed it (inlines log their change on the role).
"""

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps import Sitemap
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.urls import reverse

from .models import Role, Skill


def with_last_change(queryset):
    """`queryset` annotated with `last_change`: the latest admin log entry of each row."""
    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(queryset.model),
        object_id=Cast(OuterRef("pk"), CharField()),
    ).order_by("-action_time")
    return queryset.annotate(last_change=Subquery(entries.values("action_time")[:1]))


class PagesSitemap(Sitemap):
    """The pages that list the content."""

    names = [
        "home",
        "roles:list",
        "roles:skills",
        "roles:tools",
        "roles:trainings",
        "roles:careers",
        "roles:sources",
    ]

    def items(self):
        return self.names

    def location(self, name):
        return reverse(name)


class RoleSitemap(Sitemap):
    def items(self):
        return with_last_change(Role.objects.published().only("slug")).order_by("name")

    def lastmod(self, role):
        return role.last_change


class SkillSitemap(Sitemap):
    def items(self):
        return with_last_change(Skill.objects.only("slug")).order_by("name")

    def lastmod(self, skill):
        return skill.last_change
