"""The source documents: their list and each document whole, with what the site quotes."""

from django.views.generic import DetailView, ListView

from .. import passages
from ..models import Source


class SourceListView(ListView):
    """Each source document and what came from it."""

    template_name = "roles/source_list.html"
    context_object_name = "sources"

    def get_queryset(self):
        return Source.objects.with_contributions().defer("text")


class SourceDetailView(DetailView):
    """/sources/<slug>/: the whole document, every passage the site quotes marked and linked
    to where the site shows it, the share of the document used (`document`, see
    roles/passages.py). Queries: the source with its number of roles, its first roles, and
    at most two per quoted field (roles/passages.py), whatever the content's size."""

    template_name = "roles/source_detail.html"
    context_object_name = "source"

    def get_queryset(self):
        return Source.objects.with_roles_shown()

    def get_context_data(self, **kwargs):
        return super().get_context_data(document=passages.annotate(self.object), **kwargs)
