"""Template helpers of the career pages (map, path, comparison, salaries)."""

from django import template

from .fiches import euros

register = template.Library()

MINUS = "\u2212"  # a real minus sign, not a hyphen


@register.filter
def signed_euros(amount):
    """15000 → "+15 000 €", -5000 → "−5 000 €", 0 → "0 €" (a change of salary)."""
    if amount in (None, ""):
        return ""
    value = int(amount)
    sign = "+" if value > 0 else MINUS if value < 0 else ""
    return f"{sign}{euros(abs(value))}"
