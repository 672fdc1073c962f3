"""Role names and alternate titles that start with what a reader is typing: the suggestions
under the search box, served as JSON by `roles:suggestions` (also for role choosers)."""

from django import forms
from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.functions import Length
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..models import RoleAlias, SearchKey
from .queries import Query
from .text import key

DEFAULT_LIMIT = 8
MAX_LIMIT = 20


class SuggestionsForm(forms.Form):
    """`q`: what is typed so far (cut like any query); `limit`: how many, capped."""

    q = forms.CharField(required=False, strip=True)
    limit = forms.IntegerField(required=False, min_value=1, label=_("nombre"))

    def clean_limit(self):
        return min(self.cleaned_data["limit"] or DEFAULT_LIMIT, MAX_LIMIT)


def suggestions(text, limit=DEFAULT_LIMIT):
    """[{"name", "url", "alias"}]: up to `limit` roles whose name, or one of whose alternate
    titles (`alias`, else None), has a word starting with each typed word; accents, case
    and feminine forms do not matter. Names first, then titles that start with the words,
    then shorter titles. Two queries at most, whatever the size of the content: the matching
    keys with their roles, then the text of the matching alternate titles."""
    query = Query.parse(text)
    if not query or sum(map(len, query.stems)) < 2:
        return []
    kinds = SearchKey.Kind
    condition = Q(kind__in=[kinds.NAME, kinds.ALIAS])
    for word in query.stems:
        condition &= Q(key__startswith=word) | Q(key__contains=f" {word}")
    keys = list(
        SearchKey.objects.filter(condition)
        .annotate(
            starts=Case(
                When(key__startswith=query.stems[0], then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("kind", "starts", Length("key"), "key", "role__name")
        .values_list("role_id", "kind", "key", "role__name", "role__slug")[:limit]
    )
    aliases = {}
    alias_roles = {role_id for role_id, kind, *_rest in keys if kind == kinds.ALIAS}
    if alias_roles:
        for role_id, name in (
            RoleAlias.objects.filter(role_id__in=alias_roles)
            .order_by("order", "pk")
            .values_list("role_id", "name")
        ):
            aliases.setdefault((role_id, key(name)), name)
    return [
        {
            "name": role_name,
            "url": reverse("roles:detail", kwargs={"slug": slug}),
            "alias": aliases.get((role_id, found)) if kind == kinds.ALIAS else None,
        }
        for role_id, kind, found, role_name, slug in keys
    ]
