"""Presentation helpers shared by every app's templates."""

from django import template

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


@register.inclusion_tag("includes/source_ref.html")
def source_ref(source):
    """A short link to the source document a fact comes from."""
    return {"source": source}
