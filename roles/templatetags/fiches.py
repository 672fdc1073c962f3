"""Presentation helpers shared by every app's templates."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext

from .. import structured_data
from ..models import Quoting

register = template.Library()

NARROW_NBSP = "\u202f"  # French thousands separator
NBSP = "\u00a0"


@register.filter
def euros(amount):
    """25000 → "25 000 €" (French money format, spaces that never break)."""
    if amount in (None, ""):
        return ""
    try:
        value = int(amount)
    except (TypeError, ValueError):
        return amount
    return f"{value:,}".replace(",", NARROW_NBSP) + f"{NBSP}€"


@register.simple_tag
def euro_range(low, high):
    """A salary figure: "25 000 €" when both ends agree, else "de 25 000 € à 32 000 €"."""
    if low == high:
        return euros(low)
    return gettext("de %(low)s à %(high)s") % {"low": euros(low), "high": euros(high)}


@register.simple_tag
def experience(level, years="tag"):
    """An experience level's name and years; "Tous niveaux" when a figure holds for every level.

    `years` says how the years show: "tag" in a <span class="years"> (a line of their own),
    "brackets" in a muted bracket after the name, "dot" after a middle dot (SVG text, where
    no HTML goes), "" not at all.
    """
    if level is None:
        return gettext("Tous niveaux")
    if not (years and level.years):
        return level.name
    if years == "brackets":
        return format_html('{} <span class="muted">({})</span>', level.name, level.years)
    if years == "dot":
        return format_html("{} · {}", level.name, level.years)
    return format_html('{} <span class="years">{}</span>', level.name, level.years)


@register.inclusion_tag("includes/source_ref.html")
def source_ref(item):
    """A short link to the document a fact comes from, named as readers know it.

    Given the row that quotes the document (a mission, a salary band…), the link opens the
    document at that passage; given the document itself, at its top.
    """
    if isinstance(item, Quoting):
        return {"source": item.quoted_source, "url": item.passage_url()}
    return {"source": item, "url": item.get_absolute_url()}


@register.simple_tag(takes_context=True)
def occupation_jsonld(context, role):
    """The sheet's schema.org `Occupation` as a JSON-LD block; nothing for an undocumented
    role (no document describes it). Reads only the rows `Role.objects.with_sheet()` fetched."""
    if not role.is_documented:
        return ""
    return structured_data.script(structured_data.occupation(role, context.get("request")))
