"""The editors' dashboard on the admin index (templates/admin/editors_index.html)."""

from django import template
from django.utils import timezone

from .. import passages
from ..models import Role, Source

register = template.Library()

LATEST_CHANGES = 10


@register.simple_tag
def editors_dashboard():
    """Sheets due for review, drafts, roles still undocumented, documents with passages the
    site does not use yet, and the latest changes to roles."""
    today = timezone.localdate()
    documents = [
        (source, passages.annotate(source).coverage) for source in Source.objects.order_by("order")
    ]
    return {
        "due": Role.objects.due_for_review(today).only("name", "review_due"),
        "drafts": Role.objects.filter(status=Role.Status.DRAFT).only("name", "slug"),
        "undocumented": Role.objects.published().filter(is_documented=False).only("name"),
        "documents": [(source, coverage) for source, coverage in documents if coverage < 100],
        "latest": Role.history.select_related("history_user").order_by("-history_date")[
            :LATEST_CHANGES
        ],
    }
